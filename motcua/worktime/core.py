"""Working-time arithmetic to the microsecond, with no Django imports.

A calendar maps every instant to a *working position*: the working time (in
microseconds) between a fixed origin and that instant. Working day number ``i``
(the i-th working day since the origin) covers positions ``[i*D, (i+1)*D]``,
where ``D`` is the length of the day's working periods (8 h by default). With
that mapping, adding working time is an addition, elapsed working time is a
subtraction, and the per-instant work is two dictionary look-ups and a loop
over the (two) periods of a day: no per-minute or per-day loops.

The working days come from one sorted list of ordinals per calendar, built one
year at a time from the national calendar (``holidays.Vietnam`` plus the
built-in corrections below) and the province's local overrides.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
import threading
import unicodedata
from bisect import bisect_left
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from enum import StrEnum
from functools import cached_property
from typing import NamedTuple
from zoneinfo import ZoneInfo

TZ = ZoneInfo("Asia/Ho_Chi_Minh")
MICROSECONDS_PER_HOUR = 3_600_000_000
# Decree on working hours of state agencies: 8 working hours make one working day.
HOURS_PER_WORKING_DAY = 8
# "Trong ngày; sau 15 giờ thì trả vào ngày làm việc tiếp theo": the cut-off of the same-day rule.
SAME_DAY_CUTOFF = dt.time(15, 0)
# Years the national calendar is computed for; outside this range the lunar calendar and
# the holiday rules are not meaningful, so we refuse rather than answer something wrong.
MIN_YEAR = 1995
MAX_YEAR = 2100  # the lunar calendar of `holidays` ends in 2100


class LimitUnit(StrEnum):
    """Unit of a legal time limit (same values as catalog.TimeLimitUnit)."""

    WORKING_DAYS = "working_days"
    WORKING_HOURS = "working_hours"
    CALENDAR_DAYS = "calendar_days"
    SAME_DAY_15H = "same_day_15h"


class Classification(StrEnum):
    EARLY = "early"
    ON_TIME = "on_time"
    LATE = "late"


# ---------------------------------------------------------------------------------------
# Time limits


def _fold(text: str) -> str:
    # Same folding as motcua.core.text.fold, repeated here to keep the core self-contained.
    decomposed = unicodedata.normalize("NFD", " ".join(text.split()).lower())
    return "".join(c for c in decomposed if unicodedata.category(c) != "Mn").replace("đ", "d")


# Folded unit phrases (accent-insensitive, so "ngay lam viec" works from a plain keyboard).
_UNIT_WORDS: dict[str, LimitUnit] = {
    "working day": LimitUnit.WORKING_DAYS,
    "working days": LimitUnit.WORKING_DAYS,
    "business day": LimitUnit.WORKING_DAYS,
    "business days": LimitUnit.WORKING_DAYS,
    "ngay lam viec": LimitUnit.WORKING_DAYS,
    "working_days": LimitUnit.WORKING_DAYS,
    "working hour": LimitUnit.WORKING_HOURS,
    "working hours": LimitUnit.WORKING_HOURS,
    "business hour": LimitUnit.WORKING_HOURS,
    "business hours": LimitUnit.WORKING_HOURS,
    "gio lam viec": LimitUnit.WORKING_HOURS,
    "gio": LimitUnit.WORKING_HOURS,
    "working_hours": LimitUnit.WORKING_HOURS,
    "day": LimitUnit.CALENDAR_DAYS,
    "days": LimitUnit.CALENDAR_DAYS,
    "calendar day": LimitUnit.CALENDAR_DAYS,
    "calendar days": LimitUnit.CALENDAR_DAYS,
    "ngay": LimitUnit.CALENDAR_DAYS,
    "ngay lich": LimitUnit.CALENDAR_DAYS,
    "calendar_days": LimitUnit.CALENDAR_DAYS,
}
_SAME_DAY_WORDS = {"same day", "same_day_15h", "trong ngay", "same day 15h"}
_LIMIT_RE = re.compile(r"^\s*([+-]?\d+(?:[.,]\d+)?)\s*(.*?)\s*$")


@dataclass(frozen=True)
class TimeLimit:
    """A legal time limit such as 5 working days or 30 (calendar) days."""

    value: Decimal
    unit: LimitUnit

    def __post_init__(self) -> None:
        if not isinstance(self.value, Decimal):
            object.__setattr__(self, "value", Decimal(str(self.value)))
        if not isinstance(self.unit, LimitUnit):
            object.__setattr__(self, "unit", LimitUnit(self.unit))
        if not self.value.is_finite() or self.value < 0:
            raise ValueError(f"A time limit must be a number >= 0, not {self.value}.")

    @classmethod
    def parse(cls, text: str) -> TimeLimit:
        """Read "5 working days", "5 ngày làm việc", "4 giờ làm việc", "30 ngày", "30 days", "trong ngày"."""
        folded = _fold(text).rstrip(" .;")
        if folded in _SAME_DAY_WORDS:
            return cls(Decimal(0), LimitUnit.SAME_DAY_15H)
        match = _LIMIT_RE.match(folded)
        if not match:
            raise ValueError(
                f"Invalid time limit {text!r}: expected a number and a unit, "
                "e.g. '5 working days', '5 ngày làm việc', '4 giờ làm việc', '30 ngày'."
            )
        number, words = match.groups()
        unit = _UNIT_WORDS.get(words)
        if unit is None:
            raise ValueError(
                f"Unknown time limit unit {words!r} in {text!r}: use working days, working hours, days, "
                "ngày làm việc, giờ làm việc or ngày."
            )
        try:
            value = Decimal(number.replace(",", "."))
        except InvalidOperation as error:  # pragma: no cover - the regex only lets numbers through
            raise ValueError(f"Invalid number in time limit {text!r}.") from error
        if value < 0:
            raise ValueError(f"A time limit cannot be negative: {text!r}.")
        return cls(value, unit)

    @cached_property
    def micro_value(self) -> int:
        """The value in millionths, so that the hot path does integer arithmetic only."""
        return int((self.value * 1_000_000).to_integral_value())

    def __str__(self) -> str:
        value = format(self.value.normalize(), "f")
        names = {
            LimitUnit.WORKING_DAYS: "working days",
            LimitUnit.WORKING_HOURS: "working hours",
            LimitUnit.CALENDAR_DAYS: "days",
        }
        if self.unit is LimitUnit.SAME_DAY_15H:
            return "same day (next working day if received after 15:00)"
        return f"{value} {names[self.unit]}"


# ---------------------------------------------------------------------------------------
# National calendar


class SpecialDay(NamedTuple):
    """A day whose status differs from the Monday–Friday rule (or an override), with why."""

    day: dt.date
    working: bool
    reason: str


# Decisions the `holidays` package does not (yet) know, checked against the official texts.
# Each entry: date -> (working?, reason). Keep the legal reference in the reason.
BUILTIN_OVERRIDES: dict[dt.date, tuple[bool, str]] = {
    # Văn bản 12729/VPCP-KGVX of 25 Dec 2025: New Year 2026 is four days (Thu 1 – Sun 4 Jan);
    # Friday 2 Jan is swapped with Saturday 10 Jan.
    dt.date(2026, 1, 2): (
        False,
        "Nghỉ Tết Dương lịch (hoán đổi với thứ Bảy 10/01/2026, Văn bản 12729/VPCP-KGVX)",
    ),
    dt.date(2026, 1, 10): (True, "Làm bù cho thứ Sáu 02/01/2026 (Văn bản 12729/VPCP-KGVX)"),
}


@functools.cache
def vietnam_days(year: int) -> tuple[SpecialDay, ...]:
    """Vietnam's days off and make-up working weekend days of `year`.

    From `holidays.Vietnam` (Labour Code art. 112: Tết, Hùng Kings, 30/4, 1/5, 2/9, 24/11
    from 2026, substitute days, and the government's day swaps, whose working Saturdays the
    package keeps in `weekend_workdays`), corrected by BUILTIN_OVERRIDES.
    """
    import holidays  # imported lazily: building a calendar is rare, importing holidays is slow

    national = holidays.country_holidays("VN", years=(year - 1, year, year + 1), language="vi")
    days: dict[dt.date, SpecialDay] = {}
    for day, name in national.items():
        if day.year == year:
            days[day] = SpecialDay(day, False, str(name))
    for day in national.weekend_workdays:
        if day.year == year and day.weekday() >= 5:
            days[day] = SpecialDay(day, True, _make_up_reason(day, national))
    for day, (working, reason) in BUILTIN_OVERRIDES.items():
        if day.year == year:
            days[day] = SpecialDay(day, working, reason)
    return tuple(sorted(days.values()))


def _make_up_reason(day: dt.date, national: Mapping[dt.date, str]) -> str:
    label = day.strftime("%d/%m/%Y")
    for other, name in national.items():
        if label in str(name):
            return f"Làm bù cho ngày {other.strftime('%d/%m/%Y')}"
    return "Ngày làm bù"


# ---------------------------------------------------------------------------------------
# The calendar


@dataclass(frozen=True)
class Period:
    """A working period of the day, e.g. 07:00–11:30."""

    start: dt.time
    end: dt.time

    def __post_init__(self) -> None:
        if self.start >= self.end:
            raise ValueError(f"A working period must end after it starts: {self.start}–{self.end}.")


DEFAULT_PERIODS: tuple[Period, ...] = (
    Period(dt.time(7, 0), dt.time(11, 30)),
    Period(dt.time(13, 30), dt.time(17, 0)),
)


def _us(t: dt.time) -> int:
    return ((t.hour * 60 + t.minute) * 60 + t.second) * 1_000_000 + t.microsecond


@dataclass(frozen=True)
class LocalOverride:
    """A province's own decision about one day (an extra day off or an extra working day)."""

    day: dt.date
    working: bool
    reason: str = ""


DaySource = Callable[[int], Iterable[SpecialDay]]


class _Table(NamedTuple):
    """Working days of the years first_year..last_year: sorted ordinals; days[0] has number base."""

    first_year: int
    last_year: int
    days: list[int]
    base: int


@dataclass
class WorkCalendar:
    """Working periods, working days and the arithmetic on them, for one province."""

    periods: tuple[Period, ...] = DEFAULT_PERIODS
    overrides: Iterable[LocalOverride] = ()
    national: DaySource = vietnam_days
    weekend: frozenset[int] = frozenset({5, 6})
    tz: ZoneInfo = TZ
    _overrides: dict[dt.date, LocalOverride] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        periods = tuple(sorted(self.periods, key=lambda p: p.start))
        if not periods:
            raise ValueError("A calendar needs at least one working period.")
        for first, second in zip(periods, periods[1:], strict=False):
            if second.start < first.end:
                raise ValueError(
                    f"Working periods overlap: {first.start}–{first.end} and {second.start}–{second.end}."
                )
        self.periods = periods
        self._overrides = {o.day: o for o in self.overrides}
        # (start, end, working time before start, working time at end), all in microseconds.
        bounds = []
        before = 0
        for period in periods:
            start, end = _us(period.start), _us(period.end)
            bounds.append((start, end, before, before + end - start))
            before += end - start
        self._bounds: tuple[tuple[int, int, int, int], ...] = tuple(bounds)
        self._period_ends = frozenset(end for _, end, _, _ in bounds)
        self._day_length = before  # D
        self._table = _Table(0, -1, [], 0)
        # ordinal -> absolute working-day number, for every day in the table (the hot path's
        # only look-up; numbers never change, so a stale dict is still right for its days).
        self._index: dict[int, int] = {}
        self._lock = threading.Lock()
        self._midnights: dict[int, dt.datetime] = {}
        self._special: dict[int, list[SpecialDay]] = {}

    # -- days ------------------------------------------------------------------------------

    @property
    def day_length(self) -> dt.timedelta:
        """Working time of one working day (8 h with the default periods)."""
        return dt.timedelta(microseconds=self._day_length)

    def special_days(self, year: int) -> list[SpecialDay]:
        """Non-working weekdays and working weekend days of `year`, with their reasons."""
        self._check_year(year)
        if year not in self._special:
            days = {d.day: d for d in self.national(year)}
            for day, override in self._overrides.items():
                if day.year == year:
                    days[day] = SpecialDay(day, override.working, override.reason)
            # Keep only the days that change something: a holiday on a Sunday is already off.
            self._special[year] = sorted(
                d for d in days.values() if d.working == (d.day.weekday() in self.weekend)
            )
        return self._special[year]

    def _year_days(self, year: int) -> list[int]:
        special = {d.day: d.working for d in self.special_days(year)}
        first = dt.date(year, 1, 1).toordinal()
        last = dt.date(year, 12, 31).toordinal()
        weekend = self.weekend
        days = []
        for ordinal in range(first, last + 1):
            day = dt.date.fromordinal(ordinal)
            working = special.get(day)
            if working is None:
                working = day.weekday() not in weekend
            if working:
                days.append(ordinal)
        return days

    @staticmethod
    def _check_year(year: int) -> None:
        if not MIN_YEAR <= year <= MAX_YEAR:
            raise ValueError(f"Year {year} is outside the supported range {MIN_YEAR}–{MAX_YEAR}.")

    def _publish(self, table: _Table) -> _Table:
        self._index = {ordinal: table.base + i for i, ordinal in enumerate(table.days)}
        self._table = table
        return table

    def _cover(self, first: int, last: int | None = None) -> _Table:
        """The table, extended (one year at a time) to cover the years first..last."""
        last = first if last is None else last
        table = self._table
        if table.first_year <= first and last <= table.last_year:
            return table
        self._check_year(first)
        self._check_year(last)
        # Readers never lock: they take one snapshot of the table, which is never mutated.
        with self._lock:
            table = self._table
            if table.last_year < table.first_year:  # empty
                table = _Table(first, first, self._year_days(first), 0)
            while last > table.last_year:
                year = table.last_year + 1
                table = _Table(table.first_year, year, table.days + self._year_days(year), table.base)
            while first < table.first_year:
                # Absolute numbers of loaded days must not change (positions computed earlier
                # stay valid), so the base moves down instead.
                year = table.first_year - 1
                new = self._year_days(year)
                table = _Table(year, table.last_year, new + table.days, table.base - len(new))
            return self._publish(table)

    def _ordinal(self, number: int) -> int:
        """Ordinal of absolute working day `number`, loading later or earlier years as needed."""
        table = self._table
        index = number - table.base
        while not 0 <= index < len(table.days):
            if index < 0:
                table = self._cover(table.first_year - 1, table.last_year)
            else:
                table = self._cover(table.first_year, table.last_year + 1)
            index = number - table.base
        return table.days[index]

    def is_working_day(self, day: dt.date) -> bool:
        ordinal = day.toordinal()
        if ordinal in self._index:
            return True
        self._cover(day.year)
        return ordinal in self._index

    def working_days(self, start: dt.date, end: dt.date) -> list[dt.date]:
        """Working days d with start <= d < end."""
        table = self._cover(start.year, max(start.year, end.year))
        lo = bisect_left(table.days, start.toordinal())
        hi = bisect_left(table.days, end.toordinal())
        return [dt.date.fromordinal(o) for o in table.days[lo:hi]]

    def _next_working_ordinal(self, ordinal: int) -> int:
        """The first working day on or after `ordinal`, as an absolute working-day number."""
        year = dt.date.fromordinal(ordinal).year
        table = self._cover(year)
        return table.base + bisect_left(table.days, ordinal)

    # -- positions -------------------------------------------------------------------------

    def _local(self, t: dt.datetime) -> dt.datetime:
        if t.tzinfo is None:
            raise ValueError(f"Naive datetime {t.isoformat()}: working time needs an aware datetime.")
        return t if t.tzinfo is self.tz else t.astimezone(self.tz)

    def _position(self, t: dt.datetime) -> int:
        """Working microseconds from the origin to `t` (constant outside working periods)."""
        local = self._local(t)
        ordinal = local.toordinal()
        number = self._index.get(ordinal)
        if number is None:
            self._cover(local.year)
            number = self._index.get(ordinal)
            if number is None:  # a day off: same position as the start of the next working day
                return self._next_working_ordinal(ordinal) * self._day_length
        tod = ((local.hour * 60 + local.minute) * 60 + local.second) * 1_000_000 + local.microsecond
        for start, end, before, _after in self._bounds:
            if tod < start:
                return number * self._day_length + before
            if tod < end:
                return number * self._day_length + before + tod - start
        return number * self._day_length + self._day_length

    def _instant(self, position: int, at_end: bool) -> dt.datetime:
        """The instant at `position`; at a period boundary, its end if `at_end` else the next start."""
        number, offset = divmod(position, self._day_length)
        if at_end and offset == 0:
            number -= 1
            offset = self._day_length
        ordinal = self._ordinal(number)
        for start, _end, before, after in self._bounds:
            if offset < after or (at_end and offset == after):
                tod = start + offset - before
                break
        midnight = self._midnights.get(ordinal)
        if midnight is None:
            day = dt.date.fromordinal(ordinal)
            midnight = self._midnights[ordinal] = dt.datetime(day.year, day.month, day.day, tzinfo=self.tz)
        return midnight + dt.timedelta(microseconds=tod)

    def _is_period_end(self, t: dt.datetime) -> bool:
        local = self._local(t)
        tod = ((local.hour * 60 + local.minute) * 60 + local.second) * 1_000_000 + local.microsecond
        return tod in self._period_ends and self.is_working_day(local.date())

    # -- arithmetic ------------------------------------------------------------------------

    def next_working_instant(self, t: dt.datetime) -> dt.datetime:
        """`t` itself if it is inside a working period, else the next period start."""
        return self._instant(self._position(t), at_end=False)

    def add_working(self, start: dt.datetime, amount: dt.timedelta) -> dt.datetime:
        """The instant `amount` of working time after `start` (a period end if it runs out there)."""
        if amount < dt.timedelta(0):
            raise ValueError("Working time to add cannot be negative.")
        micro = (amount.days * 86_400 + amount.seconds) * 1_000_000 + amount.microseconds
        return self._add_micro(start, micro)

    def subtract_working(self, end: dt.datetime, amount: dt.timedelta) -> dt.datetime:
        """The latest instant `amount` of working time before `end` (a period end at a boundary).

        `elapsed(t, end) > amount` exactly when `t < subtract_working(end, amount)`: an
        instant in the off-hours after the returned period end has the same position as
        the next period start, so it has not waited longer than `amount`.
        """
        if amount < dt.timedelta(0):
            raise ValueError("Working time to subtract cannot be negative.")
        micro = (amount.days * 86_400 + amount.seconds) * 1_000_000 + amount.microseconds
        return self._instant(self._position(end) - micro, at_end=True)

    def _add_micro(self, start: dt.datetime, micro: int) -> dt.datetime:
        position = self._position(start)
        if micro == 0:
            return self._instant(position, at_end=self._is_period_end(start))
        return self._instant(position + micro, at_end=True)

    def add(self, start: dt.datetime, limit: TimeLimit) -> dt.datetime:
        """Due time of a dossier received at `start` with legal time limit `limit`."""
        unit = limit.unit
        if unit is LimitUnit.WORKING_DAYS:
            return self._add_micro(start, limit.micro_value * self._day_length // 1_000_000)
        if unit is LimitUnit.WORKING_HOURS:
            return self._add_micro(start, limit.micro_value * 3600)
        if unit is LimitUnit.CALENDAR_DAYS:
            return self._add_calendar_days(start, limit.value)
        return self._same_day(start)

    def _add_calendar_days(self, start: dt.datetime, days: Decimal) -> dt.datetime:
        # The count starts when the clock starts (next working instant); the result keeps
        # that clock time and, if it falls on a day off, moves to the next working day.
        begin = self.next_working_instant(start)
        whole = int(days)
        try:
            result = begin + dt.timedelta(days=whole)
        except OverflowError:  # past year 9999: far outside the supported years
            raise ValueError(f"The result is outside the supported range {MIN_YEAR}–{MAX_YEAR}.") from None
        if days != whole:  # a fraction of a day: wall-clock time, then the next working instant
            result = self.next_working_instant(result + dt.timedelta(seconds=float((days - whole) * 86_400)))
            return result
        day = result.date()
        if not self.is_working_day(day):
            next_ordinal = self._ordinal(self._next_working_ordinal(day.toordinal()))
            result = result + dt.timedelta(days=next_ordinal - day.toordinal())
        return result

    def _same_day(self, start: dt.datetime) -> dt.datetime:
        # Received by 15:00 on a working day: due at the end of that day; later (or on a
        # day off, or after hours): due at the end of the next working day.
        local = self._local(start)
        begin = self.next_working_instant(local)
        number = self._position(begin) // self._day_length
        if begin.date() == local.date() and local.time() > SAME_DAY_CUTOFF:
            number += 1
        return self._instant((number + 1) * self._day_length, at_end=True)

    def elapsed(self, a: dt.datetime, b: dt.datetime) -> dt.timedelta:
        """Working time between `a` and `b` (zero if b <= a)."""
        micro = self._position(b) - self._position(a)
        return dt.timedelta(microseconds=micro) if micro > 0 else dt.timedelta(0)

    def remaining(self, now: dt.datetime, due: dt.datetime) -> dt.timedelta:
        """Working time left until `due` (negative when overdue)."""
        return dt.timedelta(microseconds=self._position(due) - self._position(now))

    def classify(self, finish: dt.datetime, due: dt.datetime) -> Classification:
        """Late after the due time; early if finished on a working day before the due day (or on a
        day off followed by such a working day); on time otherwise.

        A dossier finished on Sunday for a Monday due time is on time, as one finished at Monday
        07:00 would be: no working day passes in between.
        """
        if finish > due:
            return Classification.LATE
        finish_day, due_day = self._local(finish).date(), self._local(due).date()
        if finish_day < due_day:
            table = self._cover(finish_day.year, due_day.year)
            first = bisect_left(table.days, finish_day.toordinal())
            if first < len(table.days) and table.days[first] < due_day.toordinal():
                return Classification.EARLY
        return Classification.ON_TIME

    def is_due_soon(self, now: dt.datetime, due: dt.datetime, window: dt.timedelta) -> bool:
        """Not yet due, and at most `window` of working time left."""
        if now >= due:
            return False
        return self.remaining(now, due) <= window


def parse_datetime(text: str, tz: ZoneInfo = TZ) -> dt.datetime:
    """Read "2026-02-13 10:00", "2026-02-13T10:00+07:00", "13/02/2026 10:00" or a date (00:00)."""
    value = " ".join(text.split())
    parsed: dt.datetime | None
    try:
        parsed = dt.datetime.fromisoformat(value)
    except ValueError:
        parsed = None
        for fmt in ("%d/%m/%Y %H:%M", "%d/%m/%Y %H:%M:%S", "%d/%m/%Y", "%H:%M %d/%m/%Y"):
            try:
                parsed = dt.datetime.strptime(value, fmt)
                break
            except ValueError:
                continue
        if parsed is None:
            raise ValueError(
                f"Invalid date/time {text!r}: "
                "use YYYY-MM-DD HH:MM (e.g. 2026-02-13 10:00) or DD/MM/YYYY HH:MM."
            ) from None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=tz)
    return parsed.astimezone(tz)
