"""Audit anchoring (issue #18, 3): what a database writer can rewrite, the checkpoints still catch."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import DatabaseError, connection, transaction
from pytest_django.fixtures import Settings

from motcua.dossiers import anchor, services
from motcua.dossiers.audit import verify_chains
from motcua.dossiers.models import GENESIS_HASH, Dossier, DossierEvent

from .conftest import World, at
from .test_audit import _walked, tamper


@pytest.fixture
def audit_dir(settings: Settings, tmp_path: Path) -> Path:
    settings.MOTCUA_AUDIT_DIR = tmp_path / "audit"
    settings.MOTCUA_AUDIT_KEY_FILE = tmp_path / "keys" / "audit.key"
    return tmp_path / "audit"


def _verify() -> tuple[int, str]:
    out = io.StringIO()
    try:
        call_command("dossiers", "verify-audit", "--json", stdout=out)
    except CommandError as error:
        return error.returncode, out.getvalue() + str(error)
    return 0, out.getvalue()


def test_the_database_refuses_a_raw_update_of_an_event(world: World) -> None:
    event = _walked(world).events.get(seq=1)
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(f"UPDATE {DossierEvent._meta.db_table} SET reason = 'x' WHERE id = %s", [event.pk])
    assert DossierEvent.objects.get(pk=event.pk).reason == event.reason


def test_postgresql_refuses_a_raw_delete_of_an_event(world: World) -> None:
    event = _walked(world).events.get(seq=3)
    refused = False
    try:
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(f"DELETE FROM {DossierEvent._meta.db_table} WHERE id = %s", [event.pk])
    except DatabaseError:
        refused = True
    # SQLite keeps the ORM guard only (Django flushes SQLite test databases with DELETE).
    assert refused == (connection.vendor == "postgresql")


def test_a_recomputed_chain_passes_the_chain_check_but_not_the_checkpoint(
    world: World, audit_dir: Path
) -> None:
    dossier = _walked(world)
    anchor.seal()
    assert _verify()[0] == 0
    # Rewrite the second event and recompute every hash after it, and the head: a consistent forgery.
    tamper("UPDATE {table} SET reason = %s WHERE dossier_id = %s AND seq = 2", ["bịa", dossier.pk])
    previous = GENESIS_HASH
    for event in DossierEvent.objects.filter(dossier=dossier).order_by("seq"):
        event.prev_hash = previous
        new_hash = event.compute_hash(dossier.code)
        tamper("UPDATE {table} SET prev_hash = %s, hash = %s WHERE id = %s", [previous, new_hash, event.pk])
        previous = new_hash
    Dossier.objects.filter(pk=dossier.pk).update(last_event_hash=previous)
    assert list(verify_chains()) == []
    code, output = _verify()
    assert code == 1
    reported = json.JSONDecoder().raw_decode(output)[0]
    assert {"dossier_code": dossier.code, "seq": 3, "problem": "checkpoint"} in reported


def test_a_deleted_history_with_revision_zero_is_reported(world: World, audit_dir: Path) -> None:
    dossier = _walked(world)
    anchor.seal()
    tamper("DELETE FROM {table} WHERE dossier_id = %s", [dossier.pk])
    Dossier.objects.filter(pk=dossier.pk).update(revision=0, last_event_hash=GENESIS_HASH)
    assert list(verify_chains()) == []
    code, output = _verify()
    assert code == 1 and dossier.code in output and "checkpoint" in output


def test_checkpoints_are_incremental_and_chained(world: World, audit_dir: Path) -> None:
    dossier = _walked(world)
    first = anchor.seal()
    assert (first.number, first.dossiers) == (1, 1)
    assert anchor.seal().dossiers == 0
    services.approve_result(world.leader, dossier, at=at("2026-03-02 11:00"))
    third = anchor.seal()
    assert (third.number, third.dossiers) == (3, 1)
    number, _, heads = anchor.read_checkpoints()
    dossier.refresh_from_db()
    assert number == 3 and heads[dossier.code] == (dossier.revision, dossier.last_event_hash)
    assert _verify()[0] == 0


def test_an_edited_or_removed_checkpoint_is_refused(world: World, audit_dir: Path) -> None:
    _walked(world)
    anchor.seal()
    anchor.seal()
    path = next(audit_dir.glob("checkpoints-*.jsonl"))
    lines = path.read_text().splitlines()
    path.write_text(lines[0].replace('"heads":[[', '"heads":[["X",1,"0"],[') + "\n" + lines[1] + "\n")
    code, output = _verify()
    assert code == 1 and "đã bị sửa" in output
    path.write_text(lines[1] + "\n")
    code, output = _verify()
    assert code == 1 and "sai thứ tự" in output


def test_the_key_is_created_outside_the_database_readable_by_its_owner_only(
    world: World, audit_dir: Path
) -> None:
    _walked(world)
    call_command("dossiers", "seal-audit", stdout=io.StringIO())
    key = audit_dir.parent / "keys" / "audit.key"
    assert key.stat().st_mode & 0o777 == 0o600
    assert len(bytes.fromhex(key.read_text().strip())) == 32
