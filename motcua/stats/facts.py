"""Keep the statistics up to date as dossiers change.

The dossiers service layer calls the one hook (`motcua.dossiers.hooks`) once per event it
appends, inside the transition's transaction; `on_transition` below is the statistics'
handler (subscribed in `StatsConfig.ready`). It updates that dossier's `DossierFact` from the
dossier's current state (so figures and dossiers never disagree) and adds the difference of its
contributions to the daily counters.

The simulator and bulk jobs wrap their work in `deferred()`: the dossiers touched are
collected and refreshed once, in batches, when the block ends — the same function, fewer
queries.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from types import SimpleNamespace
from typing import Any

from django.db import DatabaseError, connection, transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.utils import timezone

from motcua.catalog.models import Channel, ChannelKind, Procedure, ProcedureVersion
from motcua.core import rows
from motcua.dossiers.models import Dossier, DossierEvent, Status
from motcua.dossiers.timeliness import classify_dossier, finish_time
from motcua.stats.models import (
    COUNTER_COLUMNS,
    AgencyDailyCount,
    AgencyStockSnapshot,
    ChannelCode,
    DailyCount,
    DossierFact,
    Outcome,
    StockSnapshot,
    Timeliness,
)
from motcua.worktime.calendars import calendar_for
from motcua.worktime.core import TZ, Classification, WorkCalendar

CHANNEL_CODES = {
    ChannelKind.COUNTER: ChannelCode.COUNTER,
    ChannelKind.ONLINE: ChannelCode.ONLINE,
    ChannelKind.POSTAL: ChannelCode.POSTAL,
}
RECEIVED_COLUMN = {
    ChannelCode.COUNTER: "received_counter",
    ChannelCode.ONLINE: "received_online",
    ChannelCode.POSTAL: "received_postal",
}
TIMELINESS_CODES = {
    Classification.EARLY: Timeliness.EARLY,
    Classification.ON_TIME: Timeliness.ON_TIME,
    Classification.LATE: Timeliness.LATE,
}
FINISHED_COLUMN = {
    Timeliness.EARLY: "finished_early",
    Timeliness.ON_TIME: "finished_on_time",
    Timeliness.LATE: "finished_late",
}

# The fact's columns (attnames), in a fixed order: facts are compared as dicts of these.
FACT_FIELDS: tuple[str, ...] = tuple(
    f.attname for f in DossierFact._meta.concrete_fields if f.attname not in ("dossier_id", "updated_at")
)

Fact = dict[str, Any]
Key = tuple[dt.date, int, int, int]  # day, receiving agency, competent agency, procedure


# ---------------------------------------------------------------------------------------
# Procedure versions: (procedure, field, has a fee), cached per process


_versions: dict[int, tuple[int, int, bool]] = {}


def _version_info(version_ids: Iterable[int]) -> dict[int, tuple[int, int, bool]]:
    wanted = set(version_ids)
    missing = [v for v in wanted if v not in _versions]
    if missing:
        rows = ProcedureVersion.objects.filter(pk__in=missing).values_list(
            "pk", "procedure_id", "procedure__field_id"
        )
        fees = set(
            Channel.objects.filter(version_id__in=missing, fee_amount__gt=0).values_list(
                "version_id", flat=True
            )
        )
        for pk, procedure_id, field_id in rows:
            _versions[pk] = (procedure_id, field_id, pk in fees)
    return {v: _versions[v] for v in wanted}


@receiver(post_save, sender=ProcedureVersion)
@receiver(post_save, sender=Procedure)
@receiver(post_save, sender=Channel)
@receiver(post_delete, sender=Channel)
def _catalog_changed(sender: Any, **kwargs: Any) -> None:
    clear_cache()


def clear_cache() -> None:
    _versions.clear()


# ---------------------------------------------------------------------------------------
# A dossier's fact


def _day(value: dt.datetime | None) -> dt.date | None:
    return value.astimezone(TZ).date() if value is not None else None


def fact_of(dossier: Dossier, cal: WorkCalendar, info: tuple[int, int, bool]) -> Fact:
    """The dossier's statistical row, from its current state only (the rules of timeliness.py)."""
    procedure_id, field_id, version_fee = info
    received = dossier.received_at
    timeliness = Timeliness.NONE
    working = 0
    ended: dt.datetime | None = None
    if dossier.status == Status.WITHDRAWN:
        outcome, ended = Outcome.WITHDRAWN, dossier.withdrawn_at
    elif received is None:
        outcome = Outcome.NOT_RECEIVED
    else:
        ended = finish_time(dossier)
        outcome = Outcome.OPEN if ended is None else Outcome.FINISHED
        if ended is not None:
            classification = classify_dossier(dossier, calendar=cal)
            timeliness = TIMELINESS_CODES[classification] if classification else Timeliness.NONE
            spent = cal.elapsed(received, ended) - (dossier.paused_working or dt.timedelta(0))
            working = max(round(spent.total_seconds() / 60), 0)
    overdue_at = None
    if received is not None and dossier.due_at is not None:
        # A second supplement request makes the dossier late whatever the times (766).
        start = received if dossier.supplement_count > 1 else dossier.due_at
        if ended is None or start < ended:
            overdue_at = start
    return {
        "receiving_agency_id": dossier.receiving_agency_id,
        "competent_agency_id": dossier.competent_agency_id,
        "procedure_id": procedure_id,
        "field_id": field_id,
        "channel": CHANNEL_CODES[ChannelKind(dossier.channel)],
        "submitted_on": _day(dossier.submitted_at),
        "received_at": received,
        "received_on": _day(received),
        "outcome": outcome,
        "ended_at": ended,
        "ended_on": _day(ended),
        "timeliness": timeliness,
        "due_at": dossier.due_at if received is not None else None,
        "overdue_at": overdue_at,
        "overdue_on": _day(overdue_at),
        "refused_on": _day(dossier.refused_at) if dossier.status == Status.REFUSED else None,
        "stopped_on": _day(dossier.stopped_at) if dossier.status == Status.STOPPED else None,
        "returned_on": _day(dossier.returned_at) if dossier.status == Status.RETURNED else None,
        "supplement_count": dossier.supplement_count,
        "working_minutes": working,
        "has_fee": version_fee or bool(dossier.fee_amount),
        "paid_online": dossier.paid_online,
        "has_result": dossier.finished_at is not None,
        "result_electronic": dossier.finished_at is not None and dossier.result_electronic,
    }


def stored_fact(row: DossierFact) -> Fact:
    return {name: getattr(row, name) for name in FACT_FIELDS}


def contributions(fact: Fact) -> dict[Key, Counter[str]]:
    """What one dossier adds to the daily counters (the only definition of every counter)."""
    out: dict[Key, Counter[str]] = defaultdict(Counter)
    r, c, p = fact["receiving_agency_id"], fact["competent_agency_id"], fact["procedure_id"]

    def add(day: dt.date | None, column: str, amount: int = 1) -> None:
        if day is not None and amount:
            out[(day, r, c, p)][column] += amount

    received_on, ended_on, outcome = fact["received_on"], fact["ended_on"], fact["outcome"]
    if received_on is not None:
        add(received_on, RECEIVED_COLUMN[ChannelCode(fact["channel"])])
        if fact["supplement_count"]:
            add(received_on, "received_with_supplement")
        if fact["has_fee"]:
            add(received_on, "fee_dossiers")
            if fact["paid_online"]:
                add(received_on, "paid_online")
    if outcome == Outcome.FINISHED:
        add(ended_on, FINISHED_COLUMN[Timeliness(fact["timeliness"])])
        add(ended_on, "working_minutes", fact["working_minutes"])
        if fact["has_result"]:
            add(ended_on, "results_issued")
            if fact["result_electronic"]:
                add(ended_on, "electronic_results")
    elif outcome == Outcome.WITHDRAWN:
        add(ended_on, "withdrawn" if received_on is not None else "withdrawn_unreceived")
    add(fact["refused_on"], "refused")
    add(fact["stopped_on"], "stopped")
    add(fact["returned_on"], "returned")
    if fact["overdue_on"] is not None:
        add(fact["overdue_on"], "became_overdue")
        if outcome in (Outcome.FINISHED, Outcome.WITHDRAWN):
            add(ended_on, "ended_overdue")
    return out


def _accumulate(total: dict[Key, Counter[str]], fact: Fact, sign: int) -> None:
    for key, counts in contributions(fact).items():
        target = total[key]
        for column, amount in counts.items():
            target[column] += sign * amount


# ---------------------------------------------------------------------------------------
# Writing counters: INSERT … ON CONFLICT DO UPDATE (SQLite ≥ 3.24 and PostgreSQL)


def _upsert(
    model: type[DailyCount] | type[AgencyDailyCount],
    keys: Sequence[str],
    rows: dict[tuple[Any, ...], Counter[str]],
) -> None:
    rows = {k: v for k, v in rows.items() if any(v.values())}
    if not rows:
        return
    table = model._meta.db_table
    quote = connection.ops.quote_name
    columns = [*keys, *COUNTER_COLUMNS]
    placeholders = "(" + ", ".join(["%s"] * len(columns)) + ")"
    updates = ", ".join(
        f"{quote(c)} = {quote(table)}.{quote(c)} + excluded.{quote(c)}" for c in COUNTER_COLUMNS
    )
    # Rows in key order: concurrent transactions lock counter rows in the same order (no deadlock).
    ordered = sorted(rows.items(), key=lambda item: item[0])
    with connection.cursor() as cursor:
        for start in range(0, len(ordered), 500):
            chunk = ordered[start : start + 500]
            sql = (
                f"INSERT INTO {quote(table)} ({', '.join(quote(c) for c in columns)}) VALUES "
                + ", ".join([placeholders] * len(chunk))
                + f" ON CONFLICT ({', '.join(quote(k) for k in keys)}) DO UPDATE SET {updates}"
            )
            params: list[Any] = []
            for key, counts in chunk:
                params.extend(key)
                params.extend(counts.get(c, 0) for c in COUNTER_COLUMNS)
            cursor.execute(sql, params)


FINE_KEYS = ("day", "receiving_agency_id", "competent_agency_id", "procedure_id")
COARSE_KEYS = ("day", "receiving_agency_id", "competent_agency_id")


def apply_delta(delta: dict[Key, Counter[str]]) -> None:
    """Add counter differences to both daily tables (rows in key order: concurrent
    transactions lock counter rows in the same order, so no deadlock)."""
    (fine_moved, fine), (coarse_moved, coarse) = _counter_rows(delta)
    with connection.cursor() as cursor:
        for model, keys, moved, values in (
            (DailyCount, FINE_KEYS, fine_moved, fine),
            (AgencyDailyCount, COARSE_KEYS, coarse_moved, coarse),
        ):
            for start in range(0, len(values), 500):
                chunk = values[start : start + 500]
                cursor.execute(_upsert_sql(model, keys, moved, len(chunk)), [v for row in chunk for v in row])


# ---------------------------------------------------------------------------------------
# Refreshing dossiers


def refresh_dossiers(dossiers: Sequence[Dossier], cal: WorkCalendar | None = None) -> int:
    """Recompute the facts of these dossiers and move the counters by the difference.

    Returns how many facts changed. Call it inside the transaction that changed them.
    """
    if not dossiers:
        return 0
    cal = cal or calendar_for()
    info = _version_info(d.version_id for d in dossiers)
    existing = {row.pk: row for row in DossierFact.objects.filter(pk__in=[d.pk for d in dossiers])}
    delta: dict[Key, Counter[str]] = defaultdict(Counter)
    created: list[DossierFact] = []
    changed: list[DossierFact] = []
    for dossier in dossiers:
        new = fact_of(dossier, cal, info[dossier.version_id])
        row = existing.get(dossier.pk)
        if row is None:
            created.append(DossierFact(dossier_id=dossier.pk, **new))
            _accumulate(delta, new, +1)
            continue
        old = stored_fact(row)
        if old == new:
            continue
        _accumulate(delta, old, -1)
        _accumulate(delta, new, +1)
        for name, value in new.items():
            setattr(row, name, value)
        changed.append(row)
    with transaction.atomic(savepoint=False):
        if created:
            DossierFact.objects.bulk_create(created, batch_size=500)
        if len(changed) == 1:
            changed[0].save()
        elif changed:
            DossierFact.objects.bulk_update(changed, [*FACT_FIELDS, "updated_at"], batch_size=500)
        apply_delta(delta)
    return len(created) + len(changed)


_local = threading.local()


@contextmanager
def deferred() -> Iterator[set[int]]:
    """Collect the dossiers touched in the block and refresh them once when it ends.

    Use inside a transaction (the simulator's batches): the figures are updated before it
    commits. Nested blocks share the outer one's collection.
    """
    outer = getattr(_local, "pending", None)
    if outer is not None:
        yield outer
        return
    pending: set[int] = set()
    _local.pending = pending
    try:
        # Inside the caller's transaction the events, hand-overs and outbox rows are queued
        # and inserted once per table when the block ends (`rows.batch`), before the refresh.
        with rows.batch():
            yield pending
    except BaseException:
        _local.pending = None
        # The caller may catch the error and commit what was done before it: the figures of
        # the dossiers touched are refreshed then too, or the transaction may not commit.
        if not connection.needs_rollback:
            try:
                refresh_ids(sorted(pending))
            except Exception:
                if connection.in_atomic_block:
                    transaction.set_rollback(True)
        raise
    _local.pending = None
    refresh_ids(sorted(pending))


def refresh_ids(ids: Sequence[int], chunk: int = 1000) -> int:
    total = 0
    cal = calendar_for()
    for start in range(0, len(ids), chunk):
        part = list(Dossier.objects.filter(pk__in=ids[start : start + chunk]).order_by("pk"))
        total += refresh_dossiers(part, cal)
    return total


# The dossier columns `fact_of` reads (with `timeliness.finish_time` and `classify_dossier`):
# a transition that changes none of them leaves the fact as it was (test_facts checks the list).
FACT_INPUTS: tuple[str, ...] = (
    "version_id", "receiving_agency_id", "competent_agency_id", "channel", "status",
    "submitted_at", "received_at", "due_at", "finished_at", "returned_at", "stopped_at",
    "refused_at", "withdrawn_at", "paused_at", "paused_working", "supplement_count",
    "fee_amount", "paid_online", "result_electronic",
)


CounterRows = tuple[tuple[str, ...], list[tuple[Any, ...]]]


def _fine_order(key: Key) -> tuple[Any, ...]:
    """(month, procedure, receiving, competent, day). Each daily row's trigger upserts its
    agency's monthly row, then its procedure's monthly row (shared by every agency): in this
    order, writers of disjoint receiving agencies (the simulator's workers) take the shared rows
    in the same order. Not a general guarantee: one statement carrying rows of two competent
    agencies for one procedure can still meet a concurrent writer in the opposite order."""
    day, receiving, competent, procedure = key
    return (day.replace(day=1), procedure, receiving, competent, day)


def _coarse_order(key: tuple[Any, ...]) -> tuple[Any, ...]:
    day, receiving, competent = key
    return (day.replace(day=1), receiving, competent, day)


def _counter_rows(delta: dict[Key, Counter[str]]) -> tuple[CounterRows, CounterRows]:
    """The fine and coarse rows of a difference, zeros left out, in lock order: for each table
    the counter columns any row moves, and each row's key and values of those columns.

    Concurrent transactions must lock counter rows in the same order, or they deadlock — and
    the rows locked include those the tables' triggers upsert: `stats_proceduremonthlycount`
    (month, procedure) is shared by every agency. Ordered by the daily key (day, receiving,
    competent, procedure), two of the simulator's workers (disjoint receiving agencies) each
    locked procedure rows out of order, and one was killed by "deadlock detected" (session 9,
    the intermittent failure of test_two_worker_processes…). Hence the month and procedure
    first, and each monthly row's days together."""
    fine = {k: v for k, v in delta.items() if any(v.values())}
    coarse: dict[tuple[Any, ...], Counter[str]] = defaultdict(Counter)
    for (day, r, c, _p), counts in fine.items():
        coarse[(day, r, c)].update(counts)

    def values(rows: dict[Any, Counter[str]], order: Callable[[Any], tuple[Any, ...]]) -> CounterRows:
        kept = sorted(
            (item for item in rows.items() if any(item[1].values())), key=lambda item: order(item[0])
        )
        moved = tuple(c for c in COUNTER_COLUMNS if any(counts.get(c, 0) for _key, counts in kept))
        return moved, [(*key, *(counts.get(c, 0) for c in moved)) for key, counts in kept]

    return values(fine, _fine_order), values(coarse, _coarse_order)


_SQL: dict[tuple[Any, ...], str] = {}


def _upsert_sql(model: type[DailyCount] | type[AgencyDailyCount], keys: Sequence[str],
                moved: tuple[str, ...], count: int, source: str = "") -> str:
    """INSERT … ON CONFLICT DO UPDATE adding `count` rows to the `moved` counters of a table
    (the others 0 in a new row, unchanged in an existing one). `source`: the rows are taken
    only if that CTE returned a row (PostgreSQL). Kept per shape for the small ones: a
    transition moves few counters of one or two rows, so its statement stays short and
    its parameters few (what the drivers cache the parsing of)."""
    cache = (connection.vendor, model, moved, count, source)
    sql = _SQL.get(cache)
    if sql is not None:
        return sql
    quote = connection.ops.quote_name
    table = quote(model._meta.db_table)
    columns = [*keys, *COUNTER_COLUMNS]
    row = "(" + ", ".join(["%s"] * len(keys) + ["%s" if c in moved else "0" for c in COUNTER_COLUMNS]) + ")"
    updates = ", ".join(f"{quote(c)} = t.{quote(c)} + excluded.{quote(c)}" for c in moved)
    values = ", ".join([row] * count)
    if source:
        values = f"SELECT v.* FROM (VALUES {values}) AS v, {source} WHERE true"
    else:
        values = f"VALUES {values}"
    sql = (
        f"INSERT INTO {table} AS t ({', '.join(quote(c) for c in columns)}) {values}"
        f" ON CONFLICT ({', '.join(quote(k) for k in keys)}) DO UPDATE SET {updates}"
    )
    if count <= 8:
        _SQL[cache] = sql
    return sql


def _fact_update_sql(changed: tuple[str, ...], nulls: tuple[str, ...]) -> str:
    """UPDATE of a fact's changed columns, only if the stored row is exactly the old fact
    (`nulls`: the old fact's empty columns)."""
    cache = (connection.vendor, "fact", changed, nulls)
    sql = _SQL.get(cache)
    if sql is None:
        table = _fact()
        column = table.column
        sets = ", ".join(f"{column[name]} = %s" for name in (*changed, "updated_at"))
        where = " AND ".join(
            f"{column[name]} IS NULL" if name in nulls else f"{column[name]} = %s" for name in FACT_FIELDS
        )
        sql = _SQL[cache] = (
            f"UPDATE {table.name} SET {sets} WHERE {table.pk_column} = %s AND {where}"
        )
    return sql


def _write(fact_sql: str, fact_params: list[Any], delta: dict[Key, Counter[str]],
           missing: Callable[[], None]) -> None:
    """The fact's statement (an INSERT or a conditional UPDATE) and the counter difference;
    `missing` is called when the fact's statement found no row (nothing written then).

    On PostgreSQL one statement (data-modifying WITH: the fact, then the counters only if the
    fact was written), kept for the transition's next statement or its end (`rows.defer`);
    on SQLite one statement per table, at once.
    """
    (fine_moved, fine), (coarse_moved, coarse) = _counter_rows(delta)
    params = list(fact_params)
    if connection.vendor == "postgresql":
        parts = [f"WITH f AS ({fact_sql} RETURNING 1)"]
        for name, model, keys, moved, values in (
            ("fine", DailyCount, FINE_KEYS, fine_moved, fine),
            ("coarse", AgencyDailyCount, COARSE_KEYS, coarse_moved, coarse),
        ):
            if values:
                parts.append(f"{name} AS ({_upsert_sql(model, keys, moved, len(values), 'f')} RETURNING 1)")
                for row in values:
                    params.extend(row)
        sql = ", ".join(parts) + " SELECT count(*) FROM f"

        def written(cursor: Any) -> Callable[[], None] | None:
            return None if cursor.fetchone()[0] else missing

        rows.defer(sql, params, written)
        return
    with connection.cursor() as cursor:
        cursor.execute(fact_sql, params)
        if cursor.rowcount != 1:
            missing()
            return
        for model, keys, moved, values in (
            (DailyCount, FINE_KEYS, fine_moved, fine),
            (AgencyDailyCount, COARSE_KEYS, coarse_moved, coarse),
        ):
            if values:
                sql = _upsert_sql(model, keys, moved, len(values))
                cursor.execute(sql, [v for row in values for v in row])


def _fact() -> rows.Table:
    return rows.table(DossierFact)


def on_transition(dossier: Dossier, event: DossierEvent) -> None:
    """The statistics' handler of the one hook (`dossiers.hooks`, subscribed in `StatsConfig.ready`).

    It runs inside the transition's transaction with the dossier in hand, so figures and
    dossiers never disagree, and it reads nothing it already has:
    - the fact before the event is recomputed from the column values the services read
      under the lock (`dossier._previous_values`); when the event changes none of the columns
      the fact is computed from (`FACT_INPUTS`: a forward, an assignment…), or the fact comes
      out the same, nothing is written;
    - otherwise one UPDATE of the fact's changed columns, conditional on the stored row being
      exactly the old fact (so the difference added to the counters is exact), and one upsert
      per counter table — all three in one statement on PostgreSQL; a new dossier's fact is one
      INSERT (with the counters, likewise). Should the stored row differ (a fact computed under
      another calendar), the dossier is refreshed from its stored fact.
    The statements are built once per process (`motcua.core.rows`). Inside `deferred()` (the
    simulator's batches) the dossier is only collected.
    """
    pending = getattr(_local, "pending", None)
    if pending is not None:
        pending.add(dossier.pk)
        return
    before = dossier._previous_values
    if before is not None and all(before[name] == getattr(dossier, name) for name in FACT_INPUTS):
        return
    cal = calendar_for()
    info = _version_info([dossier.version_id])[dossier.version_id]
    new = fact_of(dossier, cal, info)
    delta: dict[Key, Counter[str]] = defaultdict(Counter)
    if before is None:
        _accumulate(delta, new, +1)
        table = _fact()
        row = table.new(dossier_id=dossier.pk, **new)
        # No connection given: `prep` looks it up only for a value that needs it (through the
        # `connection` proxy each field's preparation cost ~2 µs per attribute read).
        values = [table.value(row, f, True, None) for f in table.fields]
        sql = _FACT_INSERT.get(connection.vendor)
        if sql is None:
            columns = ", ".join(table.column[f.attname] for f in table.fields)
            sql = _FACT_INSERT[connection.vendor] = (
                f"INSERT INTO {table.name} ({columns}) VALUES ({', '.join(['%s'] * len(table.fields))})"
            )
        _write(sql, values, delta, _refused_insert(dossier))
        return
    old = fact_of(SimpleNamespace(**before), cal, _version_info([before["version_id"]])[before["version_id"]])  # type: ignore[arg-type]
    if old == new:
        return
    table = _fact()
    changed = tuple(name for name in FACT_FIELDS if old[name] != new[name])
    nulls = tuple(name for name in FACT_FIELDS if old[name] is None)
    params = [table.prep(name, new[name]) for name in changed]
    params.append(table.prep("updated_at", timezone.now()))
    params.append(dossier.pk)
    params.extend(table.prep(name, old[name]) for name in FACT_FIELDS if old[name] is not None)
    _accumulate(delta, old, -1)
    _accumulate(delta, new, +1)
    def missing() -> None:  # the stored fact is not the one computed before: recompute it
        refresh_dossiers([dossier], cal)

    _write(_fact_update_sql(changed, nulls), params, delta, missing)


def _refused_insert(dossier: Dossier) -> Callable[[], None]:
    def missing() -> None:  # an INSERT writes its row or fails
        raise DatabaseError(f"Dossier {dossier.pk}: its fact was not written.")

    return missing


_FACT_INSERT: dict[str, str] = {}


# ---------------------------------------------------------------------------------------
# Rebuilding everything


def expected_counters(
    facts: Iterable[Fact],
) -> tuple[dict[Key, Counter[str]], dict[tuple[Any, ...], Counter[str]]]:
    """The fine and coarse counters a set of facts implies (zero rows left out)."""
    fine: dict[Key, Counter[str]] = defaultdict(Counter)
    for fact in facts:
        _accumulate(fine, fact, +1)
    coarse: dict[tuple[Any, ...], Counter[str]] = defaultdict(Counter)
    for (day, r, c, _p), counts in fine.items():
        coarse[(day, r, c)].update(counts)
    strip = lambda rows: {k: +v for k, v in rows.items() if any(v.values())}  # noqa: E731
    return strip(fine), strip(coarse)


def compute_all_facts(progress: bool = False, chunk: int = 2000) -> Iterator[tuple[int, Fact]]:
    """(dossier id, fact) for every dossier, recomputed from the dossiers."""
    cal = calendar_for()
    ids = list(Dossier.objects.order_by("pk").values_list("pk", flat=True))
    bar = None
    if progress:
        from tqdm import tqdm

        bar = tqdm(total=len(ids), unit="hồ sơ", disable=None)
    for start in range(0, len(ids), chunk):
        part = list(Dossier.objects.filter(pk__in=ids[start : start + chunk]).order_by("pk"))
        info = _version_info(d.version_id for d in part)
        for dossier in part:
            yield dossier.pk, fact_of(dossier, cal, info[dossier.version_id])
        if bar is not None:
            bar.update(len(part))
    if bar is not None:
        bar.close()


def rebuild(progress: bool = False) -> int:
    """Throw the facts, counters and stock snapshots away and recompute them from the dossiers.
    Returns how many dossiers."""
    from motcua.stats import snapshots

    count = 0
    with transaction.atomic():
        # The snapshots first: with no month built, the triggers have nothing to move.
        StockSnapshot.objects.all().delete()
        AgencyStockSnapshot.objects.all().delete()
        DailyCount.objects.all().delete()
        AgencyDailyCount.objects.all().delete()
        DossierFact.objects.all().delete()
        facts: list[Fact] = []
        batch: list[DossierFact] = []
        for pk, fact in compute_all_facts(progress):
            facts.append(fact)
            batch.append(DossierFact(dossier_id=pk, **fact))
            if len(batch) >= 2000:
                DossierFact.objects.bulk_create(batch)
                batch = []
            count += 1
        DossierFact.objects.bulk_create(batch)
        fine, coarse = expected_counters(facts)
        _upsert(DailyCount, FINE_KEYS, dict(fine))
        _upsert(AgencyDailyCount, COARSE_KEYS, coarse)
        snapshots.rebuild()  # the monthly rows and the stock snapshots, from the new counters
    return count
