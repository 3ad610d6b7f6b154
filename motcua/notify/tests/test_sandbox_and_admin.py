"""The sandbox gateway (demo) records each message once; the system administrator sees the outbox,
the sandbox and the failed messages with their error in the admin, addresses masked."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from motcua.accounts.models import Role, User
from motcua.dossiers import services
from motcua.notify import delivery
from motcua.notify.models import OutboxMessage, Preference, SandboxMessage, State

from .conftest import World, at


@pytest.fixture
def system_admin(client: Client, db: None) -> Client:
    admin = User.objects.create_superuser(
        "quantri", "quantri@example.vn", "mat-khau-dai-123", role=Role.SYSTEM_ADMIN
    )
    client.force_login(admin)
    return client


def _submit(world: World) -> str:
    world.citizen.phone = "0987654321"
    world.citizen.save()
    Preference.objects.create(user=world.citizen, email=True, sms=True, zalo=False)
    dossier = services.submit_online(
        world.citizen,
        world.birth,
        world.applicant(world.citizen),
        world.ward_center,
        at=at("2026-03-02 07:00"),
        documents=services.catalog_documents(world.birth),
    )
    return dossier.code


def test_the_sandbox_records_each_message_once_however_often_delivery_runs(world: World) -> None:
    code = _submit(world)
    assert delivery.deliver_due()["sent"] == 2
    # A second run, and a row put back as if its worker had died after sending: still one record.
    OutboxMessage.objects.filter(channel="sms").update(state=State.SENDING, lease_until=None)
    delivery.deliver_due()
    assert SandboxMessage.objects.count() == 2
    sms = SandboxMessage.objects.get(channel="sms")
    assert sms.recipient == "0987654321" and code in sms.body


def test_the_admin_lists_sandbox_messages_and_the_outbox_with_masked_addresses(
    world: World, system_admin: Client
) -> None:
    code = _submit(world)
    delivery.deliver_due()
    sandbox = system_admin.get(reverse("admin:notify_sandboxmessage_changelist"))
    outbox = system_admin.get(reverse("admin:notify_outboxmessage_changelist") + "?state__exact=sent")
    for page in (sandbox, outbox):
        text = page.content.decode()
        assert page.status_code == 200 and code in text
        assert "0987654321" not in text and "09******21" in text
        assert "nhung@example.vn" not in text


def test_a_failed_message_shows_its_error_to_the_system_administrator(
    world: World, system_admin: Client, settings: object
) -> None:
    _submit(world)
    OutboxMessage.objects.filter(channel="sms").update(state=State.FAILED, last_error="HTTP 422")
    page = system_admin.get(reverse("admin:notify_outboxmessage_changelist") + "?state__exact=failed")
    assert page.status_code == 200 and "HTTP 422" in page.content.decode()


def test_an_officer_cannot_open_the_notification_admin(world: World, client: Client) -> None:
    client.force_login(world.receptionist)
    response = client.get(reverse("admin:notify_outboxmessage_changelist"))
    assert response.status_code in (302, 403)
