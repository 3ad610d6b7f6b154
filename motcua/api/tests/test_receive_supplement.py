"""POST /dossiers/{code}/receive-supplement: the documents handed in (with counts) and their files.

An integration does what the desk and the portal do: files and documents arrive together with
the supplement, or nothing is written.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from motcua.accounts.models import Role
from motcua.api.tests.conftest import Dossiers, Province, client_for, make_user, token_client
from motcua.dossiers.models import Dossier, DossierDocument, DossierEvent, DossierFile, Status

PDF = b"%PDF-1.7\n1 0 obj\n<<>>\nendobj\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 24
EXE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff" + b"\x00" * 64


def waiting_for_supplement(province: Province, dossier: Dossier) -> Dossier:
    """The dossier forwarded by the desk, then the specialist asks for a supplement (status 5)."""
    receptionist = token_client(province.receptionist_a)
    if dossier.status == Status.SUBMITTED:
        assert receptionist.post(f"/api/v1/dossiers/{dossier.code}/receive", {},
                                 content_type="application/json").status_code == 200
    assert receptionist.post(f"/api/v1/dossiers/{dossier.code}/forward", {},
                             content_type="application/json").status_code == 200
    response = token_client(province.specialist_a).post(
        f"/api/v1/dossiers/{dossier.code}/request-supplement",
        {"items": ["Bản sao giấy chứng sinh", "Giấy đăng ký kết hôn"], "reason": "Thiếu giấy tờ"},
        content_type="application/json")
    assert response.status_code == 200, response.content
    dossier.refresh_from_db()
    return dossier


def url(dossier: Dossier) -> str:
    return f"/api/v1/dossiers/{dossier.code}/receive-supplement"


def supplied() -> list[tuple[str, int, int, int]]:
    return sorted(DossierDocument.objects.filter(supplied_in_supplement=True).values_list(
        "name", "originals", "certified_copies", "photocopies"))


def stored_files() -> list[Path]:
    return [p for p in Path(str(settings.MEDIA_ROOT)).rglob("*") if p.is_file()]


def test_desk_receives_documents_with_counts_and_their_scans(province: Province, dossiers: Dossiers) -> None:
    dossier = waiting_for_supplement(province, dossiers.counter)
    response = token_client(province.receptionist_a).post(url(dossier), {
        "note": "Nhận tại quầy",
        "documents": [json.dumps({"name": "Bản sao giấy chứng sinh", "originals": 0, "certified_copies": 2}),
                      json.dumps({"name": "Giấy đăng ký kết hôn"})],
        "files": [SimpleUploadedFile("chung-sinh.pdf", PDF, "application/pdf"),
                  SimpleUploadedFile("ket-hon.png", PNG, "image/png")],
    })
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["status"] == Status.PROCESSING
    assert {f["original_name"] for f in body["files"]} == {"chung-sinh.pdf", "ket-hon.png"}
    assert supplied() == [("Bản sao giấy chứng sinh", 0, 2, 0), ("Giấy đăng ký kết hôn", 1, 0, 0)]
    event = DossierEvent.objects.get(dossier=dossier, action="receive_supplement")
    assert event.reason == "Nhận tại quầy"
    assert event.data["documents"] == ["Bản sao giấy chứng sinh", "Giấy đăng ký kết hôn"]


def test_json_body_with_a_list_of_documents(province: Province, dossiers: Dossiers) -> None:
    dossier = waiting_for_supplement(province, dossiers.counter)
    response = token_client(province.receptionist_a).post(url(dossier), {
        "documents": [{"name": " Bản sao giấy chứng sinh ", "photocopies": 1}], "revision": dossier.revision,
    }, content_type="application/json")
    assert response.status_code == 200, response.content
    assert supplied() == [("Bản sao giấy chứng sinh", 1, 0, 1)]
    assert not DossierFile.objects.exists()


def test_citizen_answers_his_supplement_request_with_files(province: Province, dossiers: Dossiers) -> None:
    dossier = waiting_for_supplement(province, dossiers.mine)
    client = client_for(province.citizen)
    client.handler.enforce_csrf_checks = False  # the session's CSRF check is tested elsewhere
    response = client.post(url(dossier), {
        "documents": [json.dumps([{"name": "Bản sao giấy chứng sinh"}, {"name": "Giấy đăng ký kết hôn"}])],
        "files": [SimpleUploadedFile("a.pdf", PDF, "application/pdf"),
                  SimpleUploadedFile("b.pdf", PDF, "application/pdf")],
    })
    assert response.status_code == 200, response.content
    assert response.json()["status"] == Status.PROCESSING
    assert DossierFile.objects.filter(dossier=dossier).count() == 2
    assert [name for name, *_ in supplied()] == ["Bản sao giấy chứng sinh", "Giấy đăng ký kết hôn"]


def test_one_bad_file_refuses_everything(province: Province, dossiers: Dossiers) -> None:
    dossier = waiting_for_supplement(province, dossiers.counter)
    response = token_client(province.receptionist_a).post(url(dossier), {
        "documents": [json.dumps({"name": "Bản sao giấy chứng sinh"})],
        "files": [SimpleUploadedFile("a.pdf", PDF, "application/pdf"),
                  SimpleUploadedFile("photo.jpg", EXE, "image/jpeg")],
    })
    assert response.status_code == 415
    assert response.json()["fields"] == {"files": ["photo.jpg"]}
    dossier.refresh_from_db()
    assert dossier.status == Status.SUPPLEMENT_REQUESTED
    assert supplied() == [] and not DossierFile.objects.exists() and stored_files() == []


def test_refused_supplement_leaves_no_file_behind(province: Province, dossiers: Dossiers) -> None:
    # A centre manager may attach files to the centre's dossiers but not receive a supplement.
    manager = make_user("quan_ly_a", Role.CENTER_MANAGER, province.center_a)
    dossier = waiting_for_supplement(province, dossiers.counter)
    response = token_client(manager).post(url(dossier), {
        "documents": [json.dumps({"name": "Bản sao giấy chứng sinh"})],
        "files": [SimpleUploadedFile("a.pdf", PDF, "application/pdf")],
    })
    assert response.status_code == 403
    assert response.json()["code"] == "forbidden_role"
    dossier.refresh_from_db()
    assert dossier.status == Status.SUPPLEMENT_REQUESTED
    assert not DossierFile.objects.exists() and stored_files() == []


def test_documents_that_are_not_json_objects_are_validation_errors(
        province: Province, dossiers: Dossiers) -> None:
    dossier = waiting_for_supplement(province, dossiers.counter)
    client = token_client(province.receptionist_a)
    not_json = client.post(url(dossier), {"documents": ["{'name': 'Giấy'}"]})
    blank_name = client.post(url(dossier), {"documents": [json.dumps({"name": "  "})]})
    negative = client.post(url(dossier), {"documents": [{"name": "Giấy", "originals": -1}]},
                           content_type="application/json")
    for response in (not_json, blank_name, negative):
        assert response.status_code == 422, response.content
        assert response.json()["code"] == "validation_error"
        assert any(field.startswith("documents") for field in response.json()["fields"])
    # In the caller's language, not the JSON parser's English ("Expecting property name…").
    assert not_json.json()["fields"]["documents"] == ["Không phải JSON hợp lệ."]
    dossier.refresh_from_db()
    assert dossier.status == Status.SUPPLEMENT_REQUESTED


def test_too_many_files_are_refused(province: Province, dossiers: Dossiers) -> None:
    dossier = waiting_for_supplement(province, dossiers.counter)
    files = [SimpleUploadedFile(f"{i}.pdf", PDF, "application/pdf") for i in range(21)]
    response = token_client(province.receptionist_a).post(url(dossier), {"files": files})
    assert response.status_code == 422
    assert "files" in response.json()["fields"]
    assert not DossierFile.objects.exists()


def test_outsiders_sending_documents_get_not_found(province: Province, dossiers: Dossiers) -> None:
    dossier = waiting_for_supplement(province, dossiers.counter)
    body: dict[str, Any] = {"documents": [json.dumps({"name": "Giấy"})],
                            "files": [SimpleUploadedFile("a.pdf", PDF, "application/pdf")]}
    assert token_client(province.receptionist_b).post(url(dossier), body).status_code == 404
    body["files"] = [SimpleUploadedFile("a.pdf", PDF, "application/pdf")]
    assert token_client(province.specialist_justice).post(url(dossier), body).status_code == 404
    assert Client().post(url(dossier), {"note": ""}).status_code == 401
    assert not DossierFile.objects.exists() and stored_files() == []
