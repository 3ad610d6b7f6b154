"""Requests per second and latency over HTTP: motcua behind its production server vs plain SQL views.

Run:  .venv/bin/python bench/http_load.py [--clients 16] [--requests 100] [--workers 5] [--reuse]
                                          [--redis redis://127.0.0.1:6379/N] [--json]

Starts `motcua serve` (gunicorn, preloaded, on PostgreSQL with the connection pool and the
database cache, or Redis with `--redis` as in the README's production set-up) on a free
loopback port, with bench/http_server/http_urls.py mounted next to motcua's URLs: for each
scenario a minimal Django view in the same server answers the same request with plain SQL
(bench/http_server/http_urls.py), so the ratio is the cost of motcua's code on top of Django.
`--clients` asyncio clients each send `--requests` requests per side; the rate and the
latency percentiles of both sides are printed with their ratio (motcua / reference). Then one
client sends `--single` requests per side, one after the other: the latency of a request that
waits for nothing else (with 16 clients on 2 cores a p95 is mostly queueing).

The clients share the server's 2 cores, so what they spend is taken from both sides' rates:
they are a lean HTTP/1.1 client of asyncio streams (`Http`; each request one write, its body
encoded once per scenario), not httpx, whose per-request Python (≈ 5 ms of CPU for a 328 KB
upload, measured) was as much as the reference view's whole server side. A client signs in
once, before its warm-up: the clock measures submissions, not password hashing (one PBKDF2
check costs ≈ 0.4 s of CPU; 16 of them inside the measured window took about a fifth of it).

Scenarios: the public lookup (POST /api/v1/lookup, code + ID number), the catalog search
(GET /api/v1/catalog/procedures?q=…, the citizen queries of eval/catalog_search.jsonl) and the
online submission with two PDF files (328 KB, POST /api/v1/dossiers as the demo citizen, signed
in through /api/v1/auth/login; the reference stores the same files and inserts one row). The
database is DATABASE_URL or `motcua_bench_http` on 127.0.0.1:5432, built with `motcua demo`
(the real catalog when MOTCUA_DATA_DIR has it); `--reuse` keeps it.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import secrets
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Callable
from pathlib import Path
from types import SimpleNamespace
from typing import Any, NamedTuple
from urllib.parse import urlencode, urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from motcua.catalog.requirements import is_always_required  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
SERVER_MODULES = Path(__file__).resolve().parent / "http_server"  # http_settings, http_urls
DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/motcua_bench_http"
QUERIES = ROOT / "eval" / "catalog_search.jsonl"
SEARCH_P95_GOAL_MS = 15


def ensure_database(url: str) -> None:
    import psycopg

    name = url.rsplit("/", 1)[-1]
    admin = url.rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(admin, autocommit=True) as conn:
        if conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone() is None:
            conn.execute(f'CREATE DATABASE "{name}"')


def server_env(url: str, var_dir: str, redis: str = "") -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("MOTCUA_", "DJANGO_"))}
    env.update({
        "DATABASE_URL": url, "DJANGO_SETTINGS_MODULE": "http_settings",
        "PYTHONPATH": os.pathsep.join([str(SERVER_MODULES), str(ROOT)]),
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1", "MOTCUA_VAR_DIR": var_dir, "MOTCUA_SECURE_COOKIES": "0",
        # The production start-up check wants the public https address slips link to.
        "MOTCUA_PUBLIC_URL": "https://dichvucong.langson.gov.vn",
    })
    if "MOTCUA_DATA_DIR" in os.environ:
        env["MOTCUA_DATA_DIR"] = os.environ["MOTCUA_DATA_DIR"]
    if redis:  # the cache (throttles, rate limits) and the job queue in Redis, as the README's set-up
        env["MOTCUA_REDIS_URL"] = redis
    return env


class Demo(NamedTuple):
    code: str  # a dossier's code and its applicant's ID number, for the lookup
    id_number: str
    procedure: str  # what the citizen submits online, where, and the requirement of each file
    agency: str
    requirement_ids: list[int]


SUBMITTED_PROCEDURE = "1.001193"  # birth registration, in the built-in and the real catalog
CITIZEN = ("congdan.an", "motcua-demo")  # motcua/accounts/demo.py


def prepare(url: str, env: dict[str, str], reuse: bool) -> Demo:
    """Build the demo database (unless --reuse and it has dossiers) and read what the scenarios send."""
    import psycopg

    with psycopg.connect(url) as conn:
        has_tables = conn.execute("SELECT to_regclass('dossiers_dossier')").fetchone()[0] is not None
        count = conn.execute("SELECT count(*) FROM dossiers_dossier").fetchone()[0] if has_tables else 0
    demo_env = {**env, "MOTCUA_DEBUG": "1"}
    # A reused database still takes the migrations of the code being measured.
    command = "migrate" if reuse and count else "demo"
    subprocess.run([sys.executable, "-m", "motcua", command], env=demo_env, cwd=ROOT, check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    with psycopg.connect(url) as conn:
        row = conn.execute(
            "SELECT d.code, a.id_number FROM dossiers_dossier d JOIN dossiers_applicant a"
            " ON a.id = d.applicant_id WHERE a.id_number <> '' ORDER BY d.id LIMIT 1"
        ).fetchone()
        agency = conn.execute(
            "SELECT a.code FROM accounts_user u JOIN agencies_agency a ON a.id = u.agency_id"
            " WHERE u.username = 'tiepnhan.dongkinh'").fetchone()
        requirements = conn.execute(
            "SELECT r.id, r.name, r.\"case\", r.originals, r.certified_copies, r.photocopies"
            " FROM catalog_requirement r JOIN catalog_procedureversion v ON v.id = r.version_id"
            " JOIN catalog_procedure p ON p.id = v.procedure_id WHERE p.code = %s"
            " AND v.valid_from <= current_date AND (v.valid_to IS NULL OR v.valid_to >= current_date)"
            " AND r.originals + r.certified_copies + r.photocopies > 0 ORDER BY r.id",
            [SUBMITTED_PROCEDURE]).fetchall()
        conn.execute("CREATE TABLE IF NOT EXISTS bench_submission (id bigserial PRIMARY KEY,"
                     " procedure_code text, receiving_agency text, applicant_id_number text, files text,"
                     " created_at timestamptz DEFAULT now())")
    if row is None or agency is None or len(requirements) < 2:
        raise SystemExit("the demo built no dossier, desk agency or procedure with two documents")
    # Every always-required document gets a file (the API refuses the submission otherwise), then
    # others until there are two files.
    keys = ("id", "name", "case", "originals", "certified_copies", "photocopies")
    items = [SimpleNamespace(**dict(zip(keys, r, strict=True))) for r in requirements]
    required = [r.id for r in items if is_always_required(r)]
    chosen = (required + [r.id for r in items if r.id not in required])[: max(2, len(required))]
    return Demo(row[0], row[1], SUBMITTED_PROCEDURE, agency[0], chosen)


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


class Response(NamedTuple):
    status_code: int
    headers: dict[str, str]  # names in lower case
    body: bytes

    def json(self) -> Any:
        return json.loads(self.body)


class Http:
    """A lean HTTP/1.1 client over asyncio streams, with the cookies and headers of one visitor.

    A request is one write of its head and body; the answer is read by its Content-Length (or
    its chunks). The connection is kept when the server keeps it (gunicorn's sync workers close
    it after each answer, as the reverse proxy's upstream connections would be).
    """

    def __init__(self, base: str) -> None:
        address = urlsplit(base)
        self.host, self.port = address.hostname or "127.0.0.1", address.port or 80
        self.headers: dict[str, str] = {}
        self.cookies: dict[str, str] = {}
        self._stream: tuple[asyncio.StreamReader, asyncio.StreamWriter] | None = None

    async def get(self, path: str, params: dict[str, Any] | None = None) -> Response:
        return await self.request("GET", f"{path}?{urlencode(params)}" if params else path)

    async def post(self, path: str, body: bytes, content_type: str) -> Response:
        return await self.request("POST", path, body, content_type)

    async def post_json(self, path: str, payload: Any) -> Response:
        return await self.post(path, json.dumps(payload).encode(), "application/json")

    async def request(self, method: str, path: str, body: bytes = b"", content_type: str = "") -> Response:
        lines = [f"{method} {path} HTTP/1.1", f"Host: {self.host}:{self.port}",
                 f"Content-Length: {len(body)}"]
        if content_type:
            lines.append(f"Content-Type: {content_type}")
        if self.cookies:
            lines.append("Cookie: " + "; ".join(f"{k}={v}" for k, v in self.cookies.items()))
        lines += [f"{k}: {v}" for k, v in self.headers.items()]
        head = ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1")
        reused = self._stream is not None
        try:
            return await self._exchange(head, body)
        except (ConnectionError, asyncio.IncompleteReadError):
            if not reused or method != "GET":  # a POST may have been handled: never sent twice
                raise
            self._stream = None  # the server closed a kept connection: once more on a new one
            return await self._exchange(head, body)

    async def _exchange(self, head: bytes, body: bytes) -> Response:
        if self._stream is None:
            self._stream = await asyncio.open_connection(self.host, self.port)
        reader, writer = self._stream
        writer.write(head + body)
        await writer.drain()
        status_line, *header_lines = (await reader.readuntil(b"\r\n\r\n")).decode("latin-1").split("\r\n")
        headers: dict[str, str] = {}
        for line in header_lines:
            if line:
                name, _, value = line.partition(":")
                name, value = name.strip().lower(), value.strip()
                if name == "set-cookie":
                    cookie_name, _, cookie_value = value.split(";", 1)[0].partition("=")
                    self.cookies[cookie_name.strip()] = cookie_value.strip()
                headers[name] = value
        if "content-length" in headers:
            content = await reader.readexactly(int(headers["content-length"]))
        elif headers.get("transfer-encoding", "").lower() == "chunked":
            chunks = []
            while size := int((await reader.readuntil(b"\r\n")).split(b";")[0], 16):
                chunks.append(await reader.readexactly(size))
                await reader.readexactly(2)
            await reader.readuntil(b"\r\n")
            content = b"".join(chunks)
        else:
            content = await reader.read()
        if headers.get("connection", "").lower() == "close" or status_line.startswith("HTTP/1.0"):
            writer.close()
            self._stream = None
        return Response(int(status_line.split(" ", 2)[1]), headers, content)

    def close(self) -> None:
        if self._stream is not None:
            self._stream[1].close()
            self._stream = None


Request = Callable[[Http, int], Any]
Setup = Callable[[Http], Any]


async def drive(base: str, request: Request, clients: int, per_client: int,
                setup: Setup | None = None) -> dict[str, float]:
    """`clients` concurrent clients, each sending `per_client` requests one after the other.

    Each client is set up (signed in) once, before its warm-up requests and the clock.
    """
    latencies: list[float] = []
    failures = 0
    visitors = [Http(base) for _ in range(clients)]
    if setup is not None:
        await asyncio.gather(*(setup(http) for http in visitors))

    async def client(number: int) -> None:
        nonlocal failures
        http = visitors[number]
        for i in range(per_client):
            began = time.perf_counter()
            response = await request(http, number * per_client + i)
            latencies.append((time.perf_counter() - began) * 1000)
            if response.status_code not in (200, 201):
                failures += 1

    # Warm-up: every worker answers a few requests before the clock starts.
    await asyncio.gather(*(client(n) for n in range(clients)))
    latencies.clear()
    failures = 0
    began = time.perf_counter()
    await asyncio.gather(*(client(n) for n in range(clients)))
    seconds = time.perf_counter() - began
    for http in visitors:
        http.close()
    ordered = sorted(latencies)
    return {
        "requests_per_s": round(len(ordered) / seconds, 1),
        "p50_ms": round(statistics.median(ordered), 2),
        "p95_ms": round(ordered[max(0, int(len(ordered) * 0.95) - 1)], 2),
        "failures": failures,
    }


def pdf(size: int, seed: int) -> bytes:
    """A PDF of about `size` bytes (one page whose content stream is padding)."""
    body = b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
    body += b"2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n"
    body += b"3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >> endobj\n"
    padding = (b"%% scanned page %d\n" % seed) * (size // 20)
    return body + padding[: max(0, size - len(body) - 6)] + b"%%EOF\n"


FILES = [("giay-chung-sinh.pdf", pdf(200_000, 1)), ("to-khai.pdf", pdf(128_000, 2))]  # 328 KB


def multipart(fields: list[tuple[str, str]], files: list[tuple[str, str, bytes, str]]) -> tuple[bytes, str]:
    """A form-data body and its type: fields (name, value), files (name, filename, content, type)."""
    boundary = secrets.token_hex(16)
    parts = [f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'.encode()
             for name, value in fields]
    parts += [f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; filename="{filename}"\r\n'
              f"Content-Type: {kind}\r\n\r\n".encode() + content + b"\r\n"
              for name, filename, content, kind in files]
    return b"".join([*parts, f"--{boundary}--\r\n".encode()]), f"multipart/form-data; boundary={boundary}"


async def sign_in(http: Http) -> None:
    response = await http.post_json("/api/v1/auth/login", {"username": CITIZEN[0], "password": CITIZEN[1]})
    if response.status_code != 200:
        raise SystemExit(f"sign-in refused: {response.status_code}")
    http.headers["X-CSRFToken"] = response.json()["csrf_token"]


Scenario = tuple[Request, Request, Setup | None]


def scenarios(demo: Demo) -> dict[str, Scenario]:
    queries = [json.loads(line)["query"] for line in QUERIES.read_text(encoding="utf-8").splitlines() if line]
    lookup = {"code": demo.code, "id_number": demo.id_number}
    form = [("procedure_code", demo.procedure), ("receiving_agency", demo.agency),
            *(("requirement_ids", str(r)) for r in demo.requirement_ids),
            ("applicant_id_number", demo.id_number)]
    # Two files of 200 KB and 128 KB (328 KB), more small ones if the procedure requires more.
    contents = [FILES[min(i, 1)] for i in range(len(demo.requirement_ids))]
    files = [("files", f"{i}-{name}", content, "application/pdf")
             for i, (name, content) in enumerate(contents)]
    # Encoded once: both sides send these very bytes.
    upload, upload_type = multipart(form, files)

    def motcua_lookup(http: Http, _i: int) -> Any:
        return http.post_json("/api/v1/lookup", lookup)

    def reference_lookup(http: Http, _i: int) -> Any:
        return http.post_json("/bench/lookup", lookup)

    def motcua_search(http: Http, i: int) -> Any:
        query = {"q": queries[i % len(queries)], "page_size": 10}
        return http.get("/api/v1/catalog/procedures", params=query)

    def reference_search(http: Http, i: int) -> Any:
        return http.get("/bench/search", params={"q": queries[i % len(queries)]})

    def motcua_submission(http: Http, _i: int) -> Any:
        return http.post("/api/v1/dossiers", upload, upload_type)

    def reference_submission(http: Http, _i: int) -> Any:
        return http.post("/bench/submission", upload, upload_type)

    return {"lookup": (motcua_lookup, reference_lookup, None),
            "search": (motcua_search, reference_search, None),
            "submission": (motcua_submission, reference_submission, sign_in)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--clients", type=int, default=16, help="concurrent clients (default 16)")
    parser.add_argument("--requests", type=int, default=100, help="requests per client and side")
    parser.add_argument("--workers", type=int, default=2 * (os.cpu_count() or 1) + 1,
                        help="gunicorn workers (default 2×CPU+1)")
    parser.add_argument("--reuse", action="store_true", help="keep the database built by an earlier run")
    parser.add_argument("--only", choices=("lookup", "search", "submission"), action="append",
                        help="run only this scenario (repeatable; default: all three)")
    parser.add_argument("--single", type=int, default=200,
                        help="requests of the one-client latency run per scenario and side (0: none)")
    parser.add_argument("--redis", default="", metavar="URL",
                        help="serve with MOTCUA_REDIS_URL=URL (the production set-up of the README: throttles"
                             " in Redis); default: the database cache")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    args = parser.parse_args()

    url = os.environ.get("DATABASE_URL", DEFAULT_URL)
    if not url.startswith("postgres"):
        raise SystemExit("bench/http_load.py measures the production set-up: DATABASE_URL=postgres://…")
    ensure_database(url)
    with tempfile.TemporaryDirectory(prefix="motcua-bench-http-") as var_dir:
        env = server_env(url, var_dir, args.redis)
        demo = prepare(url, env, args.reuse)
        port = free_port()
        server = start_server(env, port, args.workers)
        try:
            base = f"http://127.0.0.1:{port}"
            report: dict[str, Any] = {"clients": args.clients, "requests_per_client": args.requests,
                                      "workers": args.workers, "server": "gunicorn (motcua serve)",
                                      "cache": "redis" if args.redis else "database"}
            for name, (ours, reference, setup) in scenarios(demo).items():
                if args.only and name not in args.only:
                    continue
                motcua = asyncio.run(drive(base, ours, args.clients, args.requests, setup))
                plain = asyncio.run(drive(base, reference, args.clients, args.requests))
                report[name] = {"motcua": motcua, "reference": plain,
                                "ratio": round(motcua["requests_per_s"] / plain["requests_per_s"], 3),
                                "p95_ratio": round(motcua["p95_ms"] / plain["p95_ms"], 3)}
                if args.single:
                    # Latency without queueing: one client, one request after the other (after the
                    # same number of warm-up requests), motcua and the reference in turn.
                    alone = asyncio.run(drive(base, ours, 1, args.single, setup))
                    plain_alone = asyncio.run(drive(base, reference, 1, args.single))
                    report[name]["single_client"] = {
                        "motcua": alone, "reference": plain_alone,
                        "p50_ratio": round(alone["p50_ms"] / plain_alone["p50_ms"], 3),
                        "p95_ratio": round(alone["p95_ms"] / plain_alone["p95_ms"], 3)}
            if "search" in report:  # issue #17's goal: catalog search p95 ≤ 15 ms
                report["search"]["p95_goal_ms"] = SEARCH_P95_GOAL_MS
        finally:
            server.terminate()
            server.wait(timeout=30)
    if args.json:
        print(json.dumps(report))
        return
    print(f"{args.clients} clients × {args.requests} requests per side, {args.workers} gunicorn workers")
    for name in ("lookup", "search", "submission"):
        if name not in report:
            continue
        row = report[name]
        for side in ("motcua", "reference"):
            figures = row[side]
            print(f"{name:<10} {side:<10} {figures['requests_per_s']:8.1f} req/s"
                  f"  p50 {figures['p50_ms']:7.2f} ms  p95 {figures['p95_ms']:7.2f} ms"
                  f"  failures {figures['failures']}")
        print(f"{name:<10} motcua / reference: {row['ratio']:.2f}x (rate), {row['p95_ratio']:.2f}x (p95)")
        if "single_client" in row:
            alone = row["single_client"]
            for side in ("motcua", "reference"):
                figures = alone[side]
                print(f"{name:<10} {side:<10} one client: p50 {figures['p50_ms']:7.2f} ms"
                      f"  p95 {figures['p95_ms']:7.2f} ms  failures {figures['failures']}")
            print(f"{name:<10} one client, motcua / reference: {alone['p95_ratio']:.2f}x (p95)")
    if "search" in report:
        row = report["search"]
        print(f"search p95, {args.clients} clients: motcua {row['motcua']['p95_ms']:.2f} ms, reference"
              f" (plain SQL view, same server) {row['reference']['p95_ms']:.2f} ms;"
              f" goal ≤ {SEARCH_P95_GOAL_MS} ms")
        if "single_client" in row:
            alone = row["single_client"]
            print(f"search p95, one client: motcua {alone['motcua']['p95_ms']:.2f} ms, reference"
                  f" {alone['reference']['p95_ms']:.2f} ms; goal ≤ {SEARCH_P95_GOAL_MS} ms")


if __name__ == "__main__":
    main()
