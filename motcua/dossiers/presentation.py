"""What people read about a dossier's history, and how its files are handed out.

Below every door: the portal, the officer workspace and the API tell the same story about the
same events (`timeline`), and serve files the same way (`file_response`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from django.http import FileResponse, Http404
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
