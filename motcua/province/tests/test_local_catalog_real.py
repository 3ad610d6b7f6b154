"""A province's announcement generated from the real national catalog (never a copy of it).

The test imports the national file from MOTCUA_DATA_DIR, writes an announcement for every
local procedure whose counter limit is stated in working days (local limit: 70 % of it,
rounded up to whole days) plus a few without a national limit, imports it, and checks the
reduction against its own sum; a second import of the unchanged national file leaves the
province's versions in force.
"""

from __future__ import annotations

import datetime as dt
import math
import os
from decimal import ROUND_HALF_UP, Decimal
from io import StringIO
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.test import Client
from openpyxl import Workbook

from motcua.catalog import reduction
from motcua.catalog.importer import import_catalog
from motcua.catalog.models import Channel, LocalProcedure, ProcedureVersion
from motcua.catalog.services import version_in_force

REAL_FILE = Path(settings.DATA_DIR) / "catalog" / "procedures-2026-07.jsonl.gz"
DECISION_DAY = dt.date(2026, 3, 15)

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not REAL_FILE.exists() and not os.environ.get("CI"), reason="real data folder absent"),
]


def generated_announcement(path: Path) -> tuple[Path, Decimal, Decimal]:
    """The announcement, with the sums of national and local working days it should give."""
    counters = Channel.objects.filter(kind="counter", version__valid_to__isnull=True).filter(
        version__procedure__at_commune=True
    ) | Channel.objects.filter(
        kind="counter", version__valid_to__isnull=True, version__procedure__at_province=True
    )
    rows, national_sum, local_sum = [], Decimal(0), Decimal(0)
    without_limit = 0
    for channel in counters.select_related("version__procedure").order_by("version__procedure__code"):
        code = channel.version.procedure.code
        value = channel.time_limit_value
        if channel.time_limit_unit == "working_days" and value is not None and value >= 2:
            local = math.ceil(value * Decimal("0.7"))
            rows.append([code, channel.version.procedure.name, local, "ngày làm việc", ""])
            national_sum += value
            local_sum += local
        elif channel.time_limit_value is None and without_limit < 3:
            without_limit += 1
            rows.append([code, channel.version.procedure.name, 5, "ngày làm việc", "Miễn phí"])
    book = Workbook()
    sheet = book.active
    sheet.append(["Quyết định số 999/QĐ-UBND ngày 15/03/2026 của Chủ tịch UBND tỉnh Lạng Sơn"])
    sheet.append(
        ["STT", "Mã thủ tục", "Tên thủ tục", "Thời hạn giải quyết", "Đơn vị thời hạn", "Phí, lệ phí"]
    )
    for index, row in enumerate(rows, start=1):
        sheet.append([index, *row])
    book.save(path)
    return path, national_sum, local_sum


@pytest.mark.django_db
def test_an_announcement_built_from_the_national_catalog_reports_its_own_reduction(
    tmp_path: Path, client: Client
) -> None:
    import_catalog(REAL_FILE, effective=dt.date(2025, 7, 1), report_path=tmp_path / "report.jsonl")
    path, national_sum, local_sum = generated_announcement(tmp_path / "announcement.xlsx")

    out = StringIO()
    call_command("province", "catalog", str(path), stdout=out)

    report = reduction.report("H37", DECISION_DAY)
    expected = ((national_sum - local_sum) / national_sum * 100).quantize(Decimal("0.01"), ROUND_HALF_UP)
    assert report.province.percent == expected and 25 < expected < 35
    assert report.province.not_comparable == 3
    assert report.province.national_days == national_sum and report.province.local_days == local_sum
    assert len(report.procedures) == LocalProcedure.objects.count() > 500
    assert {g.key for g in report.by_level} == {"province", "commune"}

    birth = version_in_force("1.001193", DECISION_DAY)
    assert birth is not None and birth.valid_from == dt.date(2025, 7, 1)  # same-day limit: not announced
    some = report.procedures[0].local
    assert version_in_force(some.procedure, DECISION_DAY) == some.version
    page = client.get(f"/catalog/{some.procedure.code}/").content.decode()
    assert "Quyết định số 999/QĐ-UBND ngày 15/03/2026" in page

    versions = ProcedureVersion.objects.count()
    again = import_catalog(REAL_FILE, effective=dt.date(2026, 8, 1), report_path=tmp_path / "again.jsonl")
    assert again.unchanged == 2378 and ProcedureVersion.objects.count() == versions
    assert version_in_force(some.procedure, dt.date(2026, 9, 1)) == some.version
