"""Every dossier endpoint, read from the OpenAPI document: outsiders get 401 or 404, never the dossier.

A new endpoint under /dossiers/{code} fails `test_every_dossier_endpoint_has_a_valid_example`
until it gets an example here, so it cannot ship without this check.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from motcua.api.main import api
from motcua.api.tests.conftest import Dossiers, Province, client_for, token_client
from motcua.dossiers import services
from motcua.dossiers.models import DossierEvent

PDF = b"%PDF-1.7\n%%EOF\n"

# A valid request for each operation, so that only the caller's scope can explain a refusal.
EXAMPLES: dict[tuple[str, str], dict[str, Any]] = {
    ("get", "/api/v1/dossiers/{code}"): {},
    ("get", "/api/v1/dossiers/{code}/timeline"): {},
    ("get", "/api/v1/dossiers/{code}/slips/{kind}"): {},
    ("get", "/api/v1/dossiers/{code}/files/{file_id}"): {},
    ("post", "/api/v1/dossiers/{code}/files"): {"multipart": True},
    ("post", "/api/v1/dossiers/{code}/receive"): {},
    ("post", "/api/v1/dossiers/{code}/refuse"): {"reason": "Không thuộc thẩm quyền"},
    ("post", "/api/v1/dossiers/{code}/request-completion"): {"items": ["Giấy chứng sinh"], "reason": "Thiếu"},
    ("post", "/api/v1/dossiers/{code}/complete-submission"): {"note": ""},
    ("post", "/api/v1/dossiers/{code}/forward"): {"note": ""},
    ("post", "/api/v1/dossiers/{code}/assign"): {"assignee": "chuyen_vien_a"},
    ("post", "/api/v1/dossiers/{code}/transfer"): {"to_agency": "000.00.12.H37", "reason": "Liên thông"},
    ("post", "/api/v1/dossiers/{code}/request-supplement"): {"items": ["Giấy chứng sinh"], "reason": "Thiếu"},
    ("post", "/api/v1/dossiers/{code}/receive-supplement"): {"note": ""},
    ("post", "/api/v1/dossiers/{code}/request-payment"): {"amount": 8000},
    ("post", "/api/v1/dossiers/{code}/record-payment"): {"online": False},
    ("post", "/api/v1/dossiers/{code}/withdraw"): {"reason": "Không cần nữa"},
    ("post", "/api/v1/dossiers/{code}/stop"): {"reason": "Dừng"},
    ("post", "/api/v1/dossiers/{code}/result-ready"): {"result_text": "Giấy khai sinh"},
    ("post", "/api/v1/dossiers/{code}/approve"): {"note": ""},
    ("post", "/api/v1/dossiers/{code}/return-result"): {"note": ""},
    ("post", "/api/v1/dossiers/{code}/apologize"): {"reason": "Quá hạn",
                                                    "new_appointment": "2099-01-05T15:00:00+07:00"},
}


# The operations that take files (multipart), each with valid fields and a valid file.
MULTIPART_EXAMPLES: dict[tuple[str, str], dict[str, Any]] = {
    ("post", "/api/v1/dossiers/{code}/files"): {"file": "a.pdf"},
    ("post", "/api/v1/dossiers/{code}/receive-supplement"): {
        "documents": '{"name": "Giấy chứng sinh", "originals": 1}', "files": "a.pdf"},
    ("post", "/api/v1/dossiers/{code}/result-ready"): {
        "result_text": "Giấy khai sinh", "result_file": "a.pdf"},
    ("post", "/api/v1/dossiers/{code}/complete-submission"): {"note": "Đã bổ sung", "files": "a.pdf"},
}


def multipart_operations() -> list[tuple[str, str]]:
    document = api.get_openapi_schema(path_prefix="/api/v1/")
    return sorted((method, path) for path, item in document["paths"].items()
                  if path.startswith("/api/v1/dossiers/{code}") for method, operation in item.items()
                  if "multipart/form-data" in operation.get("requestBody", {}).get("content", {}))


def dossier_operations() -> list[tuple[str, str]]:
    document = api.get_openapi_schema(path_prefix="/api/v1/")
    return sorted((method, path) for path, item in document["paths"].items()
                  if path.startswith("/api/v1/dossiers/{code}") for method in item)


def send(client: Client, method: str, path: str, dossier_code: str, file_id: int) -> Any:
    url = path.replace("{code}", dossier_code).replace("{file_id}", str(file_id)).replace("{kind}", "receipt")
    example = dict(EXAMPLES[(method, path)])
    if method == "get":
        return client.get(url)
    if example.pop("multipart", False):
        return client.post(url, {"file": SimpleUploadedFile("a.pdf", PDF, "application/pdf")})
    return client.post(url, example, content_type="application/json")


def test_every_dossier_endpoint_has_a_valid_example() -> None:
    assert set(dossier_operations()) == set(EXAMPLES)


@pytest.mark.parametrize(("method", "path"), sorted(EXAMPLES))
def test_outsiders_never_reach_a_dossier(province: Province, dossiers: Dossiers, method: str,
                                         path: str) -> None:
    # The counter dossier of centre A: received, with a file and a receipt slip.
    dossier = dossiers.counter
    attached = services.attach_file(province.receptionist_a, dossier, ContentFile(PDF, name="to-khai.pdf"))
    events_before = DossierEvent.objects.filter(dossier=dossier).count()

    anonymous = send(Client(), method, path, dossier.code, attached.pk)
    other_agency = send(token_client(province.specialist_justice), method, path, dossier.code, attached.pk)
    other_centre = send(token_client(province.receptionist_b), method, path, dossier.code, attached.pk)
    # Citizens write with the CSRF header, like the portal's pages; here the check is skipped.
    citizen_client = client_for(province.other_citizen)
    citizen_client.handler.enforce_csrf_checks = False
    other_citizen = send(citizen_client, method, path, dossier.code, attached.pk)

    assert anonymous.status_code == 401
    assert anonymous.json()["code"] == "unauthorized"
    for response in (other_agency, other_centre, other_citizen):
        assert response.status_code == 404, response.content
        assert response.json()["code"] == "not_found"
    assert DossierEvent.objects.filter(dossier=dossier).count() == events_before


def test_every_dossier_operation_taking_files_has_a_multipart_example() -> None:
    assert set(multipart_operations()) == set(MULTIPART_EXAMPLES)


@pytest.mark.parametrize(("method", "path"), sorted(MULTIPART_EXAMPLES))
def test_outsiders_sending_files_never_reach_a_dossier(province: Province, dossiers: Dossiers, method: str,
                                                       path: str, settings: Any) -> None:
    dossier = dossiers.counter
    events_before = DossierEvent.objects.filter(dossier=dossier).count()
    url = path.replace("{code}", dossier.code)

    def body() -> dict[str, Any]:
        return {name: SimpleUploadedFile(value, PDF, "application/pdf") if value.endswith(".pdf") else value
                for name, value in MULTIPART_EXAMPLES[(method, path)].items()}

    citizen_client = client_for(province.other_citizen)
    citizen_client.handler.enforce_csrf_checks = False
    assert Client().post(url, body()).status_code == 401
    for client in (token_client(province.specialist_justice), token_client(province.receptionist_b),
                   citizen_client):
        response = client.post(url, body())
        assert response.status_code == 404, response.content
        assert response.json()["code"] == "not_found"
    assert DossierEvent.objects.filter(dossier=dossier).count() == events_before
    assert not [p for p in Path(str(settings.MEDIA_ROOT)).rglob("*") if p.is_file()]
