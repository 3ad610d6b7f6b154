"""Scans attached to a dossier from a form: PDF, JPEG or PNG proven by their first bytes."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext_lazy as _

from motcua.dossiers.uploads import ACCEPT, UploadProblem, check_upload


def check_scan(upload: UploadedFile) -> None:
    try:
        check_upload(upload)
    except UploadProblem as problem:
        raise forms.ValidationError(problem.message) from None


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
