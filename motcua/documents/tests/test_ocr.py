"""Vietnamese OCR with Tesseract: a rendered page reads back almost exactly; the proposal finds the fields."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from PIL import Image
from rapidfuzz.distance import Levenshtein

from motcua.documents import ocr
from motcua.documents.sample import BIRTH_CERTIFICATE, render_pdf


def _normalised(text: str) -> str:
    return " ".join(text.split())


def test_rendered_vietnamese_page_reads_back_with_at_least_95_percent_of_characters_right() -> None:
    expected = _normalised("\n".join(BIRTH_CERTIFICATE))
    text = _normalised(ocr.ocr_pdf(render_pdf(BIRTH_CERTIFICATE)))
    accuracy = Levenshtein.normalized_similarity(expected, text)
    assert accuracy >= 0.95, (accuracy, text)


def test_proposal_from_ocr_finds_number_date_type_issuer_and_holder() -> None:
    proposal = ocr.propose_metadata(ocr.ocr_pdf(render_pdf(BIRTH_CERTIFICATE)))
    assert proposal.number == "125/2025/KS"
    assert proposal.issue_date == dt.date(2025, 3, 14)
    assert proposal.document_type == "Giấy khai sinh"
    assert proposal.issuer == "ỦY BAN NHÂN DÂN PHƯỜNG ĐÔNG KINH"
    assert proposal.holder_identifier == "020190001234"


def test_proposal_reads_a_slashed_date_when_no_written_date() -> None:
    proposal = ocr.propose_metadata("QUYẾT ĐỊNH\nSố 12/QĐ-UBND\nBan hành 03/02/2026")
    assert proposal.document_type == "Quyết định"
    assert proposal.number == "12/QĐ-UBND"
    assert proposal.issue_date == dt.date(2026, 2, 3)


def test_scans_of_several_pages_and_formats_become_one_pdf() -> None:
    png, jpeg = io.BytesIO(), io.BytesIO()
    Image.new("RGB", (200, 300), "white").save(png, format="PNG")
    Image.new("RGB", (200, 300), "white").save(jpeg, format="JPEG")
    pdf, pages = ocr.scans_to_pdf([
        ("a.pdf", render_pdf(["Trang một"])), ("b.png", png.getvalue()), ("c.jpg", jpeg.getvalue()),
    ])
    assert pages == 3
    assert pdf.startswith(b"%PDF")


def test_a_scan_that_is_not_pdf_jpeg_or_png_is_refused_with_a_clear_message() -> None:
    with pytest.raises(ocr.OcrError, match="không phải PDF, JPEG hay PNG"):
        ocr.scans_to_pdf([("x.txt", b"hello")])


def test_searchable_pdf_keeps_the_pages_and_adds_a_text_layer() -> None:
    from pypdf import PdfReader

    source = render_pdf(["Giấy khai sinh"])
    image_only, _ = ocr.scans_to_pdf([("scan.png", _png_of(source))])
    searchable = ocr.searchable_pdf(image_only)
    assert searchable is not None
    text = PdfReader(io.BytesIO(searchable)).pages[0].extract_text()
    assert "khai sinh" in text.lower()


def _png_of(pdf: bytes) -> bytes:
    out = io.BytesIO()
    ocr.page_images(pdf, dpi=200)[0].save(out, format="PNG")
    return out.getvalue()
