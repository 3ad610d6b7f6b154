"""The platform's notification at /api/v1/payments/sandbox/callback: verified, applied exactly once."""

from __future__ import annotations

import json
import time
from typing import Any

import pytest
from django.conf import settings
from django.test import Client

from motcua.dossiers import services as dossier_services
from motcua.dossiers.models import Dossier, Status
from motcua.e2e.world import World
from motcua.payments import services, signing
from motcua.payments.models import Notification, PaymentOrder

from .conftest import CALLBACK, FEE, awaiting_payment, notification


def _post(client: Client, body: bytes) -> Any:
    return client.post(CALLBACK, body, content_type="application/json")


def _unchanged(dossier: Dossier, order: PaymentOrder) -> None:
    before = dossier.revision
    dossier.refresh_from_db()
    order.refresh_from_db()
    assert dossier.status == Status.PAYMENT_REQUESTED and dossier.paid_at is None and not dossier.paid_online
    assert dossier.revision == before
    assert order.status == PaymentOrder.Status.PENDING and order.transaction_id == ""


def _order(world: World) -> tuple[Dossier, PaymentOrder]:
    dossier = awaiting_payment(world)
    return dossier, services.start_payment(world.citizen, dossier)


def test_a_verified_notification_records_the_payment_and_the_dossier_moves_on(
    client: Client, world: World
) -> None:
    dossier, order = _order(world)
    response = _post(client, notification(order))
    assert response.status_code == 200 and response.json() == {"code": "accepted", "order_id": order.order_id}
    dossier.refresh_from_db()
    order.refresh_from_db()
    assert dossier.status == Status.PROCESSING and dossier.paid_online and dossier.paid_at is not None
    assert order.status == PaymentOrder.Status.PAID and order.transaction_id == "PG2603020000000042"
    assert order.settled_via == "callback"
    event = dossier.events.get(action="record_payment")
    assert event.actor_id is None and event.data == {
        "amount": FEE,
        "online": True,
        "reference": order.order_id,
    }


def test_a_forged_signature_changes_nothing(client: Client, world: World) -> None:
    dossier, order = _order(world)
    forged = json.loads(notification(order))
    forged["signature"] = "0" * 64
    response = _post(client, json.dumps(forged).encode())
    assert response.status_code == 400 and response.json()["code"] == "invalid_signature"
    _unchanged(dossier, order)
    assert Notification.objects.get().outcome == Notification.Outcome.REJECTED


@pytest.mark.parametrize("field,value", [("signature", "é" * 64), ("transaction_id", "\ud800")],
                         ids=["non_ascii_signature", "lone_surrogate"])
def test_a_notification_with_unencodable_or_non_ascii_text_is_refused_not_a_server_error(
    client: Client, world: World, field: str, value: str
) -> None:
    # hmac.compare_digest raises TypeError on a non-ASCII str, and a lone surrogate (escaped in
    # the JSON) cannot be encoded to compute the signature: the public callback answered 500.
    dossier, order = _order(world)
    forged = json.loads(notification(order))
    forged[field] = value
    response = _post(client, json.dumps(forged).encode())
    assert response.status_code == 400 and response.json()["code"] == "invalid_signature"
    _unchanged(dossier, order)


def test_a_notification_signed_with_another_secret_changes_nothing(client: Client, world: World) -> None:
    dossier, order = _order(world)
    fields = json.loads(notification(order))
    body = json.dumps(
        signing.signed({k: v for k, v in fields.items() if k not in ("signature",)}, "đoán bừa")
    )
    assert _post(client, body.encode()).status_code == 400
    _unchanged(dossier, order)


def test_an_amount_that_differs_from_the_order_changes_nothing(client: Client, world: World) -> None:
    dossier, order = _order(world)
    response = _post(client, notification(order, amount=str(FEE - 1)))
    assert response.status_code == 422 and response.json()["code"] == "amount_mismatch"
    _unchanged(dossier, order)


def test_another_currency_changes_nothing(client: Client, world: World) -> None:
    dossier, order = _order(world)
    assert _post(client, notification(order, currency="USD")).json()["code"] == "amount_mismatch"
    _unchanged(dossier, order)


def test_an_unknown_order_is_refused(client: Client, world: World) -> None:
    dossier, order = _order(world)
    response = _post(client, notification(order, order_id="MC000000000000999999"))
    assert response.status_code == 404 and response.json()["code"] == "unknown_order"
    _unchanged(dossier, order)


def test_another_merchants_notification_is_refused(client: Client, world: World) -> None:
    dossier, order = _order(world)
    assert _post(client, notification(order, merchant="000.00.00.H99")).json()["code"] == "wrong_merchant"
    _unchanged(dossier, order)


def test_a_stale_notification_is_refused(client: Client, world: World) -> None:
    dossier, order = _order(world)
    fields = json.loads(notification(order))
    del fields["signature"], fields["timestamp"], fields["nonce"]
    old = signing.signed(fields, settings.MOTCUA_PAYMENT_SECRET, now=time.time() - 3600)
    response = _post(client, json.dumps(old).encode())
    assert response.status_code == 409 and response.json()["code"] == "stale"
    _unchanged(dossier, order)


def test_a_replayed_notification_changes_nothing(client: Client, world: World) -> None:
    dossier, order = _order(world)
    body = notification(order)
    assert _post(client, body).status_code == 200
    dossier.refresh_from_db()
    revision = dossier.revision
    replay = _post(client, body)
    assert replay.status_code == 409 and replay.json()["code"] == "replayed"
    dossier.refresh_from_db()
    assert dossier.revision == revision and dossier.events.filter(action="record_payment").count() == 1


def test_a_repeated_notification_with_a_new_nonce_is_acknowledged_once(client: Client, world: World) -> None:
    dossier, order = _order(world)
    assert _post(client, notification(order)).json()["code"] == "accepted"
    again = _post(client, notification(order))
    assert again.status_code == 200 and again.json()["code"] == "already_recorded"
    assert dossier.events.filter(action="record_payment").count() == 1
    assert list(Notification.objects.values_list("outcome", flat=True).order_by("pk")) == [
        "accepted",
        "duplicate",
    ]


def test_a_paid_order_cannot_be_reported_with_another_transaction(client: Client, world: World) -> None:
    dossier, order = _order(world)
    _post(client, notification(order))
    response = _post(client, notification(order, transaction_id="PG-KHAC"))
    assert response.status_code == 409 and response.json()["code"] == "conflicting"
    order.refresh_from_db()
    assert order.transaction_id == "PG2603020000000042"


def test_a_cancelled_payment_closes_the_order_and_the_dossier_still_waits(
    client: Client, world: World
) -> None:
    dossier, order = _order(world)
    response = _post(client, notification(order, status="cancelled", paid_at=""))
    assert response.json()["code"] == "cancelled"
    order.refresh_from_db()
    dossier.refresh_from_db()
    assert order.status == PaymentOrder.Status.CANCELLED and dossier.status == Status.PAYMENT_REQUESTED


def test_a_payment_that_arrives_after_a_cash_payment_is_kept_aside(client: Client, world: World) -> None:
    dossier, order = _order(world)
    dossier_services.record_payment(world.receptionist, dossier, reference="BL-0042")
    response = _post(client, notification(order))
    assert response.status_code == 200
    order.refresh_from_db()
    assert order.status == PaymentOrder.Status.PAID_UNAPPLIED  # to refund: listed by the reconciliation
    assert dossier.events.filter(action="record_payment").count() == 1


def test_not_json_is_refused(client: Client, world: World) -> None:
    assert _post(client, b"order_id=1").json()["code"] == "malformed"


def test_an_unknown_gateway_is_not_found(client: Client, world: World) -> None:
    dossier, order = _order(world)
    response = client.post(
        "/api/v1/payments/vnpay/callback", notification(order), content_type="application/json"
    )
    assert response.status_code == 404
    _unchanged(dossier, order)
