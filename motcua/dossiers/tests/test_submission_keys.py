"""One-time submission keys: a request repeated with its key creates one dossier, and the repeat
learns which (a double click, a phone resending its POST, a receptionist pressing twice)."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine
from django.db import connection

from motcua.core.tests.racing import run_at_once
from motcua.dossiers import services
from motcua.dossiers.jobs import forget_submission_keys
from motcua.dossiers.models import Dossier, DossierEvent, SubmissionKey
from motcua.dossiers.services import AlreadySubmitted, DossierError, SubmissionOnce

from .conftest import World, at, build_world

THREADS = 16 if connection.vendor == "postgresql" else 4


def _submit(world: World, once: SubmissionOnce | None, minute: int = 0) -> Dossier:
    return services.submit_online(
        world.citizen, world.birth, world.applicant(world.citizen), world.ward_center,
        at=at(f"2026-03-02 08:{minute:02d}"), documents=services.catalog_documents(world.birth), once=once,
    )


def test_a_repeated_submission_creates_nothing_and_names_the_first_dossier(world: World) -> None:
    first = _submit(world, SubmissionOnce("k-1"))
    with pytest.raises(AlreadySubmitted) as repeat:
        _submit(world, SubmissionOnce("k-1"), minute=1)
    assert repeat.value.code == "already_submitted"
    assert repeat.value.dossier.pk == first.pk
    assert f"mã {first.code}" in repeat.value.message
    assert Dossier.objects.count() == 1 and DossierEvent.objects.count() == 1


def test_each_key_creates_its_own_dossier_and_no_key_is_no_protection(world: World) -> None:
    _submit(world, SubmissionOnce("k-1"))
    _submit(world, SubmissionOnce("k-2"))
    _submit(world, None)
    _submit(world, None)
    assert Dossier.objects.count() == 4
    assert SubmissionKey.objects.count() == 2


def test_a_key_sent_again_with_another_request_is_refused(world: World) -> None:
    _submit(world, SubmissionOnce("k-1", fingerprint="a" * 64))
    with pytest.raises(DossierError) as refused:
        _submit(world, SubmissionOnce("k-1", fingerprint="b" * 64))
    assert refused.value.code == "submission_key_reused"
    assert not isinstance(refused.value, AlreadySubmitted)
    assert Dossier.objects.count() == 1


def test_a_key_belongs_to_its_account(world: World) -> None:
    """Another account's key is theirs: it neither answers with their dossier nor blocks this one."""
    theirs = _submit(world, SubmissionOnce("same"))
    mine = services.submit_online(
        world.other_citizen, world.birth, world.applicant(world.other_citizen, name="Lý Văn Khác"),
        world.ward_center, at=at("2026-03-02 08:05"), documents=services.catalog_documents(world.birth),
        once=SubmissionOnce("same"),
    )
    assert mine.pk != theirs.pk and mine.applicant.user == world.other_citizen
    assert Dossier.objects.count() == 2


def test_reception_and_refusal_at_the_counter_keep_their_key_too(world: World) -> None:
    documents = services.catalog_documents(world.birth)
    received = services.receive_new_dossier(world.receptionist, world.birth, world.applicant(),
                                            at=at("2026-03-02 08:00"), documents=documents,
                                            once=SubmissionOnce("counter-1"))
    with pytest.raises(AlreadySubmitted) as again:
        services.receive_new_dossier(world.receptionist, world.birth, world.applicant(),
                                     at=at("2026-03-02 08:01"), documents=documents, forward=True,
                                     once=SubmissionOnce("counter-1"))
    assert again.value.dossier.pk == received.pk
    refused = services.refuse_new_dossier(world.receptionist, world.birth, world.applicant(), "Sai thủ tục",
                                          at=at("2026-03-02 08:02"), once=SubmissionOnce("counter-2"))
    with pytest.raises(AlreadySubmitted) as twice:
        services.refuse_new_dossier(world.receptionist, world.birth, world.applicant(), "Sai thủ tục",
                                    at=at("2026-03-02 08:03"), once=SubmissionOnce("counter-2"))
    assert twice.value.dossier.pk == refused.pk
    assert Dossier.objects.count() == 2


def test_keys_are_forgotten_after_a_day(world: World) -> None:
    with time_machine.travel(dt.datetime(2026, 3, 2, 1, 0, tzinfo=dt.UTC), tick=False):
        _submit(world, SubmissionOnce("old"))
    with time_machine.travel(dt.datetime(2026, 3, 3, 0, 30, tzinfo=dt.UTC), tick=False):
        _submit(world, SubmissionOnce("recent"))
        assert forget_submission_keys() == {"forgotten": 0}
    with time_machine.travel(dt.datetime(2026, 3, 3, 1, 30, tzinfo=dt.UTC), tick=False):
        assert forget_submission_keys() == {"forgotten": 1}
        assert list(SubmissionKey.objects.values_list("key", flat=True)) == ["recent"]
        again = _submit(world, SubmissionOnce("old"))  # a day later: a new request
    assert Dossier.objects.count() == 3 and again.code.endswith("-0003")


@pytest.fixture
def live_world(transactional_db: None) -> World:
    return build_world()


def test_concurrent_requests_with_one_key_create_one_dossier(live_world: World) -> None:
    """Every request passes the first check at once; the unique key lets one commit, and the
    others, after their rollback, answer with its dossier (PostgreSQL: they wait for it)."""
    world = live_world

    def submit(index: int) -> str:
        return _submit(world, SubmissionOnce("double-click"), minute=index).code

    results = run_at_once(THREADS, submit)
    created = [r for r in results if isinstance(r, str)]
    repeats = [r for r in results if isinstance(r, AlreadySubmitted)]
    assert len(created) == 1 and len(repeats) == THREADS - 1, results
    assert {r.dossier.code for r in repeats} == set(created)
    assert Dossier.objects.count() == 1 and SubmissionKey.objects.count() == 1
    assert DossierEvent.objects.count() == 1


def test_concurrent_receptions_with_one_key_create_one_dossier(live_world: World) -> None:
    world = live_world

    def receive(index: int) -> str:
        return services.receive_new_dossier(
            world.receptionist, world.birth, world.applicant(), at=at(f"2026-03-02 09:{index:02d}"),
            documents=services.catalog_documents(world.birth), once=SubmissionOnce("pressed-twice"),
        ).code

    results = run_at_once(THREADS, receive)
    created = [r for r in results if isinstance(r, str)]
    assert len(created) == 1, results
    assert all(isinstance(r, AlreadySubmitted) and r.dossier.code == created[0]
               for r in results if r not in created), results
    assert Dossier.objects.count() == 1


def test_a_twin_that_committed_first_is_answered_after_the_rollback(live_world: World) -> None:
    """What the loser of a race meets on either database: its own INSERT of the key refused by the
    unique constraint, inside its transaction; after the rollback it answers with the winner's dossier."""
    from django.db import transaction
    from django.utils import timezone

    from motcua.dossiers.services import keys

    world = live_world
    first = _submit(world, SubmissionOnce("raced"))
    with pytest.raises(AlreadySubmitted) as lost:
        with keys.guarded(world.citizen, SubmissionOnce("raced")), transaction.atomic():
            SubmissionKey.objects.create(account=world.citizen, key="raced", dossier=first,
                                         created_at=timezone.now())
    assert lost.value.dossier.pk == first.pk
    assert SubmissionKey.objects.count() == 1
