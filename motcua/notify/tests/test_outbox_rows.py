"""The hook writes outbox rows in the event's transaction: one per event and chosen channel."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import IntegrityError, connection, transaction
from django.test.utils import CaptureQueriesContext

from motcua.core import rows
from motcua.dossiers import services
from motcua.dossiers.models import Dossier
from motcua.notify.models import Channel, OutboxMessage, Preference, State
from motcua.stats import facts

from .conftest import World, at


def _online(world: World) -> Dossier:
    return services.submit_online(
        world.citizen,
        world.birth,
        world.applicant(world.citizen),
        world.ward_center,
        at=at("2026-03-02 07:00"),
        documents=services.catalog_documents(world.birth),
    )


def _counter(world: World, email: str = "nhung@example.vn") -> Dossier:
    applicant = world.applicant()
    applicant.email = email
    return services.receive_new_dossier(
        world.receptionist,
        world.birth,
        applicant,
        at=at("2026-03-02 08:00"),
        documents=services.catalog_documents(world.birth),
    )


def _actions(dossier: Dossier) -> list[str]:
    return list(
        OutboxMessage.objects.filter(event__dossier=dossier)
        .order_by("pk")
        .values_list("event__action", flat=True)
    )


def test_every_step_that_concerns_the_applicant_writes_one_email_row(world: World) -> None:
    dossier = _counter(world)
    services.forward_dossier(world.receptionist, dossier, at=at("2026-03-02 08:30"))
    services.request_supplement(
        world.specialist,
        dossier,
        ["Bản sao giấy chứng sinh"],
        "Thiếu giấy chứng sinh",
        at=at("2026-03-02 09:00"),
    )
    services.receive_supplement(world.receptionist, dossier, at=at("2026-03-02 10:00"))
    services.request_payment(world.specialist, dossier, 50_000, at=at("2026-03-02 10:30"))
    services.record_payment(world.receptionist, dossier, at=at("2026-03-02 10:40"))
    services.mark_result_ready(world.specialist, dossier, "Giấy khai sinh", at=at("2026-03-02 11:00"))
    services.approve_result(world.leader, dossier, at=at("2026-03-02 11:30"))
    assert _actions(dossier) == ["receive", "request_supplement", "request_payment", "approve_result"]
    rows = OutboxMessage.objects.filter(event__dossier=dossier)
    assert {(r.channel, r.recipient, r.state) for r in rows} == {
        (Channel.EMAIL, "nhung@example.vn", State.PENDING)
    }


def test_an_apology_a_stop_and_a_refusal_are_told(world: World) -> None:
    late = _counter(world)
    services.forward_dossier(world.receptionist, late, at=at("2026-03-02 08:30"))
    late.refresh_from_db()
    assert late.due_at is not None
    before_due = late.due_at - dt.timedelta(hours=1)
    services.apologize(
        world.leader, late, "Cần xác minh thêm", late.due_at + dt.timedelta(days=3), at=before_due
    )
    services.stop_processing(world.leader, late, "Người yêu cầu không đủ điều kiện", at=before_due)
    refused = services.refuse_new_dossier(
        world.receptionist,
        world.birth,
        world.applicant(),
        "Không thuộc thẩm quyền",
        at=at("2026-03-02 08:00"),
    )
    assert _actions(late) == ["receive", "apologize", "stop"]
    assert _actions(refused) == ["refuse"]


def test_rows_roll_back_with_the_transition(world: World) -> None:
    with pytest.raises(RuntimeError), transaction.atomic():
        _counter(world)
        assert OutboxMessage.objects.count() == 1
        raise RuntimeError("the caller's transaction fails after the transition")
    assert OutboxMessage.objects.count() == 0


def test_a_citizen_who_chose_sms_and_zalo_is_told_there_at_the_accounts_number(world: World) -> None:
    world.citizen.phone = "0987654321"
    world.citizen.email = ""
    world.citizen.save()
    Preference.objects.create(user=world.citizen, email=True, sms=True, zalo=True)
    dossier = _online(world)
    rows = OutboxMessage.objects.filter(event__dossier=dossier)
    # Email stays on the dossier's own address when the account has none.
    assert {(r.channel, r.recipient) for r in rows} == {
        (Channel.EMAIL, "nhung@example.vn"),
        (Channel.SMS, "0987654321"),
        (Channel.ZALO, "0987654321"),
    }
    assert {r.key for r in rows} == {f"event:{rows[0].event_id}:{c}" for c in ("email", "sms", "zalo")}


def test_someone_without_an_email_address_and_no_account_gets_no_row(world: World) -> None:
    dossier = _counter(world, email="")
    assert _actions(dossier) == []


def test_one_event_cannot_have_two_messages_on_one_channel(world: World) -> None:
    row = OutboxMessage.objects.get(event__dossier=_counter(world))
    with pytest.raises(IntegrityError), transaction.atomic():
        OutboxMessage.objects.create(
            key="another-key", event_id=row.event_id, channel=row.channel, recipient="khac@example.vn"
        )


def test_the_hook_costs_two_queries_on_a_notified_event_and_none_on_the_others(world: World) -> None:
    dossier = _counter(world)
    with CaptureQueriesContext(connection) as forwarded:
        services.forward_dossier(world.receptionist, dossier, at=at("2026-03-02 08:30"))
    with CaptureQueriesContext(connection) as asked:
        services.request_payment(world.specialist, dossier, 20_000, at=at("2026-03-02 09:00"))
    sent = [rows.expand(q["sql"]) for q in asked.captured_queries]
    ours = [sql for sql in sent if "notify_" in sql or "dossiers_applicant" in sql]
    assert len(ours) == 2
    assert not [q for q in forwarded.captured_queries if "notify_" in rows.expand(q["sql"])]


def test_inside_a_batch_an_applicants_addresses_are_read_once_and_every_event_is_still_told(
    world: World,
) -> None:
    world.citizen.phone = "0987654321"
    world.citizen.save()
    Preference.objects.create(user=world.citizen, email=True, sms=True, zalo=False)
    with transaction.atomic(), facts.deferred(), CaptureQueriesContext(connection) as seen:
        dossier = _online(world)
        services.receive_dossier(world.receptionist, dossier, at=at("2026-03-02 08:00"))
        services.request_payment(world.specialist, dossier, 20_000, at=at("2026-03-02 09:00"))
    sent = [rows.expand(q["sql"]) for q in seen.captured_queries]
    reads = [sql for sql in sent if Preference._meta.db_table in sql]
    assert len(reads) == 1
    told = set(OutboxMessage.objects.filter(event__dossier=dossier)
               .values_list("event__action", "channel", "recipient"))
    assert told == {(action, channel, address)
                    for action in ("submit", "receive", "request_payment")
                    for channel, address in ((Channel.EMAIL, "nhung@example.vn"),
                                             (Channel.SMS, "0987654321"))}
