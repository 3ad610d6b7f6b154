"""The citizen's data warehouse: digitise, reuse, hide or delete, and every officer access logged."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from motcua.documents import services
from motcua.documents.models import DigitisedDocument, Origin, WarehouseAccess
from motcua.documents.sample import BIRTH_CERTIFICATE, render_pdf
from motcua.dossiers import services as dossiers
from motcua.dossiers.models import Dossier
from motcua.dossiers.sample import World, at

ID = "020190001234"


def _digitise(world: World, origin: str = Origin.COUNTER_SCAN, **metadata: object) -> DigitisedDocument:
    return services.digitise(
        [("p1.pdf", render_pdf(BIRTH_CERTIFICATE)), ("p2.pdf", render_pdf(["Trang hai"]))],
        holder_identifier=ID, holder_name="Nguyễn Thị Hồng Nhung", origin=origin,
        metadata=services.Metadata(document_type="Giấy khai sinh", number="125/2025/KS", **metadata),  # type: ignore[arg-type]
        agency=world.ward_center, officer=world.receptionist,
        requirement=world.birth.requirements.order_by("order").last(),
    )


def _dossier_of_the_holder(world: World) -> Dossier:
    """A dossier of the holder, received at the Đông Kinh centre and decided by its committee."""
    return dossiers.receive_new_dossier(world.receptionist, world.birth, world.applicant(),
                                        at=at("2026-03-02 08:00"))


def _citizen(world: World) -> object:
    world.prove_citizen()
    return world.citizen


def test_digitised_scans_become_one_pdf_with_metadata_in_the_holders_warehouse(world: World) -> None:
    document = _digitise(world)
    assert document.pages == 2
    assert document.requirement is not None and document.requirement.name == "Giấy chứng sinh"
    assert list(services.warehouse_of(ID)) == [document]
    assert list(services.reusable_for(ID)) == [document]


def test_an_expired_document_is_kept_but_not_offered_for_reuse(world: World) -> None:
    document = _digitise(world, issue_date=dt.date(2020, 1, 1), valid_until=dt.date(2021, 1, 1))
    assert list(services.warehouse_of(ID)) == [document]
    assert not services.reusable_for(ID).exists()


def test_validity_before_the_issue_date_is_refused(world: World) -> None:
    with pytest.raises(services.WarehouseError, match="hết hiệu lực trước ngày ban hành"):
        _digitise(world, issue_date=dt.date(2025, 1, 1), valid_until=dt.date(2024, 1, 1))
    assert not DigitisedDocument.objects.exists()


def test_an_organisation_is_identified_by_its_tax_code(world: World) -> None:
    document = services.digitise([("a.pdf", render_pdf(["x"]))], holder_identifier="4900123456-001",
                                 origin=Origin.RESULT)
    assert list(services.warehouse_of("4900123456-001")) == [document]


def test_a_bad_identifier_is_refused(world: World) -> None:
    with pytest.raises(services.WarehouseError) as raised:
        services.digitise([("a.pdf", render_pdf(["x"]))], holder_identifier="12; DROP", origin=Origin.RESULT)
    assert raised.value.code == "bad_identifier"


def test_the_holder_hides_a_document_and_officers_can_no_longer_open_it(world: World) -> None:
    document = _digitise(world)
    services.set_hidden(_citizen(world), document.pk, True)
    assert not services.reusable_for(ID).exists()
    with pytest.raises(services.WarehouseError) as raised:
        services.open_for_officer(world.receptionist, document.pk, _dossier_of_the_holder(world).code)
    assert raised.value.code == "not_found"
    assert not WarehouseAccess.objects.exists()


def test_administration_documents_cannot_be_deleted_but_own_uploads_can(world: World) -> None:
    citizen = _citizen(world)
    scanned = _digitise(world)
    with pytest.raises(services.WarehouseError) as raised:
        services.delete(citizen, scanned.pk)
    assert raised.value.code == "not_deletable"
    uploaded = _digitise(world, origin=Origin.CITIZEN_UPLOAD)
    services.delete(citizen, uploaded.pk)
    assert list(services.warehouse_of(ID)) == [scanned]


def test_another_citizen_cannot_hide_or_delete_my_documents(world: World) -> None:
    document = _digitise(world)
    world.other_citizen.id_number = "020190009999"
    world.other_citizen.save()
    with pytest.raises(services.WarehouseError) as raised:
        services.set_hidden(world.other_citizen, document.pk, True)
    assert raised.value.code == "not_found"
    document.refresh_from_db()
    assert document.hidden_at is None


def test_every_officer_access_is_logged_with_its_dossier_and_listed_for_the_citizen(world: World) -> None:
    document = _digitise(world)
    dossier = _dossier_of_the_holder(world)
    before = timezone.now()
    services.open_for_officer(world.specialist, document.pk, dossier.code)
    (access,) = services.accesses_of(ID)
    assert (access.officer, access.document) == (world.specialist, document)
    assert access.agency == world.ward_committee
    assert access.at >= before and access.purpose == f"Xử lý hồ sơ {dossier.code}"


def test_a_citizen_cannot_open_the_warehouse_as_an_officer_and_a_dossier_is_required(world: World) -> None:
    document = _digitise(world)
    with pytest.raises(services.WarehouseError) as raised:
        services.open_for_officer(world.citizen, document.pk, _dossier_of_the_holder(world).code)
    assert raised.value.code == "forbidden"
    with pytest.raises(services.WarehouseError) as raised:
        services.open_for_officer(world.receptionist, document.pk, "  ")
    assert raised.value.code == "no_dossier"
    assert not WarehouseAccess.objects.exists()


def test_an_officer_opens_only_the_papers_of_a_dossier_their_agency_handles(world: World) -> None:
    document = _digitise(world)
    dossier = _dossier_of_the_holder(world)
    somebody_else = world.applicant(name="Hoàng Văn Lâm")
    somebody_else.id_number = "020190005678"
    stranger = dossiers.receive_new_dossier(world.receptionist, world.birth, somebody_else,
                                            at=at("2026-03-02 08:30"))
    refusals = [
        (world.other_receptionist, dossier.code),  # another commune's centre: not its dossier
        (world.receptionist, stranger.code),  # its dossier, but of somebody else
        (world.receptionist, "000.00.00.H37-260302-9999"),  # no such dossier
    ]
    for officer, code in refusals:
        with pytest.raises(services.WarehouseError) as raised:
            services.open_for_officer(officer, document.pk, code)
        assert raised.value.code == "not_found"
    assert not WarehouseAccess.objects.exists()
    assert services.open_for_officer(world.receptionist, document.pk, dossier.code) == document


def test_a_closed_dossier_opens_no_papers(world: World) -> None:
    document = _digitise(world)
    dossier = _dossier_of_the_holder(world)
    dossiers.withdraw(world.receptionist, dossier, at=at("2026-03-02 10:00"), reason="Công dân xin rút hồ sơ")
    with pytest.raises(services.WarehouseError) as raised:
        services.open_for_officer(world.receptionist, document.pk, dossier.code)
    assert raised.value.code == "not_found"
    assert not WarehouseAccess.objects.exists()


def test_propose_reads_the_scan_and_suggests_number_and_date(world: World) -> None:
    proposal, text = services.propose([("scan.pdf", render_pdf(BIRTH_CERTIFICATE))])
    assert proposal.number == "125/2025/KS"
    assert proposal.issue_date == dt.date(2025, 3, 14)
    assert "GIẤY KHAI SINH" in text
