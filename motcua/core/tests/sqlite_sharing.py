"""One thread at a time inside SQLite through a connection that several threads share.

The SQLite suite's test database lives in memory, so a live server (pytest-django's
`live_server`, the browser tests) hands the test's own connection to its server thread and to
every request thread (Django's `connections_override`): several threads use one `sqlite3`
connection at once. That can deadlock the whole process for good. Python 3.11's `sqlite3`
binds a statement's parameters and reads a row's columns while holding the GIL, and those
calls take the connection's SQLite mutex; another thread inside `sqlite3_step` (GIL released)
holds that mutex and, to evaluate one of the Python functions Django registers
(`django_datetime_cast_date`, …), waits for the GIL. Each waits for the other; no Python code
runs again in the process, so neither pytest-timeout (its signal handler is Python code) nor
xdist can report anything: both workers simply stop (session 8's landing CI, 91 %, and again on
30 Nov 2026 in `motcua/e2e/tests/test_centre_floor.py`, a request's session lookup against the
screens' event stream).

`install()` (root conftest.py) makes Django's SQLite cursors of a connection shared between
threads (`inc_thread_sharing`, as the live server does) take a lock of their connection around
every call that enters SQLite (execute, fetch, close), so that only one thread at a time is
inside SQLite through it: a thread waiting for that lock waits without the GIL. The cursors of
an unshared connection are Django's own (≈ 1–2 µs less per statement). Nothing else changes
(the same statements, the same results); outside the tests a connection belongs to one thread
and the product does not need this.
"""

from __future__ import annotations

import threading
from typing import Any


def _lock(wrapper: Any) -> threading.RLock:
    # dict.setdefault is atomic under the GIL: two threads get the same lock.
    lock: threading.RLock = wrapper.__dict__.setdefault("_motcua_sqlite_lock", threading.RLock())
    return lock


def install() -> None:
    """Django's SQLite `create_cursor` returns cursors that hold their connection's lock."""
    from django.db.backends.sqlite3 import base

    if getattr(base.DatabaseWrapper.create_cursor, "motcua_serial", False):
        return

    class SerialCursor(base.SQLiteCursorWrapper):
        motcua_lock: threading.RLock

        def execute(self, query: Any, params: Any = None) -> Any:
            with self.motcua_lock:
                return super().execute(query, params)

        def executemany(self, query: Any, param_list: Any) -> Any:
            with self.motcua_lock:
                return super().executemany(query, param_list)

        def executescript(self, script: Any) -> Any:
            with self.motcua_lock:
                return super().executescript(script)

        def fetchone(self) -> Any:
            with self.motcua_lock:
                return super().fetchone()

        def fetchmany(self, *args: Any, **kwargs: Any) -> Any:
            with self.motcua_lock:
                return super().fetchmany(*args, **kwargs)

        def fetchall(self) -> Any:
            with self.motcua_lock:
                return super().fetchall()

        def __next__(self) -> Any:
            with self.motcua_lock:
                return super().__next__()

        def close(self) -> None:
            with self.motcua_lock:
                super().close()

    def create_cursor(self: Any, name: Any = None) -> Any:
        if not self.allow_thread_sharing:  # one thread's connection: Django's cursor, no lock to take
            return self.connection.cursor(factory=base.SQLiteCursorWrapper)
        cursor = self.connection.cursor(factory=SerialCursor)
        cursor.motcua_lock = _lock(self)
        return cursor

    create_cursor.motcua_serial = True  # type: ignore[attr-defined]
    base.DatabaseWrapper.create_cursor = create_cursor  # type: ignore[method-assign]
