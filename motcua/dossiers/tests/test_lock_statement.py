"""The transitions' precompiled statements (`motcua/core/rows.py`) read and write what the ORM does."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import connection, transaction
from django.db.models import Model
from django.test.utils import CaptureQueriesContext

from motcua.dossiers import services
from motcua.dossiers.models import Dossier, DossierEvent, DossierStep, Handover
from motcua.dossiers.services.kernel import _lock

from .conftest import World, at


def _values(obj: Model) -> dict[str, Any]:
    return {f.attname: getattr(obj, f.attname) for f in type(obj)._meta.concrete_fields}


def test_the_lock_reads_the_row_its_applicant_and_its_open_steps_as_the_orm_does(world: World) -> None:
    dossier = services.receive_new_dossier(
        world.receptionist, world.birth, world.applicant(), at=at("2026-03-02 08:00"),
        documents=services.catalog_documents(world.birth), forward=True,
    )
    services.request_supplement(
        world.specialist, dossier, ["Giấy chứng sinh"], "Thiếu giấy chứng sinh", at=at("2026-03-02 09:00")
    )  # a duration (the remaining time) and a paused clock on the row
    with transaction.atomic():
        locked = _lock(dossier)
    fresh = Dossier.objects.select_related("applicant", "current_step").get(pk=dossier.pk)
    assert _values(locked) == _values(fresh)
    assert locked.remaining_at_pause is not None and isinstance(locked.remaining_at_pause, dt.timedelta)
    assert _values(locked.applicant) == _values(fresh.applicant)
    assert locked.current_step is not None and fresh.current_step is not None
    assert _values(locked.current_step) == _values(fresh.current_step)
    unfinished = DossierStep.objects.filter(dossier=dossier, finished_at__isnull=True).order_by("order")
    assert [_values(s) for s in locked._open_steps or []] == [_values(s) for s in unfinished]
    assert locked.current_step in (locked._open_steps or [])
    with CaptureQueriesContext(connection) as captured:
        agencies = {s.agency.code for s in locked._open_steps or []}  # read with the lock
    assert len(captured.captured_queries) == 0
    expected = {s.agency.code for s in unfinished.select_related("agency")}
    assert agencies == expected == {world.ward_committee.code}


def test_the_rows_written_by_the_statements_read_back_through_the_orm(world: World) -> None:
    dossier = services.receive_new_dossier(
        world.receptionist, world.birth, world.applicant(), at=at("2026-03-02 08:00"),
        documents=services.catalog_documents(world.birth),
    )
    services.forward_dossier(world.receptionist, dossier, at=at("2026-03-02 08:30"), note="Chuyển xử lý")
    stored = Dossier.objects.get(pk=dossier.pk)
    assert _values(stored) == _values(dossier)  # the caller's object: what was written
    events = list(DossierEvent.objects.filter(dossier=dossier).order_by("seq"))
    assert [e.action for e in events] == ["receive", "forward"]
    assert events[1].data["to_step"] == 2 and events[1].reason == "Chuyển xử lý"
    assert all(e.hash == e.compute_hash(dossier.code) for e in events)  # JSON and times as hashed
    assert events[1].prev_hash == events[0].hash and stored.last_event_hash == events[1].hash
    steps = list(DossierStep.objects.filter(dossier=dossier).order_by("order"))
    assert steps[0].finished_at == at("2026-03-02 08:30") and steps[0].finished_by_id == world.receptionist.pk
    assert steps[1].started_at == at("2026-03-02 08:30") and steps[1].due_at == dossier.current_step_due_at
    assert stored.current_step_id == steps[1].pk
    handover = Handover.objects.filter(dossier=dossier, kind=Handover.Kind.STEP).get()
    assert (handover.from_step_id, handover.due_at) == (steps[0].pk, steps[0].due_at)
    assert handover.note == "Chuyển xử lý"


def _state(obj: Model) -> dict[str, Any]:
    """An instance's column values, relation cache and saved state, as `Model(**values)` leaves them."""
    return {
        "values": {
            f.attname: getattr(obj, f.attname) for f in type(obj)._meta.concrete_fields
            if f.attname not in ("created_at", "next_attempt_at")  # auto_now_add: None either way
        },
        "cache": dict(obj._state.fields_cache),
        "adding": obj._state.adding,
        "db": obj._state.db,
    }


def test_new_instances_are_what_the_models_constructor_makes(world: World) -> None:
    from motcua.core import rows
    from motcua.dossiers.models import DossierDocument
    from motcua.notify.models import OutboxMessage

    dossier = services.receive_new_dossier(
        world.receptionist, world.birth, world.applicant(), at=at("2026-03-02 08:00"),
        documents=services.catalog_documents(world.birth),
    )
    event = DossierEvent.objects.filter(dossier=dossier).first()
    cases: list[tuple[type[Model], dict[str, Any]]] = [
        (DossierEvent, {"dossier": dossier, "seq": 2, "actor": world.receptionist,
                        "at": at("2026-03-02 09:00"), "action": "forward", "from_status": 2, "to_status": 4,
                        "prev_hash": "0" * 64}),
        (DossierEvent, {"dossier": dossier, "seq": 2, "actor": None, "at": at("2026-03-02 09:00"),
                        "action": "x", "from_status": None, "to_status": 4, "data": {"a": 1}}),
        (Handover, {"dossier": dossier, "kind": "reception", "at": at("2026-03-02 09:00"),
                    "from_agency_id": None, "to_agency_id": world.ward_center.pk, "giver": world.receptionist,
                    "receiver": None, "from_step": None, "due_at": None, "note": ""}),
        (DossierStep, {"dossier": dossier, "order": 1, "name": "n", "role": "specialist",
                       "agency_id": world.ward_center.pk, "allotted": dt.timedelta(hours=1),
                       "started_at": None}),
        (DossierDocument, {"dossier": dossier, "requirement_id": None, "name": "Giấy", "originals": 1,
                           "certified_copies": 0, "photocopies": 0, "supplied_in_supplement": False}),
        (OutboxMessage, {"key": "event:1:email", "event": event, "channel": "email",
                         "recipient": "a@example.vn", "language": "vi"}),
    ]
    for model, values in cases:
        made, expected = rows.table(model).new(**values), model(**values)
        assert type(made) is model
        assert _state(made) == _state(expected), model.__name__
    # A default made per instance (JSONField default=dict) is not shared between instances.
    first, second = (rows.table(DossierEvent).new(dossier=dossier, seq=seq) for seq in (3, 4))
    assert isinstance(first, DossierEvent) and isinstance(second, DossierEvent)
    assert first.data == {} and first.data is not second.data


def test_the_column_values_read_from_the_instance_are_what_its_fields_give(world: World) -> None:
    # `_column_values` reads the instance's `__dict__`, not the fields' descriptors: the same
    # values, a file by its name, whatever the file field holds, and a deferred column loaded.
    from django.core.files.base import ContentFile

    from motcua.dossiers.services.kernel import _ATTNAMES, _column_values

    received = services.receive_new_dossier(
        world.receptionist, world.birth, world.applicant(), at=at("2026-03-02 08:00"),
        documents=services.catalog_documents(world.birth),
    )

    def through_fields(dossier: Dossier) -> dict[str, Any]:
        values = {name: getattr(dossier, name) for name in _ATTNAMES}
        values["result_file"] = values["result_file"].name
        return values

    dossier = Dossier.objects.get(pk=received.pk)
    for held in (None, "", "results/a.pdf", ContentFile(b"x", name="b.pdf")):
        dossier.__dict__["result_file"] = held
        expected_name = held.name if isinstance(held, ContentFile) else held
        values = _column_values(dossier)
        assert values["result_file"] == expected_name
        assert values == through_fields(dossier)
    deferred = Dossier.objects.defer("status", "due_at").get(pk=received.pk)
    assert _column_values(deferred) == _column_values(Dossier.objects.get(pk=received.pk))
