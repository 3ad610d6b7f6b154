"""One endpoint per transition: each calls one service function and answers with the dossier."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext
from ninja import File
from ninja.files import UploadedFile

from motcua.accounts.models import User
from motcua.agencies.models import Agency
from motcua.api.auth import require_user
from motcua.api.common import (
    Code,
    FormOrJson,
    json_body_too,
)
from motcua.api.dossiers.schemas import (
    ERRORS,
    ApologyIn,
    AssignIn,
    CompletionFilesIn,
    CompletionIn,
    DossierDetail,
    ForwardIn,
    NoteIn,
    OptionalReasonIn,
    PaymentIn,
    ReasonIn,
    ReceiveIn,
    RecordPaymentIn,
    ResultIn,
    SupplementIn,
    SupplementReceivedIn,
    TransferIn,
    TransitionIn,
    detail,
    get_visible,
    router,
)
from motcua.api.dossiers.submission import _checked_uploads, _online_files
from motcua.api.errors import ApiError, not_found
from motcua.api.uploads import check_upload
from motcua.dossiers import services
from motcua.dossiers.models import (
    Dossier,
)


def _with_revision(dossier: Dossier, payload: TransitionIn) -> Dossier:
    if payload.revision is not None:
        dossier.revision = payload.revision
    return dossier


def _officer(username: str, message: str) -> User:
    user = User.objects.filter(username=username, is_active=True).first()
    if user is None:
        raise ApiError("validation_error", message, 422, {"assignee": [message]})
    return user


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
