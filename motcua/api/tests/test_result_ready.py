"""POST /dossiers/{code}/result-ready: the result text, and the result file (multipart) if there is one."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from motcua.api.tests.conftest import Dossiers, Province, token_client
from motcua.dossiers.models import Dossier, DossierEvent, SubState

PDF = b"%PDF-1.7\n1 0 obj\n<<>>\nendobj\n%%EOF\n"
EXE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff" + b"\x00" * 64


def at_the_specialist(province: Province, dossiers: Dossiers) -> Dossier:
    """The counter dossier, forwarded by the desk to the commune's specialist."""
    response = token_client(province.receptionist_a).post(
        f"/api/v1/dossiers/{dossiers.counter.code}/forward", {}, content_type="application/json")
    assert response.status_code == 200, response.content
    return dossiers.counter


def stored_files() -> list[Path]:
    return [p for p in Path(str(settings.MEDIA_ROOT)).rglob("*") if p.is_file()]


def url(dossier: Dossier) -> str:
    return f"/api/v1/dossiers/{dossier.code}/result-ready"


def test_specialist_submits_the_result_with_its_file(province: Province, dossiers: Dossiers) -> None:
    dossier = at_the_specialist(province, dossiers)
    response = token_client(province.specialist_a).post(url(dossier), {
        "result_text": "Giấy khai sinh bản chính", "electronic": "true",
        "result_file": SimpleUploadedFile("ket-qua.pdf", PDF, "application/pdf")})
    assert response.status_code == 200, response.content
    assert response.json()["sub_state"] == SubState.AWAITING_APPROVAL
    assert response.json()["result_text"] == "Giấy khai sinh bản chính"
    dossier.refresh_from_db()
    assert dossier.result_electronic is True
    # Stored under a name the server chose, with the extension of the proven type.
    stored_name = str(dossier.result_file.name)
    assert stored_name.endswith(".pdf") and "ket-qua" not in stored_name
    assert Path(dossier.result_file.path).read_bytes() == PDF
    event = DossierEvent.objects.get(dossier=dossier, action="result_ready")
    assert event.data["file"] is True


def test_json_body_without_a_file_still_works(province: Province, dossiers: Dossiers) -> None:
    dossier = at_the_specialist(province, dossiers)
    response = token_client(province.specialist_a).post(
        url(dossier), {"result_text": "Giấy khai sinh"}, content_type="application/json")
    assert response.status_code == 200, response.content
    dossier.refresh_from_db()
    assert dossier.sub_state == SubState.AWAITING_APPROVAL
    assert not dossier.result_file


def test_renamed_executable_as_result_is_refused_and_nothing_changes(
        province: Province, dossiers: Dossiers) -> None:
    dossier = at_the_specialist(province, dossiers)
    events = DossierEvent.objects.filter(dossier=dossier).count()
    response = token_client(province.specialist_a).post(url(dossier), {
        "result_text": "Giấy khai sinh",
        "result_file": SimpleUploadedFile("ket-qua.pdf", EXE, "application/pdf")})
    assert response.status_code == 415
    assert response.json()["code"] == "unsupported_file_type"
    assert response.json()["fields"] == {"result_file": ["ket-qua.pdf"]}
    dossier.refresh_from_db()
    assert dossier.sub_state != SubState.AWAITING_APPROVAL and not dossier.result_file
    assert DossierEvent.objects.filter(dossier=dossier).count() == events
    assert stored_files() == []


def test_too_large_result_file_is_refused(province: Province, dossiers: Dossiers, settings: Any) -> None:
    dossier = at_the_specialist(province, dossiers)
    settings.MOTCUA_UPLOAD_MAX_BYTES = 16
    response = token_client(province.specialist_a).post(url(dossier), {
        "result_text": "Giấy khai sinh",
        "result_file": SimpleUploadedFile("ket-qua.pdf", PDF, "application/pdf")})
    assert response.status_code == 413
    assert response.json()["code"] == "file_too_large"
    assert stored_files() == []


def test_stale_revision_with_a_file_stores_nothing(province: Province, dossiers: Dossiers) -> None:
    dossier = at_the_specialist(province, dossiers)
    response = token_client(province.specialist_a).post(url(dossier), {
        "result_text": "Giấy khai sinh", "revision": "1",
        "result_file": SimpleUploadedFile("ket-qua.pdf", PDF, "application/pdf")})
    assert response.status_code == 409
    assert response.json()["code"] == "already_handled"
    assert stored_files() == []


def test_result_text_is_required_in_multipart_too(province: Province, dossiers: Dossiers) -> None:
    dossier = at_the_specialist(province, dossiers)
    response = token_client(province.specialist_a).post(
        url(dossier), {"result_file": SimpleUploadedFile("ket-qua.pdf", PDF, "application/pdf")})
    assert response.status_code == 422
    assert "result_text" in response.json()["fields"]


def test_json_body_that_is_not_an_object_is_a_validation_error(
        province: Province, dossiers: Dossiers) -> None:
    dossier = at_the_specialist(province, dossiers)
    client = token_client(province.specialist_a)
    not_object = client.post(url(dossier), json.dumps(["Giấy khai sinh"]), content_type="application/json")
    not_json = client.post(url(dossier), b"{result", content_type="application/json")
    assert not_object.status_code == 422 and not_object.json()["code"] == "validation_error"
    assert not_json.status_code == 400 and not_json.json()["code"] == "bad_request"


def test_outsiders_sending_a_result_file_get_not_found(province: Province, dossiers: Dossiers) -> None:
    dossier = at_the_specialist(province, dossiers)
    for client in (token_client(province.specialist_justice), token_client(province.receptionist_b)):
        response = client.post(url(dossier), {
            "result_text": "Giấy khai sinh",
            "result_file": SimpleUploadedFile("kq.pdf", PDF, "application/pdf")})
        assert response.status_code == 404
    anonymous = Client().post(url(dossier), {"result_text": "x"})
    assert anonymous.status_code == 401
    assert stored_files() == []
