"""Dossier endpoints: scoped reads, online submission with attachments, one endpoint per transition.

Every write calls one function of `motcua.dossiers.services` (STYLE.md rules 1, 2): this module
checks who asks and what they sent, and turns `DossierError` into the error format. Every read
starts from `Dossier.objects.visible_to(user)` (rule 9); a dossier outside the caller's scope is
404, exactly like one that does not exist, so codes cannot be probed.
"""

from __future__ import annotations

import datetime as dt
import enum
import io
from collections.abc import Callable
from typing import Annotated, Any, Literal

from django.conf import settings
from django.db.models import QuerySet
from django.http import FileResponse, HttpRequest, HttpResponse
from django.utils import timezone, translation
from django.utils.translation import gettext
from ninja import File, Form, Query, Router, Schema
from ninja.files import UploadedFile
from ninja.responses import Status as HttpStatus
from pydantic import AfterValidator, StringConstraints, field_validator
from pydantic import Field as PydanticField

from motcua.accounts.models import Role, User
from motcua.agencies.models import Agency
from motcua.api.auth import SIGNED_IN, require_user
from motcua.api.common import (
    Code,
    FormOrJson,
    Id,
    PageNumber,
    PageOut,
    PageSize,
    ShortText,
    Text,
    json_body_too,
    json_items,
    paginate,
    printable_text,
)
from motcua.api.errors import ERROR_STATUSES, ApiError, ErrorOut, forbidden, not_found
from motcua.api.throttles import LookupThrottle, SubmissionThrottle
from motcua.api.uploads import check_upload
from motcua.dossiers import deadlines, digital, permissions, services
from motcua.dossiers import lookup as public_lookup
from motcua.dossiers.models import (
    ID_NUMBER_MAX_LENGTH,
    ID_NUMBER_PATTERN,
    PHONE_MAX_LENGTH,
    PHONE_PATTERN,
    Applicant,
    Deadline,
    Dossier,
    DossierFile,
    DossierStep,
    ResultDelivery,
    Status,
)
from motcua.dossiers.presentation import file_response, timeline
from motcua.geography import services as geography
from motcua.geography.models import COMMUNE_LEVELS, Unit

# The applicant's identifiers: the model's lengths and characters (dossiers.models), so what the
# schema accepts the database stores (a 21-character phone was a 500).
IdNumber = Annotated[str, StringConstraints(max_length=ID_NUMBER_MAX_LENGTH, pattern=ID_NUMBER_PATTERN),
                     AfterValidator(printable_text)]
Phone = Annotated[str, StringConstraints(max_length=PHONE_MAX_LENGTH, pattern=PHONE_PATTERN),
                  AfterValidator(printable_text)]

router = Router(tags=["dossiers"], auth=SIGNED_IN)
lookup_router = Router(tags=["lookup"])

ERRORS: dict[Any, Any] = {ERROR_STATUSES: ErrorOut}


# ------------------------------------------------------------------------------ schemas

# Files per request (submission, supplement).
MAX_FILES = 20

# The applicant's languages: settings.LANGUAGES (a test keeps them equal).
Language = Literal["vi", "en"]


# The kinds of motcua.dossiers.slips.SLIPS (a test keeps them equal).
class SlipKind(enum.StrEnum):
    RECEIPT = "receipt"
    SUPPLEMENT = "supplement"
    REFUSAL = "refusal"
    APOLOGY = "apology"
    STOP = "stop"
    CONTROL = "control"


class AgencyRef(Schema):
    code: str
    name: str


class StepOut(Schema):
    order: int
    name: str
    role: str
    agency_code: str
    started_at: dt.datetime | None
    due_at: dt.datetime | None
    finished_at: dt.datetime | None


class ApplicantOut(Schema):
    kind: str
    name: str
    id_number: str
    phone: str
    email: str
    language: str
    address_unit_code: str | None = PydanticField(description="Mã xã, phường nơi người nộp cư trú")
    street: str


class DocumentOut(Schema):
    requirement_id: int | None = PydanticField(description="Thành phần hồ sơ của danh mục (nếu có)")
    name: str
    originals: int
    certified_copies: int
    photocopies: int
    supplied_in_supplement: bool
    warehouse_document_id: int | None = PydanticField(
        None, description="Giấy tờ trong kho dữ liệu của công dân được dùng lại (nếu có)")


class FileOut(Schema):
    id: int
    original_name: str
    uploaded_at: dt.datetime
    url: str


class SupplementOut(Schema):
    number: int
    items: list[str]
    reason: str
    requested_at: dt.datetime
    answered_at: dt.datetime | None


class DossierSummary(Schema):
    code: str
    procedure_code: str
    procedure_name: str
    channel: str
    status: int
    status_label: str
    deadline_state: str
    applicant_name: str
    applicant_id_masked: str
    receiving_agency_code: str
    competent_agency_code: str
    submitted_at: dt.datetime | None
    received_at: dt.datetime | None
    due_at: dt.datetime | None


class DossierDetail(Schema):
    code: str
    revision: int
    procedure_code: str
    procedure_name: str
    version_valid_from: dt.date
    channel: str
    status: int
    status_label: str
    sub_state: str
    deadline_state: str
    request: str
    result_delivery: ResultDelivery = PydanticField(description="Hình thức nhận kết quả")
    available_actions: list[str] = PydanticField(
        description="Thao tác người gọi được thực hiện trên hồ sơ lúc này (đúng như dịch vụ sẽ chấp nhận): "
                    "tên điểm cuối POST /dossiers/{code}/…, dấu gạch dưới thay cho gạch nối")
    applicant: ApplicantOut
    receiving_agency: AgencyRef
    competent_agency: AgencyRef
    submitted_at: dt.datetime | None
    received_at: dt.datetime | None
    due_at: dt.datetime | None
    new_appointment_at: dt.datetime | None
    finished_at: dt.datetime | None
    returned_at: dt.datetime | None
    supplement_count: int
    fee_amount: int | None
    paid_at: dt.datetime | None
    result_text: str
    current_step: StepOut | None
    steps: list[StepOut]
    documents: list[DocumentOut]
    files: list[FileOut]
    supplement_requests: list[SupplementOut]
    available_slips: list[SlipKind] = PydanticField(
        description="Phiếu đã có của hồ sơ (GET /dossiers/{code}/slips/{kind}), theo trạng thái hiện tại")


class EventOut(Schema):
    seq: int
    at: dt.datetime
    action: str
    actor: str | None
    from_status: int | None
    to_status: int | None
    reason: str
    data: dict[str, Any]


class DossierFilters(Schema):
    status: Status | None = None
    procedure: Code | None = None
    deadline: Deadline | None = None
    code: Code | None = PydanticField(None, description="Một phần mã hồ sơ")
    received_from: dt.date | None = None
    received_to: dt.date | None = None
    page: PageNumber = 1
    page_size: PageSize = 20


class SubmitIn(Schema):
    procedure_code: Code
    receiving_agency: Code = PydanticField(description="Mã Trung tâm Phục vụ hành chính công tiếp nhận")
    request: Text = PydanticField("", max_length=5000)
    applicant_name: ShortText | None = PydanticField(None, description="Mặc định: họ tên của tài khoản")
    applicant_id_number: IdNumber | None = PydanticField(
        None, description="Mặc định: số định danh của tài khoản")
    applicant_phone: Phone = ""
    applicant_email: ShortText = ""
    applicant_address_unit: Code | None = PydanticField(
        None, description="Mã xã, phường, đặc khu nơi người nộp cư trú: đơn vị của tỉnh đang có hiệu lực "
                          "hôm nay (GET /units). Cần cho hồ sơ cấp xã nộp tại Trung tâm tỉnh: hồ sơ được "
                          "chuyển đến Ủy ban nhân dân của xã, phường này.")
    applicant_street: Text = PydanticField("", max_length=300, description="Số nhà, đường, thôn, xóm")
    land_unit: Code | None = PydanticField(
        None, description="Mã xã, phường, đặc khu nơi có đất (GET /units): thủ tục đất đai do Ủy ban "
                          "nhân dân nơi có đất giải quyết (GET /catalog/procedures/{code}: "
                          "`place_basis` = land).")
    requirement_ids: list[Id] = PydanticField(
        [], max_length=MAX_FILES,
        description="Thành phần hồ sơ của từng tệp, theo thứ tự các phần `files`: `id` của thành phần "
                    "(GET /catalog/procedures/{code}, `version.requirements`). Như trên cổng: hồ sơ "
                    "ghi nhận các giấy tờ có tệp, với số bản của danh mục; mọi thành phần `required` "
                    "phải có tệp.")
    result_delivery: ResultDelivery = PydanticField(ResultDelivery.CENTRE,
                                                    description="Hình thức nhận kết quả")
    language: Language | None = PydanticField(
        None, description="Ngôn ngữ của người nộp, dùng cho phiếu và thông báo của hồ sơ; "
                          "mặc định: ngôn ngữ của yêu cầu (Accept-Language)")
    warehouse_document_ids: list[Id] = PydanticField(
        [], max_length=MAX_FILES,
        description="Dùng lại giấy tờ trong kho dữ liệu của người nộp thay cho tệp (GET "
                    "/documents/warehouse): `id` của giấy tờ, theo thứ tự `reused_requirement_ids`.")
    reused_requirement_ids: list[Id] = PydanticField(
        [], max_length=MAX_FILES,
        description="Thành phần hồ sơ mà từng giấy tờ trong `warehouse_document_ids` đáp ứng.")


class ApplicantIn(Schema):
    kind: Applicant.Kind = Applicant.Kind.CITIZEN
    name: ShortText = PydanticField(min_length=1)
    id_number: IdNumber = PydanticField(min_length=1)
    phone: Phone = ""
    email: ShortText = ""
    address_unit: Code | None = PydanticField(
        None, description="Mã xã, phường, đặc khu nơi người nộp cư trú (GET /units): hộ tịch do nơi cư trú "
                          "giải quyết.")
    street: Text = PydanticField("", max_length=300)


class HandedInIn(Schema):
    """A document handed in at the counter, with its counts (a line of the receipt slip)."""

    requirement_id: Id | None = PydanticField(None, description="Thành phần hồ sơ của danh mục (nếu có)")
    name: ShortText = PydanticField(min_length=1)
    originals: int = PydanticField(0, ge=0, le=100)
    certified_copies: int = PydanticField(0, ge=0, le=100)
    photocopies: int = PydanticField(0, ge=0, le=100)


class CounterIn(Schema):
    procedure_code: Code
    applicant: ApplicantIn
    channel: Literal["counter", "postal"] = "counter"
    request: Text = PydanticField("", max_length=5000)
    sets: int = PydanticField(1, ge=1, le=100)
    documents: list[HandedInIn] = PydanticField(
        [], max_length=50,
        description="Đúng những giấy tờ người nộp mang đến (giấy tiếp nhận ghi các giấy tờ này)")
    result_delivery: ResultDelivery = ResultDelivery.CENTRE
    forward: bool = PydanticField(False, description="Tiếp nhận và chuyển xử lý ngay (bước tiếp theo)")
    land_unit: Code | None = PydanticField(
        None, description="Mã xã, phường, đặc khu nơi có đất (GET /units): thủ tục đất đai do Ủy ban "
                          "nhân dân nơi có đất giải quyết (GET /catalog/procedures/{code}: "
                          "`place_basis` = land).")


class CounterRefusalIn(Schema):
    procedure_code: Code
    applicant: ApplicantIn
    channel: Literal["counter", "postal"] = "counter"
    request: Text = PydanticField("", max_length=5000)
    reason: Text = PydanticField(max_length=5000)
    documents: list[HandedInIn] = PydanticField([], max_length=50)


class LookupIn(Schema):
    code: Code
    id_number: Code


class LookupOut(Schema):
    code: str
    procedure_name: str
    status: int
    status_label: str
    applicant_id_masked: str
    received_at: dt.datetime | None
    due_at: dt.datetime | None
    new_appointment_at: dt.datetime | None
    returned_at: dt.datetime | None


# Transition bodies: the fields each service needs. `revision` (optional) is the version of
# the dossier the client showed; if someone acted since, the answer is 409 already_handled.
class TransitionIn(Schema):
    revision: int | None = PydanticField(None, ge=0, le=2**31 - 1)


class ReceiveIn(TransitionIn):
    forward: bool = PydanticField(False, description="Tiếp nhận và chuyển xử lý ngay (bước tiếp theo)")


class NoteIn(TransitionIn):
    note: Text = PydanticField("", max_length=5000)


class ReasonIn(TransitionIn):
    reason: Text = PydanticField(max_length=5000)


class CompletionIn(ReasonIn):
    items: list[ShortText] = PydanticField(min_length=1, max_length=50)


class OptionalReasonIn(TransitionIn):
    reason: Text = PydanticField("", max_length=5000)


class ForwardIn(NoteIn):
    assignee: ShortText | None = PydanticField(
        None, description="Tên đăng nhập của người xử lý bước tiếp theo")


class AssignIn(TransitionIn):
    assignee: ShortText


class TransferIn(OptionalReasonIn):
    to_agency: Code


class SupplementIn(ReasonIn):
    items: list[ShortText] = PydanticField(min_length=1, max_length=50)
    override_reason: Text = PydanticField("", max_length=5000)


class PaymentIn(OptionalReasonIn):
    amount: int = PydanticField(ge=1, le=10**12)


class RecordPaymentIn(TransitionIn):
    online: bool = False
    reference: ShortText = ""


class ResultIn(TransitionIn):
    result_text: Text = PydanticField(max_length=10000)
    electronic: bool = False


DocumentName = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200),
                         AfterValidator(printable_text)]
Count = Annotated[int, PydanticField(ge=0, le=100)]


# A document handed in, with its counts (a line of the receipt slip's table): services.Supplied.
class SuppliedIn(Schema):
    name: DocumentName
    originals: Count = PydanticField(1, description="Số bản chính (mặc định 1, như trên cổng và tại quầy)")
    certified_copies: Count = 0
    photocopies: Count = 0


class CompletionFilesIn(NoteIn):
    requirement_ids: list[Id] = PydanticField(
        [], max_length=MAX_FILES, description="Thành phần hồ sơ của từng tệp, theo thứ tự các phần `files`")


class SupplementReceivedIn(NoteIn):
    documents: list[SuppliedIn] = PydanticField(
        [], max_length=50,
        description="Giấy tờ đã nhận bổ sung. Trong multipart: mỗi phần `documents` là một đối tượng JSON.")

    _documents_from_form = field_validator("documents", mode="before")(json_items)


class ApologyIn(ReasonIn):
    new_appointment: dt.datetime


class ExportFilters(Schema):
    start: dt.date
    end: dt.date
    format: str = PydanticField("csv", pattern="^(csv|xlsx|jsonl)$")


# ------------------------------------------------------------------------------ helpers

def visible_dossiers(user: User) -> QuerySet[Dossier]:
    return Dossier.objects.visible_to(user).select_related(
        "version__procedure", "applicant", "receiving_agency", "competent_agency",
        "current_step__agency",
    )


def get_visible(user: User, code: str) -> Dossier:
    dossier = visible_dossiers(user).filter(code=code).first()
    if dossier is None:
        raise not_found(gettext("Không tìm thấy hồ sơ %(code)s.") % {"code": code})
    return dossier


def _step(step: Any) -> dict[str, Any]:
    return {"order": step.order, "name": step.name, "role": step.role, "agency_code": step.agency.code,
            "started_at": step.started_at, "due_at": step.due_at, "finished_at": step.finished_at}


def _file(dossier: Dossier, attached: DossierFile) -> dict[str, Any]:
    return {"id": attached.pk, "original_name": attached.original_name, "uploaded_at": attached.uploaded_at,
            "url": f"/api/v1/dossiers/{dossier.code}/files/{attached.pk}"}


def _agency(agency: Agency) -> dict[str, str]:
    return {"code": agency.code, "name": agency.name}


def summary(dossier: Dossier) -> dict[str, Any]:
    return {
        "code": dossier.code, "procedure_code": dossier.version.procedure.code,
        "procedure_name": dossier.version.procedure.name, "channel": dossier.channel,
        "status": dossier.status, "status_label": str(Status(dossier.status).label),
        "deadline_state": dossier.deadline_now, "applicant_name": dossier.applicant.name,
        "applicant_id_masked": dossier.applicant.masked_id,
        "receiving_agency_code": dossier.receiving_agency.code,
        "competent_agency_code": dossier.competent_agency.code,
        "submitted_at": dossier.submitted_at, "received_at": dossier.received_at, "due_at": dossier.due_at,
    }


def _available(user: User | None, dossier: Dossier) -> list[str]:
    """The transitions the caller may run now: each one's predicate in `motcua.dossiers.permissions`."""
    if user is None:
        return []
    step = dossier.current_step
    order = step.order if step else 0
    following = (DossierStep.objects.filter(dossier_id=dossier.pk, order__gt=order, finished_at__isnull=True)
                 .order_by("order").first())
    return permissions.available_actions(user, dossier, following)


def detail(dossier: Dossier, user: User | None = None) -> dict[str, Any]:
    from motcua.dossiers import slips

    dossier = visible_dossiers_for_detail(dossier)
    applicant = dossier.applicant
    return {
        **summary(dossier),
        "revision": dossier.revision, "version_valid_from": dossier.version.valid_from,
        "sub_state": dossier.sub_state, "request": dossier.request,
        "result_delivery": dossier.result_delivery,
        "available_actions": _available(user, dossier),
        # Whoever may see the dossier handles it (or is the applicant): the full ID is shown here only.
        "applicant": {"kind": applicant.kind, "name": applicant.name, "id_number": applicant.id_number,
                      "phone": applicant.phone, "email": applicant.email, "language": applicant.language,
                      "address_unit_code": applicant.address_unit.code if applicant.address_unit else None,
                      "street": applicant.street},
        "receiving_agency": _agency(dossier.receiving_agency),
        "competent_agency": _agency(dossier.competent_agency),
        "new_appointment_at": dossier.new_appointment_at, "finished_at": dossier.finished_at,
        "returned_at": dossier.returned_at, "supplement_count": dossier.supplement_count,
        "fee_amount": dossier.fee_amount, "paid_at": dossier.paid_at, "result_text": dossier.result_text,
        "current_step": _step(dossier.current_step) if dossier.current_step else None,
        "steps": [_step(s) for s in dossier.steps.select_related("agency").order_by("order")],
        "documents": list(dossier.documents.all()),
        "files": [_file(dossier, f) for f in dossier.files.order_by("id")],
        "supplement_requests": list(dossier.supplement_requests.order_by("number")),
        "available_slips": [kind.value for kind in SlipKind if slips.is_available(dossier, kind.value)],
    }


def visible_dossiers_for_detail(dossier: Dossier) -> Dossier:
    # After a transition the caller's object has fresh columns but stale relations.
    return (Dossier.objects.select_related("version__procedure", "applicant__address_unit",
                                           "receiving_agency", "competent_agency", "current_step__agency")
            .get(pk=dossier.pk))


def _with_revision(dossier: Dossier, payload: TransitionIn) -> Dossier:
    if payload.revision is not None:
        dossier.revision = payload.revision
    return dossier


def _officer(username: str, message: str) -> User:
    user = User.objects.filter(username=username, is_active=True).first()
    if user is None:
        raise ApiError("validation_error", message, 422, {"assignee": [message]})
    return user


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
    agency = None if (user.is_superuser or user.role == Role.SYSTEM_ADMIN) else user.agency
    out = io.BytesIO()
    export.write(filters.format, export.rows(filters.start, filters.end, agency), out)
    content_types = {"csv": "text/csv", "jsonl": "application/x-ndjson",
                     "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}
    response = HttpResponse(out.getvalue(), content_type=content_types[filters.format])
    response["Content-Disposition"] = (
        f'attachment; filename="ho-so-{filters.start:%Y%m%d}-{filters.end:%Y%m%d}.{filters.format}"')
    return response


# Literal paths (/export, /counter) come before /{code}, which would otherwise match them.
@router.post("/counter", response={201: DossierDetail, **ERRORS},
             summary="Cán bộ một cửa tiếp nhận hồ sơ nộp trực tiếp hoặc qua bưu chính (→ 2, mẫu 01)")
def receive_at_counter(request: HttpRequest, payload: CounterIn) -> HttpStatus:
    user = require_user(request)
    version = services.version_in_force(payload.procedure_code, timezone.localdate())
    dossier = services.receive_new_dossier(
        user, version, _counter_applicant(payload.applicant), channel=payload.channel,
        request=payload.request, sets=payload.sets, documents=_handed_in(payload.documents),
        result_delivery=payload.result_delivery, land_unit=_address_unit(payload.land_unit, "land_unit"),
        forward=payload.forward)
    return HttpStatus(201, detail(dossier, user))


def _counter_applicant(data: ApplicantIn) -> Applicant:
    return Applicant(kind=data.kind, name=data.name, id_number=data.id_number, phone=data.phone,
                     email=data.email, street=data.street.strip(),
                     address_unit=_address_unit(data.address_unit, "applicant.address_unit"))


def _handed_in(documents: list[HandedInIn]) -> list[services.Supplied]:
    return [services.Supplied(d.name, d.originals, d.certified_copies, d.photocopies, d.requirement_id)
            for d in documents]


@router.post("/counter/refuse", response={201: DossierDetail, **ERRORS},
             summary="Từ chối tiếp nhận hồ sơ nộp trực tiếp hoặc qua bưu chính (→ 3, mẫu 03, có mã hồ sơ)")
def refuse_at_counter(request: HttpRequest, payload: CounterRefusalIn) -> HttpStatus:
    user = require_user(request)
    version = services.version_in_force(payload.procedure_code, timezone.localdate())
    dossier = services.refuse_new_dossier(
        user, version, _counter_applicant(payload.applicant), payload.reason, channel=payload.channel,
        request=payload.request, documents=_handed_in(payload.documents))
    return HttpStatus(201, detail(dossier, user))


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
             summary="Công dân nộp hồ sơ trực tuyến kèm tệp (multipart)")
def submit_dossier(request: HttpRequest, data: Form[SubmitIn],
                   files: File[list[UploadedFile]] = None) -> HttpStatus:  # type: ignore[assignment]
    user = require_user(request)
    if user.role != Role.CITIZEN:
        raise forbidden(gettext("Chỉ công dân nộp hồ sơ trực tuyến; cán bộ tiếp nhận tại quầy."))
    # Every file is checked before anything is written: a refused file leaves nothing behind.
    uploads = _checked_uploads(files)
    receiving = Agency.objects.filter(code=data.receiving_agency, is_active=True).first()
    if receiving is None:
        raise not_found(gettext("Không tìm thấy cơ quan có mã %(code)s.") % {"code": data.receiving_agency})
    version = services.version_in_force(data.procedure_code, timezone.localdate())
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
    dossier = services.submit_online(user, version, applicant, receiving, request=data.request, files=pairs,
                                     reused=reused,
                                     result_delivery=data.result_delivery,
                                     land_unit=_address_unit(data.land_unit, "land_unit"),
                                     language=data.language or translation.get_language())
    return HttpStatus(201, detail(dossier, user))


@router.post("/{code}/files", response={201: FileOut, **ERRORS}, throttle=[SubmissionThrottle()],
             summary="Đính kèm tệp vào hồ sơ (PDF, JPEG, PNG)")
def upload_file(request: HttpRequest, code: Code, file: File[UploadedFile]) -> HttpStatus:
    user = require_user(request)
    dossier = get_visible(user, code)
    check_upload(file)
    attached = services.attach_file(user, dossier, file)
    return HttpStatus(201, _file(dossier, attached))


def _transition(request: HttpRequest, code: str, payload: TransitionIn,
                act: Callable[[User, Dossier], Any]) -> dict[str, Any]:
    user = require_user(request)
    dossier = _with_revision(get_visible(user, code), payload)
    act(user, dossier)
    return detail(dossier, user)


TRANSITION: dict[Any, Any] = {200: DossierDetail, **ERRORS}


@router.post("/{code}/receive", response=TRANSITION,
             summary="Tiếp nhận hồ sơ trực tuyến (1 → 2)")
def receive(request: HttpRequest, code: Code, payload: ReceiveIn) -> dict[str, Any]:
    return _transition(request, code, payload,
                       lambda u, d: services.receive_dossier(u, d, forward=payload.forward))


@router.post("/{code}/request-completion", response=TRANSITION,
             summary="Yêu cầu hoàn thiện hồ sơ trực tuyến trước khi tiếp nhận (vẫn 1, chưa tính thời hạn)")
def request_completion(request: HttpRequest, code: Code, payload: CompletionIn) -> dict[str, Any]:
    return _transition(request, code, payload,
                       lambda u, d: services.request_completion(u, d, payload.items, payload.reason))


@router.post("/{code}/complete-submission", response=TRANSITION, openapi_extra=json_body_too(NoteIn),
             summary="Công dân gửi lại hồ sơ đã hoàn thiện kèm tệp (multipart: requirement_ids, files)")
def complete_submission(request: HttpRequest, code: Code, payload: FormOrJson[CompletionFilesIn],
                        files: File[list[UploadedFile]] = None) -> dict[str, Any]:  # type: ignore[assignment]
    uploads = _checked_uploads(files)

    def act(user: User, dossier: Dossier) -> Any:
        pairs = _online_files(payload.requirement_ids, uploads)  # after the scope check: 404 first
        return services.complete_submission(user, dossier, files=pairs, note=payload.note)
    return _transition(request, code, payload, act)


@router.post("/{code}/refuse", response=TRANSITION,
             summary="Từ chối tiếp nhận (1 → 3), cần lý do")
def refuse(request: HttpRequest, code: Code, payload: ReasonIn) -> dict[str, Any]:
    return _transition(request, code, payload, lambda u, d: services.refuse_dossier(u, d, payload.reason))


@router.post("/{code}/forward", response=TRANSITION,
             summary="Chuyển bước xử lý tiếp theo (→ 4)")
def forward(request: HttpRequest, code: Code, payload: ForwardIn) -> dict[str, Any]:
    def act(user: User, dossier: Dossier) -> Any:
        assignee = None
        if payload.assignee:
            assignee = _officer(payload.assignee, gettext("Không tìm thấy người được giao."))
        return services.forward_dossier(user, dossier, assignee=assignee, note=payload.note)
    return _transition(request, code, payload, act)


@router.post("/{code}/assign", response=TRANSITION,
             summary="Giao người xử lý bước hiện tại")
def assign(request: HttpRequest, code: Code, payload: AssignIn) -> dict[str, Any]:
    def act(user: User, dossier: Dossier) -> Any:
        assignee = _officer(payload.assignee, gettext("Không tìm thấy người được giao."))
        return services.assign_step(user, dossier, assignee)
    return _transition(request, code, payload, act)


@router.post("/{code}/transfer", response=TRANSITION,
             summary="Chuyển liên thông sang cơ quan khác (cùng mã hồ sơ)")
def transfer(request: HttpRequest, code: Code, payload: TransferIn) -> dict[str, Any]:
    def act(user: User, dossier: Dossier) -> Any:
        to_agency = Agency.objects.filter(code=payload.to_agency).first()
        if to_agency is None:
            raise not_found(gettext("Không tìm thấy cơ quan có mã %(code)s.") % {"code": payload.to_agency})
        return services.transfer_dossier(user, dossier, to_agency, reason=payload.reason)
    return _transition(request, code, payload, act)


@router.post("/{code}/request-supplement", response=TRANSITION,
             summary="Yêu cầu bổ sung hồ sơ một lần bằng văn bản (→ 5, mẫu 02)")
def request_supplement(request: HttpRequest, code: Code, payload: SupplementIn) -> dict[str, Any]:
    return _transition(request, code, payload, lambda u, d: services.request_supplement(
        u, d, payload.items, payload.reason, override_reason=payload.override_reason))


@router.post("/{code}/receive-supplement", response=TRANSITION,
             openapi_extra=json_body_too(SupplementReceivedIn, json_parts=["documents"]),
             summary="Nhận hồ sơ bổ sung (5 → tiếp tục): giấy tờ kèm số bản, tệp (multipart hoặc JSON)")
def receive_supplement(request: HttpRequest, code: Code, payload: FormOrJson[SupplementReceivedIn],
                       files: File[list[UploadedFile]] = None) -> dict[str, Any]:  # type: ignore[assignment]
    uploads = _checked_uploads(files)
    documents = [services.Supplied(d.name, d.originals, d.certified_copies, d.photocopies)
                 for d in payload.documents]

    # One service call: the files join the dossier with the supplement, or neither.
    return _transition(request, code, payload, lambda u, d: services.receive_supplement(
        u, d, documents=documents, files=[(None, upload) for upload in uploads], note=payload.note))


@router.post("/{code}/request-payment", response=TRANSITION,
             summary="Yêu cầu thực hiện nghĩa vụ tài chính (→ 6)")
def request_payment(request: HttpRequest, code: Code, payload: PaymentIn) -> dict[str, Any]:
    return _transition(request, code, payload,
                       lambda u, d: services.request_payment(u, d, payload.amount, reason=payload.reason))


@router.post("/{code}/record-payment", response=TRANSITION,
             summary="Ghi nhận đã nộp tiền (6 → tiếp tục)")
def record_payment(request: HttpRequest, code: Code, payload: RecordPaymentIn) -> dict[str, Any]:
    return _transition(request, code, payload, lambda u, d: services.record_payment(
        u, d, online=payload.online, reference=payload.reference))


@router.post("/{code}/withdraw", response=TRANSITION,
             summary="Rút hồ sơ (→ 7)")
def withdraw(request: HttpRequest, code: Code, payload: OptionalReasonIn) -> dict[str, Any]:
    return _transition(request, code, payload, lambda u, d: services.withdraw(u, d, reason=payload.reason))


@router.post("/{code}/stop", response=TRANSITION,
             summary="Dừng xử lý (→ 8), cần lý do")
def stop(request: HttpRequest, code: Code, payload: ReasonIn) -> dict[str, Any]:
    return _transition(request, code, payload, lambda u, d: services.stop_processing(u, d, payload.reason))


@router.post("/{code}/result-ready", response=TRANSITION, openapi_extra=json_body_too(ResultIn),
             summary="Trình kết quả giải quyết để lãnh đạo phê duyệt, kèm tệp kết quả nếu có "
                     "(multipart hoặc JSON)")
def result_ready(request: HttpRequest, code: Code, payload: FormOrJson[ResultIn],
                 result_file: File[UploadedFile] = None) -> dict[str, Any]:  # type: ignore[assignment]
    if result_file is not None:
        check_upload(result_file, field="result_file")
    return _transition(request, code, payload, lambda u, d: services.mark_result_ready(
        u, d, payload.result_text, result_file=result_file, electronic=payload.electronic))


@router.post("/{code}/approve", response=TRANSITION,
             summary="Phê duyệt kết quả (→ 9)")
def approve(request: HttpRequest, code: Code, payload: NoteIn) -> dict[str, Any]:
    return _transition(request, code, payload, lambda u, d: services.approve_result(u, d, note=payload.note))


@router.post("/{code}/return-result", response=TRANSITION,
             summary="Trả kết quả (9 → 10)")
def return_result(request: HttpRequest, code: Code, payload: NoteIn) -> dict[str, Any]:
    return _transition(request, code, payload, lambda u, d: services.return_result(u, d, note=payload.note))


@router.post("/{code}/apologize", response=TRANSITION,
             summary="Xin lỗi và hẹn lại ngày trả kết quả (mẫu 04)")
def apologize(request: HttpRequest, code: Code, payload: ApologyIn) -> dict[str, Any]:
    def act(user: User, dossier: Dossier) -> Any:
        if timezone.is_naive(payload.new_appointment):
            message = gettext("Ngày hẹn mới phải có múi giờ, ví dụ 2025-08-01T15:00:00+07:00.")
            raise ApiError("validation_error", message, 422, {"new_appointment": [message]})
        return services.apologize(user, dossier, payload.reason, payload.new_appointment)
    return _transition(request, code, payload, act)


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
