"""The services own reception: what was handed in, its files, the request and the result delivery.

Issue #11, findings 2 and 3: an online dossier without its required documents was accepted;
the receipt listed every catalog row (notes included) when no list was given; the request and
the way the result is delivered were lost; views wrapped several calls in their own
transaction and left files behind when it rolled back.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction

from motcua.catalog.models import ProcessStep, Requirement
from motcua.dossiers import services
from motcua.dossiers.models import Dossier, DossierDocument, DossierFile, ResultDelivery, Status
from motcua.dossiers.services import DossierError, Supplied

from .conftest import World, at

PDF = b"%PDF-1.7\n%%EOF\n"


def scan(name: str = "scan.pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, PDF, "application/pdf")


def stored_files(settings: Any) -> list[Path]:
    return [p for p in Path(str(settings.MEDIA_ROOT)).rglob("*") if p.is_file()]


def requirement(world: World, name: str) -> Requirement:
    return world.birth.requirements.get(name=name)


def test_an_online_dossier_without_the_birth_certificate_is_refused_naming_it(
    world: World, settings: Any
) -> None:
    form = requirement(world, "Tờ khai đăng ký khai sinh")
    with pytest.raises(DossierError) as caught:
        services.submit_online(
            world.citizen,
            world.birth,
            world.applicant(),
            world.ward_center,
            at=at("2026-03-02 08:00"),
            files=[(form.pk, scan())],
        )
    assert caught.value.code == "documents_missing"
    assert "Giấy chứng sinh" in caught.value.message
    assert "Tờ khai" not in caught.value.message
    assert caught.value.fields["files"] and "Giấy chứng sinh" in caught.value.fields["files"][0]
    assert not Dossier.objects.exists() and not DossierFile.objects.exists()
    assert stored_files(settings) == []


def test_an_online_dossier_without_any_file_lists_every_required_document(world: World) -> None:
    with pytest.raises(DossierError) as caught:
        services.submit_online(world.citizen, world.birth, world.applicant(), world.ward_center)
    assert caught.value.code == "documents_missing"
    assert "Tờ khai đăng ký khai sinh" in caught.value.message and "Giấy chứng sinh" in caught.value.message


def test_an_online_dossier_records_the_documents_with_a_file_and_attaches_each_file(world: World) -> None:
    files = [(r.pk, scan(f"{r.order}.pdf")) for r in world.birth.requirements.all()]
    dossier = services.submit_online(
        world.citizen,
        world.birth,
        world.applicant(),
        world.ward_center,
        at=at("2026-03-02 08:00"),
        files=files,
        request="Đăng ký khai sinh cho con trai",
        result_delivery=ResultDelivery.POST,
    )
    documents = list(dossier.documents.order_by("id"))
    assert [d.name for d in documents] == ["Tờ khai đăng ký khai sinh", "Giấy chứng sinh"]
    assert [[f.original_name for f in d.files.all()] for d in documents] == [["1.pdf"], ["2.pdf"]]
    dossier.refresh_from_db()
    assert dossier.request == "Đăng ký khai sinh cho con trai"
    assert dossier.result_delivery == ResultDelivery.POST


def test_a_note_of_the_catalog_is_never_a_document(world: World, settings: Any) -> None:
    note = Requirement.objects.create(version=world.birth, order=3, name="Lưu ý: mang theo căn cước")
    with pytest.raises(DossierError) as caught:
        services.receive_new_dossier(
            world.receptionist,
            world.birth,
            world.applicant(),
            at=at("2026-03-02 08:00"),
            documents=[Supplied(note.name, originals=1, requirement_id=note.pk)],
        )
    assert caught.value.code == "unknown_requirement"
    assert not Dossier.objects.exists()
    assert note.pk not in {d.requirement_id for d in services.catalog_documents(world.birth)}


def test_the_counter_records_exactly_what_was_handed_in(world: World) -> None:
    form = requirement(world, "Tờ khai đăng ký khai sinh")
    dossier = services.receive_new_dossier(
        world.receptionist,
        world.birth,
        world.applicant(),
        at=at("2026-03-02 08:00"),
        documents=[Supplied(form.name, originals=1, photocopies=2, requirement_id=form.pk)],
        files=[(form.pk, scan("to-khai.pdf"))],
        request="Khai sinh cho con gái",
        result_delivery=ResultDelivery.ONLINE,
    )
    documents = list(dossier.documents.all())
    assert [(d.name, d.originals, d.photocopies) for d in documents] == [(form.name, 1, 2)]
    assert [f.original_name for f in documents[0].files.all()] == ["to-khai.pdf"]
    dossier.refresh_from_db()
    assert (dossier.request, dossier.result_delivery) == ("Khai sinh cho con gái", ResultDelivery.ONLINE)


def test_a_counter_dossier_given_no_list_records_no_document_not_the_whole_catalog(world: World) -> None:
    dossier = services.receive_new_dossier(
        world.receptionist, world.birth, world.applicant(), at=at("2026-03-02 08:00")
    )
    assert not DossierDocument.objects.filter(dossier=dossier).exists()


def test_an_unknown_result_delivery_is_refused(world: World) -> None:
    with pytest.raises(DossierError) as caught:
        services.receive_new_dossier(
            world.receptionist,
            world.birth,
            world.applicant(),
            at=at("2026-03-02 08:00"),
            result_delivery="pigeon",
        )
    assert caught.value.code == "invalid_result_delivery"
    assert not Dossier.objects.exists()


def test_stored_files_are_deleted_when_the_reception_fails_after_storing_them(
    world: World, settings: Any
) -> None:
    # Receive and forward at once, in a process with only the desk's step: the forward fails
    # (no next step) after the scan was stored.
    ProcessStep.objects.filter(version=world.birth, order__gt=1).delete()
    form = requirement(world, "Tờ khai đăng ký khai sinh")
    # (A savepoint stands for the transaction the test runs in; the service's own is inside it.)
    with pytest.raises(DossierError) as caught, transaction.atomic():
        services.receive_new_dossier(
            world.receptionist,
            world.birth,
            world.applicant(),
            at=at("2026-03-02 08:00"),
            documents=services.catalog_documents(world.birth),
            files=[(form.pk, scan("to-khai.pdf"))],
            forward=True,
        )
    assert caught.value.code == "no_next_step"
    assert not Dossier.objects.exists() and not DossierFile.objects.exists()
    assert stored_files(settings) == []


def test_a_refused_file_leaves_nothing_behind(world: World, settings: Any) -> None:
    files: list[tuple[int | None, SimpleUploadedFile]] = [
        (r.pk, scan()) for r in world.birth.requirements.all()
    ]
    files.append((None, SimpleUploadedFile("virus.exe", b"MZ\x90\x00", "application/pdf")))
    with pytest.raises(DossierError) as caught:
        services.submit_online(world.citizen, world.birth, world.applicant(), world.ward_center, files=files)
    assert caught.value.code == "unsupported_file_type"
    assert not Dossier.objects.exists() and stored_files(settings) == []


def test_a_supplement_takes_its_files_in_the_same_transition(world: World) -> None:
    dossier = services.receive_new_dossier(
        world.receptionist,
        world.birth,
        world.applicant(world.citizen),
        at=at("2026-03-02 08:00"),
        documents=services.catalog_documents(world.birth),
    )
    services.forward_dossier(world.receptionist, dossier, at=at("2026-03-02 08:30"))
    services.request_supplement(
        world.specialist, dossier, ["Giấy chứng sinh"], "Bản mờ", at=at("2026-03-02 09:00")
    )
    services.receive_supplement(
        world.citizen,
        dossier,
        at=at("2026-03-03 09:00"),
        documents=[Supplied("Giấy chứng sinh", originals=1)],
        files=[(0, scan("chung-sinh-moi.pdf"))],
    )
    added = dossier.documents.get(supplied_in_supplement=True)
    assert [f.original_name for f in added.files.all()] == ["chung-sinh-moi.pdf"]
    assert dossier.status == Status.PROCESSING
