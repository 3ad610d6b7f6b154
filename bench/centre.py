"""The centre floor: ticket issue and call throughput through the service functions vs raw SQL
writing the same rows, and call-to-screen latency with many connected display screens.

Run:  .venv/bin/python bench/centre.py [--tickets 500] [--screens 50] [--calls 20] [--json]

Uses PostgreSQL: the database of DATABASE_URL, or `motcua_bench_centre` on 127.0.0.1:5432
(created and migrated if missing, emptied before each run).

1. Issue: `services.take_ticket` (opening hours, the day's sequence under a row lock, the ticket,
   its first period, the floor version) vs raw psycopg doing the same upsert and INSERT/UPDATEs,
   one transaction per ticket on both sides.
2. Call: `services.call_next` + `services.skip_absent` (the counter is free again) vs raw SQL:
   SELECT … FOR UPDATE SKIP LOCKED, close the period, open the next, UPDATE the ticket, INSERT
   the call, bump the floor; then the same for the absence. Two transactions per ticket each side.
3. Latency: a real server process (`motcua runserver`) holds `--screens` event streams
   (/centre/<code>/screen/events/, what the display screens use); this process makes `--calls`
   calls through the services and records, for every screen, the time from the call's commit to
   the arrival of the event naming it. p50 and p95 over all screens × calls.
"""

from __future__ import annotations

import argparse
import datetime as dt
import http.client
import json
import os
import socket
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/motcua_bench_centre"


def ensure_database(url: str) -> None:
    import psycopg

    name = url.rsplit("/", 1)[-1]
    admin = url.rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(admin, autocommit=True) as conn:
        if conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone() is None:
            conn.execute(f'CREATE DATABASE "{name}"')


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    index = max(1, round(share * len(ordered) + 0.4999)) - 1  # nearest rank
    return ordered[min(index, len(ordered) - 1)]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Screen(threading.Thread):
    """One display screen: reads the event stream, notes when each call id first arrives."""

    def __init__(self, port: int, path: str, seen: dict[int, float], stop: threading.Event) -> None:
        super().__init__(daemon=True)
        self.port, self.path, self.seen, self.stop = port, path, seen, stop
        self.connected = threading.Event()

    def run(self) -> None:
        while not self.stop.is_set():
            try:
                self._stream()
            except OSError:
                time.sleep(0.2)

    def _stream(self) -> None:
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        conn.request("GET", self.path, headers={"Accept": "text/event-stream"})
        response = conn.getresponse()
        data = ""
        while not self.stop.is_set():
            line = response.fp.readline()
            if not line:
                break
            text = line.decode()
            if text.startswith("data: "):
                data = text[6:]
            elif text == "\n" and data:
                state = json.loads(data)
                now = time.perf_counter()
                for call in state["calls"]:
                    self.seen.setdefault(call["id"], now)
                self.connected.set()
                data = ""
        conn.close()


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--tickets", type=int, default=500, help="tickets per side (default 500)")
    parser.add_argument("--screens", type=int, default=50, help="connected display screens (default 50)")
    parser.add_argument("--calls", type=int, default=20, help="calls watched by the screens (default 20)")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args()

    url = os.environ.setdefault("DATABASE_URL", DEFAULT_URL)
    if not url.startswith("postgres"):
        raise SystemExit("bench/centre.py measures PostgreSQL: set DATABASE_URL=postgres://…")
    ensure_database(url)
    os.environ.setdefault("MOTCUA_TESTING", "1")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "motcua.settings")
    import django

    django.setup()
    import psycopg
    from django.core.management import call_command
    from django.utils import timezone

    call_command("migrate", interactive=False, verbosity=0)
    call_command("flush", interactive=False, verbosity=0)

    from motcua.centre import services
    from motcua.centre.models import Call, Counter, Floor, Service, Ticket, TicketPeriod, TicketSequence
    from motcua.dossiers.sample import at, build_world

    world = build_world()
    centre = world.ward_center
    Floor.objects.create(centre=centre, priority_run=0)
    service = Service.objects.create(centre=centre, name="Hộ tịch")
    counter = Counter.objects.create(centre=centre, number=1, officer=world.receptionist)
    counter.services.set([service])
    officer = world.receptionist
    day_one, day_two = at("2026-03-02 08:00"), at("2026-03-03 08:00")

    # --- 1. issue -----------------------------------------------------------------------
    services.take_ticket(centre, service, at=day_one)  # warm-up
    start = time.perf_counter()
    for i in range(args.tickets):
        services.take_ticket(centre, service, at=day_one + dt.timedelta(seconds=i))
    service_issue = args.tickets / (time.perf_counter() - start)

    table = {m: m._meta.db_table for m in (Ticket, TicketPeriod, TicketSequence, Floor, Call)}
    sequence_sql = (
        f"INSERT INTO {table[TicketSequence]} (centre_id, day, last) VALUES (%s, %s, 1) "
        f"ON CONFLICT (centre_id, day) DO UPDATE SET last = {table[TicketSequence]}.last + 1 RETURNING last"
    )
    ticket_sql = (
        f"INSERT INTO {table[Ticket]} (centre_id, day, number, service_id, priority, status, queued_at, "
        "issued_at, token) VALUES (%s, %s, %s, %s, 'none', 'waiting', %s, %s, %s) RETURNING id"
    )
    period_sql = (
        f"INSERT INTO {table[TicketPeriod]} (ticket_id, state, service_id, counter_id, officer_id, "
        "started_at, reason) VALUES (%s, %s, %s, %s, %s, %s, %s)"
    )
    close_sql = f"UPDATE {table[TicketPeriod]} SET ended_at = %s WHERE ticket_id = %s AND ended_at IS NULL"
    floor_sql = f"UPDATE {table[Floor]} SET version = version + 1 WHERE centre_id = %s"
    with psycopg.connect(url) as conn:
        start = time.perf_counter()
        for i in range(args.tickets):
            when = day_two + dt.timedelta(seconds=i)
            with conn.transaction():
                number = conn.execute(sequence_sql, [centre.pk, when.date()]).fetchone()[0]  # type: ignore[index]
                ticket_id = conn.execute(
                    ticket_sql, [centre.pk, when.date(), number, service.pk, when, when, f"raw{i:06d}"]
                ).fetchone()[0]  # type: ignore[index]
                conn.execute(period_sql, [ticket_id, "waiting", service.pk, None, None, when, "issued"])
                conn.execute(floor_sql, [centre.pk])
        raw_issue = args.tickets / (time.perf_counter() - start)

    # --- 2. call (and free the counter) -------------------------------------------------
    calls = min(args.tickets, 300)
    start = time.perf_counter()
    for i in range(calls):
        when = day_one + dt.timedelta(hours=1, seconds=2 * i)
        ticket = services.call_next(officer, counter, at=when)
        services.skip_absent(officer, ticket, at=when + dt.timedelta(seconds=1))
    service_call = calls / (time.perf_counter() - start)

    pick_sql = (
        f"SELECT id FROM {table[Ticket]} WHERE centre_id = %s AND day = %s AND status = 'waiting' "
        "AND service_id = ANY(%s) ORDER BY queued_at, number LIMIT 1 FOR UPDATE SKIP LOCKED"
    )
    called_sql = (
        f"UPDATE {table[Ticket]} SET status = 'called', counter_id = %s, officer_id = %s WHERE id = %s"
    )
    absent_sql = f"UPDATE {table[Ticket]} SET status = 'no_show' WHERE id = %s"
    call_sql = f"INSERT INTO {table[Call]} (centre_id, ticket_id, counter_id, at) VALUES (%s, %s, %s, %s)"
    with psycopg.connect(url) as conn:
        start = time.perf_counter()
        for i in range(calls):
            when = day_two + dt.timedelta(hours=1, seconds=2 * i)
            with conn.transaction():
                ticket_id = conn.execute(pick_sql, [centre.pk, when.date(), [service.pk]]).fetchone()[0]  # type: ignore[index]
                conn.execute(close_sql, [when, ticket_id])
                conn.execute(
                    period_sql, [ticket_id, "called", service.pk, counter.pk, officer.pk, when, "called"]
                )
                conn.execute(called_sql, [counter.pk, officer.pk, ticket_id])
                conn.execute(call_sql, [centre.pk, ticket_id, counter.pk, when])
                conn.execute(floor_sql, [centre.pk])
            later = when + dt.timedelta(seconds=1)
            with conn.transaction():
                conn.execute(close_sql, [later, ticket_id])
                conn.execute(
                    period_sql, [ticket_id, "no_show", service.pk, counter.pk, officer.pk, later, "absent"]
                )
                conn.execute(absent_sql, [ticket_id])
                conn.execute(floor_sql, [centre.pk])
        raw_call = calls / (time.perf_counter() - start)

    # --- 3. call-to-screen latency ------------------------------------------------------
    # Today's tickets (the screens show today), issued through the services at the real time.
    Ticket.objects.filter(centre=centre).delete()
    now = timezone.now()
    for _ in range(args.calls):
        Ticket.objects.create(
            centre=centre,
            day=timezone.localdate(),
            number=Ticket.objects.count() + 1,
            service=service,
            queued_at=now,
            issued_at=now,
            token=f"lat{Ticket.objects.count():06d}",
        )
    port = free_port()
    env = dict(os.environ, DATABASE_URL=url, MOTCUA_TESTING="1")
    server = subprocess.Popen(
        [sys.executable, "-m", "motcua", "runserver", "--noreload", f"127.0.0.1:{port}"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    latencies: list[float] = []
    try:
        for _ in range(100):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            except OSError:
                time.sleep(0.1)
        stop = threading.Event()
        seen: list[dict[int, float]] = [{} for _ in range(args.screens)]
        screens = [
            Screen(port, f"/centre/{centre.code}/screen/events/", seen[i], stop) for i in range(args.screens)
        ]
        for screen in screens:
            screen.start()
        for screen in screens:
            if not screen.connected.wait(30):
                raise SystemExit("a screen did not connect")
        for _ in range(args.calls):
            ticket = services.call_next(officer, counter)  # committed when it returns
            committed = time.perf_counter()
            call_id = Call.objects.filter(ticket=ticket).values_list("pk", flat=True).get()
            deadline = committed + 10
            while time.perf_counter() < deadline and not all(call_id in s for s in seen):
                time.sleep(0.005)
            latencies += [s[call_id] - committed for s in seen if call_id in s]
            services.skip_absent(officer, ticket)
            time.sleep(0.3)
        stop.set()
    finally:
        server.terminate()
        server.wait(10)

    expected = args.screens * args.calls
    result = {
        "issue": {
            "service_per_s": round(service_issue, 1),
            "raw_per_s": round(raw_issue, 1),
            "ratio_raw_over_service": round(raw_issue / service_issue, 2),
        },
        "call": {
            "service_per_s": round(service_call, 1),
            "raw_per_s": round(raw_call, 1),
            "ratio_raw_over_service": round(raw_call / service_call, 2),
        },
        "latency": {
            "screens": args.screens,
            "calls": args.calls,
            "received": len(latencies),
            "expected": expected,
            "p50_ms": round(statistics.median(latencies) * 1000, 1) if latencies else None,
            "p95_ms": round(percentile(latencies, 0.95) * 1000, 1) if latencies else None,
            "max_ms": round(max(latencies) * 1000, 1) if latencies else None,
        },
    }
    if args.json:
        print(json.dumps(result, indent=2))
        return
    issue, call, latency = result["issue"], result["call"], result["latency"]
    print(f"ticket issue ({args.tickets} per side, one transaction each):")
    print(f"  service layer: {issue['service_per_s']:8.1f} tickets/s")
    print(f"  raw psycopg:   {issue['raw_per_s']:8.1f} tickets/s")
    print(f"  ratio raw / service: {issue['ratio_raw_over_service']:.2f}x")
    print(f"call next + absent ({calls} per side, two transactions each):")
    print(f"  service layer: {call['service_per_s']:8.1f} calls/s")
    print(f"  raw psycopg:   {call['raw_per_s']:8.1f} calls/s")
    print(f"  ratio raw / service: {call['ratio_raw_over_service']:.2f}x")
    print(f"call to screen, {args.screens} screens × {args.calls} calls, via a separate server process:")
    print(
        f"  received {latency['received']}/{expected}; p50 {latency['p50_ms']} ms, "
        f"p95 {latency['p95_ms']} ms, max {latency['max_ms']} ms"
    )


if __name__ == "__main__":
    main()
