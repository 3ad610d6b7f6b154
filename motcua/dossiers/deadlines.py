"""Due soon and overdue as the clock says *now*: computed when read, never stored stale.

A dossier's deadline state is a function of the time: keeping it in a column that a job
updates means every page is as stale as the last run (issue #11: "Quá hạn 0" for a dossier
three days late until someone ran `motcua dossiers sweep`). So every reader (the inboxes,
the dossier pages, the portal, the API, the admin) asks this module instead:

- the working-time windows are turned into instants once per request (`Thresholds.at`),
  with the calendar, so the database compares plain timestamps on the (status, due_at)
  index: `due_at <= now` is overdue, `due_at <= soon` is due soon;
- an online dossier waiting for acceptance (status 1) has no due time yet; it is overdue
  for acceptance once it has waited longer than `MOTCUA_ACCEPTANCE_HOURS` working hours
  (`submitted_at < acceptance_before`).

`sweeps.sweep` still exists for the record (the stored `deadline_state` columns and the
list of dossiers needing an apology) but nothing a user reads depends on it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.conf import settings
from django.db.models import Case, CharField, Q, Value, When
from django.utils import timezone

from motcua.dossiers.models import Deadline, Status, SubState
from motcua.worktime.calendars import calendar_for
from motcua.worktime.core import WorkCalendar

if TYPE_CHECKING:
    from motcua.dossiers.models import Dossier

# The clock runs in these statuses (5 is paused): only they can be due soon or overdue.
RUNNING = (Status.RECEIVED, Status.PROCESSING, Status.PAYMENT_REQUESTED)


def due_soon_window() -> dt.timedelta:
    """Working time before the due time when a dossier counts as due soon (default 8 h)."""
    return dt.timedelta(hours=float(settings.MOTCUA_DUE_SOON_HOURS))


def acceptance_window() -> dt.timedelta:
    """Working time an online dossier may wait for acceptance (status 1) before it is overdue."""
    return dt.timedelta(hours=float(settings.MOTCUA_ACCEPTANCE_HOURS))


@dataclass(frozen=True)
class Thresholds:
    """The instants one read compares with: computed once, then plain timestamp comparisons."""

    now: dt.datetime
    soon: dt.datetime
    acceptance_before: dt.datetime

    @classmethod
    def at(cls, now: dt.datetime | None = None, cal: WorkCalendar | None = None) -> Thresholds:
        now = now or timezone.now()
        cal = cal or calendar_for()
        return cls(
            now=now,
            soon=cal.add_working(now, due_soon_window()),
            acceptance_before=cal.subtract_working(now, acceptance_window()),
        )


def condition(state: str, th: Thresholds) -> Q:
    """The filter of dossiers in deadline state `state` at `th.now` (indexed comparisons)."""
    # Sent back for completion before reception: it waits for the citizen, not the centre.
    overdue = Q(status__in=RUNNING, due_at__lte=th.now) | (
        Q(status=Status.SUBMITTED, submitted_at__lt=th.acceptance_before)
        & ~Q(sub_state=SubState.COMPLETION_WAITING_APPLICANT)
    )
    due_soon = Q(status__in=RUNNING, due_at__gt=th.now, due_at__lte=th.soon)
    if state == Deadline.OVERDUE:
        return overdue
    if state == Deadline.DUE_SOON:
        return due_soon
    return ~overdue & ~due_soon


def annotation(th: Thresholds) -> Case:
    """`deadline` for each row of a queryset: ok, due_soon or overdue at `th.now`."""
    return Case(
        When(condition(Deadline.OVERDUE, th), then=Value(Deadline.OVERDUE.value)),
        When(condition(Deadline.DUE_SOON, th), then=Value(Deadline.DUE_SOON.value)),
        default=Value(Deadline.OK.value),
        output_field=CharField(max_length=10),
    )


def state_of(dossier: Dossier, th: Thresholds | None = None) -> str:
    """The deadline state of one loaded dossier, with the same rules as `condition`."""
    th = th or Thresholds.at()
    if dossier.status == Status.SUBMITTED:
        if dossier.sub_state == SubState.COMPLETION_WAITING_APPLICANT:
            return Deadline.OK.value
        if dossier.submitted_at is not None and dossier.submitted_at < th.acceptance_before:
            return Deadline.OVERDUE.value
        return Deadline.OK.value
    if dossier.status not in RUNNING or dossier.due_at is None:
        return Deadline.OK.value
    if dossier.due_at <= th.now:
        return Deadline.OVERDUE.value
    if dossier.due_at <= th.soon:
        return Deadline.DUE_SOON.value
    return Deadline.OK.value
