"""Clocks: when the legal time starts, how steps share a calendar-day limit, when an apology may come."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from motcua.accounts.models import Role
from motcua.catalog.models import ChannelKind, OnlineLevel, Procedure, ProcedureVersion, TimeLimitUnit
from motcua.dossiers import services
from motcua.dossiers.models import Dossier, DossierStep
from motcua.dossiers.services import DossierError
from motcua.worktime.calendars import calendar_for

from .conftest import World, at


def _online(world: World, when: str) -> Dossier:
    return services.submit_online(
        world.citizen, world.birth, world.applicant(user=world.citizen), world.ward_center, at=at(when),
        documents=services.catalog_documents(world.birth)
    )


# ---------------------------------------------------------------------------------------
# Online dossiers: the clock starts at submission, not at the officer's acceptance


def test_an_online_dossier_submitted_friday_evening_counts_from_monday_morning(world: World) -> None:
    dossier = _online(world, "2026-03-06 18:00")  # Friday, after working hours
    services.receive_dossier(world.receptionist, dossier, at=at("2026-03-09 10:30"))  # Monday
    # 1 working day from Monday 07:00, not from the acceptance at 10:30.
    assert dossier.due_at == at("2026-03-09 17:00")
    assert dossier.original_due_at == at("2026-03-09 17:00")
    assert dossier.clock_started_at == at("2026-03-09 07:00")
    assert dossier.received_at == at("2026-03-09 10:30")  # acceptance kept for the record


def test_an_online_dossier_submitted_in_working_hours_counts_from_its_submission(world: World) -> None:
    dossier = _online(world, "2026-03-04 09:00")  # Wednesday morning
    services.receive_dossier(world.receptionist, dossier, at=at("2026-03-04 14:00"))
    assert dossier.due_at == at("2026-03-05 09:00")
    assert dossier.clock_started_at == at("2026-03-04 09:00")


def test_an_online_dossier_submitted_at_lunch_counts_from_1330(world: World) -> None:
    dossier = _online(world, "2026-03-04 12:00")
    services.receive_dossier(world.receptionist, dossier, at=at("2026-03-05 08:00"))
    assert dossier.due_at == at("2026-03-05 11:30")  # the period end where 8 h from 13:30 run out
    assert dossier.clock_started_at == at("2026-03-04 13:30")


def test_a_counter_dossier_counts_from_its_reception(world: World) -> None:
    dossier = services.receive_new_dossier(
        world.receptionist, world.birth, world.applicant(), at=at("2026-03-04 09:00"),
        documents=services.catalog_documents(world.birth)
    )
    assert dossier.clock_started_at == dossier.received_at == at("2026-03-04 09:00")
    assert dossier.due_at == at("2026-03-05 09:00")


def test_the_reception_event_records_when_the_clock_started(world: World) -> None:
    dossier = _online(world, "2026-03-06 18:00")
    services.receive_dossier(world.receptionist, dossier, at=at("2026-03-09 10:30"))
    event = dossier.events.get(action="receive")
    assert event.data["clock_started_at"] == "2026-03-09T07:00:00+07:00"


# ---------------------------------------------------------------------------------------
# Step plans for calendar-day limits


def _calendar_day_version(world: World, days: int) -> ProcedureVersion:
    procedure = Procedure.objects.create(
        code="1.000999", name="Thủ tục thử thời hạn theo ngày", field=world.birth.procedure.field,
        at_commune=True, at_province=False,
    )
    version = ProcedureVersion.objects.create(
        procedure=procedure, valid_from=dt.date(2025, 7, 1), content_hash="1.000999",
        online_level=OnlineLevel.NONE,
    )
    version.channels.create(
        kind=ChannelKind.COUNTER, time_limit_value=Decimal(days), time_limit_unit=TimeLimitUnit.CALENDAR_DAYS
    )
    return version


def test_steps_of_a_15_calendar_day_limit_share_the_real_working_time(world: World) -> None:
    version = _calendar_day_version(world, 15)
    dossier = services.receive_new_dossier(
        world.receptionist, version, world.applicant(), at=at("2026-03-02 08:00"),
        documents=services.catalog_documents(version)
    )
    assert dossier.due_at == at("2026-03-17 08:00")
    steps = list(DossierStep.objects.filter(dossier=dossier).order_by("order"))
    assert [s.role for s in steps] == [Role.RECEPTIONIST, Role.SPECIALIST, Role.LEADER, Role.RECEPTIONIST]
    cal = calendar_for()
    available = cal.elapsed(at("2026-03-02 08:00"), dossier.due_at)
    assert available == dt.timedelta(hours=88)  # 11 working days, not 15 × 8 h
    assert sum((s.allotted for s in steps), dt.timedelta(0)) == available
    previous = at("2026-03-02 08:00")
    for step in steps:
        assert step.due_at is not None
        # Every step, the leader's and the return included, gets working time of its own.
        assert cal.elapsed(previous, step.due_at) > dt.timedelta(hours=1), step.name
        previous = step.due_at
    assert steps[-1].due_at == dossier.due_at


def test_steps_of_a_working_day_limit_keep_their_template_times(world: World) -> None:
    dossier = services.receive_new_dossier(
        world.receptionist, world.birth, world.applicant(), at=at("2026-03-02 08:00"),
        documents=services.catalog_documents(world.birth)
    )
    steps = DossierStep.objects.filter(dossier=dossier).order_by("order")
    allotted = list(steps.values_list("allotted", flat=True))
    assert allotted == [dt.timedelta(hours=1), dt.timedelta(hours=5), dt.timedelta(hours=2)]


# ---------------------------------------------------------------------------------------
# Apology: before the due time only


def test_an_apology_after_the_due_time_is_refused_and_changes_nothing(world: World) -> None:
    dossier = services.receive_new_dossier(
        world.receptionist, world.birth, world.applicant(), at=at("2026-03-02 08:00"),
        documents=services.catalog_documents(world.birth)
    )  # due Tuesday 3 March 08:00
    revision, events = dossier.revision, dossier.events.count()
    with pytest.raises(DossierError) as error:
        services.apologize(
            world.leader, dossier, "Chờ xác minh", at("2026-03-06 10:00"), at=at("2026-03-05 08:00")
        )
    assert error.value.code == "apology_too_late"
    assert "trước thời hạn" in error.value.message
    fresh = Dossier.objects.get(pk=dossier.pk)
    assert fresh.apologized_at is None and fresh.new_appointment_at is None
    assert (fresh.revision, fresh.events.count()) == (revision, events)


def test_an_apology_exactly_at_the_due_time_is_refused(world: World) -> None:
    dossier = services.receive_new_dossier(
        world.receptionist, world.birth, world.applicant(), at=at("2026-03-02 08:00"),
        documents=services.catalog_documents(world.birth)
    )
    with pytest.raises(DossierError) as error:
        services.apologize(
            world.leader, dossier, "Chờ xác minh", at("2026-03-06 10:00"), at=at("2026-03-03 08:00")
        )
    assert error.value.code == "apology_too_late"


def test_an_apology_before_the_due_time_is_accepted(world: World) -> None:
    dossier = services.receive_new_dossier(
        world.receptionist, world.birth, world.applicant(), at=at("2026-03-02 08:00"),
        documents=services.catalog_documents(world.birth)
    )
    services.apologize(
        world.leader, dossier, "Chờ xác minh", at("2026-03-06 10:00"), at=at("2026-03-02 16:00")
    )
    assert dossier.apologized_at == at("2026-03-02 16:00")
    assert dossier.due_at == at("2026-03-03 08:00")  # on time is still measured against due_at


@pytest.mark.parametrize("new_appointment", [
    dt.datetime(9999, 12, 31, 23, 59, 59, tzinfo=dt.UTC),  # local time in year 10000: was a 500
    dt.datetime(2101, 1, 2, 8, 0, tzinfo=dt.UTC),
], ids=["year_9999_utc", "after_the_calendar"])
def test_a_new_appointment_after_the_working_calendar_is_refused_and_changes_nothing(
        world: World, new_appointment: dt.datetime) -> None:
    dossier = services.receive_new_dossier(
        world.receptionist, world.birth, world.applicant(), at=at("2026-03-02 08:00"),
        documents=services.catalog_documents(world.birth)
    )
    revision, events = dossier.revision, dossier.events.count()
    with pytest.raises(DossierError) as error:
        services.apologize(world.leader, dossier, "Chờ xác minh", new_appointment, at=at("2026-03-02 16:00"))
    assert error.value.code == "invalid_appointment"
    assert "2100" in error.value.message
    fresh = Dossier.objects.get(pk=dossier.pk)
    assert fresh.apologized_at is None and fresh.new_appointment_at is None
    assert (fresh.revision, fresh.events.count()) == (revision, events)


def test_the_apology_refusal_reads_in_english_for_english_users(world: World) -> None:
    from django.utils import translation

    dossier = services.receive_new_dossier(
        world.receptionist, world.birth, world.applicant(), at=at("2026-03-02 08:00"),
        documents=services.catalog_documents(world.birth)
    )
    with translation.override("en"), pytest.raises(DossierError) as error:
        services.apologize(
            world.leader, dossier, "Chờ xác minh", at("2026-03-06 10:00"), at=at("2026-03-05 08:00")
        )
    assert "before the due time" in error.value.message

