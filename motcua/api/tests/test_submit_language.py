"""Online submission records the applicant's language (slips and notices): asked for, else the request's."""

from __future__ import annotations

import typing
from typing import Any

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from motcua.api.dossiers import Language
from motcua.api.tests.conftest import Province, client_for
from motcua.dossiers.models import Applicant


def citizen(province: Province, accept_language: str | None = None) -> Client:
    client = client_for(province.citizen)
    client.handler.enforce_csrf_checks = False  # the session's CSRF check is tested elsewhere
    if accept_language:
        client.defaults["HTTP_ACCEPT_LANGUAGE"] = accept_language
    return client


def submit(client: Client, province: Province, **extra: str) -> Any:
    form = province.birth_version.requirements.get()
    data = {"procedure_code": "1.001193", "receiving_agency": province.center_a.code,
            "files": [SimpleUploadedFile("to-khai.pdf", b"%PDF-1.7\n%%EOF\n", "application/pdf")],
            "requirement_ids": [form.pk], **extra}
    return client.post("/api/v1/dossiers", data)


@pytest.mark.parametrize(("accept_language", "extra", "expected"), [
    (None, {}, "vi"),
    ("en-US,en;q=0.9", {}, "en"),
    (None, {"language": "en"}, "en"),
    ("en", {"language": "vi"}, "vi"),
])
def test_applicant_language_is_the_one_asked_for_else_the_requests(
        province: Province, accept_language: str | None, extra: dict[str, str], expected: str) -> None:
    response = submit(citizen(province, accept_language), province, **extra)
    assert response.status_code == 201, response.content
    assert response.json()["applicant"]["language"] == expected
    assert Applicant.objects.get().language == expected


def test_unsupported_language_is_a_validation_error(province: Province) -> None:
    response = submit(citizen(province), province, language="fr")
    assert response.status_code == 422
    assert "language" in response.json()["fields"]
    assert not Applicant.objects.exists()


def test_languages_offered_are_the_sites_languages() -> None:
    assert set(typing.get_args(Language)) == {code for code, _ in settings.LANGUAGES}
