"""The audit trail is append-only and hash-chained; verify-audit finds the first broken link."""

from __future__ import annotations

import importlib
import io
from typing import Any

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection

from motcua.dossiers import services
from motcua.dossiers.audit import verify_chains
from motcua.dossiers.models import GENESIS_HASH, AppendOnlyError, Dossier, DossierEvent

from .conftest import World, at


def tamper(sql: str, params: list[Any]) -> None:
    """Raw SQL as a database superuser would run it: the append-only trigger switched off first."""
    table = DossierEvent._meta.db_table
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SET session_replication_role = replica")  # ordinary triggers off
        elif connection.vendor == "sqlite":
            cursor.execute("DROP TRIGGER IF EXISTS dossier_event_append_only")
        try:
            cursor.execute(sql.format(table=table), params)
        finally:
            if connection.vendor == "postgresql":
                cursor.execute("SET session_replication_role = DEFAULT")


def _walked(world: World) -> Dossier:
    dossier = services.receive_new_dossier(
        world.receptionist, world.birth, world.applicant(), at=at("2026-03-02 08:00"),
        documents=services.catalog_documents(world.birth)
    )
    services.forward_dossier(world.receptionist, dossier, at=at("2026-03-02 08:30"))
    services.mark_result_ready(world.specialist, dossier, "Giấy khai sinh", at=at("2026-03-02 10:00"))
    return dossier


def test_each_event_carries_the_hash_of_the_previous_one(world: World) -> None:
    dossier = _walked(world)
    events = list(dossier.events.order_by("seq"))
    assert events[0].prev_hash == GENESIS_HASH
    for before, after in zip(events, events[1:], strict=False):
        assert after.prev_hash == before.hash
    assert all(e.hash == e.compute_hash(dossier.code) for e in events)
    assert list(verify_chains()) == []


def test_events_cannot_be_changed_or_deleted_through_the_orm(world: World) -> None:
    event = _walked(world).events.first()
    assert event is not None
    event.reason = "sửa"
    with pytest.raises(AppendOnlyError):
        event.save()
    with pytest.raises(AppendOnlyError):
        event.delete()
    with pytest.raises(AppendOnlyError):
        DossierEvent.objects.filter(pk=event.pk).update(reason="x")
    with pytest.raises(AppendOnlyError):
        DossierEvent.objects.filter(pk=event.pk).delete()


def test_verify_audit_reports_the_first_broken_link_and_exits_non_zero(world: World) -> None:
    dossier = _walked(world)
    intact = services.receive_new_dossier(
        world.receptionist, world.birth, world.applicant(), at=at("2026-03-02 09:00"),
        documents=services.catalog_documents(world.birth)
    )
    second = dossier.events.get(seq=2)
    # tampering behind the ORM's back
    tamper("UPDATE {table} SET reason = %s WHERE id = %s", ["đã sửa", second.pk])

    out = io.StringIO()
    with pytest.raises(CommandError) as caught:
        call_command("dossiers", "verify-audit", stdout=out)
    assert caught.value.returncode == 1
    assert f"{dossier.code}" in out.getvalue() and "2" in out.getvalue()
    links = list(verify_chains())
    assert [(b.dossier_code, b.seq, b.problem) for b in links] == [(dossier.code, 2, "hash")]
    assert intact.code not in out.getvalue()


def test_verify_audit_detects_a_deleted_last_event(world: World) -> None:
    dossier = _walked(world)
    tamper("DELETE FROM {table} WHERE dossier_id = %s AND seq = 3", [dossier.pk])
    assert [(b.seq, b.problem) for b in verify_chains()] == [(3, "missing_events")]


def test_verify_audit_passes_on_intact_chains(world: World) -> None:
    _walked(world)
    out = io.StringIO()
    call_command("dossiers", "verify-audit", stdout=out)
    assert "toàn vẹn" in out.getvalue()


def test_the_dossier_row_keeps_the_hash_of_its_newest_event(world: World) -> None:
    dossier = _walked(world)
    newest = dossier.events.order_by("-seq").first()
    assert newest is not None and newest.seq == dossier.revision == 3
    assert dossier.last_event_hash == newest.hash
    assert Dossier.objects.get(pk=dossier.pk).last_event_hash == newest.hash


def test_verify_audit_reports_a_chain_head_that_does_not_match_the_chain(world: World) -> None:
    dossier = _walked(world)
    Dossier.objects.filter(pk=dossier.pk).update(last_event_hash="f" * 64)
    assert [(b.dossier_code, b.seq, b.problem) for b in verify_chains()] == [(dossier.code, 3, "head")]


def test_a_transition_after_a_forged_head_breaks_the_chain_visibly(world: World) -> None:
    dossier = _walked(world)
    Dossier.objects.filter(pk=dossier.pk).update(last_event_hash="f" * 64)
    services.approve_result(world.leader, dossier, at=at("2026-03-02 11:00"))
    assert [(b.seq, b.problem) for b in verify_chains()] == [(4, "prev_hash")]


def test_the_migration_fills_the_chain_heads_from_the_events(world: World) -> None:
    from django.apps import apps

    fill_chain_heads = importlib.import_module("motcua.dossiers.migrations.0002_chain_head").fill_chain_heads
    walked = _walked(world)
    Dossier.objects.update(last_event_hash=GENESIS_HASH)
    fill_chain_heads(apps, None)
    assert Dossier.objects.get(pk=walked.pk).last_event_hash == walked.events.get(seq=3).hash
    assert list(verify_chains()) == []
