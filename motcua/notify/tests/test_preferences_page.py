"""The portal page where a citizen chooses the channels that tell them about their dossiers."""

from __future__ import annotations

from django.test import Client
from django.urls import reverse

from motcua.dossiers import services
from motcua.notify.models import OutboxMessage, Preference

from .conftest import World, at

URL = reverse("portal:notification_settings")


def _signed_in(client: Client, world: World, phone: str = "", email: str = "nhung@example.vn") -> Client:
    world.citizen.phone, world.citizen.email = phone, email
    world.citizen.save()
    client.force_login(world.citizen)
    return client


def test_the_page_shows_the_accounts_addresses_with_the_phone_masked(world: World, client: Client) -> None:
    page = _signed_in(client, world, phone="0987654321").get(URL)
    text = page.content.decode()
    assert page.status_code == 200 and "nhung@example.vn" in text and "09******21" in text
    assert "0987654321" not in text


def test_a_citizen_chooses_sms_and_zalo_and_the_next_step_uses_them(world: World, client: Client) -> None:
    response = _signed_in(client, world, phone="0987654321").post(URL, {"sms": "on", "zalo": "on"})
    assert response.status_code == 302
    assert Preference.objects.get(user=world.citizen).channels() == ["sms", "zalo"]
    services.submit_online(
        world.citizen,
        world.birth,
        world.applicant(world.citizen),
        world.ward_center,
        at=at("2026-03-02 07:00"),
        documents=services.catalog_documents(world.birth),
    )
    assert sorted(OutboxMessage.objects.values_list("channel", flat=True)) == ["sms", "zalo"]


def test_sms_without_a_phone_number_is_refused_with_a_message_and_nothing_is_saved(
    world: World, client: Client
) -> None:
    response = _signed_in(client, world, phone="").post(URL, {"email": "on", "sms": "on"})
    assert response.status_code == 400
    assert "Tài khoản chưa có số điện thoại" in response.content.decode()
    assert not Preference.objects.exists()


def test_the_refusal_speaks_english_on_the_english_page(world: World, client: Client) -> None:
    response = _signed_in(client, world, email="").post("/en" + URL, {"email": "on"})
    assert response.status_code == 400 and "Your account has no email address" in response.content.decode()


def test_an_officer_cannot_use_the_page_and_a_visitor_is_sent_to_sign_in(
    world: World, client: Client
) -> None:
    assert client.get(URL).status_code == 302
    client.force_login(world.receptionist)
    assert client.get(URL).status_code == 403
    assert client.post(URL, {"sms": "on"}).status_code == 403
    assert not Preference.objects.exists()
