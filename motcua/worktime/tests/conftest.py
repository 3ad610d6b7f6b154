from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest

from motcua.worktime.core import TZ, WorkCalendar


@pytest.fixture(autouse=True)
def _fresh_calendar_cache() -> Iterator[None]:
    # Overrides created in a test are rolled back without a delete signal.
    from motcua.worktime.calendars import clear_calendar_cache

    clear_calendar_cache()
    yield
    clear_calendar_cache()


@pytest.fixture(scope="session")
def calendar() -> WorkCalendar:
    """Vietnam's national calendar with the default periods (no province overrides)."""
    return WorkCalendar()


def at(text: str) -> dt.datetime:
    """'2026-02-13 10:00' in Asia/Ho_Chi_Minh."""
    return dt.datetime.fromisoformat(text).replace(tzinfo=TZ)
