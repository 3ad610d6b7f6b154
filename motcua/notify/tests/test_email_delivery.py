"""Email through Django's SMTP backend to a real local SMTP server (aiosmtpd)."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from motcua.dossiers import services
from motcua.dossiers.models import Dossier, ResultDelivery
from motcua.notify import delivery, gateways
from motcua.notify.models import OutboxMessage, State
from motcua.notify.tests.servers import SmtpSink

from .conftest import World, at


def _counter(world: World, language: str = "vi") -> Dossier:
    applicant = world.applicant()
    applicant.language = language
    return services.receive_new_dossier(
        world.receptionist,
        world.birth,
        applicant,
        at=at("2026-03-02 08:00"),
        documents=services.catalog_documents(world.birth),
    )


def test_the_receipt_reaches_the_server_with_the_code_and_the_appointment(
    world: World, smtp: SmtpSink
) -> None:
    dossier = _counter(world)
    assert delivery.deliver_due() == {"sent": 1, "retry": 0, "failed": 0}
    [received] = smtp.wait_for(1)
    assert received.recipients == ["nhung@example.vn"]
    assert received.subject == f"Hồ sơ {dossier.code} đã được tiếp nhận"
    assert dossier.code in received.text and "Ngày hẹn trả kết quả" in received.text
    row = OutboxMessage.objects.get()
    assert row.state == State.SENT and received.message_id == gateways.message_id(row)


def test_an_english_speaking_applicant_is_written_to_in_english(world: World, smtp: SmtpSink) -> None:
    dossier = _counter(world, language="en")
    delivery.deliver_due()
    [received] = smtp.wait_for(1)
    assert received.subject == f"Dossier {dossier.code} has been received"
    assert "Appointment for the result" in received.text


def test_the_supplement_request_lists_what_is_missing_and_the_result_says_how_to_collect(
    world: World, smtp: SmtpSink
) -> None:
    dossier = _counter(world)
    services.forward_dossier(world.receptionist, dossier, at=at("2026-03-02 08:30"))
    services.request_supplement(
        world.specialist,
        dossier,
        ["Bản sao giấy chứng sinh", "Giấy xác nhận cư trú"],
        "Thiếu giấy tờ",
        at=at("2026-03-02 09:00"),
    )
    services.receive_supplement(world.receptionist, dossier, at=at("2026-03-02 10:00"))
    services.mark_result_ready(world.specialist, dossier, "Giấy khai sinh", at=at("2026-03-02 11:00"))
    Dossier.objects.filter(pk=dossier.pk).update(result_delivery=ResultDelivery.CENTRE)
    services.approve_result(world.leader, dossier, at=at("2026-03-02 11:30"))
    delivery.deliver_due()
    received = {m.subject: m.text for m in smtp.wait_for(3)}
    supplement = received[f"Hồ sơ {dossier.code} cần bổ sung giấy tờ"]
    assert "- Bản sao giấy chứng sinh" in supplement and "- Giấy xác nhận cư trú" in supplement
    result = received[f"Hồ sơ {dossier.code} đã có kết quả"]
    assert world.ward_center.name in result and "Giấy tiếp nhận hồ sơ" in result


def test_delivering_again_sends_nothing_more(world: World, smtp: SmtpSink) -> None:
    _counter(world)
    delivery.deliver_due()
    assert delivery.deliver_due() == {"sent": 0, "retry": 0, "failed": 0}
    assert len(smtp.wait_for(1)) == 1 and smtp.count() == 1


def test_a_temporary_refusal_is_tried_again_later_and_a_permanent_one_is_given_up(
    world: World, smtp: SmtpSink
) -> None:
    _counter(world)
    smtp.replies = ["451 4.3.0 try again later"]
    assert delivery.deliver_due() == {"sent": 0, "retry": 1, "failed": 0}
    row = OutboxMessage.objects.get()
    assert row.state == State.PENDING and "451" in row.last_error and row.next_attempt_at > timezone.now()
    # Not due yet: nothing happens; once due, the same row is tried again, and refused for good.
    assert delivery.deliver_due()["sent"] == 0
    OutboxMessage.objects.update(next_attempt_at=timezone.now() - dt.timedelta(seconds=1))
    smtp.replies = ["550 5.1.1 <nhung@example.vn>: no such mailbox"]
    assert delivery.deliver_due() == {"sent": 0, "retry": 0, "failed": 1}
    row.refresh_from_db()
    assert row.state == State.FAILED and "550" in row.last_error and row.attempts == 2
    assert "n***@example.vn" in row.last_error and "nhung@" not in row.last_error
    assert smtp.count() == 0


def test_a_worker_whose_lease_was_taken_over_leaves_no_message_at_the_server(
    world: World, smtp: SmtpSink
) -> None:
    _counter(world)
    [mine] = delivery.claim()
    delivery._render([mine])
    # Meanwhile the lease ran out and another worker claimed the row (a new token).
    OutboxMessage.objects.filter(pk=mine.pk).update(claim_token="another-worker")
    outcome = delivery.Outcome()
    gateways.DjangoMailGateway().send([mine], outcome)
    # We reached the commit point, lost the compare-and-set, and closed without the final ".".
    assert outcome.sent == 0 and smtp.count() == 0
    row = OutboxMessage.objects.get()
    assert row.state == State.SENDING and row.claim_token == "another-worker"


def test_an_unreachable_server_is_retried_later(world: World, smtp: SmtpSink) -> None:
    _counter(world)
    smtp.stop()
    assert delivery.deliver_due() == {"sent": 0, "retry": 1, "failed": 0}
    row = OutboxMessage.objects.get()
    assert row.state == State.PENDING and row.last_error


def test_the_data_is_committed_before_its_end_so_a_refused_end_puts_the_row_back(
    world: World, smtp: SmtpSink
) -> None:
    _counter(world)
    smtp.replies = ["554 5.6.0 message refused"]
    delivery.deliver_due()
    row = OutboxMessage.objects.get()
    assert row.state == State.FAILED and row.sent_at is not None and "554" in row.last_error
    assert smtp.count() == 0
