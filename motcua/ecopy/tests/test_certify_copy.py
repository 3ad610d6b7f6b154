"""Certifying an electronic copy from the original: statement, number, signature, fee, warehouse."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from motcua.documents.models import DigitisedDocument, Origin, SignedDocument
from motcua.documents.verification import Verdict, verify_bytes
from motcua.dossiers.sample import World, at
from motcua.ecopy import services
from motcua.ecopy.models import CertifiedCopy

from .scans import original


def _request(pages: int = 3, copies: int = 2, name: str = "Trần Văn Bình") -> services.CopyRequest:
    return services.CopyRequest(document_name="Bằng tốt nghiệp THPT", requester_name=name,
                                requester_identifier="020190001234", pages=pages, copies=copies)


@pytest.mark.parametrize(("pages", "fee"), [(1, 2_000), (2, 4_000), (3, 5_000), (10, 12_000),
                                            (198, 200_000), (500, 200_000)])
def test_fee_is_2000_a_page_then_1000_from_the_third_capped_at_200000_a_copy(pages: int, fee: int) -> None:
    assert services.fee_per_copy(pages) == fee


def test_certified_copy_carries_the_statement_is_signed_and_kept_in_the_warehouse(world: World) -> None:
    copy = services.certify_copy(world.receptionist, original(3), _request(), at=at("2026-03-02 09:00"))
    assert (copy.number, copy.book, copy.agency) == (1, "01/2026-SCT/BSĐT", world.ward_center)
    assert (copy.fee_per_copy, copy.fee_total) == (5_000, 10_000)
    with copy.signed.file.open("rb") as handle:
        data = handle.read()
    assert verify_bytes(data).verdict == Verdict.VALID
    pages = PdfReader(io.BytesIO(data)).pages
    assert len(pages) == 4  # the 3 pages of the original and the statement
    statement = pages[-1].extract_text()
    assert "CHỨNG THỰC BẢN SAO ĐÚNG VỚI BẢN CHÍNH" in statement
    assert "Số chứng thực: 1" in statement and "Quyển số: 01/2026-SCT/BSĐT" in statement
    assert "Ngày 02 tháng 03 năm 2026" in statement
    assert world.receptionist.full_name in statement
    kept = copy.digitised
    assert (kept.origin, kept.holder_identifier, kept.pages) == (Origin.CERTIFIED_COPY, "020190001234", 4)
    with kept.file.open("rb") as handle:
        assert handle.read() == data  # the warehouse keeps the signed copy byte for byte


def test_numbers_follow_each_other_per_agency_and_restart_each_year(world: World) -> None:
    first = services.certify_copy(world.receptionist, original(1), _request(1), at=at("2026-12-31 10:00"))
    second = services.certify_copy(world.receptionist, original(1), _request(1), at=at("2026-12-31 11:00"))
    other = services.certify_copy(world.other_receptionist, original(1), _request(1),
                                  at=at("2026-12-31 11:00"))
    next_year = services.certify_copy(world.receptionist, original(1), _request(1), at=at("2027-01-04 08:00"))
    assert [first.number, second.number, other.number, next_year.number] == [1, 2, 1, 1]
    assert next_year.book == "01/2027-SCT/BSĐT"


def test_declared_pages_that_differ_from_the_scan_are_refused_and_nothing_is_recorded(world: World) -> None:
    with pytest.raises(services.CopyError, match="Bản quét có 2 trang nhưng khai 3 trang"):
        services.certify_copy(world.receptionist, original(2), _request(3))
    assert not CertifiedCopy.objects.exists()
    assert not SignedDocument.objects.exists() and not DigitisedDocument.objects.exists()


def test_a_citizen_or_specialist_cannot_certify(world: World) -> None:
    for user in (world.citizen, world.specialist):
        with pytest.raises(services.CopyError) as raised:
            services.certify_copy(user, original(1), _request(1))
        assert raised.value.code == "forbidden"
    assert not CertifiedCopy.objects.exists()


def test_a_failed_signature_consumes_no_number(world: World) -> None:
    from motcua.documents import pki

    key = pki.agency_paths(world.ward_center.code)[1]
    saved = key.read_bytes()
    key.unlink()
    with pytest.raises(services.CopyError):
        services.certify_copy(world.receptionist, original(1), _request(1))
    key.write_bytes(saved)
    copy = services.certify_copy(world.receptionist, original(1), _request(1))
    assert copy.number == 1


def test_receipt_prints_the_fee_per_the_catalog_rule(world: World) -> None:
    copy = services.certify_copy(world.receptionist, original(10), _request(10, copies=3))
    text = PdfReader(io.BytesIO(services.receipt_pdf(copy))).pages[0].extract_text()
    assert "Lệ phí mỗi bản: 12.000 đồng" in text
    assert "Tổng cộng: 36.000 đồng" in text


def test_register_xlsx_lists_the_agency_entries_masked_and_never_as_formulas(world: World) -> None:
    services.certify_copy(world.receptionist, original(1), _request(1, name='=HYPERLINK("http://x","y")'),
                          at=at("2026-03-02 09:00"))
    services.certify_copy(world.other_receptionist, original(1), _request(1), at=at("2026-03-02 09:00"))
    sheet = load_workbook(io.BytesIO(services.register_xlsx(world.receptionist, 2026))).active
    assert sheet is not None
    rows = list(sheet.iter_rows(values_only=True))
    assert len(rows) == 2  # header + this agency's one entry
    assert rows[1][3] == '=HYPERLINK("http://x","y")'
    assert sheet.cell(row=2, column=4).data_type == "s"
    assert rows[1][4] == "********1234"
    assert rows[1][2] == dt.datetime(2026, 3, 2, 9, 0).strftime("%d/%m/%Y %H:%M")
