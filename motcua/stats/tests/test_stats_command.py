"""`motcua stats report`: text, --json, --by and bad input."""

from __future__ import annotations

import io
import json

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from motcua.dossiers.sample import World

from .helpers import approve, received


def _run(*args: str) -> str:
    out = io.StringIO()
    call_command("stats", *args, stdout=out)
    return out.getvalue()


@pytest.fixture
def march(world: World) -> World:
    approve(world, received(world, "2026-03-02 08:00"), "2026-03-02 15:00")
    received(world, "2026-03-02 09:00", land=True)
    return world


def test_report_json_has_the_totals_the_index_and_the_lines(march: World) -> None:
    data = json.loads(
        _run(
            "report",
            "--province",
            "20",
            "--from",
            "2026-03-01",
            "--to",
            "2026-03-31",
            "--by",
            "procedure",
            "--json",
        )
    )
    assert data["total"]["received"] == 2
    assert data["total"]["finished_early"] == 1
    assert data["total"]["open"] == 1
    assert [line["code"] for line in data["lines"]] == ["1.001193", "1.012786"]
    codes = {i["code"]: i for i in data["index"]}
    assert codes["1.1"]["rate"] is None and codes["1.1"]["score"] is None
    # The land dossier was due on 16 March and is still open on the 31st: 1 in time of 2.
    assert codes["2.1"]["rate"] == 0.5


def test_report_text_is_vietnamese_and_filters_by_agency(march: World) -> None:
    text = _run("report", "--from", "01/03/2026", "--to", "31/03/2026", "--agency", march.department.code)
    assert "Tiếp nhận mới trong kỳ" in text
    assert "Chưa có dữ liệu" in text  # indicators without data
    assert march.department.name in text


@pytest.mark.parametrize(
    "args",
    [
        ["--from", "2026-03-31", "--to", "2026-03-01"],
        ["--from", "2026-03-01", "--to", "2026-03-31", "--agency", "000.99.99.H99"],
        ["--from", "not a date", "--to", "2026-03-31"],
        ["--from", "2026-03-01", "--to", "2026-03-31", "--province", "99"],
    ],
)
def test_bad_input_exits_with_code_2(world: World, args: list[str]) -> None:
    with pytest.raises(CommandError) as error:
        _run("report", *args)
    assert error.value.returncode == 2
