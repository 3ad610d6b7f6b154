"""Early / on time / late, as the service index (Decision 766/QĐ-TTg) measures it.

The one function the export, the control slip and the statistics share:
- the finish time is the result-ready time (status 9), else the return time (10), else the
  time processing stopped (8) or the dossier was refused (3);
- a supplement request that never came back: the request time counts as the finish;
- time spent waiting for a supplement is excluded (the due time was already moved by it);
- more than one supplement request makes the dossier late, whatever the times;
- the apology's new appointment never counts: `due_at` is the reference;
- an open dossier is measured at `as_of` (the end of the reporting period): late if its due
  time has passed, otherwise not yet classified (None: "in progress within the deadline");
- a withdrawn dossier, or one never received, is not classified (None).
"""

from __future__ import annotations

import datetime as dt

from motcua.dossiers.models import Dossier, Status
from motcua.worktime.core import Classification, WorkCalendar


def finish_time(dossier: Dossier) -> dt.datetime | None:
    """The instant the index takes as the end of processing, or None while it is open."""
    for value in (dossier.finished_at, dossier.returned_at, dossier.stopped_at, dossier.refused_at):
        if value is not None:
            return value
    if dossier.status == Status.SUPPLEMENT_REQUESTED and dossier.paused_at is not None:
        return dossier.paused_at
    return None


def classify_dossier(
    dossier: Dossier,
    *,
    as_of: dt.datetime | None = None,
    calendar: WorkCalendar | None = None,
) -> Classification | None:
    """Early, on time or late for the statistics; None when not (yet) classifiable."""
    if dossier.status == Status.WITHDRAWN or dossier.due_at is None:
        return None
    if dossier.supplement_count > 1:
        return Classification.LATE
    finish = finish_time(dossier)
    if finish is None:
        if as_of is not None and as_of > dossier.due_at:
            return Classification.LATE
        return None
    if calendar is None:
        from motcua.worktime.calendars import calendar_for

        calendar = calendar_for()
    return calendar.classify(finish, dossier.due_at)
