"""Query counts per action, pinned: a count that grows is a regression a reviewer sees."""

from __future__ import annotations

from django.db import connection
from django.test.utils import CaptureQueriesContext

from motcua.centre import services

from .conftest import Floorplan, at


def _count(action: object) -> int:
    with CaptureQueriesContext(connection) as captured:
        action()  # type: ignore[operator]
    return len(captured.captured_queries)


def test_query_counts_of_the_floor_actions(floorplan: Floorplan) -> None:
    fp = floorplan
    centre = fp.world.ward_center
    services.take_ticket(centre, fp.civil, at=at("2026-03-02 08:00"))  # warm the calendar
    services.take_ticket(centre, fp.civil, at=at("2026-03-02 08:00"))
    take = _count(lambda: services.take_ticket(centre, fp.civil, at=at("2026-03-02 08:01")))
    call = _count(lambda: services.call_next(fp.officer1, fp.counter1, at=at("2026-03-02 08:05")))
    ticket = services.current_ticket(fp.counter1)
    assert ticket is not None
    start = _count(lambda: services.start_serving(fp.officer1, ticket, at=at("2026-03-02 08:06")))
    # Inside the test's transaction each action also pays a SAVEPOINT and its RELEASE.
    # take: sequence upsert, ticket, first period, floor version.
    # call: current ticket, floor, services, the pick, lock, close, open, ticket, call, floor.
    # start: lock, counter, close, open, ticket, floor.
    assert (take, call, start) == (6, 13, 8)
