"""The real national catalog imports in full with ≥ 95% structured time limits (one import)."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest
from django.conf import settings

from motcua.catalog.importer import import_catalog
from motcua.catalog.models import Channel, Procedure, ProcedureVersion
from motcua.catalog.services import template_hours, version_in_force

DATA_DIR = Path(settings.DATA_DIR)
REAL_FILE = DATA_DIR / "catalog" / "procedures-2026-07.jsonl.gz"


@pytest.mark.django_db
@pytest.mark.skipif(not DATA_DIR.exists() and not os.environ.get("CI"), reason="real data folder absent")
def test_full_national_catalog_imports_with_structured_time_limits(tmp_path: Path) -> None:
    result = import_catalog(REAL_FILE, effective=dt.date(2025, 7, 1), report_path=tmp_path / "report.jsonl")

    assert result.read == result.created == 2378
    assert Procedure.objects.count() == 2378
    assert ProcedureVersion.objects.count() == 2378
    stats = result.parts["time_limit"]
    assert stats.had > 2000
    assert stats.parsed / stats.had >= 0.95
    assert result.parts["requirements"].rate >= 0.9
    assert result.parts["legal_bases"].rate >= 0.9
    assert Channel.objects.filter(time_limit_value__isnull=False).count() > 5000

    birth = version_in_force("1.001193", dt.date(2025, 7, 1))
    assert birth is not None and birth.procedure.at_commune
    assert birth.channel("counter").time_limit_unit == "same_day_15h"  # type: ignore[union-attr]
    assert template_hours(birth) == 8
    copy = version_in_force("2.000815", dt.date(2025, 7, 1))
    assert copy is not None and copy.channel("counter").fee_amount == 2000  # type: ignore[union-attr]
    assert (tmp_path / "report.jsonl").exists()
