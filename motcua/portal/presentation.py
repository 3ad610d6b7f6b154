"""What people read about a dossier: event labels, the timeline, the expected appointment.

Shared by the citizen portal and the officer workspace (motcua.desk), so both tell the
same story about the same events.
"""

from __future__ import annotations

import datetime as dt

from django.http import Http404, HttpResponse
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from motcua.dossiers.models import Dossier

# The timeline and file downloads live below the doors (the API tells citizens the same story).
from motcua.dossiers.presentation import (
    ACTION_LABELS,
    INTER_AGENCY_FORWARD_LABEL,
    INTERNAL_ACTIONS,
    TimelineEntry,
    event_label,
    file_response,
    timeline,
)

__all__ = ["ACTION_LABELS", "INTER_AGENCY_FORWARD_LABEL", "INTERNAL_ACTIONS", "TimelineEntry", "event_label",
           "file_response", "timeline"]


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
