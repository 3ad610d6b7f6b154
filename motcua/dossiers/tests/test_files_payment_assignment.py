"""Attachments, online payment by the owner, step assignment and competence errors."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.core.files.base import ContentFile

from motcua.catalog.models import Procedure
from motcua.dossiers import services
from motcua.dossiers.models import Dossier, Status
from motcua.dossiers.services import DossierError

from .conftest import World, at


@pytest.fixture
def processing(world: World) -> Dossier:
    dossier = services.receive_new_dossier(
        world.receptionist, world.birth, world.applicant(world.citizen), at=at("2026-03-02 08:00")
    )
    return services.forward_dossier(world.receptionist, dossier, at=at("2026-03-02 08:30"))


def test_attached_files_get_server_chosen_names(world: World, processing: Dossier, settings: object) -> None:
    upload = ContentFile(b"%PDF-1.4 scan", name="../../etc/Giấy chứng sinh.PDF")
    attached = services.attach_file(world.citizen, processing, upload, at=at("2026-03-02 09:00"))
    assert attached.original_name == "Giấy chứng sinh.PDF"
    name = Path(str(attached.file.name))
    assert name.parent == Path("dossiers") and name.suffix == ".pdf" and len(name.stem) == 32
    assert (Path(settings.MEDIA_ROOT) / name).read_bytes() == b"%PDF-1.4 scan"  # type: ignore[attr-defined]
    assert processing.events.last().action == "attach_file"  # type: ignore[union-attr]


def test_another_citizen_cannot_attach_files(world: World, processing: Dossier) -> None:
    with pytest.raises(DossierError) as caught:
        services.attach_file(world.other_citizen, processing, ContentFile(b"x", name="a.pdf"))
    assert caught.value.code == "forbidden_role"
    assert processing.files.count() == 0


def test_the_owner_pays_online(world: World, processing: Dossier) -> None:
    services.request_payment(world.specialist, processing, 8_000, at=at("2026-03-02 09:00"))
    assert processing.status == Status.PAYMENT_REQUESTED
    services.record_payment(world.citizen, processing, at=at("2026-03-02 10:00"), reference="VNPAY-123")
    assert processing.status == Status.PROCESSING
    assert processing.paid_online is True and processing.fee_amount == 8_000
    assert processing.events.last().data["reference"] == "VNPAY-123"  # type: ignore[union-attr]


def test_a_leader_assigns_the_current_step_within_the_agency(world: World, processing: Dossier) -> None:
    services.assign_step(world.leader, processing, world.specialist, at=at("2026-03-02 09:00"))
    assert processing.current_step is not None and processing.current_step.assignee == world.specialist
    with pytest.raises(DossierError) as caught:
        services.assign_step(world.leader, processing, world.department_specialist, at=at("2026-03-02 09:10"))
    assert caught.value.code == "invalid_agency"


def test_a_ministry_only_procedure_has_no_competent_agency_in_the_province(world: World) -> None:
    Procedure.objects.filter(pk=world.birth.procedure_id).update(at_commune=False, at_ministry=True)
    world.birth.procedure.refresh_from_db()
    with pytest.raises(DossierError) as caught:
        services.receive_new_dossier(
            world.receptionist, world.birth, world.applicant(), at=at("2026-03-02 08:00")
        )
    assert caught.value.code == "no_competent_agency"
    assert Dossier.objects.count() == 0
