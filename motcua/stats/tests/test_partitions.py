"""Monthly partitions of the daily counters on PostgreSQL, created ahead by the daily job;
`motcua stats partitions` also builds the stock snapshots of the months begun (any database)."""

from __future__ import annotations

import datetime as dt
import json
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection
from django.utils import timezone

from motcua.dossiers.sample import World
from motcua.stats import check, partitions, snapshots
from motcua.stats.models import AgencyDailyCount

from .helpers import approve, received

postgres_only = pytest.mark.skipif(connection.vendor != "postgresql", reason="partitions are PostgreSQL's")


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
def test_daily_tables_are_partitioned_by_month_with_the_day_in_the_primary_key(db: None) -> None:
    with connection.cursor() as cursor:
        for table in partitions.PARTITIONED:
            assert partitions.is_partitioned(cursor, table)
            cursor.execute(
                "SELECT pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid = %s::regclass "
                "AND contype = 'p'",
                [table],
            )
            assert cursor.fetchone()[0] == "PRIMARY KEY (id, day)"
            names = partitions.partitions(table)
            assert f"{table}_default" in names
            assert partitions.month_name(table, timezone.localdate().replace(day=1)) in names


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
    received(world, "2024-01-30 08:00")  # the triggers work again, on the new partition too
    assert check.check() == []
    assert partitions.ensure_partitions(ahead=0).created == []
