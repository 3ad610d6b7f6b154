"""Only a verified notification or an officer's cash receipt marks a fee paid (issue #15)."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from motcua.dossiers.models import Dossier, Status
from motcua.e2e.world import World, build_world

from .conftest import awaiting_payment


def _api(client: Client, dossier: Dossier, **payload: object) -> object:
    return client.post(
        f"/api/v1/dossiers/{dossier.code}/record-payment",
        {"revision": dossier.revision, **payload},
        content_type="application/json",
    )


def _still_waiting(dossier: Dossier) -> None:
    revision = dossier.revision
    dossier.refresh_from_db()
    assert dossier.status == Status.PAYMENT_REQUESTED and dossier.paid_at is None and not dossier.paid_online
    assert dossier.revision == revision


def test_the_citizen_cannot_mark_their_own_fee_paid_through_the_api(client: Client, world: World) -> None:
    dossier = awaiting_payment(world)
    client.force_login(world.citizen)
    response = _api(client, dossier, online=True, reference="bịa ra")
    assert response.status_code == 403  # type: ignore[attr-defined]
    assert response.json()["code"] == "forbidden_role"  # type: ignore[attr-defined]
    _still_waiting(dossier)


def test_the_citizen_is_not_offered_record_payment_in_the_api(client: Client, world: World) -> None:
    dossier = awaiting_payment(world)
    client.force_login(world.citizen)
    detail = client.get(f"/api/v1/dossiers/{dossier.code}").json()
    assert "record_payment" not in detail["available_actions"]


def test_the_citizen_cannot_mark_their_own_fee_paid_on_the_web(client: Client, world: World) -> None:
    dossier = awaiting_payment(world)
    client.force_login(world.citizen)
    response = client.post(
        f"/desk/dossiers/{dossier.code}/act/record_payment/",
        {"revision": dossier.revision, "record_payment-reference": "bịa ra"},
    )
    assert response.status_code == 403
    page = client.get(f"/portal/dossiers/{dossier.code}/").content.decode()
    assert "record_payment" not in page and "Thanh toán trực tuyến" in page
    _still_waiting(dossier)


@pytest.mark.django_db(transaction=True)
def test_an_officer_cannot_declare_a_payment_online(client: Client, transactional_db: Any) -> None:
    # Refused by the payments app's hook after the transition wrote its rows: a real transaction
    # (not the test's wrapping one) shows that the whole transition rolls back.
    world = build_world()
    dossier = awaiting_payment(world)
    client.force_login(world.receptionist)
    response = _api(client, dossier, online=True, reference="VNPAY-123")
    assert response.status_code == 403  # type: ignore[attr-defined]
    assert "nền tảng thanh toán" in response.json()["message"]  # type: ignore[attr-defined]
    _still_waiting(dossier)
    assert dossier.events.filter(action="record_payment").count() == 0


def test_an_officer_records_a_cash_payment(client: Client, world: World) -> None:
    dossier = awaiting_payment(world)
    client.force_login(world.receptionist)
    response = _api(client, dossier, reference="BL-0042")
    assert response.status_code == 200  # type: ignore[attr-defined]
    dossier.refresh_from_db()
    assert dossier.status == Status.PROCESSING and dossier.paid_at is not None and not dossier.paid_online
