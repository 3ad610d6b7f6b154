"""`motcua catalog search "QUERY" [--level] [--limit] [--json]` prints ranked procedures."""

from __future__ import annotations

import json
from io import StringIO
from typing import Any

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from motcua.catalog import search as search_module
from motcua.catalog.models import Field, Procedure


@pytest.fixture(autouse=True)
def catalog(db: Any) -> None:
    search_module.invalidate()
    civil_status = Field.objects.create(name="Hộ tịch")
    passports = Field.objects.create(name="Quản lý xuất nhập cảnh")
    Procedure.objects.create(code="1.001193", name="Thủ tục đăng ký khai sinh", field=civil_status,
                             at_commune=True)
    Procedure.objects.create(code="1.003583", name="Thủ tục đăng ký khai sinh lưu động",
                             field=civil_status, at_commune=True)
    Procedure.objects.create(code="1.001456", name="Cấp hộ chiếu phổ thông ở trong nước",
                             field=passports, at_province=True)


def run(*args: str) -> str:
    out = StringIO()
    call_command("catalog", "search", *args, stdout=out)
    return out.getvalue()


def test_json_lists_ranked_hits_with_code_name_and_score() -> None:
    hits = json.loads(run("dang ky khai sinh", "--json"))
    assert [h["code"] for h in hits] == ["1.001193", "1.003583"]
    assert hits[0]["name"] == "Thủ tục đăng ký khai sinh"
    assert hits[0]["score"] >= hits[1]["score"] > 0
    assert hits[0]["procedure_id"] == Procedure.objects.get(code="1.001193").pk


def test_text_output_has_one_line_per_hit_best_first() -> None:
    lines = run("làm giấy khai sinh").splitlines()
    assert len(lines) == 2
    assert lines[0].startswith("1.001193") and lines[0].endswith("Thủ tục đăng ký khai sinh")


def test_level_and_limit_options_are_applied() -> None:
    assert [h["code"] for h in json.loads(run("khai sinh", "--limit", "1", "--json"))] == ["1.001193"]
    assert json.loads(run("khai sinh", "--level", "province", "--json")) == []


def test_no_match_prints_a_sentence() -> None:
    assert run("xyzzy").strip() == "Không tìm thấy thủ tục nào phù hợp."


def test_empty_query_is_bad_input() -> None:
    with pytest.raises(CommandError) as error:
        run("   ")
    assert error.value.returncode == 2


def test_limit_below_one_is_bad_input() -> None:
    with pytest.raises(CommandError) as error:
        run("khai sinh", "--limit", "0")
    assert error.value.returncode == 2
