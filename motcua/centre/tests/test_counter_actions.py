"""Counter actions: call next (priority rule, services), call again, absent, start, finish, transfer."""

from __future__ import annotations

import pytest

from motcua.accounts.models import Role, User
from motcua.centre import services
from motcua.centre.models import Call, Floor, Priority, Ticket, TicketPeriod, TicketStatus
from motcua.centre.services import CentreError

from .conftest import Floorplan, at


def _take(fp: Floorplan, when: str, priority: str = Priority.NONE, certification: bool = False) -> Ticket:
    service = fp.certification if certification else fp.civil
    return services.take_ticket(fp.world.ward_center, service, priority, at=at(when))


def test_call_next_takes_the_longest_waiting_ticket_of_the_counters_services(floorplan: Floorplan) -> None:
    fp = floorplan
    first_cert = _take(fp, "2026-03-02 08:00", certification=True)
    first_civil = _take(fp, "2026-03-02 08:01")
    called = services.call_next(fp.officer1, fp.counter1, at=at("2026-03-02 08:10"))
    assert called.pk == first_civil.pk  # counter 1 serves civil status only
    assert (called.status, called.counter_id, called.officer_id) == (
        TicketStatus.CALLED,
        fp.counter1.pk,
        fp.officer1.pk,
    )
    assert services.call_next(fp.officer2, fp.counter2, at=at("2026-03-02 08:11")).pk == first_cert.pk


def test_priority_tickets_are_interleaved_by_the_centres_rule(floorplan: Floorplan) -> None:
    fp = floorplan  # priority_run = 2: two priority tickets, then a regular one if any waits
    regular = [_take(fp, f"2026-03-02 08:0{i}") for i in range(2)]
    priority = [_take(fp, f"2026-03-02 08:1{i}", Priority.ELDERLY) for i in range(3)]
    order = []
    for minute in range(5):
        ticket = services.call_next(fp.officer1, fp.counter1, at=at(f"2026-03-02 09:0{minute}"))
        order.append(ticket.pk)
        services.skip_absent(fp.officer1, ticket, at=at(f"2026-03-02 09:0{minute}:30"))
    assert order == [priority[0].pk, priority[1].pk, regular[0].pk, priority[2].pk, regular[1].pk]


def test_a_rule_of_zero_calls_strictly_by_waiting_time(floorplan: Floorplan) -> None:
    fp = floorplan
    Floor.objects.filter(centre=fp.world.ward_center).update(priority_run=0)
    regular = _take(fp, "2026-03-02 08:00")
    _take(fp, "2026-03-02 08:05", Priority.PREGNANT)
    assert services.call_next(fp.officer1, fp.counter1, at=at("2026-03-02 09:00")).pk == regular.pk


def test_calling_next_while_someone_is_called_is_refused(floorplan: Floorplan) -> None:
    fp = floorplan
    _take(fp, "2026-03-02 08:00")
    waiting = _take(fp, "2026-03-02 08:01")
    services.call_next(fp.officer1, fp.counter1, at=at("2026-03-02 09:00"))
    with pytest.raises(CentreError) as error:
        services.call_next(fp.officer1, fp.counter1, at=at("2026-03-02 09:01"))
    assert error.value.code == "counter_busy"
    waiting.refresh_from_db()
    assert waiting.status == TicketStatus.WAITING


def test_an_empty_queue_says_so(floorplan: Floorplan) -> None:
    _take(floorplan, "2026-03-02 08:00", certification=True)
    with pytest.raises(CentreError) as error:
        services.call_next(floorplan.officer1, floorplan.counter1, at=at("2026-03-02 09:00"))
    assert error.value.code == "queue_empty"


def test_an_officer_of_another_centre_cannot_call_at_this_counter(floorplan: Floorplan) -> None:
    _take(floorplan, "2026-03-02 08:00")
    with pytest.raises(CentreError) as error:
        services.call_next(floorplan.world.other_receptionist, floorplan.counter1, at=at("2026-03-02 09:00"))
    assert error.value.code == "forbidden"
    assert not Call.objects.exists()


def test_a_specialist_cannot_work_a_counter(floorplan: Floorplan) -> None:
    specialist = User.objects.create(username="cv", role=Role.SPECIALIST, agency=floorplan.world.ward_center)
    with pytest.raises(CentreError) as error:
        services.call_next(specialist, floorplan.counter1, at=at("2026-03-02 09:00"))
    assert error.value.code == "forbidden"


def test_every_change_closes_one_period_and_opens_the_next(floorplan: Floorplan) -> None:
    fp = floorplan
    ticket = _take(fp, "2026-03-02 08:00")
    services.call_next(fp.officer1, fp.counter1, at=at("2026-03-02 08:05"))
    services.call_again(fp.officer1, ticket, at=at("2026-03-02 08:06"))
    services.start_serving(fp.officer1, ticket, at=at("2026-03-02 08:07"))
    services.finish_serving(fp.officer1, ticket, at=at("2026-03-02 08:20"))
    periods = [(p.state, p.started_at, p.ended_at) for p in TicketPeriod.objects.filter(ticket=ticket)]
    assert periods == [
        (TicketStatus.WAITING, at("2026-03-02 08:00"), at("2026-03-02 08:05")),
        (TicketStatus.CALLED, at("2026-03-02 08:05"), at("2026-03-02 08:07")),
        (TicketStatus.SERVING, at("2026-03-02 08:07"), at("2026-03-02 08:20")),
        (TicketStatus.DONE, at("2026-03-02 08:20"), None),
    ]
    assert Call.objects.filter(ticket=ticket).count() == 2  # the call and the recall


def test_finishing_twice_is_refused_and_changes_nothing(floorplan: Floorplan) -> None:
    fp = floorplan
    ticket = _take(fp, "2026-03-02 08:00")
    services.call_next(fp.officer1, fp.counter1, at=at("2026-03-02 08:05"))
    services.start_serving(fp.officer1, ticket, at=at("2026-03-02 08:06"))
    services.finish_serving(fp.officer1, ticket, at=at("2026-03-02 08:10"))
    with pytest.raises(CentreError) as error:
        services.finish_serving(fp.officer1, ticket, at=at("2026-03-02 08:11"))
    assert error.value.code == "already_handled"
    assert TicketPeriod.objects.filter(ticket=ticket).count() == 4


def test_a_skipped_ticket_is_a_no_show(floorplan: Floorplan) -> None:
    fp = floorplan
    ticket = _take(fp, "2026-03-02 08:00")
    services.call_next(fp.officer1, fp.counter1, at=at("2026-03-02 08:05"))
    services.skip_absent(fp.officer1, ticket, at=at("2026-03-02 08:08"))
    ticket.refresh_from_db()
    assert ticket.status == TicketStatus.NO_SHOW
    with pytest.raises(CentreError):
        services.start_serving(fp.officer1, ticket, at=at("2026-03-02 08:09"))


def test_another_officer_cannot_finish_a_ticket_served_elsewhere(floorplan: Floorplan) -> None:
    fp = floorplan
    ticket = _take(fp, "2026-03-02 08:00")
    services.call_next(fp.officer1, fp.counter1, at=at("2026-03-02 08:05"))
    services.start_serving(fp.officer1, ticket, at=at("2026-03-02 08:06"))
    with pytest.raises(CentreError) as error:
        services.finish_serving(fp.officer2, ticket, at=at("2026-03-02 08:07"))
    assert error.value.code == "forbidden"


def test_a_ticket_transferred_to_a_counter_is_called_there_first(floorplan: Floorplan) -> None:
    fp = floorplan
    ticket = _take(fp, "2026-03-02 08:00")
    earlier_cert = _take(fp, "2026-03-02 07:30", certification=True)
    services.call_next(fp.officer1, fp.counter1, at=at("2026-03-02 08:05"))
    services.transfer(fp.officer1, ticket, counter=fp.counter3, at=at("2026-03-02 08:06"))
    ticket.refresh_from_db()
    assert (ticket.status, ticket.target_counter_id) == (TicketStatus.WAITING, fp.counter3.pk)
    # Counter 2 also serves certification, but the transfer named counter 3.
    assert services.call_next(fp.officer2, fp.counter2, at=at("2026-03-02 08:07")).pk == earlier_cert.pk
    assert services.call_next(fp.officer3, fp.counter3, at=at("2026-03-02 08:08")).pk == ticket.pk
    reasons = list(TicketPeriod.objects.filter(ticket=ticket).values_list("reason", flat=True))
    assert reasons == ["issued", "called", "transferred", "called"]


def test_a_ticket_transferred_to_a_service_joins_that_queue(floorplan: Floorplan) -> None:
    fp = floorplan
    ticket = _take(fp, "2026-03-02 08:00")
    services.call_next(fp.officer1, fp.counter1, at=at("2026-03-02 08:05"))
    services.transfer(fp.officer1, ticket, service=fp.certification, at=at("2026-03-02 08:06"))
    assert services.call_next(fp.officer3, fp.counter3, at=at("2026-03-02 08:07")).pk == ticket.pk


def test_transfer_needs_exactly_one_target(floorplan: Floorplan) -> None:
    fp = floorplan
    ticket = _take(fp, "2026-03-02 08:00")
    services.call_next(fp.officer1, fp.counter1, at=at("2026-03-02 08:05"))
    with pytest.raises(CentreError) as error:
        services.transfer(fp.officer1, ticket, at=at("2026-03-02 08:06"))
    assert error.value.code == "invalid_target"
    ticket.refresh_from_db()
    assert ticket.status == TicketStatus.CALLED


def test_floor_state_shows_counters_last_calls_and_waiting(floorplan: Floorplan) -> None:
    fp = floorplan
    _take(fp, "2026-03-02 08:00")
    _take(fp, "2026-03-02 08:01")
    _take(fp, "2026-03-02 08:02", certification=True)
    services.call_next(fp.officer1, fp.counter1, at=at("2026-03-02 08:05"))
    state = services.floor_state(fp.world.ward_center, at=at("2026-03-02 08:06"))
    assert state["counters"][0] == {"number": 1, "ticket": 1, "status": "called"}
    assert state["counters"][1]["ticket"] is None
    assert [(c["ticket"], c["counter"]) for c in state["calls"]] == [(1, 1)]
    assert [(w["service"], w["count"]) for w in state["waiting"]] == [("Hộ tịch", 1), ("Chứng thực", 1)]
