"""kill -9 under load (issue #18, done-when): acknowledged dossiers survive with their files.

The production server (`motcua serve`, gunicorn) runs on a freshly migrated database of its own
(`migrated_database`: PostgreSQL when DATABASE_URL names one (CI), else a SQLite file) while 16
citizens submit online with files through the API. The server's process group is killed with SIGKILL
mid-way and started again. Then every dossier that was acknowledged (201) exists with every file it
was sent, `motcua dossiers check-files --clean` leaves no orphan and no row without its file, and
`verify-audit` passes against the checkpoints sealed before and after the crash.

On SQLite the same scenario runs (SQLite commits are atomic and durable as well; its writers
are serialised, so fewer submissions get through and some wait on the lock); the test also
asserts which database it ran on, so a CI run on PostgreSQL cannot silently fall back to SQLite.
"""

from __future__ import annotations

import collections
import json
import os
import secrets
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
import requests
from django.conf import settings

CLIENTS = 16
PDF = b"%PDF-1.7\n1 0 obj\n<<>>\nendobj\n" + b"%" * 2048 + b"\n%%EOF\n"

SEED = """
import json
import django
django.setup()
from django.contrib.auth import SESSION_KEY
from django.contrib.sessions.backends.db import SessionStore
from motcua.accounts.models import Role, User
from motcua.dossiers.sample import build_world
world = build_world()
sessions = []
for i in range(%(clients)d):
    user = User.objects.create_user(f"congdan.tai.{i}", password=None, role=Role.CITIZEN,
                                    full_name=f"Người nộp {i}", id_number=f"0201900{i:05d}")
    store = SessionStore()
    store[SESSION_KEY] = str(user.pk)
    store["_auth_user_backend"] = "django.contrib.auth.backends.ModelBackend"
    store["_auth_user_hash"] = user.get_session_auth_hash()
    store.create()
    sessions.append(store.session_key)
print(json.dumps({"sessions": sessions, "agency": world.ward_center.code,
                  "requirements": list(world.birth.requirements.values_list("pk", flat=True))}))
"""


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _run(env: dict[str, str], *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
    done = subprocess.run([sys.executable, *args], cwd=settings.BASE_DIR, env=env, capture_output=True,
                          text=True, timeout=600)
    if check:
        assert done.returncode == 0, done.stdout + done.stderr
    return done


def _start(env: dict[str, str], port: int) -> subprocess.Popen[str]:
    server = subprocess.Popen(
        [sys.executable, "-m", "motcua", "serve", "--bind", f"127.0.0.1:{port}", "--workers", "2",
         "--threads", "4"],
        cwd=settings.BASE_DIR, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
        start_new_session=True,  # its own process group: kill -9 reaches the master and the workers
    )
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline and server.poll() is None:
        try:
            if requests.get(f"http://127.0.0.1:{port}/healthz", timeout=2).status_code == 200:
                return server
        except requests.RequestException:
            time.sleep(0.2)
    os.killpg(server.pid, signal.SIGKILL)
    raise AssertionError(f"server did not start: {server.communicate()[0][-3000:]}")


def _citizen(session_key: str) -> requests.Session:
    http = requests.Session()
    csrf = secrets.token_urlsafe(24)[:32]
    http.cookies.set(settings.SESSION_COOKIE_NAME, session_key)
    http.cookies.set(settings.CSRF_COOKIE_NAME, csrf)
    http.headers["X-CSRFToken"] = csrf
    return http


@pytest.mark.slow
def test_acknowledged_dossiers_survive_kill_9_with_their_files_and_no_orphans(
    tmp_path: Path, migrated_database: str
) -> None:
    url = migrated_database
    vendor = "postgresql" if url.startswith("postgres://") else "sqlite"
    env = {k: v for k, v in os.environ.items() if not k.startswith(("MOTCUA_", "DJANGO_", "DATABASE_URL"))}
    env.update({
        "SECRET_KEY": secrets.token_urlsafe(50), "ALLOWED_HOSTS": "127.0.0.1", "DATABASE_URL": url,
        "MOTCUA_VAR_DIR": str(tmp_path / "var"), "MOTCUA_AUDIT_DIR": str(tmp_path / "audit"),
        "MOTCUA_AUDIT_KEY_FILE": str(tmp_path / "audit.key"), "MOTCUA_SECURE_COOKIES": "0",
        "MOTCUA_PUBLIC_URL": "https://dichvucong.langson.gov.vn",
        "DJANGO_SETTINGS_MODULE": "motcua.settings",
    })
    media = tmp_path / "var" / "uploads"
    port = _free_port()
    server: subprocess.Popen[str] | None = None
    try:
        seed = json.loads(_run(env, "-c", SEED % {"clients": CLIENTS}).stdout.strip().splitlines()[-1])
        _run(env, "-m", "motcua", "dossiers", "seal-audit")  # the checkpoint before the crash
        server = _start(env, port)

        acknowledged: dict[str, int] = {}  # code → files sent
        answers: collections.Counter[str] = collections.Counter()  # what the server said, for a failure
        lock = threading.Lock()
        stop = threading.Event()

        def submit(session_key: str) -> None:
            http = _citizen(session_key)
            requirements = seed["requirements"]
            while not stop.is_set():
                files = [("files", (f"giay-{n}.pdf", PDF, "application/pdf")) for n in requirements]
                try:
                    response = http.post(
                        f"http://127.0.0.1:{port}/api/v1/dossiers", files=files, timeout=20,
                        data={"procedure_code": "1.001193", "receiving_agency": seed["agency"],
                              "requirement_ids": requirements})
                except requests.Timeout:
                    answers["timeout"] += 1
                    continue  # a slow answer on a loaded machine: the server is still there
                except requests.RequestException:
                    return  # the server is gone
                answers[str(response.status_code)] += 1
                if response.status_code == 201:
                    with lock:
                        acknowledged[response.json()["code"]] = len(requirements)
                elif response.status_code == 429:
                    return

        threads = [threading.Thread(target=submit, args=(key,)) for key in seed["sessions"]]
        for thread in threads:
            thread.start()
        deadline = time.monotonic() + 240  # a loaded machine (CI beside other work) is slow
        while len(acknowledged) < 24 and time.monotonic() < deadline:
            time.sleep(0.05)
        os.killpg(server.pid, signal.SIGKILL)  # mid-way: requests are still in flight
        stop.set()
        for thread in threads:
            thread.join(timeout=30)
        server.communicate(timeout=30)
        assert len(acknowledged) >= 8, f"too few submissions before the crash: {dict(answers)}"

        server = _start(env, port)
        for code, sent in acknowledged.items():
            # The owner reads it back from the restarted server: the dossier and each file.
            owner = next(key for key in seed["sessions"] if _owns(port, key, code))
            detail = _citizen(owner).get(f"http://127.0.0.1:{port}/api/v1/dossiers/{code}", timeout=10).json()
            assert len(detail["files"]) == sent, (code, detail["files"])
            for attached in detail["files"]:
                download = _citizen(owner).get(
                    f"http://127.0.0.1:{port}/api/v1/dossiers/{code}/files/{attached['id']}", timeout=10)
                assert download.status_code == 200 and download.content == PDF

        cleaned = json.loads(_run(env, "-m", "motcua", "dossiers", "check-files", "--clean",
                                  "--grace-minutes", "0", "--json", check=False).stdout)
        assert cleaned["missing"] == [], cleaned
        print(f"\n{vendor}: {len(acknowledged)} acknowledged before kill -9, "
              f"{len(cleaned['removed'])} orphan files removed by the cleanup")
        after = _run(env, "-m", "motcua", "dossiers", "check-files", "--grace-minutes", "0", "--json")
        report = json.loads(after.stdout)
        assert report["orphans"] == [] and report["missing"] == [] and report["recent_orphans"] == []
        on_disk = {p.relative_to(media).as_posix() for p in (media / "dossiers").rglob("*") if p.is_file()}
        assert len(on_disk) == report["rows"] >= sum(acknowledged.values())

        _run(env, "-m", "motcua", "dossiers", "seal-audit")  # the checkpoint after the restart
        verified = _run(env, "-m", "motcua", "dossiers", "verify-audit", "--json")
        assert json.loads(verified.stdout) == []
        database = _run(env, "-c", "import django; django.setup(); from django.db import connection; "
                        "print(connection.vendor)").stdout.strip()
        assert database == vendor
        if os.environ.get("DATABASE_URL", "").startswith(("postgres://", "postgresql://")):
            assert database == "postgresql"
    finally:
        if server is not None and server.poll() is None:
            os.killpg(server.pid, signal.SIGKILL)
            server.communicate(timeout=30)


def _owns(port: int, session_key: str, code: str) -> bool:
    return _citizen(session_key).get(f"http://127.0.0.1:{port}/api/v1/dossiers/{code}",
                                     timeout=10).status_code == 200
