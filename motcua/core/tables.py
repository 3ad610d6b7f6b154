"""Read a CSV or XLSX table whose columns are found by their (Vietnamese) header names.

A province prepares its lists in a spreadsheet program: headers with or without accents,
in any order, extra columns ignored. Every value comes back as text (dates as dd/mm/yyyy
text too), with the file's line number, so every problem can name its line.
"""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from django.utils.translation import gettext as _

from motcua.core.text import clean, fold


class TableError(Exception):
    """The file cannot be read as a table; `problems` are lines for people."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("; ".join(problems[:5]))
        self.problems = problems


@dataclass(frozen=True)
class Column:
    key: str
    names: tuple[str, ...]  # folded header names that mean this column
    required: bool = True


@dataclass
class TableRow:
    line: int
    values: dict[str, str]

    def get(self, key: str) -> str:
        return self.values.get(key, "")


def cell_text(value: Any) -> str:
    """A cell as text: dates as dd/mm/yyyy, whole numbers without ".0"."""
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.date().strftime("%d/%m/%Y")
    if isinstance(value, dt.date):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, float | Decimal):
        return str(value)
    return clean(str(value))


def read_cells(path: Path) -> list[list[str]]:
    """Every row of the file's first sheet (XLSX) or of the CSV file, as text cells."""
    if not path.is_file():
        raise TableError([_("%(path)s: không tìm thấy tệp.") % {"path": path}])
    try:
        if path.suffix.lower() in (".xlsx", ".xlsm"):
            from openpyxl import load_workbook

            workbook = load_workbook(path, read_only=True, data_only=True)
            try:
                sheet = workbook.worksheets[0]
                return [[cell_text(v) for v in row] for row in sheet.iter_rows(values_only=True)]
            finally:
                workbook.close()
        with path.open(encoding="utf-8-sig", newline="") as handle:
            return [[cell_text(v) for v in row] for row in csv.reader(handle)]
    except (OSError, UnicodeDecodeError, csv.Error, ValueError, KeyError) as error:
        raise TableError(
            [_("%(path)s: không đọc được tệp (%(error)s).") % {"path": path, "error": error}]
        ) from None
    except Exception as error:  # openpyxl raises zipfile/XML errors for a file that is not XLSX
        raise TableError(
            [
                _("%(path)s: không phải tệp CSV hoặc XLSX đọc được (%(error)s).")
                % {"path": path, "error": type(error).__name__}
            ]
        ) from None


def find_header(
    cells: list[list[str]], columns: tuple[Column, ...], start: int = 0
) -> tuple[int, dict[str, int]]:
    """The first row from `start` naming every required column: (its index, column positions)."""
    wanted = {name: column.key for column in columns for name in column.names}
    for index in range(start, len(cells)):
        positions: dict[str, int] = {}
        for position, header in enumerate(cells[index]):
            key = wanted.get(fold(header).rstrip(" :*"))
            if key is not None and key not in positions:
                positions[key] = position
        if all(c.key in positions for c in columns if c.required):
            return index, positions
    names = ", ".join(f"“{c.names[0]}”" for c in columns if c.required)
    raise TableError([_("Không tìm thấy dòng tiêu đề có các cột: %(names)s.") % {"names": names}])


def rows_after(cells: list[list[str]], header_index: int, positions: dict[str, int]) -> Iterator[TableRow]:
    """The data rows under the header (empty rows skipped), with 1-based line numbers."""
    for index in range(header_index + 1, len(cells)):
        row = cells[index]
        if not any(cell.strip() for cell in row):
            continue
        values = {key: (row[pos].strip() if pos < len(row) else "") for key, pos in positions.items()}
        yield TableRow(index + 1, values)


def parse_day(text: str) -> dt.date | None:
    """dd/mm/yyyy or yyyy-mm-dd; None when it is neither."""
    for fmt in ("%d/%m/%Y", "%Y-%m-%d"):
        try:
            return dt.datetime.strptime(text.strip(), fmt).date()
        except ValueError:
            continue
    return None
