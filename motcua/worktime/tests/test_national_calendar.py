"""Vietnam's days off and make-up working days, 2025–2027, as the calendar sees them."""

from __future__ import annotations

import datetime as dt

import pytest

from motcua.worktime.core import WorkCalendar

D = dt.date


@pytest.mark.parametrize(
    "day",
    [
        D(2025, 1, 1),  # New Year
        *[D(2025, 1, d) for d in range(27, 32)],  # Tết Ất Tỵ: Mon 27 – Fri 31 Jan
        D(2025, 4, 7),  # Hùng Kings
        D(2025, 4, 30), D(2025, 5, 1), D(2025, 5, 2),  # 30/4, 1/5 and the day swapped with Sat 26/4
        D(2025, 9, 1), D(2025, 9, 2),  # National Day
        D(2026, 1, 1), D(2026, 1, 2),  # New Year, and Fri 2 Jan swapped with Sat 10 Jan (12729/VPCP-KGVX)
        *[D(2026, 2, d) for d in range(16, 21)],  # Tết Bính Ngọ: Mon 16 – Fri 20 Feb
        D(2026, 4, 27),  # Hùng Kings falls on Sunday 26 Apr: substitute Monday
        D(2026, 4, 30), D(2026, 5, 1),
        D(2026, 8, 31),  # swapped with Saturday 22 Aug
        D(2026, 9, 1), D(2026, 9, 2),
        D(2026, 11, 24),  # Vietnam Cultural Day, a public holiday from 2026
        D(2027, 2, 5), D(2027, 2, 8), D(2027, 2, 9),  # Tết Đinh Mùi
        D(2027, 5, 3),  # 1/5 falls on a Saturday: substitute Monday
        D(2027, 11, 24),
    ],
)
def test_public_holidays_are_not_working_days(calendar: WorkCalendar, day: dt.date) -> None:
    assert day.weekday() < 5
    assert not calendar.is_working_day(day)


@pytest.mark.parametrize("day", [D(2025, 4, 26), D(2026, 1, 10), D(2026, 8, 22)])
def test_make_up_saturdays_are_working_days(calendar: WorkCalendar, day: dt.date) -> None:
    assert day.weekday() == 5
    assert calendar.is_working_day(day)


@pytest.mark.parametrize(
    "day", [D(2025, 4, 25), D(2025, 4, 28), D(2026, 2, 13), D(2026, 2, 23), D(2026, 11, 25)]
)
def test_ordinary_weekdays_are_working_days(calendar: WorkCalendar, day: dt.date) -> None:
    assert calendar.is_working_day(day)


@pytest.mark.parametrize("day", [D(2025, 4, 27), D(2025, 5, 3), D(2026, 8, 23), D(2026, 2, 21)])
def test_other_weekends_are_days_off(calendar: WorkCalendar, day: dt.date) -> None:
    assert not calendar.is_working_day(day)


def test_special_days_list_reasons_and_only_days_that_change_something(calendar: WorkCalendar) -> None:
    days = {d.day: d for d in calendar.special_days(2026)}
    assert days[D(2026, 11, 24)].reason == "Ngày Văn hóa Việt Nam"
    assert days[D(2026, 8, 22)].working
    assert "31/08/2026" in days[D(2026, 8, 22)].reason
    assert "12729/VPCP-KGVX" in days[D(2026, 1, 10)].reason
    assert D(2026, 4, 26) not in days  # Hùng Kings on a Sunday changes nothing by itself
    assert all(d.working == (d.day.weekday() >= 5) for d in days.values())


def test_working_day_counts_per_year(calendar: WorkCalendar) -> None:
    # 261 weekdays in 2025 − 12 weekday holidays + Sat 26/4 = 250.
    assert len(calendar.working_days(D(2025, 1, 1), D(2026, 1, 1))) == 250


def test_years_outside_the_supported_range_are_refused(calendar: WorkCalendar) -> None:
    with pytest.raises(ValueError, match="supported range"):
        calendar.is_working_day(D(1900, 1, 1))
