"""The public verification page and the citizen's "Kho dữ liệu của tôi" page."""

from __future__ import annotations

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from motcua.accounts.models import IdVerification
from motcua.documents import services, signing
from motcua.documents.models import DigitisedDocument, Origin
from motcua.documents.sample import BIRTH_CERTIFICATE, render_pdf
from motcua.dossiers import services as dossiers
from motcua.dossiers.sample import World, at

ID = "020190001234"


def _signed(world: World) -> tuple[object, bytes]:
    document = signing.sign_document(render_pdf(BIRTH_CERTIFICATE), world.ward_committee, signing.QrFields(
        document_name="Trích lục khai sinh", dossier_code="000.02.30.H37-260302-0001",
        procedure_code="1.001193", holder_identifier=ID))
    with document.file.open("rb") as handle:
        return document, handle.read()


def test_the_qr_link_shows_a_valid_document_with_signer_and_masked_holder(signing_world: World,
                                                                          client: Client) -> None:
    document, _ = _signed(signing_world)
    response = client.get(reverse("documents:verify"), {"id": str(document.pk)})  # type: ignore[attr-defined]
    assert response.status_code == 200
    page = response.content.decode()
    assert "Hợp lệ" in page and "UBND phường Đông Kinh" in page and "Trích lục khai sinh" in page
    assert "********1234" in page and ID not in page


def test_an_uploaded_modified_file_is_reported_modified(signing_world: World, client: Client) -> None:
    _, data = _signed(signing_world)
    tampered = bytearray(data)
    tampered[len(tampered) // 3] ^= 1
    response = client.post(reverse("documents:verify"),
                           {"file": SimpleUploadedFile("a.pdf", bytes(tampered), "application/pdf")})
    assert response.status_code == 200
    assert "Đã bị sửa đổi sau khi ký" in response.content.decode()


def test_an_unknown_id_is_404_and_a_missing_file_is_400(db: None, client: Client) -> None:
    assert client.get(reverse("documents:verify"), {"id": "not-a-uuid"}).status_code == 404
    assert client.post(reverse("documents:verify"), {}).status_code == 400


def test_verification_page_is_in_english_under_en(signing_world: World, client: Client) -> None:
    document, _ = _signed(signing_world)
    response = client.get("/en/xac-thuc/", {"id": str(document.pk)})  # type: ignore[attr-defined]
    assert "Electronic document verification" in response.content.decode()


def _dossier_code(world: World) -> str:
    """The code of a dossier of the holder that the Đông Kinh centre handles."""
    return dossiers.receive_new_dossier(world.receptionist, world.birth, world.applicant(),
                                        at=at("2026-03-02 08:00")).code


def _kept(world: World, origin: str = Origin.COUNTER_SCAN) -> DigitisedDocument:
    return services.digitise([("a.pdf", render_pdf(BIRTH_CERTIFICATE))], holder_identifier=ID, origin=origin,
                             metadata=services.Metadata(document_type="Giấy khai sinh", number="125/2025/KS"),
                             agency=world.ward_center)


def test_my_warehouse_lists_my_documents_and_who_opened_them(world: World, client: Client) -> None:
    world.prove_citizen()
    document = _kept(world)
    code = _dossier_code(world)
    services.open_for_officer(world.receptionist, document.pk, code)
    client.force_login(world.citizen)
    response = client.get(reverse("documents:warehouse"))
    page = response.content.decode()
    assert response.status_code == 200
    assert "Giấy khai sinh" in page and "125/2025/KS" in page
    assert f"Xử lý hồ sơ {code}" in page and str(world.receptionist) in page
    assert client.get(reverse("documents:warehouse_file", args=[document.pk])).status_code == 200


def test_another_citizen_sees_nothing_of_mine_and_cannot_download_it(world: World, client: Client) -> None:
    world.other_citizen.id_number = "020190009999"
    world.other_citizen.save()
    document = _kept(world)
    client.force_login(world.other_citizen)
    assert "125/2025/KS" not in client.get(reverse("documents:warehouse")).content.decode()
    assert client.get(reverse("documents:warehouse_file", args=[document.pk])).status_code == 404
    client.post(reverse("documents:warehouse_action", args=[document.pk, "hide"]))
    document.refresh_from_db()
    assert document.hidden_at is None


def test_hide_then_delete_refused_with_a_message(world: World, client: Client) -> None:
    world.prove_citizen()
    document = _kept(world)
    client.force_login(world.citizen)
    client.post(reverse("documents:warehouse_action", args=[document.pk, "hide"]))
    document.refresh_from_db()
    assert document.hidden_at is not None
    response = client.post(reverse("documents:warehouse_action", args=[document.pk, "delete"]), follow=True)
    assert "không xóa được" in response.content.decode()
    document.refresh_from_db()
    assert document.deleted_at is None


def test_the_warehouse_needs_a_login_and_the_menu_links_it(world: World, client: Client) -> None:
    response = client.get(reverse("documents:warehouse"))
    assert response.status_code == 302
    client.force_login(world.citizen)
    assert reverse("documents:warehouse") in client.get(reverse("portal:my_dossiers")).content.decode()


def test_an_officer_opens_a_document_for_a_dossier_and_the_access_is_logged(world: World,
                                                                            client: Client) -> None:
    from motcua.documents.models import WarehouseAccess

    document = _kept(world)
    code = _dossier_code(world)
    client.force_login(world.receptionist)
    url = reverse("documents:officer_file", args=[document.pk])
    response = client.post(url, {"dossier": code})
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert WarehouseAccess.objects.get().officer == world.receptionist
    refused = client.post(url, {"dossier": ""})
    assert refused.status_code == 400 and "mã hồ sơ" in refused.content.decode()
    client.force_login(world.other_receptionist)  # another centre, the same code: not its dossier
    other = client.post(url, {"dossier": code})
    assert other.status_code == 404 and "cơ quan bạn đang xử lý" in other.content.decode()
    assert WarehouseAccess.objects.count() == 1


def test_a_dossier_code_with_a_nul_character_is_refused_and_nothing_is_logged(world: World,
                                                                              client: Client) -> None:
    # The code is read from the POST as typed: PostgreSQL refuses NUL in text (it was a 500).
    from motcua.documents.models import WarehouseAccess

    document = _kept(world)
    client.force_login(world.receptionist)
    response = client.post(reverse("documents:officer_file", args=[document.pk]), {"dossier": "Hồ sơ\x00"})
    assert response.status_code == 400 and "Dữ liệu gửi lên không hợp lệ." in response.content.decode()
    assert not WarehouseAccess.objects.exists()


def test_a_citizen_cannot_use_the_officer_door_and_a_hidden_document_is_404(world: World,
                                                                            client: Client) -> None:
    from motcua.documents.models import WarehouseAccess

    document = _kept(world)
    client.force_login(world.citizen)
    url = reverse("documents:officer_file", args=[document.pk])
    assert client.post(url, {"dossier": "x"}).status_code == 403
    world.prove_citizen()
    services.set_hidden(world.citizen, document.pk, True)
    client.force_login(world.receptionist)
    assert client.post(url, {"dossier": _dossier_code(world)}).status_code == 404
    assert not WarehouseAccess.objects.exists()


def test_a_typed_id_number_opens_nobodys_warehouse_until_it_is_verified(world: World, client: Client) -> None:
    # Someone registers with the holder's number (anyone can type a number): nothing is shown,
    # downloaded, hidden or deleted until the number is proven theirs.
    world.other_citizen.id_number = ID
    world.other_citizen.save()
    document = _kept(world)
    client.force_login(world.other_citizen)
    page = client.get(reverse("documents:warehouse")).content.decode()
    assert "125/2025/KS" not in page and "chưa được xác thực" in page
    assert client.get(reverse("documents:warehouse_file", args=[document.pk])).status_code == 404
    client.post(reverse("documents:warehouse_action", args=[document.pk, "delete"]))
    client.post(reverse("documents:warehouse_action", args=[document.pk, "hide"]))
    document.refresh_from_db()
    assert document.deleted_at is None and document.hidden_at is None
    # Proven at a counter: the warehouse opens.
    world.other_citizen.mark_id_verified(IdVerification.COUNTER)
    world.other_citizen.save()
    assert "125/2025/KS" in client.get(reverse("documents:warehouse")).content.decode()
    # A changed number is not the proven one any more.
    world.other_citizen.id_number = "020190009999"
    world.other_citizen.save(update_fields=["id_number"])
    world.other_citizen.refresh_from_db()
    assert world.other_citizen.id_verified_at is None and world.other_citizen.verified_id_number == ""
