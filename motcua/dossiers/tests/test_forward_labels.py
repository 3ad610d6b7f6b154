"""Event labels say what happened; reception and the first hand-over in one action (issue #11, finding 7).

An ordinary forward (the commune centre to its committee) is "Chuyển xử lý"; only a hand-over
to another administration (the commune centre to a provincial department, another commune,
an office outside the People's Committees) is "Chuyển liên thông".
"""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from motcua.dossiers import services
from motcua.dossiers.models import Dossier, DossierEvent, Handover, Status
from motcua.portal.presentation import timeline

from .conftest import World, at

PDF = b"%PDF-1.7\n%%EOF\n"


def scan() -> SimpleUploadedFile:
    return SimpleUploadedFile("a.pdf", PDF, "application/pdf")


def _received(world: World, version_name: str = "birth") -> Dossier:
    version = getattr(world, version_name)
    return services.receive_new_dossier(
        world.receptionist,
        version,
        world.applicant(),
        at=at("2026-03-02 08:00"),
        documents=services.catalog_documents(version),
    )


def test_forwarding_to_the_committee_of_the_same_commune_is_an_ordinary_forward(world: World) -> None:
    dossier = _received(world)
    services.forward_dossier(world.receptionist, dossier, at=at("2026-03-02 08:30"))
    handover = Handover.objects.get(dossier=dossier, kind__in=[Handover.Kind.STEP, Handover.Kind.TRANSFER])
    assert handover.kind == Handover.Kind.STEP
    labels = [entry.label for entry in timeline(dossier, for_citizen=False)]
    assert labels[-1] == "Chuyển xử lý"
    assert "Chuyển liên thông" not in labels


def test_forwarding_to_a_provincial_department_is_an_inter_agency_transfer(world: World) -> None:
    dossier = _received(world, "land")
    assert dossier.competent_agency_id == world.department.pk
    services.forward_dossier(world.receptionist, dossier, at=at("2026-03-02 08:30"))
    handover = Handover.objects.filter(dossier=dossier).exclude(kind=Handover.Kind.RECEPTION).get()
    assert handover.kind == Handover.Kind.TRANSFER
    assert [entry.label for entry in timeline(dossier, for_citizen=True)][-1] == "Chuyển liên thông"


def test_one_action_receives_an_online_dossier_and_forwards_it(world: World) -> None:
    files = [(r.pk, scan()) for r in world.birth.requirements.all()]
    dossier = services.submit_online(
        world.citizen,
        world.birth,
        world.applicant(world.citizen),
        world.ward_center,
        at=at("2026-03-02 07:00"),
        files=files,
    )
    services.receive_dossier(world.receptionist, dossier, at=at("2026-03-02 08:00"), forward=True)
    dossier.refresh_from_db()
    assert dossier.status == Status.PROCESSING
    assert dossier.current_step is not None and dossier.current_step.agency_id == world.ward_committee.pk
    events = DossierEvent.objects.filter(dossier=dossier).order_by("seq")
    assert list(events.values_list("action", flat=True)) == ["submit", "receive", "forward"]


def test_one_action_receives_at_the_counter_and_forwards(world: World) -> None:
    dossier = services.receive_new_dossier(
        world.receptionist,
        world.birth,
        world.applicant(),
        at=at("2026-03-02 08:00"),
        documents=services.catalog_documents(world.birth),
        forward=True,
    )
    assert dossier.status == Status.PROCESSING
    assert dossier.current_step is not None and dossier.current_step.role == "specialist"


def test_receive_and_forward_is_both_or_neither(world: World) -> None:
    files = [(r.pk, scan()) for r in world.birth.requirements.all()]
    dossier = services.submit_online(
        world.citizen,
        world.birth,
        world.applicant(world.citizen),
        world.ward_center,
        at=at("2026-03-02 07:00"),
        files=files,
    )
    # A process with only the desk's step: nothing to forward to, so the reception is undone too.
    world.birth.process_steps.filter(order__gt=1).delete()
    from django.db import transaction

    with pytest.raises(services.DossierError) as caught, transaction.atomic():
        services.receive_dossier(world.receptionist, dossier, at=at("2026-03-02 08:00"), forward=True)
    assert caught.value.code == "no_next_step"
    fresh = Dossier.objects.get(pk=dossier.pk)
    assert fresh.status == Status.SUBMITTED and fresh.received_at is None
    assert not Handover.objects.filter(dossier=dossier).exists()
