"""Writes that create a dossier or bring files: online submission, reception and refusal at the
counter, attaching a file. Every file is checked before anything is written.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils import timezone, translation
from django.utils.translation import gettext
from ninja import File, Form
from ninja.files import UploadedFile
from ninja.responses import Status as HttpStatus

from motcua.accounts.models import Role
from motcua.api.auth import require_user
from motcua.api.common import (
    Code,
)
from motcua.api.dossiers.schemas import (
    ERRORS,
    MAX_FILES,
    ApplicantIn,
    CounterIn,
    CounterRefusalIn,
    DossierDetail,
    FileOut,
    HandedInIn,
    SubmitIn,
    _file,
    created,
    get_visible,
    router,
)
from motcua.api.errors import ApiError, forbidden, not_found
from motcua.api.throttles import SubmissionThrottle
from motcua.api.uploads import check_upload
from motcua.catalog import services as catalog_services
from motcua.catalog.models import ProcedureVersion
from motcua.dossiers import services
from motcua.dossiers.models import (
    Applicant,
)
from motcua.dossiers.services.keys import fingerprint
from motcua.geography import services as geography
from motcua.geography.models import COMMUNE_LEVELS, Unit

# ------------------------------------------------------------------------------ Idempotency-Key

IDEMPOTENCY_HEADER = "Idempotency-Key"
# Printable ASCII, as the IETF httpapi draft's examples (a UUID, or any string of the client's).
_KEY_RE = re.compile(r"^[\x21-\x7e]{1,255}$")

IDEMPOTENCY_DOC = (
    "**Idempotency-Key** (tùy chọn, theo dự thảo IETF httpapi-idempotency-key-header): một chuỗi "
    "do ứng dụng tự sinh (ví dụ UUID), tối đa 255 ký tự ASCII in được, có thể đặt trong ngoặc kép. "
    "Gửi lại cùng khóa từ cùng tài khoản với cùng nội dung (mất mạng, hết thời gian chờ) không "
    "tạo hồ sơ thứ hai: trả lời lại 201 với hồ sơ đã tạo lần đầu (tình trạng hiện tại của nó) và "
    "header `Idempotent-Replayed: true`. Cùng khóa với nội dung khác: 422 "
    "`submission_key_reused`, không tạo gì. Khóa được nhớ ít nhất 24 giờ, riêng cho từng tài "
    "khoản. Hai yêu cầu cùng khóa gửi đồng thời cũng chỉ tạo một hồ sơ.\n\n"
    "The optional `Idempotency-Key` header: the same key from the same account with the same body "
    "creates nothing the second time and answers 201 with the first dossier; with another body, 422."
)
IDEMPOTENCY_OPENAPI: dict[str, Any] = {"parameters": [{
    "in": "header", "name": IDEMPOTENCY_HEADER, "required": False,
    "schema": {"type": "string", "maxLength": 255},
    "description": "Khóa chống tạo trùng hồ sơ (xem mô tả thao tác) — one key per new dossier.",
}]}


def _once(request: HttpRequest, endpoint: str, body: Any,
          files: Sequence[UploadedFile] = ()) -> services.SubmissionOnce | None:
    """The request's `Idempotency-Key` with the digest of what it asks (its endpoint, its fields
    and each file's content), or None without the header."""
    raw = request.headers.get(IDEMPOTENCY_HEADER)
    if raw is None:
        return None
    key = raw.strip()
    if len(key) >= 2 and key[0] == key[-1] == '"':  # a structured-field string, as the draft writes it
        key = key[1:-1]
    if not _KEY_RE.match(key):
        message = gettext("Idempotency-Key phải là chuỗi 1–255 ký tự ASCII in được.")
        raise ApiError("validation_error", message, 422, {IDEMPOTENCY_HEADER: [message]})
    return services.SubmissionOnce(key, fingerprint(endpoint, body, files))


def _created_once(user: Any, create: Callable[[], Any]) -> HttpResponse:
    """201 with the new dossier; for a repeated key, 201 with the dossier its first request created."""
    try:
        dossier = create()
    except services.AlreadySubmitted as repeat:
        response = created(get_visible(user, repeat.dossier.code), user)
        response["Idempotent-Replayed"] = "true"
        return response
    return created(dossier, user)


# Literal paths (/counter…) come before /{code}, which would otherwise match them: this module is
# imported before `reads` (see the package).
@router.post("/counter", response={201: DossierDetail, **ERRORS},
             summary="Cán bộ một cửa tiếp nhận hồ sơ nộp trực tiếp hoặc qua bưu chính (→ 2, mẫu 01)",
             description=IDEMPOTENCY_DOC, openapi_extra=IDEMPOTENCY_OPENAPI)
def receive_at_counter(request: HttpRequest, payload: CounterIn) -> HttpResponse:
    user = require_user(request)
    once = _once(request, "counter", payload.model_dump(mode="json"))
    version = _version_in_force(payload.procedure_code)
    return _created_once(user, lambda: services.receive_new_dossier(
        user, version, _counter_applicant(payload.applicant), channel=payload.channel,
        request=payload.request, sets=payload.sets, documents=_handed_in(payload.documents),
        result_delivery=payload.result_delivery, land_unit=_address_unit(payload.land_unit, "land_unit"),
        forward=payload.forward, once=once))


def _version_in_force(code: str) -> ProcedureVersion:
    """Today's version of the procedure `code`, as this process keeps it for the catalog's token."""
    return services.version_in_force(code, timezone.localdate(), catalog_services.snapshot())


def _counter_applicant(data: ApplicantIn) -> Applicant:
    return Applicant(kind=data.kind, name=data.name, id_number=data.id_number, phone=data.phone,
                     email=data.email, street=data.street.strip(),
                     address_unit=_address_unit(data.address_unit, "applicant.address_unit"))


def _handed_in(documents: list[HandedInIn]) -> list[services.Supplied]:
    return [services.Supplied(d.name, d.originals, d.certified_copies, d.photocopies, d.requirement_id)
            for d in documents]


@router.post("/counter/refuse", response={201: DossierDetail, **ERRORS},
             summary="Từ chối tiếp nhận hồ sơ nộp trực tiếp hoặc qua bưu chính (→ 3, mẫu 03, có mã hồ sơ)",
             description=IDEMPOTENCY_DOC, openapi_extra=IDEMPOTENCY_OPENAPI)
def refuse_at_counter(request: HttpRequest, payload: CounterRefusalIn) -> HttpResponse:
    user = require_user(request)
    once = _once(request, "counter/refuse", payload.model_dump(mode="json"))
    version = _version_in_force(payload.procedure_code)
    return _created_once(user, lambda: services.refuse_new_dossier(
        user, version, _counter_applicant(payload.applicant), payload.reason, channel=payload.channel,
        request=payload.request, documents=_handed_in(payload.documents), once=once))


# ------------------------------------------------------------------------------ writes

def _checked_uploads(files: list[UploadedFile] | None) -> list[UploadedFile]:
    """Every file checked (count, size, type by content) before anything is written."""
    uploads = list(files or [])
    if len(uploads) > MAX_FILES:
        message = gettext("Mỗi lần gửi tối đa %(count)d tệp.") % {"count": MAX_FILES}
        raise ApiError("validation_error", message, 422, {"files": [message]})
    for upload in uploads:
        check_upload(upload)
    return uploads


def _online_files(requirement_ids: list[int], uploads: list[UploadedFile]) -> list[services.Upload]:
    """Each file with its requirement; `submit_online` checks them against the catalog.

    (Like the portal: the documents handed in are those with a file, counts from the catalog;
    every always-required document needs its file, else `documents_missing`, 422.)
    """
    if len(requirement_ids) != len(uploads):
        message = gettext("Mỗi tệp cần đúng một mã thành phần hồ sơ (requirement_ids), theo thứ tự các tệp.")
        raise ApiError("validation_error", message, 422, {"requirement_ids": [message]})
    return list(zip(requirement_ids, uploads, strict=True))


def _address_unit(code: str | None, field: str = "applicant_address_unit") -> Unit | None:
    """The applicant's commune or ward: a unit in force today directly under the province.

    The same choice the portal offers (its "Xã, phường nơi cư trú" list); anything else is a
    422 on the field, before anything is written.
    """
    if code is None or not code.strip():
        return None
    try:
        unit = geography.unit_on(code, timezone.localdate())
    except geography.GeographyError as error:
        message = str(error)
    else:
        parent = unit.parent
        if (unit.level in COMMUNE_LEVELS and parent is not None and parent.level == Unit.Level.PROVINCE
                and parent.code == settings.MOTCUA_PROVINCE_CODE):
            return unit
        message = gettext("Mã %(code)s là %(name)s, không phải xã, phường hoặc đặc khu của tỉnh.") % {
            "code": unit.code, "name": unit.name}
    raise ApiError("validation_error", message, 422, {field: [message]})


@router.post("", response={201: DossierDetail, **ERRORS}, throttle=[SubmissionThrottle()],
             summary="Công dân nộp hồ sơ trực tuyến kèm tệp (multipart)",
             description=IDEMPOTENCY_DOC, openapi_extra=IDEMPOTENCY_OPENAPI)
def submit_dossier(request: HttpRequest, data: Form[SubmitIn],
                   files: File[list[UploadedFile]] = None) -> HttpResponse:  # type: ignore[assignment]
    user = require_user(request)
    if user.role != Role.CITIZEN:
        raise forbidden(gettext("Chỉ công dân nộp hồ sơ trực tuyến; cán bộ tiếp nhận tại quầy."))
    # Every file is checked before anything is written: a refused file leaves nothing behind.
    uploads = _checked_uploads(files)
    once = _once(request, "submit", data.model_dump(mode="json"), uploads)
    # One statement: the catalog's generation; the agency and the version in force with its
    # requirements are then what this process keeps for it (catalog.services.snapshot).
    catalog = catalog_services.snapshot()
    receiving = catalog.active_agency(data.receiving_agency)
    if receiving is None:
        raise not_found(gettext("Không tìm thấy cơ quan có mã %(code)s.") % {"code": data.receiving_agency})
    version = services.version_in_force(data.procedure_code, timezone.localdate(), catalog)
    # As the portal's form does: the address goes on the applicant, and submit_online routes a
    # commune-level dossier received at the provincial centre to the committee of that commune
    # (no_competent_agency, 422, when it is needed and missing).
    applicant = Applicant(
        kind=Applicant.Kind.CITIZEN, name=data.applicant_name or user.full_name or user.username,
        id_number=data.applicant_id_number or user.id_number, phone=data.applicant_phone,
        email=data.applicant_email, address_unit=_address_unit(data.applicant_address_unit),
        street=data.applicant_street.strip(), user=user,
    )
    pairs = _online_files(data.requirement_ids, uploads)
    if len(data.reused_requirement_ids) != len(data.warehouse_document_ids):
        message = gettext("Mỗi giấy tờ dùng lại cần đúng một mã thành phần hồ sơ (reused_requirement_ids).")
        raise ApiError("validation_error", message, 422, {"reused_requirement_ids": [message]})
    reused = list(zip(data.reused_requirement_ids, data.warehouse_document_ids, strict=True))
    # One service call: it checks the documents, stores the files and removes them if it fails.
    # Slips and notices in the language asked for, else the one the request is in
    # (LocaleMiddleware: the session's language, then Accept-Language), as on the portal.
    land_unit = _address_unit(data.land_unit, "land_unit")
    return _created_once(user, lambda: services.submit_online(
        user, version, applicant, receiving, request=data.request, files=pairs, reused=reused,
        result_delivery=data.result_delivery, land_unit=land_unit,
        language=data.language or translation.get_language(), once=once))


@router.post("/{code}/files", response={201: FileOut, **ERRORS}, throttle=[SubmissionThrottle()],
             summary="Đính kèm tệp vào hồ sơ (PDF, JPEG, PNG)")
def upload_file(request: HttpRequest, code: Code, file: File[UploadedFile]) -> HttpStatus:
    user = require_user(request)
    dossier = get_visible(user, code)
    check_upload(file)
    attached = services.attach_file(user, dossier, file)
    return HttpStatus(201, _file(dossier, attached))
