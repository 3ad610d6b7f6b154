"""Sign a PDF as an agency (PAdES, pyHanko) with the Circular 01/2023 QR code in the top-left corner.

The QR code is drawn into the first page *before* signing, so it is covered by the signature.
It carries the fields the circular lists (dossier code, procedure code, holder identifier,
document name, issuing system, time of issue) after the link to the public verification page.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import unicodedata
import uuid
from dataclasses import dataclass, field
from typing import Any

import qrcode
from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext
from pypdf import PdfReader, PdfWriter
from pypdf.errors import PdfReadError
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen import canvas

from motcua.agencies.models import Agency
from motcua.documents import pki
from motcua.documents.models import SignedDocument
from motcua.dossiers import fonts
from motcua.worktime.core import TZ

QR_SIZE = 22 * mm
MARGIN = 6 * mm
SYSTEM_NAME = "Hệ thống thông tin giải quyết TTHC (motcua)"


class SigningError(Exception):
    """A translated message: not a PDF, an agency without a certificate…"""


@dataclass
class QrFields:
    """What Circular 01/2023/TT-VPCP puts in a document's QR code."""

    document_name: str
    dossier_code: str = ""
    procedure_code: str = ""
    holder_identifier: str = ""
    issuing_system: str = SYSTEM_NAME
    issued_at: dt.datetime = field(default_factory=timezone.now)

    def payload(self, link: str) -> str:
        local = self.issued_at.astimezone(TZ)
        lines = [
            link,
            f"MaHoSo: {self.dossier_code}",
            f"MaTTHC: {self.procedure_code}",
            f"MaDinhDanh: {self.holder_identifier}",
            f"TenGiayTo: {self.document_name}",
            f"HeThong: {self.issuing_system}",
            f"ThoiGian: {local:%Y%m%d%H%M%S}",
        ]
        return unicodedata.normalize("NFC", "\n".join(lines))


def verification_link(document_id: uuid.UUID | str) -> str:
    base = str(settings.MOTCUA_PUBLIC_URL).rstrip("/")
    return f"{base}/xac-thuc/?id={document_id}"


def _stamp(width: float, height: float, payload: str, caption: str) -> Any:
    """One page of the given size with the QR code and a caption in its top-left corner."""
    font = fonts.register()
    # A fixed mask pattern (ISO/IEC 18004 allows any of the eight) skips the search for the
    # "best" one, which was most of the stamping time.
    code = qrcode.QRCode(border=1, box_size=4, error_correction=qrcode.constants.ERROR_CORRECT_M,
                         mask_pattern=0)
    code.add_data(payload)
    code.make(fit=True)
    image = code.make_image().get_image().convert("1")
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=(width, height))
    top = height - MARGIN
    pdf.drawImage(ImageReader(image), MARGIN, top - QR_SIZE, QR_SIZE, QR_SIZE)
    pdf.setFont(font, 5.5)
    pdf.drawString(MARGIN, top - QR_SIZE - 2.2 * mm, unicodedata.normalize("NFC", caption))
    pdf.showPage()
    pdf.save()
    return PdfReader(io.BytesIO(buffer.getvalue())).pages[0]


def add_qr(pdf_bytes: bytes, payload: str, caption: str) -> bytes:
    """The PDF with the QR code stamped on its first page's top-left corner."""
    try:
        reader = PdfReader(io.BytesIO(pdf_bytes))
        pages = list(reader.pages)
    except (PdfReadError, ValueError, OSError):
        raise SigningError(gettext("Tệp không phải PDF hợp lệ.")) from None
    if not pages or reader.is_encrypted:
        raise SigningError(gettext("Tệp không phải PDF hợp lệ."))
    writer = PdfWriter(clone_from=reader)
    first = writer.pages[0]
    box = first.mediabox
    overlay = _stamp(float(box.width), float(box.height), payload, caption)
    first.merge_translated_page(overlay, float(box.left), float(box.bottom))
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _timestamper() -> Any:
    url = getattr(settings, "MOTCUA_TSA_URL", "")
    if not url:
        return None
    from pyhanko.sign.timestamps import HTTPTimeStamper

    return HTTPTimeStamper(url)


def sign_bytes(pdf_bytes: bytes, agency_code: str, reason: str = "", signer: Any = None) -> bytes:
    """PAdES-sign `pdf_bytes` as the agency (a trusted timestamp when MOTCUA_TSA_URL is set)."""
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign import fields, signers

    signer = signer or pki.signer_for(agency_code)
    metadata = signers.PdfSignatureMetadata(
        field_name="ChuKyCoQuan",
        subfilter=fields.SigSeedSubFilter.PADES,
        md_algorithm="sha256",
        reason=reason or None,
        location=None,
    )
    try:
        writer = IncrementalPdfFileWriter(io.BytesIO(pdf_bytes), strict=False)
    except Exception:
        raise SigningError(gettext("Tệp không phải PDF hợp lệ.")) from None
    pdf_signer = signers.PdfSigner(metadata, signer=signer, timestamper=_timestamper())
    out = pdf_signer.sign_pdf(writer)
    return bytes(out.getvalue())


@transaction.atomic
def sign_document(pdf_bytes: bytes, agency: Agency, qr: QrFields) -> SignedDocument:
    """Stamp the QR code, sign as the agency and record the document (its id is in the link)."""
    document_id = uuid.uuid4()
    link = verification_link(document_id)
    caption = gettext("Xác thực: %(link)s") % {"link": link}
    stamped = add_qr(pdf_bytes, qr.payload(link), caption)
    try:
        signed = sign_bytes(stamped, agency.code, reason=qr.document_name)
    except pki.PkiError as error:
        raise SigningError(str(error)) from None
    document = SignedDocument(
        id=document_id, agency=agency, name=qr.document_name, dossier_code=qr.dossier_code,
        procedure_code=qr.procedure_code, holder_identifier=qr.holder_identifier,
        issued_at=qr.issued_at, sha256=hashlib.sha256(signed).hexdigest(),
    )
    document.file.save(f"{document_id}.pdf", ContentFile(signed), save=False)
    document.save()
    return document
