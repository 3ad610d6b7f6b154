"""Certified electronic copies from the original (Decree 23/2015/NĐ-CP, Decree 45/2020/NĐ-CP).

`certify_copy` is the one service: it checks the officer, numbers the entry in the agency's
electronic register (per year, under a row lock, in the same transaction as the signature so
a failure never leaves a gap), signs the copy as the agency and keeps it in the requester's
data warehouse.
"""

from __future__ import annotations

import datetime as dt
import io
import unicodedata
from dataclasses import dataclass
from typing import Any

from django.db import connection, transaction
from django.utils import timezone
from django.utils.translation import gettext
from openpyxl import Workbook
from pypdf import PdfReader, PdfWriter
from reportlab.lib.pagesizes import A4, A5
from reportlab.lib.units import mm
from reportlab.pdfgen import canvas

from motcua.accounts.models import Role
from motcua.core.spreadsheet import xlsx_row
from motcua.documents import services as warehouse
from motcua.documents.models import Origin
from motcua.documents.ocr import OcrError, scans_to_pdf
from motcua.documents.signing import QrFields, SigningError, sign_document
from motcua.dossiers import fonts
from motcua.ecopy.models import CertifiedCopy, RegisterSequence
from motcua.worktime.core import TZ

# Procedure 2.000815 (certification of copies from originals): the catalog's fee rule.
PROCEDURE_CODE = "2.000815"
FEE_FIRST_PAGES = 2_000  # đồng per page, pages 1 and 2
FEE_LATER_PAGES = 1_000  # from the 3rd page
FEE_CAP_PER_COPY = 200_000
MAX_COPIES = 100
CERTIFIER_ROLES = frozenset({Role.RECEPTIONIST, Role.LEADER})
STATEMENT = "Chứng thực bản sao đúng với bản chính"


class CopyError(Exception):
    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code


def fee_per_copy(pages: int) -> int:
    """2,000 đồng a page, from the 3rd page 1,000, at most 200,000 a copy (catalog, 2.000815)."""
    if pages < 1:
        return 0
    fee = FEE_FIRST_PAGES * min(pages, 2) + FEE_LATER_PAGES * max(pages - 2, 0)
    return min(fee, FEE_CAP_PER_COPY)


def may_certify(user: Any) -> bool:
    """One predicate for the service and the screens: an officer of an agency, receptionist or leader."""
    return bool(getattr(user, "is_officer", False) and user.role in CERTIFIER_ROLES)


def book_of(year: int) -> str:
    """The register book's number: one book of electronic certifications per year."""
    return f"01/{year}-SCT/BSĐT"


_NEXT_NUMBER_SQL = (
    "INSERT INTO {table} (agency_id, year, last) VALUES (%s, %s, 1) "
    "ON CONFLICT (agency_id, year) DO UPDATE SET last = {table}.last + 1 RETURNING last"
)


def _next_number(agency_id: int, year: int) -> int:
    """The next number of the agency's register for the year; the row stays locked until commit."""
    sql = _NEXT_NUMBER_SQL.format(table=connection.ops.quote_name(RegisterSequence._meta.db_table))
    with connection.cursor() as cursor:
        cursor.execute(sql, [agency_id, year])
        return int(cursor.fetchone()[0])


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def _statement_page(number: int, book: str, at: dt.datetime, certifier: str, agency: str) -> bytes:
    """The certification statement as a page appended to the copy.

    The statement's wording is set by Decree 23/2015 (form of the certification statement) and
    stays in Vietnamese whatever the interface language.
    """
    font = fonts.register()
    local = at.astimezone(TZ)
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4)
    width, height = A4
    y = height - 60 * mm
    pdf.setFont(fonts.BOLD, 14)
    pdf.drawCentredString(width / 2, y, _nfc(STATEMENT.upper()))
    pdf.setFont(font, 12)
    lines = [
        f"Số chứng thực: {number}     Quyển số: {book}",
        f"Ngày {local:%d} tháng {local:%m} năm {local:%Y}",
        f"Người thực hiện chứng thực: {certifier}",
        agency,
        "(Đã ký số)",
    ]
    for line in lines:
        y -= 9 * mm
        pdf.drawCentredString(width / 2, y, _nfc(line))
    pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def _copy_pdf(original: bytes, statement: bytes) -> bytes:
    writer = PdfWriter()
    for source in (original, statement):
        for page in PdfReader(io.BytesIO(source)).pages:
            writer.add_page(page)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


@dataclass
class CopyRequest:
    document_name: str
    requester_name: str
    requester_identifier: str
    pages: int
    copies: int


def _check(request: CopyRequest) -> None:
    if not request.document_name.strip() or not request.requester_name.strip():
        raise CopyError("missing", gettext("Nhập tên giấy tờ và họ tên người yêu cầu chứng thực."))
    if not 1 <= request.copies <= MAX_COPIES:
        raise CopyError("bad_copies", gettext("Số bản sao phải từ 1 đến %(max)d.") % {"max": MAX_COPIES})
    if request.pages < 1:
        raise CopyError("bad_pages", gettext("Số trang phải lớn hơn 0."))


def certify_copy(
    officer: Any, scans: list[tuple[str, bytes]], request: CopyRequest, at: dt.datetime | None = None,
) -> CertifiedCopy:
    """Certify an electronic copy of the original the requester shows; number, sign, keep."""
    if not may_certify(officer):
        raise CopyError("forbidden", gettext("Bạn không có quyền chứng thực bản sao."))
    _check(request)
    try:
        original, pages = scans_to_pdf(scans)
    except OcrError as error:
        raise CopyError("bad_scan", str(error)) from None
    if pages != request.pages:
        raise CopyError("pages_mismatch", gettext(
            "Bản quét có %(scanned)d trang nhưng khai %(declared)d trang: kiểm tra lại bản chính.")
            % {"scanned": pages, "declared": request.pages})
    at = at or timezone.now()
    agency = officer.agency
    year = at.astimezone(TZ).year
    per_copy = fee_per_copy(pages)
    certifier = officer.full_name or officer.username
    with transaction.atomic():
        number = _next_number(agency.pk, year)
        book = book_of(year)
        copy_pdf = _copy_pdf(original, _statement_page(number, book, at, certifier, agency.name))
        qr = QrFields(
            document_name=f"{STATEMENT}: {request.document_name}"[:300],
            procedure_code=PROCEDURE_CODE, holder_identifier=request.requester_identifier, issued_at=at,
        )
        try:
            signed = sign_document(copy_pdf, agency, qr)
        except SigningError as error:
            raise CopyError("signing_failed", str(error)) from None
        with signed.file.open("rb") as handle:
            signed_bytes = handle.read()
        try:
            kept = warehouse.digitise(
                [("copy.pdf", signed_bytes)], holder_identifier=request.requester_identifier,
                holder_name=request.requester_name, origin=Origin.CERTIFIED_COPY,
                metadata=warehouse.Metadata(document_type=request.document_name,
                                            number=f"{number} ({book})", issuer=agency.name,
                                            issue_date=at.astimezone(TZ).date()),
                agency=agency, officer=officer, signed=signed,
            )
        except warehouse.WarehouseError as error:
            raise CopyError(error.code, str(error)) from None
        return CertifiedCopy.objects.create(
            agency=agency, year=year, number=number, book=book, certified_at=at, certifier=officer,
            certifier_name=certifier, document_name=request.document_name,
            requester_name=request.requester_name, requester_identifier=kept.holder_identifier,
            pages=pages, copies=request.copies, fee_per_copy=per_copy,
            fee_total=per_copy * request.copies, signed=signed, digitised=kept,
        )


def register_for(officer: Any) -> Any:
    """The register entries an officer may see: their own agency's only."""
    return CertifiedCopy.objects.filter(agency_id=officer.agency_id).select_related("agency")


def money(value: int) -> str:
    return f"{value:,}".replace(",", ".") + " đồng"


def receipt_pdf(copy: CertifiedCopy) -> bytes:
    """The fee receipt (A5): the catalog's rule applied to the pages and copies."""
    font = fonts.register()
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A5)
    width, height = A5
    y = height - 20 * mm
    pdf.setFont(fonts.BOLD, 12)
    pdf.drawCentredString(width / 2, y, _nfc(gettext("BIÊN LAI THU LỆ PHÍ CHỨNG THỰC")))
    pdf.setFont(font, 10)
    local = copy.certified_at.astimezone(TZ)
    lines = [
        copy.agency.name,
        gettext("Số chứng thực: %(number)s, quyển số: %(book)s") % {"number": copy.number, "book": copy.book},
        gettext("Ngày: %(date)s") % {"date": f"{local:%d/%m/%Y %H:%M}"},
        gettext("Người nộp: %(name)s") % {"name": copy.requester_name},
        gettext("Giấy tờ: %(name)s") % {"name": copy.document_name},
        gettext("Số trang: %(pages)d; số bản: %(copies)d") % {"pages": copy.pages, "copies": copy.copies},
        gettext("Lệ phí mỗi bản: %(fee)s") % {"fee": money(copy.fee_per_copy)},
        gettext("(2.000 đồng/trang, từ trang thứ ba 1.000 đồng/trang, tối đa 200.000 đồng/bản)"),
        gettext("Tổng cộng: %(total)s") % {"total": money(copy.fee_total)},
    ]
    for line in lines:
        y -= 7 * mm
        pdf.drawString(15 * mm, y, _nfc(line))
    pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def register_xlsx(officer: Any, year: int) -> bytes:
    """The agency's electronic certification register for a year (no cell is ever a formula)."""
    from motcua.accounts.privacy import mask_id_number

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = str(year)
    sheet.append(xlsx_row(sheet, [
        gettext("Số chứng thực"), gettext("Quyển số"), gettext("Ngày chứng thực"),
        gettext("Người yêu cầu"), gettext("Số định danh"), gettext("Tên giấy tờ"), gettext("Số trang"),
        gettext("Số bản"), gettext("Lệ phí (đồng)"), gettext("Người chứng thực"),
    ]))
    for copy in register_for(officer).filter(year=year).order_by("number"):
        sheet.append(xlsx_row(sheet, [
            copy.number, copy.book, copy.certified_at.astimezone(TZ).strftime("%d/%m/%Y %H:%M"),
            copy.requester_name, mask_id_number(copy.requester_identifier), copy.document_name,
            copy.pages, copy.copies, copy.fee_total, copy.certifier_name,
        ]))
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
