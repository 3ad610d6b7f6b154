"""Day-level agreement with numpy.busday_offset on the same days off, for 100,000 random cases."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import numpy as np
import pytest

from motcua.worktime.core import TZ, LimitUnit, SpecialDay, TimeLimit, WorkCalendar, vietnam_days

FIRST, LAST = dt.date(2024, 1, 1), dt.date(2027, 12, 31)
CASES = 100_000
TEN = dt.time(10, 0)


def random_cases(seed: int) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    starts = np.datetime64(FIRST) + rng.integers(0, (LAST - FIRST).days - 120, CASES).astype("timedelta64[D]")
    counts = rng.integers(0, 60, CASES)
    return starts, counts


def expected_due(starts: np.ndarray, counts: np.ndarray, busdaycal: np.busdaycalendar) -> list[dt.datetime]:
    """Received at 10:00: on a working day, N working days later at 10:00; on a day off, the clock
    starts at 07:00 of the next working day, so N working days end at 17:00 of working day N−1."""
    on_working_day = np.is_busday(starts, busdaycal=busdaycal)
    same_clock = np.busday_offset(starts, counts, roll="forward", busdaycal=busdaycal)
    end_of_day = np.busday_offset(starts, np.maximum(counts - 1, 0), roll="forward", busdaycal=busdaycal)
    result = []
    for working, count, same, end in zip(
        on_working_day.tolist(), counts.tolist(), same_clock.tolist(), end_of_day.tolist(), strict=True
    ):
        if working:
            result.append(dt.datetime.combine(same, TEN, tzinfo=TZ))
        elif count == 0:
            result.append(dt.datetime.combine(same, dt.time(7), tzinfo=TZ))
        else:
            result.append(dt.datetime.combine(end, dt.time(17), tzinfo=TZ))
    return result


def actual_due(calendar: WorkCalendar, starts: np.ndarray, counts: np.ndarray) -> list[dt.datetime]:
    limits = {n: TimeLimit(Decimal(n), LimitUnit.WORKING_DAYS) for n in range(60)}
    add = calendar.add
    return [
        add(dt.datetime.combine(day, TEN, tzinfo=TZ), limits[n])
        for day, n in zip(starts.tolist(), counts.tolist(), strict=True)
    ]


def test_agrees_with_numpy_on_the_real_calendar_with_make_up_saturdays() -> None:
    # numpy cannot make a Saturday a working day under a Mon–Fri weekmask, so it gets a
    # seven-day weekmask and every non-working day (weekends included) as a holiday.
    calendar = WorkCalendar()
    every_day = [FIRST + dt.timedelta(days=k) for k in range((LAST - FIRST).days + 200)]
    days_off = [d for d in every_day if not calendar.is_working_day(d)]
    busdaycal = np.busdaycalendar(weekmask="1111111", holidays=days_off)
    starts, counts = random_cases(seed=20260213)
    assert actual_due(calendar, starts, counts) == expected_due(starts, counts, busdaycal)


def test_agrees_with_numpy_on_a_mon_fri_weekmask_and_the_holiday_list() -> None:
    # The same national days off, without make-up Saturdays: numpy's own weekmask "1111100".
    def days_off_only(year: int) -> list[SpecialDay]:
        return [d for d in vietnam_days(year) if not d.working]

    calendar = WorkCalendar(national=days_off_only)
    holidays = [d.day for year in range(2024, 2029) for d in days_off_only(year)]
    busdaycal = np.busdaycalendar(weekmask="1111100", holidays=holidays)
    starts, counts = random_cases(seed=42)
    assert actual_due(calendar, starts, counts) == expected_due(starts, counts, busdaycal)
    # ...and working days between two dates agree with busday_count.
    ends = starts + counts.astype("timedelta64[D]")
    numpy_counts = np.busday_count(starts, ends, busdaycal=busdaycal).tolist()
    eight_hours = dt.timedelta(hours=8)
    def midnight(day: dt.date) -> dt.datetime:
        return dt.datetime.combine(day, dt.time(0), tzinfo=TZ)

    ours = [
        calendar.elapsed(midnight(a), midnight(b)) // eight_hours
        for a, b in zip(starts[:20_000].tolist(), ends[:20_000].tolist(), strict=True)
    ]
    assert ours == numpy_counts[:20_000]


@pytest.mark.parametrize("year", [2025, 2026, 2027])
def test_numpy_and_the_calendar_count_the_same_working_days_per_year(year: int) -> None:
    calendar = WorkCalendar()
    special = calendar.special_days(year)
    holidays = [d.day for d in special if not d.working]
    extra = sum(1 for d in special if d.working)
    numpy_count = int(np.busday_count(f"{year}-01-01", f"{year + 1}-01-01", holidays=holidays))
    assert len(calendar.working_days(dt.date(year, 1, 1), dt.date(year + 1, 1, 1))) == numpy_count + extra
