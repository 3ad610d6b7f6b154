"""Threads released at the same moment, for the tests of concurrent writers (one connection each).

`run_at_once(count, work)` starts `count` threads behind a barrier; each calls `work(index)` and
closes its connections; the result or exception of each comes back in order. No thread waits
forever: the barrier times out when one never arrives (it breaks for the others), threads are
daemons, and a thread still running after `join_timeout` fails the test.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import Any, TypeVar

from django.db import OperationalError, connection, connections

T = TypeVar("T")


def patient(work: Callable[[], T], attempts: int = 500, pause: float = 0.005) -> T:
    """Call `work`; on SQLite's in-memory test database, retry when a table is locked.

    The test database is a shared-cache in-memory SQLite, whose table locks fail at once
    (SQLITE_LOCKED ignores the busy timeout); the file database used outside tests waits
    instead. Each failed attempt rolled back entirely, so retrying it is what a user would do.
    """
    for _ in range(attempts):
        try:
            return work()
        except OperationalError as error:
            if connection.vendor != "sqlite" or "locked" not in str(error):
                raise
            time.sleep(pause)
    raise AssertionError("SQLite stayed locked")


def run_at_once(count: int, work: Callable[[int], Any], join_timeout: float = 120,
                attempts: int = 500, pause: float = 0.005) -> list[Any]:
    """Start `count` threads behind a barrier; return each one's result or exception."""
    barrier = threading.Barrier(count)
    results: list[Any] = [None] * count

    def run(index: int) -> None:
        try:
            barrier.wait(timeout=60)  # a thread that never arrives breaks it: no thread waits forever
            results[index] = patient(lambda: work(index), attempts, pause)
        except Exception as error:  # collected and asserted by the test
            results[index] = error
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, daemon=True, args=(i,)) for i in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=join_timeout)
    assert not [thread for thread in threads if thread.is_alive()], "a thread is still running"
    return results
