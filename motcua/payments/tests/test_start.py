"""The portal's "Thanh toán trực tuyến" button opens an order and sends the browser to the platform."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

from django.conf import settings
from django.test import Client

from motcua.dossiers import services as dossier_services
from motcua.e2e.world import World, submit_birth
from motcua.payments import signing
from motcua.payments.models import PaymentOrder

from .conftest import FEE, awaiting_payment


def test_the_owner_is_sent_to_the_platform_with_a_signed_order(client: Client, world: World) -> None:
    dossier = awaiting_payment(world)
    client.force_login(world.citizen)
    response = client.post(f"/thanh-toan/{dossier.code}/")
    assert response.status_code == 302
    url = urlsplit(response["Location"])
    assert url.path == "/sandbox-thanh-toan/thanh-toan/"
    fields = {k: v[0] for k, v in parse_qs(url.query).items()}
    signing.verify(fields, settings.MOTCUA_PAYMENT_SECRET, max_age=60)
    order = PaymentOrder.objects.get()
    assert fields["order_id"] == order.order_id and fields["amount"] == str(FEE) == str(order.amount)
    assert fields["callback_url"] == "http://testserver/api/v1/payments/sandbox/callback"
    assert fields["return_url"] == f"http://testserver/thanh-toan/{dossier.code}/ket-qua/"
    assert order.status == PaymentOrder.Status.PENDING and order.created_by == world.citizen


def test_pressing_twice_reuses_the_open_order(client: Client, world: World) -> None:
    dossier = awaiting_payment(world)
    client.force_login(world.citizen)
    client.post(f"/thanh-toan/{dossier.code}/")
    client.post(f"/thanh-toan/{dossier.code}/")
    assert PaymentOrder.objects.count() == 1


def test_another_citizen_cannot_pay_or_see_the_dossier(client: Client, world: World) -> None:
    dossier = awaiting_payment(world)
    client.force_login(world.other_citizen)
    assert client.post(f"/thanh-toan/{dossier.code}/").status_code == 404
    assert PaymentOrder.objects.count() == 0


def test_an_officer_is_not_offered_online_payment(client: Client, world: World) -> None:
    dossier = awaiting_payment(world)
    client.force_login(world.receptionist)
    assert "Thanh toán trực tuyến" not in client.get(f"/desk/dossiers/{dossier.code}/").content.decode()
    assert client.post(f"/thanh-toan/{dossier.code}/").status_code == 403
    assert PaymentOrder.objects.count() == 0


def test_a_dossier_that_does_not_wait_for_a_fee_cannot_be_paid(client: Client, world: World) -> None:
    dossier = submit_birth(world)
    dossier_services.receive_dossier(world.receptionist, dossier)
    client.force_login(world.citizen)
    assert "Thanh toán trực tuyến" not in client.get(f"/portal/dossiers/{dossier.code}/").content.decode()
    response = client.post(f"/thanh-toan/{dossier.code}/", follow=True)
    assert "không ở trạng thái chờ thực hiện nghĩa vụ tài chính" in response.content.decode()
    assert PaymentOrder.objects.count() == 0


def test_without_a_secret_online_payment_is_off(client: Client, world: World, settings: object) -> None:
    settings.MOTCUA_PAYMENT_SECRET = ""  # type: ignore[attr-defined]
    dossier = awaiting_payment(world)
    client.force_login(world.citizen)
    assert "Thanh toán trực tuyến" not in client.get(f"/portal/dossiers/{dossier.code}/").content.decode()
    client.post(f"/thanh-toan/{dossier.code}/")
    assert PaymentOrder.objects.count() == 0
