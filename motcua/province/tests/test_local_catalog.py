"""The province's own catalog: an announcement becomes versions; the reduction computed by hand.

A small announcement of four procedures (numbers chosen to be checked by hand):

| procedure | field      | level    | national | local | reduction |
| 1.000001  | Hộ tịch    | commune  | 5        | 3     | 40.00 %   |
| 1.000002  | Chứng thực | commune  | 2        | 2     | 0.00 %    |
| 2.000003  | Đất đai    | province | 30       | 20    | 33.33 %   |
| 2.000004  | Đất đai    | province | (none)   | 10    | not comparable |

Province: (37 − 25) / 37 = 32.43 % (the mean of the percentages would be 24.44 %: not what
the province reports). Commune level: (7 − 5) / 7 = 28.57 %. Province level: 10 / 30 = 33.33 %.
"""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from io import StringIO
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command
from django.test import Client
from openpyxl import Workbook

from motcua.accounts.models import Role, User
from motcua.catalog.models import (
    ChannelKind,
    Field,
    LocalDecision,
    LocalProcedure,
    Procedure,
    ProcedureVersion,
    TimeLimitUnit,
)
from motcua.catalog.services import version_in_force
from motcua.core.cli import BadInput

NATIONAL_START = dt.date(2025, 7, 1)
DECISION_DAY = dt.date(2026, 3, 15)
PROCESS = (
    "Tiếp nhận hồ sơ (một cửa): 4 giờ; Thẩm định hồ sơ (chuyên viên): 18 ngày; "
    "Phê duyệt kết quả (lãnh đạo): 1 ngày; Trả kết quả (một cửa): 4 giờ"
)


def national(code: str, field: str, *, commune: bool, limit: int | None, fee: int | None = None) -> Procedure:
    procedure = Procedure.objects.create(
        code=code,
        name=f"Thủ tục {code}",
        field=Field.objects.get_or_create(name=field)[0],
        at_commune=commune,
        at_province=not commune,
    )
    version = ProcedureVersion.objects.create(
        procedure=procedure, valid_from=NATIONAL_START, content_hash=code, decision="Quyết định 100/QĐ-BTP"
    )
    version.requirements.create(order=1, name="Tờ khai", originals=1)
    for kind in (ChannelKind.COUNTER, ChannelKind.ONLINE):
        version.channels.create(
            kind=kind,
            time_limit_value=limit,
            fee_amount=fee,
            time_limit_unit=TimeLimitUnit.WORKING_DAYS if limit else "",
        )
    return procedure


@pytest.fixture
def catalog(db: None) -> None:
    national("1.000001", "Hộ tịch", commune=True, limit=5, fee=0)
    national("1.000002", "Chứng thực", commune=True, limit=2)
    national("2.000003", "Đất đai", commune=False, limit=30, fee=100000)
    national("2.000004", "Đất đai", commune=False, limit=None)


def announcement(path: Path, rows: list[list[Any]], title: str | None = None) -> Path:
    book = Workbook()
    sheet = book.active
    sheet.append(["ỦY BAN NHÂN DÂN TỈNH LẠNG SƠN"])
    sheet.append(
        [
            title
            or "Danh mục thủ tục hành chính ban hành kèm theo Quyết định số 1234/QĐ-UBND "
            "ngày 15/03/2026 của Chủ tịch Ủy ban nhân dân tỉnh"
        ]
    )
    sheet.append(
        [
            "STT",
            "Mã thủ tục",
            "Tên thủ tục",
            "Thời hạn giải quyết",
            "Đơn vị thời hạn",
            "Phí, lệ phí",
            "Quy trình nội bộ",
        ]
    )
    for index, row in enumerate(rows, start=1):
        sheet.append([index, *row])
    book.save(path)
    return path


SMALL: list[list[Any]] = [
    ["1.000001", "Thủ tục 1.000001", 3, "ngày làm việc", "", ""],
    ["1.000002", "Thủ tục 1.000002", 2, "", "Miễn phí", ""],
    ["2.000003", "Thủ tục 2.000003", 20, "ngày làm việc", "50.000", PROCESS],
    ["2.000004", "Thủ tục 2.000004", "10 ngày làm việc", "", "", ""],
]


def import_file(path: Path) -> str:
    out = StringIO()
    call_command("province", "catalog", str(path), stdout=out)
    return out.getvalue()


def test_the_announcement_opens_local_versions_from_the_decision_date(catalog: None, tmp_path: Path) -> None:
    out = import_file(announcement(tmp_path / "qd.xlsx", SMALL))

    assert "1234/QĐ-UBND" in out and "phiên bản mới 4" in out
    before = version_in_force("1.000001", DECISION_DAY - dt.timedelta(days=1))
    after = version_in_force("1.000001", DECISION_DAY)
    assert before is not None and after is not None and before != after
    assert before.valid_to == DECISION_DAY - dt.timedelta(days=1) and after.valid_from == DECISION_DAY
    assert {c.time_limit_value for c in before.channels.all()} == {5}
    assert {c.time_limit_value for c in after.channels.all()} == {3}
    assert after.decision == "1234/QĐ-UBND ngày 15/03/2026"
    assert [r.name for r in after.requirements.all()] == ["Tờ khai"]
    land = version_in_force("2.000003", DECISION_DAY)
    assert land is not None
    assert {c.fee_amount for c in land.channels.all()} == {50000}
    assert [(s.name, s.role, s.allotted_hours) for s in land.process_steps.order_by("order")] == [
        ("Tiếp nhận hồ sơ", "receptionist", Decimal(4)),
        ("Thẩm định hồ sơ", "specialist", Decimal(144)),
        ("Phê duyệt kết quả", "leader", Decimal(8)),
        ("Trả kết quả", "receptionist", Decimal(4)),
    ]
    birth = version_in_force("1.000001", DECISION_DAY)
    assert birth is not None
    assert sum(s.allotted_hours for s in birth.process_steps.all()) == 24


def test_the_reduction_is_total_time_saved_over_total_national_time(catalog: None, tmp_path: Path) -> None:
    import_file(announcement(tmp_path / "qd.xlsx", SMALL))
    out = StringIO()

    call_command("province", "reduction", "--on", "2026-03-15", "--json", stdout=out)

    report = json.loads(out.getvalue())
    percent = {g["key"]: g["percent"] for g in report["groups"]}
    assert percent["total"] == "32.43"  # (37 − 25) / 37, not the mean 24.44
    assert percent["commune"] == "28.57" and percent["province"] == "33.33"
    by_label = {g["label"]: (g["percent"], g["not_comparable"]) for g in report["groups"]}
    assert by_label["Cấp tỉnh"] == ("33.33", 1)
    assert by_label["Hộ tịch"] == ("40.00", 0) and by_label["Chứng thực"] == ("0.00", 0)
    assert by_label["Đất đai"] == ("33.33", 1)
    assert {p["code"]: p["percent"] for p in report["procedures"]} == {
        "1.000001": "40.00",
        "1.000002": "0.00",
        "2.000003": "33.33",
        "2.000004": None,
    }


def test_before_the_decision_there_is_no_reduction(catalog: None, tmp_path: Path) -> None:
    import_file(announcement(tmp_path / "qd.xlsx", SMALL))
    out = StringIO()

    call_command("province", "reduction", "--on", "2026-03-14", "--json", stdout=out)

    assert json.loads(out.getvalue())["procedures"] == []


def test_importing_the_same_announcement_again_changes_nothing(catalog: None, tmp_path: Path) -> None:
    path = announcement(tmp_path / "qd.xlsx", SMALL)
    import_file(path)
    versions = ProcedureVersion.objects.count()

    out = import_file(path)

    assert "phiên bản mới 0, cập nhật 0, giữ nguyên 4" in out
    assert ProcedureVersion.objects.count() == versions


def test_an_announcement_with_errors_names_its_lines_and_changes_nothing(
    catalog: None, tmp_path: Path
) -> None:
    rows: list[list[Any]] = [
        ["1.000001", "", 3, "", "", ""],
        ["9.999999", "", 3, "", "", ""],  # line 5: not in the national catalog
        ["1.000002", "", "nhanh", "", "", ""],  # line 6: unreadable limit
        ["2.000003", "", 20, "", "", "Tiếp nhận (một cửa): 4 giờ; Thẩm định (chuyên viên): 2 ngày"],  # line 7
    ]
    path = announcement(tmp_path / "qd.xlsx", rows)
    err = StringIO()

    with pytest.raises(BadInput, match="3 lỗi"):
        call_command("province", "catalog", str(path), stdout=StringIO(), stderr=err)

    lines = err.getvalue().splitlines()
    assert [line.split(":")[0] for line in lines] == ["dòng 5", "dòng 6", "dòng 7"]
    assert "9.999999" in lines[0] and "nhanh" in lines[1] and "20 giờ" in lines[2] and "160" in lines[2]
    assert not LocalDecision.objects.exists() and ProcedureVersion.objects.count() == 4


def test_an_announcement_without_its_decision_number_is_refused(catalog: None, tmp_path: Path) -> None:
    path = announcement(tmp_path / "qd.xlsx", SMALL, title="Danh mục thủ tục hành chính của tỉnh")
    err = StringIO()

    with pytest.raises(BadInput):
        call_command("province", "catalog", str(path), stdout=StringIO(), stderr=err)

    assert "số quyết định" in err.getvalue() and "ngày quyết định" in err.getvalue()


def test_the_procedure_page_shows_the_local_limit_and_its_reduction(
    catalog: None, tmp_path: Path, client: Client
) -> None:
    import_file(announcement(tmp_path / "qd.xlsx", SMALL))

    page = client.get("/catalog/1.000001/").content.decode()

    assert "Quyết định số 1234/QĐ-UBND ngày 15/03/2026" in page
    assert (
        "Thời hạn theo quy định: 5 ngày làm việc; tỉnh giải quyết trong 3 ngày làm việc, cắt giảm 40,00%"
        in page
    )


def test_the_statistics_show_the_reduction_by_level_field_and_procedure(
    catalog: None, tmp_path: Path, client: Client
) -> None:
    import_file(announcement(tmp_path / "qd.xlsx", SMALL))
    client.force_login(User.objects.create(username="admin.tinh", role=Role.SYSTEM_ADMIN))

    page = client.get("/stats/cat-giam-thoi-han/").content.decode()

    assert "32,43%" in page and "28,57%" in page and "33,33%" in page and "40,00%" in page
    assert LocalProcedure.objects.count() == 4


def test_the_reduction_page_is_for_dashboard_users_only(catalog: None, client: Client) -> None:
    client.force_login(User.objects.create(username="dan", role=Role.CITIZEN))

    assert client.get("/stats/cat-giam-thoi-han/").status_code == 403


def test_the_reduction_reads_in_english_on_the_english_pages(
        catalog: None, tmp_path: Path, client: Client) -> None:
    import_file(announcement(tmp_path / "qd.xlsx", SMALL))
    client.force_login(User.objects.create(username="admin.en", role=Role.SYSTEM_ADMIN))

    stats = client.get("/en/stats/cat-giam-thoi-han/").content.decode()
    page = client.get("/en/catalog/1.000001/").content.decode()

    assert "Reduction by field" in stats and "32.43%" in stats
    assert "the province decides within 3 working days, a reduction of 40.00%" in page
