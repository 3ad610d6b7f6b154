"""The simulator drives the real services; the report agrees with `motcua dossiers export`."""

from __future__ import annotations

import datetime as dt
import io
import json
import multiprocessing
import os
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command
from django.db import connection, transaction

from motcua.core.forked import WorkerFailed
from motcua.dossiers import services
from motcua.dossiers.models import Dossier, DossierEvent, DossierSequence, Status
from motcua.dossiers.sample import World, build_world
from motcua.stats import check
from motcua.stats.models import (
    AgencyDailyCount,
    AgencyMonthlyCount,
    AgencyStockSnapshot,
    DailyCount,
    MonthlyCount,
    ProcedureMonthlyCount,
    StockSnapshot,
)
from motcua.stats.report import figures
from motcua.stats.scope import province_scope
from motcua.stats.simulator import Simulation, _cumulative, offers, partition_by_agency, prepare_cast

START, END = dt.date(2026, 3, 2), dt.date(2026, 3, 13)


def test_report_agrees_with_a_recomputation_from_the_export(
    world: World, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    result = Simulation("20", START, END, 500, 0.6, seed=11, progress=False).run()
    assert result.dossiers == 500 and not result.errors
    # Driven through the services: every dossier has its hash-chained events.
    assert DossierEvent.objects.values("dossier").distinct().count() == Dossier.objects.count() == 500
    path = tmp_path / "export.jsonl"
    call_command(
        "dossiers",
        "export",
        "--from",
        START.isoformat(),
        "--to",
        END.isoformat(),
        "--format",
        "jsonl",
        "--output",
        str(path),
        stderr=io.StringIO(),
    )
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    assert len(rows) == 500
    received = [r for r in rows if r["received_at"]]
    open_rows = [
        r for r in received if r["status"] in (Status.RECEIVED, Status.PROCESSING, Status.PAYMENT_REQUESTED)
    ]
    closed = [r for r in received if r not in open_rows and r["status"] != Status.WITHDRAWN]
    total = figures(province_scope(), START, END)
    channels = Counter(r["channel"] for r in received)
    assert (total.received_online, total.received_counter, total.received_postal) == (
        channels["online"],
        channels["counter"],
        channels["postal"],
    )
    finished = Counter(r["timeliness"] for r in closed)
    assert (total.finished_early, total.finished_on_time, total.finished_late) == (
        finished["early"],
        finished["on_time"],
        finished["late"],
    )
    assert total.open_overdue == sum(r["timeliness"] == "late" for r in open_rows)
    assert total.open_within == sum(r["timeliness"] == "" for r in open_rows)
    assert total.withdrawn_total == sum(r["status"] == Status.WITHDRAWN for r in rows)
    assert total.refused == sum(r["status"] == Status.REFUSED for r in rows)
    assert total.carried_over == 0
    # Dossier by dossier, and the full recomputation.
    assert check.compare_export(path, START, END).differences == []
    # Read back in several batches too, as a province-sized export is.
    monkeypatch.setattr(check, "EXPORT_BATCH", 64)
    batched = check.compare_export(path, START, END)
    assert batched.rows == 500 and batched.differences == []
    assert check.check() == []


class _Rollback(Exception):
    pass


def _snapshot(seed: int) -> list[tuple[object, ...]]:
    try:
        with transaction.atomic():
            Simulation("20", START, END, 12, 0.5, seed=seed, progress=False).run()
            rows: list[tuple[object, ...]] = list(
                Dossier.objects.order_by("code").values_list(
                    "code", "version__procedure__code", "channel", "status", "received_at", "finished_at"
                )
            )
            raise _Rollback
    except _Rollback:
        return rows


def test_the_simulation_is_deterministic_for_a_seed(world: World) -> None:
    first, again, other = _snapshot(5), _snapshot(5), _snapshot(6)
    assert len(first) == 12
    assert first == again
    assert first != other


def test_simulate_command_reports_its_rate(world: World) -> None:
    out = io.StringIO()
    call_command(
        "simulate",
        "--province",
        "20",
        "--from",
        "2026-03-02",
        "--to",
        "2026-03-06",
        "--dossiers",
        "5",
        "--seed",
        "1",
        "--json",
        stdout=out,
    )
    data = json.loads(out.getvalue())
    assert data["dossiers"] == 5 and data["dossiers_per_second"] > 0


def test_the_simulation_reports_progress_after_each_batch(world: World) -> None:
    seen: list[tuple[int, int]] = []
    Simulation("20", START, END, 25, 0.5, seed=3, progress=False, batch=10,
               on_progress=lambda done, total: seen.append((done, total))).run()
    assert seen == [(10, 25), (20, 25), (25, 25)]


def test_progress_lines_reach_a_file_every_two_per_cent(world: World) -> None:
    out = io.StringIO()  # not a terminal: a tqdm bar would print nothing here
    call_command("simulate", "--from", "2026-03-02", "--to", "2026-03-06", "--dossiers", "50",
                 "--batch", "1", "--seed", "2", stdout=out)
    lines = [line for line in out.getvalue().splitlines() if line.startswith("Mô phỏng:")]
    assert len(lines) == 50  # one dossier = 2 %: one line per batch
    assert lines[0].startswith("Mô phỏng: 2% (1/50)") and "hồ sơ/giây" in lines[0]
    assert lines[-1].startswith("Mô phỏng: 100% (50/50)")


def test_progress_goes_to_stderr_with_json_so_stdout_stays_one_object(world: World) -> None:
    out, err = io.StringIO(), io.StringIO()
    call_command("simulate", "--from", "2026-03-02", "--to", "2026-03-06", "--dossiers", "10",
                 "--batch", "5", "--json", stdout=out, stderr=err)
    assert json.loads(out.getvalue())["dossiers"] == 10
    lines = err.getvalue().splitlines()
    assert [line.split(" (")[0] for line in lines] == ["Mô phỏng: 50%", "Mô phỏng: 100%"]


def test_shares_keep_each_receiving_agency_whole_and_in_arrival_order(world: World) -> None:
    simulation = Simulation("20", START, END, 300, 0.6, seed=4, progress=False)
    simulation.cast = prepare_cast("20", simulation.rng)
    simulation.commune_offers, simulation.province_offers = offers(END, simulation.rng)
    simulation.center_cum = _cumulative(simulation.cast.center_weights)
    simulation.commune_cum = _cumulative(o.weight for o in simulation.commune_offers)
    simulation.province_cum = _cumulative(o.weight for o in simulation.province_offers)
    plans = simulation._plan()
    shares = partition_by_agency(plans, 2)
    assert sorted(id(p) for share in shares for p in share) == sorted(id(p) for p in plans)
    agencies = [{p.center.pk for p in share} for share in shares]
    assert len(agencies) == 2 and not agencies[0] & agencies[1]
    for share in shares:
        assert [p.arrival for p in share] == sorted(p.arrival for p in share)
    # Every agency keeps the plan's order of its own dossiers (its codes come out the same).
    for share in shares:
        for pk in {p.center.pk for p in share}:
            assert [p for p in share if p.center.pk == pk] == [p for p in plans if p.center.pk == pk]


def _dossiers() -> list[tuple[object, ...]]:
    return sorted(Dossier.objects.values_list(
        "code", "version__procedure__code", "channel", "status", "received_at", "finished_at", "due_at",
        "supplement_count"))


@pytest.mark.postgresql  # worker processes share a PostgreSQL database (SQLite: one process)
@pytest.mark.django_db(transaction=True)
def test_two_worker_processes_make_the_same_dossiers_as_one_and_exact_statistics() -> None:
    build_world()
    one = Simulation("20", START, END, 120, 0.6, seed=9, progress=False, batch=20, workers=1).run()
    first = _dossiers()
    assert one.workers == 1 and len(first) == 120
    assert check.check() == []
    # Start again from the same database (events are append-only: TRUNCATE, as the test teardown does).
    # TRUNCATE fires no row trigger, so the monthly rows and snapshots the counters' triggers keep
    # are emptied with them.
    derived = (MonthlyCount, AgencyMonthlyCount, ProcedureMonthlyCount, StockSnapshot, AgencyStockSnapshot)
    tables = [m._meta.db_table for m in (Dossier, DossierSequence, DailyCount, AgencyDailyCount, *derived)]
    with connection.cursor() as cursor:
        cursor.execute(f"TRUNCATE {', '.join(tables)} CASCADE")
    seen: list[int] = []
    two = Simulation("20", START, END, 120, 0.6, seed=9, progress=False, batch=20, workers=2,
                     on_progress=lambda done, total: seen.append(done)).run()
    assert two.workers == 2
    assert _dossiers() == first
    assert (two.dossiers, two.transitions, two.outcomes, two.errors) == (
        one.dossiers, one.transitions, one.outcomes, one.errors)
    assert seen == sorted(seen) and seen[-1] == 120
    assert check.check() == []


def _in_workers_only(monkeypatch: pytest.MonkeyPatch, misbehave: Callable[[], None]) -> None:
    """Make every worker process misbehave when it receives its first counter dossier."""
    parent, real = os.getpid(), services.receive_new_dossier

    def receive(*args: Any, **kwargs: Any) -> Any:
        if os.getpid() != parent:
            misbehave()
        return real(*args, **kwargs)

    monkeypatch.setattr(services, "receive_new_dossier", receive)


@pytest.mark.postgresql
@pytest.mark.django_db(transaction=True)
@pytest.mark.timeout(120)  # the parent used to wait forever for a worker that exited with code 0
def test_a_worker_that_exits_without_its_result_stops_the_simulation(monkeypatch: pytest.MonkeyPatch) -> None:
    build_world()
    _in_workers_only(monkeypatch, lambda: os._exit(0))
    with pytest.raises(WorkerFailed, match="exited with code 0 without sending its result"):
        Simulation("20", START, END, 120, 0.6, seed=9, progress=False, batch=20, workers=2).run()
    assert multiprocessing.active_children() == []
    assert not Dossier.objects.exists()  # the workers' open batches were rolled back


@pytest.mark.postgresql
@pytest.mark.django_db(transaction=True)
@pytest.mark.timeout(120)  # the parent used to wait forever for a worker that hangs
def test_a_worker_silent_too_long_is_stopped_as_hung(monkeypatch: pytest.MonkeyPatch) -> None:
    build_world()
    _in_workers_only(monkeypatch, lambda: time.sleep(3600))
    began = time.monotonic()
    with pytest.raises(WorkerFailed, match="sent nothing for .* stopped as hung"):
        Simulation("20", START, END, 120, 0.6, seed=9, progress=False, batch=20, workers=2, silence=3).run()
    assert time.monotonic() - began < 60
    assert multiprocessing.active_children() == []
