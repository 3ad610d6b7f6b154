"""Set-based writes per batch (`facts.deferred()` → `motcua.core.rows.batch`): a batch's events,
hand-overs and outbox rows are inserted once per table when it ends, and the result is exactly
what writing them at once gives — all there, chained, figures exact — while a rollback of the
batch, or of a savepoint the caller opened inside it, leaves nothing of what it took back."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from motcua.core import rows
from motcua.dossiers import services
from motcua.dossiers.audit import verify_chains
from motcua.dossiers.models import Dossier, DossierEvent, Handover
from motcua.dossiers.sample import World, at
from motcua.notify.models import OutboxMessage
from motcua.stats import check, facts

ACTIONS = ["receive", "forward", "result_ready", "approve_result", "return_result"]


def _lifecycle(world: World, minute: int) -> Dossier:
    start = at("2026-03-02 08:00") + dt.timedelta(minutes=minute)
    dossier = services.receive_new_dossier(
        world.receptionist, world.birth, world.applicant(), at=start,
        documents=services.catalog_documents(world.birth),
    )
    services.forward_dossier(world.receptionist, dossier, at=start + dt.timedelta(minutes=5))
    services.mark_result_ready(
        world.specialist, dossier, "Giấy khai sinh", at=start + dt.timedelta(minutes=30)
    )
    services.approve_result(world.leader, dossier, at=start + dt.timedelta(minutes=40))
    services.return_result(world.receptionist, dossier, at=start + dt.timedelta(minutes=50))
    return dossier


def _raw_count(model: Any) -> int:
    """Rows in the table, read with plain SQL (no queryset: the queue is not written first)."""
    table = connection.ops.quote_name(model._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT COUNT(*) FROM {table}")
        return int(cursor.fetchone()[0])


def _inserts(captured: CaptureQueriesContext, model: Any) -> int:
    prefix = f"INSERT INTO {connection.ops.quote_name(model._meta.db_table)} "
    return sum(1 for q in captured.captured_queries if rows.expand(q["sql"]).startswith(prefix))


def _assert_complete(dossiers: list[Dossier]) -> None:
    for dossier in dossiers:
        events = list(DossierEvent.objects.filter(dossier=dossier).order_by("seq"))
        assert [e.action for e in events] == ACTIONS
        assert [e.seq for e in events] == [1, 2, 3, 4, 5]
        assert Handover.objects.filter(dossier=dossier).count() == 4
        fresh = Dossier.objects.get(pk=dossier.pk)
        assert fresh.revision == 5 and fresh.last_event_hash == events[-1].hash
        # The outbox rows point at the events they were written for.
        keyed = set(OutboxMessage.objects.filter(event__in=events).values_list("event__action", flat=True))
        assert keyed == {"receive", "approve_result"}
    assert list(verify_chains([d.pk for d in dossiers])) == []
    assert check.check() == []


def test_a_batch_inserts_its_events_hand_overs_and_outbox_rows_once_per_table_and_chained(
    world: World,
) -> None:
    _lifecycle(world, 0)  # warm caches
    before = {model: _raw_count(model) for model in (DossierEvent, Handover, OutboxMessage)}
    with transaction.atomic(), CaptureQueriesContext(connection) as captured:
        with facts.deferred():
            dossiers = [_lifecycle(world, minute) for minute in range(1, 5)]
            # Queued, not yet written: the tables are as they were.
            assert {model: _raw_count(model) for model in before} == before
    assert {model: _inserts(captured, model) for model in before} == {
        DossierEvent: 1, Handover: 1, OutboxMessage: 1
    }
    assert _raw_count(DossierEvent) == before[DossierEvent] + 4 * 5
    assert _raw_count(Handover) == before[Handover] + 4 * 4
    # Each event got its key before the INSERT; they are distinct and increase along the chain.
    chained = DossierEvent.objects.filter(dossier__in=dossiers).order_by("dossier_id", "seq")
    keys = list(chained.values_list("pk", flat=True))
    assert len(set(keys)) == 20 and keys == sorted(keys)
    _assert_complete(dossiers)


def test_a_read_inside_the_batch_writes_the_queue_first(world: World) -> None:
    with transaction.atomic(), facts.deferred():
        dossier = _lifecycle(world, 0)
        assert list(dossier.events.order_by("seq").values_list("action", flat=True)) == ACTIONS
        assert dossier.handovers.count() == 4
        later = _lifecycle(world, 10)  # queued again after the flush
    _assert_complete([dossier, later])


def test_a_rolled_back_batch_leaves_nothing_behind(world: World) -> None:
    counts = {model: _raw_count(model) for model in (Dossier, DossierEvent, Handover, OutboxMessage)}

    class Boom(Exception):
        pass

    with pytest.raises(Boom), transaction.atomic(), facts.deferred():
        _lifecycle(world, 0)
        _lifecycle(world, 10)
        raise Boom
    assert {model: _raw_count(model) for model in counts} == counts
    assert check.check() == []


def test_a_savepoint_rolled_back_inside_the_batch_takes_back_only_its_own_rows(world: World) -> None:
    class Boom(Exception):
        pass

    with transaction.atomic(), facts.deferred():
        kept = _lifecycle(world, 0)
        events_before = _raw_count(DossierEvent)
        with pytest.raises(Boom), transaction.atomic():
            _lifecycle(world, 10)
            raise Boom
        assert _raw_count(DossierEvent) == events_before
        after = _lifecycle(world, 20)
    # (SQLite gives the rolled-back dossier's key and code to the next one: compare the sets.)
    assert set(Dossier.objects.values_list("pk", flat=True)) == {kept.pk, after.pk}
    assert set(DossierEvent.objects.values_list("dossier_id", flat=True)) == {kept.pk, after.pk}
    assert set(Handover.objects.values_list("dossier_id", flat=True)) == {kept.pk, after.pk}
    assert DossierEvent.objects.count() == 10 and Handover.objects.count() == 8
    events = set(DossierEvent.objects.values_list("pk", flat=True))
    assert set(OutboxMessage.objects.values_list("event_id", flat=True)) <= events
    assert OutboxMessage.objects.count() == 4
    _assert_complete([kept, after])


def test_rows_queued_before_a_savepoint_and_written_inside_it_survive_its_rollback(world: World) -> None:
    """A read inside the caller's savepoint writes the whole queue there; when the savepoint
    rolls back, the rows queued before it are written again at the end of the batch."""

    class Boom(Exception):
        pass

    start = _raw_count(DossierEvent)
    with transaction.atomic(), facts.deferred():
        kept = _lifecycle(world, 0)
        with pytest.raises(Boom), transaction.atomic():
            _lifecycle(world, 10)
            assert DossierEvent.objects.filter(dossier=kept).count() == 5  # the queue is written here
            assert _raw_count(DossierEvent) == start + 10
            raise Boom
        assert _raw_count(DossierEvent) == start  # the rollback took them all; kept's are queued again
        after = _lifecycle(world, 20)
    assert DossierEvent.objects.count() == start + 10
    assert set(DossierEvent.objects.values_list("dossier_id", flat=True)) == {kept.pk, after.pk}
    _assert_complete([kept, after])


def test_an_error_the_caller_catches_after_the_batch_still_leaves_the_work_complete(world: World) -> None:
    class Boom(Exception):
        pass

    with transaction.atomic():
        with pytest.raises(Boom), facts.deferred():
            dossier = _lifecycle(world, 0)
            raise Boom
        assert not transaction.get_rollback()
    _assert_complete([dossier])


def test_outside_a_batch_each_transition_writes_at_once(world: World) -> None:
    dossier = services.receive_new_dossier(
        world.receptionist, world.birth, world.applicant(), at=at("2026-03-02 08:00"),
        documents=services.catalog_documents(world.birth),
    )
    assert _raw_count(DossierEvent) == 1 and _raw_count(Handover) == 1
    services.forward_dossier(world.receptionist, dossier, at=at("2026-03-02 08:05"))
    assert _raw_count(DossierEvent) == 2 and _raw_count(Handover) == 2
