"""`motcua province setup`: the demo's agencies from a file with official codes, all or nothing."""

from __future__ import annotations

import csv
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import transaction
from openpyxl import Workbook

from motcua.agencies.models import Agency
from motcua.agencies.services import ensure_province_agencies
from motcua.core.cli import BadInput
from motcua.geography.fixture import load_fixture
from motcua.geography.importer import apply_plan

HEADER = [
    "Mã định danh",
    "Tên cơ quan",
    "Loại",
    "Mã đơn vị hành chính",
    "Mã cơ quan cấp trên",
    "Hiệu lực từ",
    "Hiệu lực đến",
    "Mã cũ",
]
Row = tuple[str, str, str, str, str]  # code, name, kind, unit code, parent code


def official(scheme_code: str, index: int) -> str:
    """A made-up code as a province registers it with the national portal (not motcua's scheme)."""
    return f"{index // 100:03d}.{index % 100:02d}.77.H37"


@pytest.fixture
def demo_agencies(db: None) -> list[Row]:
    """What `motcua demo` creates for Lạng Sơn (computed, then rolled back: the database stays fresh)."""
    apply_plan(load_fixture())
    with transaction.atomic():
        ensure_province_agencies("20")
        rows = [
            (a.code, a.name, a.kind, a.unit.code, a.parent.code if a.parent else "")
            for a in Agency.objects.select_related("unit", "parent").order_by("code")
        ]
        transaction.set_rollback(True)
    assert not Agency.objects.exists()
    return rows


def with_official_codes(rows: list[Row]) -> tuple[list[Row], dict[str, str]]:
    codes = {row[0]: official(row[0], i) for i, row in enumerate(rows)}
    return [(codes[c], n, k, u, codes.get(p, "")) for c, n, k, u, p in rows], codes


def write_csv(path: Path, rows: list[list[str]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(HEADER)
        writer.writerows(rows)
    return path


def current() -> list[Row]:
    return [
        (a.code, a.name, a.kind, a.unit.code, a.parent.code if a.parent else "")
        for a in Agency.objects.select_related("unit", "parent").order_by("code")
    ]


def test_setup_from_a_file_reproduces_the_demo_agencies_with_official_codes(
    demo_agencies: list[Row], tmp_path: Path
) -> None:
    expected, _codes = with_official_codes(demo_agencies)
    path = write_csv(tmp_path / "agencies.csv", [[*row, "", "", ""] for row in expected])

    out = StringIO()
    call_command("province", "setup", "--province", "20", "--agencies", str(path), stdout=out)

    assert sorted(current()) == sorted(expected)
    assert f"tạo mới {len(expected)}," in out.getvalue()


def test_a_second_setup_of_the_same_file_changes_nothing(demo_agencies: list[Row], tmp_path: Path) -> None:
    expected, _codes = with_official_codes(demo_agencies)
    path = write_csv(tmp_path / "agencies.csv", [[*row, "", "", ""] for row in expected])
    call_command("province", "setup", "--agencies", str(path), stdout=StringIO())

    out = StringIO()
    call_command("province", "setup", "--agencies", str(path), stdout=out)

    assert f"tạo mới 0, cập nhật 0, giữ nguyên {len(expected)}." in out.getvalue()


def test_an_xlsx_file_with_dates_and_labels_is_read_like_the_csv(
    demo_agencies: list[Row], tmp_path: Path
) -> None:
    import datetime as dt

    expected, _codes = with_official_codes(demo_agencies)
    book = Workbook()
    sheet = book.active
    sheet.append(["Danh sách cơ quan tỉnh Lạng Sơn"])  # a title row above the header
    sheet.append(HEADER)
    labels = dict(Agency.Kind.choices)
    for code, name, kind, unit, parent in expected:
        sheet.append([code, name, str(labels[kind]), unit, parent, dt.date(2025, 7, 1), None, None])
    path = tmp_path / "agencies.xlsx"
    book.save(path)

    call_command("province", "setup", "--agencies", str(path), stdout=StringIO())

    assert sorted(current()) == sorted(expected)
    assert set(Agency.objects.values_list("valid_from", flat=True)) == {dt.date(2025, 7, 1)}


def test_previous_codes_rename_the_scheme_agencies_in_place(demo_agencies: list[Row], tmp_path: Path) -> None:
    ensure_province_agencies("20")
    ids = dict(Agency.objects.values_list("code", "pk"))
    expected, codes = with_official_codes(demo_agencies)
    path = write_csv(
        tmp_path / "agencies.csv",
        [[*row, "", "", scheme] for row, scheme in zip(expected, codes, strict=True)],
    )

    call_command("province", "setup", "--agencies", str(path), stdout=StringIO())

    assert sorted(current()) == sorted(expected)
    assert {ids[scheme]: codes[scheme] for scheme in codes} == dict(Agency.objects.values_list("pk", "code"))


def test_a_file_with_errors_names_every_bad_line_and_changes_nothing(
    demo_agencies: list[Row], tmp_path: Path
) -> None:
    expected, _codes = with_official_codes(demo_agencies)
    rows = [[*row, "", "", ""] for row in expected[:5]]
    rows[1][2] = "bakery"  # line 3: no such kind
    rows[3][3] = "99999"  # line 5: no such unit
    rows[4][0] = "000.00.01.H99"  # line 6: another province
    path = write_csv(tmp_path / "agencies.csv", rows)
    err = StringIO()

    with pytest.raises(BadInput, match="3 lỗi"):
        call_command("province", "setup", "--agencies", str(path), stdout=StringIO(), stderr=err)

    problems = err.getvalue().splitlines()
    assert [p.split(":")[0] for p in problems] == ["dòng 3", "dòng 5", "dòng 6"]
    assert "bakery" in problems[0] and "99999" in problems[1] and "H37" in problems[2]
    assert not Agency.objects.exists()


def test_a_parent_missing_from_file_and_database_is_an_error(
    demo_agencies: list[Row], tmp_path: Path
) -> None:
    path = write_csv(
        tmp_path / "agencies.csv",
        [["000.00.01.H37", "Sở Nội vụ tỉnh Lạng Sơn", "department", "20", "000.00.00.H37", "", "", ""]],
    )
    err = StringIO()

    with pytest.raises(BadInput):
        call_command("province", "setup", "--agencies", str(path), stdout=StringIO(), stderr=err)

    assert "dòng 2" in err.getvalue() and "000.00.00.H37" in err.getvalue()
    assert not Agency.objects.exists()


def test_without_a_file_the_scheme_creates_the_demo_agencies(demo_agencies: list[Row]) -> None:
    call_command("province", "setup", "--province", "20", stdout=StringIO())

    assert current() == demo_agencies
