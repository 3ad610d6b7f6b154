"""`motcua sync export` writes the messages of a period; the admin shows the mapping tables and
the outbox with personal data masked."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.test import Client

from motcua.accounts.models import Role, User
from motcua.dossiers.sample import World
from motcua.nationalsync.models import MessageState, OutboxMessage
from motcua.nationalsync.tests.portal import validate
from motcua.nationalsync.tests.scenario import walk


def test_export_writes_the_messages_of_the_period_in_order_per_dossier(
    world: World, sync_on: None, tmp_path: Path
) -> None:
    walk(world)  # week of 2 March 2026
    walk(world, week=2)  # week of 16 March
    output = tmp_path / "sync.jsonl"
    call_command("sync", "export", "--from", "2026-03-02", "--to", "06/03/2026", "--output", str(output))
    rows = [json.loads(line) for line in output.read_text(encoding="utf-8").splitlines()]
    first_week = OutboxMessage.objects.filter(at__date__lte="2026-03-06")
    assert len(rows) == first_week.count() == OutboxMessage.objects.count() // 2
    assert all(validate(row["body"]) == [] and row["state"] == MessageState.PENDING for row in rows)
    codes = [row["body"]["data"][0]["MaHoSo"] for row in rows]
    assert codes == sorted(codes)
    for code in set(codes):
        positions = [int(row["key"].split("#")[1]) for row in rows if row["key"].startswith(code + "#")]
        assert positions == sorted(positions)


def test_export_refuses_a_period_that_ends_before_it_starts(db: None) -> None:
    with pytest.raises(CommandError) as error:
        call_command("sync", "export", "--from", "2026-03-06", "--to", "2026-03-02")
    assert error.value.returncode == 2


def test_the_admin_lists_the_outbox_and_masks_personal_data(world: World, sync_on: None) -> None:
    walk(world)
    admin = User.objects.create_superuser("quantri", "quantri@example.vn", "x", role=Role.SYSTEM_ADMIN)
    client = Client()
    client.force_login(admin)
    listing = client.get("/admin/nationalsync/outboxmessage/")
    assert listing.status_code == 200
    message = OutboxMessage.objects.filter(service="DongBoHoSoMC").first()
    assert message is not None and message.key in listing.content.decode()
    page = client.get(f"/admin/nationalsync/outboxmessage/{message.pk}/change/").content.decode()
    assert "********1234" in page and "020190001234" not in page and "0912345678" not in page
    for name in ("statusmapping", "procedurecodemapping", "fieldcodemapping"):
        assert client.get(f"/admin/nationalsync/{name}/add/").status_code == 200
