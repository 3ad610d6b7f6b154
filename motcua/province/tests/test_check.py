"""`motcua province check` on a fresh province lists exactly what is missing."""

from __future__ import annotations

import datetime as dt
import json
from io import StringIO
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command

from motcua.accounts.models import Role, User
from motcua.agencies.models import Agency
from motcua.catalog.models import (
    ChannelKind,
    Field,
    FieldDepartment,
    Procedure,
    ProcedureVersion,
    TimeLimitUnit,
)
from motcua.centre.models import Counter
from motcua.geography.fixture import load_fixture
from motcua.geography.importer import apply_plan


def procedure(code: str, field: str, *, commune: bool, province: bool, agency_text: str) -> Procedure:
    found = Procedure.objects.create(
        code=code,
        name=f"Thủ tục {code}",
        at_commune=commune,
        at_province=province,
        field=Field.objects.get_or_create(name=field)[0],
    )
    version = ProcedureVersion.objects.create(
        procedure=found, valid_from=dt.date(2025, 7, 1), content_hash=code, implementing_agency=agency_text
    )
    version.channels.create(
        kind=ChannelKind.COUNTER, time_limit_value=5, time_limit_unit=TimeLimitUnit.WORKING_DAYS
    )
    return found


@pytest.fixture
def catalog(db: None) -> None:
    apply_plan(load_fixture())
    procedure("1.001193", "Hộ tịch", commune=True, province=False, agency_text="Ủy ban nhân dân cấp xã")
    procedure("2.000001", "Công chứng", commune=False, province=True, agency_text="Sở Tư pháp")
    procedure("2.000002", "Khoáng sản", commune=False, province=True, agency_text="Không có thông tin")


def check() -> dict[str, Any]:
    out = StringIO()
    call_command("province", "check", "--province", "20", "--json", stdout=out)
    return json.loads(out.getvalue())  # type: ignore[no-any-return]


def centre_codes() -> list[str]:
    return sorted(
        Agency.objects.filter(kind__in=["provincial_center", "commune_center"]).values_list(
            "code", flat=True
        ),
        key=lambda c: (not c.startswith("000.00.30"), c),
    )


def test_a_fresh_province_lacks_counters_officers_and_departments_for_its_fields(catalog: None) -> None:
    call_command("province", "setup", "--province", "20", stdout=StringIO())

    report = check()

    assert [a["code"] for a in report["centres_without_counters"]] == centre_codes()
    assert [a["code"] for a in report["centres_without_officers"]] == centre_codes()
    assert report["undecided_procedures"] == []
    assert report["fields_without_department"] == ["Công chứng", "Khoáng sản"]
    assert report["complete"] is False


def test_what_the_province_adds_leaves_the_list(catalog: None) -> None:
    call_command("province", "setup", "--province", "20", stdout=StringIO())
    centre = Agency.objects.get(code="000.00.30.H37")
    Counter.objects.create(centre=centre, number=1)
    User.objects.create(username="le.tan", role=Role.RECEPTIONIST, agency=centre)
    FieldDepartment.objects.create(
        field=Field.objects.get(name="Công chứng"),
        agency=Agency.objects.get(code="000.00.02.H37"),
        valid_from=dt.date(2025, 7, 1),
    )

    report = check()

    assert centre.code not in [a["code"] for a in report["centres_without_counters"]]
    assert [a["code"] for a in report["centres_without_officers"]] == centre_codes()[1:]
    assert report["fields_without_department"] == ["Khoáng sản"]


def test_a_procedure_no_agency_can_decide_is_listed_with_its_desk(catalog: None, tmp_path: Path) -> None:
    commune = load_fixture()  # the fixture's first new commune gets a centre but no committee
    unit_code = sorted(
        k[0] for k in commune.units if k[1] in ("commune", "ward") and k[2] == dt.date(2025, 7, 1)
    )[0]
    path = tmp_path / "agencies.csv"
    path.write_text(
        "Mã định danh,Tên cơ quan,Loại,Mã đơn vị hành chính,Mã cơ quan cấp trên\n"
        "000.00.00.H37,UBND tỉnh Lạng Sơn,provincial_committee,20,\n"
        "000.00.30.H37,Trung tâm PVHCC tỉnh,provincial_center,20,000.00.00.H37\n"
        f"000.01.91.H37,Trung tâm PVHCC xã,commune_center,{unit_code},000.00.00.H37\n",
        encoding="utf-8",
    )
    call_command("province", "setup", "--agencies", str(path), stdout=StringIO())

    report = check()

    undecided = report["undecided_procedures"]
    assert [(p["code"], p["desk"]) for p in undecided] == [("1.001193", "commune")]
    assert "Ủy ban nhân dân" in undecided[0]["reason"]


def test_the_text_report_names_each_section(catalog: None) -> None:
    call_command("province", "setup", "--province", "20", stdout=StringIO())
    out = StringIO()

    call_command("province", "check", stdout=out)

    text = out.getvalue()
    assert "Trung tâm chưa có quầy" in text and "Lĩnh vực chưa có sở, ngành giải quyết (2):" in text
    assert "Thủ tục chưa có cơ quan giải quyết" not in text
