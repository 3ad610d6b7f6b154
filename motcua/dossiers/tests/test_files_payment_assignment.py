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
        world.receptionist, world.birth, world.applicant(world.citizen), at=at("2026-03-02 08:00"),
        documents=services.catalog_documents(world.birth)
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


PNG = b"\x89PNG\r\n\x1a\n" + b"\0" * 16
JPEG = b"\xff\xd8\xff\xe0" + b"\0" * 16


@pytest.mark.parametrize(
    ("content", "name", "extension"),
    [
        (PNG, "anh-chup.pdf", ".png"),  # a photo named .pdf is stored as what it is
        (JPEG, "scan", ".jpg"),  # no extension at all
        (b"%PDF-1.7 x", "to-khai.pdf.exe", ".pdf"),
    ],
)
def test_the_stored_extension_comes_from_the_content_not_the_name(
    world: World, processing: Dossier, content: bytes, name: str, extension: str
) -> None:
    attached = services.attach_file(world.citizen, processing, ContentFile(content, name=name))
    assert Path(str(attached.file.name)).suffix == extension
    assert attached.original_name == name
    assert attached.content_type == {".png": "image/png", ".jpg": "image/jpeg", ".pdf": "application/pdf"}[
        extension
    ]


@pytest.mark.parametrize(
    "content", [b"MZ\x90\x00 an executable", b"<html><script>", b"GIF89a", b""]
)
def test_a_file_that_is_not_pdf_jpeg_or_png_is_refused_and_nothing_is_stored(
    world: World, processing: Dossier, settings: object, content: bytes
) -> None:
    revision = processing.revision
    with pytest.raises(DossierError) as caught:
        services.attach_file(world.citizen, processing, ContentFile(content, name="giay-to.pdf"))
    assert caught.value.code == "unsupported_file_type"
    assert "giay-to.pdf" in caught.value.message
    assert processing.files.count() == 0
    assert Dossier.objects.get(pk=processing.pk).revision == revision
    assert not (Path(settings.MEDIA_ROOT) / "dossiers").exists()  # type: ignore[attr-defined]


def test_a_file_over_the_size_limit_is_refused(world: World, processing: Dossier, settings: object) -> None:
    settings.MOTCUA_UPLOAD_MAX_BYTES = 1024  # type: ignore[attr-defined]
    too_large = ContentFile(b"%PDF-" + b"x" * 1020, name="a.pdf")  # 1025 bytes
    with pytest.raises(DossierError) as caught:
        services.attach_file(world.receptionist, processing, too_large)
    assert caught.value.code == "file_too_large"
    assert processing.files.count() == 0
    # At the limit it is accepted.
    services.attach_file(world.receptionist, processing, ContentFile(b"%PDF-" + b"x" * 1019, name="a.pdf"))
    assert processing.files.count() == 1


def test_the_result_file_is_checked_and_named_by_its_content(world: World, processing: Dossier) -> None:
    with pytest.raises(DossierError) as caught:
        services.mark_result_ready(
            world.specialist,
            processing,
            "Giấy khai sinh",
            result_file=ContentFile(b"PK\x03\x04", name="kq.pdf"),
        )
    assert caught.value.code == "unsupported_file_type"
    assert Dossier.objects.get(pk=processing.pk).result_text == ""
    services.mark_result_ready(
        world.specialist, processing, "Giấy khai sinh", result_file=ContentFile(PNG, name="ket-qua.pdf")
    )
    stored = Path(str(processing.result_file.name))
    assert stored.suffix == ".png" and "ket-qua" not in stored.name


def test_another_citizen_cannot_attach_files(world: World, processing: Dossier) -> None:
    with pytest.raises(DossierError) as caught:
        services.attach_file(world.other_citizen, processing, ContentFile(b"x", name="a.pdf"))
    assert caught.value.code == "forbidden_role"
    assert processing.files.count() == 0


def test_the_owner_cannot_mark_their_own_fee_paid(world: World, processing: Dossier) -> None:
    services.request_payment(world.specialist, processing, 8_000, at=at("2026-03-02 09:00"))
    with pytest.raises(DossierError) as caught:
        services.record_payment(
            world.citizen, processing, at=at("2026-03-02 10:00"), online=True, reference="bịa ra"
        )
    assert caught.value.code == "forbidden_role"
    processing.refresh_from_db()
    assert processing.status == Status.PAYMENT_REQUESTED and processing.paid_at is None
    assert not processing.paid_online


def test_the_system_records_a_verified_online_payment(world: World, processing: Dossier) -> None:
    services.request_payment(world.specialist, processing, 8_000, at=at("2026-03-02 09:00"))
    assert processing.status == Status.PAYMENT_REQUESTED
    services.record_payment(None, processing, at=at("2026-03-02 10:00"), online=True, reference="MC-123")
    assert processing.status == Status.PROCESSING
    assert processing.paid_online is True and processing.fee_amount == 8_000
    last = processing.events.last()
    assert last is not None and last.actor_id is None and last.data["reference"] == "MC-123"


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
            world.receptionist, world.birth, world.applicant(), at=at("2026-03-02 08:00"),
            documents=services.catalog_documents(world.birth)
        )
    assert caught.value.code == "no_competent_agency"
    assert Dossier.objects.count() == 0
