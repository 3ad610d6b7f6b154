"""Step due times stay a coherent schedule inside the dossier's legal due time.

At reception each step is due after the cumulative allotted working time from the received
time; a step that starts gets max(its planned due, start + its allotted time), and the steps
after it move with it; nothing is ever due after the dossier's due time, which itself moves
only with a supplement pause.
"""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from motcua.accounts.models import User
from motcua.catalog.models import ProcedureVersion
from motcua.dossiers import services
from motcua.dossiers.models import Dossier, DossierStep, Handover

from .conftest import World, at

RECEIVED = "2026-03-02 08:00"  # a Monday
Delays = tuple[float, float, float]


def _hours(value: float) -> dt.timedelta:
    return dt.timedelta(hours=value)


def _steps(dossier: Dossier) -> list[DossierStep]:
    return list(DossierStep.objects.filter(dossier_id=dossier.pk).order_by("order"))


def assert_coherent(dossier: Dossier) -> None:
    """Due times never decrease along the steps and none is after the dossier's due time."""
    dossier.refresh_from_db()
    assert dossier.due_at is not None
    dues = [s.due_at for s in _steps(dossier)]
    assert all(d is not None for d in dues), dues
    local = [d.astimezone(at(RECEIVED).tzinfo).strftime("%H:%M %d/%m") for d in dues if d]
    assert dues == sorted(dues), f"step due times go back: {local}"  # type: ignore[type-var]
    assert dues[-1] <= dossier.due_at, f"last step due {local[-1]} after the dossier's"  # type: ignore[operator]
    if dossier.current_step_id is not None:
        current = DossierStep.objects.get(pk=dossier.current_step_id)
        assert dossier.current_step_due_at == current.due_at


def _receive(world: World, version: ProcedureVersion) -> Dossier:
    return services.receive_new_dossier(world.receptionist, version, world.applicant(), at=at(RECEIVED),
        documents=services.catalog_documents(version))


@pytest.mark.parametrize("procedure", ["birth", "land", "certification"])
def test_at_reception_steps_are_due_after_the_cumulative_allotted_time(world: World, procedure: str) -> None:
    version = getattr(world, procedure)
    dossier = _receive(world, version)
    cal = services.calendar()
    assert dossier.due_at is not None and dossier.received_at is not None
    elapsed = dt.timedelta(0)
    for step in _steps(dossier):
        elapsed += step.allotted
        assert step.due_at == min(cal.add_working(dossier.received_at, elapsed), dossier.due_at)
    assert_coherent(dossier)


@pytest.mark.parametrize("procedure", ["birth", "land"])
def test_when_the_template_fills_the_time_limit_the_last_step_is_due_with_the_dossier(
    world: World, procedure: str
) -> None:
    dossier = _receive(world, getattr(world, procedure))
    assert _steps(dossier)[-1].due_at == dossier.due_at


def _walk_birth(world: World, dossier: Dossier, delays: tuple[float, float, float]) -> None:
    cal = services.calendar()
    t = at(RECEIVED)
    t = cal.add_working(t, _hours(delays[0]))
    services.forward_dossier(world.receptionist, dossier, at=t)
    assert_coherent(dossier)
    t = cal.add_working(t, _hours(delays[1]))
    services.mark_result_ready(world.specialist, dossier, "Giấy khai sinh", at=t)
    assert_coherent(dossier)
    t = cal.add_working(t, _hours(delays[2]))
    services.approve_result(world.leader, dossier, at=t)
    assert_coherent(dossier)


def _walk_land(world: World, dossier: Dossier, delays: tuple[float, float, float]) -> None:
    cal = services.calendar()
    t = cal.add_working(at(RECEIVED), _hours(delays[0]))
    services.forward_dossier(world.receptionist, dossier, at=t)
    assert_coherent(dossier)
    t = cal.add_working(t, _hours(delays[1]))
    services.mark_result_ready(world.department_specialist, dossier, "Giấy chứng nhận cấp lại", at=t)
    assert_coherent(dossier)
    t = cal.add_working(t, _hours(delays[2]))
    services.approve_result(world.department_leader, dossier, at=t)
    assert_coherent(dossier)
    services.return_result(world.receptionist, dossier, at=cal.add_working(t, _hours(1)))
    assert_coherent(dossier)


# (reception step, specialist step, leader step) durations in working hours: early, on plan, late.
BIRTH_DELAYS = [(0.5, 1, 0.5), (1, 5, 2), (3, 1, 1), (0.25, 7, 0.5), (6, 6, 3), (9, 2, 1)]
LAND_DELAYS = [(1, 10, 2), (4, 56, 16), (24, 20, 4), (24, 56, 16), (2, 70, 1), (40, 40, 40)]


@pytest.mark.parametrize("delays", BIRTH_DELAYS)
def test_birth_steps_stay_in_order_whenever_they_start(world: World, delays: Delays) -> None:
    dossier = _receive(world, world.birth)
    due = dossier.due_at
    _walk_birth(world, dossier, delays)
    assert dossier.due_at == due  # the legal due time never moves without a supplement


@pytest.mark.parametrize("delays", LAND_DELAYS)
def test_land_steps_stay_in_order_whenever_they_start(world: World, delays: Delays) -> None:
    dossier = _receive(world, world.land)
    due = dossier.due_at
    _walk_land(world, dossier, delays)
    assert dossier.due_at == due


def test_a_step_started_late_gets_its_allotted_time_and_pushes_the_next_ones(world: World) -> None:
    # Reception took 3 days instead of 4 hours: the specialist still gets 56 working hours,
    # and the leader's step moves after it, both within the dossier's due time.
    dossier = _receive(world, world.land)
    cal = services.calendar()
    forwarded = cal.add_working(at(RECEIVED), _hours(24))
    services.forward_dossier(world.receptionist, dossier, at=forwarded)
    specialist, leader, desk = _steps(dossier)[1:]
    assert specialist.due_at == cal.add_working(forwarded, _hours(56))
    assert leader.due_at == dossier.due_at and desk.due_at == dossier.due_at
    assert_coherent(dossier)


def test_moving_the_later_steps_costs_no_statement_of_its_own_where_writes_are_kept(world: World) -> None:
    # A late forward moves the steps after the started one; on PostgreSQL their new due times
    # travel with the transition's other writes (no ORM statement: inside a batch one would
    # also end the batch's held copies), so it costs what an on-time forward costs.
    on_time, late = _receive(world, world.land), _receive(world, world.land)
    cal = services.calendar()
    with CaptureQueriesContext(connection) as plain:
        services.forward_dossier(world.receptionist, on_time, at=at("2026-03-02 09:00"))
    forwarded = cal.add_working(at(RECEIVED), _hours(24))
    with CaptureQueriesContext(connection) as moving:
        services.forward_dossier(world.receptionist, late, at=forwarded)
    leader = _steps(late)[2]
    assert leader.due_at == late.due_at and leader.due_at != _steps(on_time)[2].due_at
    if connection.vendor == "postgresql":
        assert len(moving.captured_queries) == len(plain.captured_queries)
    else:  # one UPDATE of the moved steps
        assert len(moving.captured_queries) == len(plain.captured_queries) + 1
    assert_coherent(late)


def test_a_step_started_early_keeps_its_planned_due_time(world: World) -> None:
    dossier = _receive(world, world.birth)
    planned = _steps(dossier)[1].due_at
    services.forward_dossier(world.receptionist, dossier, at=at("2026-03-02 08:10"))
    assert _steps(dossier)[1].due_at == planned
    assert dossier.current_step_due_at == planned


def test_the_control_slip_measures_each_step_against_its_coherent_due_time(world: World) -> None:
    dossier = _receive(world, world.land)
    _walk_land(world, dossier, (24, 56, 16))
    handovers = Handover.objects.filter(dossier=dossier, from_step__isnull=False).order_by("at")
    dues = [h.due_at for h in handovers]
    assert dues == sorted(dues)  # type: ignore[type-var]


@pytest.mark.parametrize("pause_days", [1, 5])
def test_after_a_supplement_the_later_steps_move_with_the_resumed_step(world: World, pause_days: int) -> None:
    dossier = _receive(world, world.land)
    cal = services.calendar()
    services.forward_dossier(world.receptionist, dossier, at=at("2026-03-02 11:00"))
    services.request_supplement(
        world.department_specialist, dossier, ["Đơn đề nghị"], "Thiếu chữ ký", at=at("2026-03-03 09:00")
    )
    services.receive_supplement(
        world.receptionist, dossier, at=cal.add_working(at("2026-03-03 09:00"), _hours(8 * pause_days))
    )
    assert dossier.due_at is not None and dossier.original_due_at is not None
    assert dossier.due_at > dossier.original_due_at
    assert_coherent(dossier)
    # A tight plan moves by the whole pause: the last step is again due with the dossier.
    assert _steps(dossier)[-1].due_at == dossier.due_at
    _walk_after_supplement(world, dossier)


def _walk_after_supplement(world: World, dossier: Dossier) -> None:
    assert dossier.due_at is not None
    cal = services.calendar()
    t = cal.add_working(dossier.current_step_due_at or dossier.due_at, _hours(8))  # the specialist is late
    services.mark_result_ready(world.department_specialist, dossier, "Giấy chứng nhận", at=t)
    assert_coherent(dossier)
    services.approve_result(world.department_leader, dossier, at=cal.add_working(t, _hours(2)))
    assert_coherent(dossier)


def test_a_transfer_keeps_the_schedule_coherent(world: World) -> None:
    dossier = _receive(world, world.birth)
    services.forward_dossier(world.receptionist, dossier, at=at("2026-03-02 09:00"))
    specialist = User.objects.get(pk=world.specialist.pk)
    services.transfer_dossier(specialist, dossier, world.department, at=at("2026-03-02 15:00"))
    assert_coherent(dossier)
