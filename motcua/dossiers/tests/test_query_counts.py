"""Queries per hot transition: the simulator drives hundreds of thousands of dossiers through
these functions, so a query added to one of them must be a decision, not an accident.

The counts are the statements the dossiers app runs inside the caller's transaction (the
test's, as in the simulator's batches), where a transition needs no savepoint. Left out: what receivers of
other apps run when an event is appended (the statistics app counts its own in its tests),
and the first build of the working calendar (cached per process).
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from django.db import connection

from motcua.accounts.models import Role, User
from motcua.catalog.models import ProcedureVersion
from motcua.dossiers import services
from motcua.dossiers.models import Dossier, DossierEvent, Status

from .conftest import World, at

MOTCUA = Path(services.__file__).resolve().parent.parent
OTHER_APPS_LISTENING = (str(MOTCUA / "stats") + "/", str(MOTCUA / "notify") + "/")


def _from_another_app() -> bool:
    frame = sys._getframe(2)
    while frame is not None:
        if frame.f_code.co_filename.startswith(OTHER_APPS_LISTENING):
            return True
        frame = frame.f_back  # type: ignore[assignment]
    return False


@contextmanager
def at_most(expected: int) -> Iterator[None]:
    services.calendar()
    own: list[str] = []

    def record(execute: Callable[..., Any], sql: str, params: Any, many: bool, context: Any) -> Any:
        if not _from_another_app():
            own.append(sql)
        return execute(sql, params, many, context)

    with connection.execute_wrapper(record):
        yield
    listing = "\n".join(f"  {sql[:160]}" for sql in own)
    assert len(own) <= expected, f"{len(own)} queries, expected at most {expected}:\n{listing}"


def _received(world: World) -> Dossier:
    return services.receive_new_dossier(
        world.receptionist, world.birth, world.applicant(), at=at("2026-03-02 08:00"),
        documents=services.catalog_documents(world.birth)
    )


def test_receiving_at_the_counter_reads_the_version_rules_once_per_version_object(world: World) -> None:
    # The first reception reads the channels, process steps and requirements of the version...
    with at_most(13):
        _received(world)
    # ...and keeps them on the version object: the next ones only write (plus the competence look-up:
    # the competence rules table, which catalog managers edit, and the deciding agency).
    with at_most(10):
        dossier = _received(world)
    assert dossier.status == Status.RECEIVED and dossier.revision == 1
    assert dossier.steps.count() == 3 and dossier.documents.count() == 2


def test_a_freshly_loaded_version_reads_its_rules_fresh(world: World) -> None:
    _received(world)
    fresh = ProcedureVersion.objects.get(pk=world.birth.pk)
    fresh.channels.update(time_limit_value=2)
    dossier = services.receive_new_dossier(
        world.receptionist, fresh, world.applicant(), at=at("2026-03-02 08:00"),
        documents=services.catalog_documents(fresh)
    )
    assert dossier.due_at == at("2026-03-04 08:00")


def test_forward_result_approve_and_return_stay_within_their_query_budgets(world: World) -> None:
    dossier = _received(world)
    with at_most(7):
        services.forward_dossier(world.receptionist, dossier, at=at("2026-03-02 08:30"))
    with at_most(7):
        services.mark_result_ready(world.specialist, dossier, "Giấy khai sinh", at=at("2026-03-02 10:00"))
    with at_most(6):
        services.approve_result(world.leader, dossier, at=at("2026-03-02 11:00"))
    with at_most(3):
        services.return_result(world.receptionist, dossier, at=at("2026-03-02 14:00"))
    assert Dossier.objects.get(pk=dossier.pk).status == Status.RETURNED
    assert DossierEvent.objects.filter(dossier=dossier).count() == 5


def test_online_submission_and_reception_stay_within_their_query_budgets(world: World) -> None:
    with at_most(8):  # one of them reads the competence rules table
        dossier = services.submit_online(
            world.citizen, world.birth, world.applicant(), world.ward_center, at=at("2026-03-02 07:00"),
            documents=services.catalog_documents(world.birth)
        )
    # The version and agencies the dossier object carries are reused; its rules are read once.
    with at_most(7):
        services.receive_dossier(world.receptionist, dossier, at=at("2026-03-02 08:00"))
    assert dossier.status == Status.RECEIVED and dossier.current_step is not None


def test_supplement_and_payment_stay_within_their_query_budgets(world: World) -> None:
    dossier = _received(world)
    services.forward_dossier(world.receptionist, dossier, at=at("2026-03-02 08:30"))
    with at_most(4):
        services.request_supplement(
            world.specialist, dossier, ["Giấy chứng sinh"], "Thiếu giấy chứng sinh", at=at("2026-03-02 09:00")
        )
    # Resuming reads the steps still to come and moves them with the resumed one (one UPDATE).
    with at_most(8):
        services.receive_supplement(
            world.receptionist,
            dossier,
            documents=[services.Supplied("Giấy chứng sinh", originals=1)],
            at=at("2026-03-03 09:00"),
        )
    with at_most(3):
        services.request_payment(world.specialist, dossier, 8000, at=at("2026-03-03 10:00"))
    with at_most(3):
        services.record_payment(world.receptionist, dossier, at=at("2026-03-03 11:00"))
    assert dossier.status == Status.PROCESSING and dossier.revision == 6


def test_a_citizens_action_reads_the_applicant_with_the_lock(world: World) -> None:
    dossier = services.submit_online(
        world.citizen, world.birth, world.applicant(), world.ward_center, at=at("2026-03-02 07:00"),
        documents=services.catalog_documents(world.birth)
    )
    citizen = User.objects.get(pk=world.citizen.pk)
    assert citizen.role == Role.CITIZEN
    loaded = Dossier.objects.get(pk=dossier.pk)
    with at_most(3):
        services.withdraw(citizen, loaded, at=at("2026-03-02 07:30"))
    assert Dossier.objects.get(pk=dossier.pk).status == Status.WITHDRAWN
