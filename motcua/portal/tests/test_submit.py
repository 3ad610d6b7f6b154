from __future__ import annotations

import io
from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.utils import translation
from pypdf import PdfReader

from motcua.dossiers import services
from motcua.dossiers.models import Dossier, Status
from motcua.e2e.world import CITIZEN_ID, World, pdf


def _post(world: World, **overrides: Any) -> dict[str, Any]:
    requirements = list(world.birth.requirements.all())
    data: dict[str, Any] = {
        "name": "Nguyễn Thị Hồng Nhung", "id_number": CITIZEN_ID, "phone": "0912345678", "email": "",
        "address_unit": str(world.ward.pk), "street": "12 Lê Lợi", "date_of_birth": "",
        "receiving_agency": str(world.ward_center.pk), "request_text": "Khai sinh cho con", "confirm": "on",
    }
    for r in requirements:
        data[f"doc_{r.pk}"] = pdf(f"giay-{r.pk}.pdf")
    data.update(overrides)
    return data


def test_the_form_is_prefilled_from_the_account_with_one_upload_slot_per_document(
        client: Client, world: World) -> None:
    client.force_login(world.citizen)
    page = client.get("/portal/submit/1.001193/").content.decode()
    assert 'value="Nguyễn Thị Hồng Nhung"' in page and f'value="{CITIZEN_ID}"' in page
    assert page.count('type="file"') == 2
    assert "Giấy chứng sinh" in page
    assert page.count(" required") >= 4  # the browser checks before the server does


def test_a_citizen_submits_online_and_gets_a_receipt(client: Client, world: World) -> None:
    client.force_login(world.citizen)
    response = client.post("/portal/submit/1.001193/", _post(world))
    dossier = Dossier.objects.get()
    assert response["Location"] == f"/portal/dossiers/{dossier.code}/receipt/"
    assert dossier.status == Status.SUBMITTED
    assert dossier.applicant.user == world.citizen
    assert dossier.competent_agency == world.ward_committee
    assert dossier.files.filter(document__isnull=False).count() == 2
    receipt = client.get(response["Location"]).content.decode()
    assert dossier.code in receipt
    assert "<svg" in receipt and f"/tra-cuu/?code={dossier.code}" in receipt
    assert 'id="appointment"' in receipt and "Hẹn trả kết quả (dự kiến)" in receipt


def test_the_receipt_slip_is_offered_only_once_the_dossier_is_received(client: Client, world: World) -> None:
    client.force_login(world.citizen)
    response = client.post("/portal/submit/1.001193/", _post(world))
    dossier = Dossier.objects.get()
    slip_url = f"/portal/dossiers/{dossier.code}/slips/receipt.pdf"
    receipt = client.get(response["Location"]).content.decode()
    # Status 1: no received time, no official appointment, so no form 01 yet.
    assert slip_url not in receipt and 'id="not-received"' in receipt
    assert slip_url not in client.get(f"/portal/dossiers/{dossier.code}/").content.decode()
    assert client.get(slip_url).status_code == 404

    services.receive_dossier(world.receptionist, dossier)
    receipt = client.get(response["Location"]).content.decode()
    assert slip_url in receipt and 'id="not-received"' not in receipt
    assert slip_url in client.get(f"/portal/dossiers/{dossier.code}/").content.decode()
    slip = client.get(slip_url)
    assert slip.status_code == 200 and slip.content.startswith(b"%PDF")


def test_a_missing_document_is_refused_and_nothing_is_created(client: Client, world: World) -> None:
    client.force_login(world.citizen)
    first = world.birth.requirements.first()
    assert first is not None
    data = _post(world)
    del data[f"doc_{first.pk}"]
    response = client.post("/portal/submit/1.001193/", data)
    assert response.status_code == 400
    assert "Vui lòng đính kèm giấy tờ này." in response.content.decode()
    assert not Dossier.objects.exists()


def test_a_file_that_is_not_a_scan_is_refused(client: Client, world: World) -> None:
    client.force_login(world.citizen)
    first = world.birth.requirements.first()
    assert first is not None
    fake = SimpleUploadedFile("virus.pdf", b"MZ\x90\x00 not a pdf", content_type="application/pdf")
    response = client.post("/portal/submit/1.001193/", _post(world, **{f"doc_{first.pk}": fake}))
    assert response.status_code == 400
    assert "không phải PDF, JPEG hoặc PNG" in response.content.decode()
    assert not Dossier.objects.exists()


def test_a_procedure_without_online_service_cannot_be_submitted_online(client: Client, world: World) -> None:
    client.force_login(world.citizen)
    response = client.get("/portal/submit/1.001022/")
    assert response.status_code == 409
    assert "chưa cung cấp dịch vụ công trực tuyến" in response.content.decode()


def test_officers_do_not_submit_online(client: Client, world: World) -> None:
    client.force_login(world.receptionist)
    response = client.post("/portal/submit/1.001193/", _post(world))
    assert response.status_code == 403
    assert not Dossier.objects.exists()


def test_submitting_needs_an_account(client: Client, world: World) -> None:
    response = client.get("/portal/submit/1.001193/")
    assert response["Location"].startswith("/accounts/login/?next=/portal/submit/1.001193/")


def test_an_unknown_procedure_is_not_found(client: Client, world: World) -> None:
    client.force_login(world.citizen)
    assert client.get("/portal/submit/9.999999/").status_code == 404


def test_only_unconditional_documents_are_required_and_notes_get_no_upload_slot(
        client: Client, world: World) -> None:
    from motcua.catalog.models import Requirement

    power = Requirement.objects.create(version=world.birth, order=3, originals=1,
                                       name="Trường hợp ủy quyền: văn bản ủy quyền")
    Requirement.objects.create(version=world.birth, order=4, case="* Lưu ý:",
                               name="Bản chụp phải rõ nét, đủ trang.")
    client.force_login(world.citizen)
    page = client.get("/portal/submit/1.001193/").content.decode()
    assert page.count('type="file"') == 3
    assert "Bản chụp phải rõ nét, đủ trang." in page  # shown as a note, not as a slot
    data = _post(world)
    del data[f"doc_{power.pk}"]
    response = client.post("/portal/submit/1.001193/", data)  # no power of attorney: fine
    assert response.status_code == 302


def test_a_citizen_using_english_gets_the_receipt_slip_in_english(client: Client, world: World) -> None:
    client.force_login(world.citizen)
    response = client.post("/en/portal/submit/1.001193/", _post(world))
    assert response.status_code == 302
    dossier = Dossier.objects.get()
    assert dossier.applicant.language == "en"
    services.receive_dossier(world.receptionist, dossier)
    # Printed from the Vietnamese page, the slip is still in the applicant's language.
    slip = client.get(f"/portal/dossiers/{dossier.code}/slips/receipt.pdf")
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(slip.content)).pages)
    with translation.override("en"):
        title = translation.gettext("GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ")
    assert title != "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ" and title in " ".join(text.split())


def test_a_citizen_using_vietnamese_is_recorded_as_vietnamese(client: Client, world: World) -> None:
    client.force_login(world.citizen)
    client.post("/portal/submit/1.001193/", _post(world))
    assert Dossier.objects.get().applicant.language == "vi"
