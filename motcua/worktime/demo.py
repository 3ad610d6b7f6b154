"""Demo data: the province's working periods as editable rows (the national calendar needs no data)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.conf import settings
from django.utils.translation import gettext as _

from motcua.worktime.calendars import calendar_for
from motcua.worktime.core import DEFAULT_PERIODS
from motcua.worktime.models import WorkingPeriod


def load(command: Any, data_dir: Path) -> None:
    """Create the default periods of MOTCUA_PROVINCE_CODE unless the province already has periods."""
    code = settings.MOTCUA_PROVINCE_CODE
    if not WorkingPeriod.objects.filter(province_code=code).exists():
        WorkingPeriod.objects.bulk_create(
            WorkingPeriod(province_code=code, start=p.start, end=p.end) for p in DEFAULT_PERIODS
        )
    periods = ", ".join(f"{p.start:%H:%M}–{p.end:%H:%M}" for p in calendar_for(code).periods)
    message = _("Lịch làm việc của tỉnh %(code)s: %(periods)s")
    command.stdout.write(message % {"code": code, "periods": periods})
