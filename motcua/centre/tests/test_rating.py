"""Satisfaction: one rating per ticket and per dossier, after the service only."""

from __future__ import annotations

import pytest

from motcua.catalog.models import ChannelKind
from motcua.centre import services
from motcua.centre.models import Rating, Ticket
from motcua.centre.services import CentreError
from motcua.dossiers import services as dossier_services

from .conftest import Floorplan, at


def _served(fp: Floorplan) -> Ticket:
    ticket = services.take_ticket(fp.world.ward_center, fp.civil, at=at("2026-03-02 08:00"))
    services.call_next(fp.officer1, fp.counter1, at=at("2026-03-02 08:05"))
    services.start_serving(fp.officer1, ticket, at=at("2026-03-02 08:06"))
    return ticket


def test_a_served_ticket_is_rated_once_with_its_counter_and_officer(floorplan: Floorplan) -> None:
    fp = floorplan
    ticket = _served(fp)
    services.finish_serving(fp.officer1, ticket, at=at("2026-03-02 08:20"))
    rating = services.rate(
        ticket=ticket, level="not_satisfied", reasons=["waiting", "waiting"], at=at("2026-03-02 08:21")
    )
    assert (rating.counter_id, rating.officer_id, rating.reasons) == (
        fp.counter1.pk,
        fp.officer1.pk,
        ["waiting"],
    )
    with pytest.raises(CentreError) as error:
        services.rate(ticket=ticket, level="satisfied", at=at("2026-03-02 08:22"))
    assert error.value.code == "already_rated"
    assert Rating.objects.count() == 1


def test_a_ticket_not_yet_served_cannot_be_rated(floorplan: Floorplan) -> None:
    ticket = _served(floorplan)
    with pytest.raises(CentreError) as error:
        services.rate(ticket=ticket, level="satisfied")
    assert error.value.code == "not_served"


@pytest.mark.parametrize(("level", "reasons"), [("great", []), ("satisfied", ["rude"])])
def test_unknown_levels_and_reasons_are_refused(floorplan: Floorplan, level: str, reasons: list[str]) -> None:
    ticket = _served(floorplan)
    services.finish_serving(floorplan.officer1, ticket, at=at("2026-03-02 08:20"))
    with pytest.raises(CentreError):
        services.rate(ticket=ticket, level=level, reasons=reasons)
    assert not Rating.objects.exists()


def test_the_dossier_received_while_serving_carries_the_ticket_and_its_rating(floorplan: Floorplan) -> None:
    fp = floorplan
    ticket = _served(fp)
    dossier = dossier_services.receive_new_dossier(
        fp.officer1,
        fp.world.birth,
        fp.world.applicant(),
        channel=ChannelKind.COUNTER,
        at=at("2026-03-02 08:10"),
    )
    linked = services.link_serving_ticket(fp.officer1, dossier)
    assert linked is not None and linked.pk == ticket.pk
    assert list(dossier.tickets.all()) == [ticket]
    services.finish_serving(fp.officer1, ticket, at=at("2026-03-02 08:20"))
    rating = services.rate(ticket=ticket, level="very_satisfied")
    assert rating.dossier_id == dossier.pk
    with pytest.raises(CentreError) as error:
        services.rate(dossier=dossier, level="satisfied")
    assert error.value.code == "already_rated"


def test_no_ticket_is_linked_when_the_officer_serves_none(floorplan: Floorplan) -> None:
    fp = floorplan
    services.take_ticket(fp.world.ward_center, fp.civil, at=at("2026-03-02 08:00"))
    services.call_next(fp.officer1, fp.counter1, at=at("2026-03-02 08:05"))  # called, not yet served
    dossier = dossier_services.receive_new_dossier(
        fp.officer1,
        fp.world.birth,
        fp.world.applicant(),
        channel=ChannelKind.COUNTER,
        at=at("2026-03-02 08:10"),
    )
    assert services.link_serving_ticket(fp.officer1, dossier) is None
    assert not dossier.tickets.exists()
