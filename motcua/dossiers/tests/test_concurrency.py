"""Concurrent submissions get distinct consecutive codes; concurrent officers: one wins, one is told.

These run with real transactions (`transactional_db`) and one database connection per thread,
on PostgreSQL (row locks) and on SQLite (IMMEDIATE transactions serialise writers).
"""

from __future__ import annotations

import pytest
from django.db import connection

from motcua.core.tests.racing import run_at_once
from motcua.dossiers import hooks, services
from motcua.dossiers.models import Dossier, DossierEvent, Handover, Status
from motcua.dossiers.services import DossierError

from .conftest import World, at, build_world

THREADS = 32 if connection.vendor == "postgresql" else 8


@pytest.fixture
def live_world(transactional_db: None) -> World:
    return build_world()


def test_concurrent_submissions_get_distinct_consecutive_codes(live_world: World) -> None:
    world = live_world

    def submit(index: int) -> str:
        dossier = services.submit_online(
            world.citizen,
            world.birth,
            world.applicant(name=f"Người nộp {index}"),
            world.ward_center,
            at=at("2026-03-02 09:00"), documents=services.catalog_documents(world.birth),
        )
        return dossier.code

    codes = run_at_once(THREADS, submit)
    assert all(isinstance(c, str) for c in codes), codes
    assert sorted(codes) == [f"000.02.30.H37-260302-{n:04d}" for n in range(1, THREADS + 1)]
    assert Dossier.objects.count() == THREADS
    assert DossierEvent.objects.count() == THREADS


def test_two_officers_acting_at_once_one_succeeds_the_other_is_told(live_world: World) -> None:
    world = live_world
    dossier = services.submit_online(
        world.citizen, world.birth, world.applicant(), world.ward_center, at=at("2026-03-02 08:00"),
        documents=services.catalog_documents(world.birth)
    )
    second_receptionist = type(world.receptionist).objects.create(
        username="mot.cua.2", role=world.receptionist.role, agency=world.ward_center, full_name="Lục Thị Hai"
    )
    officers = [world.receptionist, second_receptionist]

    # Each officer's page loaded the same version of the dossier.
    copies = [Dossier.objects.get(pk=dossier.pk) for _ in officers]

    def receive(index: int) -> str:
        services.receive_dossier(officers[index], copies[index], at=at("2026-03-02 09:00"))
        return "ok"

    results = run_at_once(2, receive)
    assert results.count("ok") == 1
    errors = [r for r in results if isinstance(r, DossierError)]
    assert [e.code for e in errors] == ["already_handled"], results
    fresh = Dossier.objects.get(pk=dossier.pk)
    assert fresh.status == Status.RECEIVED
    assert list(fresh.events.values_list("action", flat=True)) == ["submit", "receive"]
    assert fresh.steps.count() == 3
    assert Handover.objects.filter(dossier=fresh).count() == 1


def test_a_failure_inside_a_transition_leaves_nothing_half_written(
    live_world: World, request: pytest.FixtureRequest
) -> None:
    world = live_world
    dossier = services.submit_online(
        world.citizen, world.birth, world.applicant(), world.ward_center, at=at("2026-03-02 08:00"),
        documents=services.catalog_documents(world.birth)
    )

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("disk full")

    # A handler of the one hook fails: it runs after the transition's writes, in its transaction.
    hooks.subscribe("test-broken", broken)
    request.addfinalizer(lambda: hooks.unsubscribe("test-broken"))
    with pytest.raises(RuntimeError):
        services.receive_dossier(world.receptionist, dossier, at=at("2026-03-02 09:00"))
    fresh = Dossier.objects.get(pk=dossier.pk)
    assert fresh.status == Status.SUBMITTED and fresh.due_at is None and fresh.revision == 1
    assert fresh.steps.count() == 0
    assert Handover.objects.count() == 0
