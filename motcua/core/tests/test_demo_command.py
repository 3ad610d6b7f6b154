"""The demo command runs every app's demo step; a broken step fails loudly instead of being skipped."""

from __future__ import annotations

import sys
import types
from io import StringIO
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command

from motcua.core.management.commands import demo


@pytest.fixture
def steps(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> list[str]:
    """Demo steps replaced by fakes; migrate and the accounts table are not run."""
    ran: list[str] = []
    ok = types.ModuleType("motcua.fakeok.demo")
    ok.load = lambda command, data_dir: ran.append("fakeok")  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "motcua.fakeok.demo", ok)
    monkeypatch.setattr(demo, "call_command", lambda *args, **kwargs: None)
    monkeypatch.setattr("motcua.accounts.demo.print_accounts", lambda command: None)
    monkeypatch.setattr("django.conf.settings.VAR_DIR", tmp_path)
    return ran


def test_apps_without_a_demo_module_are_skipped(steps: list[str], monkeypatch: pytest.MonkeyPatch,
                                                tmp_path: Path) -> None:
    monkeypatch.setattr(demo, "DEMO_STEPS", ["nodemohere", "fakeok"])
    call_command("demo", "--data-dir", str(tmp_path), stdout=StringIO())
    assert steps == ["fakeok"]


def test_a_demo_module_with_a_broken_import_fails_loudly(steps: list[str], monkeypatch: pytest.MonkeyPatch,
                                                         tmp_path: Path) -> None:
    real_import = demo.importlib.import_module

    def import_module(name: str, *args: Any) -> Any:
        if name == "motcua.fakebroken.demo":
            raise ModuleNotFoundError("No module named 'somelib'", name="somelib")
        return real_import(name, *args)

    monkeypatch.setattr(demo.importlib, "import_module", import_module)
    monkeypatch.setattr(demo, "DEMO_STEPS", ["fakebroken", "fakeok"])
    with pytest.raises(ModuleNotFoundError):
        call_command("demo", "--data-dir", str(tmp_path), stdout=StringIO())
    assert steps == []


def test_demo_prints_the_url_of_the_port_it_is_given(steps: list[str], monkeypatch: pytest.MonkeyPatch,
                                                     tmp_path: Path) -> None:
    monkeypatch.setattr(demo, "DEMO_STEPS", ["fakeok"])
    out = StringIO()
    call_command("demo", "--data-dir", str(tmp_path), "--port", "8765", stdout=out)
    assert "http://127.0.0.1:8765/" in out.getvalue()
    assert "8000" not in out.getvalue()
    assert "[1/1] fakeok" in out.getvalue()


def test_percent_progress_prints_one_line_per_step_and_the_end() -> None:
    from motcua.core.cli import PercentProgress

    lines: list[str] = []
    report = PercentProgress(lines.append, "Mô phỏng", step=25)
    for done in range(0, 2001, 200):
        report(done, 2000)
    assert [line.split(": ")[1].split(" ")[0] for line in lines] == ["25%", "50%", "75%", "100%"]
