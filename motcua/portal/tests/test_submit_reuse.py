"""Once-only on the portal and the desk (issue #13): the submission form offers the citizen's
warehouse documents, the receptionist sees where a reused document came from, and opening it
is logged where the citizen sees it."""

from __future__ import annotations

from typing import Any

from django.test import Client

from motcua.documents import services as warehouse
from motcua.documents.models import DigitisedDocument, Origin, WarehouseAccess
from motcua.documents.sample import BIRTH_CERTIFICATE, render_pdf
from motcua.dossiers.models import Dossier, DossierDocument
from motcua.e2e.world import CITIZEN_ID, World, pdf

SCAN = render_pdf(BIRTH_CERTIFICATE)


def digitised_certificate(world: World, holder: str = CITIZEN_ID) -> DigitisedDocument:
    """A birth certificate digitised at an earlier counter visit (another dossier)."""
    return warehouse.digitise(
        [("giay-chung-sinh.pdf", SCAN)], holder_identifier=holder, origin=Origin.COUNTER_SCAN,
        metadata=warehouse.Metadata(document_type="Giấy chứng sinh", number="125/2025/KS"),
        requirement=world.birth.requirements.get(name="Giấy chứng sinh"), agency=world.ward_center,
        officer=world.receptionist, dossier_code="000.02.30.H37-260101-0001",
    )


def form_data(world: World, **overrides: Any) -> dict[str, Any]:
    form = world.birth.requirements.get(order=1)
    data: dict[str, Any] = {
        "name": "Nguyễn Thị Hồng Nhung", "id_number": CITIZEN_ID, "phone": "0912345678", "email": "",
        "address_unit": str(world.ward.pk), "street": "12 Lê Lợi", "date_of_birth": "",
        "receiving_agency": str(world.ward_center.pk), "request_text": "Khai sinh cho con", "confirm": "on",
        f"doc_{form.pk}": pdf("to-khai.pdf"),
    }
    data.update(overrides)
    return data


def test_the_form_offers_the_warehouse_document_for_its_requirement(client: Client, world: World) -> None:
    source = digitised_certificate(world)
    certificate = world.birth.requirements.get(name="Giấy chứng sinh")
    client.force_login(world.citizen)
    page = client.get("/portal/submit/1.001193/").content.decode()
    assert f'name="reuse_{certificate.pk}"' in page
    assert f'value="{source.pk}"' in page and "125/2025/KS" in page
    form = world.birth.requirements.get(order=1)
    assert f'name="reuse_{form.pk}"' not in page  # nothing in the warehouse for the form


def test_another_citizens_documents_are_not_offered(client: Client, world: World) -> None:
    digitised_certificate(world, holder="020185004321")
    client.force_login(world.citizen)
    page = client.get("/portal/submit/1.001193/").content.decode()
    assert 'name="reuse_' not in page


def test_the_citizen_submits_with_the_warehouse_document_instead_of_an_upload(
        client: Client, world: World) -> None:
    source = digitised_certificate(world)
    certificate = world.birth.requirements.get(name="Giấy chứng sinh")
    client.force_login(world.citizen)
    reuse = {f"reuse_{certificate.pk}": str(source.pk)}
    response = client.post("/portal/submit/1.001193/", form_data(world, **reuse))
    assert response.status_code == 302, response.content.decode()[:2000]
    dossier = Dossier.objects.get()
    document = DossierDocument.objects.get(dossier=dossier, requirement=certificate)
    assert document.warehouse_document_id == source.pk
    assert document.files.get().file.read() == SCAN


def test_without_upload_or_reuse_the_required_document_is_still_missing(client: Client, world: World) -> None:
    digitised_certificate(world)
    client.force_login(world.citizen)
    response = client.post("/portal/submit/1.001193/", form_data(world))
    assert response.status_code == 400
    assert "Giấy chứng sinh" in response.content.decode()
    assert not Dossier.objects.exists()


def test_the_desk_shows_the_origin_and_logs_the_opening_for_the_citizen(client: Client, world: World) -> None:
    source = digitised_certificate(world)
    certificate = world.birth.requirements.get(name="Giấy chứng sinh")
    client.force_login(world.citizen)
    client.post("/portal/submit/1.001193/", form_data(world, **{f"reuse_{certificate.pk}": str(source.pk)}))
    dossier = Dossier.objects.get()
    copy = DossierDocument.objects.get(dossier=dossier, requirement=certificate).files.get()

    client.force_login(world.receptionist)
    page = client.get(f"/desk/dossiers/{dossier.code}/").content.decode()
    assert "Dùng lại từ kho dữ liệu của công dân" in page
    assert "000.02.30.H37-260101-0001" in page and world.ward_center.name in page
    assert not WarehouseAccess.objects.exists()  # seeing the origin is not opening the file
    response = client.get(f"/desk/dossiers/{dossier.code}/files/{copy.pk}/")
    assert response.status_code == 200
    access = WarehouseAccess.objects.get()
    assert access.document_id == source.pk and access.officer_id == world.receptionist.pk
    assert dossier.code in access.purpose

    client.force_login(world.citizen)
    mine = client.get("/kho-du-lieu/").content.decode()
    assert world.receptionist.full_name in mine and dossier.code in mine


def test_an_uploaded_document_opened_at_the_desk_is_not_logged_as_a_warehouse_access(
        client: Client, world: World) -> None:
    client.force_login(world.citizen)
    requirements = list(world.birth.requirements.all())
    client.post("/portal/submit/1.001193/", form_data(world, **{f"doc_{r.pk}": pdf() for r in requirements}))
    dossier = Dossier.objects.get()
    client.force_login(world.receptionist)
    for attached in dossier.files.all():
        assert client.get(f"/desk/dossiers/{dossier.code}/files/{attached.pk}/").status_code == 200
    assert not WarehouseAccess.objects.exists()
