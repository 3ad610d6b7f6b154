"""An electronic receipt (PDF, Vietnamese) for every payment, online and cash, for citizen and officer."""

from __future__ import annotations

import io

from django.test import Client
from pypdf import PdfReader

from motcua.dossiers import services as dossier_services
from motcua.dossiers.models import Dossier
from motcua.e2e.world import World
from motcua.payments import services

from .conftest import CALLBACK, awaiting_payment, notification


def _text(content: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)


def _receipt_url(dossier: Dossier) -> str:
    seq = dossier.events.get(action="record_payment").seq
    return f"/thanh-toan/{dossier.code}/bien-lai/{seq}/"


def test_an_online_payment_has_a_receipt_for_the_citizen_and_the_officer(
    client: Client, world: World
) -> None:
    dossier = awaiting_payment(world)
    order = services.start_payment(world.citizen, dossier)
    client.post(CALLBACK, notification(order), content_type="application/json")
    client.force_login(world.citizen)
    page = client.get(f"/portal/dossiers/{dossier.code}/").content.decode()
    assert _receipt_url(dossier) in page
    assert f'action="/thanh-toan/{dossier.code}/"' not in page  # paid: no button any more
    response = client.get(_receipt_url(dossier))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    text = _text(response.content)
    for expected in (
        "BIÊN LAI THU PHÍ, LỆ PHÍ ĐIỆN TỬ",
        dossier.code,
        "Nguyễn Thị Hồng Nhung",
        "8.000 đồng",
        "Thanh toán trực tuyến qua nền tảng thanh toán",
        order.order_id,
        "PG2603020000000042",
    ):
        assert expected in text, expected
    client.force_login(world.specialist)
    assert _receipt_url(dossier) in client.get(f"/desk/dossiers/{dossier.code}/").content.decode()
    assert client.get(_receipt_url(dossier)).status_code == 200


def test_a_cash_payment_has_a_receipt_naming_who_took_the_money(client: Client, world: World) -> None:
    dossier = awaiting_payment(world, amount=1_250_000)
    dossier_services.record_payment(world.receptionist, dossier, reference="BL-0042")
    client.force_login(world.receptionist)
    text = _text(client.get(_receipt_url(dossier)).content)
    for expected in ("1.250.000 đồng", "Nộp trực tiếp tại Bộ phận Một cửa", "BL-0042", "Nông Thị Lan"):
        assert expected in text, expected
    assert "Mã giao dịch" not in text


def test_the_receipt_is_in_english_for_an_english_page(client: Client, world: World) -> None:
    dossier = awaiting_payment(world)
    dossier_services.record_payment(world.receptionist, dossier)
    client.force_login(world.citizen)
    text = _text(client.get("/en" + _receipt_url(dossier)).content)
    assert "ELECTRONIC RECEIPT" in text and "8.000" in text


def test_another_citizen_and_another_commune_cannot_download_it(client: Client, world: World) -> None:
    dossier = awaiting_payment(world)
    dossier_services.record_payment(world.receptionist, dossier)
    url = _receipt_url(dossier)
    for person in (world.other_citizen, world.other_receptionist):
        client.force_login(person)
        assert client.get(url).status_code == 404
    client.logout()
    assert client.get(url).status_code == 302  # to the login page


def test_no_receipt_without_a_payment(client: Client, world: World) -> None:
    dossier = awaiting_payment(world)
    client.force_login(world.citizen)
    assert client.get(f"/thanh-toan/{dossier.code}/bien-lai/1/").status_code == 404
