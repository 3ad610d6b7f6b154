"""The per-year working-day tables: loaded lazily in both directions, and safe to share."""

from __future__ import annotations

import datetime as dt
from concurrent.futures import ThreadPoolExecutor

from motcua.worktime.core import TimeLimit, WorkCalendar

from .conftest import at


def test_positions_stay_right_when_earlier_years_are_loaded_later() -> None:
    calendar = WorkCalendar()  # fresh: nothing loaded
    late, early = at("2030-01-02 07:00"), at("2020-01-02 07:00")
    assert calendar.next_working_instant(late) == late  # loads 2030 only
    working_days = len(WorkCalendar().working_days(early.date(), late.date()))
    # Loads 2020–2029 backwards, after 2030 already has its numbers.
    assert calendar.remaining(late, early) == -working_days * dt.timedelta(hours=8)
    assert calendar.elapsed(early, late) == working_days * dt.timedelta(hours=8)


def test_a_due_time_in_a_year_not_loaded_yet_loads_it() -> None:
    calendar = WorkCalendar()
    # 1 and 2 January 2026 are off (New Year, and the swap with Saturday 10 January).
    assert calendar.add(at("2025-12-31 10:00"), TimeLimit.parse("2 working days")) == at("2026-01-06 10:00")
    assert calendar.add(at("2026-12-31 10:00"), TimeLimit.parse("1 working day")) == at("2027-01-04 10:00")


def test_threads_sharing_a_fresh_calendar_get_the_same_answers() -> None:
    shared = WorkCalendar()
    limit = TimeLimit.parse("7 working days")
    starts = [
        at(f"{year}-0{month}-1{month} 09:{month}5") for year in range(2035, 2015, -1) for month in range(1, 6)
    ]
    expected = [WorkCalendar().add(s, limit) for s in starts]
    with ThreadPoolExecutor(max_workers=8) as pool:
        assert list(pool.map(lambda s: shared.add(s, limit), starts)) == expected
