"""Command-line helpers: dates in ISO or Vietnamese form, one translated line on bad input."""

from __future__ import annotations

import datetime as dt

import pytest

from motcua.core.cli import BadInput, parse_date, to_json


def test_parse_date_reads_iso_and_vietnamese_dates() -> None:
    assert parse_date("2025-07-01") == parse_date("01/07/2025") == dt.date(2025, 7, 1)


def test_a_bad_date_is_one_vietnamese_line_with_exit_code_2() -> None:
    with pytest.raises(BadInput) as error:
        parse_date("2025-13-01")
    assert error.value.returncode == 2
    assert str(error.value) == "Ngày không hợp lệ: “2025-13-01” (dùng YYYY-MM-DD hoặc DD/MM/YYYY)."


def test_to_json_keeps_vietnamese_letters_and_writes_dates_in_iso() -> None:
    assert to_json({"tên": "Phường Đông Kinh", "từ": dt.date(2025, 7, 1)}) == (
        '{\n  "tên": "Phường Đông Kinh",\n  "từ": "2025-07-01"\n}')
