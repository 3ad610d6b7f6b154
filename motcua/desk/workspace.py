"""Inboxes per role and agency, and which transitions a person may be offered on a dossier.

Both only *read*: the services in motcua.dossiers.services decide and enforce. The
buttons offered here mirror their rules so nobody is shown a button that would be
refused; a stale page still gets the service's clear answer.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import Count, Exists, OuterRef, Q, QuerySet
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from motcua.accounts.models import Role
from motcua.dossiers import deadlines
from motcua.dossiers.models import Deadline, Dossier, Handover, Status, SubState
from motcua.dossiers.services import (
    OFFICER_ROLES,
    OPEN_FOR_LEADER,
    WITHDRAWABLE_STATUSES,
    WORKING_STATUSES,
    apology_still_possible,
)

# The clock runs in these statuses (5 is paused): only they can be due soon or overdue.
RUNNING = deadlines.RUNNING


@dataclass(frozen=True)
class Box:
    key: str
    label: Promise


BOXES: dict[str, Box] = {b.key: b for b in [
    Box("to_receive", _("Chờ tiếp nhận")),
    Box("to_process", _("Cần xử lý")),
    Box("to_approve", _("Chờ phê duyệt")),
    Box("waiting_supplement", _("Chờ bổ sung")),
    Box("waiting_payment", _("Chờ thực hiện nghĩa vụ tài chính")),
    Box("to_return", _("Chờ trả kết quả")),
    Box("due_soon", _("Sắp đến hạn")),
    Box("overdue", _("Quá hạn")),
    Box("transferred_in", _("Liên thông đến")),
    Box("all", _("Tất cả")),
]}

ROLE_BOXES: dict[str, list[str]] = {
    Role.RECEPTIONIST: ["to_receive", "to_process", "waiting_supplement", "waiting_payment", "to_return",
                        "due_soon", "overdue", "transferred_in", "all"],
    Role.SPECIALIST: ["to_process", "waiting_supplement", "waiting_payment", "due_soon", "overdue",
                      "transferred_in", "all"],
    Role.LEADER: ["to_approve", "to_process", "waiting_supplement", "waiting_payment", "due_soon", "overdue",
                  "transferred_in", "all"],
}
DEFAULT_BOXES = ["waiting_supplement", "waiting_payment", "due_soon", "overdue", "transferred_in", "all"]


def boxes_for(user: Any) -> list[Box]:
    return [BOXES[k] for k in ROLE_BOXES.get(user.role, DEFAULT_BOXES)]


def scoped(user: Any) -> QuerySet[Dossier]:
    """Every dossier this officer may see (the shared scope of the dossiers app), without DISTINCT.

    `visible_to` joins the steps and de-duplicates; a pk subquery keeps that rule while letting
    the inbox aggregate and order freely.
    """
    return Dossier.objects.filter(pk__in=Dossier.objects.visible_to(user).values("pk"))


def box_condition(key: str, user: Any, thresholds: deadlines.Thresholds | None = None) -> Q:
    """The filter of one inbox for this officer (inside their scope).

    Due soon and overdue are what the clock says now (`thresholds`, computed once per
    request), never a flag stored by a sweep. An online dossier waiting for acceptance
    longer than the acceptance window is overdue in its receiving centre's inbox.
    """
    agency = user.agency_id
    mine = Q(current_step__role=user.role) | Q(current_step__assignee=user)
    my_step = Q(current_step__agency_id=agency) & mine
    if key == "to_receive":
        return Q(status=Status.SUBMITTED, receiving_agency_id=agency)
    if key == "to_process":
        return Q(status__in=WORKING_STATUSES) & my_step & ~Q(sub_state=SubState.AWAITING_APPROVAL)
    if key == "to_approve":
        return Q(status__in=WORKING_STATUSES, current_step__agency_id=agency, current_step__role=Role.LEADER)
    if key == "waiting_supplement":
        return Q(status=Status.SUPPLEMENT_REQUESTED)
    if key == "waiting_payment":
        return Q(status=Status.PAYMENT_REQUESTED)
    if key == "to_return":
        return Q(status=Status.RESULT_READY, receiving_agency_id=agency)
    if key in ("due_soon", "overdue"):
        th = thresholds or deadlines.Thresholds.at()
        state = Deadline.DUE_SOON if key == "due_soon" else Deadline.OVERDUE
        # Waiting for acceptance concerns the receiving centre only.
        return deadlines.condition(state, th) & (~Q(status=Status.SUBMITTED) | Q(receiving_agency_id=agency))
    if key == "transferred_in":
        transferred = Handover.objects.filter(dossier=OuterRef("pk"), kind=Handover.Kind.TRANSFER,
                                              to_agency_id=agency)
        return Q(Exists(transferred)) & Q(status__in=[*OPEN_FOR_LEADER, Status.RESULT_READY])
    return Q()


def box_counts(user: Any, boxes: list[Box], thresholds: deadlines.Thresholds | None = None) -> dict[str, int]:
    """All the counts of the tabs in one query."""
    th = thresholds or deadlines.Thresholds.at()
    aggregates = {b.key: Count("pk", filter=box_condition(b.key, user, th)) for b in boxes}
    return scoped(user).aggregate(**aggregates)


def box_dossiers(
    user: Any, key: str, limit: int = 100, thresholds: deadlines.Thresholds | None = None
) -> QuerySet[Dossier]:
    th = thresholds or deadlines.Thresholds.at()
    return (
        scoped(user).filter(box_condition(key, user, th))
        .annotate(deadline=deadlines.annotation(th))
        .select_related("version__procedure", "applicant", "receiving_agency", "current_step")
        .order_by("due_at", "-submitted_at", "-id")[:limit]
    )


# ---------------------------------------------------------------------------------------
# Which transitions to offer


def _officer_of(user: Any, agency_id: int | None, *roles: str) -> bool:
    return bool(user.is_active and user.agency_id and user.agency_id == agency_id and user.role in roles)


def _acts_on_step(user: Any, dossier: Dossier) -> bool:
    step = dossier.current_step
    if step is None or user.agency_id != step.agency_id:
        return False
    return bool(user.role == step.role or user.role == Role.LEADER or step.assignee_id == user.pk)


def allowed_actions(user: Any, dossier: Dossier, next_step: Any = None) -> list[str]:
    """The transitions to show as buttons, in the order a person would consider them."""
    s = dossier.status
    actions: list[str] = []
    receptionist = _officer_of(user, dossier.receiving_agency_id, Role.RECEPTIONIST)
    leader = _officer_of(user, dossier.competent_agency_id, Role.LEADER)
    on_step = _acts_on_step(user, dossier)
    awaiting_approval = dossier.sub_state == SubState.AWAITING_APPROVAL
    if s == Status.SUBMITTED and receptionist:
        actions += ["receive", "refuse"]
    if s in WORKING_STATUSES:
        step = dossier.current_step
        if leader and dossier.result_text and (awaiting_approval or (step and step.role == Role.LEADER)):
            actions.append("approve")
        if on_step and not awaiting_approval and step is not None:
            is_specialist_step = step.role == Role.SPECIALIST
            if next_step is not None and not (is_specialist_step and next_step.role == Role.LEADER):
                actions.append("forward")
            if is_specialist_step or (step.role == Role.LEADER and not dossier.result_text):
                actions.append("result_ready")
        if step is not None and _officer_of(user, step.agency_id, Role.LEADER) and not awaiting_approval:
            actions.append("assign")
        specialist_or_leader = _officer_of(user, dossier.competent_agency_id, Role.SPECIALIST, Role.LEADER)
        if (on_step or specialist_or_leader) and not awaiting_approval:
            if dossier.supplement_count == 0 or user.role == Role.LEADER:
                actions.append("request_supplement")
        # As request_payment allows: the step's holder or a specialist/leader of the competent agency.
        if (on_step or specialist_or_leader) and not awaiting_approval:
            actions.append("request_payment")
        if step is not None and _officer_of(user, step.agency_id, Role.SPECIALIST, Role.LEADER,
                                            Role.RECEPTIONIST, Role.CENTER_MANAGER) and not awaiting_approval:
            actions.append("transfer")
    if s == Status.SUPPLEMENT_REQUESTED and (receptionist or on_step):
        actions.append("receive_supplement")
    # As record_payment allows: the receiving desk, or any officer of the competent agency.
    if s == Status.PAYMENT_REQUESTED and (
        receptionist or _officer_of(user, dossier.competent_agency_id, *OFFICER_ROLES)
    ):
        actions.append("record_payment")
    if s == Status.RESULT_READY and receptionist:
        actions.append("return_result")
    if (s in OPEN_FOR_LEADER and (leader or _officer_of(user, dossier.receiving_agency_id, Role.LEADER))
            and apology_still_possible(dossier, timezone.now())):
        actions.append("apologize")
    if s in OPEN_FOR_LEADER and leader:
        actions.append("stop")
    if s in WITHDRAWABLE_STATUSES and receptionist:
        actions.append("withdraw")
    return actions
