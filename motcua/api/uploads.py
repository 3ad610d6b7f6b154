"""Uploaded files: the type is read from the content (magic bytes), never from the name or header."""

from __future__ import annotations

import secrets

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext

from motcua.api.errors import ApiError

# Signatures of the only formats we accept (ISO 32000, JFIF/EXIF, PNG spec §5.2).
SIGNATURES: list[tuple[bytes, str, str]] = [
    (b"%PDF-", "application/pdf", "pdf"),
    (b"\xff\xd8\xff", "image/jpeg", "jpg"),
    (b"\x89PNG\r\n\x1a\n", "image/png", "png"),
]
EXTENSIONS = {content_type: ext for _, content_type, ext in SIGNATURES}


def sniff_content_type(head: bytes) -> str | None:
    """The content type that the first bytes prove, or None."""
    for magic, content_type, _ in SIGNATURES:
        if head.startswith(magic):
            return content_type
    return None


def max_upload_bytes() -> int:
    return int(getattr(settings, "MOTCUA_UPLOAD_MAX_BYTES", 10 * 1024 * 1024))


def check_upload(upload: UploadedFile) -> str:
    """Refuse a file that is too big or not a PDF/JPEG/PNG by content; return its real content type."""
    limit = max_upload_bytes()
    if upload.size is None or upload.size > limit:
        raise ApiError(
            "file_too_large",
            gettext("Tệp “%(name)s” vượt quá dung lượng cho phép (%(limit)d MB).")
            % {"name": upload.name, "limit": limit // (1024 * 1024)},
            413, {"files": [upload.name or ""]},
        )
    upload.seek(0)
    head = upload.read(16)
    upload.seek(0)
    content_type = sniff_content_type(head)
    if content_type is None:
        raise ApiError(
            "unsupported_file_type",
            gettext("Tệp “%(name)s” không phải PDF, JPEG hoặc PNG.") % {"name": upload.name},
            415, {"files": [upload.name or ""]},
        )
    return content_type


def server_file_name(content_type: str) -> str:
    """A name the user does not choose: random, with the extension of the proven type."""
    return f"{secrets.token_hex(16)}.{EXTENSIONS[content_type]}"
