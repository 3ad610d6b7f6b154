"""Uploads are typed by their content, never by name or header."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from motcua.api.errors import ApiError
from motcua.api.uploads import check_upload, sniff_content_type

PDF = b"%PDF-1.7\n1 0 obj\n<<>>\nendobj\n"
JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + b"\x00" * 32
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32
EXE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff" + b"\x00" * 32


def test_known_signatures_are_recognised() -> None:
    assert sniff_content_type(PDF) == "application/pdf"
    assert sniff_content_type(JPEG) == "image/jpeg"
    assert sniff_content_type(PNG) == "image/png"
    assert sniff_content_type(EXE) is None
    assert sniff_content_type(b"") is None


def test_renamed_executable_as_photo_jpg_is_refused() -> None:
    upload = SimpleUploadedFile("photo.jpg", EXE, content_type="image/jpeg")
    with pytest.raises(ApiError) as refused:
        check_upload(upload)
    assert refused.value.code == "unsupported_file_type"
    assert refused.value.status == 415


def test_real_pdf_named_anything_is_accepted_as_pdf() -> None:
    assert check_upload(SimpleUploadedFile("giay-to.png", PDF, content_type="image/png")) == "application/pdf"


def test_too_large_file_is_refused(settings: object) -> None:
    settings.MOTCUA_UPLOAD_MAX_BYTES = 16  # type: ignore[attr-defined]
    with pytest.raises(ApiError) as refused:
        check_upload(SimpleUploadedFile("to.pdf", PDF, content_type="application/pdf"))
    assert refused.value.code == "file_too_large"
    assert refused.value.status == 413

