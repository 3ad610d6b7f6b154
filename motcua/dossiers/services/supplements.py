"""Supplements (form 02, the clock pauses) and financial obligations."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from django.utils.translation import gettext

from motcua.dossiers import permissions
from motcua.dossiers.models import (
    Deadline,
    Dossier,
    DossierStep,
    Status,
    SubState,
    SupplementRequest,
)
from motcua.dossiers.services.files import _attach, _check_files, _create_documents, _discard_files_on_failure
from motcua.dossiers.services.kernel import (
    Actor,
    DossierError,
    Supplied,
    Upload,
    _atomic,
    _check,
    _commit,
    _hours,
    _iso,
    _lock,
    _now,
    _reason_required,
    calendar,
)
from motcua.dossiers.services.processing import _following_steps, _save_due_times, _schedule

# ---------------------------------------------------------------------------------------
# 5. Supplement


def request_supplement(
    actor: Actor,
    dossier: Dossier,
    items: Sequence[str],
    reason: str,
    *,
    at: dt.datetime | None = None,
    override_reason: str = "",
) -> SupplementRequest:
    """Ask once, in writing, for everything missing (→ 5, form 02); the clock pauses.

    A second request is refused unless a leader overrides with a reason; the statistics
    count a dossier with more than one request as late (Decision 766/QĐ-TTg).
    """
    at = _now(at)
    with _atomic():
        locked = _lock(dossier, actor)
        _check(permissions.request_supplement(actor, locked), locked)
        assert actor is not None
        cleaned = [i.strip() for i in items if i and i.strip()]
        if not cleaned:
            raise DossierError("items_required", gettext("Cần liệt kê đầy đủ các giấy tờ phải bổ sung."))
        if not reason.strip():
            raise _reason_required()
        if locked.supplement_count >= 1 and not override_reason.strip():
            raise _reason_required()
        cal = calendar()
        assert locked.due_at is not None
        from_status = locked.status
        locked.remaining_at_pause = cal.remaining(at, locked.due_at)
        step_remaining = cal.remaining(at, locked.current_step_due_at) if locked.current_step_due_at else None
        locked.supplement_count += 1
        locked.paused_at = at
        locked.resume_status = from_status
        locked.status = Status.SUPPLEMENT_REQUESTED
        locked.sub_state = SubState.SUPPLEMENT_WAITING_APPLICANT
        supplement = SupplementRequest.objects.create(
            dossier=locked,
            number=locked.supplement_count,
            items=cleaned,
            reason=reason.strip(),
            requested_by=actor,
            requested_at=at,
            override_reason=override_reason.strip(),
            step_remaining=step_remaining,
        )
        _commit(
            dossier,
            locked,
            actor,
            at,
            "request_supplement",
            from_status,
            reason.strip(),
            {
                "items": cleaned,
                "number": supplement.number,
                "override_reason": override_reason.strip(),
                "remaining_hours": _hours(locked.remaining_at_pause),
                "slip": "02",
            },
        )
    return supplement


def receive_supplement(
    actor: Actor,
    dossier: Dossier,
    *,
    at: dt.datetime | None = None,
    documents: Sequence[Supplied] = (),
    files: Sequence[Upload] = (),
    note: str = "",
) -> Dossier:
    """The supplement arrives (5 → back); new due time = now + the working time left at the pause.

    `files` are (index in `documents`, or None, file) pairs, stored in the same transaction
    on the document they belong to and deleted again if it fails.
    """
    at = _now(at)
    types = _check_files(files)
    with _discard_files_on_failure() as stored, _atomic():
        locked = _lock(dossier, actor)
        _check(permissions.receive_supplement(actor, locked), locked)
        step = locked.current_step
        cal = calendar()
        assert locked.paused_at is not None
        paused = cal.elapsed(locked.paused_at, at)
        locked.paused_working = (locked.paused_working or dt.timedelta(0)) + paused
        remaining = locked.remaining_at_pause
        # Already overdue at the pause: the pause gives no time back, the due time stays.
        if remaining is not None and remaining > dt.timedelta(0):
            locked.due_at = cal.add_working(at, remaining)
        supplement = locked.supplement_requests.order_by("-number").first()
        if supplement is not None:
            supplement.answered_at = at
            supplement.save(update_fields=["answered_at"])
        if step is not None:
            moved: list[DossierStep] = []
            if (
                supplement is not None
                and supplement.step_remaining is not None
                and supplement.step_remaining > dt.timedelta(0)
            ):
                step.due_at = min(cal.add_working(at, supplement.step_remaining), locked.due_at or at)
                locked.current_step_due_at = step.due_at
                moved.append(step)
            if step.due_at is not None:
                # The pause moved the dossier's due time: the steps still to come move with this one.
                moved += _schedule(locked, _following_steps(locked, step), step.due_at, cal)
            _save_due_times(moved)
        created = _create_documents(locked, documents, supplement=True)
        _attach(locked, files, types, created, stored, by_index=True)
        locked.status = locked.resume_status or Status.PROCESSING
        locked.resume_status = None
        locked.sub_state = SubState.NONE
        locked.paused_at = None
        locked.remaining_at_pause = None
        locked.deadline_state = Deadline.OK
        _commit(
            dossier,
            locked,
            actor,
            at,
            "receive_supplement",
            Status.SUPPLEMENT_REQUESTED,
            note,
            {
                "paused_hours": _hours(paused),
                "due_at": _iso(locked.due_at),
                "documents": [d.name for d in documents],
                "files": len(files),
            },
        )
    return dossier


# ---------------------------------------------------------------------------------------
# 6. Financial obligations


def request_payment(
    actor: Actor,
    dossier: Dossier,
    amount: int,
    *,
    at: dt.datetime | None = None,
    reason: str = "",
) -> Dossier:
    """Ask the applicant to pay fees or taxes (→ 6). The clock keeps running (to confirm)."""
    at = _now(at)
    with _atomic():
        locked = _lock(dossier, actor)
        _check(permissions.request_payment(actor, locked), locked)
        if amount <= 0:
            raise DossierError("invalid_amount", gettext("Số tiền phải nộp phải lớn hơn 0."))
        from_status = locked.status
        locked.fee_amount = amount
        locked.payment_requested_at = at
        locked.resume_status = from_status
        locked.status = Status.PAYMENT_REQUESTED
        locked.sub_state = SubState.PAYMENT_PENDING
        _commit(dossier, locked, actor, at, "request_payment", from_status, reason, {"amount": amount})
    return dossier


def record_payment(
    actor: Actor,
    dossier: Dossier,
    *,
    at: dt.datetime | None = None,
    online: bool = False,
    reference: str = "",
) -> Dossier:
    """The applicant paid (6 → back): online, recorded by the system (`actor` None) after a verified
    notification of the payment platform (motcua/payments), or in cash at the counter, recorded by
    an officer. Nobody else marks a fee paid, and no person can declare a payment "online":
    Decision 766's indicator 3.6 counts verified online payments only."""
    at = _now(at)
    with _atomic():
        locked = _lock(dossier, actor)
        _check(permissions.record_payment(actor, locked), locked)
        if online and actor is not None:
            raise DossierError("forbidden_role", gettext(
                "Chỉ nền tảng thanh toán (sau khi motcua xác thực thông báo của nền tảng) mới ghi nhận "
                "được thanh toán trực tuyến; tại quầy, hãy ghi nhận khoản nộp trực tiếp."))
        locked.paid_at = at
        locked.paid_online = online
        locked.status = locked.resume_status or Status.PROCESSING
        locked.resume_status = None
        locked.sub_state = SubState.NONE
        _commit(
            dossier,
            locked,
            actor,
            at,
            "record_payment",
            Status.PAYMENT_REQUESTED,
            data={
                "amount": locked.fee_amount,
                "online": locked.paid_online,
                "reference": reference,
            },
        )
    return dossier
