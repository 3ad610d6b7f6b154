"""The error format: {"code", "message", "fields"}, stable codes, translated messages, right status."""

from __future__ import annotations

import ast
import logging
from pathlib import Path
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from motcua.api import dossiers as api_dossiers
from motcua.api.errors import DOSSIER_ERROR_STATUS, dossier_error_status
from motcua.api.tests.conftest import Dossiers, Province, token_client
from motcua.dossiers import services
from motcua.dossiers.models import DossierFile

PDF = b"%PDF-1.7\n1 0 obj\n<<>>\nendobj\n%%EOF\n"
EXE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff" + b"\x00" * 64


def test_unknown_procedure_is_not_found_in_the_error_format(db: None) -> None:
    response = Client().get("/api/v1/catalog/procedures/9.999999")
    assert response.status_code == 404
    assert response.json() == {"code": "not_found", "message": "Không tìm thấy thủ tục có mã 9.999999.",
                               "fields": {}}


def test_message_follows_accept_language(db: None) -> None:
    response = Client(headers={"Accept-Language": "en"}).get("/api/v1/catalog/procedures/9.999999")
    assert response.json()["code"] == "not_found"
    assert response["Content-Language"] == "en"
    assert response.json()["message"] != "Không tìm thấy thủ tục có mã 9.999999."
    assert "9.999999" in response.json()["message"]


def test_validation_errors_list_the_fields(db: None) -> None:
    response = Client().get("/api/v1/catalog/procedures", {"page": "0", "on": "not-a-date"})
    assert response.status_code == 422
    body = response.json()
    assert body["code"] == "validation_error"
    assert set(body["fields"]) == {"page", "on"}


def test_nul_characters_are_refused_before_the_database(db: None) -> None:
    response = Client().get("/api/v1/catalog/procedures", {"q": "khai\x00sinh"})
    assert response.status_code == 422
    assert "q" in response.json()["fields"]


def test_anonymous_user_on_a_signed_in_endpoint_gets_unauthorized(db: None) -> None:
    response = Client().get("/api/v1/auth/me")
    assert response.status_code == 401
    assert response.json()["code"] == "unauthorized"


def test_dossier_error_codes_map_to_statuses_in_one_table() -> None:
    assert DOSSIER_ERROR_STATUS["supplement_already_requested"] == 409
    assert dossier_error_status("invalid_transition") == 409
    assert dossier_error_status("not_found") == 404
    assert dossier_error_status("forbidden") == 403
    assert dossier_error_status("some_new_rule") == 400


# ------------------------------------------------------------------ every domain code has its status

DOSSIERS_APP = Path(services.__file__).parent.parent  # the services package is inside the app
# Domain errors whose code is forwarded from another refusal (the upload check's UploadProblem,
# whose literal codes are collected below): any other non-literal code must be reviewed here.
FORWARDED_CODES = {"problem.code"}


def raised_codes() -> tuple[set[str], set[str]]:
    """Codes of every `DossierError(...)` / `UploadProblem(...)` in the dossiers app's code.

    Returns the literal codes and the source text of the codes that are not literals.
    """
    literal: set[str] = set()
    computed: set[str] = set()
    for path in sorted(DOSSIERS_APP.rglob("*.py")):
        if {"tests", "migrations"} & set(path.relative_to(DOSSIERS_APP).parts):
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            name = node.func.id if isinstance(node.func, ast.Name) else getattr(node.func, "attr", "")
            if name not in {"DossierError", "UploadProblem"}:
                continue
            code = node.args[0] if node.args else next(k.value for k in node.keywords if k.arg == "code")
            if isinstance(code, ast.Constant) and isinstance(code.value, str):
                literal.add(code.value)
            else:
                computed.add(ast.unparse(code))
    return literal, computed


def test_walk_finds_the_codes_of_the_services() -> None:
    literal, _ = raised_codes()
    # The walk sees calls written over several lines and the upload check's codes.
    assert {"supplement_already_requested", "already_handled", "invalid_transition",
            "unsupported_file_type", "file_too_large"} <= literal


def test_every_code_the_dossier_services_raise_has_a_status() -> None:
    literal, computed = raised_codes()
    assert computed <= FORWARDED_CODES, f"review these non-literal codes: {computed - FORWARDED_CODES}"
    missing = sorted(code for code in literal if code not in DOSSIER_ERROR_STATUS)
    assert not missing, f"add these codes to DOSSIER_ERROR_STATUS (motcua/api/errors.py): {missing}"


@pytest.mark.parametrize(("code", "status"), [
    ("unsupported_file_type", 415), ("file_too_large", 413), ("no_competent_agency", 422),
    ("forbidden_role", 403), ("not_found", 404), ("reason_required", 422), ("already_handled", 409),
    ("no_time_limit", 409),
])
def test_domain_codes_have_the_right_status(code: str, status: int) -> None:
    assert dossier_error_status(code) == status


def _without_the_api_check(monkeypatch: pytest.MonkeyPatch) -> None:
    # Only the service's own check is left: its DossierError must come back with the right status.
    monkeypatch.setattr(api_dossiers.submission, "check_upload",
                        lambda upload, field="files": "application/pdf")


def test_service_refusing_a_file_type_is_unsupported_media_type(
        province: Province, dossiers: Dossiers, monkeypatch: pytest.MonkeyPatch) -> None:
    _without_the_api_check(monkeypatch)
    response = token_client(province.receptionist_a).post(
        f"/api/v1/dossiers/{dossiers.counter.code}/files",
        {"file": SimpleUploadedFile("photo.jpg", EXE, "image/jpeg")})
    assert response.status_code == 415
    assert response.json()["code"] == "unsupported_file_type"
    assert not DossierFile.objects.exists()


def test_service_refusing_a_large_file_is_payload_too_large(
        province: Province, dossiers: Dossiers, monkeypatch: pytest.MonkeyPatch, settings: Any) -> None:
    _without_the_api_check(monkeypatch)
    settings.MOTCUA_UPLOAD_MAX_BYTES = 8
    response = token_client(province.receptionist_a).post(
        f"/api/v1/dossiers/{dossiers.counter.code}/files",
        {"file": SimpleUploadedFile("to-khai.pdf", PDF, "application/pdf")})
    assert response.status_code == 413
    assert response.json()["code"] == "file_too_large"
    assert not DossierFile.objects.exists()


def test_an_unhandled_error_is_logged_with_its_frames_never_its_text(
        rf: Any, caplog: pytest.LogCaptureFixture) -> None:
    """A bug's exception may quote the row it failed on (PostgreSQL's DETAIL names the values)."""
    from motcua.api.errors import _on_unexpected
    from motcua.api.main import api

    refused = "Key (id_number)=(" + "020190001234" + ") already exists"

    def save_applicant() -> None:
        raise ValueError(refused)

    try:
        save_applicant()
    except ValueError as caught:
        error = caught
    request = rf.post("/api/v1/dossiers/counter")
    with caplog.at_level(logging.ERROR, logger="motcua.api"):
        response = _on_unexpected(request, error, api=api)
    assert response.status_code == 500
    logged = "\n".join(r.getMessage() + (r.exc_text or "") for r in caplog.records)
    assert "Unhandled error in POST /api/v1/dossiers/counter: ValueError" in logged
    assert "save_applicant" in logged  # the frame where it happened
    assert "020190001234" not in logged
    assert all(r.exc_info is None for r in caplog.records)
