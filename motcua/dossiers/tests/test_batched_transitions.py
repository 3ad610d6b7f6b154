"""Transitions inside the caller's transaction (the simulator's batches): no savepoint each,
a refusal leaves the batch usable, a failure after a write leaves the batch unable to commit."""

from __future__ import annotations

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from motcua.catalog.models import ProcedureVersion
from motcua.core import rows
from motcua.dossiers import hooks, services
from motcua.dossiers.models import Dossier, DossierEvent, DossierStep, Handover, Status
from motcua.dossiers.services import DossierError

from .conftest import World, at


def test_a_refusal_inside_a_batch_changes_nothing_and_the_batch_goes_on(world: World) -> None:
    with transaction.atomic():
        dossier = services.receive_new_dossier(
            world.receptionist, world.birth, world.applicant(), at=at("2026-03-02 08:00"),
            documents=services.catalog_documents(world.birth)
        )
        with CaptureQueriesContext(connection) as captured:
            with pytest.raises(DossierError) as refused:
                services.approve_result(world.leader, dossier, at=at("2026-03-02 08:10"))
            services.forward_dossier(world.receptionist, dossier, at=at("2026-03-02 08:30"))
        assert refused.value.code == "result_required"
        assert not transaction.get_rollback()
        assert not [q for q in captured.captured_queries if "SAVEPOINT" in q["sql"].upper()]
    fresh = Dossier.objects.get(pk=dossier.pk)
    assert fresh.status == Status.PROCESSING and fresh.finished_at is None
    assert list(fresh.events.values_list("action", flat=True)) == ["receive", "forward"]


def test_a_stale_copy_inside_a_batch_is_told_and_the_batch_goes_on(world: World) -> None:
    with transaction.atomic():
        dossier = services.receive_new_dossier(
            world.receptionist, world.birth, world.applicant(), at=at("2026-03-02 08:00"),
            documents=services.catalog_documents(world.birth)
        )
        stale = Dossier.objects.get(pk=dossier.pk)
        services.forward_dossier(world.receptionist, dossier, at=at("2026-03-02 08:30"))
        with pytest.raises(DossierError) as refused:
            services.forward_dossier(world.receptionist, stale, at=at("2026-03-02 08:31"))
        assert refused.value.code == "already_handled"
        services.mark_result_ready(world.specialist, dossier, "Giấy khai sinh", at=at("2026-03-02 09:00"))
    assert DossierEvent.objects.filter(dossier=dossier).count() == 3


def test_a_failure_after_a_write_inside_a_batch_leaves_the_batch_unable_to_commit(
    world: World, request: pytest.FixtureRequest
) -> None:
    dossier = services.submit_online(
        world.citizen, world.birth, world.applicant(), world.ward_center, at=at("2026-03-02 07:00"),
        documents=services.catalog_documents(world.birth)
    )

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("disk full")

    # A handler of the one hook fails: it runs after the transition's writes, in its transaction.
    hooks.subscribe("test-broken", broken)
    request.addfinalizer(lambda: hooks.unsubscribe("test-broken"))
    with pytest.raises(RuntimeError):
        with transaction.atomic():
            try:
                services.receive_dossier(world.receptionist, dossier, at=at("2026-03-02 09:00"))
            except RuntimeError:
                # Steps and a hand-over were written: the batch must not commit them.
                assert transaction.get_rollback()
                raise
    fresh = Dossier.objects.get(pk=dossier.pk)
    assert fresh.status == Status.SUBMITTED and fresh.revision == 1 and fresh.due_at is None
    assert not DossierStep.objects.filter(dossier=fresh).exists()
    assert not Handover.objects.filter(dossier=fresh).exists()


def test_a_forward_refused_after_the_reception_wrote_leaves_the_batch_unable_to_commit(world: World) -> None:
    # Only the reception step: "receive and forward" writes the reception, then the forward is refused.
    world.birth.process_steps.exclude(order=1).delete()
    version = ProcedureVersion.objects.get(pk=world.birth.pk)
    with pytest.raises(DossierError) as refused:
        with transaction.atomic():
            try:
                services.receive_new_dossier(
                    world.receptionist, version, world.applicant(), at=at("2026-03-02 08:00"),
                    documents=services.catalog_documents(version), forward=True,
                )
            except DossierError:
                assert transaction.get_rollback()  # the reception's rows must not be committed
                raise
    assert refused.value.code == "no_next_step" and refused.value.after_write
    assert not Dossier.objects.exists() and not DossierEvent.objects.exists()


def test_receive_and_forward_locks_the_dossier_once(world: World) -> None:
    dossier = services.submit_online(
        world.citizen, world.birth, world.applicant(), world.ward_center, at=at("2026-03-02 07:00"),
        documents=services.catalog_documents(world.birth)
    )
    with CaptureQueriesContext(connection) as captured:
        services.receive_dossier(world.receptionist, dossier, at=at("2026-03-02 08:00"), forward=True)
    locks = [q for q in captured.captured_queries if "FOR UPDATE" in rows.expand(q["sql"]).upper()]
    assert len(locks) == (1 if connection.features.has_select_for_update else 0)
    assert list(dossier.events.values_list("action", flat=True)) == ["submit", "receive", "forward"]
