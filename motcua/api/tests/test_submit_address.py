"""Online submission takes the applicant's commune or ward and street, as the portal's form does.

A commune-level procedure may be submitted at the provincial centre (Decree 118/2025); it is then
decided by the committee of the applicant's commune, which only the address can tell.
"""

from __future__ import annotations

from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from motcua.api.tests.conftest import Province, client_for
from motcua.dossiers.models import Applicant, Dossier


def citizen(province: Province) -> Client:
    client = client_for(province.citizen)
    client.handler.enforce_csrf_checks = False  # the session's CSRF check is tested elsewhere
    return client


def submit_at_provincial_centre(province: Province, **extra: Any) -> Any:
    form = province.birth_version.requirements.get()
    data = {"procedure_code": province.birth.code, "receiving_agency": province.provincial_center.code,
            "files": [SimpleUploadedFile("to-khai.pdf", b"%PDF-1.7\n%%EOF\n", "application/pdf")],
            "requirement_ids": [form.pk], **extra}
    return citizen(province).post("/api/v1/dossiers", data)


def test_commune_procedure_at_the_provincial_centre_goes_to_the_applicants_commune(
        province: Province) -> None:
    response = submit_at_provincial_centre(
        province, applicant_address_unit=province.commune_b.code, applicant_street=" Số 5, ngõ 12 ")
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["receiving_agency"]["code"] == province.provincial_center.code
    assert body["competent_agency"]["code"] == province.committee_b.code
    assert body["applicant"]["address_unit_code"] == province.commune_b.code
    assert body["applicant"]["street"] == "Số 5, ngõ 12"
    applicant = Applicant.objects.get()
    assert applicant.address_unit == province.commune_b
    assert applicant.street == "Số 5, ngõ 12"


def test_commune_procedure_at_the_provincial_centre_without_the_commune_has_no_competent_agency(
        province: Province) -> None:
    response = submit_at_provincial_centre(province)
    assert response.status_code == 422, response.content
    assert response.json()["code"] == "no_competent_agency"
    assert "xã, phường" in response.json()["message"]
    assert not Dossier.objects.exists()
    assert not Applicant.objects.exists()


def test_address_at_a_commune_centre_is_kept_and_the_commune_of_residence_decides_civil_status(
        province: Province) -> None:
    # Civil status is decided by the commune where the applicant resides, whichever centre
    # received it (competence rules, issue #11); the receiving centre keeps the dossier code.
    response = submit_at_provincial_centre(province, receiving_agency=province.center_a.code,
                                           applicant_address_unit=province.commune_b.code)
    assert response.status_code == 201, response.content
    assert response.json()["competent_agency"]["code"] == province.committee_b.code
    assert response.json()["code"].startswith(province.center_a.code)
    assert Applicant.objects.get().address_unit == province.commune_b


@pytest.mark.parametrize("code", [
    "99999",  # no unit ever had it
    "180",    # a district, abolished on 1 July 2025
    "20",     # the province itself, not a commune
])
def test_address_unit_must_be_a_commune_or_ward_of_the_province_in_force_today(
        province: Province, code: str) -> None:
    response = submit_at_provincial_centre(province, applicant_address_unit=code)
    assert response.status_code == 422, response.content
    body = response.json()
    assert body["code"] == "validation_error"
    assert body["fields"]["applicant_address_unit"] == [body["message"]]
    assert code in body["message"]
    assert not Dossier.objects.exists()


def test_commune_of_another_province_is_refused(province: Province) -> None:
    from motcua.geography.models import Unit

    other = Unit.objects.create(code="01", name="Thành phố Hà Nội", level=Unit.Level.PROVINCE)
    Unit.objects.create(code="00004", name="Phường Ba Đình", level=Unit.Level.WARD, parent=other,
                        valid_from=province.commune_a.valid_from)
    response = submit_at_provincial_centre(province, applicant_address_unit="00004")
    assert response.status_code == 422
    assert "applicant_address_unit" in response.json()["fields"]
    assert not Dossier.objects.exists()
