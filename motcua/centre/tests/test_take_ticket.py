"""Taking a ticket at the kiosk: consecutive numbers per centre and day, opening hours, valid services."""

from __future__ import annotations

import pytest

from motcua.centre import services
from motcua.centre.models import Priority, Service, Ticket, TicketPeriod, TicketStatus
from motcua.centre.services import CentreError

from .conftest import Floorplan, at


def test_numbers_are_consecutive_per_centre_and_restart_each_day(floorplan: Floorplan) -> None:
    centre = floorplan.world.ward_center
    numbers = [
        services.take_ticket(centre, floorplan.civil, at=at("2026-03-02 09:00")).number for _ in range(3)
    ]
    tomorrow = services.take_ticket(centre, floorplan.certification, at=at("2026-03-03 07:30"))
    assert numbers == [1, 2, 3]
    assert tomorrow.number == 1


def test_a_new_ticket_waits_in_one_open_period(floorplan: Floorplan) -> None:
    ticket = services.take_ticket(
        floorplan.world.ward_center, floorplan.civil, Priority.ELDERLY, at=at("2026-03-02 09:00")
    )
    periods = list(TicketPeriod.objects.filter(ticket=ticket))
    assert ticket.status == TicketStatus.WAITING
    assert [(p.state, p.ended_at, p.reason) for p in periods] == [(TicketStatus.WAITING, None, "issued")]
    assert ticket.is_priority


@pytest.mark.parametrize(
    "when", ["2026-03-02 12:00", "2026-03-02 17:00", "2026-03-01 09:00", "2026-03-02 06:59"]
)
def test_no_ticket_outside_working_hours(floorplan: Floorplan, when: str) -> None:
    with pytest.raises(CentreError) as error:
        services.take_ticket(floorplan.world.ward_center, floorplan.civil, at=at(when))
    assert error.value.code == "closed"
    assert not Ticket.objects.exists()


def test_a_service_of_another_centre_is_refused(floorplan: Floorplan) -> None:
    other = Service.objects.create(centre=floorplan.world.other_center, name="Hộ tịch")
    with pytest.raises(CentreError) as error:
        services.take_ticket(floorplan.world.ward_center, other, at=at("2026-03-02 09:00"))
    assert error.value.code == "invalid_service"
    assert not Ticket.objects.exists()


def test_an_agency_that_is_not_a_centre_issues_no_ticket(floorplan: Floorplan) -> None:
    with pytest.raises(CentreError) as error:
        services.take_ticket(floorplan.world.ward_committee, floorplan.civil, at=at("2026-03-02 09:00"))
    assert error.value.code == "not_a_centre"


def test_an_unknown_priority_is_refused(floorplan: Floorplan) -> None:
    with pytest.raises(CentreError) as error:
        services.take_ticket(floorplan.world.ward_center, floorplan.civil, "vip", at=at("2026-03-02 09:00"))
    assert error.value.code == "invalid_priority"


def test_people_ahead_counts_the_same_service_only(floorplan: Floorplan) -> None:
    centre = floorplan.world.ward_center
    services.take_ticket(centre, floorplan.civil, at=at("2026-03-02 09:00"))
    services.take_ticket(centre, floorplan.certification, at=at("2026-03-02 09:01"))
    services.take_ticket(centre, floorplan.civil, at=at("2026-03-02 09:02"))
    last = services.take_ticket(centre, floorplan.civil, at=at("2026-03-02 09:03"))
    assert services.waiting_ahead(last) == 2


def test_each_ticket_bumps_the_floor_version(floorplan: Floorplan) -> None:
    centre = floorplan.world.ward_center
    before = services.floor_version(centre.pk)
    services.take_ticket(centre, floorplan.civil, at=at("2026-03-02 09:00"))
    assert services.floor_version(centre.pk) == before + 1
