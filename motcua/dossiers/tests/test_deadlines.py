"""Due soon and overdue are what the clock says when read: no sweep has to run first."""

from __future__ import annotations

import datetime as dt

import pytest

from motcua.dossiers import deadlines, services
from motcua.dossiers.deadlines import Thresholds
from motcua.dossiers.models import Deadline, Dossier

from .conftest import World, at


@pytest.fixture
def birth(world: World) -> Dossier:
    """Received Monday 2 March 2026 08:00 at the counter: due Tuesday 3 March 08:00."""
    return services.receive_new_dossier(
        world.receptionist, world.birth, world.applicant(), at=at("2026-03-02 08:00"),
        documents=services.catalog_documents(world.birth)
    )


def _state(dossier: Dossier, now: str) -> str:
    th = Thresholds.at(at(now))
    loaded = Dossier.objects.with_deadline(th).get(pk=dossier.pk)
    assert "deadline" in vars(loaded)  # computed by the database (the CASE), not in Python
    annotated = loaded.deadline_now
    assert annotated == deadlines.state_of(Dossier.objects.get(pk=dossier.pk), th)  # in Python: agrees
    return annotated


def test_a_dossier_past_its_due_time_is_overdue_without_any_sweep(birth: Dossier) -> None:
    assert _state(birth, "2026-03-06 09:00") == Deadline.OVERDUE
    overdue = Dossier.objects.in_deadline(Deadline.OVERDUE, Thresholds.at(at("2026-03-06 09:00")))
    assert list(overdue) == [birth]
    # Nothing was written: the stored flag of the sweep is still what reception set.
    assert Dossier.objects.get(pk=birth.pk).deadline_state == Deadline.OK


def test_a_dossier_within_the_window_is_due_soon_then_overdue(birth: Dossier, settings: object) -> None:
    settings.MOTCUA_DUE_SOON_HOURS = 4  # type: ignore[attr-defined]
    assert _state(birth, "2026-03-02 09:00") == Deadline.OK  # 7 working hours left
    assert _state(birth, "2026-03-02 14:00") == Deadline.DUE_SOON  # 3 h left
    assert _state(birth, "2026-03-03 08:00") == Deadline.OVERDUE  # at the due time


def test_the_due_soon_window_counts_working_hours_across_a_night(birth: Dossier, settings: object) -> None:
    settings.MOTCUA_DUE_SOON_HOURS = 2  # type: ignore[attr-defined]
    # Monday 16:30: the due time is 15.5 wall-clock hours away but only 1.5 working hours.
    assert _state(birth, "2026-03-02 16:30") == Deadline.DUE_SOON
    assert _state(birth, "2026-03-02 15:30") == Deadline.OK  # 2.5 working hours left


def test_a_paused_dossier_is_never_flagged(world: World, birth: Dossier) -> None:
    services.forward_dossier(world.receptionist, birth, at=at("2026-03-02 08:10"))
    services.request_supplement(
        world.specialist, birth, ["Giấy chứng sinh"], "Thiếu", at=at("2026-03-02 09:00")
    )
    assert _state(birth, "2026-03-20 09:00") == Deadline.OK


def test_a_returned_dossier_is_never_flagged(world: World, birth: Dossier) -> None:
    services.forward_dossier(world.receptionist, birth, at=at("2026-03-02 08:10"))
    services.mark_result_ready(world.specialist, birth, "Giấy khai sinh", at=at("2026-03-02 09:00"))
    services.approve_result(world.leader, birth, at=at("2026-03-02 10:00"))
    services.return_result(world.receptionist, birth, at=at("2026-03-02 11:00"))
    assert _state(birth, "2026-03-20 09:00") == Deadline.OK


def test_an_online_dossier_waiting_longer_than_the_acceptance_window_is_overdue(
    world: World, settings: object
) -> None:
    settings.MOTCUA_ACCEPTANCE_HOURS = 8  # type: ignore[attr-defined]
    dossier = services.submit_online(
        world.citizen, world.birth, world.applicant(user=world.citizen), world.ward_center,
        at=at("2026-03-06 18:00"),  # Friday evening: the wait counts from Monday 07:00,
        documents=services.catalog_documents(world.birth)
    )
    assert _state(dossier, "2026-03-09 16:59") == Deadline.OK
    assert _state(dossier, "2026-03-09 17:00") == Deadline.OK  # exactly 8 working hours
    assert _state(dossier, "2026-03-10 07:01") == Deadline.OVERDUE


def test_subtract_working_is_the_inverse_of_add_working(db: None) -> None:
    from motcua.worktime.calendars import calendar_for

    cal = calendar_for()
    end = at("2026-03-10 09:00")
    start = cal.subtract_working(end, dt.timedelta(hours=8))
    assert start == at("2026-03-09 09:00")
    assert cal.elapsed(start, end) == dt.timedelta(hours=8)
    # An instant in the evening before has waited exactly as long as the next morning's start.
    assert cal.subtract_working(at("2026-03-10 07:00"), dt.timedelta(hours=8)) == at("2026-03-06 17:00")
