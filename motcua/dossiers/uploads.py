"""Files attached to dossiers: PDF, JPEG or PNG proven by their first bytes, within a size limit.

The name and the browser's content type prove nothing; every door (portal, desk, API)
checks uploads with `upload_problem` before handing them to the service layer.
"""

from __future__ import annotations

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext

# Signatures of the only formats we accept (ISO 32000, JFIF/EXIF, PNG spec §5.2).
SIGNATURES: list[tuple[bytes, str, str]] = [
    (b"%PDF-", "application/pdf", "pdf"),
    (b"\xff\xd8\xff", "image/jpeg", "jpg"),
    (b"\x89PNG\r\n\x1a\n", "image/png", "png"),
]
EXTENSIONS = {content_type: ext for _, content_type, ext in SIGNATURES}
# What a file input tells the browser to offer (a hint only; the server checks the content).
ACCEPT = ".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png"


def sniff_content_type(head: bytes) -> str | None:
    """The content type that the first bytes prove, or None."""
    for magic, content_type, _ in SIGNATURES:
        if head.startswith(magic):
            return content_type
    return None


def max_upload_bytes() -> int:
    return int(settings.MOTCUA_UPLOAD_MAX_BYTES)


class UploadProblem(Exception):
    """An upload refused before anything is stored: a stable code and a translated message."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


def check_upload(upload: UploadedFile) -> str:
    """Return the proven content type, or raise UploadProblem (too large, or not PDF/JPEG/PNG)."""
    limit = max_upload_bytes()
    if upload.size is None or upload.size > limit:
        raise UploadProblem(
            "file_too_large",
            gettext("Tệp “%(name)s” vượt quá dung lượng cho phép (%(limit)d MB).")
            % {"name": upload.name, "limit": limit // (1024 * 1024)},
        )
    upload.seek(0)
    head = upload.read(16)
    upload.seek(0)
    content_type = sniff_content_type(head)
    if content_type is None:
        raise UploadProblem(
            "unsupported_file_type",
            gettext("Tệp “%(name)s” không phải PDF, JPEG hoặc PNG.") % {"name": upload.name},
        )
    return content_type

