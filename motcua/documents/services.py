"""Digitisation and the citizen's data warehouse: the only code that writes DigitisedDocument.

Every officer access to a warehouse document goes through `open_for_officer`, which logs it
(the Personal Data Protection Law: the citizen sees who opened what, when and why).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext

from motcua.agencies.models import Agency
from motcua.documents import ocr
from motcua.documents.models import DigitisedDocument, Origin, SignedDocument, WarehouseAccess


class WarehouseError(Exception):
    """A domain error with a translated message (`code` for the API and tests)."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code


@dataclass
class Metadata:
    """What the officer confirms (pre-filled from the OCR proposal)."""

    document_type: str = ""
    number: str = ""
    issuer: str = ""
    issue_date: dt.date | None = None
    valid_until: dt.date | None = None


def propose(scans: list[tuple[str, bytes]]) -> tuple[ocr.Proposal, str]:
    """OCR the scans and propose metadata for the officer to confirm."""
    try:
        pdf, _pages = ocr.scans_to_pdf(scans)
        text = ocr.ocr_pdf(pdf)
    except ocr.OcrError as error:
        raise WarehouseError("bad_scan", str(error)) from None
    return ocr.propose_metadata(text), text


# A 12-digit personal ID number, or a tax code: 10 digits, or 10 + "-" + 3 for a branch.
_IDENTIFIER = re.compile(r"^(\d{12}|\d{10}(-\d{3})?)$")


def _identifier(value: str) -> str:
    value = (value or "").strip()
    if not _IDENTIFIER.match(value):
        raise WarehouseError("bad_identifier", gettext(
            "Số định danh không hợp lệ (số định danh cá nhân 12 số hoặc mã số thuế của tổ chức)."))
    return value


def digitise(
    scans: list[tuple[str, bytes]],
    *,
    holder_identifier: str,
    origin: str,
    metadata: Metadata | None = None,
    holder_name: str = "",
    requirement: Any = None,
    agency: Agency | None = None,
    officer: Any = None,
    dossier_code: str = "",
    signed: SignedDocument | None = None,
    ocr_text: str = "",
    ocr_state: str = "",
) -> DigitisedDocument:
    """Make one PDF of the scans (PDF/JPEG/PNG pages in order) and keep it in the holder's warehouse.

    `ocr_state`: `OcrState.PENDING` for a document to be recognised in the background (then
    `ocr_jobs.request` only hands it to the worker).
    """
    if origin not in Origin.values:
        raise WarehouseError("bad_origin", gettext("Nguồn gốc giấy tờ không hợp lệ."))
    identifier = _identifier(holder_identifier)
    try:
        pdf, pages = _one_pdf(scans)
    except ocr.OcrError as error:
        raise WarehouseError("bad_scan", str(error)) from None
    metadata = metadata or Metadata()
    if metadata.valid_until and metadata.issue_date and metadata.valid_until < metadata.issue_date:
        raise WarehouseError("bad_validity", gettext("Ngày hết hiệu lực trước ngày ban hành."))
    document = DigitisedDocument(
        pages=pages, requirement=requirement, document_type=metadata.document_type,
        number=metadata.number, issuer=metadata.issuer, issue_date=metadata.issue_date,
        valid_until=metadata.valid_until, holder_identifier=identifier, holder_name=holder_name,
        origin=origin, dossier_code=dossier_code, agency=agency, created_by=officer, signed=signed,
        ocr_text=ocr_text, ocr_state=ocr_state,
    )
    # The file first, then its row (one statement: no savepoint needed). A row that fails
    # leaves a file without a row, which `motcua dossiers check-files --clean` removes.
    document.file.save("scan.pdf", ContentFile(pdf), save=False)
    document.save()
    return document


def _one_pdf(scans: list[tuple[str, bytes]]) -> tuple[bytes, int]:
    """A single PDF is kept byte for byte (a signed result keeps its signature); else merged."""
    if len(scans) == 1 and scans[0][1].startswith(b"%PDF"):
        import io

        from pypdf import PdfReader
        from pypdf.errors import PdfReadError

        try:
            pages = len(PdfReader(io.BytesIO(scans[0][1])).pages)
        except (PdfReadError, ValueError, OSError):
            raise ocr.OcrError(gettext("Tệp quét không phải PDF, JPEG hay PNG.")) from None
        if pages:
            return scans[0][1], pages
    return ocr.scans_to_pdf(scans)


# ---------------------------------------------------------------------------------------
# The holder's view


def warehouse_of(identifier: str) -> QuerySet[DigitisedDocument]:
    """Everything the holder has (hidden ones too: only the holder sees them), deleted ones excluded."""
    return DigitisedDocument.objects.filter(holder_identifier=identifier, deleted_at__isnull=True)


def reusable_for(identifier: str, on: dt.date | None = None) -> QuerySet[DigitisedDocument]:
    """What an officer or a new submission may reuse: not hidden, not deleted, still valid."""
    on = on or timezone.localdate()
    return warehouse_of(identifier).filter(hidden_at__isnull=True).filter(
        Q(valid_until__isnull=True) | Q(valid_until__gte=on)
    )


def _owned(user: Any, document_id: int) -> DigitisedDocument:
    identifier = getattr(user, "verified_id_number", "") or ""  # a typed number owns nothing
    document = (
        DigitisedDocument.objects.select_for_update()
        .filter(pk=document_id, holder_identifier=identifier, deleted_at__isnull=True).first()
        if identifier else None
    )
    if document is None:
        raise WarehouseError("not_found", gettext("Không tìm thấy giấy tờ trong kho dữ liệu của bạn."))
    return document


@transaction.atomic
def set_hidden(user: Any, document_id: int, hidden: bool) -> DigitisedDocument:
    """The holder hides a document from officers and reuse (or shows it again)."""
    document = _owned(user, document_id)
    document.hidden_at = timezone.now() if hidden else None
    document.save(update_fields=["hidden_at"])
    return document


@transaction.atomic
def delete(user: Any, document_id: int) -> DigitisedDocument:
    """The holder deletes what the law lets them delete (what they uploaded themselves)."""
    document = _owned(user, document_id)
    if not document.deletable:
        raise WarehouseError("not_deletable", gettext(
            "Giấy tờ do cơ quan nhà nước số hóa hoặc cấp không xóa được; bạn có thể ẩn giấy tờ này."))
    document.deleted_at = timezone.now()
    name, storage = document.file.name, document.file.storage
    document.file = None  # type: ignore[assignment]
    document.save(update_fields=["deleted_at", "file"])
    # The file goes once the row no longer names it (a rollback keeps both).
    transaction.on_commit(lambda: storage.delete(name) if name else None)
    return document


def accesses_of(identifier: str) -> QuerySet[WarehouseAccess]:
    return WarehouseAccess.objects.filter(document__holder_identifier=identifier).select_related(
        "document", "officer", "agency")


# ---------------------------------------------------------------------------------------
# Officers


def open_for_officer(officer: Any, document_id: int, dossier_code: str) -> DigitisedDocument:
    """An officer opens a warehouse document to handle a dossier; the access is logged first.

    The dossier must be one the officer's agency handles (receives, decides or works on), still
    open (not refused, withdrawn, stopped or returned), and the document must be its applicant's,
    or one copied into it: an officer has no business in the papers of a person whose dossier is
    not on their desk (the Personal Data Protection Law), and ids in the door's address must not
    open anybody's papers by enumeration.
    """
    from motcua.dossiers.models import CLOSED_STATUSES, Dossier

    if not getattr(officer, "is_officer", False):
        raise WarehouseError("forbidden", gettext("Chỉ cán bộ mới được mở kho dữ liệu của công dân."))
    dossier_code = (dossier_code or "").strip()
    if not dossier_code:
        raise WarehouseError("no_dossier", gettext("Nhập mã hồ sơ đang xử lý của người có giấy tờ."))
    with transaction.atomic():
        document = DigitisedDocument.objects.filter(
            pk=document_id, hidden_at__isnull=True, deleted_at__isnull=True).first()
        needed = document is not None and Dossier.objects.visible_to(officer).filter(
            Q(applicant__id_number=document.holder_identifier) | Q(documents__warehouse_document=document),
            code=dossier_code).exclude(status__in=CLOSED_STATUSES).exists()
        if document is None or not needed:
            raise WarehouseError("not_found", gettext(
                "Không tìm thấy giấy tờ của người nộp hồ sơ %(code)s mà cơ quan bạn đang xử lý "
                "(hồ sơ chưa kết thúc), "
                "hoặc chủ giấy tờ đã ẩn giấy tờ đó.") % {"code": dossier_code[:40]})
        WarehouseAccess.objects.create(document=document, officer=officer, agency=officer.agency,
                                       purpose=gettext("Xử lý hồ sơ %(code)s") % {"code": dossier_code})
    return document


def confirm_metadata(officer: Any, document_id: int, metadata: Metadata) -> DigitisedDocument:
    """The officer of the digitising agency confirms (or corrects) what OCR proposed.

    Until then the document's type is the requirement's name and the other fields are empty:
    a proposal is never taken for a fact (the once-only reuse matches on confirmed types).
    """
    if not getattr(officer, "is_officer", False):
        raise WarehouseError("forbidden", gettext("Chỉ cán bộ mới được xác nhận thông tin giấy tờ."))
    document_type = (metadata.document_type or "").strip()
    if not document_type:
        raise WarehouseError("no_type", gettext("Nhập loại giấy tờ."))
    today = timezone.localdate()
    if metadata.issue_date and metadata.issue_date > today:
        raise WarehouseError("future_issue", gettext("Ngày ban hành không được sau hôm nay."))
    if metadata.valid_until and metadata.issue_date and metadata.valid_until < metadata.issue_date:
        raise WarehouseError("bad_validity", gettext("Ngày hết hiệu lực trước ngày ban hành."))
    with transaction.atomic():
        document = DigitisedDocument.objects.select_for_update().filter(
            pk=document_id, deleted_at__isnull=True).first()
        if document is None or document.agency_id is None or document.agency_id != officer.agency_id:
            raise WarehouseError("not_found", gettext(
                "Không tìm thấy giấy tờ do cơ quan của bạn số hóa."))
        document.document_type = document_type[:200]
        document.number = (metadata.number or "").strip()[:100]
        document.issuer = (metadata.issuer or "").strip()[:300]
        document.issue_date = metadata.issue_date
        document.valid_until = metadata.valid_until
        document.confirmed_by = officer
        document.confirmed_at = timezone.now()
        document.save(update_fields=["document_type", "number", "issuer", "issue_date", "valid_until",
                                     "confirmed_by", "confirmed_at"])
    return document
