"""Monthly partitions of the daily counters on PostgreSQL (SQLite: nothing to do).

`stats_dailycount` and `stats_agencydailycount` are `PARTITION BY RANGE (day)` (migration 0004):
one partition per month, `<table>_pYYYY_MM`, and a DEFAULT partition `<table>_default` as a
safety net for a day no partition covers yet (a back-dated simulation, an overdue day far ahead).
Their primary key is `(id, day)` (PostgreSQL requires the partition key in it); Django keeps `id`
as the pk, unique through the table's own sequence.

`ensure_partitions(ahead)` creates the partitions of this month and the next `ahead` months and of
every month found in the DEFAULT partition (moving those rows into their new partition, with the
snapshot triggers switched off for the move: the rows do not change, only where they are stored).
`maintain(ahead)` does that and builds the stock snapshots of the months begun (snapshots.roll):
the job runner calls it once a day (`motcua stats partitions --ahead 2`). DDL never runs inside a
user's transition.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from django.db import connection, transaction
from django.utils import timezone

from motcua.stats import snapshots

# Table → partition column. The dossier events are not partitioned yet: docs/scale.md says why and
# what is left.
PARTITIONED: dict[str, str] = {
    "stats_dailycount": "day",
    "stats_agencydailycount": "day",
}


def month_name(table: str, month: dt.date) -> str:
    return f"{table}_p{month.year:04d}_{month.month:02d}"


def _add_months(day: dt.date, n: int) -> dt.date:
    index = day.year * 12 + day.month - 1 + n
    return dt.date(index // 12, index % 12 + 1, 1)


# ---------------------------------------------------------------------------------------
# Converting a plain table (migration 0004)


def partition_table(cursor: Any, table: str, column: str, ahead: int = 2) -> None:
    """Replace `table` by a table PARTITION BY RANGE (column) with the same columns, rows,
    indexes and unique constraints; the primary key becomes (id, column). PostgreSQL only."""
    cursor.execute(
        "SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema() AND tablename = %s",
        [table],
    )
    indexes = dict(cursor.fetchall())
    cursor.execute(
        """SELECT c.conname, pg_get_constraintdef(c.oid), c.contype FROM pg_constraint c
           WHERE c.conrelid = %s::regclass AND c.contype IN ('p', 'u')""",
        [table],
    )
    constraints = cursor.fetchall()
    constraint_indexes = {name for name, _definition, _kind in constraints}
    cursor.execute(f"SELECT min({column}), max({column}), max(id) FROM {table}")
    first, last, top = cursor.fetchone()
    old = f"{table}_unpartitioned"
    cursor.execute(f"ALTER TABLE {table} RENAME TO {old}")
    for name in indexes:
        cursor.execute(f"ALTER INDEX {name} RENAME TO {name[:40]}_unpartitioned")
    cursor.execute(f"ALTER SEQUENCE IF EXISTS {table}_id_seq RENAME TO {table}_unpartitioned_id_seq")
    cursor.execute(f"CREATE TABLE {table} (LIKE {old} INCLUDING DEFAULTS) PARTITION BY RANGE ({column})")
    cursor.execute(f"CREATE SEQUENCE {table}_id_seq OWNED BY {table}.id")
    cursor.execute(f"ALTER TABLE {table} ALTER COLUMN id SET DEFAULT nextval('{table}_id_seq')")
    cursor.execute(f"CREATE TABLE {table}_default PARTITION OF {table} DEFAULT")
    this_month = timezone.localdate().replace(day=1)
    month = min(first.replace(day=1), this_month) if first else this_month
    end = max(last.replace(day=1), _add_months(this_month, ahead)) if last else _add_months(this_month, ahead)
    while month <= end:
        after = _add_months(month, 1)
        cursor.execute(
            f"CREATE TABLE {month_name(table, month)} PARTITION OF {table} FOR VALUES FROM (%s) TO (%s)",
            [month, after],
        )
        month = after
    cursor.execute(f"INSERT INTO {table} SELECT * FROM {old}")
    if top is not None:
        cursor.execute(f"SELECT setval('{table}_id_seq', %s)", [top])
    cursor.execute(f"DROP TABLE {old}")
    for name, definition, kind in constraints:
        if kind == "p":
            cursor.execute(f"ALTER TABLE {table} ADD CONSTRAINT {name} PRIMARY KEY (id, {column})")
        else:
            cursor.execute(f"ALTER TABLE {table} ADD CONSTRAINT {name} {definition}")
    for name, definition in indexes.items():
        if name not in constraint_indexes:
            cursor.execute(definition)


def unpartition_table(cursor: Any, table: str) -> None:
    """Backwards: the same rows in a plain table again (primary key id)."""
    old = f"{table}_partitioned"
    cursor.execute(
        "SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema() AND tablename = %s",
        [table],
    )
    indexes = dict(cursor.fetchall())
    cursor.execute(
        """SELECT c.conname, pg_get_constraintdef(c.oid), c.contype FROM pg_constraint c
           WHERE c.conrelid = %s::regclass AND c.contype IN ('p', 'u')""",
        [table],
    )
    constraints = cursor.fetchall()
    constraint_indexes = {name for name, _definition, _kind in constraints}
    cursor.execute(f"ALTER TABLE {table} RENAME TO {old}")
    for name in indexes:
        cursor.execute(f"ALTER INDEX {name} RENAME TO {name[:40]}_partitioned")
    cursor.execute(f"CREATE TABLE {table} (LIKE {old} INCLUDING DEFAULTS)")
    cursor.execute(f"INSERT INTO {table} SELECT * FROM {old}")
    cursor.execute(f"ALTER SEQUENCE {table}_id_seq OWNED BY {table}.id")
    cursor.execute(f"DROP TABLE {old} CASCADE")
    for name, definition, kind in constraints:
        if kind == "p":
            cursor.execute(f"ALTER TABLE {table} ADD CONSTRAINT {name} PRIMARY KEY (id)")
        else:
            cursor.execute(f"ALTER TABLE {table} ADD CONSTRAINT {name} {definition}")
    for name, definition in indexes.items():
        if name not in constraint_indexes:
            cursor.execute(definition)


# ---------------------------------------------------------------------------------------
# Future partitions (the job runner)


def is_partitioned(cursor: Any, table: str) -> bool:
    cursor.execute(
        "SELECT 1 FROM pg_partitioned_table p JOIN pg_class c ON c.oid = p.partrelid "
        "WHERE c.relname = %s AND c.relnamespace = current_schema()::regnamespace",
        [table],
    )
    return cursor.fetchone() is not None


@dataclass
class Maintenance:
    created: list[str] = field(default_factory=list)  # partitions created
    moved: int = 0  # rows moved out of DEFAULT partitions
    months: list[dt.date] = field(default_factory=list)  # stock snapshots built


def ensure_partitions(ahead: int = 2, today: dt.date | None = None) -> Maintenance:
    """Create the monthly partitions this month and the next `ahead` need, and those of any month
    whose rows sit in a DEFAULT partition (moved there, unchanged). Idempotent; PostgreSQL only."""
    out = Maintenance()
    if connection.vendor != "postgresql":
        return out
    this_month = (today or timezone.localdate()).replace(day=1)
    wanted = [_add_months(this_month, n) for n in range(ahead + 1)]
    with connection.cursor() as cursor:
        for table, column in PARTITIONED.items():
            if not is_partitioned(cursor, table):
                continue
            cursor.execute(f"SELECT DISTINCT date_trunc('month', {column})::date FROM {table}_default")
            stray = [row[0] for row in cursor.fetchall()]
            for month in sorted(set(wanted) | set(stray)):
                name = month_name(table, month)
                cursor.execute("SELECT to_regclass(%s)", [name])
                if cursor.fetchone()[0] is not None:
                    continue
                after = _add_months(month, 1)
                with transaction.atomic():
                    if month in stray:
                        # The rows do not change, only their storage: no snapshot may move.
                        cursor.execute(f"SET LOCAL {snapshots.TRIGGERS_OFF} = 'on'")
                        cursor.execute(f"LOCK TABLE {table} IN SHARE ROW EXCLUSIVE MODE")
                        cursor.execute(f"CREATE TABLE {name} (LIKE {table} INCLUDING DEFAULTS)")
                        cursor.execute(
                            f"WITH moved AS (DELETE FROM {table}_default WHERE {column} >= %s "
                            f"AND {column} < %s RETURNING *) INSERT INTO {name} SELECT * FROM moved",
                            [month, after],
                        )
                        out.moved += cursor.rowcount
                        cursor.execute(
                            f"ALTER TABLE {table} ATTACH PARTITION {name} FOR VALUES FROM (%s) TO (%s)",
                            [month, after],
                        )
                        # SET LOCAL outlives a savepoint: switch the triggers back on explicitly.
                        cursor.execute(f"SET LOCAL {snapshots.TRIGGERS_OFF} = 'off'")
                    else:
                        cursor.execute(
                            f"CREATE TABLE {name} PARTITION OF {table} FOR VALUES FROM (%s) TO (%s)",
                            [month, after],
                        )
                out.created.append(name)
    return out


def maintain(ahead: int = 2, today: dt.date | None = None) -> Maintenance:
    """What the job runner calls once a day: partitions ahead, then the snapshots of begun months."""
    out = ensure_partitions(ahead, today)
    out.months = snapshots.roll(today)
    return out


def partitions(table: str) -> list[str]:
    """The partitions of a table, by name (empty when it is not partitioned)."""
    if connection.vendor != "postgresql":
        return []
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid "
            "WHERE i.inhparent = %s::regclass ORDER BY c.relname",
            [table],
        )
        return [row[0] for row in cursor.fetchall()]
