"""Uploads through the API: the shared content check, turned into the API's error format."""

from __future__ import annotations

from django.core.files.uploadedfile import UploadedFile

from motcua.api.errors import ApiError
from motcua.dossiers.uploads import UploadProblem, sniff_content_type
from motcua.dossiers.uploads import check_upload as check_content

__all__ = ["check_upload", "sniff_content_type"]

STATUS = {"file_too_large": 413, "unsupported_file_type": 415}


def check_upload(upload: UploadedFile, field: str = "files") -> str:
    """Refuse a file that is too big or not a PDF/JPEG/PNG by content; return its real content type.

    `field` names the form field in the error's `fields`, with the refused file's name.
    """
    try:
        return check_content(upload)
    except UploadProblem as problem:
        fields = {field: [upload.name or ""]}
        raise ApiError(problem.code, problem.message, STATUS[problem.code], fields) from None
