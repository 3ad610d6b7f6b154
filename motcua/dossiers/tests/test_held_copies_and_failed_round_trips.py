"""A batch's held copy (`rows.held`) never outlives a change made behind it — also by the
transition that leaves it (`rehome_dossier` moves the steps with ORM saves after its lock) —
and a round trip of kept writes that fails lets none of its statements commit (PostgreSQL;
SQLite writes at once, and the same must hold there)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import DatabaseError, transaction

from motcua.core import rows
from motcua.dossiers import services
from motcua.dossiers.models import Dossier, DossierStep, Status
from motcua.dossiers.sample import World, at
from motcua.stats import facts


def _forwarded(world: World) -> Dossier:
    dossier = services.receive_new_dossier(
        world.receptionist, world.birth, world.applicant(), at=at("2026-03-02 08:00"),
        documents=services.catalog_documents(world.birth),
    )
    services.forward_dossier(world.receptionist, dossier, at=at("2026-03-02 08:05"))
    assert dossier.current_step is not None
    assert dossier.current_step.agency_id == world.ward_committee.pk
    return dossier


def _rehome(world: World, dossier: Dossier) -> None:
    services.rehome_dossier(
        dossier, receiving=world.other_center, competent=world.other_committee, agency_map={},
        effective=dt.date(2026, 3, 2), at=at("2026-03-02 08:10"),
    )


@pytest.mark.parametrize("batched", [False, True], ids=["alone", "in-a-batch"])
def test_after_a_rehome_the_former_agency_no_longer_acts_on_the_dossier(world: World, batched: bool) -> None:
    dossier = _forwarded(world)
    with transaction.atomic():
        if batched:
            with facts.deferred():
                _rehome(world, dossier)
                with pytest.raises(services.DossierError) as refused:
                    services.mark_result_ready(world.specialist, dossier, "Giấy khai sinh",
                                               at=at("2026-03-02 08:30"))
        else:
            _rehome(world, dossier)
            with pytest.raises(services.DossierError) as refused:
                services.mark_result_ready(world.specialist, dossier, "Giấy khai sinh",
                                           at=at("2026-03-02 08:30"))
    assert refused.value.code == "forbidden_role"
    fresh = Dossier.objects.get(pk=dossier.pk)
    assert fresh.result_text == ""
    assert fresh.current_step_id is not None
    step = DossierStep.objects.get(pk=fresh.current_step_id)
    assert step.agency_id == world.other_committee.pk and step.finished_at is None


def test_a_kept_write_failing_at_a_later_statement_lets_none_of_its_round_trip_commit(world: World) -> None:
    """A kept write whose check fails raises at whichever statement carries it — here the
    SAVEPOINT of the caller's own block, outside any transition — without marking the
    transaction for rollback; the statements sent in the same round trip after it were run.
    A caller that treats an error of its block as "skip this one" then commits them. On SQLite
    (writes at once) the failed write raises inside its own block and nothing after it runs."""
    dossier = services.receive_new_dossier(
        world.receptionist, world.birth, world.applicant(), at=at("2026-03-02 08:00"),
        documents=services.catalog_documents(world.birth),
    )
    ghost = Dossier(pk=2_000_000_000, status=Status.STOPPED)
    dossier.status = Status.STOPPED
    with transaction.atomic():
        with facts.deferred():
            try:
                with rows.combining():
                    rows.table(Dossier).update(ghost, ["status"])  # affects no row: its check fails
                    rows.table(Dossier).update(dossier, ["status"])
                with transaction.atomic():  # the caller's own savepoint carries them (PostgreSQL)
                    pass
            except DatabaseError:
                pass
    assert Dossier.objects.get(pk=dossier.pk).status == Status.RECEIVED
