"""Worked cases of the working-time rules (REGULATIONS.md, "Time")."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest

from motcua.worktime.core import Classification, LimitUnit, TimeLimit, WorkCalendar

from .conftest import at

H = dt.timedelta(hours=1)


def due(calendar: WorkCalendar, received: str, limit: str) -> str:
    return calendar.add(at(received), TimeLimit.parse(limit)).isoformat()


# -- the clock starts at the next working instant ----------------------------------------


@pytest.mark.parametrize(
    ("received", "starts"),
    [
        ("2026-03-02 10:00", "2026-03-02T10:00:00+07:00"),  # inside a period: itself
        ("2026-03-02 06:15", "2026-03-02T07:00:00+07:00"),  # before opening
        ("2026-03-02 11:30", "2026-03-02T13:30:00+07:00"),  # lunch starts at 11:30
        ("2026-03-02 12:00", "2026-03-02T13:30:00+07:00"),  # during lunch: 13:30
        ("2026-03-02 17:00", "2026-03-03T07:00:00+07:00"),  # at or after 17:00: 07:00 next working day
        ("2026-03-06 18:30", "2026-03-09T07:00:00+07:00"),  # Friday evening: Monday
        ("2025-04-29 17:30", "2025-05-05T07:00:00+07:00"),  # before 30/4, 1/5, 2/5 and the weekend
        ("2025-04-25 17:30", "2025-04-26T07:00:00+07:00"),  # Friday evening before a make-up Saturday
    ],
)
def test_next_working_instant(calendar: WorkCalendar, received: str, starts: str) -> None:
    assert calendar.next_working_instant(at(received)).isoformat() == starts


def test_results_are_in_vietnam_time_whatever_the_input_zone(calendar: WorkCalendar) -> None:
    received = dt.datetime(2026, 2, 13, 3, 0, tzinfo=ZoneInfo("UTC"))  # 10:00 in Hanoi
    result = calendar.add(received, TimeLimit.parse("5 working days"))
    assert result.isoformat() == "2026-02-27T10:00:00+07:00"
    assert str(result.tzinfo) == "Asia/Ho_Chi_Minh"


def test_naive_datetimes_are_refused(calendar: WorkCalendar) -> None:
    with pytest.raises(ValueError, match="aware"):
        calendar.next_working_instant(dt.datetime(2026, 2, 13, 10, 0))


# -- the worked cases of the issue --------------------------------------------------------


def test_five_working_days_across_tet_2026(calendar: WorkCalendar) -> None:
    # Friday 13 Feb 10:00; Tết Bính Ngọ closes Mon 16 – Fri 20 Feb.
    assert due(calendar, "2026-02-13 10:00", "5 working days") == "2026-02-27T10:00:00+07:00"
    assert due(calendar, "2026-02-13 10:00", "5 ngày làm việc") == "2026-02-27T10:00:00+07:00"
    assert due(calendar, "2026-02-13 16:00", "2 working days") == "2026-02-24T16:00:00+07:00"


def test_received_on_the_make_up_saturday_26_april_2025(calendar: WorkCalendar) -> None:
    assert due(calendar, "2025-04-26 09:00", "1 working day") == "2025-04-28T09:00:00+07:00"
    # 3 working days: Sat 26, Mon 28, Tue 29, then 30/4–4/5 are off.
    assert due(calendar, "2025-04-26 09:00", "3 working days") == "2025-05-05T09:00:00+07:00"
    # Friday afternoon with 4 working hours runs into the Saturday.
    assert due(calendar, "2025-04-25 16:00", "4 giờ làm việc") == "2025-04-26T10:00:00+07:00"


def test_received_after_hours_on_29_april_2025(calendar: WorkCalendar) -> None:
    assert due(calendar, "2025-04-29 17:30", "1 working day") == "2025-05-05T17:00:00+07:00"
    assert due(calendar, "2025-04-29 17:30", "4 working hours") == "2025-05-05T11:00:00+07:00"
    assert due(calendar, "2025-04-29 17:30", "trong ngày") == "2025-05-05T17:00:00+07:00"


def test_vietnam_cultural_day_24_november_2026(calendar: WorkCalendar) -> None:
    assert due(calendar, "2026-11-23 14:00", "1 working day") == "2026-11-25T14:00:00+07:00"
    assert due(calendar, "2026-11-23 16:00", "2 working hours") == "2026-11-25T08:00:00+07:00"
    # 32 calendar days from Friday 23 Oct end on Tuesday 24 Nov: moved to Wednesday, same clock time.
    assert due(calendar, "2026-10-23 09:00", "32 days") == "2026-11-25T09:00:00+07:00"


def test_supplement_pause_spanning_a_weekend(calendar: WorkCalendar) -> None:
    received = at("2026-03-05 09:00")  # Thursday
    due_time = calendar.add(received, TimeLimit.parse("3 working days"))
    assert due_time == at("2026-03-10 09:00")
    paused = at("2026-03-06 10:00")  # Friday: supplement requested, the clock stops
    left = calendar.remaining(paused, due_time)
    assert left == 15 * H  # Fri 5 h + Mon 8 h + Tue 2 h
    resumed = at("2026-03-09 14:00")  # Monday afternoon: the applicant supplements
    new_due = calendar.add_working(resumed, left)
    assert new_due == at("2026-03-11 11:00")
    # The weekend and Monday morning are not counted against the agency.
    assert calendar.elapsed(received, paused) + calendar.elapsed(resumed, new_due) == 3 * 8 * H


def test_supplement_returned_on_a_weekend_resumes_on_monday_morning(calendar: WorkCalendar) -> None:
    left = 3 * H
    assert calendar.add_working(at("2026-03-07 10:00"), left) == at("2026-03-09 10:00")


# -- periods ------------------------------------------------------------------------------


def test_time_running_out_at_a_period_end_gives_that_end(calendar: WorkCalendar) -> None:
    assert due(calendar, "2026-03-02 07:00", "1 working day") == "2026-03-02T17:00:00+07:00"
    assert due(calendar, "2026-03-02 07:00", "4.5 working hours") == "2026-03-02T11:30:00+07:00"
    assert due(calendar, "2026-03-02 13:30", "3.5 working hours") == "2026-03-02T17:00:00+07:00"
    assert due(calendar, "2026-03-06 07:00", "1 working day") == "2026-03-06T17:00:00+07:00"


def test_a_working_day_is_eight_working_hours(calendar: WorkCalendar) -> None:
    for received in ["2026-03-02 07:00", "2026-03-02 09:17", "2026-03-02 12:00", "2026-03-06 16:59"]:
        assert due(calendar, received, "3 working days") == due(calendar, received, "24 working hours")
    assert due(calendar, "2026-03-02 07:00", "0.5 working days") == "2026-03-02T11:00:00+07:00"


def test_received_on_a_sunday_counts_from_monday_morning(calendar: WorkCalendar) -> None:
    assert due(calendar, "2026-03-08 10:00", "1 working day") == "2026-03-09T17:00:00+07:00"
    assert due(calendar, "2026-03-08 10:00", "1 working hour") == "2026-03-09T08:00:00+07:00"


def test_a_zero_limit_starts_the_clock_and_stops_it(calendar: WorkCalendar) -> None:
    assert due(calendar, "2026-03-02 12:00", "0 working hours") == "2026-03-02T13:30:00+07:00"
    assert due(calendar, "2026-03-02 17:00", "0 working hours") == "2026-03-02T17:00:00+07:00"


def test_negative_working_time_is_refused(calendar: WorkCalendar) -> None:
    with pytest.raises(ValueError):
        calendar.add_working(at("2026-03-02 10:00"), -H)


# -- calendar days --------------------------------------------------------------------------


def test_calendar_days_keep_the_clock_time(calendar: WorkCalendar) -> None:
    assert due(calendar, "2026-03-02 10:00", "30 days") == "2026-04-01T10:00:00+07:00"
    assert due(calendar, "2026-03-02 10:00", "30 ngày") == "2026-04-01T10:00:00+07:00"


def test_calendar_days_ending_on_a_day_off_move_to_the_next_working_day(calendar: WorkCalendar) -> None:
    # 14 days from Mon 2 Feb 2026 is Mon 16 Feb (Tết): Monday 23 Feb, same time.
    assert due(calendar, "2026-02-02 10:00", "14 days") == "2026-02-23T10:00:00+07:00"
    # Ending on a Sunday: Monday.
    assert due(calendar, "2026-03-02 10:00", "6 days") == "2026-03-09T10:00:00+07:00"
    # Ending on a make-up Saturday: that Saturday is a working day.
    assert due(calendar, "2026-08-17 10:00", "6 days") == "2026-08-24T10:00:00+07:00"
    assert due(calendar, "2026-08-14 10:00", "8 days") == "2026-08-22T10:00:00+07:00"


def test_calendar_days_count_from_when_the_clock_starts(calendar: WorkCalendar) -> None:
    # Received Friday 18:00: the clock starts Monday 07:00.
    assert due(calendar, "2026-03-06 18:00", "10 days") == "2026-03-19T07:00:00+07:00"


# -- same day, or next working day after 15:00 --------------------------------------------


@pytest.mark.parametrize(
    ("received", "expected"),
    [
        ("2026-03-02 09:00", "2026-03-02T17:00:00+07:00"),
        ("2026-03-02 15:00", "2026-03-02T17:00:00+07:00"),  # at 15:00 still the same day
        ("2026-03-02 15:01", "2026-03-03T17:00:00+07:00"),
        ("2026-03-02 06:00", "2026-03-02T17:00:00+07:00"),  # before opening
        ("2026-03-02 18:00", "2026-03-03T17:00:00+07:00"),  # after closing
        ("2026-03-06 16:00", "2026-03-09T17:00:00+07:00"),  # Friday afternoon: Monday
        ("2026-03-07 09:00", "2026-03-09T17:00:00+07:00"),  # Saturday: Monday
        ("2026-02-13 15:30", "2026-02-23T17:00:00+07:00"),  # before Tết
    ],
)
def test_same_day_rule(calendar: WorkCalendar, received: str, expected: str) -> None:
    assert due(calendar, received, "trong ngày") == expected


# -- elapsed and remaining ------------------------------------------------------------------


def test_elapsed_counts_working_time_only(calendar: WorkCalendar) -> None:
    assert calendar.elapsed(at("2026-02-13 10:00"), at("2026-02-27 10:00")) == 40 * H
    assert calendar.elapsed(at("2026-03-02 11:00"), at("2026-03-02 14:00")) == H
    assert calendar.elapsed(at("2026-03-06 16:00"), at("2026-03-09 08:00")) == 2 * H
    assert calendar.elapsed(at("2026-03-07 08:00"), at("2026-03-08 16:00")) == dt.timedelta(0)


def test_elapsed_is_zero_backwards_but_remaining_goes_negative(calendar: WorkCalendar) -> None:
    assert calendar.elapsed(at("2026-03-03 10:00"), at("2026-03-02 10:00")) == dt.timedelta(0)
    assert calendar.remaining(at("2026-03-03 10:00"), at("2026-03-02 10:00")) == -8 * H
    assert calendar.remaining(at("2026-03-02 10:00"), at("2026-03-03 10:00")) == 8 * H


# -- classification and due soon ------------------------------------------------------------


@pytest.mark.parametrize(
    ("finish", "expected"),
    [
        ("2026-02-26 16:59", Classification.EARLY),  # a working day before the due day
        ("2026-02-24 09:00", Classification.EARLY),
        ("2026-02-27 07:00", Classification.ON_TIME),  # the due day, before the due time
        ("2026-02-27 10:00", Classification.ON_TIME),  # exactly at the due time
        ("2026-02-27 10:01", Classification.LATE),
        ("2026-03-02 08:00", Classification.LATE),
    ],
)
def test_classify(calendar: WorkCalendar, finish: str, expected: Classification) -> None:
    assert calendar.classify(at(finish), at("2026-02-27 10:00")) == expected


@pytest.mark.parametrize(
    ("finish", "expected"),
    [
        ("2026-03-07 10:00", Classification.ON_TIME),  # Saturday: no working day before Monday's due day
        ("2026-03-08 20:00", Classification.ON_TIME),  # Sunday evening
        ("2026-03-06 17:30", Classification.EARLY),  # Friday, after hours: still a working day
        ("2026-03-05 11:00", Classification.EARLY),
    ],
)
def test_a_finish_on_a_day_off_just_before_the_due_day_is_on_time(
    calendar: WorkCalendar, finish: str, expected: Classification
) -> None:
    assert calendar.classify(at(finish), at("2026-03-09 10:00")) == expected  # due Monday 9 March


def test_a_finish_on_a_day_off_with_working_days_left_before_the_due_day_is_early(
    calendar: WorkCalendar,
) -> None:
    # Finished on Sunday 15 Feb 2026, due Friday 27 Feb: Mon 23 – Thu 26 Feb are still ahead.
    assert calendar.classify(at("2026-02-15 09:00"), at("2026-02-27 10:00")) == Classification.EARLY
    # Finished during Tết (Wed 18 Feb), due Monday 23 Feb: Tết and the weekend are all days off.
    assert calendar.classify(at("2026-02-18 09:00"), at("2026-02-23 10:00")) == Classification.ON_TIME


def test_calendar_days_beyond_the_supported_years_are_refused(calendar: WorkCalendar) -> None:
    with pytest.raises(ValueError, match="supported range"):
        calendar.add(at("2026-02-13 10:00"), TimeLimit(Decimal(99_999_999), LimitUnit.CALENDAR_DAYS))


def test_due_soon_within_a_working_time_window(calendar: WorkCalendar) -> None:
    due_time = at("2026-03-09 10:00")  # Monday
    window = 8 * H
    assert calendar.is_due_soon(at("2026-03-06 10:00"), due_time, window)  # Friday: 8 working hours left
    assert not calendar.is_due_soon(at("2026-03-06 09:59"), due_time, window)
    assert calendar.is_due_soon(at("2026-03-07 12:00"), due_time, window)  # the weekend does not count
    assert not calendar.is_due_soon(at("2026-03-09 10:00"), due_time, window)  # due: overdue, not due soon
    assert not calendar.is_due_soon(at("2026-03-09 11:00"), due_time, window)
