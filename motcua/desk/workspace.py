"""Inboxes per role and agency, and which transitions a person may be offered on a dossier.

Both only *read*: the services in motcua.dossiers.services decide and enforce. The
buttons offered come from the services' own predicates (`motcua.dossiers.permissions`), so
nobody is shown a button that would be refused; a stale page still gets the service's clear
answer.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import Count, Exists, F, OuterRef, Q, QuerySet
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from motcua.accounts.models import Role
from motcua.catalog.models import ChannelKind, Procedure
from motcua.dossiers import deadlines, permissions
from motcua.dossiers.models import Deadline, Dossier, Handover, Status, SubState
from motcua.dossiers.permissions import OPEN_FOR_LEADER, WORKING_STATUSES

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
        # Not those sent back to the citizen for completion: they wait for the applicant.
        return Q(status=Status.SUBMITTED, receiving_agency_id=agency) & ~Q(
            sub_state=SubState.COMPLETION_WAITING_APPLICANT)
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


SORTS = ("due", "-due")
DUE_STATES = tuple(d.value for d in Deadline)


@dataclass(frozen=True)
class InboxQuery:
    """What an officer asked the inbox for: free text, filters and the order by due time.

    `text` matches a dossier code, the applicant's name or ID number (spaces ignored, so a
    number read out in groups is still found). Unknown filter values are dropped, not errors:
    a stale bookmark still shows a list.
    """

    text: str = ""
    status: int | None = None
    due: str = ""
    procedure: str = ""
    channel: str = ""
    sort: str = "due"

    @classmethod
    def from_params(cls, params: Any) -> InboxQuery:
        status_raw = (params.get("status") or "").strip()
        status = int(status_raw) if status_raw.isdigit() and int(status_raw) in Status.values else None
        due = (params.get("due") or "").strip()
        channel = (params.get("channel") or "").strip()
        sort = (params.get("sort") or "due").strip()
        return cls(
            text=" ".join((params.get("q") or "").split())[:100],
            status=status,
            due=due if due in DUE_STATES else "",
            procedure=(params.get("procedure") or "").strip()[:64],
            channel=channel if channel in ChannelKind.values else "",
            sort=sort if sort in SORTS else "due",
        )

    @property
    def filtered(self) -> bool:
        return bool(self.text or self.status or self.due or self.procedure or self.channel)

    def condition(self, th: deadlines.Thresholds) -> Q:
        cond = Q()
        if self.text:
            digits = self.text.replace(" ", "")
            cond &= (Q(code__iexact=digits) | Q(code__icontains=self.text)
                     | Q(applicant__name__icontains=self.text) | Q(applicant__id_number=digits))
        if self.status is not None:
            cond &= Q(status=self.status)
        if self.due:
            cond &= deadlines.condition(self.due, th)
        if self.procedure:
            cond &= Q(version__procedure__code=self.procedure)
        if self.channel:
            cond &= Q(channel=self.channel)
        return cond


def box_dossiers(
    user: Any, key: str, query: InboxQuery | None = None, thresholds: deadlines.Thresholds | None = None
) -> QuerySet[Dossier]:
    """The dossiers of one inbox, filtered by `query`, ordered by due time (those without one last).

    Not sliced: the view pages it (one count query, one page query).
    """
    th = thresholds or deadlines.Thresholds.at()
    query = query or InboxQuery()
    due = F("due_at").desc(nulls_last=True) if query.sort == "-due" else F("due_at").asc(nulls_last=True)
    return (
        scoped(user).filter(box_condition(key, user, th) & query.condition(th))
        .annotate(deadline=deadlines.annotation(th))
        .select_related("version__procedure", "applicant", "receiving_agency", "current_step")
        .order_by(due, "-submitted_at", "-id")
    )


def procedures_in_scope(user: Any) -> QuerySet[Procedure]:
    """The procedures of the dossiers this officer may see (the inbox's procedure filter)."""
    return (Procedure.objects.filter(versions__dossiers__in=scoped(user)).distinct()
            .order_by("code").only("code", "name"))


# ---------------------------------------------------------------------------------------
# Which transitions to offer

# The desk's buttons, in the order a person would consider them (desk.views.ACTIONS has one each).
DESK_ACTIONS = (
    "receive_and_forward", "receive", "request_completion", "refuse",
    "approve", "forward", "result_ready", "assign", "request_supplement", "request_payment", "transfer",
    "receive_supplement", "record_payment", "return_result", "apologize", "stop", "withdraw",
)


def allowed_actions(user: Any, dossier: Dossier, next_step: Any = None) -> list[str]:
    """The transitions to show as buttons: exactly those the services would accept now.

    Each comes from its predicate in `motcua.dossiers.permissions`, the one the service
    itself calls; `next_step` is the dossier's next unfinished step (for `forward`).
    """
    available = set(permissions.available_actions(user, dossier, next_step))
    return [name for name in DESK_ACTIONS if name in available]
