"""Helpers for management commands: readable text or --json, and exit code 2 on bad input."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from django.core.management.base import CommandError
from django.utils.translation import gettext


class BadInput(CommandError):
    """One clear line on stderr and exit code 2 (like argparse's usage errors)."""

    def __init__(self, message: str) -> None:
        super().__init__(message, returncode=2)


def _default(value: Any) -> Any:
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    if hasattr(value, "__str__"):
        return str(value)
    raise TypeError(type(value))


def to_json(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2, default=_default)


def parse_date(value: str) -> dt.date:
    """Accept ISO dates (2025-07-01) and Vietnamese ones (01/07/2025)."""
    value = value.strip()
    for fmt in ("%Y-%m-%d", "%d/%m/%Y"):
        try:
            return dt.datetime.strptime(value, fmt).date()
        except ValueError:
            continue
    message = gettext("Ngày không hợp lệ: “%(value)s” (dùng YYYY-MM-DD hoặc DD/MM/YYYY).")
    raise BadInput(message % {"value": value})


class PercentProgress:
    """One line each time a long job passes another `step` per cent: readable in a log file too.

    (tqdm redraws one line on a terminal and prints nothing when the output is a file.)
    """

    def __init__(self, write: Any, label: str, step: int = 5) -> None:
        self.write, self.label, self.step = write, label, step
        self.shown = 0

    def __call__(self, done: int, total: int) -> None:
        if total <= 0:
            return
        percent = done * 100 // total
        if percent >= self.shown + self.step or (done == total and self.shown < 100):
            self.shown = percent - percent % self.step if done < total else 100
            self.write(gettext("%(label)s: %(percent)d%% (%(done)d/%(total)d)") % {
                "label": self.label, "percent": self.shown, "done": done, "total": total})
