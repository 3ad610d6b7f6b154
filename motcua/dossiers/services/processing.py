"""Processing through the steps: the process steps of a dossier, forwarding, assignment, liên
thông transfer, withdrawal and stopping.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from django.db import connection
from django.db.models import ForeignKey
from django.utils.translation import gettext

from motcua.accounts.models import Role, User
from motcua.agencies.models import Agency
from motcua.catalog import services as catalog_services
from motcua.catalog.models import Channel
from motcua.core import rows as tables
from motcua.dossiers import permissions
from motcua.dossiers.models import (
    Deadline,
    Dossier,
    DossierStep,
    Handover,
    Status,
    SubState,
)
from motcua.dossiers.permissions import OFFICER_ROLES
from motcua.dossiers.services.kernel import (
    Actor,
    DossierError,
    _atomic,
    _check,
    _commit,
    _insert_reserved,
    _iso,
    _lock,
    _now,
    _reason_required,
    calendar,
)
from motcua.worktime.core import WorkCalendar

# ---------------------------------------------------------------------------------------
# Process steps


def _steps_template(dossier: Dossier, channels: list[Channel]) -> list[tuple[str, str, int, dt.timedelta]]:
    """The version's internal process, or a default one when the catalog has none."""
    receiving, competent = dossier.receiving_agency_id, dossier.competent_agency_id
    steps = list(dossier.version.process_steps.all())
    if steps:
        return [
            (
                s.name,
                s.role,
                receiving if s.agency_kind in Agency.SERVICE_CENTER_KINDS else competent,
                dt.timedelta(seconds=float(s.allotted_hours) * 3600),
            )
            for s in sorted(steps, key=lambda s: s.order)
        ]
    # No template in the catalog: the catalog's default split of the legal time.
    channel = next((c for c in channels if c.kind == dossier.channel), None)
    limit = (channel.time_limit_value, channel.time_limit_unit) if channel else None
    level = "commune" if dossier.competent_agency.kind in Agency.COMMUNE_KINDS else "province"
    return [
        (
            step["name"],
            step["role"],
            receiving if step["agency_kind"] in Agency.SERVICE_CENTER_KINDS else competent,
            dt.timedelta(seconds=float(step["allotted_hours"]) * 3600),
        )
        for step in catalog_services.default_process_steps(level, limit)
    ]


def _copy_steps(
    dossier: Dossier,
    template: list[tuple[str, str, int, dt.timedelta]],
    at: dt.datetime,
    cal: WorkCalendar,
    plan_from: dt.datetime | None = None,
) -> list[DossierStep]:
    """The dossier's steps with their planned due times (saved, in order); the first one starts now.

    Step k is planned due after the allotted working time of steps 1…k from the clock
    start (`plan_from`, default the received time), never after the dossier's due time
    (see `_schedule`).
    """
    assert dossier.due_at is not None
    new = tables.table(DossierStep).new
    rows: list[DossierStep] = [
        new(  # type: ignore[misc]
            dossier=dossier,
            order=order,
            name=name,
            role=role,
            agency_id=agency_id,
            allotted=allotted,
            started_at=at if order == 1 else None,
        )
        for order, (name, role, agency_id, allotted) in enumerate(template, start=1)
    ]
    if not rows:
        return []
    _schedule(dossier, rows, plan_from or at, cal)
    table = tables.table(DossierStep)
    created = rows
    if not _insert_reserved(dossier, DossierStep, rows):
        table.insert_many(rows)
        if created[0].pk is None:  # backends without RETURNING on a multi-row insert
            created = list(DossierStep.objects.filter(dossier=dossier).order_by("order"))
    dossier._open_steps = list(created)
    return created


def _schedule(
    dossier: Dossier, steps: Sequence[DossierStep], start: dt.datetime, cal: WorkCalendar
) -> list[DossierStep]:
    """Plan the due times of consecutive steps, the first of which starts at `start`.

    Each step is due after its allotted working time, counted from the start for the
    first one and from the due time of the step before for the others, but never earlier
    than its due time already planned (time saved earlier stays with the later steps) and
    never later than the dossier's due time, which only a supplement pause moves (Decree
    118/2025 and Circular 03/2025: the appointment on the receipt slip is the legal due
    time; the internal process divides it). So due times never decrease along the steps
    and the last one is at most the dossier's. Returns the steps whose due time changed.
    """
    changed = []
    previous = start
    for step in steps:
        due = cal.add_working(previous, step.allotted)
        if step.due_at is not None:
            due = max(due, step.due_at)
        if dossier.due_at is not None:
            due = min(due, dossier.due_at)
        if due != step.due_at:
            step.due_at = due
            changed.append(step)
        previous = due
    return changed


_STARTED = ["started_at", "due_at", "deadline_state", "assignee"]
_FINISHED = ["finished_at", "finished_by"]


def _start_step(
    dossier: Dossier,
    step: DossierStep,
    at: dt.datetime,
    cal: WorkCalendar,
    assignee: User | None = None,
    later: Sequence[DossierStep] = (),
    finished: DossierStep | None = None,
) -> None:
    """Start `step` now: due = max(planned due, now + allotted), capped by the dossier's due
    time; the unfinished steps after it (`later`, in order) move with it if they must.

    `finished`: the step that ends now (`_finish_step(…, save=False)`), written here.
    """
    step.started_at = at
    _schedule(dossier, [step], at, cal)
    step.deadline_state = Deadline.OK
    if assignee is not None:
        step.assignee = assignee
    dossier.current_step = step
    dossier.current_step_due_at = step.due_at
    if finished is not None:
        _hand_on(finished, step)
    else:
        tables.table(DossierStep).update(step, _STARTED)
    moved = _schedule(dossier, later, step.due_at, cal) if later and step.due_at is not None else []
    _save_due_times(moved)  # only the later steps that moved


def _save_due_times(steps: Sequence[DossierStep]) -> None:
    """Write the steps' new due times: kept with the transition's other writes where writes are
    kept (PostgreSQL: no statement of their own, no ORM query inside a batch), else one UPDATE."""
    if tables.keeping():
        for step in steps:
            tables.table(DossierStep).update(step, ["due_at"])
    elif steps:
        DossierStep.objects.bulk_update(steps, ["due_at"])


def _hand_on_sql() -> str:
    """One UPDATE of the step that ends and the one that starts (built once per vendor)."""
    sql = _HAND_ON_SQL.get(connection.vendor)
    if sql is None:
        t = tables.table(DossierStep)
        pk = t.pk_column
        sets = ", ".join(
            f"{t.column[name]} = CASE WHEN {pk} = %s THEN %s ELSE {t.column[name]} END"
            for name in (*_FINISHED, *_STARTED)
        )
        sql = _HAND_ON_SQL[connection.vendor] = f"UPDATE {t.name} SET {sets} WHERE {pk} IN (%s, %s)"
    return sql


_HAND_ON_SQL: dict[str, str] = {}


def _hand_on(finished: DossierStep, started: DossierStep) -> None:
    """Write the finished step's end and the started step's start in one statement."""
    t = tables.table(DossierStep)
    params: list[Any] = []
    for step, names in ((finished, _FINISHED), (started, _STARTED)):
        for name in names:
            field = t.by_name[name]
            params += [step.pk, field.get_db_prep_save(getattr(step, field.attname), connection)]
    params += [finished.pk, started.pk]
    # Kept for the transition's next statement (`rows.combining`), its row count checked then.
    tables.defer(_hand_on_sql(), params,
                 tables.rowcount(2, "Dossier steps: the UPDATE of the hand-on did not find both steps."))


def _finish_step(step: DossierStep, actor: Actor, at: dt.datetime, *, save: bool = True) -> None:
    step.finished_at = at
    step.finished_by = actor
    if save:
        tables.table(DossierStep).update(step, _FINISHED)


def _split(steps: list[DossierStep]) -> tuple[DossierStep | None, list[DossierStep]]:
    """The next step and the ones after it."""
    return (steps[0], steps[1:]) if steps else (None, [])


def _following_steps(dossier: Dossier, step: DossierStep | None) -> list[DossierStep]:
    """The unfinished steps after `step`, in order: those read with the lock (`_lock`), else
    one query."""
    order = step.order if step else 0
    loaded = dossier._open_steps
    if loaded is not None:
        return [s for s in loaded if s.order > order and s.finished_at is None]
    return list(
        DossierStep.objects.filter(dossier_id=dossier.pk, order__gt=order, finished_at__isnull=True)
        .select_related("agency")
        .order_by("order")
    )


def _handover(
    dossier: Dossier,
    kind: str,
    at: dt.datetime,
    actor: Actor,
    from_agency_id: int | None,
    to_agency_id: int | None,
    from_step: DossierStep | None = None,
    receiver: User | None = None,
    note: str = "",
) -> Handover:
    table = tables.table(Handover)
    handover: Handover = table.new(  # type: ignore[assignment]
        dossier=dossier,
        kind=kind,
        at=at,
        from_agency_id=from_agency_id,
        to_agency_id=to_agency_id,
        giver=actor,
        receiver=receiver,
        from_step=from_step,
        due_at=from_step.due_at if from_step else None,
        note=note,
    )
    table.append(handover)  # queued inside a batch (`rows.batch`)
    return handover


# ---------------------------------------------------------------------------------------
# 4. Processing through the steps


def forward_dossier(
    actor: Actor,
    dossier: Dossier,
    *,
    at: dt.datetime | None = None,
    assignee: User | None = None,
    note: str = "",
) -> Dossier:
    """Finish the current step and hand the dossier to the next one (→ 4)."""
    at = _now(at)
    with _atomic():
        locked = _lock(dossier, actor)
        from_status, data = _forward(actor, locked, at, assignee, note)
        _commit(dossier, locked, actor, at, "forward", from_status, note, data)
    return dossier


def _forward(
    actor: Actor,
    locked: Dossier,
    at: dt.datetime,
    assignee: User | None = None,
    note: str = "",
    following_steps: list[DossierStep] | None = None,
) -> tuple[int, dict[str, Any]]:
    """The forward of a locked dossier (its status before, the event's data), without its event.

    `following_steps`: the unfinished steps after the current one, when the caller has them
    in hand (reception and forward in one transition); else they are read.
    """
    step = locked.current_step
    if following_steps is None:
        following_steps = _following_steps(locked, step)
    following, later = _split(following_steps)
    _check(permissions.forward(actor, locked, following), locked)
    assert step is not None and following is not None
    if assignee is not None and assignee.agency_id != following.agency_id:
        raise DossierError(
            "invalid_agency", gettext("Người được giao không thuộc cơ quan xử lý bước tiếp theo.")
        )
    from_status = locked.status
    _finish_step(step, actor, at, save=False)
    _start_step(locked, following, at, calendar(), assignee, later, finished=step)
    to_agency = _agency_of(locked, following)
    inter_agency = _inter_agency(locked, step.agency_id, to_agency)
    kind = Handover.Kind.TRANSFER if inter_agency else Handover.Kind.STEP
    _handover(locked, kind, at, actor, step.agency_id, following.agency_id, step, assignee, note)
    locked.status = Status.PROCESSING
    return from_status, {
        "from_step": step.order,
        "to_step": following.order,
        "to_agency": to_agency.code,
        "inter_agency": inter_agency,
        "assignee": assignee.pk if assignee else None,
        "step_due_at": _iso(following.due_at),
    }


def _cached_agency(dossier: Dossier, agency_id: int | None) -> Agency | None:
    """The receiving or competent agency the dossier object already carries, if it is `agency_id`."""
    for name in ("receiving_agency", "competent_agency"):
        field = Dossier._meta.get_field(name)
        assert isinstance(field, ForeignKey)
        if field.is_cached(dossier) and getattr(dossier, field.attname) == agency_id:
            cached = field.get_cached_value(dossier)
            assert isinstance(cached, Agency)
            return cached
    return None


def _agency_of(dossier: Dossier, step: DossierStep) -> Agency:
    """The step's agency: the one cached on the step or on the dossier, else read."""
    if not DossierStep.agency.is_cached(step):  # type: ignore[attr-defined]
        cached = _cached_agency(dossier, step.agency_id)
        if cached is not None:
            step.agency = cached
    return step.agency


def _inter_agency(dossier: Dossier, from_agency_id: int, to_agency: Agency) -> bool:
    """A hand-over between two administrations (liên thông), not a step inside one.

    A commune centre and its committee, or the provincial centre and a department, are one
    administration (`Agency.administration_id`); a centre of another commune, or an office
    organised outside the People's Committees (police, customs, tax…), is another.
    """
    if from_agency_id == to_agency.pk:
        return False
    source = _cached_agency(dossier, from_agency_id)
    if source is None:  # read only when the dossier object does not carry it already
        source = Agency.objects.only("pk", "kind", "parent_id").get(pk=from_agency_id)
    return source.administration_id != to_agency.administration_id


def assign_step(actor: Actor, dossier: Dossier, assignee: User, *, at: dt.datetime | None = None) -> Dossier:
    """A leader (or the step's holder) names the officer who handles the current step."""
    at = _now(at)
    with _atomic():
        locked = _lock(dossier, actor)
        _check(permissions.assign(actor, locked), locked)
        step = locked.current_step
        assert step is not None
        if assignee.agency_id != step.agency_id or assignee.role not in OFFICER_ROLES:
            raise DossierError(
                "invalid_agency", gettext("Người được giao không thuộc cơ quan xử lý bước này.")
            )
        step.assignee = assignee
        tables.table(DossierStep).update(step, ["assignee"])
        _commit(
            dossier,
            locked,
            actor,
            at,
            "assign",
            locked.status,
            data={"step": step.order, "assignee": assignee.pk},
        )
    return dossier


def transfer_dossier(
    actor: Actor,
    dossier: Dossier,
    to_agency: Agency,
    *,
    at: dt.datetime | None = None,
    reason: str = "",
) -> Dossier:
    """Liên thông: hand the dossier to another agency under the same code.

    The current step ends; the remaining steps of the former competent agency pass to
    `to_agency`, which becomes the competent agency; each hand-over goes on the control slip.
    """
    at = _now(at)
    with _atomic():
        locked = _lock(dossier, actor)
        _check(permissions.transfer(actor, locked), locked)
        step = locked.current_step
        assert step is not None
        if to_agency.pk == step.agency_id or not to_agency.is_active:
            raise DossierError("invalid_agency", gettext("Cơ quan nhận hồ sơ liên thông không hợp lệ."))
        from_status = locked.status
        cal = calendar()
        _finish_step(step, actor, at)
        previous_competent = locked.competent_agency_id
        codes = dict(
            Agency.objects.filter(pk__in={step.agency_id, previous_competent}).values_list("pk", "code")
        )
        DossierStep.objects.filter(
            dossier_id=locked.pk,
            finished_at__isnull=True,
            agency_id=previous_competent,
        ).update(agency=to_agency)
        locked._open_steps = None  # changed by that UPDATE: read them again
        locked.competent_agency = to_agency
        following, later = _split(_following_steps(locked, step))
        if following is None:
            remaining = cal.remaining(at, locked.due_at) if locked.due_at else dt.timedelta(0)
            following = DossierStep.objects.create(
                dossier=locked,
                order=step.order + 1,
                name=gettext("Xử lý hồ sơ liên thông"),
                role=Role.SPECIALIST,
                agency=to_agency,
                allotted=max(remaining, dt.timedelta(0)),
            )
        elif following.agency_id != to_agency.pk:
            following.agency = to_agency
            following.save(update_fields=["agency"])
        _start_step(locked, following, at, cal, later=later)
        _handover(locked, Handover.Kind.TRANSFER, at, actor, step.agency_id, to_agency.pk, step, note=reason)
        locked.status = Status.PROCESSING
        _commit(
            dossier,
            locked,
            actor,
            at,
            "transfer",
            from_status,
            reason,
            {
                "from_agency": codes[step.agency_id],
                "to_agency": to_agency.code,
                "previous_competent_agency": codes[previous_competent],
                "step": following.order,
            },
        )
    return dossier


# ---------------------------------------------------------------------------------------
# 7, 8. Withdrawal and stopping


def withdraw(actor: Actor, dossier: Dossier, *, at: dt.datetime | None = None, reason: str = "") -> Dossier:
    """The applicant withdraws (→ 7): themselves online, or through the desk with a written request."""
    at = _now(at)
    with _atomic():
        locked = _lock(dossier, actor)
        _check(permissions.withdraw(actor, locked), locked)
        owner = permissions.is_owner(actor, locked)
        if not owner and not reason.strip():
            raise _reason_required()
        from_status = locked.status
        locked.status = Status.WITHDRAWN
        locked.withdrawn_at = at
        locked.sub_state = SubState.NONE
        _commit(dossier, locked, actor, at, "withdraw", from_status, reason.strip())
    return dossier


def stop_processing(actor: Actor, dossier: Dossier, reason: str, *, at: dt.datetime | None = None) -> Dossier:
    """A leader of the competent agency stops processing (→ 8, notice with the reason)."""
    at = _now(at)
    with _atomic():
        locked = _lock(dossier, actor)
        _check(permissions.stop(actor, locked), locked)
        if not reason.strip():
            raise _reason_required()
        from_status = locked.status
        locked.status = Status.STOPPED
        locked.stopped_at = at
        locked.sub_state = SubState.NONE
        if locked.current_step is not None and locked.current_step.finished_at is None:
            _finish_step(locked.current_step, actor, at)
        _commit(dossier, locked, actor, at, "stop", from_status, reason.strip(), {"slip": "stop"})
    return dossier
