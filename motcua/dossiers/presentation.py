"""What people read about a dossier's history, and how its files are handed out.

Below every door: the portal, the officer workspace and the API tell the same story about the
same events (`timeline`), and serve files the same way (`file_response`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from django.http import FileResponse, Http404, HttpResponse
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from motcua.dossiers.models import Dossier, DossierEvent, Status

ACTION_LABELS: dict[str, Promise] = {
    "submit": _("Nộp hồ sơ trực tuyến"),
    "receive": _("Tiếp nhận hồ sơ"),
    "refuse": _("Từ chối tiếp nhận hồ sơ"),
    "request_completion": _("Yêu cầu hoàn thiện hồ sơ trước khi tiếp nhận"),
    "complete_submission": _("Gửi lại hồ sơ đã hoàn thiện"),
    "forward": _("Chuyển xử lý"),
    "assign": _("Phân công người xử lý"),
    "transfer": _("Chuyển hồ sơ liên thông"),
    "request_supplement": _("Yêu cầu bổ sung, hoàn thiện hồ sơ"),
    "receive_supplement": _("Nhận hồ sơ bổ sung"),
    "request_payment": _("Yêu cầu thực hiện nghĩa vụ tài chính"),
    "record_payment": _("Đã thực hiện nghĩa vụ tài chính"),
    "withdraw": _("Rút hồ sơ"),
    "stop": _("Dừng xử lý hồ sơ"),
    "result_ready": _("Trình kết quả giải quyết"),
    "approve_result": _("Phê duyệt kết quả"),
    "return_result": _("Trả kết quả"),
    "apologize": _("Xin lỗi và hẹn lại ngày trả kết quả"),
    "attach_file": _("Đính kèm tệp"),
}
# A forward between two administrations (services._inter_agency) is an inter-agency transfer.
INTER_AGENCY_FORWARD_LABEL = _("Chuyển liên thông")

# Internal bookkeeping a citizen need not follow on the portal.
INTERNAL_ACTIONS = frozenset({"attach_file", "assign"})


@dataclass(frozen=True)
class TimelineEntry:
    at: dt.datetime
    label: str
    status: str
    status_code: int | None
    reason: str
    actor: str
    seq: int = 0
    action: str = ""
    from_status: int | None = None
    # The event's recorded data (file ids, steps, rules applied): officers only, {} for citizens.
    data: dict[str, Any] = field(default_factory=dict)


def timeline(dossier: Dossier, *, for_citizen: bool) -> list[TimelineEntry]:
    """The dossier's events, oldest first; citizens see neither internal steps nor officers' names.

    The one story of a dossier: the portal, the officer workspace and the API all tell it from here.
    """
    events = DossierEvent.objects.filter(dossier=dossier).select_related("actor").order_by("seq")
    entries = []
    for event in events:
        if for_citizen and event.action in INTERNAL_ACTIONS:
            continue
        actor = ""
        if not for_citizen and event.actor is not None:
            actor = str(event.actor)
        entries.append(TimelineEntry(
            at=event.at,
            label=event_label(event),
            status=_status_change(event),
            status_code=event.to_status,
            reason=event.reason,
            actor=actor,
            seq=event.seq,
            action=event.action,
            from_status=event.from_status,
            data={} if for_citizen else dict(event.data or {}),
        ))
    return entries


def event_label(event: DossierEvent) -> str:
    """What happened: a forward is "Chuyển xử lý", one between administrations "Chuyển liên thông"."""
    if event.action == "forward" and (event.data or {}).get("inter_agency"):
        return str(INTER_AGENCY_FORWARD_LABEL)
    return str(ACTION_LABELS.get(event.action, event.action))


def _status_change(event: DossierEvent) -> str:
    """Only a change of status is news; attaching a file leaves the status as it was."""
    if event.to_status is None or event.to_status == event.from_status:
        return ""
    return str(Status(event.to_status).label)



def file_response(field_file: Any, download_name: str, content_type: str = "") -> FileResponse:
    """Serve an upload from MEDIA_ROOT (outside the web root) after the caller checked access.

    Always an attachment, with the type proven by the file's first bytes (`DossierFile.content_type`
    when the caller has it): never the type of the name a user chose (a PDF-headed HTML file named
    `polyglot.html` must not be served as text/html).
    """
    from motcua.dossiers.uploads import sniff_content_type

    if not field_file:
        raise Http404
    try:
        handle = field_file.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    if not content_type:
        content_type = sniff_content_type(handle.read(16)) or "application/octet-stream"
        handle.seek(0)
    return FileResponse(handle, as_attachment=True, content_type=content_type,
                        filename=download_name or field_file.name.rsplit("/", 1)[-1])


# ---------------------------------------------------------------------------------------
# Shared by the portal and the desk: the expected appointment, amounts, masks, slips


def expected_appointment(dossier: Dossier) -> dt.datetime | None:
    """Due time if the dossier were received when submitted: shown (as expected) before reception."""
    if dossier.due_at is not None:
        return dossier.due_at
    from motcua.dossiers.services import DossierError, calendar, time_limit_of

    try:
        limit = time_limit_of(dossier.version, dossier.channel)
    except DossierError:
        return None
    start = dossier.submitted_at or dossier.created_at
    return calendar().add(start, limit)


def money(amount: int | None) -> str:
    """"8.000 đồng": grouped by thousands with the active language's separator."""
    if amount is None:
        return ""
    from django.utils.formats import get_format
    from django.utils.numberformat import format as number_format
    from django.utils.translation import gettext

    grouped = number_format(amount, ",", grouping=3, thousand_sep=get_format("THOUSAND_SEPARATOR"),
                            force_grouping=True)
    return gettext("%(amount)s đồng") % {"amount": grouped}


def mask(value: str, keep: int = 4) -> str:
    """Personal data in lists: only the last digits stay readable."""
    return "*" * max(len(value) - keep, 0) + value[-keep:]


SLIP_LABELS: dict[str, Promise] = {
    "receipt": _("Giấy tiếp nhận hồ sơ và hẹn trả kết quả (mẫu 01)"),
    "supplement": _("Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ (mẫu 02)"),
    "refusal": _("Phiếu từ chối tiếp nhận giải quyết hồ sơ (mẫu 03)"),
    "apology": _("Phiếu xin lỗi và hẹn lại ngày trả kết quả (mẫu 04)"),
    "stop": _("Thông báo dừng giải quyết hồ sơ"),
    "control": _("Phiếu kiểm soát quá trình giải quyết hồ sơ (mẫu 05)"),
}


def available_slips(dossier: Dossier) -> list[tuple[str, str]]:
    """The slips that exist for this dossier in its present state, as (kind, label)."""
    from motcua.dossiers.slips import is_available

    # Form 01 only once received: before that there is no received time nor appointment.
    return [(kind, str(label)) for kind, label in SLIP_LABELS.items() if is_available(dossier, kind)]


def slip_response(dossier: Dossier, kind: str) -> HttpResponse:
    """The PDF of one slip, rendered now from what was recorded; 404 for a slip that does not exist."""
    from motcua.dossiers.slips import SLIPS

    if kind not in dict(available_slips(dossier)):
        raise Http404
    response = HttpResponse(SLIPS[kind](dossier), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{dossier.code}-{kind}.pdf"'
    return response
