"""Concurrent kiosks get distinct consecutive numbers; two counters calling at once never share a ticket.

Real transactions (`transactional_db`), one database connection per thread: on PostgreSQL the
row lock of the day's sequence and `select_for_update(skip_locked=True)` do the work; on SQLite
IMMEDIATE transactions serialise writers.
"""

from __future__ import annotations

import datetime as dt

import pytest

from motcua.centre import services
from motcua.centre.models import Call, Ticket, TicketStatus
from motcua.centre.services import CentreError
from motcua.core.tests.racing import run_at_once
from motcua.dossiers.sample import build_world

from .conftest import Floorplan, at, build_floor

KIOSKS = 16


@pytest.fixture
def live_floor(transactional_db: None) -> Floorplan:
    return build_floor(build_world())


def test_sixteen_kiosks_at_once_get_distinct_consecutive_numbers(live_floor: Floorplan) -> None:
    fp = live_floor
    results = run_at_once(
        KIOSKS,
        lambda i: (
            services.take_ticket(
                fp.world.ward_center, fp.civil if i % 2 else fp.certification, at=at("2026-03-02 09:00")
            ).number
        ),
    )
    assert sorted(results) == list(range(1, KIOSKS + 1)), results


def test_two_counters_calling_at_once_never_get_the_same_ticket(live_floor: Floorplan) -> None:
    fp = live_floor
    for minute in range(8):
        services.take_ticket(fp.world.ward_center, fp.civil, at=at(f"2026-03-02 08:0{minute}"))
    pairs = [(fp.officer1, fp.counter1), (fp.officer2, fp.counter2)]
    called: list[int] = []
    for round_ in range(4):
        when = at(f"2026-03-02 09:0{round_}")

        def call(index: int, when: dt.datetime = when) -> Ticket:
            return services.call_next(*pairs[index], at=when)

        results = run_at_once(2, call)
        assert all(isinstance(r, Ticket) for r in results), results
        called += [r.pk for r in results]
        for officer, counter in pairs:
            current = services.current_ticket(counter)
            assert current is not None
            services.skip_absent(officer, current, at=at(f"2026-03-02 09:0{round_}:30"))
    assert len(called) == len(set(called)) == 8
    assert Call.objects.count() == 8
    assert not Ticket.objects.filter(status=TicketStatus.WAITING).exists()


def test_two_officers_finishing_the_same_ticket_one_wins(live_floor: Floorplan) -> None:
    fp = live_floor
    ticket = services.take_ticket(fp.world.ward_center, fp.civil, at=at("2026-03-02 08:00"))
    services.call_next(fp.officer1, fp.counter1, at=at("2026-03-02 08:05"))
    services.start_serving(fp.officer1, ticket, at=at("2026-03-02 08:06"))
    results = run_at_once(
        2, lambda i: services.finish_serving(fp.officer1, ticket, at=at("2026-03-02 08:10"))
    )
    assert sum(isinstance(r, Ticket) for r in results) == 1
    assert [r.code for r in results if isinstance(r, CentreError)] == ["already_handled"]
