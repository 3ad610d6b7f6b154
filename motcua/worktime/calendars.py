"""The Django side of the calendar: build a province's WorkCalendar from the database."""

from __future__ import annotations

import threading
import time
from typing import Any

from django.conf import settings
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from motcua.worktime.core import DEFAULT_PERIODS, LocalOverride, Period, WorkCalendar
from motcua.worktime.models import CalendarOverride, WorkingPeriod

# Saves and deletes in this process clear the cache at once; other processes (web workers,
# the periodic job) see admin changes after at most this many seconds.
CACHE_SECONDS = 300

_cache: dict[str, tuple[float, WorkCalendar]] = {}
_lock = threading.Lock()


def calendar_for(province_code: str | None = None) -> WorkCalendar:
    """The working calendar of a province (settings.MOTCUA_PROVINCE_CODE by default)."""
    code = province_code or settings.MOTCUA_PROVINCE_CODE
    now = time.monotonic()
    cached = _cache.get(code)
    if cached is not None and now - cached[0] < CACHE_SECONDS:
        return cached[1]
    calendar = build_calendar(code)
    with _lock:
        _cache[code] = (now, calendar)
    return calendar


def build_calendar(province_code: str) -> WorkCalendar:
    """A fresh (uncached) calendar from the province's periods and overrides."""
    rows = WorkingPeriod.objects.filter(province_code=province_code).order_by("start")
    periods = tuple(Period(p.start, p.end) for p in rows)
    overrides = [
        LocalOverride(o.day, o.kind == CalendarOverride.Kind.WORKING_DAY, o.reason)
        for o in CalendarOverride.objects.filter(province_code=province_code)
    ]
    return WorkCalendar(periods=periods or DEFAULT_PERIODS, overrides=overrides)


def clear_calendar_cache() -> None:
    """Forget every cached calendar (tests that roll back overrides call this too)."""
    with _lock:
        _cache.clear()


@receiver(post_save, sender=WorkingPeriod)
@receiver(post_delete, sender=WorkingPeriod)
@receiver(post_save, sender=CalendarOverride)
@receiver(post_delete, sender=CalendarOverride)
def _configuration_changed(sender: Any, **kwargs: Any) -> None:
    # Clear now (the change is visible inside the transaction) and again after commit
    # (a calendar built meanwhile from the old rows must not survive).
    clear_calendar_cache()
    transaction.on_commit(clear_calendar_cache)
