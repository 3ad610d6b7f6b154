"""Opening stock per month, so that no report sums every day before its period.

A stock figure is a prefix sum of the daily counters: open on day D = Σ_{day < D} (received −
finished − withdrawn after reception), overdue likewise with (became overdue − ended while
overdue). `StockSnapshot`/`AgencyStockSnapshot` hold that sum on the first day of each *built*
month, per key; a report needing the stock on day D reads the snapshot of the latest built month
M ≤ D and the daily rows of [M, D): at most one month of rows besides the period itself.

Exactness: database triggers on both daily tables (migration 0006, PostgreSQL and SQLite) add
every change of a daily row to the snapshots of the built months after its day, in the same
statement — whoever writes the counters (the live hook, a batch, a rebuild, a repair by hand).
Which months are built is told by one marker row per month whose agencies are 0 (the triggers
read those through a partial index); `roll()` builds the months up to the current one (the job
runner calls it through `maintain()` or `motcua stats partitions`), `rebuild()` throws them away
and builds them again, and `motcua stats check` compares every stored snapshot with the prefix
sums of the counters recomputed from the dossiers.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from django.db import connection, transaction
from django.db.models import F
from django.utils import timezone

from motcua.stats.models import (
    COUNTER_COLUMNS,
    AgencyDailyCount,
    AgencyMonthlyCount,
    AgencyStockSnapshot,
    DailyCount,
    MonthlyCount,
    ProcedureMonthlyCount,
    StockSnapshot,
)

# The daily columns whose prefix sums are the stocks.
OPEN_PLUS = ("received_counter", "received_online", "received_postal")
OPEN_MINUS = ("finished_early", "finished_on_time", "finished_late", "withdrawn")
OVERDUE_PLUS = ("became_overdue",)
OVERDUE_MINUS = ("ended_overdue",)


@dataclass(frozen=True)
class Pair:
    """A daily table and the snapshot table that follows it."""

    daily: Any
    stock: Any
    monthly: Any
    keys: tuple[str, ...]
    province: Any = None  # the per-procedure monthly table, all agencies together (fine only)

    @property
    def daily_table(self) -> str:
        return str(self.daily._meta.db_table)

    @property
    def stock_table(self) -> str:
        return str(self.stock._meta.db_table)

    @property
    def monthly_table(self) -> str:
        return str(self.monthly._meta.db_table)


FINE = Pair(
    DailyCount,
    StockSnapshot,
    MonthlyCount,
    ("receiving_agency_id", "competent_agency_id", "procedure_id"),
    ProcedureMonthlyCount,
)
COARSE = Pair(
    AgencyDailyCount, AgencyStockSnapshot, AgencyMonthlyCount, ("receiving_agency_id", "competent_agency_id")
)
PAIRS = (FINE, COARSE)


def _expr(plus: Iterable[str], minus: Iterable[str], prefix: str = "") -> str:
    return " + ".join(f"{prefix}{c}" for c in plus) + "".join(f" - {prefix}{c}" for c in minus)


def open_sql(prefix: str = "") -> str:
    return _expr(OPEN_PLUS, OPEN_MINUS, prefix)


def overdue_sql(prefix: str = "") -> str:
    return _expr(OVERDUE_PLUS, OVERDUE_MINUS, prefix)


def open_f() -> Any:
    """The open-stock change of a daily row, as an ORM expression."""
    expr: Any = F(OPEN_PLUS[0])
    for c in OPEN_PLUS[1:]:
        expr = expr + F(c)
    for c in OPEN_MINUS:
        expr = expr - F(c)
    return expr


def overdue_f() -> Any:
    return F(OVERDUE_PLUS[0]) - F(OVERDUE_MINUS[0])


def open_of(counts: Any) -> int:
    return sum(counts.get(c, 0) for c in OPEN_PLUS) - sum(counts.get(c, 0) for c in OPEN_MINUS)


def overdue_of(counts: Any) -> int:
    return sum(counts.get(c, 0) for c in OVERDUE_PLUS) - sum(counts.get(c, 0) for c in OVERDUE_MINUS)


def month_start(day: dt.date) -> dt.date:
    return day.replace(day=1)


def next_month(day: dt.date) -> dt.date:
    return (day.replace(day=28) + dt.timedelta(days=4)).replace(day=1)


# ---------------------------------------------------------------------------------------
# The triggers (created by migration 0006)


def _stock_sql(pair: Pair, row: str, o: str, v: str) -> str:
    """Add (o, v) — SQL amounts — to every built month after row.day (nothing when both are 0)."""
    keys = ", ".join(pair.keys)
    values = ", ".join(f"{row}.{k}" for k in pair.keys)
    t = pair.stock_table
    return f"""INSERT INTO {t} (month, {keys}, open_count, overdue_count)
        SELECT m.month, {values}, {o}, {v} FROM {t} m
        WHERE m.receiving_agency_id = 0 AND m.month > {row}.day AND ({o} <> 0 OR {v} <> 0)
        ON CONFLICT (month, {keys}) DO UPDATE SET
            open_count = {t}.open_count + excluded.open_count,
            overdue_count = {t}.overdue_count + excluded.overdue_count;"""


def _monthly_sql(pair: Pair, row: str, amounts: list[str], vendor: str, province: bool = False) -> str:
    """Add `amounts` (SQL, one per counter column) to the monthly row of row.day's month (with
    `province`: to the per-procedure row of the month, all agencies together)."""
    t = pair.province._meta.db_table if province else pair.monthly_table
    key_names = ("procedure_id",) if province else pair.keys
    keys = ", ".join(key_names)
    columns = ", ".join(COUNTER_COLUMNS)
    month = (
        f"date_trunc('month', {row}.day)::date"
        if vendor == "postgresql"
        else f"date({row}.day, 'start of month')"
    )
    sets = ", ".join(f"{c} = {t}.{c} + excluded.{c}" for c in COUNTER_COLUMNS)
    row_keys = ", ".join(f"{row}.{k}" for k in key_names)
    return f"""INSERT INTO {t} (day, {keys}, {columns})
        SELECT {month}, {row_keys}, {", ".join(amounts)} WHERE true
        ON CONFLICT (day, {keys}) DO UPDATE SET {sets};"""


def _move(pair: Pair, vendor: str, row: str, sign: str) -> str:
    """Both tables moved by ±(a whole row): an insert (+NEW) or a delete (−OLD)."""
    amounts = [f"{sign}{row}.{c}" for c in COUNTER_COLUMNS]
    monthly = _monthly_sql(pair, row, amounts, vendor)
    if pair.province is not None:
        monthly += "\n" + _monthly_sql(pair, row, amounts, vendor, province=True)
    stock = _stock_sql(pair, row, f"{sign}({open_sql(row + '.')})", f"{sign}({overdue_sql(row + '.')})")
    return monthly + "\n" + stock


def _change(pair: Pair, vendor: str) -> str:
    """Both tables moved by NEW − OLD: an update that keeps the day and key (every upsert)."""
    amounts = [f"NEW.{c} - OLD.{c}" for c in COUNTER_COLUMNS]
    monthly = _monthly_sql(pair, "NEW", amounts, vendor)
    if pair.province is not None:
        monthly += "\n" + _monthly_sql(pair, "NEW", amounts, vendor, province=True)
    stock = _stock_sql(
        pair,
        "NEW",
        f"({open_sql('NEW.')}) - ({open_sql('OLD.')})",
        f"({overdue_sql('NEW.')}) - ({overdue_sql('OLD.')})",
    )
    return monthly + "\n" + stock


def _same_key(pair: Pair) -> str:
    return " AND ".join(f"NEW.{k} = OLD.{k}" for k in ("day", *pair.keys))


def trigger_sql(vendor: str) -> list[str]:
    """The statements (re)creating the triggers on both daily tables: each change of a daily row
    moves its month's monthly row and the stock snapshots of the built months after its day."""
    out: list[str] = drop_trigger_sql(vendor)
    for pair in PAIRS:
        daily = pair.daily_table
        name = f"{daily}_stock"
        if vendor == "postgresql":
            out.append(f"""
CREATE OR REPLACE FUNCTION {name}() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'UPDATE' AND {_same_key(pair)} THEN
        {_change(pair, vendor)}
        RETURN NULL;
    END IF;
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        {_move(pair, vendor, "OLD", "-")}
    END IF;
    IF TG_OP IN ('UPDATE', 'INSERT') THEN
        {_move(pair, vendor, "NEW", "+")}
    END IF;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;""")
            out.append(
                f"CREATE TRIGGER {name} AFTER INSERT OR UPDATE OR DELETE ON {daily} "
                f"FOR EACH ROW EXECUTE FUNCTION {name}();"
            )
        elif vendor == "sqlite":
            old, new = _move(pair, vendor, "OLD", "-"), _move(pair, vendor, "NEW", "+")
            same = _same_key(pair)
            out.append(f"CREATE TRIGGER {name}_insert AFTER INSERT ON {daily} FOR EACH ROW BEGIN {new} END;")
            out.append(f"CREATE TRIGGER {name}_delete AFTER DELETE ON {daily} FOR EACH ROW BEGIN {old} END;")
            out.append(
                f"CREATE TRIGGER {name}_update AFTER UPDATE ON {daily} FOR EACH ROW WHEN {same} "
                f"BEGIN {_change(pair, vendor)} END;"
            )
            out.append(
                f"CREATE TRIGGER {name}_rekey AFTER UPDATE ON {daily} FOR EACH ROW WHEN NOT ({same}) "
                f"BEGIN {old} {new} END;"
            )
    return out


def drop_trigger_sql(vendor: str) -> list[str]:
    out: list[str] = []
    for pair in PAIRS:
        daily = pair.daily_table
        name = f"{daily}_stock"
        if vendor == "postgresql":
            out.append(f"DROP TRIGGER IF EXISTS {name} ON {daily};")
            out.append(f"DROP FUNCTION IF EXISTS {name}();")
        elif vendor == "sqlite":
            out.extend(
                f"DROP TRIGGER IF EXISTS {name}_{op};" for op in ("insert", "delete", "update", "rekey")
            )
    return out


# ---------------------------------------------------------------------------------------
# Which months are built, and building them


def built_months(pair: Pair = COARSE) -> list[dt.date]:
    return list(
        pair.stock.objects.filter(receiving_agency_id=0).order_by("month").values_list("month", flat=True)
    )


def bases(months: list[dt.date], start: dt.date, end: dt.date) -> tuple[dt.date | None, dt.date | None]:
    """The snapshots a period reads: the latest built month ≤ its start (the stock carried over)
    and the latest ≤ the day after its end (the stock at its end); None: sum from the first day."""
    after = end + dt.timedelta(days=1)
    first = max((m for m in months if m <= start), default=None)
    last = max((m for m in months if m <= after), default=None)
    return first, last


def _lock(pair: Pair) -> None:
    """Writers of the daily table wait while a month is built (its sums and marker agree)."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(f"LOCK TABLE {pair.daily_table} IN SHARE MODE")


def build_month(pair: Pair, month: dt.date) -> None:
    """Write the snapshot of `month` from the latest built month before it (or from the first day)
    and the daily rows in between, then its marker. Inside a transaction."""
    if pair.stock.objects.filter(receiving_agency_id=0, month=month).exists():
        return
    base = pair.stock.objects.filter(receiving_agency_id=0, month__lt=month).order_by("-month").first()
    keys = ", ".join(pair.keys)
    marker_values = ", ".join(["0"] * len(pair.keys))
    params: list[Any] = [month]
    if base is not None:
        previous = (
            f"SELECT {keys}, open_count AS o, overdue_count AS v FROM {pair.stock_table} "
            f"WHERE month = %s AND receiving_agency_id <> 0 UNION ALL "
        )
        params.append(base.month)
        window = "day >= %s AND day < %s"
        params.extend([base.month, month])
    else:
        previous = ""
        window = "day < %s"
        params.append(month)
    with connection.cursor() as cursor:
        cursor.execute(
            f"""INSERT INTO {pair.stock_table} (month, {keys}, open_count, overdue_count)
            SELECT %s, {keys}, SUM(o), SUM(v) FROM (
                {previous}
                SELECT {keys}, {open_sql()} AS o, {overdue_sql()} AS v FROM {pair.daily_table} WHERE {window}
            ) AS x GROUP BY {keys} HAVING SUM(o) <> 0 OR SUM(v) <> 0""",
            params,
        )
        cursor.execute(
            f"INSERT INTO {pair.stock_table} (month, {keys}, open_count, overdue_count) "
            f"VALUES (%s, {marker_values}, 0, 0)",
            [month],
        )


def roll(until: dt.date | None = None) -> list[dt.date]:
    """Build every month after the first counted day up to the month of `until` (default: today).

    Idempotent; returns the months built now. Months after today are never built (every live
    transition would then move them too).
    """
    last = month_start(until or timezone.localdate())
    made: list[dt.date] = []
    for pair in PAIRS:
        with transaction.atomic():
            _lock(pair)
            first_day = pair.daily.objects.order_by("day").values_list("day", flat=True).first()
            if first_day is None:
                continue
            have = set(built_months(pair))
            month = next_month(first_day)
            while month <= last:
                if month not in have:
                    build_month(pair, month)
                    if pair is COARSE:
                        made.append(month)
                month = next_month(month)
    return made


def rebuild(until: dt.date | None = None) -> list[dt.date]:
    """Throw every snapshot and monthly row away and build them again from the daily counters."""
    with transaction.atomic():
        for pair in PAIRS:
            _lock(pair)
            pair.stock.objects.all().delete()
            pair.monthly.objects.all().delete()
            keys = ", ".join(pair.keys)
            columns = ", ".join(COUNTER_COLUMNS)
            sums = ", ".join(f"SUM({c})" for c in COUNTER_COLUMNS)
            month = "date_trunc('month', day)::date" if connection.vendor == "postgresql" else (
                "date(day, 'start of month')"
            )
            with connection.cursor() as cursor:
                cursor.execute(
                    f"INSERT INTO {pair.monthly_table} (day, {keys}, {columns}) "
                    f"SELECT {month}, {keys}, {sums} FROM {pair.daily_table} GROUP BY {month}, {keys}"
                )
                if pair.province is not None:
                    pair.province.objects.all().delete()
                    cursor.execute(
                        f"INSERT INTO {pair.province._meta.db_table} (day, procedure_id, {columns}) "
                        f"SELECT day, procedure_id, {sums} FROM {pair.monthly_table} "
                        "GROUP BY day, procedure_id"
                    )
        return roll(until)


# ---------------------------------------------------------------------------------------
# Checking


def expected_monthly(
    rows: dict[tuple[Any, ...], Counter[str]], province: bool = False
) -> dict[tuple[Any, ...], Counter[str]]:
    """The monthly rows that daily rows keyed (day, *key) add up to (zero rows left out); with
    `province`, keyed (month, procedure) from fine rows (day, receiving, competent, procedure)."""
    out: dict[tuple[Any, ...], Counter[str]] = defaultdict(Counter)
    for (day, *key), counts in rows.items():
        out[(month_start(day), key[-1]) if province else (month_start(day), *key)].update(counts)
    return {k: +v for k, v in out.items() if any(v.values())}


@dataclass(frozen=True)
class StockDifference:
    table: str  # "stock" or "agency_stock"
    key: tuple[Any, ...]  # month, agencies[, procedure]
    column: str
    stored: int
    expected: int


def expected_snapshots(
    rows: dict[tuple[Any, ...], Counter[str]], months: list[dt.date]
) -> dict[dt.date, dict[tuple[Any, ...], tuple[int, int]]]:
    """For each month, the prefix sums (open, overdue) per key of daily rows keyed (day, *key)."""
    out: dict[dt.date, dict[tuple[Any, ...], tuple[int, int]]] = {}
    running: dict[tuple[Any, ...], list[int]] = defaultdict(lambda: [0, 0])
    ordered = sorted(rows.items(), key=lambda item: item[0][0])
    i = 0
    for month in sorted(months):
        while i < len(ordered) and ordered[i][0][0] < month:
            key, counts = ordered[i]
            total = running[key[1:]]
            total[0] += open_of(counts)
            total[1] += overdue_of(counts)
            i += 1
        out[month] = {k: (o, v) for k, (o, v) in running.items() if o or v}
    return out


def compare(
    pair: Pair, expected_rows: dict[tuple[Any, ...], Counter[str]]
) -> Iterator[StockDifference]:
    """Every stored snapshot value that differs from the prefix sums of `expected_rows`."""
    table = "stock" if pair is FINE else "agency_stock"
    months = built_months(pair)
    want = expected_snapshots(expected_rows, months)
    stored: dict[dt.date, dict[tuple[Any, ...], tuple[int, int]]] = defaultdict(dict)
    for month, *rest in (
        pair.stock.objects.exclude(receiving_agency_id=0)
        .values_list("month", *pair.keys, "open_count", "overdue_count")
        .iterator(chunk_size=5000)
    ):
        key, (o, v) = tuple(rest[: len(pair.keys)]), rest[len(pair.keys) :]
        if o or v:
            stored[month][key] = (o, v)
    for month in sorted(set(stored) | set(want)):
        if month not in want:
            yield StockDifference(table, (month,), "month", 1, 0)  # rows of a month never built
            continue
        have, expected = stored.get(month, {}), want[month]
        for key in sorted(set(have) | set(expected), key=repr):
            h, e = have.get(key, (0, 0)), expected.get(key, (0, 0))
            for column, a, b in (("open_count", h[0], e[0]), ("overdue_count", h[1], e[1])):
                if a != b:
                    yield StockDifference(table, (month, *key), column, a, b)
