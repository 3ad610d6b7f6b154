"""The event hook: what it costs per transition and that it follows every transition."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from django.db import connection

from motcua.dossiers import services
from motcua.dossiers.sample import World, at
from motcua.stats import facts
from motcua.stats.models import DossierFact, Outcome, Timeliness

from .helpers import received

STATS = str(Path(facts.__file__).resolve().parent) + "/"


@contextmanager
def stats_queries() -> Iterator[list[str]]:
    """The statements run from the statistics app (the dossiers app counts its own)."""
    mine: list[str] = []

    def record(execute: Callable[..., Any], sql: str, params: Any, many: bool, context: Any) -> Any:
        frame: Any = sys._getframe(1)
        while frame is not None:
            if frame.f_code.co_filename.startswith(STATS) and "/tests/" not in frame.f_code.co_filename:
                mine.append(sql)
                break
            frame = frame.f_back
        return execute(sql, params, many, context)

    with connection.execute_wrapper(record):
        yield mine


def test_a_transition_costs_at_most_three_statistics_queries(world: World) -> None:
    received(world, "2026-03-02 08:00")  # warms the version cache
    with stats_queries() as mine:
        dossier = services.receive_new_dossier(
            world.receptionist, world.birth, world.applicant(), at=at("2026-03-02 09:00"),
            documents=services.catalog_documents(world.birth)
        )
    # insert the fact, add to the daily and the agency counters
    assert len(mine) == 3, mine
    with stats_queries() as mine:
        services.forward_dossier(world.receptionist, dossier, at=at("2026-03-02 09:10"))
    assert mine == []  # nothing changed for the statistics: the fact before is the dossier's in hand
    with stats_queries() as mine:
        services.withdraw(world.receptionist, dossier, at=at("2026-03-02 09:20"), reason="Đơn xin rút")
    # the fact, updated only if it is the one stored; the daily and the agency counters
    assert len(mine) == 3, mine
    assert DossierFact.objects.get(pk=dossier.pk).outcome == Outcome.WITHDRAWN


def test_deferred_collects_and_refreshes_once_at_the_end(world: World) -> None:
    with facts.deferred() as pending:
        dossier = received(world, "2026-03-02 08:00")
        assert not DossierFact.objects.exists()
        assert pending == {dossier.pk}
    fact = DossierFact.objects.get()
    assert fact.outcome == Outcome.OPEN and fact.timeliness == Timeliness.NONE
