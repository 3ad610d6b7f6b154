"""Writes go through the dossier services; refusals come back in the error format."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from motcua.api.dossiers.schemas import DossierDetail, detail, get_visible
from motcua.api.main import api
from motcua.api.tests.conftest import Dossiers, Province, client_for, token_client
from motcua.dossiers.models import Dossier, DossierEvent, DossierFile

PDF = b"%PDF-1.7\n1 0 obj\n<<>>\nendobj\n%%EOF\n"
EXE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff" + b"\x00" * 64


def session(user: Any) -> tuple[Client, dict[str, str]]:
    """A browser-like session with its CSRF header, as our own pages send it."""
    client = client_for(user)
    client.get("/api/v1/auth/me")
    from django.middleware.csrf import _get_new_csrf_string
    token = _get_new_csrf_string()
    client.cookies[settings.CSRF_COOKIE_NAME] = token
    return client, {"X-CSRFToken": token}


def submit(client: Client, headers: dict[str, str], province: Province, *files: SimpleUploadedFile) -> Any:
    """Submit the birth registration; each file is for its one required document (the form)."""
    if not files:
        files = (SimpleUploadedFile("to-khai.pdf", PDF, "application/pdf"),)
    form = province.birth_version.requirements.get()
    data: dict[str, object] = {"procedure_code": "1.001193", "receiving_agency": province.center_a.code,
                               "request": "Khai sinh", "files": list(files),
                               "requirement_ids": [form.pk] * len(files)}
    return client.post("/api/v1/dossiers", data, headers=headers)


def test_citizen_submits_online_with_a_pdf(province: Province) -> None:
    client, csrf = session(province.citizen)
    pdf = SimpleUploadedFile("giay-chung-sinh.pdf", PDF, "application/pdf")
    response = submit(client, csrf, province, pdf)
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["status"] == 1
    assert body["code"].startswith(province.center_a.code + "-")
    assert body["applicant"]["id_number"] == "001203004567"
    stored = DossierFile.objects.get()
    assert stored.original_name == "giay-chung-sinh.pdf"
    # Stored under a server-chosen name inside MEDIA_ROOT, not under the user's name.
    assert "giay-chung-sinh" not in str(stored.file.name)
    assert Path(stored.file.path).is_relative_to(Path(str(settings.MEDIA_ROOT)))


def test_the_submissions_answer_is_the_dossier_as_read_back_afterwards(province: Province) -> None:
    # The answer is built from the rows the submission wrote (no read after them): it must be
    # exactly what a read of the dossier gives, files and documents in order, no step, no request.
    client, csrf = session(province.citizen)
    response = submit(client, csrf, province, SimpleUploadedFile("a.pdf", PDF, "application/pdf"),
                      SimpleUploadedFile("b.pdf", PDF, "application/pdf"))
    assert response.status_code == 201, response.content
    answer = response.json()
    read_back = client.get(f"/api/v1/dossiers/{answer['code']}").json()
    assert answer == read_back
    assert [f["original_name"] for f in answer["files"]] == ["a.pdf", "b.pdf"]
    assert answer["steps"] == [] and answer["supplement_requests"] == [] and answer["current_step"] is None
    assert [f["id"] for f in answer["files"]] == sorted(
        DossierFile.objects.filter(dossier__code=answer["code"]).values_list("id", flat=True))


def test_renamed_executable_as_photo_jpg_is_refused_and_nothing_is_written(province: Province) -> None:
    client, csrf = session(province.citizen)
    response = submit(client, csrf, province,
                      SimpleUploadedFile("giay-to.pdf", PDF, "application/pdf"),
                      SimpleUploadedFile("photo.jpg", EXE, "image/jpeg"))
    assert response.status_code == 415
    assert response.json()["code"] == "unsupported_file_type"
    assert not Dossier.objects.exists()
    assert not DossierFile.objects.exists()


def test_officer_cannot_submit_online(province: Province) -> None:
    response = token_client(province.receptionist_a).post(
        "/api/v1/dossiers", {"procedure_code": "1.001193", "receiving_agency": province.center_a.code})
    assert response.status_code == 403


def test_anonymous_cannot_submit(province: Province) -> None:
    response = Client().post("/api/v1/dossiers", {"procedure_code": "1.001193",
                                                  "receiving_agency": province.center_a.code})
    assert response.status_code == 401


def test_session_submission_without_csrf_is_refused(province: Province) -> None:
    response = client_for(province.citizen).post(
        "/api/v1/dossiers", {"procedure_code": "1.001193", "receiving_agency": province.center_a.code})
    assert response.status_code == 403
    assert response.json()["code"] == "csrf_failed"


def test_submission_is_throttled(province: Province, settings: Any) -> None:
    settings.MOTCUA_API_THROTTLE_RATES = {"submission": "2/hour"}
    client, csrf = session(province.citizen)
    statuses = [submit(client, csrf, province).status_code for _ in range(3)]
    assert statuses == [201, 201, 429]
    last = submit(client, csrf, province)
    assert last.json()["code"] == "throttled"
    assert "Retry-After" in last


def test_receptionist_receives_an_online_dossier(province: Province, dossiers: Dossiers) -> None:
    response = token_client(province.receptionist_a).post(
        f"/api/v1/dossiers/{dossiers.mine.code}/receive", {}, content_type="application/json")
    assert response.status_code == 200
    assert response.json()["status"] == 2
    assert response.json()["due_at"] is not None
    assert DossierEvent.objects.filter(dossier=dossiers.mine, action="receive").count() == 1


def test_transition_outside_the_scope_is_not_found(province: Province, dossiers: Dossiers) -> None:
    url = f"/api/v1/dossiers/{dossiers.mine.code}/receive"
    other_centre = token_client(province.receptionist_b)
    assert other_centre.post(url, {}, content_type="application/json").status_code == 404
    assert token_client(province.specialist_justice).post(
        url, {}, content_type="application/json").status_code == 404
    assert Client().post(url, {}, content_type="application/json").status_code == 401
    client, csrf = session(province.other_citizen)
    assert client.post(url, {}, content_type="application/json", headers=csrf).status_code == 404


def test_citizen_cannot_receive_his_own_dossier(province: Province, dossiers: Dossiers) -> None:
    client, csrf = session(province.citizen)
    response = client.post(f"/api/v1/dossiers/{dossiers.mine.code}/receive", {},
                           content_type="application/json", headers=csrf)
    assert response.status_code == 403
    assert response.json()["code"] == "forbidden_role"


def test_invalid_transition_is_a_conflict(province: Province, dossiers: Dossiers) -> None:
    response = token_client(province.receptionist_a).post(
        f"/api/v1/dossiers/{dossiers.counter.code}/receive", {}, content_type="application/json")
    assert response.status_code == 409
    assert response.json()["code"] == "invalid_transition"


def test_stale_revision_is_already_handled(province: Province, dossiers: Dossiers) -> None:
    response = token_client(province.receptionist_a).post(
        f"/api/v1/dossiers/{dossiers.mine.code}/receive", {"revision": 0}, content_type="application/json")
    assert response.status_code == 409
    assert response.json()["code"] == "already_handled"


def test_refusal_needs_a_reason(province: Province, dossiers: Dossiers) -> None:
    client = token_client(province.receptionist_a)
    url = f"/api/v1/dossiers/{dossiers.mine.code}/refuse"
    missing = client.post(url, {}, content_type="application/json")
    blank = client.post(url, {"reason": "  "}, content_type="application/json")
    assert missing.status_code == 422 and "reason" in missing.json()["fields"]
    assert blank.status_code == 422 and blank.json()["code"] == "reason_required"
    done = client.post(url, {"reason": "Không thuộc thẩm quyền"}, content_type="application/json")
    assert done.json()["status"] == 3


def test_second_supplement_request_is_refused(province: Province, dossiers: Dossiers) -> None:
    # The counter dossier's current step is the desk's: the receptionist forwards it first.
    token_client(province.receptionist_a).post(
        f"/api/v1/dossiers/{dossiers.counter.code}/forward", {}, content_type="application/json")
    specialist = token_client(province.specialist_a)
    url = f"/api/v1/dossiers/{dossiers.counter.code}/request-supplement"
    body = {"items": ["Bản sao giấy chứng sinh"], "reason": "Thiếu giấy chứng sinh"}
    first = specialist.post(url, body, content_type="application/json")
    assert first.status_code == 200, first.content
    assert first.json()["status"] == 5
    token_client(province.receptionist_a).post(
        f"/api/v1/dossiers/{dossiers.counter.code}/receive-supplement", {}, content_type="application/json")
    second = specialist.post(url, body, content_type="application/json")
    assert second.status_code == 409
    assert second.json()["code"] == "supplement_already_requested"
    assert second.json()["message"].startswith("Hồ sơ")


def test_attachment_is_served_only_to_those_allowed(province: Province, dossiers: Dossiers) -> None:
    client, csrf = session(province.citizen)
    png = SimpleUploadedFile("anh.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 20, "image/png")
    uploaded = client.post(f"/api/v1/dossiers/{dossiers.mine.code}/files", {"file": png}, headers=csrf)
    assert uploaded.status_code == 201, uploaded.content
    url = uploaded.json()["url"]
    own = client.get(url)
    assert own.status_code == 200
    assert own["Content-Type"] == "image/png"
    assert own["Content-Disposition"].startswith("attachment")
    assert token_client(province.receptionist_a).get(url).status_code == 200
    assert client_for(province.other_citizen).get(url).status_code == 404
    assert token_client(province.receptionist_b).get(url).status_code == 404
    assert Client().get(url).status_code == 401


def test_attaching_a_renamed_executable_is_refused(province: Province, dossiers: Dossiers) -> None:
    client, csrf = session(province.citizen)
    response = client.post(f"/api/v1/dossiers/{dossiers.mine.code}/files",
                           {"file": SimpleUploadedFile("photo.jpg", EXE, "image/jpeg")}, headers=csrf)
    assert response.status_code == 415
    assert not DossierFile.objects.exists()


COUNTER = {"procedure_code": "1.001193", "channel": "postal",
           "applicant": {"name": "Lý Thị Dung", "id_number": "004206007890"}}


def test_receptionist_receives_a_postal_dossier(province: Province) -> None:
    response = token_client(province.receptionist_a).post("/api/v1/dossiers/counter", COUNTER,
                                                          content_type="application/json")
    assert response.status_code == 201, response.content
    assert response.json()["status"] == 2
    assert response.json()["channel"] == "postal"
    assert response.json()["receiving_agency"]["code"] == province.center_a.code


def test_only_a_receptionist_receives_at_the_counter(province: Province) -> None:
    specialist = token_client(province.specialist_a).post("/api/v1/dossiers/counter", COUNTER,
                                                          content_type="application/json")
    client, csrf = session(province.citizen)
    citizen = client.post("/api/v1/dossiers/counter", COUNTER, content_type="application/json", headers=csrf)
    anonymous = Client().post("/api/v1/dossiers/counter", COUNTER, content_type="application/json")
    assert specialist.status_code == citizen.status_code == 403
    assert anonymous.status_code == 401
    assert not Dossier.objects.exists()


def test_the_submissions_answer_is_byte_for_byte_what_the_schema_would_render(province: Province) -> None:
    # The answer is rendered from `detail` without ninja's re-validation through DossierDetail
    # (schemas.created): the same bytes as ninja's validated rendering of the dossier read back.
    client, csrf = session(province.citizen)
    response = submit(client, csrf, province, SimpleUploadedFile("a.pdf", PDF, "application/pdf"),
                      SimpleUploadedFile("b.pdf", PDF, "application/pdf"))
    assert response.status_code == 201, response.content
    assert response["Content-Type"] == "application/json; charset=utf-8"
    read_back = get_visible(province.citizen, response.json()["code"])
    validated = DossierDetail.model_validate(detail(read_back, province.citizen)).model_dump()
    assert response.content == api.renderer.render(None, validated, response_status=201).encode()  # type: ignore[arg-type]
