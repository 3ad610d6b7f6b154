"""The /ecopy/ desk: officers certify for their own agency; the register, downloads and the export."""

from __future__ import annotations

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from motcua.dossiers.sample import World
from motcua.ecopy import services
from motcua.ecopy.models import CertifiedCopy

from .scans import original


def _form(pages: int = 3, scan_pages: int = 3) -> dict[str, object]:
    name, data = original(scan_pages)[0]
    return {"document_name": "Bằng tốt nghiệp THPT", "requester_name": "Trần Văn Bình",
            "requester_identifier": "020190001234", "pages": pages, "copies": 2,
            "scans": SimpleUploadedFile(name, data, "application/pdf")}


def test_receptionist_certifies_a_copy_and_sees_fee_receipt_and_download(world: World,
                                                                         client: Client) -> None:
    client.force_login(world.receptionist)
    response = client.post(reverse("ecopy:certify"), _form())
    copy = CertifiedCopy.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse("ecopy:detail", args=[copy.pk])
    page = client.get(reverse("ecopy:detail", args=[copy.pk])).content.decode()
    assert "5.000 đồng" in page and "10.000 đồng" in page and "********1234" in page
    assert client.get(reverse("ecopy:download", args=[copy.pk])).status_code == 200
    assert client.get(reverse("ecopy:receipt", args=[copy.pk]))["Content-Type"] == "application/pdf"
    register = client.get(reverse("ecopy:register"), {"year": copy.year}).content.decode()
    assert "Trần Văn Bình" in register and "020190001234" not in register


def test_wrong_page_count_is_a_400_with_the_reason_and_nothing_recorded(world: World, client: Client) -> None:
    client.force_login(world.receptionist)
    response = client.post(reverse("ecopy:certify"), _form(pages=5, scan_pages=3))
    assert response.status_code == 400
    assert "Bản quét có 3 trang nhưng khai 5 trang" in response.content.decode()
    assert not CertifiedCopy.objects.exists()


def test_another_agency_cannot_see_the_copy_or_its_register(world: World, client: Client) -> None:
    copy = services.certify_copy(world.receptionist, original(1), services.CopyRequest(
        "Giấy khai sinh", "Trần Văn Bình", "020190001234", 1, 1))
    client.force_login(world.other_receptionist)
    for name in ("ecopy:detail", "ecopy:download", "ecopy:receipt"):
        assert client.get(reverse(name, args=[copy.pk])).status_code == 404
    assert "Trần Văn Bình" not in client.get(reverse("ecopy:register")).content.decode()


def test_citizens_and_specialists_get_403(world: World, client: Client) -> None:
    for user in (world.citizen, world.specialist):
        client.force_login(user)
        assert client.get(reverse("ecopy:register")).status_code == 403
        assert client.post(reverse("ecopy:certify"), _form()).status_code == 403
    assert not CertifiedCopy.objects.exists()


def test_export_is_an_xlsx_of_the_year(world: World, client: Client) -> None:
    client.force_login(world.receptionist)
    response = client.get(reverse("ecopy:export"), {"year": "2026"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert client.get(reverse("ecopy:export"), {"year": "abc"}).status_code == 404


def test_more_than_fifty_scan_files_are_refused(world: World, client: Client) -> None:
    client.force_login(world.receptionist)
    form = _form(pages=51, scan_pages=1)
    name, data = original(1)[0]
    form["scans"] = [SimpleUploadedFile(f"{i}.pdf", data, "application/pdf") for i in range(51)]
    response = client.post(reverse("ecopy:certify"), form)
    assert response.status_code == 400
    assert "Tối đa 50 tệp quét" in response.content.decode()
    assert not CertifiedCopy.objects.exists()
