"""`motcua dossiers export`: one row per dossier, in CSV, XLSX and JSON lines."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path

import pytest
import time_machine
from django.core.management import call_command
from django.core.management.base import CommandError
from openpyxl import load_workbook

from motcua.dossiers import services
from motcua.dossiers.export import COLUMNS
from motcua.worktime.core import TZ

from .conftest import World, at


@pytest.fixture
def walked(world: World) -> list[str]:
    done = services.receive_new_dossier(
        world.receptionist, world.birth, world.applicant(), at=at("2026-02-13 10:00"),
        documents=services.catalog_documents(world.birth)
    )
    services.forward_dossier(world.receptionist, done, at=at("2026-02-13 10:30"))
    services.request_supplement(
        world.specialist, done, ["Giấy chứng sinh"], "Thiếu", at=at("2026-02-13 11:00")
    )
    services.receive_supplement(world.receptionist, done, at=at("2026-02-23 11:00"))
    services.mark_result_ready(world.specialist, done, "Giấy khai sinh", at=at("2026-02-23 14:00"))
    services.approve_result(world.leader, done, at=at("2026-02-23 15:00"))
    services.return_result(world.receptionist, done, at=at("2026-02-24 08:00"))
    overdue = services.receive_new_dossier(
        world.other_receptionist, world.birth, world.applicant(), at=at("2026-02-26 10:00"),
        documents=services.catalog_documents(world.birth)
    )
    return [done.code, overdue.code]


@time_machine.travel(dt.datetime(2026, 3, 15, 9, 0, tzinfo=TZ), tick=False)
def test_jsonl_export_classifies_and_measures_open_dossiers_at_the_period_end(
    world: World, walked: list[str], tmp_path: Path
) -> None:
    output = tmp_path / "out.jsonl"
    call_command(
        "dossiers",
        "export",
        "--from",
        "2026-02-01",
        "--to",
        "2026-02-28",
        "--format",
        "jsonl",
        "--output",
        str(output),
        stderr=io.StringIO(),
    )
    rows = [json.loads(line) for line in output.read_text(encoding="utf-8").splitlines()]
    assert [r["code"] for r in rows] == walked
    done, overdue = rows
    assert done["procedure_code"] == "1.001193"
    assert done["status"] == 10
    assert done["received_at"] == "2026-02-13 10:00"
    assert done["finished_at"] == "2026-02-23 15:00"
    assert done["supplement_requests"] == 1
    assert done["paused_working_hours"] == 8.0  # 11:00 Fri → 11:00 Mon after Tết
    assert done["due_at"] == "2026-02-24 10:00"  # 7 working hours were left at the pause
    assert done["timeliness"] == "early"
    assert overdue["timeliness"] == "late"  # due 27 Feb 10:00, still open at the end of February


def test_csv_and_xlsx_exports_filter_by_agency(world: World, walked: list[str], tmp_path: Path) -> None:
    out = tmp_path / "out.csv"
    call_command(
        "dossiers",
        "export",
        "--from",
        "01/02/2026",
        "--to",
        "28/02/2026",
        "--agency",
        world.ward_center.code,
        "--format",
        "csv",
        "--output",
        str(out),
        stderr=io.StringIO(),
    )
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8-sig"))))
    assert list(rows[0].keys()) == COLUMNS
    assert [r["code"] for r in rows] == walked[:1]

    xlsx = tmp_path / "out.xlsx"
    call_command(
        "dossiers",
        "export",
        "--from",
        "2026-02-01",
        "--to",
        "2026-02-28",
        "--format",
        "xlsx",
        "--output",
        str(xlsx),
        stderr=io.StringIO(),
    )
    sheet = load_workbook(xlsx).active
    assert sheet is not None
    values = list(sheet.iter_rows(values_only=True))
    assert list(values[0]) == COLUMNS and len(values) == 3


def test_export_rejects_bad_dates(world: World) -> None:
    with pytest.raises(CommandError) as caught:
        call_command("dossiers", "export", "--from", "2026-02-30", "--to", "2026-02-28")
    assert caught.value.returncode == 2


def test_export_rejects_a_period_outside_the_working_calendar(world: World) -> None:
    # The period ends the day after --to: after 9999-12-31 it was an OverflowError traceback.
    with pytest.raises(CommandError) as caught:
        call_command("dossiers", "export", "--from", "9999-12-31", "--to", "9999-12-31")
    assert caught.value.returncode == 2
    assert "Lịch làm việc chỉ tính được cho các năm từ 1995 đến 2100." in str(caught.value)
