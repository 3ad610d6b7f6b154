"""A transition's writes kept for its next statement (`rows.combining`, PostgreSQL) and the
dossiers a batch holds (`rows.held`): whatever the statements travel with, every read sees the
writes made before it, a failed write is an error of the transition, an error drops what was
kept, and a row changed behind a held copy is read again. SQLite writes at once: the same
assertions hold there."""

from __future__ import annotations

import pytest
from django.db import DatabaseError, connection, transaction

from motcua.core import rows
from motcua.dossiers import services
from motcua.dossiers.audit import verify_chains
from motcua.dossiers.models import Dossier, DossierEvent, Status
from motcua.dossiers.sample import World, at
from motcua.stats import facts

KEEPS = connection.vendor == "postgresql"


def _received(world: World, minute: int = 0) -> Dossier:
    return services.receive_new_dossier(
        world.receptionist, world.birth, world.applicant(), at=at(f"2026-03-02 08:{minute:02d}"),
        documents=services.catalog_documents(world.birth),
    )


def test_a_read_inside_a_batch_sees_the_writes_kept_before_it(world: World) -> None:
    with transaction.atomic(), facts.deferred():
        dossier = _received(world)
        services.forward_dossier(world.receptionist, dossier, at=at("2026-03-02 08:05"))
        # An ORM read: the kept UPDATEs of the dossier and its steps are written before it.
        assert Dossier.objects.values_list("revision", "status").get(pk=dossier.pk) == (2, Status.PROCESSING)
        assert dossier.current_step is not None
        step = dossier.current_step
        assert type(step).objects.get(pk=step.pk).started_at == at("2026-03-02 08:05")
    assert list(verify_chains()) == []


def test_a_failed_kept_write_is_an_error_of_its_block(world: World) -> None:
    ghost = Dossier(pk=2_000_000_000, status=Status.PROCESSING)
    with pytest.raises(DatabaseError, match="affected no row"):
        with transaction.atomic(), rows.combining():
            rows.table(Dossier).update(ghost, ["status"])
    assert not Dossier.objects.filter(pk=ghost.pk).exists()


def test_an_error_drops_what_was_kept(world: World) -> None:
    dossier = _received(world)
    dossier.status = Status.STOPPED
    with pytest.raises(RuntimeError):
        with transaction.atomic(), rows.combining():
            rows.table(Dossier).update(dossier, ["status"])
            raise RuntimeError("after the write")
    # The next statement carries nothing left over: the row is as it was.
    assert Dossier.objects.get(pk=dossier.pk).status == Status.RECEIVED


def test_a_refusal_inside_a_batch_keeps_the_earlier_transitions(world: World) -> None:
    with transaction.atomic(), facts.deferred():
        dossier = _received(world)
        services.forward_dossier(world.receptionist, dossier, at=at("2026-03-02 08:05"))
        with pytest.raises(services.DossierError) as refused:
            services.return_result(world.receptionist, dossier, at=at("2026-03-02 08:10"))
        assert refused.value.code == "invalid_transition"
        services.mark_result_ready(world.specialist, dossier, "Giấy khai sinh", at=at("2026-03-02 08:30"))
    fresh = Dossier.objects.get(pk=dossier.pk)
    assert (fresh.revision, fresh.sub_state) == (3, "awaiting_approval")
    assert list(DossierEvent.objects.filter(dossier=dossier).values_list("seq", flat=True)) == [1, 2, 3]
    assert list(verify_chains()) == []


def test_a_batch_reuses_its_locked_copy_until_another_statement_runs(world: World) -> None:
    with transaction.atomic(), facts.deferred():
        dossier = _received(world)
        services.forward_dossier(world.receptionist, dossier, at=at("2026-03-02 08:05"))
        held = rows.held()
        if KEEPS:
            assert held is not None and dossier.pk in held
        else:
            assert held is None
        Dossier.objects.filter(pk=dossier.pk).count()  # any other statement
        assert not rows.held()


def test_a_row_changed_behind_a_held_copy_is_read_again(world: World) -> None:
    with transaction.atomic(), facts.deferred():
        dossier = _received(world)
        services.forward_dossier(world.receptionist, dossier, at=at("2026-03-02 08:05"))
        # Changed by something other than the services (same revision): the next transition
        # must see it, not the copy the batch held.
        Dossier.objects.filter(pk=dossier.pk).update(status=Status.STOPPED)
        with pytest.raises(services.DossierError) as refused:
            services.mark_result_ready(world.specialist, dossier, "Giấy khai sinh", at=at("2026-03-02 08:30"))
        assert refused.value.code == "invalid_transition"


def test_events_take_the_keys_their_lock_reserved_in_order(world: World) -> None:
    dossier = _received(world)
    services.forward_dossier(world.receptionist, dossier, at=at("2026-03-02 08:05"))
    services.mark_result_ready(world.specialist, dossier, "Giấy khai sinh", at=at("2026-03-02 08:30"))
    services.approve_result(world.leader, dossier, at=at("2026-03-02 08:40"))
    keys = list(DossierEvent.objects.filter(dossier=dossier).order_by("seq").values_list("pk", flat=True))
    assert len(keys) == 4 and keys == sorted(keys) and len(set(keys)) == 4
    assert Dossier.objects.get(pk=dossier.pk).revision == 4
    assert list(verify_chains()) == []


def _values(obj: object) -> dict[str, object]:
    return {f.attname: getattr(obj, f.attname) for f in type(obj)._meta.concrete_fields}  # type: ignore[attr-defined]


def test_a_new_dossier_is_held_by_its_batch_as_the_lock_would_read_it(world: World) -> None:
    from motcua.dossiers.services.kernel import _lock

    with transaction.atomic(), facts.deferred():
        dossier = _received(world)
        held = rows.held()
        if not KEEPS:
            assert held is None
            return
        assert held is not None and dossier.pk in held
        copy = held[dossier.pk]
        assert copy is not dossier and copy.applicant is not dossier.applicant
        assert Dossier.objects.filter(pk=dossier.pk).exists()  # another statement: nothing held now
        assert not rows.held()
        read = _lock(Dossier(pk=dossier.pk, revision=dossier.revision))  # read from the database
        assert _values(copy) == _values(read) == _values(Dossier.objects.get(pk=dossier.pk))
        assert _values(copy.applicant) == _values(read.applicant)
        assert [_values(s) for s in copy._open_steps] == [_values(s) for s in read._open_steps or []]
        assert copy.current_step is not None and read.current_step is not None
        assert _values(copy.current_step) == _values(read.current_step)
        assert {s.agency.code for s in copy._open_steps} == {s.agency.code for s in read._open_steps or []}


def test_a_new_dossier_changed_behind_its_held_copy_is_read_again(world: World) -> None:
    with transaction.atomic(), facts.deferred():
        dossier = _received(world)
        Dossier.objects.filter(pk=dossier.pk).update(status=Status.STOPPED)  # not the services
        with pytest.raises(services.DossierError) as refused:
            services.forward_dossier(world.receptionist, dossier, at=at("2026-03-02 08:05"))
        assert refused.value.code == "invalid_transition"


def test_a_new_dossiers_rows_take_the_keys_its_numbering_reserved(world: World) -> None:
    from motcua.dossiers.models import Applicant, DossierDocument, DossierStep

    before = {m: m.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
              for m in (Applicant, Dossier, DossierDocument, DossierStep)}
    dossier = _received(world)
    documents = list(DossierDocument.objects.filter(dossier=dossier).order_by("pk"))
    steps = list(dossier.steps.order_by("order"))
    assert len(documents) == len(services.catalog_documents(world.birth)) and len(steps) >= 2
    # Every row is there with the key the caller's objects carry, increasing in the order made.
    assert dossier.applicant.pk > before[Applicant] and dossier.pk > before[Dossier]
    assert Dossier.objects.get(pk=dossier.pk).applicant_id == dossier.applicant.pk
    assert [s.pk for s in steps] == sorted(s.pk for s in steps) and steps[0].pk > before[DossierStep]
    assert documents[0].pk > before[DossierDocument]
    assert dossier.current_step_id == steps[0].pk
    with transaction.atomic(), facts.deferred():  # in a batch too, the whole lifecycle
        again = _received(world, 1)
        services.forward_dossier(world.receptionist, again, at=at("2026-03-02 08:05"))
        services.mark_result_ready(world.specialist, again, "Giấy khai sinh", at=at("2026-03-02 08:30"))
        services.approve_result(world.leader, again, at=at("2026-03-02 08:40"))
        services.return_result(world.receptionist, again, at=at("2026-03-02 08:50"))
    fresh = Dossier.objects.get(pk=again.pk)
    assert (fresh.status, fresh.revision) == (Status.RETURNED, 5)
    assert _values(fresh) == _values(again)
    assert list(verify_chains()) == []


def test_an_applicant_without_account_submitted_online_is_saved_as_the_citizens(world: World) -> None:
    # An existing applicant with no account (a counter's) submitted online becomes the citizen's:
    # its row says so, and the copy a batch holds is the row a lock would read.
    applicant = world.applicant()
    applicant.save()
    with transaction.atomic(), facts.deferred():
        dossier = services.submit_online(
            world.citizen, world.birth, applicant, world.ward_center, at=at("2026-03-02 07:00"),
            documents=services.catalog_documents(world.birth))
        assert dossier.applicant.user_id == world.citizen.pk
        held = (rows.held() or {}).get(dossier.pk)
        assert (held is not None) is KEEPS
        # The held copy is taken by the next transition; what it writes lands on the same row.
        services.receive_dossier(world.receptionist, dossier, at=at("2026-03-02 08:00"))
    applicant.refresh_from_db()
    assert applicant.user_id == world.citizen.pk
    # Someone else's by then (a race, or a stale object): refused, nothing written.
    stale = type(applicant).objects.get(pk=applicant.pk)
    stale.user_id = None
    with pytest.raises(services.DossierError):
        services.submit_online(world.other_citizen, world.birth, stale, world.ward_center,
                               at=at("2026-03-02 07:30"), documents=services.catalog_documents(world.birth))
    assert Dossier.objects.filter(applicant=applicant).count() == 1
    # A new applicant that names another account is refused, not taken over.
    theirs = world.applicant()
    theirs.user = world.other_citizen
    with pytest.raises(services.DossierError):
        services.submit_online(world.citizen, world.birth, theirs, world.ward_center,
                               at=at("2026-03-02 07:40"), documents=services.catalog_documents(world.birth))
    assert theirs.pk is None and theirs.user_id == world.other_citizen.pk
    fresh = Dossier.objects.get(pk=dossier.pk)
    assert (fresh.status, fresh.applicant_id, fresh.revision) == (Status.RECEIVED, applicant.pk, 2)
    assert list(verify_chains()) == []
