"""Threads sharing one SQLite connection (a live server on the in-memory test database) never
deadlock: motcua/core/tests/sqlite_sharing.py, installed by the root conftest.py."""

from __future__ import annotations

import subprocess
import sys

from django.conf import settings

# One thread evaluates a Python function of Django's inside SQLite over many rows while another
# binds parameters and reads rows through the same connection: without the lock the process
# deadlocks within seconds (checked on 30 Nov 2026: 3 of 3 runs stuck until killed).
SCENARIO = """
import sys, threading
import django
from django.conf import settings
settings.configure(DATABASES={"default": {"ENGINE": "django.db.backends.sqlite3",
                   "NAME": "file:motcua_sharing?mode=memory&cache=shared"}}, USE_TZ=True, TIME_ZONE="UTC")
django.setup()
from motcua.core.tests.sqlite_sharing import install
install()
from django.db import connections
shared = connections["default"]
with shared.cursor() as cursor:
    cursor.execute("CREATE TABLE t (id integer primary key, at text)")
    cursor.executemany("INSERT INTO t (at) VALUES (%s)", [("2026-03-02 08:00:00",)] * 8000)
shared.inc_thread_sharing()
done = []

def scan():
    connections["default"] = shared
    for _ in range(6):
        with shared.cursor() as cursor:
            cursor.execute("SELECT COUNT(*) FROM t WHERE django_datetime_cast_date(at, 'UTC', 'UTC') = %s",
                           ["2026-03-02"])
            assert cursor.fetchone() == (8000,)
    done.append("scan")

def lookups():
    connections["default"] = shared
    for i in range(4000):
        with shared.cursor() as cursor:
            cursor.execute("SELECT id FROM t WHERE id = %s", [i + 1])
            assert cursor.fetchone() == (i + 1,)
    done.append("lookups")

threads = [threading.Thread(target=scan, daemon=True), threading.Thread(target=lookups, daemon=True)]
for thread in threads:
    thread.start()
for thread in threads:
    thread.join()
print(" ".join(sorted(done)))
"""


def test_the_tests_sqlite_cursors_hold_their_connections_lock() -> None:
    from django.db.backends.sqlite3.base import DatabaseWrapper

    assert getattr(DatabaseWrapper.create_cursor, "motcua_serial", False)


def test_two_threads_on_one_sqlite_connection_finish() -> None:
    result = subprocess.run([sys.executable, "-c", SCENARIO], cwd=settings.BASE_DIR, capture_output=True,
                            text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["lookups", "scan"]
