"""The simulator drives the real services; the report agrees with `motcua dossiers export`."""

from __future__ import annotations

import datetime as dt
import io
import json
from collections import Counter
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import transaction

from motcua.dossiers.models import Dossier, DossierEvent, Status
from motcua.dossiers.sample import World
from motcua.stats import check
from motcua.stats.report import figures
from motcua.stats.scope import province_scope
from motcua.stats.simulator import Simulation

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
