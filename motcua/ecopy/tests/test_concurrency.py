"""Concurrent certifications get distinct, consecutive register numbers (row lock on the sequence)."""

from __future__ import annotations

import threading
import time
from typing import Any

from django.db import OperationalError, connection, connections

from motcua.dossiers.sample import World
from motcua.ecopy import services
from motcua.ecopy.models import CertifiedCopy

from .scans import original

THREADS = 12 if connection.vendor == "postgresql" else 4


def _patient(work: Any) -> Any:
    """On SQLite's shared-cache test database a locked table fails at once: retry like a user would."""
    for _ in range(1000):
        try:
            return work()
        except OperationalError as error:
            if connection.vendor != "sqlite" or "locked" not in str(error):
                raise
            time.sleep(0.01)
    raise AssertionError("SQLite stayed locked")


def test_concurrent_certifications_get_distinct_consecutive_numbers(live_world: World) -> None:
    scans = original(1)
    barrier = threading.Barrier(THREADS)
    results: list[Any] = [None] * THREADS

    def run(index: int) -> None:
        try:
            barrier.wait(timeout=60)  # a thread that never arrives breaks it: no thread waits forever
            request = services.CopyRequest(document_name="Giấy khai sinh", requester_name=f"Người {index}",
                                           requester_identifier="020190001234", pages=1, copies=1)
            results[index] = _patient(lambda: services.certify_copy(live_world.receptionist, scans, request))
        except Exception as error:  # asserted below
            results[index] = error
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, daemon=True, args=(i,)) for i in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=300)
    assert not [thread for thread in threads if thread.is_alive()], "a thread is still running"
    errors = [r for r in results if isinstance(r, Exception)]
    assert not errors, errors
    numbers = sorted(CertifiedCopy.objects.values_list("number", flat=True))
    assert numbers == list(range(1, THREADS + 1))
