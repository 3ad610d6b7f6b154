"""The officers' daily digest: the dossiers of their agency due soon or overdue, by email.

One outbox row per officer and day (`digest:<date>:<user id>`): running the job twice the same day
adds nothing, and the rows are sent like any other (delivery.py). Sent on working days only.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.conf import settings
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from motcua.accounts.models import Role, User
from motcua.dossiers import deadlines
from motcua.dossiers.models import Deadline, Dossier
from motcua.jobs.runner import enqueue_on_commit
from motcua.notify.models import Channel, OutboxMessage
from motcua.worktime.calendars import calendar_for

DIGEST_ROLES = (Role.RECEPTIONIST, Role.SPECIALIST, Role.LEADER, Role.CENTER_MANAGER)
LISTED = 30


def officers() -> Any:
    return (
        User.objects.filter(role__in=DIGEST_ROLES, is_active=True, agency__isnull=False)
        .exclude(email="")
        .order_by("pk")
    )


def _due(officer: User, th: deadlines.Thresholds) -> Any:
    condition = deadlines.condition(Deadline.OVERDUE, th) | deadlines.condition(Deadline.DUE_SOON, th)
    return Dossier.objects.visible_to(officer).filter(condition).select_related("version__procedure")


def compose(officer: User, dossiers: list[Dossier], total: int, th: deadlines.Thresholds) -> tuple[str, str]:
    with translation.override(settings.LANGUAGE_CODE):
        lines = []
        for dossier in dossiers:
            overdue = dossier.due_at is not None and dossier.due_at <= th.now
            state = _("quá hạn") if overdue else _("sắp đến hạn")
            due = timezone.localtime(dossier.due_at).strftime("%H:%M %d/%m/%Y") if dossier.due_at else "—"
            lines.append(f"  - {dossier.code} ({state}, {due}): {dossier.version.procedure.name}")
        more = total - len(dossiers)
        subject = _("Hồ sơ sắp đến hạn và quá hạn: %(n)s hồ sơ") % {"n": total}
        body = "\n\n".join(
            filter(
                None,
                [
                    _("Kính gửi %(name)s,") % {"name": officer.full_name or officer.username},
                    _("Các hồ sơ của cơ quan sắp đến hạn hoặc đã quá hạn hôm nay:"),
                    "\n".join(lines),
                    _("… và %(n)s hồ sơ khác (xem trong bàn làm việc).") % {"n": more} if more > 0 else "",
                    _("Đây là thư tự động, vui lòng không trả lời."),
                ],
            )
        )
    return subject, body


def send_daily(now: dt.datetime | None = None) -> dict[str, Any]:
    """Queue today's digest for every officer with an email address and something due."""
    now = now or timezone.now()
    today = timezone.localtime(now).date()
    if not calendar_for().is_working_day(today):
        return {"day": today.isoformat(), "working_day": False, "queued": 0}
    th = deadlines.Thresholds.at(now)
    rows = []
    for officer in officers():
        due = _due(officer, th)
        total = due.count()
        if not total:
            continue
        listed = list(due.order_by("due_at", "pk")[:LISTED])
        subject, body = compose(officer, listed, total, th)
        rows.append(
            OutboxMessage(
                key=f"digest:{today.isoformat()}:{officer.pk}",
                channel=Channel.EMAIL,
                recipient=officer.email,
                language=settings.LANGUAGE_CODE,
                subject=subject,
                body=body,
            )
        )
    keys = [row.key for row in rows]
    existing = set(OutboxMessage.objects.filter(key__in=keys).values_list("key", flat=True))
    # ignore_conflicts: a second run the same day (a retry, two workers) adds no second digest.
    OutboxMessage.objects.bulk_create([row for row in rows if row.key not in existing], ignore_conflicts=True)
    queued = list(
        OutboxMessage.objects.filter(key__in=keys).exclude(key__in=existing).values_list("pk", flat=True)
    )
    if queued and settings.MOTCUA_NOTIFY["send_on_commit"]:
        enqueue_on_commit("motcua.notify.delivery.deliver", queued, task_name="notify digest")
    return {"day": today.isoformat(), "working_day": True, "queued": len(queued), "officers": len(rows)}
