"""Results: submitted, approved (the finish time of the statistics), returned; the apology (form 04)."""

from __future__ import annotations

import datetime as dt

from django.core.files.base import File
from django.utils import timezone
from django.utils.translation import gettext

from motcua.dossiers import digital, permissions
from motcua.dossiers.models import (
    Dossier,
    Handover,
    Status,
    SubState,
)
from motcua.dossiers.services.files import _proven_type, _server_name
from motcua.dossiers.services.kernel import (
    Actor,
    DossierError,
    _atomic,
    _check,
    _commit,
    _digital,
    _iso,
    _lock,
    _now,
    _reason_required,
    calendar,
)
from motcua.dossiers.services.processing import _finish_step, _following_steps, _handover, _split, _start_step
from motcua.worktime.core import MAX_YEAR, TZ

# ---------------------------------------------------------------------------------------
# 9, 10. Result


def mark_result_ready(
    actor: Actor,
    dossier: Dossier,
    result_text: str,
    *,
    at: dt.datetime | None = None,
    result_file: File | None = None,
    electronic: bool = False,
) -> Dossier:
    """The specialist submits the result for approval: finishes their step, the leader's step starts."""
    at = _now(at)
    with _atomic():
        locked = _lock(dossier, actor)
        _check(permissions.result_ready(actor, locked), locked)
        step = locked.current_step
        if not result_text.strip():
            raise DossierError("result_required", gettext("Cần ghi kết quả giải quyết."))
        result_type = _proven_type(result_file) if result_file is not None else None
        locked.result_text = result_text.strip()
        locked.result_electronic = electronic
        if result_file is not None and result_type is not None:
            locked.result_file.save(_server_name(result_type), result_file, save=False)
        from_status = locked.status
        if step is not None:
            following, later = _split(_following_steps(locked, step))
            if following is not None and following.agency_id == step.agency_id:
                _finish_step(step, actor, at, save=False)
                _start_step(locked, following, at, calendar(), later=later, finished=step)
                _handover(locked, Handover.Kind.STEP, at, actor, step.agency_id, following.agency_id, step)
        locked.status = Status.PROCESSING
        locked.sub_state = SubState.AWAITING_APPROVAL
        _commit(
            dossier,
            locked,
            actor,
            at,
            "result_ready",
            from_status,
            data={
                "electronic": electronic,
                "file": bool(result_file),
            },
        )
    return dossier


def approve_result(
    actor: Actor, dossier: Dossier, *, at: dt.datetime | None = None, note: str = ""
) -> Dossier:
    """A leader of the competent agency signs the result (→ 9): the finish time of the statistics."""
    at = _now(at)
    with _atomic():
        locked = _lock(dossier, actor)
        _check(permissions.approve(actor, locked), locked)
        _digital(lambda: digital.check_result_signable(locked))
        from_status = locked.status
        step = locked.current_step
        # Any steps left before the return (other than the desk's) are closed with the approval.
        following, later = _split(_following_steps(locked, step))
        if step is not None:
            _finish_step(step, actor, at, save=following is None)
        locked.current_step = None
        locked.current_step_due_at = None
        if following is not None:
            _start_step(locked, following, at, calendar(), later=later, finished=step)
        _handover(
            locked,
            Handover.Kind.RESULT,
            at,
            actor,
            locked.competent_agency_id,
            locked.receiving_agency_id,
            step,
        )
        locked.status = Status.RESULT_READY
        locked.sub_state = SubState.NONE
        locked.finished_at = at
        # Issue #13: an electronic PDF result is signed by the deciding agency on approval.
        _digital(lambda: digital.sign_result(locked))
        _commit(dossier, locked, actor, at, "approve_result", from_status, note)
    return dossier


def return_result(
    actor: Actor, dossier: Dossier, *, at: dt.datetime | None = None, note: str = ""
) -> Dossier:
    """The desk of the receiving centre hands the result over (9 → 10)."""
    at = _now(at)
    with _atomic():
        locked = _lock(dossier, actor)
        _check(permissions.return_result(actor, locked), locked)
        _digital(lambda: digital.check_result_signable(locked))
        step = locked.current_step
        if step is not None and step.finished_at is None:
            _finish_step(step, actor, at)
        locked.current_step = None
        locked.current_step_due_at = None
        locked.status = Status.RETURNED
        locked.returned_at = at
        _digital(lambda: digital.sign_result(locked))  # approved before signing was wired
        _commit(dossier, locked, actor, at, "return_result", Status.RESULT_READY, note)
    return dossier


# ---------------------------------------------------------------------------------------
# Apology


def apologize(
    actor: Actor,
    dossier: Dossier,
    reason: str,
    new_appointment: dt.datetime,
    *,
    at: dt.datetime | None = None,
) -> Dossier:
    """Form 04: a written apology and a new appointment. The due time (and on-time) stay as they were."""
    at = _now(at)
    with _atomic():
        locked = _lock(dossier, actor)
        _check(permissions.apologize(actor, locked, at), locked)
        if not reason.strip():
            raise _reason_required()
        if timezone.is_naive(new_appointment):
            raise ValueError("new_appointment must be aware.")
        # The working calendar ends with MAX_YEAR; later, the local time may not even exist
        # (9999-12-31T23:59Z is in year 10000 in Vietnam: OverflowError, a 500).
        if new_appointment >= dt.datetime(MAX_YEAR + 1, 1, 1, tzinfo=TZ):
            raise DossierError(
                "invalid_appointment",
                gettext("Ngày hẹn mới không được sau năm %(year)d.") % {"year": MAX_YEAR},
            )
        earliest = max(filter(None, [at, locked.due_at, locked.new_appointment_at]))
        if new_appointment <= earliest:
            raise DossierError(
                "invalid_appointment",
                gettext("Ngày hẹn mới phải sau hạn trả kết quả hiện tại và sau thời điểm hiện tại."),
            )
        locked.new_appointment_at = new_appointment
        locked.apologized_at = at
        _commit(
            dossier,
            locked,
            actor,
            at,
            "apologize",
            locked.status,
            reason.strip(),
            {
                "new_appointment": _iso(new_appointment),
                "due_at": _iso(locked.due_at),
                "slip": "04",
            },
        )
    return dossier
