"""Concurrent certifications get distinct, consecutive register numbers (row lock on the sequence)."""

from __future__ import annotations

from typing import Any

from django.db import connection

from motcua.core.tests.racing import run_at_once
from motcua.dossiers.sample import World
from motcua.ecopy import services
from motcua.ecopy.models import CertifiedCopy

from .scans import original

THREADS = 12 if connection.vendor == "postgresql" else 4


def test_concurrent_certifications_get_distinct_consecutive_numbers(live_world: World) -> None:
    scans = original(1)

    def certify(index: int) -> Any:
        request = services.CopyRequest(document_name="Giấy khai sinh", requester_name=f"Người {index}",
                                       requester_identifier="020190001234", pages=1, copies=1)
        return services.certify_copy(live_world.receptionist, scans, request)

    results = run_at_once(THREADS, certify, join_timeout=300, attempts=1000, pause=0.01)
    errors = [r for r in results if isinstance(r, Exception)]
    assert not errors, errors
    numbers = sorted(CertifiedCopy.objects.values_list("number", flat=True))
    assert numbers == list(range(1, THREADS + 1))
