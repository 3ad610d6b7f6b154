"""`motcua catalog competence`: per code, the deciding agency and the rule, or the refusal."""

from __future__ import annotations

import datetime as dt
import json
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from motcua.agencies.services import ensure_province_agencies
from motcua.catalog.importer import import_catalog
from motcua.geography.fixture import load_fixture
from motcua.geography.importer import apply_plan

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
ON = "2025-09-15"


@pytest.fixture(autouse=True)
def world(db: None) -> None:
    apply_plan(load_fixture())
    ensure_province_agencies("20", dt.date(2025, 9, 15))
    import_catalog(FIXTURES / "demo_catalog.jsonl", effective=dt.date(2025, 7, 1))
    import_catalog(FIXTURES / "central_agencies.jsonl", effective=dt.date(2025, 7, 1))


def _competence(*args: str) -> list[dict[str, object]]:
    out = StringIO()
    call_command("catalog", "competence", *args, "--on", ON, "--json", stdout=out)
    return json.loads(out.getvalue())  # type: ignore[no-any-return]


def test_each_code_gets_its_deciding_agency_and_rule_or_its_refusal() -> None:
    rows = _competence("1.000005", "1.001193", "1.009505", "--received-at", "059.77.91.H37",
                       "--applicant-unit", "06184")
    customs, birth, securities = rows
    assert customs["agency"] == {"code": "000.00.41.H37", "kind": "customs",
                                 "name": "Chi cục Hải quan khu vực quản lý tỉnh Lạng Sơn"}
    assert "chi cuc hai quan" in str(customs["rule"]) and customs["refusal"] is None
    assert birth["agency"]["code"] == "061.84.90.H37"  # type: ignore[index]
    assert str(birth["rule"]).endswith("@residence")
    assert securities["agency"] is None
    assert "Ủy ban Chứng khoán Nhà nước" in str(securities["refusal"])


def test_land_unit_sends_a_land_dossier_to_the_parcels_commune() -> None:
    [row] = _competence("1.013978", "--received-at", "059.77.91.H37", "--land-unit", "06184")
    assert row["agency"]["code"] == "061.84.90.H37"  # type: ignore[index]


@pytest.mark.parametrize("args", [
    ("1.000005", "--received-at", "999.99.99.H99"),     # no such agency
    ("1.000005", "--received-at", "059.77.91.H37", "--applicant-unit", "99999"),  # no such unit
    ("9.999999", "--received-at", "059.77.91.H37"),     # no such procedure
])
def test_bad_input_exits_2_with_a_message(args: tuple[str, ...]) -> None:
    with pytest.raises(CommandError) as error:
        call_command("catalog", "competence", *args, "--on", ON, stdout=StringIO())
    assert error.value.returncode == 2
    assert str(error.value)
