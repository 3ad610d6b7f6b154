"""Monthly partitions of the daily counters and the dossier events on PostgreSQL, created ahead by
the daily job;
`motcua stats partitions` also builds the stock snapshots of the months begun (any database)."""

from __future__ import annotations

import datetime as dt
import json
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import DatabaseError, connection, transaction
from django.utils import timezone

from motcua.dossiers.audit import verify_chains
from motcua.dossiers.models import DossierEvent
from motcua.dossiers.sample import World
from motcua.stats import check, partitions, snapshots
from motcua.stats.models import AgencyDailyCount

from .helpers import approve, received

postgres_only = pytest.mark.postgresql  # partitions are PostgreSQL's


def _rows(table: str) -> int:
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT count(*) FROM {table}")
        return int(cursor.fetchone()[0])


def _counters() -> list[tuple[object, ...]]:
    rows = AgencyDailyCount.objects.order_by("day").values_list("day", "received_counter", "finished_early")
    return list(rows)


def test_the_partitions_command_builds_the_snapshots_of_begun_months(world: World) -> None:
    dossier = received(world, "2026-01-28 08:00")
    approve(world, dossier, "2026-02-03 16:00")
    out = StringIO()
    call_command("stats", "partitions", "--ahead", "1", "--json", stdout=out)
    done = json.loads(out.getvalue())
    assert done["snapshot_months"][:2] == ["2026-02-01", "2026-03-01"]
    assert snapshots.built_months()[-1] == timezone.localdate().replace(day=1)
    assert check.check() == []
    again = StringIO()
    call_command("stats", "partitions", "--json", stdout=again)
    assert json.loads(again.getvalue())["snapshot_months"] == []  # idempotent


def test_a_negative_ahead_is_refused_with_a_clear_message(db: None) -> None:
    from motcua.core.cli import BadInput

    with pytest.raises(BadInput, match="không âm"):
        call_command("stats", "partitions", "--ahead", "-1")


@postgres_only
def test_events_and_daily_tables_are_partitioned_by_month_with_the_key_in_the_primary_key(db: None) -> None:
    for spec in partitions.SPECS:
        assert partitions.is_partitioned(spec.table)
        assert _constraint(spec.table, "p") == [f"PRIMARY KEY (id, {spec.column})"]
        names = partitions.partitions(spec.table)
        assert f"{spec.table}_default" in names
        assert partitions.month_name(spec.table, timezone.localdate().replace(day=1)) in names
    assert _constraint("dossiers_dossierevent", "u") == ["UNIQUE (dossier_id, seq, at)"]
    assert len(_constraint("dossiers_dossierevent", "f")) == 2  # dossier and actor


def _constraint(table: str, kind: str) -> list[str]:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid = %s::regclass "
            "AND contype = %s ORDER BY conname",
            [table, kind],
        )
        return [row[0] for row in cursor.fetchall()]


@postgres_only
def test_rows_of_a_month_without_partition_move_to_a_new_one_and_stay_exact(world: World) -> None:
    first = received(world, "2024-01-29 08:00")
    approve(world, first, "2024-02-02 16:00")
    received(world, "2024-03-04 08:00")
    snapshots.roll(dt.date(2024, 4, 10))
    default = "stats_agencydailycount_default"
    assert _rows(default) > 0  # months before the migration's first partition
    before = _counters()
    done = partitions.ensure_partitions(ahead=0)
    assert "stats_agencydailycount_p2024_01" in done.created and done.moved > 0
    assert _rows(default) == 0 and _rows("stats_agencydailycount_p2024_03") > 0
    assert _counters() == before
    assert check.check() == []  # the snapshots did not move with the rows
    assert "dossiers_dossierevent_p2024_01" in done.created
    assert _rows("dossiers_dossierevent_default") == 0 and _rows("dossiers_dossierevent_p2024_02") > 0
    received(world, "2024-01-30 08:00")  # the triggers work again, on the new partition too
    assert check.check() == []
    assert list(verify_chains()) == []
    assert partitions.ensure_partitions(ahead=0).created == []


@postgres_only
def test_moved_events_stay_append_only_and_ids_stay_unique(world: World) -> None:
    dossier = received(world, "2024-05-06 08:00")
    partitions.ensure_partitions(ahead=0)
    event = DossierEvent.objects.filter(dossier=dossier).order_by("seq").first()
    assert event is not None
    for sql in ("UPDATE dossiers_dossierevent SET reason = 'x' WHERE id = %s",
                "DELETE FROM dossiers_dossierevent_p2024_05 WHERE id = %s"):
        with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
            with connection.cursor() as cursor:
                cursor.execute(sql, [event.pk])
    later = received(world, "2026-02-02 08:00")
    ids = list(DossierEvent.objects.values_list("id", flat=True))
    assert len(ids) == len(set(ids))
    assert max(ids) in set(later.events.values_list("id", flat=True))


@postgres_only
@pytest.mark.django_db(transaction=True)
def test_two_runs_at_once_create_each_missing_month_once_and_both_succeed() -> None:
    from motcua.core.tests.racing import run_at_once

    far = dt.date(2031, 1, 1)  # months no other test creates
    results = run_at_once(2, lambda _i: partitions.ensure_partitions(ahead=1, today=far))
    try:
        assert not [r for r in results if isinstance(r, Exception)], results
        created = [name for r in results for name in r.created]
        expected = {partitions.month_name(spec.table, month) for spec in partitions.SPECS
                    for month in (far, dt.date(2031, 2, 1))}
        assert sorted(created) == sorted(expected)  # each once, by one run or the other
    finally:
        with connection.cursor() as cursor:
            for spec in partitions.SPECS:
                for month in (far, dt.date(2031, 2, 1)):
                    cursor.execute(f"DROP TABLE IF EXISTS {partitions.month_name(spec.table, month)}")
