"""calendar_for(): the national calendar plus a province's periods and overrides from the database."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.test import override_settings

from motcua.worktime.calendars import calendar_for
from motcua.worktime.core import TimeLimit
from motcua.worktime.models import CalendarOverride, WorkingPeriod

from .conftest import at

pytestmark = pytest.mark.django_db
FIVE_DAYS = TimeLimit.parse("5 working days")


def test_without_configuration_a_province_gets_the_national_calendar() -> None:
    calendar = calendar_for("20")
    assert calendar.add(at("2026-02-13 10:00"), FIVE_DAYS) == at("2026-02-27 10:00")
    assert calendar.day_length == dt.timedelta(hours=8)


@override_settings(MOTCUA_PROVINCE_CODE="20")
def test_the_default_province_comes_from_settings() -> None:
    CalendarOverride.objects.create(
        province_code="20", day=dt.date(2026, 3, 10), kind=CalendarOverride.Kind.DAY_OFF, reason="Lễ hội"
    )
    assert not calendar_for().is_working_day(dt.date(2026, 3, 10))
    assert calendar_for() is calendar_for("20")


def test_an_extra_day_off_of_a_province_moves_its_due_times_only() -> None:
    CalendarOverride.objects.create(
        province_code="20", day=dt.date(2026, 3, 10), kind=CalendarOverride.Kind.DAY_OFF,
        reason="Thông báo của UBND tỉnh",
    )
    received, limit = at("2026-03-09 10:00"), TimeLimit.parse("1 working day")
    assert calendar_for("20").add(received, limit) == at("2026-03-11 10:00")
    assert calendar_for("01").add(received, limit) == at("2026-03-10 10:00")
    reasons = {d.day: d.reason for d in calendar_for("20").special_days(2026)}
    assert reasons[dt.date(2026, 3, 10)] == "Thông báo của UBND tỉnh"


def test_an_extra_working_day_of_a_province_counts() -> None:
    CalendarOverride.objects.create(
        province_code="20", day=dt.date(2026, 3, 7), kind=CalendarOverride.Kind.WORKING_DAY, reason="Làm bù"
    )
    assert calendar_for("20").add(at("2026-03-06 16:00"), TimeLimit.parse("2 working hours")) == at(
        "2026-03-07 08:00"
    )


def test_a_province_override_wins_over_the_national_calendar() -> None:
    # The province keeps working on the national make-up Saturday's swapped Friday... and not the other way.
    CalendarOverride.objects.create(
        province_code="20", day=dt.date(2025, 5, 2), kind=CalendarOverride.Kind.WORKING_DAY, reason="Trực"
    )
    assert calendar_for("20").is_working_day(dt.date(2025, 5, 2))
    assert not calendar_for("01").is_working_day(dt.date(2025, 5, 2))


def test_a_province_can_set_its_own_periods() -> None:
    WorkingPeriod.objects.create(province_code="20", start=dt.time(7, 30), end=dt.time(11, 30))
    WorkingPeriod.objects.create(province_code="20", start=dt.time(13, 0), end=dt.time(17, 0))
    calendar = calendar_for("20")
    assert calendar.next_working_instant(at("2026-03-02 07:00")) == at("2026-03-02 07:30")
    assert calendar.next_working_instant(at("2026-03-02 12:00")) == at("2026-03-02 13:00")
    assert calendar.add(at("2026-03-02 07:30"), TimeLimit.parse("4 working hours")) == at("2026-03-02 11:30")
    assert calendar_for("01").next_working_instant(at("2026-03-02 07:00")) == at("2026-03-02 07:00")


def test_the_cache_is_cleared_when_an_override_changes() -> None:
    before = calendar_for("20")
    assert before is calendar_for("20")
    override = CalendarOverride.objects.create(
        province_code="20", day=dt.date(2026, 3, 10), kind=CalendarOverride.Kind.DAY_OFF, reason="x"
    )
    assert calendar_for("20") is not before
    assert not calendar_for("20").is_working_day(dt.date(2026, 3, 10))
    override.delete()
    assert calendar_for("20").is_working_day(dt.date(2026, 3, 10))


def test_the_cache_is_cleared_when_a_period_changes() -> None:
    period = WorkingPeriod.objects.create(province_code="20", start=dt.time(8), end=dt.time(16))
    assert calendar_for("20").day_length == dt.timedelta(hours=8)
    period.end = dt.time(12)
    period.save()
    assert calendar_for("20").day_length == dt.timedelta(hours=4)


def test_overlapping_periods_are_refused_by_validation() -> None:
    WorkingPeriod.objects.create(province_code="20", start=dt.time(7), end=dt.time(11, 30))
    overlapping = WorkingPeriod(province_code="20", start=dt.time(11), end=dt.time(12))
    with pytest.raises(ValidationError):
        overlapping.full_clean()
    backwards = WorkingPeriod(province_code="20", start=dt.time(17), end=dt.time(13, 30))
    with pytest.raises(ValidationError):
        backwards.full_clean()
