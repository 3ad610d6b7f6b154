"""Online submission records the documents handed in as the portal does: those with a file attached.

Each file names its requirement (`requirement_ids`, in the order of `files`); the dossier lists
those documents with the catalog's counts; a required document without a file is a 422 listing
it. "Required" is the portal's rule (`is_always_required`): not a note, not conditional.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from motcua.api.tests.conftest import Province, client_for
from motcua.catalog.models import Requirement
from motcua.dossiers.models import Dossier, DossierDocument, DossierFile

PDF = b"%PDF-1.7\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32


@dataclass
class Requirements:
    form: Requirement           # "Tờ khai theo mẫu", 1 original: required
    birth_certificate: Requirement  # 1 certified copy: required
    marriage: Requirement       # worded "Trường hợp …": conditional
    abandoned: Requirement      # under a case heading: conditional
    note: Requirement           # a note of the catalog: no counts, takes no file


@pytest.fixture
def requirements(province: Province) -> Requirements:
    version = province.birth_version
    return Requirements(
        form=version.requirements.get(),
        birth_certificate=Requirement.objects.create(
            version=version, order=2, name="Giấy chứng sinh", certified_copies=1),
        marriage=Requirement.objects.create(
            version=version, order=3, photocopies=1,
            name="Trường hợp cha, mẹ đã đăng ký kết hôn: Giấy chứng nhận kết hôn"),
        abandoned=Requirement.objects.create(
            version=version, order=4, originals=1, case="Trường hợp khai sinh cho trẻ bị bỏ rơi",
            name="Biên bản xác nhận việc trẻ bị bỏ rơi"),
        note=Requirement.objects.create(
            version=version, order=5, name="Lưu ý: xuất trình căn cước khi nhận kết quả"),
    )


def citizen(province: Province) -> Client:
    client = client_for(province.citizen)
    client.handler.enforce_csrf_checks = False  # the session's CSRF check is tested elsewhere
    return client


def pdf(name: str) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, PDF, "application/pdf")


def submit(province: Province, files: list[tuple[Requirement | int, SimpleUploadedFile]],
           **extra: Any) -> Any:
    data: dict[str, Any] = {
        "procedure_code": province.birth.code, "receiving_agency": province.center_a.code,
        "files": [upload for _, upload in files],
        "requirement_ids": [r if isinstance(r, int) else r.pk for r, _ in files], **extra}
    return citizen(province).post("/api/v1/dossiers", data)


def nothing_written(settings: Any) -> bool:
    stored = [p for p in Path(str(settings.MEDIA_ROOT)).rglob("*") if p.is_file()]
    return not Dossier.objects.exists() and not DossierFile.objects.exists() and not stored


def test_only_documents_with_a_file_are_recorded_with_the_catalogs_counts(
        province: Province, requirements: Requirements) -> None:
    r = requirements
    response = submit(province, [(r.form, pdf("to-khai.pdf")),
                                 (r.marriage, SimpleUploadedFile("ket-hon.png", PNG, "image/png")),
                                 (r.birth_certificate, pdf("chung-sinh.pdf"))])
    assert response.status_code == 201, response.content
    documents = response.json()["documents"]
    # In the catalog's order, like the portal's upload slots; the abandoned child's record and the
    # note are not handed in.
    assert [(d["requirement_id"], d["name"], d["originals"], d["certified_copies"], d["photocopies"])
            for d in documents] == [
        (r.form.pk, "Tờ khai theo mẫu", 1, 0, 0),
        (r.birth_certificate.pk, "Giấy chứng sinh", 0, 1, 0),
        (r.marriage.pk, r.marriage.name, 0, 0, 1),
    ]
    # Each file is attached to its document.
    by_name = {f.original_name: f.document for f in DossierFile.objects.select_related("document")}
    assert by_name["to-khai.pdf"] is not None and by_name["to-khai.pdf"].requirement_id == r.form.pk
    assert by_name["ket-hon.png"] is not None and by_name["ket-hon.png"].requirement_id == r.marriage.pk
    assert by_name["chung-sinh.pdf"] is not None
    assert by_name["chung-sinh.pdf"].requirement_id == r.birth_certificate.pk


def test_several_files_for_one_document_record_it_once(province: Province,
                                                       requirements: Requirements) -> None:
    r = requirements
    response = submit(province, [(r.form, pdf("to-khai-1.pdf")), (r.form, pdf("to-khai-2.pdf")),
                                 (r.birth_certificate, pdf("chung-sinh.pdf"))])
    assert response.status_code == 201, response.content
    form_document = DossierDocument.objects.get(requirement=r.form)
    assert sorted(f.original_name for f in form_document.files.all()) == ["to-khai-1.pdf", "to-khai-2.pdf"]
    assert DossierDocument.objects.count() == 2


def test_required_documents_without_a_file_are_listed_in_the_error(
        province: Province, requirements: Requirements, settings: Any) -> None:
    r = requirements
    response = submit(province, [(r.marriage, pdf("ket-hon.pdf"))])
    assert response.status_code == 422, response.content
    body = response.json()
    assert body["code"] == "documents_missing"
    assert "Tờ khai theo mẫu" in body["message"] and "Giấy chứng sinh" in body["message"]
    missing = body["fields"]["files"]
    assert len(missing) == 2
    assert "Tờ khai theo mẫu" in missing[0] and str(r.form.pk) in missing[0]
    assert "Giấy chứng sinh" in missing[1] and str(r.birth_certificate.pk) in missing[1]
    assert nothing_written(settings)


def test_submission_without_any_file_lists_every_required_document(
        province: Province, requirements: Requirements, settings: Any) -> None:
    response = submit(province, [])
    assert response.status_code == 422
    assert len(response.json()["fields"]["files"]) == 2
    assert nothing_written(settings)


def test_a_procedure_whose_documents_are_all_conditional_may_be_submitted_without_files(
        province: Province) -> None:
    Requirement.objects.filter(version=province.birth_version).update(case="Trường hợp ủy quyền")
    response = submit(province, [])
    assert response.status_code == 201, response.content
    # Nothing was handed in: nothing is recorded as handed in (not the whole catalog list).
    assert response.json()["documents"] == []
    assert not DossierDocument.objects.exists()


@pytest.mark.parametrize("which", ["note", "other_version", "unknown"])
def test_a_file_for_a_note_or_another_procedures_requirement_is_refused(
        province: Province, requirements: Requirements, settings: Any, which: str) -> None:
    target = {
        "note": requirements.note.pk,
        "other_version": province.record_version.requirements.get().pk,
        "unknown": 2**31 - 1,
    }[which]
    response = submit(province, [(requirements.form, pdf("to-khai.pdf")),
                                 (requirements.birth_certificate, pdf("chung-sinh.pdf")),
                                 (target, pdf("them.pdf"))])
    assert response.status_code == 422, response.content
    assert response.json()["code"] == "unknown_requirement"
    assert response.json()["fields"]["requirement_ids"] == [response.json()["message"]]
    assert nothing_written(settings)


def test_each_file_needs_exactly_one_requirement(province: Province, requirements: Requirements,
                                                 settings: Any) -> None:
    data = {"procedure_code": province.birth.code, "receiving_agency": province.center_a.code,
            "files": [pdf("to-khai.pdf"), pdf("chung-sinh.pdf")], "requirement_ids": [requirements.form.pk]}
    response = citizen(province).post("/api/v1/dossiers", data)
    assert response.status_code == 422
    assert "requirement_ids" in response.json()["fields"]
    assert nothing_written(settings)


def test_the_api_and_the_portal_require_the_same_documents(province: Province,
                                                           requirements: Requirements) -> None:
    from motcua.portal.forms import OnlineSubmissionForm, requirement_field_name

    all_requirements = list(province.birth_version.requirements.all())
    portal = OnlineSubmissionForm(requirements=all_requirements, agencies=[province.center_a])
    portal_required = {r.pk for r in portal.requirements
                       if portal.fields[requirement_field_name(r.pk)].widget.attrs.get("required")}
    portal_slots = {r.pk for r in portal.requirements}

    catalog = Client().get(f"/api/v1/catalog/procedures/{province.birth.code}").json()
    api_required = {r["id"] for r in catalog["version"]["requirements"] if r["required"]}
    missing = submit(province, []).json()["fields"]["files"]

    assert portal_required == api_required == {requirements.form.pk, requirements.birth_certificate.pk}
    assert len(missing) == len(portal_required)
    assert requirements.note.pk not in portal_slots
