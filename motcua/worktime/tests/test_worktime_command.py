"""`motcua worktime due|elapsed|days`."""

from __future__ import annotations

import json
from io import StringIO

import pytest
from django.core.management import call_command

from motcua.core.cli import BadInput

pytestmark = pytest.mark.django_db


def run(*args: str) -> str:
    out = StringIO()
    call_command("worktime", *args, stdout=out, stderr=StringIO())
    return out.getvalue().strip()


@pytest.mark.parametrize(
    ("received", "limit", "expected"),
    [
        ("2026-02-13 10:00", "5 working days", "2026-02-27T10:00:00+07:00"),
        ("13/02/2026 10:00", "5 ngày làm việc", "2026-02-27T10:00:00+07:00"),
        ("2026-03-02 07:00", "4 giờ làm việc", "2026-03-02T11:00:00+07:00"),
        ("2026-03-02 07:00", "4 working hours", "2026-03-02T11:00:00+07:00"),
        ("2026-03-02 10:00", "30 ngày", "2026-04-01T10:00:00+07:00"),
        ("2026-03-02T03:00:00Z", "30 days", "2026-04-01T10:00:00+07:00"),
    ],
)
def test_due_prints_the_due_time_in_iso_8601_with_offset(received: str, limit: str, expected: str) -> None:
    assert run("due", "--from", received, "--limit", limit) == expected


def test_due_json() -> None:
    data = json.loads(run("due", "--from", "2026-02-13 10:00", "--limit", "5 working days", "--json"))
    assert data == {
        "from": "2026-02-13T10:00:00+07:00", "limit": "5 working days", "due": "2026-02-27T10:00:00+07:00"
    }


def test_elapsed_prints_working_hours() -> None:
    assert run("elapsed", "--from", "2026-02-13 10:00", "--to", "2026-02-27 10:00") == "40"
    assert run("elapsed", "--from", "2026-03-02 11:00", "--to", "2026-03-02 14:00") == "1"
    assert run("elapsed", "--from", "2026-03-02 07:00", "--to", "2026-03-02 07:20") == "0.33"
    assert json.loads(run("elapsed", "--from", "2026-03-02 07:00", "--to", "2026-03-02 09:30", "--json"))[
        "seconds"
    ] == 9000


def test_days_lists_days_off_and_working_weekend_days_with_reasons() -> None:
    lines = run("days", "2026").splitlines()
    assert "2026-08-22  Thứ Bảy   làm việc   Làm bù cho ngày 31/08/2026" in lines
    assert any(line.startswith("2026-11-24  Thứ Ba    nghỉ") and "Ngày Văn hóa Việt Nam" in line
               for line in lines)
    assert not any(line.startswith("2026-04-26") for line in lines)  # a Sunday holiday changes nothing
    data = json.loads(run("days", "2025", "--json"))
    assert {"day": "2025-04-26", "working": True, "reason": "Làm bù cho ngày 02/05/2025"} in data


@pytest.mark.parametrize(
    "args",
    [
        ["due", "--from", "2026-02-13 10:00", "--limit", "5 weeks"],
        ["due", "--from", "2026-02-13 10:00", "--limit", "-5 days"],
        ["due", "--from", "13 Feb 2026", "--limit", "5 days"],
        ["due", "--from", "2026-02-30 10:00", "--limit", "5 days"],
        ["elapsed", "--from", "2026-02-13", "--to", "yesterday"],
        ["days", "twenty"],
        ["days", "3000"],
        ["due", "--from", "2026-02-13 10:00", "--limit", "50000 working days"],
        ["due", "--from", "2026-02-13 10:00", "--limit", "99999999 days"],  # past year 9999
    ],
)
def test_bad_input_is_one_line_and_exit_code_2(args: list[str]) -> None:
    with pytest.raises(BadInput) as error:
        run(*args)
    assert error.value.returncode == 2
    assert "\n" not in str(error.value)


def test_usage_errors_exit_with_code_2(capsys: pytest.CaptureFixture[str]) -> None:
    from django.core.management import load_command_class

    command = load_command_class("motcua.worktime", "worktime")
    with pytest.raises(SystemExit) as exit_info:
        command.run_from_argv(["motcua", "worktime", "due", "--from", "2026-02-13 10:00"])
    assert exit_info.value.code == 2
    assert "--limit" in capsys.readouterr().err
