"""`motcua units show|find|history|list`: readable text, --json, exit code 2 on bad input."""

from __future__ import annotations

import json
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

pytestmark = pytest.mark.usefixtures("imported")


def units(*args: str) -> str:
    out = StringIO()
    call_command("units", *args, stdout=out)
    return out.getvalue()


def test_show_prints_the_unit_that_had_the_code_that_day() -> None:
    before = units("show", "05977", "--on", "2025-06-30")
    after = units("show", "05977", "--on", "01/07/2025")
    assert before.startswith("05977  Phường Vĩnh Trại\n")
    assert "Thuộc: Thành phố Núi Xanh (178)" in before
    assert "Hiệu lực: đến 30/06/2025" in before
    assert after.startswith("05977  Phường Đông Kinh\n")
    assert "Hiệu lực: từ 01/07/2025" in after


def test_show_json() -> None:
    data = json.loads(units("show", "05977", "--on", "2025-07-01", "--json"))
    assert data["name"] == "Phường Đông Kinh"
    assert data["level"] == "ward"
    assert data["parent"]["code"] == "20"
    assert (data["valid_from"], data["valid_to"]) == ("2025-07-01", None)


@pytest.mark.parametrize("args", [
    ("show", "99999", "--on", "2025-07-01"),
    ("show", "05977", "--on", "2025-13-01"),
    ("show", "23", "--on", "2025-07-01"),
    ("history", "12345"),
    ("list", "--parent", "99", "--on", "2025-07-01"),
    ("find", " "),
])
def test_unknown_codes_and_dates_are_bad_input(args: tuple[str, ...]) -> None:
    with pytest.raises(CommandError) as caught:
        units(*args)
    assert caught.value.returncode == 2


def test_find_prints_every_match_with_code_level_parent_and_validity() -> None:
    out = units("find", "thuy", "hung")
    assert "06148  Xã Thụy Hùng (Xã) — thuộc Tỉnh Núi Xanh (20) — hiệu lực từ 01/07/2025" in out
    assert "06136  Xã Thụy Hùng (Xã) — thuộc Huyện Văn Xa (182) — hiệu lực đến 30/06/2025" in out
    assert "06208  Xã Thụy Hùng (Xã) — thuộc Huyện Cao Sơn (183)" in out
    assert out.rstrip().endswith("3 kết quả.")


def test_find_json() -> None:
    data = json.loads(units("find", "thuy hung", "--json"))
    assert {item["code"] for item in data} == {"06136", "06148", "06208"}
    assert all(item["parent"] for item in data)


def test_history_prints_predecessors_and_successors_with_whole_or_partial() -> None:
    out = units("history", "06625", "--on", "2025-01-01")
    assert "Sắp xếp vào:" in out
    assert "→ Xã Kiên Mộc (06625), Tỉnh Núi Xanh (20) — nhập một phần từ 01/07/2025" in out
    assert "→ Xã Châu Sơn (06637), Tỉnh Núi Xanh (20) — nhập một phần từ 01/07/2025" in out
    after = units("history", "05977", "--on", "2025-08-01")
    assert "Hình thành từ:" in after
    assert "← Phường Vĩnh Trại (05977), Thành phố Núi Xanh (178) — nhập toàn bộ từ 01/07/2025" in after


def test_history_json() -> None:
    [item] = json.loads(units("history", "06622", "--on", "2025-01-01", "--json"))
    assert [(s["unit"]["code"], s["kind"]) for s in item["successors"]] == [
        ("06625", "partial"), ("06637", "partial")]


def test_list_prints_one_unit_per_line_code_level_name() -> None:
    before = units("list", "--parent", "20", "--on", "2024-01-01").splitlines()
    after = units("list", "--parent", "20", "--on", "2025-08-01").splitlines()
    assert [line.split("\t")[0] for line in before] == ["178", "182", "183", "189"]
    assert after[0] == "05977\tPhường\tPhường Đông Kinh"
    assert len(after) == 6


def test_list_json() -> None:
    data = json.loads(units("list", "--parent", "178", "--on", "2024-01-01", "--json"))
    assert [(u["code"], u["name"]) for u in data] == [("05977", "Phường Vĩnh Trại"), ("05992", "Xã Mai Hoa")]
