"""Properties of the working-time arithmetic, checked on random instants (hypothesis)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from zoneinfo import ZoneInfo

from hypothesis import given, settings
from hypothesis import strategies as st

from motcua.worktime.core import DEFAULT_PERIODS, TZ, LimitUnit, TimeLimit, WorkCalendar

CALENDAR = WorkCalendar()
UTC = ZoneInfo("UTC")

# Instants from 2024 to 2028 (to the second, sometimes on round minutes and period bounds),
# in Vietnam time or in UTC.
_clock = st.one_of(
    st.sampled_from([dt.time(7), dt.time(11, 30), dt.time(13, 30), dt.time(15), dt.time(17), dt.time(0)]),
    st.times(),
)
instants = st.builds(
    lambda day, clock, zone: dt.datetime.combine(day, clock, tzinfo=TZ).astimezone(zone),
    st.dates(dt.date(2024, 1, 1), dt.date(2028, 6, 30)),
    _clock,
    st.sampled_from([TZ, UTC]),
)
# Working time up to 60 working days, in whole minutes or to the microsecond.
amounts = st.one_of(
    st.integers(0, 60 * 8 * 60).map(lambda m: dt.timedelta(minutes=m)),
    st.integers(0, 60 * 8 * 3600 * 10**6).map(lambda us: dt.timedelta(microseconds=us)),
)
day_counts = st.integers(0, 40)
BOUNDS = [(p.start, p.end) for p in DEFAULT_PERIODS]


def is_working_instant_or_period_end(t: dt.datetime) -> bool:
    local = t.astimezone(TZ)
    if not CALENDAR.is_working_day(local.date()):
        return False
    clock = local.time()
    return any(start <= clock < end or clock == end for start, end in BOUNDS)


@given(instants, amounts, amounts)
def test_adding_a_then_b_is_adding_a_plus_b(t: dt.datetime, a: dt.timedelta, b: dt.timedelta) -> None:
    assert CALENDAR.add_working(CALENDAR.add_working(t, a), b) == CALENDAR.add_working(t, a + b)


@given(instants, day_counts, day_counts)
def test_adding_working_days_a_then_b_is_adding_a_plus_b(t: dt.datetime, a: int, b: int) -> None:
    def days(n: int) -> TimeLimit:
        return TimeLimit(Decimal(n), LimitUnit.WORKING_DAYS)

    assert CALENDAR.add(CALENDAR.add(t, days(a)), days(b)) == CALENDAR.add(t, days(a + b))


@given(instants, amounts)
def test_elapsed_undoes_add(t: dt.datetime, x: dt.timedelta) -> None:
    assert CALENDAR.elapsed(t, CALENDAR.add_working(t, x)) == x


calendar_day_limits = st.builds(lambda n: TimeLimit(Decimal(n), LimitUnit.CALENDAR_DAYS), day_counts)
same_day = st.just(TimeLimit(Decimal(0), LimitUnit.SAME_DAY_15H))


@given(instants, st.one_of(amounts, calendar_day_limits, same_day))
def test_results_are_working_instants_or_period_ends(t: dt.datetime, x: dt.timedelta | TimeLimit) -> None:
    result = CALENDAR.add_working(t, x) if isinstance(x, dt.timedelta) else CALENDAR.add(t, x)
    assert is_working_instant_or_period_end(result)
    assert result >= t or result.astimezone(TZ).time() in {end for _, end in BOUNDS}
    assert result.utcoffset() == dt.timedelta(hours=7)


@given(instants)
def test_next_working_instant_is_a_working_instant_not_before_t(t: dt.datetime) -> None:
    start = CALENDAR.next_working_instant(t)
    assert start >= t
    local = start.astimezone(TZ)
    assert CALENDAR.is_working_day(local.date())
    assert any(s <= local.time() < e for s, e in BOUNDS)
    assert CALENDAR.elapsed(t, start) == dt.timedelta(0)


@given(instants, instants, amounts)
def test_add_is_monotonic_in_the_start(t1: dt.datetime, t2: dt.datetime, x: dt.timedelta) -> None:
    t1, t2 = min(t1, t2), max(t1, t2)
    assert CALENDAR.add_working(t1, x) <= CALENDAR.add_working(t2, x)


@given(instants, amounts, amounts)
def test_add_is_monotonic_in_the_amount(t: dt.datetime, a: dt.timedelta, b: dt.timedelta) -> None:
    a, b = min(a, b), max(a, b)
    assert CALENDAR.add_working(t, a) <= CALENDAR.add_working(t, b)


@given(instants, instants, instants)
def test_elapsed_adds_up_and_remaining_is_signed(a: dt.datetime, b: dt.datetime, c: dt.datetime) -> None:
    a, b, c = sorted([a, b, c])
    assert CALENDAR.elapsed(a, b) + CALENDAR.elapsed(b, c) == CALENDAR.elapsed(a, c)
    assert CALENDAR.remaining(a, c) == CALENDAR.elapsed(a, c)
    assert CALENDAR.remaining(c, a) == -CALENDAR.elapsed(a, c)


@settings(max_examples=50)
@given(instants, st.integers(0, 20))
def test_calendar_day_results_are_on_or_after_the_plain_date(t: dt.datetime, n: int) -> None:
    start = CALENDAR.next_working_instant(t)
    result = CALENDAR.add(t, TimeLimit(Decimal(n), LimitUnit.CALENDAR_DAYS))
    assert result.time() == start.time()
    assert result.date() >= start.date() + dt.timedelta(days=n)
    skipped = [start.date() + dt.timedelta(days=k) for k in range(n, (result.date() - start.date()).days)]
    assert not any(CALENDAR.is_working_day(d) for d in skipped)


@settings(max_examples=300, deadline=None)
@given(instants, amounts)
def test_subtract_working_marks_what_has_waited_longer(end: dt.datetime, amount: dt.timedelta) -> None:
    """`t < subtract_working(end, amount)` exactly when more than `amount` of working time
    lies between t and end (checked at the boundary and one second on either side)."""
    threshold = CALENDAR.subtract_working(end, amount)
    assert CALENDAR.elapsed(threshold, end) == amount
    for t in (threshold - dt.timedelta(seconds=1), threshold, threshold + dt.timedelta(seconds=1)):
        assert (t < threshold) == (CALENDAR.elapsed(t, end) > amount), t
