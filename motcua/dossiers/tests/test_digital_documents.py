"""Issue #13 wired into the dossier flow: scans digitised at reception, electronic results signed
on approval, once-only reuse of the citizen's warehouse at online submission."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from motcua.catalog.models import Requirement
from motcua.documents import pki
from motcua.documents import services as warehouse
from motcua.documents.models import DigitisedDocument, Origin, SignedDocument
from motcua.documents.sample import BIRTH_CERTIFICATE, render_pdf
from motcua.documents.verification import verify_bytes
from motcua.dossiers import services
from motcua.dossiers.models import Dossier, DossierDocument, DossierFile, Status
from motcua.dossiers.services import DossierError, Supplied

from .conftest import World, at

SCAN = render_pdf(BIRTH_CERTIFICATE)


@pytest.fixture(autouse=True)
def _pki(tmp_path: Path, settings: Any) -> None:
    settings.MOTCUA_PKI_DIR = tmp_path / "pki"
    settings.MOTCUA_TSA_URL = ""


def upload(name: str = "scan.pdf", content: bytes = SCAN) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, "application/pdf")


def requirement(world: World, name: str) -> Requirement:
    return world.birth.requirements.get(name=name)


def receive_at_counter(world: World, applicant: Any = None) -> Dossier:
    form = requirement(world, "Tờ khai đăng ký khai sinh")
    certificate = requirement(world, "Giấy chứng sinh")
    return services.receive_new_dossier(
        world.receptionist, world.birth, applicant or world.applicant(), at=at("2026-03-02 08:00"),
        documents=[Supplied(form.name, originals=1, requirement_id=form.pk),
                   Supplied(certificate.name, originals=1, requirement_id=certificate.pk)],
        files=[(certificate.pk, upload("giay-chung-sinh.pdf"))],
    )


def keys(world: World) -> None:
    pki.init_pki([(world.ward_committee.code, world.ward_committee.name)], "CA Tỉnh Lạng Sơn")


def to_approval(world: World, dossier: Dossier, result: bytes, electronic: bool = True) -> Dossier:
    services.forward_dossier(world.receptionist, dossier, at=at("2026-03-02 09:00"))
    services.mark_result_ready(world.specialist, dossier, "Giấy chứng sinh đã cấp", at=at("2026-03-03 09:00"),
                               result_file=upload("kq.pdf", result), electronic=electronic)
    return dossier


# ---------------------------------------------------------------------------------------
# 1. Reception


def test_a_scan_received_at_the_counter_is_digitised_into_the_applicants_warehouse(world: World) -> None:
    dossier = receive_at_counter(world)
    document = DigitisedDocument.objects.get()
    certificate = requirement(world, "Giấy chứng sinh")
    assert document.origin == Origin.COUNTER_SCAN
    assert document.requirement_id == certificate.pk
    assert document.document_type == "Giấy chứng sinh"
    assert document.holder_identifier == "020190001234"
    assert document.dossier_code == dossier.code
    assert document.agency_id == world.ward_center.pk and document.created_by_id == world.receptionist.pk
    assert document.file.read() == SCAN
    assert list(warehouse.reusable_for("020190001234")) == [document]


def test_an_applicant_without_a_personal_id_keeps_the_scan_on_the_dossier_only(world: World) -> None:
    applicant = world.applicant()
    applicant.id_number = "B1234567"  # a passport number: no warehouse of that identifier
    dossier = receive_at_counter(world, applicant)
    assert dossier.status == Status.RECEIVED
    assert DossierFile.objects.filter(dossier=dossier).count() == 1
    assert not DigitisedDocument.objects.exists()


def test_an_unreadable_scan_is_received_but_not_digitised(world: World) -> None:
    certificate = requirement(world, "Giấy chứng sinh")
    dossier = services.receive_new_dossier(
        world.receptionist, world.birth, world.applicant(), at=at("2026-03-02 08:00"),
        documents=[Supplied(certificate.name, originals=1, requirement_id=certificate.pk)],
        files=[(certificate.pk, upload("hong.pdf", b"%PDF-1.7\n%%EOF\n"))],
    )
    assert dossier.status == Status.RECEIVED and dossier.files.count() == 1
    assert not DigitisedDocument.objects.exists()


# ---------------------------------------------------------------------------------------
# 2. Results


def test_an_electronic_result_is_signed_by_the_deciding_agency_when_approved(world: World) -> None:
    keys(world)
    dossier = to_approval(world, receive_at_counter(world), render_pdf(["GIẤY KHAI SINH", "Số: 9/2026"]))
    services.approve_result(world.leader, dossier, at=at("2026-03-03 10:00"))
    dossier.refresh_from_db()
    assert dossier.status == Status.RESULT_READY
    signed = SignedDocument.objects.get()
    assert dossier.result_signed_id == signed.pk
    assert signed.agency_id == world.ward_committee.pk
    assert signed.dossier_code == dossier.code and signed.procedure_code == world.birth.procedure.code
    content = dossier.result_file.read()
    verdict = verify_bytes(content)
    assert verdict.ok, verdict
    result = DigitisedDocument.objects.get(origin=Origin.RESULT)
    assert result.signed_id == signed.pk and result.dossier_code == dossier.code
    assert result.holder_identifier == "020190001234"
    assert result.file.read() == content  # kept byte for byte: the signature still holds


def test_approval_is_refused_when_the_deciding_agency_has_no_certificate(world: World) -> None:
    dossier = to_approval(world, receive_at_counter(world), render_pdf(["GIẤY KHAI SINH"]))
    with pytest.raises(DossierError) as caught:
        services.approve_result(world.leader, dossier, at=at("2026-03-03 10:00"))
    assert caught.value.code == "signing_failed"
    assert "pki init" in caught.value.message
    dossier.refresh_from_db()
    assert dossier.status == Status.PROCESSING and dossier.result_signed_id is None
    assert not SignedDocument.objects.exists()
    assert not DigitisedDocument.objects.filter(origin=Origin.RESULT).exists()


def test_a_paper_result_is_not_signed(world: World) -> None:
    dossier = to_approval(world, receive_at_counter(world), render_pdf(["GIẤY KHAI SINH"]), electronic=False)
    services.approve_result(world.leader, dossier, at=at("2026-03-03 10:00"))
    dossier.refresh_from_db()
    assert dossier.status == Status.RESULT_READY and dossier.result_signed_id is None
    assert not SignedDocument.objects.exists()


# ---------------------------------------------------------------------------------------
# 3. Once-only at online submission


def submit_reusing(world: World, reused: list[tuple[int, int]], **kwargs: Any) -> Dossier:
    form = requirement(world, "Tờ khai đăng ký khai sinh")
    return services.submit_online(
        world.prove_citizen(), world.birth, world.applicant(), world.ward_center, at=at("2026-03-05 08:00"),
        files=[(form.pk, upload("to-khai.pdf"))], reused=reused, competent_agency=world.ward_committee,
        **kwargs,
    )


def test_an_online_submission_reuses_a_digitised_document_instead_of_an_upload(world: World) -> None:
    receive_at_counter(world)
    source = DigitisedDocument.objects.get()
    certificate = requirement(world, "Giấy chứng sinh")
    dossier = submit_reusing(world, [(certificate.pk, source.pk)])
    document = DossierDocument.objects.get(dossier=dossier, requirement=certificate)
    assert document.warehouse_document_id == source.pk
    copy = document.files.get()
    assert copy.content_type == "application/pdf" and copy.file.read() == SCAN
    assert dossier.events.get(action="submit").data["reused"] == [source.pk]


def test_another_holders_document_cannot_be_reused(world: World) -> None:
    other = world.applicant(name="Trần Văn Lạ")
    other.id_number = "020185004321"
    receive_at_counter(world, other)
    source = DigitisedDocument.objects.get()
    certificate = requirement(world, "Giấy chứng sinh")
    before = Dossier.objects.count()
    with pytest.raises(DossierError) as caught:
        submit_reusing(world, [(certificate.pk, source.pk)])
    assert caught.value.code == "not_reusable"
    assert Dossier.objects.count() == before


def test_a_typed_unproven_id_number_reuses_nothing(world: World) -> None:
    # The citizen typed the holder's number at registration but never proved it: the holder's
    # documents cannot be pulled into a dossier (and then downloaded from it).
    receive_at_counter(world)
    source = DigitisedDocument.objects.get()
    world.citizen.id_number = world.applicant().id_number
    world.citizen.save(update_fields=["id_number"])
    certificate = requirement(world, "Giấy chứng sinh")
    before = Dossier.objects.count()
    with pytest.raises(DossierError) as caught:
        services.submit_online(
            world.citizen, world.birth, world.applicant(), world.ward_center, at=at("2026-03-05 08:00"),
            files=[(requirement(world, "Tờ khai đăng ký khai sinh").pk, upload("to-khai.pdf"))],
            reused=[(certificate.pk, source.pk)], competent_agency=world.ward_committee,
        )
    assert caught.value.code == "not_reusable"
    assert Dossier.objects.count() == before


def test_a_hidden_document_cannot_be_reused(world: World) -> None:
    receive_at_counter(world)
    source = DigitisedDocument.objects.get()
    warehouse.set_hidden(world.prove_citizen(), source.pk, True)
    certificate = requirement(world, "Giấy chứng sinh")
    with pytest.raises(DossierError) as caught:
        submit_reusing(world, [(certificate.pk, source.pk)])
    assert caught.value.code == "not_reusable"


def test_reuse_must_name_a_requirement_of_the_procedure(world: World) -> None:
    receive_at_counter(world)
    source = DigitisedDocument.objects.get()
    other = world.certification.requirements.first()
    assert other is not None
    with pytest.raises(DossierError) as caught:
        submit_reusing(world, [(other.pk, source.pk)])
    assert caught.value.code == "unknown_requirement"
