"""The monthly partitions of the big tables on PostgreSQL, kept ahead by the daily job.

Partitioned (motcua.core.partitions): `stats_dailycount` and `stats_agencydailycount` by `day`
(stats migration 0004) and `dossiers_dossierevent` by `at`, local months (dossiers migration
0011). `maintain(ahead)` — what the job runner calls once a day, also as
`motcua stats partitions --ahead N` — creates the partitions of this month and the next `ahead`
months of every partitioned table, moves rows that landed in a DEFAULT partition into their own
month's partition, then builds the stock snapshots of the months begun (snapshots.roll). DDL never
runs inside a user's transition. SQLite: only the snapshots.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.db import connection, transaction
from django.utils import timezone

from motcua.core import partitions as core
from motcua.core.partitions import Spec
from motcua.stats import snapshots

SPECS = (
    Spec("stats_dailycount", "day"),
    Spec("stats_agencydailycount", "day"),
    Spec("dossiers_dossierevent", "at", timestamp=True),
)
PARTITIONED = [spec.table for spec in SPECS]


def month_name(table: str, month: dt.date) -> str:
    return core.month_name(table, month)


def is_partitioned(table: str) -> bool:
    if connection.vendor != "postgresql":
        return False
    with connection.cursor() as cursor:
        return core.is_partitioned(cursor, table)


def partitions(table: str) -> list[str]:
    """The partitions of a table, by name (empty when it is not partitioned)."""
    if not is_partitioned(table):
        return []
    with connection.cursor() as cursor:
        return core.partitions(cursor, table)


@dataclass
class Maintenance:
    created: list[str] = field(default_factory=list)  # partitions created
    moved: int = 0  # rows moved out of DEFAULT partitions
    months: list[dt.date] = field(default_factory=list)  # stock snapshots built


def ensure_partitions(ahead: int = 2, today: dt.date | None = None) -> Maintenance:
    """The partitions of this month and the next `ahead`, and of any month whose rows sit in a
    DEFAULT partition (moved there, unchanged). Idempotent; nothing on SQLite."""
    out = Maintenance()
    if connection.vendor != "postgresql":
        return out
    this_month = (today or timezone.localdate()).replace(day=1)
    wanted = [core.add_months(this_month, n) for n in range(ahead + 1)]
    for spec in SPECS:
        with transaction.atomic(), connection.cursor() as cursor:
            # Two runs at once (two workers started together, or the command beside the job) would
            # both find a month missing and both create it, the second failing: one at a time.
            cursor.execute("SELECT pg_advisory_xact_lock(hashtext(%s))", [f"motcua.partitions.{spec.table}"])
            if not core.is_partitioned(cursor, spec.table):
                continue
            created, moved = core.ensure_months(cursor, spec, wanted)
        out.created.extend(created)
        out.moved += moved
    return out


def maintain(ahead: int = 2, today: dt.date | None = None) -> Maintenance:
    """What the job runner calls once a day: partitions ahead, then the snapshots of begun months."""
    out = ensure_partitions(ahead, today)
    out.months = snapshots.roll(today)
    return out
