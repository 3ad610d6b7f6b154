"""`Idempotency-Key` on the endpoints that create a dossier (the IETF httpapi draft's header).

The same key from the same account with the same request answers 201 with the first dossier
and creates nothing; with another request, 422; another account's same key is theirs alone.
"""

from __future__ import annotations

from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client, override_settings

from motcua.api.tests.conftest import Province, client_for, token_client
from motcua.dossiers.models import Dossier

PDF = b"%PDF-1.7\n%%EOF\n"


def _citizen(user: Any) -> Client:
    client = client_for(user)
    client.handler.enforce_csrf_checks = False
    return client


def _submit(client: Client, province: Province, key: str | None, content: bytes = PDF, **extra: Any) -> Any:
    form = province.birth_version.requirements.get()
    data: dict[str, Any] = {
        "procedure_code": province.birth.code, "receiving_agency": province.center_a.code,
        "files": [SimpleUploadedFile("to-khai.pdf", content, "application/pdf")],
        "requirement_ids": [form.pk], **extra}
    headers = {"Idempotency-Key": key} if key is not None else {}
    return client.post("/api/v1/dossiers", data, headers=headers)


def test_the_same_key_and_request_answer_the_first_dossier_and_create_nothing(province: Province) -> None:
    client = _citizen(province.citizen)
    first = _submit(client, province, "8e03978e-40d5-43e8-bc93-6894a57f9324")
    assert first.status_code == 201, first.content
    again = _submit(client, province, '"8e03978e-40d5-43e8-bc93-6894a57f9324"')  # as an sf-string
    assert again.status_code == 201, again.content
    assert again["Idempotent-Replayed"] == "true" and not first.has_header("Idempotent-Replayed")
    assert again.json()["code"] == first.json()["code"]
    assert Dossier.objects.count() == 1


def test_the_same_key_with_another_request_is_refused(province: Province) -> None:
    client = _citizen(province.citizen)
    first = _submit(client, province, "key-1")
    response = _submit(client, province, "key-1", request="Một yêu cầu khác")
    assert response.status_code == 422
    body = response.json()
    assert body["code"] == "submission_key_reused"
    assert first.json()["code"] in body["message"]
    other_file = _submit(client, province, "key-1", content=PDF + b"% another scan\n")
    assert other_file.status_code == 422
    assert Dossier.objects.count() == 1


def test_a_retry_whose_file_lands_on_disk_is_the_same_request(province: Province) -> None:
    """Django keeps a small request's files in memory (one chunk) and writes a large one's to
    disk (64 KB chunks): the same file must digest the same either way."""
    big = b"%PDF-1.7\n" + b"% a scanned page, padded\n" * 8000 + b"%%EOF\n"  # ~200 KB: 4 chunks on disk
    client = _citizen(province.citizen)
    first = _submit(client, province, "key-big", content=big)
    assert first.status_code == 201, first.content
    with override_settings(FILE_UPLOAD_MAX_MEMORY_SIZE=1024):
        again = _submit(client, province, "key-big", content=big)
    assert again.status_code == 201, again.content
    assert again["Idempotent-Replayed"] == "true"
    assert Dossier.objects.count() == 1


def test_another_accounts_key_is_theirs_alone(province: Province) -> None:
    theirs = _submit(_citizen(province.other_citizen), province, "shared-key")
    mine = _submit(_citizen(province.citizen), province, "shared-key")
    assert theirs.status_code == mine.status_code == 201
    assert mine.json()["code"] != theirs.json()["code"]
    assert "Idempotent-Replayed" not in mine
    assert Dossier.objects.count() == 2


def test_without_the_header_each_request_creates_a_dossier(province: Province) -> None:
    client = _citizen(province.citizen)
    assert _submit(client, province, None).status_code == 201
    assert _submit(client, province, None).status_code == 201
    assert Dossier.objects.count() == 2


def test_a_key_that_is_not_printable_ascii_is_refused_before_anything_is_written(province: Province) -> None:
    response = _submit(_citizen(province.citizen), province, "x" * 256)
    assert response.status_code == 422
    assert response.json()["fields"] == {"Idempotency-Key": [response.json()["message"]]}
    assert not Dossier.objects.exists()


def _counter(province: Province, **extra: Any) -> dict[str, Any]:
    return {"procedure_code": "1.001193", "applicant": {"name": "Lý Thị Dung", "id_number": "004206007890"},
            **extra}


def test_the_counter_endpoints_take_the_key_too(province: Province) -> None:
    client = token_client(province.receptionist_a)
    headers = {"Idempotency-Key": "counter-1"}
    first = client.post("/api/v1/dossiers/counter", _counter(province), content_type="application/json",
                        headers=headers)
    again = client.post("/api/v1/dossiers/counter", _counter(province), content_type="application/json",
                        headers=headers)
    assert first.status_code == again.status_code == 201
    assert again.json()["code"] == first.json()["code"]
    # The same key on the refusal endpoint is another request.
    refused = client.post("/api/v1/dossiers/counter/refuse", _counter(province, reason="Sai thủ tục"),
                          content_type="application/json", headers=headers)
    assert refused.status_code == 422 and refused.json()["code"] == "submission_key_reused"
    assert Dossier.objects.count() == 1


def test_the_openapi_description_documents_the_header(province: Province) -> None:
    schema = Client().get("/api/v1/openapi.json").json()
    for path in ("/api/v1/dossiers", "/api/v1/dossiers/counter", "/api/v1/dossiers/counter/refuse"):
        operation = schema["paths"][path]["post"]
        headers = [p for p in operation.get("parameters", []) if p["in"] == "header"]
        assert [h["name"] for h in headers] == ["Idempotency-Key"], path
        assert "422" in operation["description"] and "Idempotency-Key" in operation["description"]
