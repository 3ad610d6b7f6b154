"""The dossier endpoints' routers, their input and output schemas, and the scoped reads that fill them."""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Callable
from typing import Annotated, Any, Literal

from django.db.models import QuerySet
from django.http import HttpResponse
from django.utils.translation import gettext
from ninja import Router, Schema
from pydantic import AfterValidator, StringConstraints, field_validator
from pydantic import Field as PydanticField

from motcua.accounts.models import User
from motcua.agencies.models import Agency
from motcua.api.auth import SIGNED_IN
from motcua.api.common import (
    Code,
    Id,
    PageNumber,
    PageSize,
    ShortText,
    Text,
    json_items,
    json_response,
    printable_text,
)
from motcua.api.errors import ERROR_STATUSES, ErrorOut, not_found
from motcua.dossiers import permissions
from motcua.dossiers.models import (
    ID_NUMBER_MAX_LENGTH,
    ID_NUMBER_PATTERN,
    PHONE_MAX_LENGTH,
    PHONE_PATTERN,
    Applicant,
    Deadline,
    Dossier,
    DossierDocument,
    DossierFile,
    DossierStep,
    ResultDelivery,
    Status,
    SupplementRequest,
)

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
    """The dossier `code` if the user may see it (404 otherwise), with what `detail` shows."""
    dossier = visible_dossiers(user).select_related("applicant__address_unit").filter(code=code).first()
    if dossier is None:
        raise not_found(gettext("Không tìm thấy hồ sơ %(code)s.") % {"code": code})
    return dossier


def _step(step: Any) -> dict[str, Any]:
    return {"order": step.order, "name": step.name, "role": step.role, "agency_code": step.agency.code,
            "started_at": step.started_at, "due_at": step.due_at, "finished_at": step.finished_at}


def _file(dossier: Dossier, attached: DossierFile) -> dict[str, Any]:
    return {"id": attached.pk, "original_name": attached.original_name, "uploaded_at": attached.uploaded_at,
            "url": f"/api/v1/dossiers/{dossier.code}/files/{attached.pk}"}


def _document(document: DossierDocument) -> dict[str, Any]:
    return {"requirement_id": document.requirement_id, "name": document.name, "originals": document.originals,
            "certified_copies": document.certified_copies, "photocopies": document.photocopies,
            "supplied_in_supplement": document.supplied_in_supplement,
            "warehouse_document_id": document.warehouse_document_id}


def _supplement(request: SupplementRequest) -> dict[str, Any]:
    return {"number": request.number, "items": request.items, "reason": request.reason,
            "requested_at": request.requested_at, "answered_at": request.answered_at}


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


def _available(user: User | None, dossier: Dossier, steps: list[DossierStep] | None = None) -> list[str]:
    """The transitions the caller may run now: each one's predicate in `motcua.dossiers.permissions`.

    `steps`: the dossier's steps in order, when the caller has them (else the next one is read).
    """
    if user is None:
        return []
    step = dossier.current_step
    order = step.order if step else 0
    if steps is None:
        following = (DossierStep.objects
                     .filter(dossier_id=dossier.pk, order__gt=order, finished_at__isnull=True)
                     .order_by("order").first())
    else:
        following = next((s for s in steps if s.order > order and s.finished_at is None), None)
    return permissions.available_actions(user, dossier, following)


def _listed(dossier: Dossier, name: str, query: Callable[[], QuerySet[Any]]) -> list[Any]:
    """The related list `name` the object carries (a new dossier's, `services._known_lists`), else
    `query()`'s rows (built only then: a related manager's filtered queryset is most of the cost
    of a list the object already carries)."""
    known = getattr(dossier, "_prefetched_objects_cache", {}).get(name)
    return list(known) if known is not None else list(query())


def detail(dossier: Dossier, user: User | None = None) -> dict[str, Any]:
    """The dossier's detail from the object in hand (`get_visible`'s, or the one a transition just
    updated: its related rows stay on it), and one query per list (steps, documents, files,
    supplement requests) unless the object carries them (a submission's new dossier: none)."""
    from motcua.dossiers import slips

    applicant = dossier.applicant
    steps = _listed(dossier, "steps", lambda: dossier.steps.select_related("agency").order_by("order"))
    current = next((s for s in steps if s.pk == dossier.current_step_id), None)
    if current is not None:
        dossier.current_step = current  # the same row, with its agency
    return {
        **summary(dossier),
        "revision": dossier.revision, "version_valid_from": dossier.version.valid_from,
        "sub_state": dossier.sub_state, "request": dossier.request,
        "result_delivery": dossier.result_delivery,
        "available_actions": _available(user, dossier, steps),
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
        "current_step": _step(current) if current else None,
        "steps": [_step(s) for s in steps],
        "documents": [_document(d) for d in dossier.documents.all()],
        "files": [_file(dossier, f) for f in _listed(dossier, "files", lambda: dossier.files.order_by("id"))],
        "supplement_requests": [_supplement(r) for r in _listed(
            dossier, "supplement_requests", lambda: dossier.supplement_requests.order_by("number"))],
        "available_slips": [kind.value for kind in SlipKind if slips.is_available(dossier, kind.value)],
    }


def created(dossier: Dossier, user: User | None) -> HttpResponse:
    """201 with the new dossier's `detail`, rendered as the API renders a `DossierDetail`.

    `detail` builds every field of `DossierDetail` from the objects in hand, with the types of
    the schema (plain values, dicts, lists): re-validating it through the schema's pydantic
    model (ninja's default for an answer) would only rebuild the same values, at ≈ 5 % of a
    submission's Python. Tests hold the answer equal, byte for byte, to the validated one.
    """
    data = detail(dossier, user)
    return json_response({name: data[name] for name in _DETAIL_FIELDS}, status=201)


# The answer's fields in the schema's order (`detail` also carries the summary's other fields).
_DETAIL_FIELDS = tuple(DossierDetail.model_fields)
