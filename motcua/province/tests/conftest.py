from __future__ import annotations

from collections.abc import Iterator

import pytest


@pytest.fixture(autouse=True)
def _fresh_calendar() -> Iterator[None]:
    from motcua.worktime.calendars import clear_calendar_cache

    clear_calendar_cache()
    yield
    clear_calendar_cache()
