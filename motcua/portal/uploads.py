"""Scans attached to a dossier from a form: PDF, JPEG or PNG proven by their first bytes."""

from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

# Signatures of the accepted formats (ISO 32000, JFIF/EXIF, PNG §5.2): the name and the
# browser's content type prove nothing.
SIGNATURES = (b"%PDF-", b"\xff\xd8\xff", b"\x89PNG\r\n\x1a\n")
ACCEPT = ".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png"


def max_upload_bytes() -> int:
    return int(getattr(settings, "MOTCUA_UPLOAD_MAX_BYTES", 10 * 1024 * 1024))


def check_scan(upload: UploadedFile) -> None:
    limit = max_upload_bytes()
    if upload.size is None or upload.size > limit:
        raise forms.ValidationError(
            gettext("Tệp “%(name)s” vượt quá dung lượng cho phép (%(limit)d MB).")
            % {"name": upload.name, "limit": limit // (1024 * 1024)}
        )
    upload.seek(0)
    head = upload.read(16)
    upload.seek(0)
    if not head.startswith(SIGNATURES):
        raise forms.ValidationError(
            gettext("Tệp “%(name)s” không phải PDF, JPEG hoặc PNG.") % {"name": upload.name}
        )


class ScanField(forms.FileField):
    """One uploaded scan; the browser is told what we accept, the server checks it again."""

    default_error_messages = {"required": _("Vui lòng đính kèm giấy tờ này.")}

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("widget", forms.FileInput(attrs={"accept": ACCEPT}))
        super().__init__(**kwargs)

    def clean(self, data: Any, initial: Any = None) -> Any:
        upload = super().clean(data, initial)
        if upload:
            check_scan(upload)
        return upload
