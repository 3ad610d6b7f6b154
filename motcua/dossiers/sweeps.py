"""The periodic job, kept for the record: store due-soon / overdue flags, list apologies needed.

Nothing a user reads depends on it any more: the inboxes, pages, portal, API and admin
compute the deadline state when they read (`motcua.dossiers.deadlines`), so no flag goes
stale when this job is not run. It still writes the `deadline_state` columns (a snapshot
for exports and audits) and lists the dossiers that need an apology.

Each flag is one indexed UPDATE (indexes on status + due time): the working-time window is
turned into an instant once (`add_working(now, window)`), so the database compares plain
timestamps. Paused dossiers (waiting for a supplement) are left alone: their clock is stopped.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.conf import settings
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone

from motcua.dossiers.deadlines import RUNNING, due_soon_window
from motcua.dossiers.models import Deadline, Dossier, DossierStep
from motcua.worktime.calendars import calendar_for

__all__ = ["RUNNING", "SweepReport", "apology_lead_time", "due_soon_window", "needing_apology", "sweep"]


def apology_lead_time() -> dt.timedelta:
    """How long before its due time a late dossier needs its apology (to confirm; default 8 working hours)."""
    return dt.timedelta(hours=float(settings.MOTCUA_APOLOGY_LEAD_HOURS))


@dataclass
class SweepReport:
    at: dt.datetime
    dossiers_overdue: int = 0
    dossiers_due_soon: int = 0
    dossiers_cleared: int = 0
    steps_overdue: int = 0
    steps_due_soon: int = 0
    need_apology: list[str] = field(default_factory=list)


def sweep(at: dt.datetime | None = None) -> SweepReport:
    """Mark due-soon and overdue dossiers and steps at `at`; list the dossiers needing an apology."""
    at = at or timezone.now()
    cal = calendar_for()
    soon = cal.add_working(at, due_soon_window())
    report = SweepReport(at=at)
    with transaction.atomic():
        running = Dossier.objects.filter(status__in=RUNNING)
        report.dossiers_overdue = (
            running.filter(due_at__lte=at)
            .exclude(deadline_state=Deadline.OVERDUE)
            .update(deadline_state=Deadline.OVERDUE)
        )
        report.dossiers_due_soon = (
            running.filter(due_at__gt=at, due_at__lte=soon)
            .exclude(deadline_state=Deadline.DUE_SOON)
            .update(deadline_state=Deadline.DUE_SOON)
        )
        # A due time moved later (after a supplement) clears an earlier flag.
        report.dossiers_cleared = (
            running.filter(due_at__gt=soon)
            .exclude(deadline_state=Deadline.OK)
            .update(deadline_state=Deadline.OK)
        )
        steps = DossierStep.objects.filter(
            finished_at__isnull=True, started_at__isnull=False, dossier__status__in=RUNNING
        )
        report.steps_overdue = (
            steps.filter(due_at__lte=at)
            .exclude(deadline_state=Deadline.OVERDUE)
            .update(deadline_state=Deadline.OVERDUE)
        )
        report.steps_due_soon = (
            steps.filter(due_at__gt=at, due_at__lte=soon)
            .exclude(deadline_state=Deadline.DUE_SOON)
            .update(deadline_state=Deadline.DUE_SOON)
        )
    report.need_apology = list(needing_apology(at).values_list("code", flat=True))
    return report


def needing_apology(at: dt.datetime | None = None) -> QuerySet[Dossier]:
    """Running dossiers due within the apology lead time (or overdue) and not yet apologised for.

    Paused dossiers are left out: their due time moves when the supplement arrives.
    """
    at = at or timezone.now()
    limit = calendar_for().add_working(at, apology_lead_time())
    return Dossier.objects.filter(
        status__in=RUNNING,
        due_at__lte=limit,
        apologized_at__isnull=True,
    ).order_by("due_at")
