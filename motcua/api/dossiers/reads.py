"""Reads: scoped lists and details, the timeline, files and slips; the public lookup.

Every read starts from `Dossier.objects.visible_to(user)` (rule 9); a dossier outside the caller's
scope is 404, exactly like one that does not exist, so codes cannot be probed.
"""

from __future__ import annotations

import io
from typing import Any

from django.http import FileResponse, HttpRequest, HttpResponse
from django.utils.translation import gettext
from ninja import Query

from motcua.accounts.models import Role
from motcua.api.auth import require_user
from motcua.api.common import (
    Code,
    Id,
    PageOut,
    paginate,
)
from motcua.api.dossiers.schemas import (
    ERRORS,
    DossierDetail,
    DossierFilters,
    DossierSummary,
    EventOut,
    ExportFilters,
    LookupIn,
    LookupOut,
    SlipKind,
    detail,
    get_visible,
    lookup_router,
    router,
    summary,
    visible_dossiers,
)
from motcua.api.errors import ApiError, forbidden, not_found
from motcua.api.throttles import LookupThrottle
from motcua.dossiers import deadlines, digital
from motcua.dossiers import lookup as public_lookup
from motcua.dossiers.models import (
    DossierFile,
    Status,
)
from motcua.dossiers.presentation import file_response, timeline

# ------------------------------------------------------------------------------ reads

@router.get("", response={200: PageOut[DossierSummary], **ERRORS},
            summary="Hồ sơ trong phạm vi của người dùng (lọc, phân trang; số định danh được che)")
def list_dossiers(request: HttpRequest, filters: Query[DossierFilters]) -> dict[str, Any]:
    user = require_user(request)
    dossiers = visible_dossiers(user)
    if filters.status is not None:
        dossiers = dossiers.filter(status=filters.status)
    if filters.procedure:
        dossiers = dossiers.filter(version__procedure__code=filters.procedure)
    now = deadlines.Thresholds.at()  # due soon / overdue as the clock says now
    if filters.deadline:
        dossiers = dossiers.filter(deadlines.condition(filters.deadline, now))
    if filters.code:
        dossiers = dossiers.filter(code__contains=filters.code)
    if filters.received_from:
        dossiers = dossiers.filter(received_at__date__gte=filters.received_from)
    if filters.received_to:
        dossiers = dossiers.filter(received_at__date__lte=filters.received_to)
    page = paginate(
        dossiers.annotate(deadline=deadlines.annotation(now)).order_by("-submitted_at", "-id"),
        filters.page, filters.page_size,
    )
    page["items"] = [summary(d) for d in page["items"]]
    return page


@router.get("/export", response=ERRORS, summary="Xuất danh sách hồ sơ của cơ quan (CSV, XLSX, JSONL)",
            openapi_extra={"responses": {"200": {"description": "Tệp xuất", "content": {
                "text/csv": {"schema": {"type": "string"}},
                "application/x-ndjson": {"schema": {"type": "string"}},
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": {
                    "schema": {"type": "string", "format": "binary"}},
            }}}})
def export_dossiers(request: HttpRequest, filters: Query[ExportFilters]) -> HttpResponse:
    from motcua.dossiers import export

    user = require_user(request)
    allowed = user.is_superuser or user.role == Role.SYSTEM_ADMIN or (
        user.is_officer and user.role in (Role.LEADER, Role.CENTER_MANAGER))
    if not allowed:
        raise forbidden(gettext("Chỉ lãnh đạo và quản lý trung tâm được xuất danh sách hồ sơ."))
    if filters.end < filters.start or (filters.end - filters.start).days > 366:
        message = gettext("Khoảng thời gian xuất phải từ ngày bắt đầu đến ngày kết thúc, tối đa một năm.")
        raise ApiError("validation_error", message, 422, {"end": [message]})
    if (problem := export.outside_calendar(filters.start, filters.end)) is not None:
        raise ApiError("validation_error", problem, 422, {"end": [problem]})
    agency = None if (user.is_superuser or user.role == Role.SYSTEM_ADMIN) else user.agency
    out = io.BytesIO()
    export.write(filters.format, export.rows(filters.start, filters.end, agency), out)
    content_types = {"csv": "text/csv", "jsonl": "application/x-ndjson",
                     "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}
    response = HttpResponse(out.getvalue(), content_type=content_types[filters.format])
    response["Content-Disposition"] = (
        f'attachment; filename="ho-so-{filters.start:%Y%m%d}-{filters.end:%Y%m%d}.{filters.format}"')
    return response


@router.get("/{code}", response={200: DossierDetail, **ERRORS}, summary="Chi tiết hồ sơ")
def get_dossier(request: HttpRequest, code: Code) -> dict[str, Any]:
    user = require_user(request)
    return detail(get_visible(user, code), user)


@router.get("/{code}/timeline", response={200: list[EventOut], **ERRORS}, summary="Nhật ký xử lý hồ sơ")
def dossier_timeline(request: HttpRequest, code: Code) -> list[dict[str, Any]]:
    user = require_user(request)
    dossier = get_visible(user, code)
    # Citizens read what the portal shows them (portal.presentation.timeline): no internal steps,
    # no officers' names, no internal data; officers read the whole record.
    entries = timeline(dossier, for_citizen=user.role == Role.CITIZEN)
    return [{"seq": e.seq, "at": e.at, "action": e.action, "actor": e.actor or None,
             "from_status": e.from_status, "to_status": e.status_code, "reason": e.reason, "data": e.data}
            for e in entries]


FILE_RESPONSE = {"responses": {"200": {"description": "Tệp (PDF, JPEG hoặc PNG)", "content": {
    "application/pdf": {"schema": {"type": "string", "format": "binary"}},
    "image/jpeg": {"schema": {"type": "string", "format": "binary"}},
    "image/png": {"schema": {"type": "string", "format": "binary"}},
}}}}


@router.get("/{code}/files/{file_id}", response=ERRORS, openapi_extra=FILE_RESPONSE,
            summary="Tải tệp đính kèm (chỉ người được xem hồ sơ)")
def download_file(request: HttpRequest, code: Code, file_id: Id) -> FileResponse:
    dossier = get_visible(require_user(request), code)
    attached = DossierFile.objects.filter(dossier=dossier, pk=file_id).select_related("document").first()
    if attached is None:
        raise not_found(gettext("Không tìm thấy tệp đính kèm."))
    digital.log_officer_opening(request.user, attached, dossier)  # a copy from the citizen's warehouse
    return file_response(attached.file, attached.original_name or "tep", attached.content_type)


PDF_RESPONSE = {"responses": {"200": {"description": "PDF", "content": {
    "application/pdf": {"schema": {"type": "string", "format": "binary"}}}}}}


@router.get("/{code}/slips/{kind}", response=ERRORS, openapi_extra=PDF_RESPONSE,
            summary="Phiếu của hồ sơ (PDF): tiếp nhận 01, bổ sung 02, từ chối 03, xin lỗi 04, "
                    "dừng, kiểm soát 05")
def dossier_slip(request: HttpRequest, code: Code, kind: SlipKind) -> HttpResponse:
    from motcua.dossiers import slips  # reportlab is loaded when a slip is asked for, not at start

    dossier = get_visible(require_user(request), code)
    try:
        pdf = slips.SLIPS[kind.value](dossier)
    except slips.SlipNotAvailable as refusal:
        # The slips module decides (slips.is_available): its act did not happen (yet). The caller
        # sees the dossier, so this is its state (409), not a missing resource (404 = out of scope).
        raise ApiError("slip_not_available", str(refusal), 409) from None
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{dossier.code}-{kind.value}.pdf"'
    return response


# ------------------------------------------------------------------------------ public lookup

@lookup_router.post("", response={200: LookupOut, **ERRORS}, throttle=[LookupThrottle()],
                    summary="Tra cứu hồ sơ bằng mã hồ sơ và số định danh của người nộp")
def lookup(request: HttpRequest, payload: LookupIn) -> dict[str, Any]:
    # POST, not GET: the ID number must not end up in URLs and access logs.
    try:
        dossier = public_lookup.find(request, payload.code, payload.id_number)
    except public_lookup.LookupLimited as limited:
        raise ApiError("rate_limited", str(limited), 429) from None
    if dossier is None:
        # The same answer whether the code exists or the ID number is wrong.
        raise not_found(gettext("Không tìm thấy hồ sơ với mã và số định danh đã nhập."))
    return {
        "code": dossier.code, "procedure_name": dossier.version.procedure.name, "status": dossier.status,
        "status_label": str(Status(dossier.status).label), "applicant_id_masked": dossier.applicant.masked_id,
        "received_at": dossier.received_at, "due_at": dossier.due_at,
        "new_appointment_at": dossier.new_appointment_at, "returned_at": dossier.returned_at,
    }
