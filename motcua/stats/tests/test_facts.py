"""The event hook: what it costs per transition and that it follows every transition."""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from django.db import connection

from motcua.core import rows
from motcua.dossiers import services
from motcua.dossiers.sample import World, at
from motcua.stats import check, facts
from motcua.stats.models import DossierFact, Outcome, Timeliness

from .helpers import approve, received


@contextmanager
def stats_queries() -> Iterator[list[str]]:
    """The statements that touch the statistics' tables (the dossiers app counts its own).

    On PostgreSQL a transition's writes may travel in one query string of several statements
    (`rows.combining`): each statement of it counts."""
    mine: list[str] = []

    def record(execute: Callable[..., Any], sql: str, params: Any, many: bool, context: Any) -> Any:
        sent = rows.expand(sql)  # a prepared statement's text in place of its EXECUTE
        mine.extend(statement for statement in sent.split(";\n") if '"stats_' in statement)
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
    # insert the fact, add to the daily and the agency counters (all in one statement on PostgreSQL)
    assert len(mine) == (1 if connection.vendor == "postgresql" else 3), mine
    with stats_queries() as mine:
        services.forward_dossier(world.receptionist, dossier, at=at("2026-03-02 09:10"))
    assert mine == []  # nothing changed for the statistics: the fact before is the dossier's in hand
    with stats_queries() as mine:
        services.withdraw(world.receptionist, dossier, at=at("2026-03-02 09:20"), reason="Đơn xin rút")
    # the fact, updated only if it is the one stored; the daily and the agency counters (one
    # statement on PostgreSQL)
    assert len(mine) == (1 if connection.vendor == "postgresql" else 3), mine
    assert DossierFact.objects.get(pk=dossier.pk).outcome == Outcome.WITHDRAWN


def test_deferred_collects_and_refreshes_once_at_the_end(world: World) -> None:
    with facts.deferred() as pending:
        dossier = received(world, "2026-03-02 08:00")
        assert not DossierFact.objects.exists()
        assert pending == {dossier.pk}
    fact = DossierFact.objects.get()
    assert fact.outcome == Outcome.OPEN and fact.timeliness == Timeliness.NONE


def test_every_kind_of_transition_keeps_the_figures_exact_through_the_hook(world: World) -> None:
    online = services.submit_online(
        world.citizen, world.birth, world.applicant(world.citizen), world.ward_center,
        at=at("2026-03-02 07:00"), documents=services.catalog_documents(world.birth),
    )
    services.request_completion(
        world.receptionist, online, ["Giấy chứng sinh"], "Mờ", at=at("2026-03-02 07:30")
    )
    services.complete_submission(world.citizen, online, at=at("2026-03-02 07:40"))
    services.receive_dossier(world.receptionist, online, at=at("2026-03-02 08:00"), forward=True)
    services.request_payment(world.specialist, online, 8000, at=at("2026-03-02 09:00"))
    # Paid online: recorded by the system after the payment platform's verified notification.
    services.record_payment(None, online, at=at("2026-03-02 09:30"), online=True, reference="TT-1")
    services.request_supplement(world.specialist, online, ["Tờ khai"], "Thiếu", at=at("2026-03-02 10:00"))
    services.receive_supplement(world.receptionist, online, at=at("2026-03-03 08:00"))
    approve(world, online, "2026-03-05 16:00")  # after the due time: late
    services.return_result(world.receptionist, online, at=at("2026-03-06 08:00"))
    withdrawn = received(world, "2026-03-02 08:30")
    services.withdraw(world.receptionist, withdrawn, at=at("2026-03-02 09:00"), reason="Đơn xin rút")
    stopped = received(world, "2026-03-02 08:40")
    services.stop_processing(world.leader, stopped, "Đã đăng ký nơi khác", at=at("2026-03-02 10:00"))
    services.refuse_new_dossier(world.receptionist, world.birth, world.applicant(), "Sai thủ tục",
                                at=at("2026-03-02 11:00"))
    assert DossierFact.objects.count() == 4
    assert DossierFact.objects.get(pk=online.pk).timeliness == Timeliness.LATE
    assert check.check() == []


def test_a_stored_fact_that_differs_from_the_recomputed_one_is_corrected_exactly(world: World) -> None:
    # As after a change of the working calendar: the stored fact (and the counters that sum it)
    # differ from the one the dossier's previous values give; the hook falls back to the stored row.
    dossier = received(world, "2026-03-02 08:00")
    approve(world, dossier, "2026-03-02 16:00")
    row = DossierFact.objects.get(pk=dossier.pk)
    stored = facts.stored_fact(row)
    shifted = dict(stored, working_minutes=stored["working_minutes"] + 60)
    delta: dict[Any, Counter[str]] = defaultdict(Counter)
    facts._accumulate(delta, stored, -1)
    facts._accumulate(delta, shifted, +1)
    facts.apply_delta(delta)
    DossierFact.objects.filter(pk=dossier.pk).update(working_minutes=shifted["working_minutes"])
    services.return_result(world.receptionist, dossier, at=at("2026-03-03 08:00"))
    assert DossierFact.objects.get(pk=dossier.pk).working_minutes == stored["working_minutes"]
    assert check.check() == []


class _Recording:
    """A dossier's column values that remember which of them were read."""

    def __init__(self, values: dict[str, Any]) -> None:
        self._values = values
        self.read: set[str] = set()

    def __getattr__(self, name: str) -> Any:
        self.read.add(name)
        return self._values[name]


def test_the_fact_is_computed_from_the_columns_listed_as_its_inputs_only(world: World) -> None:
    # on_transition writes nothing when none of FACT_INPUTS changed: every column fact_of reads
    # must be among them, in every state a dossier goes through.
    from motcua.dossiers.models import Dossier
    from motcua.worktime.calendars import calendar_for

    one = received(world, "2026-03-02 08:00")
    services.request_supplement(
        world.specialist, one, ["Giấy chứng sinh"], "Thiếu", at=at("2026-03-02 09:00")
    )
    two = approve(world, received(world, "2026-03-02 08:20"), "2026-03-03 10:00")
    services.return_result(world.receptionist, two, at=at("2026-03-03 11:00"))
    three = received(world, "2026-03-02 08:30")
    services.withdraw(world.receptionist, three, at=at("2026-03-02 09:20"), reason="Đơn xin rút")
    read: set[str] = set()
    cal, fields = calendar_for(), Dossier._meta.concrete_fields
    for dossier in Dossier.objects.all():
        recording = _Recording({f.attname: getattr(dossier, f.attname) for f in fields})
        info = facts._version_info([dossier.version_id])[dossier.version_id]
        assert facts.fact_of(recording, cal, info) == facts.fact_of(dossier, cal, info)  # type: ignore[arg-type]
        read |= recording.read
    assert read <= set(facts.FACT_INPUTS), read - set(facts.FACT_INPUTS)
    assert {"status", "received_at", "finished_at", "paused_at", "withdrawn_at"} <= read


def test_counter_rows_come_in_the_lock_order_of_the_rows_their_triggers_share() -> None:
    # Two transactions (the simulator's workers: other receiving agencies) share only the
    # procedure's monthly row; each must lock those in (month, procedure) order, and each
    # monthly row's days together, or they deadlock ("deadlock detected", session 9).
    march, april = dt.date(2026, 3, 2), dt.date(2026, 4, 1)
    delta = {
        (march, 4, 2, 3): Counter(received_online=5),
        (march, 4, 3, 2): Counter(received_counter=6),
        (dt.date(2026, 3, 9), 4, 2, 3): Counter(received_online=1),
        (april, 4, 2, 1): Counter(received_online=2),
        (march, 5, 2, 2): Counter(),  # nothing moved: left out
    }
    (moved, fine), (coarse_moved, coarse) = facts._counter_rows(delta)
    assert moved == ("received_counter", "received_online")
    assert [row[:4] for row in fine] == [
        (march, 4, 3, 2), (march, 4, 2, 3), (dt.date(2026, 3, 9), 4, 2, 3), (april, 4, 2, 1)]
    assert fine[0][4:] == (6, 0)
    assert [row[:3] for row in coarse] == [
        (march, 4, 2), (dt.date(2026, 3, 9), 4, 2), (march, 4, 3), (april, 4, 2)]
