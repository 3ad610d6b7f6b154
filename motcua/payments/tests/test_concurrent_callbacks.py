"""Callbacks that arrive at the same moment record the payment exactly once (PostgreSQL row locks)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from typing import Any

import pytest

from motcua.core.tests.racing import run_at_once
from motcua.dossiers.models import Dossier, Status
from motcua.e2e.world import build_world
from motcua.payments import services
from motcua.payments.models import Notification, PaymentOrder

from .conftest import awaiting_payment, notification

pytestmark = [
    pytest.mark.django_db(transaction=True),
    # needs one database shared by several connections (PostgreSQL; SQLite tests use memory)
    pytest.mark.postgresql,
]

THREADS = 8


def _race(bodies: Callable[[int], bytes]) -> Counter[str]:
    signed = [bodies(index) for index in range(THREADS)]
    results = run_at_once(THREADS, lambda index: services.receive_callback("sandbox", signed[index]).code,
                          join_timeout=60)
    errors = [r for r in results if isinstance(r, Exception)]
    assert not errors, errors
    return Counter(results)


def _setup(transactional_db: Any) -> tuple[Dossier, PaymentOrder]:
    world = build_world()
    dossier = awaiting_payment(world)
    return dossier, services.start_payment(world.citizen, dossier)


def _paid_once(dossier: Dossier, order: PaymentOrder) -> None:
    revision = dossier.revision
    dossier.refresh_from_db()
    order.refresh_from_db()
    assert dossier.status == Status.PROCESSING and dossier.revision == revision + 1
    assert dossier.events.filter(action="record_payment").count() == 1
    assert order.status == PaymentOrder.Status.PAID


def test_the_same_notification_sent_eight_times_at_once_is_recorded_once(transactional_db: Any) -> None:
    dossier, order = _setup(transactional_db)
    body = notification(order)
    codes = _race(lambda _i: body)
    assert codes == Counter({"accepted": 1, "replayed": THREADS - 1})
    _paid_once(dossier, order)


def test_retries_with_fresh_nonces_at_once_are_recorded_once(transactional_db: Any) -> None:
    dossier, order = _setup(transactional_db)
    bodies = [notification(order) for _ in range(THREADS)]
    codes = _race(lambda i: bodies[i])
    assert codes == Counter({"accepted": 1, "already_recorded": THREADS - 1})
    _paid_once(dossier, order)
    assert Notification.objects.filter(outcome=Notification.Outcome.DUPLICATE).count() == THREADS - 1
