"""Once-only through the API (issue #13): online submission names warehouse documents instead of files."""

from __future__ import annotations

from typing import Any

import pytest

from motcua.accounts.models import IdVerification
from motcua.api.tests.conftest import Province
from motcua.api.tests.test_dossiers_write import session
from motcua.documents import services as warehouse
from motcua.documents.models import DigitisedDocument, Origin
from motcua.documents.sample import BIRTH_CERTIFICATE, render_pdf
from motcua.dossiers.models import Dossier, DossierDocument

SCAN = render_pdf(BIRTH_CERTIFICATE)



@pytest.fixture(autouse=True)
def proven(province: Province) -> None:
    """The citizen's ID number is proven theirs (a VNeID sign-in): their warehouse is open."""
    province.citizen.mark_id_verified(IdVerification.NATIONAL_IDENTITY)
    province.citizen.save(update_fields=["id_verified_at", "id_verified_by"])

def digitised(province: Province, holder: str) -> DigitisedDocument:
    return warehouse.digitise([("to-khai.pdf", SCAN)], holder_identifier=holder, origin=Origin.COUNTER_SCAN,
                              metadata=warehouse.Metadata(document_type="Tờ khai đăng ký khai sinh"),
                              agency=province.center_a)


def submit(province: Province, **extra: Any) -> Any:
    client, csrf = session(province.citizen)
    data = {"procedure_code": "1.001193", "receiving_agency": province.center_a.code,
            "request": "Khai sinh", **extra}
    return client.post("/api/v1/dossiers", data, headers=csrf)


def test_the_api_submits_with_a_warehouse_document_instead_of_a_file(province: Province) -> None:
    source = digitised(province, "001203004567")
    form = province.birth_version.requirements.get()
    response = submit(province, warehouse_document_ids=[source.pk], reused_requirement_ids=[form.pk])
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["documents"][0]["warehouse_document_id"] == source.pk
    document = DossierDocument.objects.get(dossier__code=body["code"])
    assert document.warehouse_document_id == source.pk
    assert document.files.get().file.read() == SCAN


def test_the_api_refuses_someone_elses_warehouse_document_with_422(province: Province) -> None:
    source = digitised(province, "020190001234")
    form = province.birth_version.requirements.get()
    response = submit(province, warehouse_document_ids=[source.pk], reused_requirement_ids=[form.pk])
    assert response.status_code == 422, response.content
    assert response.json()["code"] == "not_reusable"
    assert not Dossier.objects.exists()


def test_the_api_wants_one_requirement_per_reused_document(province: Province) -> None:
    source = digitised(province, "001203004567")
    response = submit(province, warehouse_document_ids=[source.pk])
    assert response.status_code == 422
    assert "reused_requirement_ids" in response.json()["fields"]


def test_an_officer_downloading_a_reused_file_through_the_api_is_logged(province: Province) -> None:
    from motcua.api.tests.conftest import client_for
    from motcua.documents.models import WarehouseAccess

    source = digitised(province, "001203004567")
    form = province.birth_version.requirements.get()
    body = submit(province, warehouse_document_ids=[source.pk], reused_requirement_ids=[form.pk]).json()
    file_id = body["files"][0]["id"]
    owner, _csrf = session(province.citizen)
    assert owner.get(f"/api/v1/dossiers/{body['code']}/files/{file_id}").status_code == 200
    assert not WarehouseAccess.objects.exists()  # the holder opening their own file is no access
    officer = client_for(province.receptionist_a)
    assert officer.get(f"/api/v1/dossiers/{body['code']}/files/{file_id}").status_code == 200
    access = WarehouseAccess.objects.get()
    assert access.officer_id == province.receptionist_a.pk and body["code"] in access.purpose
