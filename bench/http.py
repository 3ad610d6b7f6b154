"""Requests per second and latency over HTTP: motcua behind its production server vs plain SQL views.

Run:  .venv/bin/python bench/http.py [--clients 16] [--requests 100] [--workers 5] [--reuse] [--json]

Starts `motcua serve` (gunicorn, preloaded, on PostgreSQL with the connection pool and the
database cache) on a free loopback port, with bench/http_server/http_urls.py mounted next to motcua's URLs:
for each scenario a minimal Django view in the same server answers the same request with plain
SQL (bench/http_server/http_urls.py), so the ratio is the cost of motcua's code on top of Django.
`--clients` asyncio clients (httpx) each send `--requests` requests per side; the rate and the
latency percentiles of both sides are printed with their ratio (motcua / reference).

Scenarios: the public lookup (POST /api/v1/lookup, code + ID number) and the catalog search
(GET /api/v1/catalog/procedures?q=…, the citizen queries of eval/catalog_search.jsonl). The
database is DATABASE_URL or `motcua_bench_http` on 127.0.0.1:5432, built with `motcua demo`
(the real catalog when MOTCUA_DATA_DIR has it); `--reuse` keeps it.
"""

from __future__ import annotations

import sys
from pathlib import Path

# This file is named like the standard library's `http`: take its folder off the import path
# before anything imports http.client.
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != Path(__file__).resolve().parent]

import argparse
import asyncio
import json
import os
import secrets
import socket
import statistics
import subprocess
import tempfile
import time
import urllib.request
from collections.abc import Callable
from typing import Any

import httpx

ROOT = Path(__file__).resolve().parent.parent
SERVER_MODULES = Path(__file__).resolve().parent / "http_server"  # http_settings, http_urls
DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/motcua_bench_http"
QUERIES = ROOT / "eval" / "catalog_search.jsonl"


def ensure_database(url: str) -> None:
    import psycopg

    name = url.rsplit("/", 1)[-1]
    admin = url.rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(admin, autocommit=True) as conn:
        if conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone() is None:
            conn.execute(f'CREATE DATABASE "{name}"')


def server_env(url: str, var_dir: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("MOTCUA_", "DJANGO_"))}
    env.update({
        "DATABASE_URL": url, "DJANGO_SETTINGS_MODULE": "http_settings",
        "PYTHONPATH": os.pathsep.join([str(SERVER_MODULES), str(ROOT)]),
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1", "MOTCUA_VAR_DIR": var_dir, "MOTCUA_SECURE_COOKIES": "0",
    })
    if "MOTCUA_DATA_DIR" in os.environ:
        env["MOTCUA_DATA_DIR"] = os.environ["MOTCUA_DATA_DIR"]
    return env


def prepare(url: str, env: dict[str, str], reuse: bool) -> tuple[str, str]:
    """Build the demo database (unless --reuse and it has dossiers); a dossier's code and ID number."""
    import psycopg

    with psycopg.connect(url) as conn:
        has_tables = conn.execute("SELECT to_regclass('dossiers_dossier')").fetchone()[0] is not None
        count = conn.execute("SELECT count(*) FROM dossiers_dossier").fetchone()[0] if has_tables else 0
    if not (reuse and count):
        demo_env = {**env, "MOTCUA_DEBUG": "1"}
        subprocess.run([sys.executable, "-m", "motcua", "demo"], env=demo_env, cwd=ROOT, check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    with psycopg.connect(url) as conn:
        row = conn.execute(
            "SELECT d.code, a.id_number FROM dossiers_dossier d JOIN dossiers_applicant a"
            " ON a.id = d.applicant_id WHERE a.id_number <> '' ORDER BY d.id LIMIT 1"
        ).fetchone()
    if row is None:
        raise SystemExit("the demo built no dossier with an applicant ID number")
    return row[0], row[1]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def start_server(env: dict[str, str], port: int, workers: int) -> subprocess.Popen[bytes]:
    server = subprocess.Popen(
        [sys.executable, "-m", "motcua", "serve", "--bind", f"127.0.0.1:{port}", "--workers", str(workers)],
        env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit(f"the server stopped with code {server.returncode}")
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2):  # noqa: S310
                return server
        except OSError:
            time.sleep(0.3)
    server.terminate()
    raise SystemExit("the server did not start within 120 s")


Request = Callable[[httpx.AsyncClient, int], Any]


async def drive(base: str, request: Request, clients: int, per_client: int) -> dict[str, float]:
    """`clients` concurrent clients, each sending `per_client` requests one after the other."""
    latencies: list[float] = []
    failures = 0

    async def client(number: int) -> None:
        nonlocal failures
        async with httpx.AsyncClient(base_url=base, timeout=30) as http:
            for i in range(per_client):
                began = time.perf_counter()
                response = await request(http, number * per_client + i)
                latencies.append((time.perf_counter() - began) * 1000)
                if response.status_code != 200:
                    failures += 1

    # Warm-up: every worker answers a few requests before the clock starts.
    await asyncio.gather(*(client(n) for n in range(clients)))
    latencies.clear()
    failures = 0
    began = time.perf_counter()
    await asyncio.gather(*(client(n) for n in range(clients)))
    seconds = time.perf_counter() - began
    ordered = sorted(latencies)
    return {
        "requests_per_s": round(len(ordered) / seconds, 1),
        "p50_ms": round(statistics.median(ordered), 2),
        "p95_ms": round(ordered[max(0, int(len(ordered) * 0.95) - 1)], 2),
        "failures": failures,
    }


def scenarios(code: str, id_number: str) -> dict[str, tuple[Request, Request]]:
    queries = [json.loads(line)["query"] for line in QUERIES.read_text(encoding="utf-8").splitlines() if line]
    lookup = {"code": code, "id_number": id_number}

    def motcua_lookup(http: httpx.AsyncClient, _i: int) -> Any:
        return http.post("/api/v1/lookup", json=lookup)

    def reference_lookup(http: httpx.AsyncClient, _i: int) -> Any:
        return http.post("/bench/lookup", json=lookup)

    def motcua_search(http: httpx.AsyncClient, i: int) -> Any:
        query = {"q": queries[i % len(queries)], "page_size": 10}
        return http.get("/api/v1/catalog/procedures", params=query)

    def reference_search(http: httpx.AsyncClient, i: int) -> Any:
        return http.get("/bench/search", params={"q": queries[i % len(queries)]})

    return {"lookup": (motcua_lookup, reference_lookup), "search": (motcua_search, reference_search)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--clients", type=int, default=16, help="concurrent clients (default 16)")
    parser.add_argument("--requests", type=int, default=100, help="requests per client and side")
    parser.add_argument("--workers", type=int, default=2 * (os.cpu_count() or 1) + 1,
                        help="gunicorn workers (default 2×CPU+1)")
    parser.add_argument("--reuse", action="store_true", help="keep the database built by an earlier run")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    args = parser.parse_args()

    url = os.environ.get("DATABASE_URL", DEFAULT_URL)
    if not url.startswith("postgres"):
        raise SystemExit("bench/http.py measures the production set-up: DATABASE_URL=postgres://…")
    ensure_database(url)
    with tempfile.TemporaryDirectory(prefix="motcua-bench-http-") as var_dir:
        env = server_env(url, var_dir)
        code, id_number = prepare(url, env, args.reuse)
        port = free_port()
        server = start_server(env, port, args.workers)
        try:
            base = f"http://127.0.0.1:{port}"
            report: dict[str, Any] = {"clients": args.clients, "requests_per_client": args.requests,
                                      "workers": args.workers, "server": "gunicorn (motcua serve)"}
            for name, (ours, reference) in scenarios(code, id_number).items():
                motcua = asyncio.run(drive(base, ours, args.clients, args.requests))
                plain = asyncio.run(drive(base, reference, args.clients, args.requests))
                report[name] = {"motcua": motcua, "reference": plain,
                                "ratio": round(motcua["requests_per_s"] / plain["requests_per_s"], 3)}
        finally:
            server.terminate()
            server.wait(timeout=30)
    if args.json:
        print(json.dumps(report))
        return
    print(f"{args.clients} clients × {args.requests} requests per side, {args.workers} gunicorn workers")
    for name in ("lookup", "search"):
        row = report[name]
        for side in ("motcua", "reference"):
            figures = row[side]
            print(f"{name:<7} {side:<10} {figures['requests_per_s']:8.1f} req/s"
                  f"  p50 {figures['p50_ms']:7.2f} ms  p95 {figures['p95_ms']:7.2f} ms"
                  f"  failures {figures['failures']}")
        print(f"{name:<7} ratio motcua / reference: {row['ratio']:.2f}x")


if __name__ == "__main__":
    main()
