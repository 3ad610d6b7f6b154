"""Officers get one email a working day listing their agency's dossiers due soon or overdue."""

from __future__ import annotations

import time_machine

from motcua.dossiers import services
from motcua.notify import delivery, digest
from motcua.notify.models import OutboxMessage, SandboxMessage

from .conftest import World, at


def _late_dossier(world: World) -> str:
    dossier = services.receive_new_dossier(
        world.receptionist,
        world.certification,
        world.applicant(),
        at=at("2026-03-02 08:00"),
        documents=services.catalog_documents(world.certification),
    )
    services.forward_dossier(world.receptionist, dossier, at=at("2026-03-02 08:10"))
    return dossier.code


def test_an_officer_with_a_dossier_due_gets_one_digest_a_day_however_often_the_job_runs(world: World) -> None:
    code = _late_dossier(world)
    world.specialist.email = "chuyenvien@example.vn"
    world.specialist.save()
    world.other_receptionist.email = "khac@example.vn"
    world.other_receptionist.save()
    now = at("2026-03-03 07:00")
    with time_machine.travel(now, tick=False):
        first = digest.send_daily(now)
        again = digest.send_daily(now)
        delivery.deliver_due()
    assert first["queued"] == 1 and again["queued"] == 0
    row = OutboxMessage.objects.get(key__startswith="digest:")
    assert row.key == f"digest:2026-03-03:{world.specialist.pk}" and row.recipient == "chuyenvien@example.vn"
    assert code in row.body and "quá hạn" in row.body
    # The sandbox (no SMTP server configured) received it once; the officer of another commune nothing.
    assert SandboxMessage.objects.filter(outbox=row).count() == 1
    assert not OutboxMessage.objects.filter(recipient="khac@example.vn").exists()


def test_no_digest_on_a_day_off(world: World) -> None:
    _late_dossier(world)
    world.specialist.email = "chuyenvien@example.vn"
    world.specialist.save()
    sunday = at("2026-03-08 07:00")
    assert sunday.weekday() == 6
    assert digest.send_daily(sunday) == {"day": "2026-03-08", "working_day": False, "queued": 0}
    assert not OutboxMessage.objects.filter(key__startswith="digest:").exists()
