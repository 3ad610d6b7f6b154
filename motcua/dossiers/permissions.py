"""Who may do what to a dossier, in one place: one predicate per transition.

Each predicate is a pure function of already-loaded rows (the actor, the dossier with its
current step and, for the owner check, its applicant; `forward` also needs the next step)
and returns `None` when the transition is allowed, else the stable code of the refusal:

- `invalid_transition` — the dossier's status (or sub-state) does not allow it, whoever asks;
- `forbidden_role` — the status allows it, but not for this person;
- a few state refusals of their own (`no_next_step`, `result_first`, `result_required`,
  `supplement_already_requested`, `apology_too_late`).

`motcua.dossiers.services` calls them under the row lock and turns a code into a
`DossierError`; the desk (`desk.workspace.allowed_actions`), the portal and the API's
`available_actions` offer exactly the transitions whose predicate passes, so a screen never
shows a button the service would refuse (`dossiers/tests/test_offered_is_allowed.py`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from typing import Any

from django.utils import timezone

from motcua.accounts.models import Role
from motcua.dossiers.models import Status, SubState

INVALID = "invalid_transition"
FORBIDDEN = "forbidden_role"

# Statuses a dossier can be worked on in (received or processing, not paused).
WORKING_STATUSES = (Status.RECEIVED, Status.PROCESSING)
# Statuses from which an applicant may still withdraw.
WITHDRAWABLE_STATUSES = (
    Status.SUBMITTED,
    Status.RECEIVED,
    Status.PROCESSING,
    Status.SUPPLEMENT_REQUESTED,
    Status.PAYMENT_REQUESTED,
)
# Statuses in which a leader may stop processing or apologise.
OPEN_FOR_LEADER = (Status.RECEIVED, Status.PROCESSING, Status.SUPPLEMENT_REQUESTED, Status.PAYMENT_REQUESTED)
OFFICER_ROLES = (Role.RECEPTIONIST, Role.SPECIALIST, Role.LEADER, Role.CENTER_MANAGER)

Refusal = str | None


# ---------------------------------------------------------------------------------------
# Who the actor is to this dossier


def is_officer(actor: Any, roles: Iterable[str], agency_id: int | None) -> bool:
    return bool(
        actor is not None
        and getattr(actor, "is_authenticated", True)
        and actor.is_active
        and actor.role in roles
        and actor.agency_id is not None
        and actor.agency_id == agency_id
    )


def is_owner(actor: Any, dossier: Any) -> bool:
    """The citizen whose account the dossier's applicant belongs to."""
    return bool(
        actor is not None
        and getattr(actor, "is_authenticated", True)
        and actor.role == Role.CITIZEN
        and dossier.applicant.user_id is not None
        and dossier.applicant.user_id == actor.pk
    )


def acts_on_step(actor: Any, step: Any) -> bool:
    """The step's role at its agency, its assignee, or a leader of that agency."""
    if step is None or actor is None or not getattr(actor, "is_authenticated", True) or not actor.is_active:
        return False
    if actor.agency_id is None or actor.agency_id != step.agency_id:
        return False
    return bool(actor.role == step.role or actor.role == Role.LEADER or step.assignee_id == actor.pk)


def _first(*checks: tuple[bool, str]) -> Refusal:
    """The first refusal whose condition fails (status first, then role, then state)."""
    for ok, code in checks:
        if not ok:
            return code
    return None


def _awaiting_approval(dossier: Any) -> bool:
    return bool(dossier.sub_state == SubState.AWAITING_APPROVAL)


# ---------------------------------------------------------------------------------------
# New dossiers (no dossier yet)


def submit_online(actor: Any) -> Refusal:
    """Only a citizen's account submits online."""
    return None if actor is not None and getattr(actor, "role", None) == Role.CITIZEN else FORBIDDEN


def receive_at_counter(actor: Any) -> Refusal:
    """A receptionist receives (or refuses) what is handed in at the counter or by post."""
    ok = (
        actor is not None
        and getattr(actor, "is_authenticated", True)
        and actor.is_active
        and actor.role == Role.RECEPTIONIST
        and actor.agency is not None
    )
    return None if ok else FORBIDDEN


# ---------------------------------------------------------------------------------------
# Before reception (status 1)


def receive(actor: Any, dossier: Any) -> Refusal:
    """The receiving centre's desk accepts an online dossier (1 → 2), unless it waits for the citizen."""
    return _first(
        (dossier.status == Status.SUBMITTED and dossier.sub_state == SubState.NONE, INVALID),
        (is_officer(actor, [Role.RECEPTIONIST], dossier.receiving_agency_id), FORBIDDEN),
    )


def receive_and_forward(actor: Any, dossier: Any) -> Refusal:
    """Receive and hand over to the next step at once: whoever may receive (the desk holds step 1)."""
    return receive(actor, dossier)


def refuse(actor: Any, dossier: Any) -> Refusal:
    """The receiving centre's desk refuses an online dossier before reception (1 → 3, form 03)."""
    return _first(
        (dossier.status == Status.SUBMITTED, INVALID),
        (is_officer(actor, [Role.RECEPTIONIST], dossier.receiving_agency_id), FORBIDDEN),
    )


def request_completion(actor: Any, dossier: Any) -> Refusal:
    """The desk sends an online dossier back for completion before reception (status 1, no clock)."""
    return _first(
        (dossier.status == Status.SUBMITTED and dossier.sub_state == SubState.NONE, INVALID),
        (is_officer(actor, [Role.RECEPTIONIST], dossier.receiving_agency_id), FORBIDDEN),
    )


def complete_submission(actor: Any, dossier: Any) -> Refusal:
    """The citizen completes a dossier sent back before reception and resubmits it."""
    return _first(
        (
            dossier.status == Status.SUBMITTED and dossier.sub_state == SubState.COMPLETION_WAITING_APPLICANT,
            INVALID,
        ),
        (is_owner(actor, dossier), FORBIDDEN),
    )


# ---------------------------------------------------------------------------------------
# Processing


def _working(dossier: Any) -> bool:
    """Received or processing, with no result waiting for the leader's approval."""
    return dossier.status in WORKING_STATUSES and not _awaiting_approval(dossier)


def _approval_is_next(dossier: Any, next_step: Any) -> bool:
    """A specialist's step followed by the leader's: the way on is submitting the result (`result_ready`)."""
    step = dossier.current_step
    return bool(
        step is not None
        and next_step is not None
        and step.role == Role.SPECIALIST
        and next_step.role == Role.LEADER
        and not dossier.result_text
    )


def forward(actor: Any, dossier: Any, next_step: Any) -> Refusal:
    """The holder of the current step hands over to the next one.

    Not to the leader's approval step without a result: that hand-over is `result_ready`.
    """
    return _first(
        (_working(dossier), INVALID),
        (acts_on_step(actor, dossier.current_step), FORBIDDEN),
        (next_step is not None, "no_next_step"),
        (not _approval_is_next(dossier, next_step), "result_first"),
    )


def assign(actor: Any, dossier: Any) -> Refusal:
    """A leader of the current step's agency names who handles it (lãnh đạo phân công)."""
    step = dossier.current_step
    return _first(
        (_working(dossier), INVALID),
        (step is not None and is_officer(actor, [Role.LEADER], step.agency_id), FORBIDDEN),
    )


def transfer(actor: Any, dossier: Any) -> Refusal:
    step = dossier.current_step
    return _first(
        (_working(dossier), INVALID),
        (step is not None and is_officer(actor, OFFICER_ROLES, step.agency_id), FORBIDDEN),
    )


def _specialist_side(actor: Any, dossier: Any) -> bool:
    """The step's holder or a specialist/leader of the competent agency."""
    return acts_on_step(actor, dossier.current_step) or is_officer(
        actor, [Role.SPECIALIST, Role.LEADER], dossier.competent_agency_id
    )


def request_supplement(actor: Any, dossier: Any) -> Refusal:
    """Once, in writing; a second request only by a leader (with a reason)."""
    return _first(
        (_working(dossier), INVALID),
        (_specialist_side(actor, dossier), FORBIDDEN),
        (
            dossier.supplement_count == 0 or getattr(actor, "role", None) == Role.LEADER,
            "supplement_already_requested",
        ),
    )


def receive_supplement(actor: Any, dossier: Any) -> Refusal:
    return _first(
        (dossier.status == Status.SUPPLEMENT_REQUESTED, INVALID),
        (
            is_owner(actor, dossier)
            or is_officer(actor, [Role.RECEPTIONIST], dossier.receiving_agency_id)
            or acts_on_step(actor, dossier.current_step),
            FORBIDDEN,
        ),
    )


def request_payment(actor: Any, dossier: Any) -> Refusal:
    return _first(
        (_working(dossier), INVALID),
        (_specialist_side(actor, dossier), FORBIDDEN),
    )


def is_system(actor: Any) -> bool:
    """The system itself (no person): the payments app after a verified gateway notification."""
    return actor is None


def record_payment(actor: Any, dossier: Any) -> Refusal:
    """A fee is marked paid only by the system after a verified gateway notification (online) or by
    an officer who took the money (the receiving desk or an officer of the competent agency).

    Never by the citizen: a payment the applicant declares themselves proves nothing (issue #15).
    """
    return _first(
        (dossier.status == Status.PAYMENT_REQUESTED, INVALID),
        (
            is_system(actor)
            or is_officer(actor, [Role.RECEPTIONIST], dossier.receiving_agency_id)
            or is_officer(actor, OFFICER_ROLES, dossier.competent_agency_id),
            FORBIDDEN,
        ),
    )


def withdraw(actor: Any, dossier: Any) -> Refusal:
    return _first(
        (dossier.status in WITHDRAWABLE_STATUSES, INVALID),
        (
            is_owner(actor, dossier) or is_officer(actor, [Role.RECEPTIONIST], dossier.receiving_agency_id),
            FORBIDDEN,
        ),
    )


def stop(actor: Any, dossier: Any) -> Refusal:
    return _first(
        (dossier.status in OPEN_FOR_LEADER, INVALID),
        (is_officer(actor, [Role.LEADER], dossier.competent_agency_id), FORBIDDEN),
    )


def result_ready(actor: Any, dossier: Any) -> Refusal:
    return _first(
        (_working(dossier), INVALID),
        (
            acts_on_step(actor, dossier.current_step)
            or is_officer(actor, [Role.SPECIALIST], dossier.competent_agency_id),
            FORBIDDEN,
        ),
    )


def approve(actor: Any, dossier: Any) -> Refusal:
    return _first(
        (dossier.status in WORKING_STATUSES, INVALID),
        (is_officer(actor, [Role.LEADER], dossier.competent_agency_id), FORBIDDEN),
        (bool(dossier.result_text), "result_required"),
    )


def return_result(actor: Any, dossier: Any) -> Refusal:
    return _first(
        (dossier.status == Status.RESULT_READY, INVALID),
        (is_officer(actor, [Role.RECEPTIONIST], dossier.receiving_agency_id), FORBIDDEN),
    )


def apology_still_possible(dossier: Any, at: dt.datetime) -> bool:
    """Whether an apology with a new appointment may still be given at `at`.

    Decree 118/2025/NĐ-CP (REGULATIONS.md "Time"): the apology and the new appointment reach
    the applicant *before* the due time; after it the dossier is simply late. A dossier paused
    for a supplement has no running clock to be late on.
    """
    if dossier.status == Status.SUPPLEMENT_REQUESTED or dossier.due_at is None:
        return True
    return bool(at < dossier.due_at)


def apologize(actor: Any, dossier: Any, at: dt.datetime | None = None) -> Refusal:
    """A leader of the competent or the receiving agency, before the due time (form 04)."""
    return _first(
        (dossier.status in OPEN_FOR_LEADER, INVALID),
        (
            is_officer(actor, [Role.LEADER], dossier.competent_agency_id)
            or is_officer(actor, [Role.LEADER], dossier.receiving_agency_id),
            FORBIDDEN,
        ),
        (apology_still_possible(dossier, at or timezone.now()), "apology_too_late"),
    )


def attach_file(actor: Any, dossier: Any) -> Refusal:
    return _first(
        (dossier.status in (*WITHDRAWABLE_STATUSES, Status.RESULT_READY), INVALID),
        (
            is_owner(actor, dossier)
            or is_officer(actor, OFFICER_ROLES, dossier.receiving_agency_id)
            or is_officer(actor, OFFICER_ROLES, dossier.competent_agency_id),
            FORBIDDEN,
        ),
    )


# ---------------------------------------------------------------------------------------
# Every transition on an existing dossier, by the name the screens and the API use


def _without_step(check: Callable[[Any, Any], Refusal]) -> Callable[[Any, Any, Any], Refusal]:
    return lambda actor, dossier, next_step: check(actor, dossier)


TRANSITIONS: dict[str, Callable[[Any, Any, Any], Refusal]] = {
    "receive": _without_step(receive),
    "receive_and_forward": _without_step(receive_and_forward),
    "refuse": _without_step(refuse),
    "request_completion": _without_step(request_completion),
    "complete_submission": _without_step(complete_submission),
    "forward": forward,
    "assign": _without_step(assign),
    "transfer": _without_step(transfer),
    "request_supplement": _without_step(request_supplement),
    "receive_supplement": _without_step(receive_supplement),
    "request_payment": _without_step(request_payment),
    "record_payment": _without_step(record_payment),
    "withdraw": _without_step(withdraw),
    "stop": _without_step(stop),
    "result_ready": _without_step(result_ready),
    "approve": _without_step(approve),
    "return_result": _without_step(return_result),
    "apologize": _without_step(apologize),
}


def allowed(name: str, actor: Any, dossier: Any, next_step: Any = None) -> bool:
    return TRANSITIONS[name](actor, dossier, next_step) is None


def available_actions(actor: Any, dossier: Any, next_step: Any = None) -> list[str]:
    """Every transition this person may run on this dossier now, in the order of TRANSITIONS.

    `None` is the system (see `is_system`), not an anonymous visitor: a visitor is an
    `AnonymousUser` and is offered nothing.
    """
    if actor is not None and not getattr(actor, "is_authenticated", False):
        return []
    return [name for name, check in TRANSITIONS.items() if check(actor, dossier, next_step) is None]
