"""Monthly declarative partitions on PostgreSQL (SQLite: nothing is partitioned).

A partitioned table `t` has one partition per month, `t_pYYYY_MM` (months of Vietnam's local
time), and a DEFAULT partition `t_default`, the safety net for a row no partition covers yet (a
back-dated simulation, a day far ahead). PostgreSQL requires the partition column in every
primary key and unique constraint: the primary key becomes `(id, column)` (Django keeps `id` as
the pk, unique through the table's sequence) and each unique constraint gains the column.

`partition_table` converts a plain table (used by migrations, inside their transaction);
`ensure_months` creates the partitions of the months asked for and of every month found in the
DEFAULT partition. It moves those rows without firing a row trigger (the DEFAULT partition is
detached, its rows copied into the new standalone partitions, emptied by TRUNCATE and attached
again), so the append-only trigger of the events and the stock triggers of the statistics
neither refuse nor count a move that changes nothing but storage.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

LOCAL_ZONE = "Asia/Ho_Chi_Minh"


@dataclass(frozen=True)
class Spec:
    table: str
    column: str
    timestamp: bool = False  # a timestamptz column: months start at local midnight

    def local_day(self, prefix: str = "") -> str:
        """SQL: the local day of a row."""
        if self.timestamp:
            return f"({prefix}{self.column} AT TIME ZONE '{LOCAL_ZONE}')::date"
        return f"{prefix}{self.column}"

    def bound(self, month: dt.date) -> str:
        """SQL literal: where a month starts."""
        if self.timestamp:
            return f"'{month.isoformat()} 00:00:00+07'"
        return f"'{month.isoformat()}'"


def month_name(table: str, month: dt.date) -> str:
    return f"{table}_p{month.year:04d}_{month.month:02d}"


def add_months(day: dt.date, n: int) -> dt.date:
    index = day.year * 12 + day.month - 1 + n
    return dt.date(index // 12, index % 12 + 1, 1)


def _definitions(
    cursor: Any, table: str
) -> tuple[dict[str, str], list[tuple[str, str, str]], dict[str, str]]:
    """Indexes (name → CREATE INDEX), constraints (name, definition, kind: p/u/f) and triggers
    (name → CREATE TRIGGER) of a table, user-defined ones only."""
    cursor.execute(
        "SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema() AND tablename = %s",
        [table],
    )
    indexes = dict(cursor.fetchall())
    cursor.execute(
        """SELECT conname, pg_get_constraintdef(oid), contype FROM pg_constraint
           WHERE conrelid = %s::regclass AND contype IN ('p', 'u', 'f') ORDER BY contype, conname""",
        [table],
    )
    constraints = cursor.fetchall()
    cursor.execute(
        "SELECT tgname, pg_get_triggerdef(oid) FROM pg_trigger WHERE tgrelid = %s::regclass "
        "AND NOT tgisinternal AND tgparentid = 0",
        [table],
    )
    triggers = dict(cursor.fetchall())
    return indexes, constraints, triggers


def _with_column(definition: str, column: str) -> str:
    """UNIQUE (a, b) → UNIQUE (a, b, column)."""
    head, _, rest = definition.partition("(")
    columns, _, tail = rest.partition(")")
    names = [c.strip() for c in columns.split(",")]
    if column not in names:
        names.append(column)
    return f"{head}({', '.join(names)}){tail}"


def partition_table(cursor: Any, spec: Spec, today: dt.date, ahead: int = 2) -> None:
    """Replace `spec.table` by a table PARTITION BY RANGE (column) holding the same rows, with the
    same columns, defaults, checks, indexes, constraints (the partition column added to the primary
    and unique keys) and triggers (on the parent: PostgreSQL clones them onto every partition)."""
    table, column = spec.table, spec.column
    indexes, constraints, triggers = _definitions(cursor, table)
    cursor.execute(f"SELECT min({spec.local_day()}), max({spec.local_day()}), max(id) FROM {table}")
    first, last, top = cursor.fetchone()
    old = f"{table}_unpartitioned"
    for name in triggers:
        cursor.execute(f"DROP TRIGGER {name} ON {table}")
    for name, _definition, kind in constraints:
        if kind == "f":
            cursor.execute(f"ALTER TABLE {table} DROP CONSTRAINT {name}")
    cursor.execute(f"ALTER TABLE {table} RENAME TO {old}")
    for name in indexes:
        cursor.execute(f"ALTER INDEX {name} RENAME TO {name[:40]}_unpartitioned")
    cursor.execute(f"ALTER SEQUENCE IF EXISTS {table}_id_seq RENAME TO {table}_unpartitioned_id_seq")
    cursor.execute(
        f"CREATE TABLE {table} (LIKE {old} INCLUDING DEFAULTS INCLUDING CONSTRAINTS) "
        f"PARTITION BY RANGE ({column})"
    )
    cursor.execute(f"CREATE SEQUENCE {table}_id_seq OWNED BY {table}.id")
    cursor.execute(f"ALTER TABLE {table} ALTER COLUMN id SET DEFAULT nextval('{table}_id_seq')")
    cursor.execute(f"CREATE TABLE {table}_default PARTITION OF {table} DEFAULT")
    this_month = today.replace(day=1)
    month = min(first.replace(day=1), this_month) if first else this_month
    end = add_months(this_month, ahead)
    if last is not None:
        end = max(end, last.replace(day=1))
    while month <= end:
        after = add_months(month, 1)
        cursor.execute(
            f"CREATE TABLE {month_name(table, month)} PARTITION OF {table} "
            f"FOR VALUES FROM ({spec.bound(month)}) TO ({spec.bound(after)})"
        )
        month = after
    cursor.execute(f"INSERT INTO {table} SELECT * FROM {old}")
    if top is not None:
        cursor.execute(f"SELECT setval('{table}_id_seq', %s)", [top])
    cursor.execute(f"DROP TABLE {old}")
    for name, definition, kind in constraints:
        if kind == "p":
            cursor.execute(f"ALTER TABLE {table} ADD CONSTRAINT {name} PRIMARY KEY (id, {column})")
        elif kind == "u":
            cursor.execute(f"ALTER TABLE {table} ADD CONSTRAINT {name} {_with_column(definition, column)}")
        else:
            cursor.execute(f"ALTER TABLE {table} ADD CONSTRAINT {name} {definition}")
    constraint_names = {name for name, _d, _k in constraints}
    for name, definition in indexes.items():
        if name not in constraint_names:
            cursor.execute(definition)
    for definition in triggers.values():
        cursor.execute(definition)


def unpartition_table(cursor: Any, spec: Spec) -> None:
    """Backwards: the same rows in a plain table (primary key id, unique keys without the column)."""
    table, column = spec.table, spec.column
    indexes, constraints, triggers = _definitions(cursor, table)
    old = f"{table}_partitioned"
    for name in triggers:
        cursor.execute(f"DROP TRIGGER {name} ON {table}")
    for name, _definition, kind in constraints:
        if kind == "f":
            cursor.execute(f"ALTER TABLE {table} DROP CONSTRAINT {name}")
    cursor.execute(f"ALTER TABLE {table} RENAME TO {old}")
    for name in indexes:
        cursor.execute(f"ALTER INDEX {name} RENAME TO {name[:40]}_partitioned")
    cursor.execute(f"CREATE TABLE {table} (LIKE {old} INCLUDING DEFAULTS INCLUDING CONSTRAINTS)")
    cursor.execute(f"INSERT INTO {table} SELECT * FROM {old}")
    cursor.execute(f"ALTER SEQUENCE {table}_id_seq OWNED BY {table}.id")
    cursor.execute(f"DROP TABLE {old} CASCADE")
    for name, definition, kind in constraints:
        if kind == "p":
            cursor.execute(f"ALTER TABLE {table} ADD CONSTRAINT {name} PRIMARY KEY (id)")
        elif kind == "u":
            unique = definition.replace(f", {column})", ")")
            cursor.execute(f"ALTER TABLE {table} ADD CONSTRAINT {name} {unique}")
        else:
            cursor.execute(f"ALTER TABLE {table} ADD CONSTRAINT {name} {definition}")
    constraint_names = {name for name, _d, _k in constraints}
    for name, definition in indexes.items():
        if name not in constraint_names:
            cursor.execute(definition)
    for definition in triggers.values():
        cursor.execute(definition)


def is_partitioned(cursor: Any, table: str) -> bool:
    cursor.execute(
        "SELECT 1 FROM pg_partitioned_table p JOIN pg_class c ON c.oid = p.partrelid "
        "WHERE c.relname = %s AND c.relnamespace = current_schema()::regnamespace",
        [table],
    )
    return cursor.fetchone() is not None


def partitions(cursor: Any, table: str) -> list[str]:
    cursor.execute(
        "SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid "
        "WHERE i.inhparent = %s::regclass ORDER BY c.relname",
        [table],
    )
    return [row[0] for row in cursor.fetchall()]


def ensure_months(cursor: Any, spec: Spec, months: list[dt.date]) -> tuple[list[str], int]:
    """Create the partitions of `months` and of the months whose rows sit in the DEFAULT partition
    (moved into them). Returns the partitions created and how many rows moved. Run it inside a
    transaction (it locks the table while it moves rows)."""
    table, default = spec.table, f"{spec.table}_default"
    cursor.execute(f"SELECT DISTINCT date_trunc('month', {spec.local_day()})::date FROM {default}")
    stray = sorted(row[0] for row in cursor.fetchall())
    created: list[str] = []
    moved = 0
    if stray:
        # No row trigger may fire: the rows move, they do not change.
        cursor.execute(f"ALTER TABLE {table} DETACH PARTITION {default}")
        for month in stray:
            name, after = month_name(table, month), add_months(month, 1)
            cursor.execute("SELECT to_regclass(%s)", [name])
            exists = cursor.fetchone()[0] is not None
            if not exists:
                cursor.execute(f"CREATE TABLE {name} (LIKE {table} INCLUDING DEFAULTS INCLUDING CONSTRAINTS)")
            cursor.execute(
                f"INSERT INTO {name} SELECT * FROM {default} "
                f"WHERE {spec.column} >= {spec.bound(month)} AND {spec.column} < {spec.bound(after)}"
            )
            moved += cursor.rowcount
            if not exists:
                cursor.execute(
                    f"ALTER TABLE {table} ATTACH PARTITION {name} "
                    f"FOR VALUES FROM ({spec.bound(month)}) TO ({spec.bound(after)})"
                )
                created.append(name)
        # Deferred foreign-key checks of rows written earlier in this transaction would block the
        # TRUNCATE: run them now, then defer again (Django's foreign keys are INITIALLY DEFERRED).
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        cursor.execute("SET CONSTRAINTS ALL DEFERRED")
        cursor.execute(f"TRUNCATE {default}")
        cursor.execute(f"ALTER TABLE {table} ATTACH PARTITION {default} DEFAULT")
    for month in sorted(set(months) - set(stray)):
        name, after = month_name(table, month), add_months(month, 1)
        cursor.execute("SELECT to_regclass(%s)", [name])
        if cursor.fetchone()[0] is None:
            cursor.execute(
                f"CREATE TABLE {name} PARTITION OF {table} "
                f"FOR VALUES FROM ({spec.bound(month)}) TO ({spec.bound(after)})"
            )
            created.append(name)
    return created, moved
