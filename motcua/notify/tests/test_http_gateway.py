"""SMS and Zalo OA through the signed HTTP gateway, against a real local provider server."""

from __future__ import annotations

import json
import time

from motcua.dossiers import services
from motcua.notify import delivery, gateways
from motcua.notify.models import OutboxMessage, Preference, State
from motcua.notify.tests.servers import ProviderServer

from .conftest import SECRET, World, at


def _citizen_with_sms_and_zalo(world: World) -> None:
    world.citizen.phone = "0987654321"
    world.citizen.save()
    Preference.objects.create(user=world.citizen, email=False, sms=True, zalo=True)


def _submit(world: World) -> str:
    dossier = services.submit_online(
        world.citizen,
        world.birth,
        world.applicant(world.citizen),
        world.ward_center,
        at=at("2026-03-02 07:00"),
        documents=services.catalog_documents(world.birth),
    )
    return dossier.code


def test_each_channel_gets_one_signed_request_the_provider_accepts(
    world: World, provider: ProviderServer
) -> None:
    _citizen_with_sms_and_zalo(world)
    code = _submit(world)
    assert delivery.deliver_due() == {"sent": 2, "retry": 0, "failed": 0}
    assert provider.refused == [] and len(provider.messages) == 2
    for request in provider.requests:
        headers, body = request["headers"], request["body"]
        # The provider recomputes the HMAC with the shared secret: only motcua could have signed this.
        assert headers["X-Motcua-Signature"] == provider.expected_signature(
            headers["X-Motcua-Timestamp"], headers["Idempotency-Key"], body
        )
        assert abs(time.time() - int(headers["X-Motcua-Timestamp"])) < 60
        assert headers["X-Motcua-Key-Id"] == "motcua-test"
    sent = {m["channel"]: m for m in provider.messages.values()}
    assert set(sent) == {"sms", "zalo"} and sent["sms"]["to"] == "0987654321"
    assert sent["sms"]["text"] == f"Hồ sơ {code} đã được nộp trực tuyến, đang chờ tiếp nhận."
    rows = OutboxMessage.objects.order_by("channel")
    assert [r.state for r in rows] == [State.SENT, State.SENT] and {r.provider_ref for r in rows} == {
        "prov-1",
        "prov-2",
    }


def test_a_request_signed_with_another_secret_is_refused_by_the_provider(
    world: World, provider: ProviderServer
) -> None:
    _citizen_with_sms_and_zalo(world)
    _submit(world)
    row = OutboxMessage.objects.filter(channel="sms").get()
    row.body = "x"
    forged = gateways.HttpGateway("sms", provider.url, SECRET + "-sai", "motcua-test", 5)
    outcome = delivery.Outcome()
    [claimed] = delivery.claim([row.pk])
    forged.send([claimed], outcome)
    assert provider.refused == ["bad signature"] and provider.messages == {}
    claimed.refresh_from_db()
    assert claimed.state == State.FAILED and claimed.last_error == "HTTP 401"


def test_a_retry_after_a_server_error_repeats_the_idempotency_key_and_the_provider_keeps_one(
    world: World, provider: ProviderServer
) -> None:
    _citizen_with_sms_and_zalo(world)
    Preference.objects.filter(user=world.citizen).update(zalo=False)
    _submit(world)
    provider.statuses = [503]
    assert delivery.deliver_due() == {"sent": 0, "retry": 1, "failed": 0}
    OutboxMessage.objects.update(next_attempt_at=OutboxMessage.objects.get().created_at)
    # The answer of the repeat is lost (our worker died after the provider stored it): the row
    # is claimed again and sent again with the same key; the provider answers with the first id.
    assert delivery.deliver_due() == {"sent": 1, "retry": 0, "failed": 0}
    OutboxMessage.objects.update(state=State.PENDING)
    assert delivery.deliver_due()["sent"] == 1
    keys = [r["headers"]["Idempotency-Key"] for r in provider.requests]
    assert len(keys) == 3 and len(set(keys)) == 1
    assert len(provider.messages) == 1
    assert json.loads(provider.requests[0]["body"])["reference"] == OutboxMessage.objects.get().key


def test_a_client_error_is_final(world: World, provider: ProviderServer) -> None:
    _citizen_with_sms_and_zalo(world)
    Preference.objects.filter(user=world.citizen).update(zalo=False)
    _submit(world)
    provider.statuses = [422]
    assert delivery.deliver_due() == {"sent": 0, "retry": 0, "failed": 1}
    assert OutboxMessage.objects.get().last_error == "HTTP 422"
