"""Verify a signed PDF offline with pyHanko's validator against the province's trust roots.

The verdict is one of: valid, modified after signing, unknown signer (a signature that is
intact but does not chain to our roots), unsigned, or not a PDF.
"""

from __future__ import annotations

import datetime as dt
import io
import logging
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from django.utils.translation import gettext_lazy as _

from motcua.documents import pki

log = logging.getLogger(__name__)


class Verdict(StrEnum):
    VALID = "valid"
    MODIFIED = "modified"
    UNKNOWN_SIGNER = "unknown_signer"
    UNSIGNED = "unsigned"
    NOT_PDF = "not_pdf"


VERDICT_LABELS = {
    Verdict.VALID: _("Hợp lệ: chữ ký số đúng, giấy tờ không bị sửa đổi sau khi ký"),
    Verdict.MODIFIED: _("Đã bị sửa đổi sau khi ký: giấy tờ không còn giá trị"),
    Verdict.UNKNOWN_SIGNER: _("Người ký không xác định: chữ ký không thuộc cơ quan nào của tỉnh"),
    Verdict.UNSIGNED: _("Giấy tờ không có chữ ký số"),
    Verdict.NOT_PDF: _("Tệp không phải PDF hợp lệ"),
}


@dataclass(frozen=True)
class Verification:
    verdict: Verdict
    signer: str = ""
    signed_at: dt.datetime | None = None
    timestamped: bool = False

    @property
    def ok(self) -> bool:
        return self.verdict == Verdict.VALID

    @property
    def label(self) -> str:
        return str(VERDICT_LABELS[self.verdict])


def _validation_context() -> Any:
    from pyhanko.keys import load_certs_from_pemder
    from pyhanko_certvalidator import ValidationContext

    roots = list(load_certs_from_pemder([str(p) for p in pki.trust_root_files()]))
    return ValidationContext(trust_roots=roots, allow_fetching=False)


def _signer_name(cert: Any) -> str:
    try:
        return str(cert.subject.native.get("common_name", "")) or cert.subject.human_friendly
    except Exception:
        return ""


def verify_bytes(data: bytes) -> Verification:
    """Validate the last signature of the PDF and say whether the whole file is covered."""
    from pyhanko.pdf_utils.misc import PdfError
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko.sign.validation.status import SignatureCoverageLevel

    if not data.startswith(b"%PDF"):
        return Verification(Verdict.NOT_PDF)
    try:
        reader = PdfFileReader(io.BytesIO(data), strict=False)
        signatures = reader.embedded_signatures
    except (PdfError, ValueError, KeyError, IndexError, TypeError):
        # A signed file whose structure no longer parses was changed after signing.
        return Verification(Verdict.MODIFIED if b"/ByteRange" in data else Verdict.NOT_PDF)
    if not signatures:
        return Verification(Verdict.UNSIGNED)
    signature = signatures[-1]
    try:
        status = validate_pdf_signature(signature, _validation_context())
    except Exception as error:  # pyHanko raises several kinds on a damaged signature
        log.info("signature could not be validated: %s", type(error).__name__)
        return Verification(Verdict.MODIFIED)
    signer = _signer_name(status.signing_cert)
    # A timestamp counts only when it is intact and from a trusted time-stamping authority;
    # then its time is the signing time, otherwise the signer's own claim is shown.
    stamp = status.timestamp_validity
    timestamped = bool(stamp is not None and stamp.intact and stamp.valid and stamp.trusted)
    signed_at = stamp.timestamp if stamp is not None and timestamped else status.signer_reported_dt
    whole = status.coverage == SignatureCoverageLevel.ENTIRE_FILE or (
        status.coverage == SignatureCoverageLevel.ENTIRE_REVISION and status.docmdp_ok
    )
    if not status.intact or not status.valid or not whole:
        return Verification(Verdict.MODIFIED, signer, signed_at, timestamped)
    if not status.trusted:
        return Verification(Verdict.UNKNOWN_SIGNER, signer, signed_at, timestamped)
    return Verification(Verdict.VALID, signer, signed_at, timestamped)
