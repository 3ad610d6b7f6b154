"""Once-only (issue #13): a citizen whose birth attestation was digitised at an earlier counter
visit submits online and picks it from the data warehouse instead of uploading it; the
receptionist sees where it came from, and opening it is logged where the citizen sees it."""

from __future__ import annotations

import re
from typing import Any

import pytest
from playwright.sync_api import expect

from motcua.documents.models import DigitisedDocument, Origin, WarehouseAccess
from motcua.documents.sample import BIRTH_CERTIFICATE, render_pdf
from motcua.dossiers import services
from motcua.dossiers.models import Applicant, Dossier, DossierDocument, Status
from motcua.e2e.conftest import log_in, log_out
from motcua.e2e.world import CITIZEN_ID, PASSWORD, PDF_BYTES, World, build_world

pytestmark = pytest.mark.django_db(transaction=True)

SCAN = render_pdf(BIRTH_CERTIFICATE)


@pytest.fixture
def world(transactional_db: Any) -> World:
    return build_world()


def earlier_counter_visit(world: World) -> Dossier:
    """The citizen handed in the attestation at the ward's counter; the receptionist scanned it."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    certificate = world.birth.requirements.get(name="Giấy chứng sinh")
    applicant = Applicant(kind=Applicant.Kind.CITIZEN, name=world.citizen.full_name, id_number=CITIZEN_ID,
                          phone="0912345678", address_unit=world.ward)
    return services.receive_new_dossier(
        world.receptionist, world.birth, applicant, competent_agency=world.ward_committee,
        documents=[services.Supplied(certificate.name, originals=1, requirement_id=certificate.pk)],
        files=[(certificate.pk, SimpleUploadedFile("giay-chung-sinh.pdf", SCAN, "application/pdf"))],
    )


def test_the_citizen_reuses_a_digitised_document_and_the_receptionist_sees_its_origin(
        new_page: Any, world: World) -> None:
    earlier = earlier_counter_visit(world)
    digitised = DigitisedDocument.objects.get(origin=Origin.COUNTER_SCAN)
    assert digitised.dossier_code == earlier.code

    citizen = new_page()
    log_in(citizen, "congdan", PASSWORD)
    citizen.goto("/portal/submit/1.001193/")
    citizen.get_by_label("Tờ khai đăng ký khai sinh theo mẫu").set_input_files(
        {"name": "to-khai.pdf", "mimeType": "application/pdf", "buffer": PDF_BYTES})
    reuse = citizen.get_by_label("Hoặc dùng giấy tờ trong kho dữ liệu của tôi")
    expect(reuse).to_contain_text("Giấy chứng sinh")
    reuse.select_option(value=str(digitised.pk))
    # No silent default centre for a first submission (issue #19): the citizen chooses.
    citizen.get_by_label("Nơi tiếp nhận hồ sơ").select_option(label=world.ward_center.name)
    citizen.get_by_label("Tôi cam đoan", exact=False).check()
    citizen.get_by_role("button", name="Nộp hồ sơ").click()
    expect(citizen.get_by_role("heading", level=1)).to_have_text("Đã nộp hồ sơ")

    dossier = Dossier.objects.exclude(pk=earlier.pk).get()
    assert dossier.status == Status.SUBMITTED
    reused = DossierDocument.objects.get(dossier=dossier, name="Giấy chứng sinh")
    assert reused.warehouse_document_id == digitised.pk
    copy = reused.files.get()
    log_out(citizen)

    desk = new_page()
    log_in(desk, "tiepnhan.dongkinh", PASSWORD)
    desk.goto(f"/desk/dossiers/{dossier.code}/")
    origin = desk.locator(".reused-origin")
    expect(origin).to_contain_text("Dùng lại từ kho dữ liệu của công dân")
    expect(origin).to_contain_text(earlier.code)
    expect(origin).to_contain_text(world.ward_center.name)
    assert not WarehouseAccess.objects.exists()
    response = desk.request.get(f"/desk/dossiers/{dossier.code}/files/{copy.pk}/")
    assert response.ok and response.body() == SCAN
    access = WarehouseAccess.objects.get()
    assert access.officer_id == world.receptionist.pk and dossier.code in access.purpose
    log_out(desk)

    mine = new_page()
    log_in(mine, "congdan", PASSWORD)
    mine.goto("/kho-du-lieu/")
    expect(mine.locator("body")).to_contain_text(world.receptionist.full_name)
    expect(mine.locator("body")).to_contain_text(re.compile(re.escape(dossier.code)))
