"""Transitions per second through the service layer vs raw psycopg transactions (issue #17, item 8).

Run:  .venv/bin/python bench/lifecycle.py [--dossiers 300] [--batch 50] [--json]

Uses PostgreSQL: the database of DATABASE_URL, or `motcua_bench_lifecycle` on
127.0.0.1:5432 (created and migrated if missing, emptied before each run). One
lifecycle = receive at the counter → forward to the specialist → result ready →
approve → return: 5 transitions, each locked, checked, audited (hash-chained event) and
counted in the statistics (the hook) by `motcua.dossiers.services`.

Three figures, each with its reference in the same run (ratio = service / raw):
- per_transition: transitions per second, one transaction each (the desk, the portal), vs
  raw transactions per second that each write one dossier row and one event row (the
  first INSERTs the dossier, the next four UPDATE it, like a lifecycle's);
- batched: full lifecycles per second in batches of `--batch` dossiers per transaction, as
  the statistics simulator drives them (inside the caller's transaction, statistics
  deferred to the end of the batch: `stats.facts.deferred`), vs raw INSERTs of the same
  rows (the dossier and its 5 events) in the same batches;
- receive_new_dossier: receptions at the counter per second, one transaction each, vs raw
  transactions inserting one dossier row and one event row.
The raw side has none of the services' locks, checks, steps, hand-overs, documents,
statistics or working-time arithmetic.

`server_cpu_ms` (when PostgreSQL runs on this machine: the CPU time of each side's backend,
read from /proc/<pid>/stat around each timed run) splits each figure's cost between the
database server and the client, per unit of the figure (a transition, a lifecycle, a
reception). One client waits for its server, so a unit can take no less wall time than its
server's CPU: `bound` = the raw side's wall time per unit ÷ the service's server CPU per unit is
the best ratio the figure could reach with the server's work as it is and no client Python.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import os
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/motcua_bench_lifecycle"


def ensure_database(url: str) -> None:
    import psycopg

    name = url.rsplit("/", 1)[-1]
    admin = url.rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(admin, autocommit=True) as conn:
        if conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone() is None:
            conn.execute(f'CREATE DATABASE "{name}"')


def backend_cpu(pid: int | None) -> float | None:
    """Seconds of CPU the PostgreSQL backend `pid` has used (None when it is not on this machine)."""
    if pid is None:
        return None
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


class ServerMeter:
    """The CPU a local PostgreSQL backend spends per unit of work (nothing when it is remote)."""

    def __init__(self, pid: int | None) -> None:
        self.pid, self.start = pid, None

    def begin(self) -> None:
        self.start = backend_cpu(self.pid)

    def per_unit(self, units: int) -> float | None:
        end = backend_cpu(self.pid)
        return None if self.start is None or end is None else (end - self.start) / units * 1000


def local_backend(execute: Any, url: str) -> int | None:
    """The pid of the backend serving this connection, if the server runs on this machine."""
    host = url.split("@", 1)[-1].split("/", 1)[0].split(":", 1)[0]
    if host not in ("127.0.0.1", "localhost", "::1", ""):
        return None
    pid = int(execute("SELECT pg_backend_pid()"))
    return pid if Path(f"/proc/{pid}/stat").exists() else None


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--dossiers", type=int, default=300, help="lifecycles per side (default 300)")
    parser.add_argument("--batch", type=int, default=50, help="dossiers per transaction when batched")
    parser.add_argument("--json", action="store_true", help="print one JSON object (ratio = service / raw)")
    args = parser.parse_args()

    url = os.environ.setdefault("DATABASE_URL", DEFAULT_URL)
    if not url.startswith("postgres"):
        raise SystemExit("bench/lifecycle.py measures PostgreSQL: set DATABASE_URL=postgres://…")
    ensure_database(url)
    # DEBUG off, as in production (DEBUG logs every query); TESTING allows the default secret.
    os.environ.setdefault("MOTCUA_TESTING", "1")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "motcua.settings")
    import django

    django.setup()
    import psycopg
    from django.core.management import call_command
    from django.db import connection, transaction
    from django.test.utils import CaptureQueriesContext

    call_command("migrate", interactive=False, verbosity=0)
    call_command("flush", interactive=False, verbosity=0)

    from motcua.dossiers import services
    from motcua.dossiers.models import GENESIS_HASH, Dossier, DossierEvent
    from motcua.dossiers.sample import at, build_world

    world = build_world()
    base = at("2026-03-02 08:00")
    services.calendar().add_working(base, dt.timedelta(hours=1))  # build the calendar outside the timing

    from motcua.stats import facts

    def receive(i: int) -> Any:
        t = base + dt.timedelta(minutes=i % 400)
        return services.receive_new_dossier(world.receptionist, world.birth, world.applicant(), at=t,
                                            documents=services.catalog_documents(world.birth))

    def rest(i: int, dossier: Any) -> None:
        t = base + dt.timedelta(minutes=i % 400)
        services.forward_dossier(world.receptionist, dossier, at=t + dt.timedelta(minutes=5))
        services.mark_result_ready(
            world.specialist, dossier, "Giấy khai sinh", at=t + dt.timedelta(minutes=30)
        )
        services.approve_result(world.leader, dossier, at=t + dt.timedelta(minutes=40))
        services.return_result(world.receptionist, dossier, at=t + dt.timedelta(minutes=50))

    def lifecycle(i: int) -> None:
        rest(i, receive(i))

    lifecycle(0)  # warm-up (imports, prepared caches)
    with CaptureQueriesContext(connection) as captured:
        lifecycle(0)
    queries = len(captured.captured_queries)

    def scalar(sql: str) -> Any:
        with connection.cursor() as cursor:
            cursor.execute(sql)
            return cursor.fetchone()[0]

    meter = ServerMeter(local_backend(scalar, url))
    server_ms: dict[str, dict[str, float | None]] = {
        "per_transition": {}, "batched": {}, "receive_new_dossier": {},
    }
    # Service, one transaction per transition: 5 per lifecycle.
    meter.begin()
    start, cpu = time.perf_counter(), time.process_time()
    for i in range(1, args.dossiers + 1):
        lifecycle(i)
    service_seconds = time.perf_counter() - start
    server_ms["per_transition"]["service"] = meter.per_unit(5 * args.dossiers)
    service_cpu = (time.process_time() - cpu) / args.dossiers * 1000
    service_rate = 5 * args.dossiers / service_seconds

    # Service, receptions alone.
    meter.begin()
    start = time.perf_counter()
    for i in range(args.dossiers):
        receive(i)
    receive_rate = args.dossiers / (time.perf_counter() - start)
    server_ms["receive_new_dossier"]["service"] = meter.per_unit(args.dossiers)

    # Service, batches as the simulator runs them (one batch counted first, outside the timing).
    with CaptureQueriesContext(connection) as captured:
        with transaction.atomic(), facts.deferred():
            for i in range(args.batch):
                lifecycle(i)
    batched_queries = len(captured.captured_queries) / args.batch
    meter.begin()
    start, cpu = time.perf_counter(), time.process_time()
    for first in range(0, args.dossiers, args.batch):
        with transaction.atomic(), facts.deferred():
            for i in range(first, min(first + args.batch, args.dossiers)):
                lifecycle(i)
    batched_seconds = time.perf_counter() - start
    server_ms["batched"]["service"] = meter.per_unit(args.dossiers)
    batched_cpu = (time.process_time() - cpu) / args.dossiers * 1000
    batched_rate = args.dossiers / batched_seconds

    # Reference: the same rows (1 dossier + 5 events) with raw SQL.
    template = Dossier.objects.filter(status=10).order_by("id").last()
    assert template is not None
    dossier_table, event_table = Dossier._meta.db_table, DossierEvent._meta.db_table
    columns = [str(f.column) for f in Dossier._meta.concrete_fields if f.column != "id"]
    row = {
        str(f.column): f.get_db_prep_save(getattr(template, f.attname), connection)
        for f in Dossier._meta.concrete_fields
        if f.column != "id"
    }
    events = list(
        template.events.order_by("seq").values(
            "actor_id", "at", "action", "from_status", "to_status", "reason", "data"
        )
    )
    insert_dossier = (
        f"INSERT INTO {dossier_table} ({', '.join(columns)}) "
        f"VALUES ({', '.join(['%s'] * len(columns))}) RETURNING id"
    )
    update_dossier = (
        f"UPDATE {dossier_table} SET status = %s, revision = %s, last_event_hash = %s WHERE id = %s"
    )
    insert_event = (
        f"INSERT INTO {event_table} (dossier_id, seq, actor_id, at, action, from_status, to_status, "
        "reason, data, prev_hash, hash) VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s)"
    )

    def chained(code: str, seq: int, e: dict[str, Any], previous: str) -> str:
        # The same canonical content the model hashes.
        content = json.dumps(
            {
                "dossier": code,
                "seq": seq,
                "actor": e["actor_id"],
                "at": e["at"].astimezone(dt.UTC).isoformat(timespec="microseconds"),
                "action": e["action"],
                "from": e["from_status"],
                "to": e["to_status"],
                "reason": e["reason"],
                "data": e["data"],
            },
            ensure_ascii=False,
            sort_keys=True,
            separators=(",", ":"),
        )
        return hashlib.sha256((previous + content).encode()).hexdigest()

    def event_params(dossier_id: int, seq: int, e: dict[str, Any], previous: str, digest: str) -> list[Any]:
        return [dossier_id, seq, e["actor_id"], e["at"], e["action"], e["from_status"], e["to_status"],
                e["reason"], json.dumps(e["data"]), previous, digest]

    def insert_raw(conn: psycopg.Connection[Any], code: str) -> tuple[int, str]:
        """The dossier row and its first event."""
        values = dict(row, code=code)
        dossier_id = conn.execute(insert_dossier, [values[c] for c in columns]).fetchone()[0]  # type: ignore[index]
        digest = chained(code, 1, events[0], GENESIS_HASH)
        conn.execute(insert_event, event_params(dossier_id, 1, events[0], GENESIS_HASH, digest))
        return dossier_id, digest

    def write_raw(conn: psycopg.Connection[Any], i: int) -> None:
        """A whole lifecycle's rows in the caller's transaction."""
        code = f"RAW-{i:06d}"
        dossier_id, previous = insert_raw(conn, code)
        for seq, e in enumerate(events[1:], start=2):
            digest = chained(code, seq, e, previous)
            conn.execute(insert_event, event_params(dossier_id, seq, e, previous, digest))
            previous = digest

    with psycopg.connect(url) as conn:
        meter = ServerMeter(local_backend(lambda sql: conn.execute(sql).fetchone()[0], url))  # type: ignore[index]
        conn.commit()
        # One transaction per transition: INSERT the dossier and its first event, then four
        # transactions that each UPDATE the dossier and INSERT one event.
        meter.begin()
        start = time.perf_counter()
        for i in range(args.dossiers):
            code = f"RAWT-{i:06d}"
            with conn.transaction():
                dossier_id, previous = insert_raw(conn, code)
            for seq, e in enumerate(events[1:], start=2):
                digest = chained(code, seq, e, previous)
                with conn.transaction():
                    conn.execute(update_dossier, [e["to_status"], seq, digest, dossier_id])
                    conn.execute(insert_event, event_params(dossier_id, seq, e, previous, digest))
                previous = digest
        raw_rate = 5 * args.dossiers / (time.perf_counter() - start)
        server_ms["per_transition"]["raw"] = meter.per_unit(5 * args.dossiers)
        meter.begin()
        start = time.perf_counter()
        for i in range(args.dossiers):
            with conn.transaction():
                insert_raw(conn, f"RAWR-{i:06d}")
        raw_receive_rate = args.dossiers / (time.perf_counter() - start)
        server_ms["receive_new_dossier"]["raw"] = meter.per_unit(args.dossiers)
        meter.begin()
        start = time.perf_counter()
        for first in range(0, args.dossiers, args.batch):
            with conn.transaction():
                for i in range(first, min(first + args.batch, args.dossiers)):
                    write_raw(conn, args.dossiers + i)
        raw_batched_rate = args.dossiers / (time.perf_counter() - start)
        server_ms["batched"]["raw"] = meter.per_unit(args.dossiers)

    def figure(service: float, raw: float) -> dict[str, float]:
        return {"service": round(service, 1), "raw": round(raw, 1), "ratio": round(service / raw, 3)}

    # The database server's CPU per unit on each side, and the best ratio each figure could reach
    # with the service's server work as it is and no client Python (None: the server is remote).
    server_figures: dict[str, dict[str, float]] | None = None
    raw_rates = {"per_transition": raw_rate, "batched": raw_batched_rate,
                 "receive_new_dossier": raw_receive_rate}
    if all(v is not None for sides in server_ms.values() for v in sides.values()):
        server_figures = {}
        for name, sides in server_ms.items():
            service_ms, raw_ms = float(sides["service"] or 0), float(sides["raw"] or 0)
            raw_wall = 1000 / raw_rates[name]
            server_figures[name] = {
                "service": round(service_ms, 3), "raw": round(raw_ms, 3), "raw_wall": round(raw_wall, 3),
                "bound": round(raw_wall / service_ms, 3) if service_ms else 0.0,
            }
    if args.json:
        print(json.dumps({
            "per_transition": figure(service_rate, raw_rate),
            "batched": figure(batched_rate, raw_batched_rate),
            "receive_new_dossier": figure(receive_rate, raw_receive_rate),
            "units": {"per_transition": "transitions/s", "batched": "lifecycles/s",
                      "receive_new_dossier": "receptions/s"},
            "dossiers": args.dossiers, "batch": args.batch, "queries_per_lifecycle": queries,
            "batched_queries_per_lifecycle": round(batched_queries, 2),
            "cpu_ms_per_lifecycle": {
                "per_transition": round(service_cpu, 1), "batched": round(batched_cpu, 1),
            },
            "server_cpu_ms": server_figures,
        }))
        return
    print(f"one transaction per transition ({args.dossiers} dossiers, 5 transitions each):")
    each = f"{queries} queries and {service_cpu:.1f} ms of Python per lifecycle"
    print(f"  service layer: {service_rate:8.1f} transitions/s  ({each})")
    print(f"  raw psycopg:   {raw_rate:8.1f} transactions/s (one dossier row and one event row each)")
    print(f"  ratio service / raw: {service_rate / raw_rate:.2f}")
    print("receive_new_dossier alone, one transaction each:")
    print(f"  service layer: {receive_rate:8.1f} receptions/s")
    print(f"  raw psycopg:   {raw_receive_rate:8.1f} transactions/s (one dossier row and one event row)")
    print(f"  ratio service / raw: {receive_rate / raw_receive_rate:.2f}")
    print(f"batches of {args.batch} dossiers per transaction (as the simulator runs them):")
    each = f"{batched_queries:.1f} queries and {batched_cpu:.1f} ms of Python per lifecycle"
    print(f"  service layer: {batched_rate:8.1f} lifecycles/s  ({each})")
    print(f"  raw psycopg:   {raw_batched_rate:8.1f} lifecycles/s")
    print(f"  ratio service / raw: {batched_rate / raw_batched_rate:.2f}")
    if server_figures is not None:
        print("database server CPU per unit (ms; bound = raw wall time / service server CPU: the")
        print("best ratio with the server's work as it is and no client Python):")
        for name, f in server_figures.items():
            print(f"  {name:20s} service {f['service']:6.2f}  raw {f['raw']:6.2f}  "
                  f"raw wall {f['raw_wall']:6.2f}  bound {f['bound']:.2f}")


if __name__ == "__main__":
    main()
