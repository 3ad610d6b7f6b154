"""The Government's real conversion table, imported once: counts the issue promises.

One test on purpose: the import takes a few seconds, so it runs once per session.
"""

from __future__ import annotations

import datetime as dt
import os
from io import StringIO

import pytest
from django.conf import settings
from django.core.management import call_command

from motcua.geography import services
from motcua.geography.models import REFORM_DATE, Succession, Unit

DATA_DIR = settings.DATA_DIR
TABLE = DATA_DIR / "units" / "conversion-2025-07-01.csv"

pytestmark = pytest.mark.skipif(
    not DATA_DIR.exists() and not os.environ.get("CI"),
    reason="the Government's data files are not on this machine",
)

NEW_LEVELS = ["commune", "ward", "special_zone"]
OLD_LEVELS = ["commune", "ward", "township"]


@pytest.mark.slow
@pytest.mark.django_db
def test_the_whole_country_imports_with_the_published_counts() -> None:
    out = StringIO()
    call_command("units", "import", str(TABLE), "--no-progress", stdout=out, stderr=StringIO())

    after = dt.date(2025, 8, 1)
    assert Unit.objects.filter(level="province").on(after).count() == 34
    assert Unit.objects.filter(level__in=NEW_LEVELS, valid_from=REFORM_DATE).count() == 3321
    assert Unit.objects.filter(level="province").on(dt.date(2024, 1, 1)).count() == 63

    lang_son = services.unit_on("20", after)
    assert lang_son == services.unit_on("20", dt.date(2024, 1, 1))
    communes = services.communes_of(lang_son, after)
    assert len(communes) == 65
    assert sum(u.level == "commune" for u in communes) == 61
    assert sum(u.level == "ward" for u in communes) == 4
    districts = Unit.objects.filter(parent=lang_son, level="district")
    assert districts.count() == 11
    assert Unit.objects.filter(parent__in=districts, level__in=OLD_LEVELS).count() == 194

    assert services.unit_on("05977", dt.date(2025, 6, 30)).name == "Phường Vĩnh Trại"
    assert services.unit_on("05977", REFORM_DATE).name == "Phường Đông Kinh"
    assert Succession.objects.filter(kind="partial").exists()
    assert Unit.objects.filter(level="special_zone").count() == 13

    second = StringIO()
    call_command("units", "import", str(TABLE), "--no-progress", stdout=second, stderr=StringIO())
    assert "Không có thay đổi nào" in second.getvalue()
