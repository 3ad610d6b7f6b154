"""One validation for the applicant's identifiers at every door: the API refuses what the model
cannot store."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from motcua.api.tests.conftest import Dossiers, Province, token_client
from motcua.api.tests.test_dossiers_write import PDF, session, submit
from motcua.dossiers.models import Applicant, Dossier, DossierFile


def counter(province: Province, **applicant: str) -> object:
    body = {"procedure_code": "1.001193", "channel": "counter",
            "applicant": {"name": "Lý Thị Dung", "id_number": "004206007890", **applicant}}
    return token_client(province.receptionist_a).post("/api/v1/dossiers/counter", body,
                                                      content_type="application/json")


@pytest.mark.parametrize("length", [21, 40, 64])
def test_a_counter_phone_longer_than_the_column_is_refused_with_422(province: Province, length: int) -> None:
    response = counter(province, phone="0" * length)
    assert response.status_code == 422, response.content  # type: ignore[attr-defined]
    assert response.json()["code"] == "validation_error"  # type: ignore[attr-defined]
    assert not Dossier.objects.exists()


@pytest.mark.parametrize("length", [21, 40, 64])
def test_a_counter_id_number_longer_than_the_column_is_refused_with_422(
        province: Province, length: int) -> None:
    response = counter(province, id_number="1" * length)
    assert response.status_code == 422, response.content  # type: ignore[attr-defined]
    assert not Dossier.objects.exists()


def test_letters_in_a_phone_and_spaces_in_an_id_number_are_refused(province: Province) -> None:
    assert counter(province, phone="gọi tôi").status_code == 422  # type: ignore[attr-defined]
    assert counter(province, id_number="0042 0600 7890").status_code == 422  # type: ignore[attr-defined]
    assert not Dossier.objects.exists()


def test_a_tax_code_and_a_formatted_phone_at_the_column_length_are_accepted(province: Province) -> None:
    response = counter(province, id_number="0101234567-001", phone="+84 (912) 345-678")
    assert response.status_code == 201, response.content  # type: ignore[attr-defined]
    applicant = Applicant.objects.get()
    assert (applicant.id_number, applicant.phone) == ("0101234567-001", "+84 (912) 345-678")


def test_an_online_phone_of_30_characters_is_refused_with_422(province: Province) -> None:
    client, csrf = session(province.citizen)
    form = province.birth_version.requirements.get()
    response = client.post("/api/v1/dossiers", {
        "procedure_code": "1.001193", "receiving_agency": province.center_a.code, "applicant_phone": "9" * 30,
        "files": [SimpleUploadedFile("a.pdf", PDF, "application/pdf")], "requirement_ids": [form.pk]},
        headers=csrf)
    assert response.status_code == 422, response.content
    assert not Dossier.objects.exists()


def test_an_online_id_number_of_64_characters_is_refused_with_422(province: Province) -> None:
    client, csrf = session(province.citizen)
    form = province.birth_version.requirements.get()
    response = client.post("/api/v1/dossiers", {
        "procedure_code": "1.001193", "receiving_agency": province.center_a.code,
        "applicant_id_number": "1" * 64,
        "files": [SimpleUploadedFile("a.pdf", PDF, "application/pdf")], "requirement_ids": [form.pk]},
        headers=csrf)
    assert response.status_code == 422, response.content
    assert not Dossier.objects.exists()


def test_a_file_name_of_1000_characters_is_stored_shortened_not_a_500(province: Province) -> None:
    client, csrf = session(province.citizen)
    response = submit(client, csrf, province, SimpleUploadedFile("a" * 996 + ".pdf", PDF, "application/pdf"))
    assert response.status_code == 201, response.content
    stored = DossierFile.objects.get()
    assert 0 < len(stored.original_name) <= 255
    download = client.get(f"/api/v1/dossiers/{response.json()['code']}/files/{stored.pk}")
    assert download.status_code == 200
    assert download["Content-Disposition"].startswith("attachment")


def test_a_new_appointment_in_year_9999_is_refused_with_422_not_a_server_error(
        province: Province, dossiers: Dossiers) -> None:
    # In Vietnam's time zone it is year 10000: converting it raised OverflowError (a 500).
    code = dossiers.counter.code
    body = {"reason": "Chờ xác minh", "new_appointment": "9999-12-31T23:59:59Z"}
    response = token_client(province.leader_a).post(f"/api/v1/dossiers/{code}/apologize", body,
                                                    content_type="application/json")
    assert response.status_code == 422, response.content  # type: ignore[attr-defined]
    assert response.json()["code"] == "invalid_appointment"  # type: ignore[attr-defined]
    assert Dossier.objects.get(code=code).new_appointment_at is None
