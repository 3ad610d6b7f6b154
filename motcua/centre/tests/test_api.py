"""The centre API: kiosks take tickets, boxes read the floor, phones rate, officers work their counter."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import time_machine
from django.test import Client

from motcua.centre import services
from motcua.centre.models import Rating, Ticket, TicketStatus

from .conftest import Floorplan, at

API = "/api/v1/centre"


@pytest.fixture(autouse=True)
def _monday_morning() -> Iterator[None]:
    with time_machine.travel(at("2026-03-02 09:00"), tick=False):
        yield


def _officer_client(fp: Floorplan) -> Client:
    """The counter's computer, signed in as its officer (session; CSRF as the test client does)."""
    client = Client()
    client.force_login(fp.officer1)
    return client


def test_a_kiosk_lists_services_and_takes_a_ticket(client: Client, floorplan: Floorplan) -> None:
    code = floorplan.world.ward_center.code
    listed = client.get(f"{API}/{code}/services").json()
    assert [s["name"] for s in listed] == ["Hộ tịch", "Chứng thực"]
    response = client.post(
        f"{API}/{code}/tickets",
        {"service_id": listed[0]["id"], "priority": "merit"},
        content_type="application/json",
    )
    assert response.status_code == 201
    body = response.json()
    assert (body["number"], body["priority"], body["status"], body["people_ahead"]) == (
        1,
        "merit",
        "waiting",
        0,
    )
    assert body["receipt_url"].endswith("/phieu.pdf")


def test_a_ticket_outside_working_hours_is_a_409(client: Client, floorplan: Floorplan) -> None:
    with time_machine.travel(at("2026-03-02 18:00"), tick=False):
        response = client.post(
            f"{API}/{floorplan.world.ward_center.code}/tickets",
            {"service_id": floorplan.civil.pk},
            content_type="application/json",
        )
    assert response.status_code == 409
    assert response.json()["code"] == "closed"
    assert not Ticket.objects.exists()


def test_an_unknown_centre_is_a_404(client: Client, floorplan: Floorplan) -> None:
    response = client.get(f"{API}/{floorplan.world.ward_committee.code}/floor")
    assert response.status_code == 404
    assert response.json()["code"] == "not_found"


def test_an_unknown_priority_is_a_422(client: Client, floorplan: Floorplan) -> None:
    response = client.post(
        f"{API}/{floorplan.world.ward_center.code}/tickets",
        {"service_id": floorplan.civil.pk, "priority": "vip"},
        content_type="application/json",
    )
    assert response.status_code == 422
    assert not Ticket.objects.exists()


def test_an_officer_calls_next_and_the_floor_shows_it(client: Client, floorplan: Floorplan) -> None:
    fp = floorplan
    services.take_ticket(fp.world.ward_center, fp.civil)
    officer = _officer_client(fp)
    called = officer.post(f"{API}/counter/call-next")
    assert called.status_code == 200
    assert (called.json()["number"], called.json()["counter"]) == (1, 1)
    state = client.get(f"{API}/{fp.world.ward_center.code}/floor").json()
    assert state["counters"][0] == {"number": 1, "ticket": 1, "status": "called"}
    assert officer.post(f"{API}/counter/call-next").json()["code"] == "counter_busy"


def test_counter_actions_and_rating_by_the_tickets_token(client: Client, floorplan: Floorplan) -> None:
    fp = floorplan
    ticket = services.take_ticket(fp.world.ward_center, fp.civil)
    officer = _officer_client(fp)
    officer.post(f"{API}/counter/call-next")
    assert officer.post(f"{API}/counter/tickets/1/call-again").status_code == 200
    assert officer.post(f"{API}/counter/tickets/1/start").json()["status"] == "serving"
    assert officer.post(f"{API}/counter/tickets/1/finish").json()["status"] == "done"
    rated = client.post(
        f"{API}/tickets/{ticket.token}/rating", {"level": "very_satisfied"}, content_type="application/json"
    )
    assert rated.status_code == 201
    again = client.post(
        f"{API}/tickets/{ticket.token}/rating", {"level": "satisfied"}, content_type="application/json"
    )
    assert (again.status_code, again.json()["code"]) == (409, "already_rated")
    assert Rating.objects.get().level == "very_satisfied"


def test_transfer_through_the_api(floorplan: Floorplan) -> None:
    fp = floorplan
    services.take_ticket(fp.world.ward_center, fp.civil)
    officer = _officer_client(fp)
    officer.post(f"{API}/counter/call-next")
    response = officer.post(
        f"{API}/counter/tickets/1/transfer", {"counter_number": 3}, content_type="application/json"
    )
    assert response.status_code == 200
    assert Ticket.objects.get().target_counter_id == fp.counter3.pk


def test_counter_actions_need_a_signed_in_officer(client: Client, floorplan: Floorplan) -> None:
    services.take_ticket(floorplan.world.ward_center, floorplan.civil)
    assert client.post(f"{API}/counter/call-next").status_code == 401
    assert Ticket.objects.get().status == TicketStatus.WAITING


def test_an_officer_of_another_centre_cannot_reach_this_centres_tickets(floorplan: Floorplan) -> None:
    fp = floorplan
    services.take_ticket(fp.world.ward_center, fp.civil)
    services.call_next(fp.officer1, fp.counter1)
    from motcua.centre.models import Counter

    other_counter = Counter.objects.create(centre=fp.world.other_center, number=1)
    services.sit_at_counter(fp.world.other_receptionist, other_counter)
    other = Client()
    other.force_login(fp.world.other_receptionist)
    assert other.post(f"{API}/counter/tickets/1/skip").status_code == 404
    assert Ticket.objects.get().status == TicketStatus.CALLED


def test_an_unknown_token_is_a_404(client: Client, floorplan: Floorplan) -> None:
    assert client.get(f"{API}/tickets/unknown-token").status_code == 404


def test_the_centre_endpoints_are_in_the_openapi_document(client: Client, db: None) -> None:
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    assert "/api/v1/centre/{code}/tickets" in paths
    assert "/api/v1/centre/counter/call-next" in paths
    assert "/api/v1/centre/tickets/{token}/rating" in paths


def test_the_kiosk_doors_are_rate_limited(client: Client, floorplan: Floorplan, settings: object) -> None:
    from django.core.cache import cache

    cache.clear()
    settings.MOTCUA_API_THROTTLE_RATES = {"centre_kiosk": "2/min"}  # type: ignore[attr-defined]
    url = f"{API}/{floorplan.world.ward_center.code}/tickets"
    statuses = [
        client.post(url, {"service_id": floorplan.civil.pk}, content_type="application/json").status_code
        for _ in range(3)
    ]
    cache.clear()
    assert statuses == [201, 201, 429]
    assert Ticket.objects.count() == 2
