"""Stock figures from the monthly snapshots: exact across month boundaries, equal to a full scan,
kept by the triggers whoever writes the counters, checked and rebuilt by the commands."""

from __future__ import annotations

import datetime as dt
import random
from collections import Counter
from typing import Any

import pytest
from django.core.management import call_command
from django.db import connection
from django.db.models import F
from django.test.utils import CaptureQueriesContext

from motcua.dossiers import services
from motcua.dossiers.sample import World, at
from motcua.stats import check, facts, report, snapshots
from motcua.stats.models import COUNTER_COLUMNS, AgencyStockSnapshot, DailyCount, StockSnapshot
from motcua.stats.scope import province_scope

from .helpers import approve, received

D = dt.date.fromisoformat


def _add(key: tuple[int, int, int], day: str, **counts: int) -> None:
    """Counter changes written the way the live hook writes them (facts.apply_delta)."""
    facts.apply_delta({(D(day), *key): Counter(counts)})


def _key(world: World) -> tuple[int, int, int]:
    return (world.ward_center.pk, world.ward_committee.pk, world.birth.procedure_id)


def _stocks(start: str, end: str) -> tuple[int, int, int, int]:
    f = report.figures(province_scope(), D(start), D(end))
    return f.carried_over, f.open_total, f.open_overdue, f.received


def _hand_made(world: World) -> None:
    key = _key(world)
    _add(key, "2026-01-10", received_counter=5)
    _add(key, "2026-01-20", finished_on_time=2)
    _add(key, "2026-01-31", became_overdue=1)
    _add(key, "2026-02-01", received_online=3)
    _add(key, "2026-02-15", finished_late=1, ended_overdue=1, withdrawn=1)
    _add(key, "2026-03-05", received_postal=2, became_overdue=2)


def test_stock_figures_across_month_boundaries_equal_the_hand_computed_ones(world: World) -> None:
    _hand_made(world)
    before = {p: _stocks(*p) for p in PERIODS}
    assert snapshots.roll(D("2026-04-20")) == [D("2026-02-01"), D("2026-03-01"), D("2026-04-01")]
    rows = {
        (m, o, v)
        for m, o, v in AgencyStockSnapshot.objects.exclude(receiving_agency_id=0).values_list(
            "month", "open_count", "overdue_count"
        )
    }
    # Opening stock: 1 Feb 5 − 2 open, 1 overdue; 1 Mar + 3 − 1 − 1 open, 1 − 1 overdue; 1 Apr + 2, + 2.
    assert rows == {(D("2026-02-01"), 3, 1), (D("2026-03-01"), 4, 0), (D("2026-04-01"), 6, 2)}
    # (carried over, open at the end, overdue at the end, received)
    assert _stocks("2026-01-15", "2026-01-31") == (5, 3, 1, 0)
    assert _stocks("2026-02-01", "2026-02-28") == (3, 4, 0, 3)
    assert _stocks("2026-02-10", "2026-03-10") == (6, 6, 2, 2)  # starts and ends mid-month
    assert _stocks("2026-03-01", "2026-03-31") == (4, 6, 2, 2)
    assert _stocks("2026-04-02", "2026-05-31") == (6, 6, 2, 0)  # after the last day counted
    assert _stocks("2025-12-01", "2026-01-09") == (0, 0, 0, 0)  # before the first day counted
    # The same figures as the full scan the report made before any month was built.
    assert {p: _stocks(*p) for p in PERIODS} == before


PERIODS = [
    ("2026-01-15", "2026-01-31"),
    ("2026-02-01", "2026-02-28"),
    ("2026-02-10", "2026-03-10"),
    ("2026-03-01", "2026-03-31"),
    ("2026-04-02", "2026-05-31"),
]


def test_a_back_dated_change_moves_every_built_month_after_its_day(world: World) -> None:
    _hand_made(world)
    snapshots.roll(D("2026-04-20"))
    _add(_key(world), "2026-01-12", received_counter=1, became_overdue=1)
    opening = dict(
        AgencyStockSnapshot.objects.exclude(receiving_agency_id=0).values_list("month", "open_count")
    )
    assert opening == {D("2026-02-01"): 4, D("2026-03-01"): 5, D("2026-04-01"): 7}
    assert _stocks("2026-03-01", "2026-03-31") == (5, 7, 3, 2)
    assert list(snapshots.compare(snapshots.COARSE, _daily_rows(snapshots.COARSE))) == []
    assert list(snapshots.compare(snapshots.FINE, _daily_rows(snapshots.FINE))) == []


def test_a_period_reads_its_days_from_the_snapshot_month_on_not_all_history(world: World) -> None:
    _hand_made(world)
    snapshots.roll(D("2026-04-20"))
    scope = province_scope()
    report.figures(scope, D("2026-03-10"), D("2026-03-20"))  # the calendar is cached
    with CaptureQueriesContext(connection) as queries:
        report.figures(scope, D("2026-03-10"), D("2026-03-20"))
    daily = [q["sql"] for q in queries.captured_queries if "stats_agencydailycount" in q["sql"]]
    assert len(daily) == 1 and "'2026-03-01'" in daily[0]  # the lower bound: March's snapshot
    assert len(queries.captured_queries) == 3  # built months, daily rows, snapshot rows


def test_whole_months_are_read_from_the_monthly_rows(world: World) -> None:
    _hand_made(world)
    snapshots.roll(D("2026-04-20"))
    scope = province_scope()
    report.figures(scope, D("2026-01-15"), D("2026-03-10"))
    with CaptureQueriesContext(connection) as queries:
        f = report.figures(scope, D("2026-01-15"), D("2026-03-10"))
    monthly = [q["sql"] for q in queries.captured_queries if "stats_agencymonthlycount" in q["sql"]]
    assert len(monthly) == 1 and "'2026-02-01'" in monthly[0] and "'2026-03-01'" in monthly[0]
    # Received 3 in February (monthly row) and 2 on 5 March (daily row); 5 before the 15 January.
    assert (f.carried_over, f.received, f.finished, f.open_total, f.open_overdue) == (5, 5, 3, 6, 2)


def _daily_rows(pair: snapshots.Pair) -> dict[tuple[Any, ...], Counter[str]]:
    rows: dict[tuple[Any, ...], Counter[str]] = {}
    for row in pair.daily.objects.values_list("day", *pair.keys, *COUNTER_COLUMNS):
        n = 1 + len(pair.keys)
        rows[tuple(row[:n])] = Counter(dict(zip(COUNTER_COLUMNS, row[n:], strict=True)))
    return rows


def _everything(start: dt.date, end: dt.date) -> tuple[Any, ...]:
    scope = province_scope()
    summary = report.overview(scope, start, end)
    return (
        report.figures(scope, start, end),
        [(line.key, line.figures) for line in report.grouped(scope, start, end, "procedure")],
        [(line.key, line.figures) for line in report.grouped(scope, start, end, "field")],
        [(line.key, line.figures) for line in report.grouped(scope, start, end, "agency")],
        summary.total,
        [(line.key, line.figures) for line in summary.by_unit],
    )


def _scanned(start: dt.date, end: dt.date) -> tuple[int, ...]:
    """(carried over, received, finished, open at the end, overdue at the end) summed over every
    daily row in Python: the definitions, without snapshots or monthly rows."""
    carried = received = finished = withdrawn = overdue = 0
    for (day, *_key), counts in _daily_rows(snapshots.COARSE).items():
        if day < start:
            carried += snapshots.open_of(counts)
        elif day <= end:
            received += sum(counts[c] for c in snapshots.OPEN_PLUS)
            finished += counts["finished_early"] + counts["finished_on_time"] + counts["finished_late"]
            withdrawn += counts["withdrawn"]
        if day <= end:
            overdue += snapshots.overdue_of(counts)
    return carried, received, finished, carried + received - finished - withdrawn, overdue


def _totals(f: Any) -> tuple[int, ...]:
    return f.carried_over, f.received, f.finished, f.open_total, f.open_overdue


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_snapshots_agree_with_a_full_scan_on_random_data(world: World, seed: int) -> None:
    rng = random.Random(seed)
    keys = [
        (r.pk, c.pk, v.procedure_id)
        for r in (world.ward_center, world.other_center)
        for c in (world.ward_committee, world.department)
        for v in (world.birth, world.land)
    ]
    first = D("2025-10-01")

    def random_changes(n: int, last_day: int) -> None:
        for _ in range(n):
            counts = {c: rng.randint(0, 3) for c in rng.sample(COUNTER_COLUMNS, 4)}
            _add(rng.choice(keys), str(first + dt.timedelta(days=rng.randint(0, last_day))), **counts)

    random_changes(150, 240)
    snapshots.roll(D("2026-05-15"))
    random_changes(60, 240)  # after the months were built: back-dated, current and future days
    periods = []
    for _ in range(8):
        a = first + dt.timedelta(days=rng.randint(-20, 260))
        periods.append((a, a + dt.timedelta(days=rng.randint(0, 120))))
    periods.append((D("2026-02-01"), D("2026-02-28")))  # one whole month
    periods.append((D("2025-10-01"), D("2026-05-31")))  # whole months only
    periods.append((D("2025-09-30"), D("2026-06-01")))  # whole months and a day on each side
    with_snapshots = [_everything(a, b) for a, b in periods]
    for a, b in periods:  # the totals against sums over the daily rows, computed here
        assert _scanned(a, b) == _totals(with_snapshots[periods.index((a, b))][0])
    assert StockSnapshot.objects.exclude(receiving_agency_id=0).exists()
    for pair in snapshots.PAIRS:  # the monthly rows are the sums of their days
        n = 1 + len(pair.keys)
        monthly = {
            tuple(row[:n]): Counter(dict(zip(COUNTER_COLUMNS, row[n:], strict=True)))
            for row in pair.monthly.objects.values_list("day", *pair.keys, *COUNTER_COLUMNS)
        }
        assert {k: +v for k, v in monthly.items() if any(v.values())} == snapshots.expected_monthly(
            _daily_rows(pair)
        )
    assert list(snapshots.compare(snapshots.FINE, _daily_rows(snapshots.FINE))) == []
    assert list(snapshots.compare(snapshots.COARSE, _daily_rows(snapshots.COARSE))) == []
    StockSnapshot.objects.all().delete()
    AgencyStockSnapshot.objects.all().delete()
    assert [_everything(a, b) for a, b in periods] == with_snapshots  # the full scan


def _transitions_over_three_months(world: World) -> None:
    first = received(world, "2026-01-28 08:00")
    second = received(world, "2026-01-29 09:00")
    services.request_supplement(
        world.specialist, second, ["Tờ khai"], "Thiếu tờ khai", at=at("2026-02-02 09:00")
    )
    snapshots.roll(D("2026-03-15"))  # February and March built while dossiers are open
    approve(world, first, "2026-02-03 16:00")
    services.receive_supplement(world.receptionist, second, at=at("2026-03-02 08:00"))
    approve(world, second, "2026-03-03 16:00")
    received(world, "2026-03-04 08:00")


def test_live_transitions_keep_the_snapshots_exact_and_check_finds_nothing(world: World) -> None:
    _transitions_over_three_months(world)
    assert snapshots.built_months() == [D("2026-02-01"), D("2026-03-01")]
    assert check.check() == []
    carried, open_end, _overdue, got = _stocks("2026-02-01", "2026-02-28")
    assert (carried, got) == (2, 0) and open_end == 1
    assert _stocks("2026-03-01", "2026-03-31")[:2] == (1, 1)


def test_check_finds_a_tampered_snapshot_and_rebuild_repairs_it(world: World) -> None:
    _transitions_over_three_months(world)
    StockSnapshot.objects.filter(month=D("2026-03-01")).exclude(receiving_agency_id=0).update(
        open_count=F("open_count") + 1
    )
    assert {(d.where, d.column) for d in check.check()} == {("stock", "open_count")}
    call_command("stats", "refresh", "--rebuild")
    assert check.check() == []
    assert snapshots.built_months()[:2] == [D("2026-02-01"), D("2026-03-01")]


def test_refresh_rebuilds_missing_snapshots(world: World) -> None:
    _transitions_over_three_months(world)
    StockSnapshot.objects.exclude(receiving_agency_id=0).delete()  # the months stay marked built
    assert {d.where for d in check.check()} == {"stock"}
    call_command("stats", "refresh")
    assert check.check() == []
    assert StockSnapshot.objects.filter(month=D("2026-03-01")).exclude(receiving_agency_id=0).exists()


def test_a_counter_written_by_hand_moves_the_snapshots_too(world: World) -> None:
    _hand_made(world)
    snapshots.roll(D("2026-04-20"))
    DailyCount.objects.filter(day=D("2026-01-10")).update(received_counter=F("received_counter") + 2)
    assert dict(StockSnapshot.objects.exclude(receiving_agency_id=0).values_list("month", "open_count")) == {
        D("2026-02-01"): 5,
        D("2026-03-01"): 6,
        D("2026-04-01"): 8,
    }
    DailyCount.objects.filter(day=D("2026-01-10")).delete()
    february = StockSnapshot.objects.get(month=D("2026-02-01"), procedure_id=world.birth.procedure_id)
    assert february.open_count == -2


def test_flows_only_figures_skip_the_stocks_and_agree_on_the_flows(world: World) -> None:
    _hand_made(world)
    snapshots.roll(D("2026-04-20"))
    scope = province_scope()
    full = report.figures(scope, D("2026-01-15"), D("2026-03-10"))
    report.figures(scope, D("2026-01-15"), D("2026-03-10"), stocks=False)
    with CaptureQueriesContext(connection) as queries:
        flows = report.figures(scope, D("2026-01-15"), D("2026-03-10"), stocks=False)
    assert len(queries.captured_queries) == 2  # monthly rows, daily rows
    assert (flows.received, flows.finished, flows.withdrawn) == (full.received, full.finished, full.withdrawn)
    assert (flows.carried_over, flows.open_overdue) == (0, 0)


def test_a_daily_row_moved_to_another_day_moves_its_months_and_snapshots(world: World) -> None:
    _hand_made(world)
    snapshots.roll(D("2026-04-20"))
    DailyCount.objects.filter(day=D("2026-01-10")).update(day=D("2026-03-20"))  # 5 received move
    opening = dict(StockSnapshot.objects.exclude(receiving_agency_id=0).values_list("month", "open_count"))
    assert opening == {D("2026-02-01"): -2, D("2026-03-01"): -1, D("2026-04-01"): 6}
    for pair in snapshots.PAIRS[:1]:
        n = 1 + len(pair.keys)
        stored = {
            tuple(row[:n]): Counter(dict(zip(COUNTER_COLUMNS, row[n:], strict=True)))
            for row in pair.monthly.objects.values_list("day", *pair.keys, *COUNTER_COLUMNS)
        }
        assert {k: +v for k, v in stored.items() if any(v.values())} == snapshots.expected_monthly(
            _daily_rows(pair)
        )
    assert list(snapshots.compare(snapshots.FINE, _daily_rows(snapshots.FINE))) == []


def test_a_province_wide_report_by_procedure_reads_the_per_procedure_months(world: World) -> None:
    _hand_made(world)
    other = (world.other_center.pk, world.department.pk, world.land.procedure_id)
    _add(other, "2026-02-10", received_online=4, finished_late=1)
    snapshots.roll(D("2026-04-20"))
    scope = province_scope()
    report.grouped(scope, D("2026-01-15"), D("2026-03-10"), "procedure")
    with CaptureQueriesContext(connection) as queries:
        lines = report.grouped(scope, D("2026-01-15"), D("2026-03-10"), "procedure")
    tables = " ".join(q["sql"] for q in queries.captured_queries)
    assert "stats_proceduremonthlycount" in tables and "stats_monthlycount" not in tables
    by_key = {ln.key: (ln.figures.received, ln.figures.finished, ln.figures.open_total) for ln in lines}
    assert by_key == {world.birth.procedure_id: (5, 3, 6), world.land.procedure_id: (4, 1, 3)}
    # A commune's report reads the agency-pair months (the per-procedure ones mix every agency).
    from motcua.stats.scope import unit_scope

    with CaptureQueriesContext(connection) as queries:
        report.grouped(unit_scope(world.ward_center), D("2026-01-15"), D("2026-03-10"), "procedure")
    assert "stats_proceduremonthlycount" not in " ".join(q["sql"] for q in queries.captured_queries)
    pair = snapshots.FINE
    stored = {
        (row[0], row[1]): Counter(dict(zip(COUNTER_COLUMNS, row[2:], strict=True)))
        for row in pair.province.objects.values_list("day", "procedure_id", *COUNTER_COLUMNS)
    }
    assert {k: +v for k, v in stored.items() if any(v.values())} == snapshots.expected_monthly(
        _daily_rows(pair), province=True
    )
