"""Excel (XLSX) files of the statistics tables, with Vietnamese headers (openpyxl)."""

from __future__ import annotations

import io
from collections.abc import Iterable, Sequence
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from motcua.core.spreadsheet import xlsx_row


def workbook(
    sheets: Iterable[tuple[str, Sequence[str], Iterable[Sequence[Any]]]], title_lines: Sequence[str] = ()
) -> bytes:
    """One sheet per (name, headers, rows); the title lines go above each table."""
    book = Workbook()
    book.remove(book.active)  # type: ignore[arg-type]
    for name, headers, rows in sheets:
        sheet = book.create_sheet(name[:31])
        for line in title_lines:
            sheet.append(xlsx_row(sheet, [line]))
            sheet.cell(row=sheet.max_row, column=1).font = Font(bold=True)
        if title_lines:
            sheet.append([])
        sheet.append(xlsx_row(sheet, headers))
        header_row = sheet.max_row
        for cell in sheet[header_row]:
            cell.font = Font(bold=True)
        for row in rows:
            sheet.append(xlsx_row(sheet, row))
        for index, header in enumerate(headers, start=1):
            sheet.column_dimensions[get_column_letter(index)].width = max(12, min(len(str(header)) + 4, 60))
        sheet.freeze_panes = sheet.cell(row=header_row + 1, column=1)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
