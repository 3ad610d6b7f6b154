"""/api/v1/documents: public verification by upload or by the QR code's id; one's own warehouse."""

from __future__ import annotations

import uuid

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from motcua.accounts.models import IdVerification
from motcua.documents import services, signing
from motcua.documents.models import Origin
from motcua.documents.sample import BIRTH_CERTIFICATE, render_pdf
from motcua.dossiers.sample import World

ID = "020190001234"


def _issue(world: World) -> signing.SignedDocument:
    return signing.sign_document(render_pdf(BIRTH_CERTIFICATE), world.ward_committee, signing.QrFields(
        document_name="Trích lục khai sinh", holder_identifier=ID))


def test_verify_by_id_returns_valid_with_the_issuing_agency_and_a_masked_holder(signing_world: World,
                                                                               client: Client) -> None:
    document = _issue(signing_world)
    body = client.get(f"/api/v1/documents/verify/{document.pk}").json()
    assert body["verdict"] == "valid" and body["signer"] == "UBND phường Đông Kinh"
    assert body["issued"]["agency_code"] == signing_world.ward_committee.code
    assert body["issued"]["holder"] == "********1234"


def test_verify_upload_of_a_tampered_file_says_modified(signing_world: World, client: Client) -> None:
    with _issue(signing_world).file.open("rb") as handle:
        data = bytearray(handle.read())
    data[len(data) // 3] ^= 1
    response = client.post("/api/v1/documents/verify", {"file": SimpleUploadedFile("a.pdf", bytes(data))})
    assert response.status_code == 200
    assert response.json()["verdict"] == "modified" and response.json()["issued"] is None


def test_verify_unknown_id_is_404(db: None, client: Client) -> None:
    response = client.get(f"/api/v1/documents/verify/{uuid.uuid4()}")
    assert response.status_code == 404 and response.json()["code"] == "not_found"


def test_my_warehouse_lists_only_my_documents_and_needs_a_login(world: World, client: Client) -> None:
    services.digitise([("a.pdf", render_pdf(["Giấy khai sinh"]))], holder_identifier=ID,
                      origin=Origin.COUNTER_SCAN, metadata=services.Metadata(number="125/2025/KS"))
    assert client.get("/api/v1/documents/warehouse").status_code == 401
    world.citizen.id_number = ID
    world.citizen.save()
    client.force_login(world.citizen)
    # A number typed at registration is not proven: it opens nobody's documents.
    assert client.get("/api/v1/documents/warehouse").json() == []
    world.citizen.mark_id_verified(IdVerification.COUNTER)
    world.citizen.save()
    assert [d["number"] for d in client.get("/api/v1/documents/warehouse").json()] == ["125/2025/KS"]
    client.force_login(world.other_citizen)
    assert client.get("/api/v1/documents/warehouse").json() == []


def test_an_unproven_account_gets_the_counter_code_that_proves_it_at_the_desk(
    world: World, client: Client
) -> None:
    from motcua.accounts.verification import verify_at_counter

    assert client.get("/api/v1/documents/warehouse/counter-code").status_code == 401
    world.citizen.id_number, world.citizen.id_verified_at = "", None
    world.citizen.save()
    client.force_login(world.citizen)
    missing = client.get("/api/v1/documents/warehouse/counter-code")
    assert missing.status_code == 409 and missing.json()["code"] == "no_id_number"
    world.citizen.id_number = ID
    world.citizen.save()
    shown = client.get("/api/v1/documents/warehouse/counter-code").json()
    assert shown["verified"] is False and len(shown["code"]) == 6 and shown["valid_until"]
    verify_at_counter(world.receptionist, ID, shown["code"])
    assert client.get("/api/v1/documents/warehouse/counter-code").json() == {
        "verified": True, "code": "", "valid_until": None}
