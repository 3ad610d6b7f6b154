"""/api/v1/documents: verify a signed PDF (public) and read one's own data warehouse (signed in)."""

from __future__ import annotations

import datetime as dt
import hashlib
import uuid
from typing import Any

from django.http import HttpRequest
from django.utils.translation import gettext
from ninja import File, Router, Schema
from ninja.files import UploadedFile

from motcua.accounts.privacy import mask_id_number
from motcua.accounts.verification import counter_code
from motcua.api.auth import SIGNED_IN, require_user
from motcua.api.errors import ERROR_STATUSES, ApiError, ErrorOut, not_found
from motcua.documents import services
from motcua.documents.models import SignedDocument
from motcua.documents.verification import Verification, verify_bytes

router = Router(tags=["documents"])
MAX_VERIFY_BYTES = 20 * 1024 * 1024


class IssuedOut(Schema):
    id: str
    name: str
    agency_code: str
    agency_name: str
    dossier_code: str
    procedure_code: str
    holder: str  # masked
    issued_at: dt.datetime


class VerificationOut(Schema):
    verdict: str  # valid | modified | unknown_signer | unsigned | not_pdf
    label: str
    signer: str
    signed_at: dt.datetime | None
    timestamped: bool
    issued: IssuedOut | None


class WarehouseDocumentOut(Schema):
    id: int
    document_type: str
    number: str
    issuer: str
    issue_date: dt.date | None
    valid_until: dt.date | None
    origin: str
    pages: int
    hidden: bool


def _out(result: Verification, document: SignedDocument | None) -> dict[str, Any]:
    issued = None
    if document is not None:
        issued = {
            "id": str(document.pk), "name": document.name, "agency_code": document.agency.code,
            "agency_name": document.agency.name, "dossier_code": document.dossier_code,
            "procedure_code": document.procedure_code,
            "holder": mask_id_number(document.holder_identifier), "issued_at": document.issued_at,
        }
    return {"verdict": result.verdict.value, "label": result.label, "signer": result.signer,
            "signed_at": result.signed_at, "timestamped": result.timestamped, "issued": issued}


@router.post("/verify", response={200: VerificationOut, ERROR_STATUSES: ErrorOut},
             summary="Xác thực tệp PDF đã ký số")
def verify_upload(request: HttpRequest, file: File[UploadedFile]) -> dict[str, Any]:
    if file.size is not None and file.size > MAX_VERIFY_BYTES:
        raise ApiError("file_too_large", gettext("Tệp quá lớn (tối đa 20 MB)."), 413)
    data = file.read()
    document = SignedDocument.objects.select_related("agency").filter(
        sha256=hashlib.sha256(data).hexdigest()).first()
    return _out(verify_bytes(data), document)


@router.get("/verify/{document_id}", response={200: VerificationOut, ERROR_STATUSES: ErrorOut},
            summary="Xác thực giấy tờ do hệ thống ban hành (mã trong QR)")
def verify_issued(request: HttpRequest, document_id: uuid.UUID) -> dict[str, Any]:
    document = SignedDocument.objects.select_related("agency").filter(pk=document_id).first()
    if document is None:
        raise not_found()
    with document.file.open("rb") as handle:
        return _out(verify_bytes(handle.read()), document)


@router.get("/warehouse", auth=SIGNED_IN, summary="Kho dữ liệu của tôi",
            response={200: list[WarehouseDocumentOut], ERROR_STATUSES: ErrorOut})
def my_warehouse(request: HttpRequest) -> list[dict[str, Any]]:
    user = require_user(request)
    if not user.verified_id_number:  # a typed, unproven number opens nobody's documents
        return []
    return [
        {"id": d.pk, "document_type": d.document_type, "number": d.number, "issuer": d.issuer,
         "issue_date": d.issue_date, "valid_until": d.valid_until, "origin": d.origin, "pages": d.pages,
         "hidden": d.hidden_at is not None}
        for d in services.warehouse_of(user.verified_id_number)[:500]
    ]


class CounterCodeOut(Schema):
    verified: bool  # the account's ID number is proven: its warehouse is open
    code: str  # while not proven: six digits to read to the one-stop officer with the ID card
    valid_until: dt.datetime | None


@router.get("/warehouse/counter-code", auth=SIGNED_IN, summary="Mã xác thực số định danh tại bộ phận một cửa",
            response={200: CounterCodeOut, ERROR_STATUSES: ErrorOut})
def my_counter_code(request: HttpRequest) -> dict[str, Any]:
    """What the warehouse page shows an account whose ID number is not proven yet
    (motcua.accounts.verification): a phone app shows the same code."""
    user = require_user(request)
    if not user.id_number:
        raise ApiError("no_id_number", gettext("Tài khoản của bạn chưa có số định danh cá nhân."), 409)
    if user.verified_id_number:
        return {"verified": True, "code": "", "valid_until": None}
    code, valid_until = counter_code(user)
    return {"verified": False, "code": code, "valid_until": valid_until}
