"""Full dossier lifecycles per second through the service layer vs raw psycopg inserts.

Run:  .venv/bin/python bench/lifecycle.py [--dossiers 300] [--batch 50] [--json]

Uses PostgreSQL: the database of DATABASE_URL, or `motcua_bench_lifecycle` on
127.0.0.1:5432 (created and migrated if missing, emptied before each run). One
lifecycle = receive at the counter → forward to the specialist → result ready →
approve → return: 5 transitions, each locked, checked and audited by
`motcua.dossiers.services`. The reference, in the same run, writes the same rows a
lifecycle ends with (the dossier and its 5 hash-chained events) with plain psycopg
INSERTs, without the services' locks, checks, steps, hand-overs or working-time arithmetic.

Two ways of running, each measured on both sides:
- one transaction per transition (the desk, the portal), reference one per dossier;
- batches of `--batch` dossiers per transaction, as the statistics simulator drives them
  (the transitions then run inside the caller's transaction), reference likewise.
Receivers other apps connect to `DossierEvent` (the statistics) run as installed.
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

    def lifecycle(i: int) -> None:
        t = base + dt.timedelta(minutes=i % 400)
        dossier = services.receive_new_dossier(world.receptionist, world.birth, world.applicant(), at=t,
            documents=services.catalog_documents(world.birth))
        services.forward_dossier(world.receptionist, dossier, at=t + dt.timedelta(minutes=5))
        services.mark_result_ready(
            world.specialist, dossier, "Giấy khai sinh", at=t + dt.timedelta(minutes=30)
        )
        services.approve_result(world.leader, dossier, at=t + dt.timedelta(minutes=40))
        services.return_result(world.receptionist, dossier, at=t + dt.timedelta(minutes=50))

    lifecycle(0)  # warm-up (imports, prepared caches)
    with CaptureQueriesContext(connection) as captured:
        lifecycle(0)
    queries = len(captured.captured_queries)

    start, cpu = time.perf_counter(), time.process_time()
    for i in range(1, args.dossiers + 1):
        lifecycle(i)
    service_seconds = time.perf_counter() - start
    service_cpu = (time.process_time() - cpu) / args.dossiers * 1000
    service_rate = args.dossiers / service_seconds

    start, cpu = time.perf_counter(), time.process_time()
    for first in range(0, args.dossiers, args.batch):
        with transaction.atomic():
            for i in range(first, min(first + args.batch, args.dossiers)):
                lifecycle(i)
    batched_seconds = time.perf_counter() - start
    batched_cpu = (time.process_time() - cpu) / args.dossiers * 1000
    batched_rate = args.dossiers / batched_seconds

    # Reference: the same final rows (1 dossier + 5 events) with raw INSERTs, one transaction each.
    template = Dossier.objects.order_by("id").last()
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
    insert_event = (
        f"INSERT INTO {event_table} (dossier_id, seq, actor_id, at, action, from_status, to_status, "
        "reason, data, prev_hash, hash) VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s)"
    )

    def write_raw(conn: psycopg.Connection[Any], i: int) -> None:
        values = dict(row, code=f"RAW-{i:06d}")
        dossier_id = conn.execute(insert_dossier, [values[c] for c in columns]).fetchone()[0]  # type: ignore[index]
        previous = GENESIS_HASH
        for seq, e in enumerate(events, start=1):
            # The same canonical content the model hashes.
            content = json.dumps(
                {
                    "dossier": values["code"],
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
            digest = hashlib.sha256((previous + content).encode()).hexdigest()
            conn.execute(
                insert_event,
                [
                    dossier_id,
                    seq,
                    e["actor_id"],
                    e["at"],
                    e["action"],
                    e["from_status"],
                    e["to_status"],
                    e["reason"],
                    json.dumps(e["data"]),
                    previous,
                    digest,
                ],
            )
            previous = digest

    with psycopg.connect(url) as conn:
        start = time.perf_counter()
        for i in range(args.dossiers):
            with conn.transaction():
                write_raw(conn, i)
        raw_seconds = time.perf_counter() - start
        start = time.perf_counter()
        for first in range(0, args.dossiers, args.batch):
            with conn.transaction():
                for i in range(first, min(first + args.batch, args.dossiers)):
                    write_raw(conn, args.dossiers + i)
        raw_batched_seconds = time.perf_counter() - start
    raw_rate = args.dossiers / raw_seconds
    raw_batched_rate = args.dossiers / raw_batched_seconds

    if args.json:
        # Today's figures are whole lifecycles per second (5 transitions each); issue #17 item 8
        # changes per_transition to transitions per second once the services are rewritten.
        print(json.dumps({
            "unit": "lifecycles/s", "dossiers": args.dossiers, "batch": args.batch,
            "queries_per_lifecycle": queries,
            "per_transition": {"service": round(service_rate, 1), "raw": round(raw_rate, 1),
                               "ratio": round(service_rate / raw_rate, 3)},
            "batched": {"service": round(batched_rate, 1), "raw": round(raw_batched_rate, 1),
                        "ratio": round(batched_rate / raw_batched_rate, 3)},
        }))
        return
    print(f"one transaction per transition ({args.dossiers} dossiers, 5 transitions each):")
    each = f"{queries} queries and {service_cpu:.1f} ms of Python per lifecycle"
    print(f"  service layer: {service_rate:8.1f} lifecycles/s  ({service_seconds:.2f} s; {each})")
    print(f"  raw psycopg:   {raw_rate:8.1f} lifecycles/s  ({raw_seconds:.2f} s; dossier + 5 event rows)")
    print(f"  ratio raw / service: {raw_rate / service_rate:.1f}x")
    print(f"batches of {args.batch} dossiers per transaction (as the simulator runs them):")
    each = f"{batched_cpu:.1f} ms of Python per lifecycle"
    print(f"  service layer: {batched_rate:8.1f} lifecycles/s  ({batched_seconds:.2f} s; {each})")
    print(f"  raw psycopg:   {raw_batched_rate:8.1f} lifecycles/s  ({raw_batched_seconds:.2f} s)")
    print(f"  ratio raw / service: {raw_batched_rate / batched_rate:.1f}x")

if __name__ == "__main__":
    main()
