"""Submission and reception: online submission, completion before reception, reception at the
counter or of an online dossier, refusal; the catalog rules reception reads (competence, time
limits, documents).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db import connection
from django.db.models import prefetch_related_objects
from django.utils import translation
from django.utils.translation import gettext

from motcua.agencies.models import Agency
from motcua.catalog import services as catalog_services
from motcua.catalog.models import Channel, ChannelKind, OnlineLevel, ProcedureVersion
from motcua.catalog.requirements import documents_of, missing_required
from motcua.core import rows as tables
from motcua.dossiers import digital, permissions
from motcua.dossiers.models import (
    Applicant,
    Deadline,
    Dossier,
    DossierDocument,
    DossierEvent,
    DossierStep,
    Handover,
    ResultDelivery,
    Status,
    SubState,
)
from motcua.dossiers.services import keys
from motcua.dossiers.services.files import _attach, _check_files, _create_documents, _discard_files_on_failure
from motcua.dossiers.services.kernel import (
    Actor,
    DossierError,
    Supplied,
    Upload,
    _after_write,
    _append_event,
    _atomic,
    _check,
    _check_delivery,
    _column_values,
    _commit,
    _digital,
    _dispatch,
    _forbidden,
    _hold_new,
    _insert_reserved,
    _iso,
    _known_lists,
    _lock,
    _next_code,
    _next_event,
    _now,
    _reason_required,
    _sync,
    calendar,
    supported_language,
)
from motcua.dossiers.services.processing import _copy_steps, _forward, _handover, _steps_template
from motcua.geography.models import Unit
from motcua.worktime.core import TZ, LimitUnit, TimeLimit, WorkCalendar


def competence_for(
    version: ProcedureVersion,
    receiving: Agency,
    day: dt.date,
    applicant_unit: Unit | None = None,
    land_unit: Unit | None = None,
) -> catalog_services.Competence:
    """Route by competence (the catalog's rules): the deciding agency and the rule that chose it.

    Decree 118/2025 separates where a dossier is received (any centre of the province) from
    who decides it.
    """
    try:
        return catalog_services.decide_competence(version, receiving, day, applicant_unit, land_unit)
    except catalog_services.CompetenceError as error:
        raise DossierError("no_competent_agency", str(error)) from None


def competent_agency_for(
    version: ProcedureVersion,
    receiving: Agency,
    day: dt.date,
    applicant_unit: Unit | None = None,
    land_unit: Unit | None = None,
) -> Agency:
    return competence_for(version, receiving, day, applicant_unit, land_unit).agency


def time_limit_of(version: ProcedureVersion, channel: str) -> TimeLimit:
    """The legal time limit of the channel used (falling back to the counter's, then any)."""
    return _time_limit(version, list(version.channels.all()), channel)


def _time_limit(version: ProcedureVersion, channels: list[Channel], channel: str) -> TimeLimit:
    ordered = (
        [c for c in channels if c.kind == channel]
        + [c for c in channels if c.kind == ChannelKind.COUNTER]
        + channels
    )
    for candidate in ordered:
        if candidate.time_limit_unit and (
            candidate.time_limit_value is not None or candidate.time_limit_unit == LimitUnit.SAME_DAY_15H
        ):
            return TimeLimit(candidate.time_limit_value or Decimal(0), LimitUnit(candidate.time_limit_unit))
    raise DossierError(
        "no_time_limit",
        gettext("Thủ tục %(code)s chưa có thời hạn giải quyết nên không thể hẹn ngày trả kết quả.")
        % {"code": version.procedure.code},
    )


def _keep_rules(version: ProcedureVersion, *relations: str) -> None:
    """Read a version's channels, process steps or requirements once per version object.

    They stay on the object (Django's prefetch cache): a caller that receives many dossiers
    with the same version objects (the simulator, a batch) reads them once, a freshly loaded
    version reads them fresh, and a version of a catalog snapshot (the API's submissions,
    `catalog.services.snapshot`) comes with them, kept per process under the catalog's token.
    """
    cached = getattr(version, "_prefetched_objects_cache", {})
    missing = [name for name in relations if name not in cached]
    if missing:
        prefetch_related_objects([version], *missing)


def catalog_documents(version: ProcedureVersion) -> list[Supplied]:
    """Every document of the version's list with the catalog's counts (notes left out).

    Not a default: a caller that means "the applicant brought all of it" (the simulator, the
    demo) says so by passing this list.
    """
    _keep_rules(version, "requirements")
    return [
        Supplied(r.name, r.originals, r.certified_copies, r.photocopies, r.pk)
        for r in documents_of(version.requirements.all())
    ]


def _documents_with_files(version: ProcedureVersion, files: Sequence[Upload]) -> list[Supplied]:
    """Online, a document is handed in by attaching it: the rows with a file, the catalog's counts."""
    with_file = {requirement_id for requirement_id, _upload in files}
    return [d for d in catalog_documents(version) if d.requirement_id in with_file]


def _check_documents(
    version: ProcedureVersion, documents: Sequence[Supplied], files: Sequence[Upload]
) -> None:
    """Every requirement named (by a document or a file) is a document of this version, never a note."""
    known = {d.requirement_id for d in catalog_documents(version)}
    named = [d.requirement_id for d in documents] + [requirement_id for requirement_id, _upload in files]
    for requirement_id in named:
        if requirement_id is not None and requirement_id not in known:
            message = gettext("Thủ tục %(procedure)s không có giấy tờ cần nộp mang mã %(id)d.") % {
                "procedure": version.procedure.code, "id": requirement_id}
            raise DossierError("unknown_requirement", message, {"requirement_ids": [message]})


def _check_required(version: ProcedureVersion, supplied_ids: Iterable[int | None]) -> None:
    """Refuse an online dossier missing an always-required document, naming each one missing."""
    _keep_rules(version, "requirements")
    missing = missing_required(version.requirements.all(), supplied_ids)
    if missing:
        each = [
            gettext("Chưa đính kèm tệp cho giấy tờ bắt buộc “%(name)s” (mã %(id)d).")
            % {"name": r.name, "id": r.pk}
            for r in missing
        ]
        error = DossierError(
            "documents_missing",
            gettext("Hồ sơ còn thiếu giấy tờ bắt buộc: %(names)s.")
            % {"names": "; ".join(r.name for r in missing)},
            {"files": each},
        )
        error.missing = [r.pk for r in missing]
        raise error


def _check_applicant(applicant: Applicant) -> None:
    if applicant.pk is None:
        applicant.full_clean(exclude=["user", "address_unit", "email"])


def _new_dossier(
    version: ProcedureVersion,
    applicant: Applicant,
    channel: str,
    receiving: Agency,
    competent: Agency | None,
    at: dt.datetime,
    request: str,
    status: Status,
    land_unit: Unit | None = None,
) -> Dossier:
    """An unsaved dossier: every refusal (competence, applicant) is raised before anything is written."""
    day = at.astimezone(TZ).date()
    # The rule that chose the deciding agency goes into the first event (the audit says why).
    rule = "given by the caller"
    if competent is None:
        decided = competence_for(version, receiving, day, applicant.address_unit, land_unit)
        competent, rule = decided.agency, decided.rule
    _check_applicant(applicant)
    dossier = Dossier(
        version=version,
        applicant=applicant,
        channel=channel,
        receiving_agency=receiving,
        competent_agency=competent,
        land_unit=land_unit,
        status=status,
        submitted_at=at,
        request=request,
    )
    dossier._competence_rule = rule
    return dossier


def _assign_code(dossier: Dossier, at: dt.datetime, *, documents: int = 0, steps: int = 0) -> int:
    """Write the applicant if new and give the dossier its code (the first writes of a new dossier).

    Where writes are kept (PostgreSQL, `rows.keeping`), the numbering statement also reserves
    the keys of the applicant (if new), the dossier, its `documents` and its `steps`, so that
    their INSERTs travel with the transition's other writes (`_insert_new`, `_create_documents`,
    `_copy_steps`) instead of one round trip each. Returns `rows.foreign_statements()` before
    the first write (for `_hold_new`)."""
    foreign = tables.foreign_statements()
    applicant = dossier.applicant
    if not tables.keeping():
        if applicant.pk is None:
            tables.table(Applicant).insert(applicant)
        dossier.code = _next_code(dossier.receiving_agency, at, dossier)
        return foreign
    reserve = [(Applicant, 1 if applicant.pk is None else 0), (Dossier, 1),
               (DossierDocument, documents), (DossierStep, steps)]
    dossier.code = _next_code(dossier.receiving_agency, at, dossier, reserve)
    if applicant.pk is None:
        reserved = _insert_reserved(dossier, Applicant, [applicant])
        assert reserved, "the numbering reserves a new applicant's key"
    return foreign


def _link_applicant(applicant: Applicant, actor: Any) -> None:
    """Make an applicant without account the citizen's: the transaction's first write, only if
    the row still has no account (else refused, nothing written)."""
    t = tables.table(Applicant)
    user = t.column["user"]
    sql = f"UPDATE {t.name} SET {user} = %s WHERE {t.pk_column} = %s AND {user} IS NULL"
    with connection.cursor() as cursor:
        tables.execute(cursor, sql, [actor.pk, applicant.pk])
        linked = cursor.rowcount == 1
    if not linked:
        raise _forbidden()
    applicant.user = actor


def _insert_new(dossier: Dossier) -> None:
    """INSERT the new dossier: with the key its numbering reserved (kept with the transition's
    other writes), else at once."""
    if not _insert_reserved(dossier, Dossier, [dossier]):
        tables.table(Dossier).insert(dossier)


# ---------------------------------------------------------------------------------------
# 1. Submission and reception


def submit_online(
    actor: Actor,
    version: ProcedureVersion,
    applicant: Applicant,
    receiving_agency: Agency,
    *,
    at: dt.datetime | None = None,
    request: str = "",
    documents: Sequence[Supplied] | None = None,
    files: Sequence[Upload] = (),
    result_delivery: str = ResultDelivery.CENTRE,
    competent_agency: Agency | None = None,
    language: str | None = None,
    land_unit: Unit | None = None,
    reused: Sequence[tuple[int, int]] = (),
    on_behalf: str = "",
    once: keys.SubmissionOnce | None = None,
) -> Dossier:
    """A citizen submits online (status 1): the dossier gets its code now, the clock starts at reception.

    `files` are (requirement id, file) pairs. The documents handed in are `documents`, else
    the catalog rows with a file (with the catalog's counts). Every always-required document
    must be among them (`documents_missing`, naming each one). The files are stored in the
    same transaction and deleted again if it fails.

    A new applicant's `language` (for slips and notices) is `language`, else the language
    the citizen is using (the request's active language). An existing applicant with no account
    becomes the citizen's (saved with the dossier); one with another account is refused.

    `reused` are (requirement id, warehouse document id) pairs (once-only, issue #13): the
    applicant's own visible, valid digitised documents handed in instead of an upload; each
    dossier document points at its source and gets a copy of its PDF.

    `once`: the request's one-time key (`keys`): a key this account used already creates
    nothing and raises `AlreadySubmitted` with the first dossier.
    """
    at = _now(at)
    if permissions.submit_online(actor) is not None:
        raise _forbidden()
    assert actor is not None
    keys.check(actor, once)
    if applicant.user_id is not None and applicant.user_id != actor.pk:
        raise _forbidden()
    # An existing applicant with no account becomes the citizen's in the transaction below.
    link = applicant.pk is not None and applicant.user_id is None
    if applicant.pk is None:
        applicant.user = actor
        applicant.language = supported_language(language or translation.get_language())
    if not receiving_agency.is_service_center:
        raise DossierError(
            "invalid_agency", gettext("Chỉ Trung tâm Phục vụ hành chính công tiếp nhận hồ sơ.")
        )
    if version.online_level == OnlineLevel.NONE:
        # Decree 42/2022: only procedures published as online public services take online dossiers.
        raise DossierError(
            "not_offered_online",
            gettext(
                "Thủ tục %(code)s chưa được cung cấp dịch vụ công trực tuyến; vui lòng nộp tại Trung tâm."
            )
            % {"code": version.procedure.code},
        )
    _check_delivery(result_delivery)
    known = {d.requirement_id for d in catalog_documents(version)}
    # Only the holder reuses their documents: the signed-in person whose proven number is the
    # applicant's (a typed number, or a dossier filed for someone else, reuses nothing).
    holder = actor.verified_id_number if actor.verified_id_number == applicant.id_number else ""
    pairs = _digital(lambda: digital.reused_documents(holder, reused, known))
    slots: list[Any] = [*files, *((requirement_id, None) for requirement_id, _d in pairs)]
    handed_in = list(documents) if documents is not None else _documents_with_files(version, slots)
    _check_documents(version, handed_in, files)
    _check_required(version, [d.requirement_id for d in handed_in])
    uploads = [*files, *digital.reused_uploads(pairs)]  # a reused document's copy is stored as a file
    types = _check_files(uploads)
    with keys.guarded(actor, once), _discard_files_on_failure() as stored, _atomic():
        if link:
            _link_applicant(applicant, actor)
        dossier = _new_dossier(
            version,
            applicant,
            ChannelKind.ONLINE,
            receiving_agency,
            competent_agency,
            at,
            request,
            Status.SUBMITTED,
            land_unit,
        )
        dossier.result_delivery = result_delivery
        data = {"channel": dossier.channel, "procedure": version.procedure.code, "files": len(files),
                "competence_rule": dossier._competence_rule}
        if pairs:
            data["reused"] = [document.pk for _r, document in pairs]
        if on_behalf.strip():
            data["on_behalf"] = {"account": actor.pk, "relationship": on_behalf.strip()[:200]}
        foreign = _assign_code(dossier, at, documents=len(handed_in))
        # The first event needs only the code: chain it now and insert the row with its head.
        event = _next_event(dossier, actor, at, "submit", None, data=data)
        _insert_new(dossier)
        keys.record(actor, once, dossier)
        created = _create_documents(dossier, handed_in)
        _attach(dossier, uploads, types, created, stored)
        digital.link_reused(pairs, created)
        tables.table(DossierEvent).append(event, key=True)
        dossier._loaded_values = _column_values(dossier)
        _dispatch(dossier, event, None)
        _hold_new(dossier, foreign)
    # A new online dossier has no steps (they start at reception) and no supplement request yet.
    _known_lists(dossier, documents=created, files=stored, steps=[], supplement_requests=[])
    return dossier



def request_completion(
    actor: Actor,
    dossier: Dossier,
    items: Sequence[str],
    reason: str,
    *,
    at: dt.datetime | None = None,
) -> Dossier:
    """Send an online dossier back to the citizen for completion before reception.

    It stays "Mới đăng ký" (1) with the sub-state "waiting for the citizen": the clock has
    not started (it starts at reception) and no supplement is counted (Decree 118/2025: a
    supplement request is made once, after reception). The list is in the event's data.
    """
    at = _now(at)
    with _atomic():
        locked = _lock(dossier, actor)
        _check(permissions.request_completion(actor, locked), locked)
        cleaned = [i.strip() for i in items if i and i.strip()]
        if not cleaned:
            raise DossierError("items_required", gettext("Cần liệt kê đầy đủ các giấy tờ phải bổ sung."))
        if not reason.strip():
            raise _reason_required()
        locked.sub_state = SubState.COMPLETION_WAITING_APPLICANT
        _commit(
            dossier, locked, actor, at, "request_completion", Status.SUBMITTED, reason.strip(),
            {"items": cleaned},
        )
    return dossier


def complete_submission(
    actor: Actor,
    dossier: Dossier,
    *,
    at: dt.datetime | None = None,
    files: Sequence[Upload] = (),
    note: str = "",
) -> Dossier:
    """The citizen completes a dossier sent back before reception and resubmits it (still status 1).

    `files` are (requirement id, file) pairs; the documents with a new file are added. The
    always-required documents must then all be there.
    """
    at = _now(at)
    types = _check_files(files)
    with _discard_files_on_failure() as stored, _atomic():
        locked = _lock(dossier, actor)
        _check(permissions.complete_submission(actor, locked), locked)
        version = locked.version
        present = set(locked.documents.values_list("requirement_id", flat=True))
        added = [d for d in _documents_with_files(version, files) if d.requirement_id not in present]
        _check_documents(version, added, files)
        _check_required(version, [*present, *(d.requirement_id for d in added)])
        created = _create_documents(locked, added)
        existing = list(locked.documents.filter(requirement_id__isnull=False))
        _attach(locked, files, types, [*existing, *created], stored)
        locked.sub_state = SubState.NONE
        # The complete dossier is submitted now: its clock (`clock_start`) and the centre's
        # acceptance window count from here, not from the incomplete first submission.
        locked.submitted_at = at
        _commit(
            dossier, locked, actor, at, "complete_submission", Status.SUBMITTED, note.strip(),
            {"documents": [d.name for d in added], "files": len(files)},
        )
    return dossier


@dataclass(frozen=True)
class _Reception:
    """What reception computes before writing: the time limit, the due time and the steps."""

    limit: TimeLimit
    clock_start: dt.datetime
    due_at: dt.datetime
    template: list[tuple[str, str, int, dt.timedelta]]


def clock_start(dossier: Dossier, at: dt.datetime, cal: WorkCalendar) -> dt.datetime:
    """When the legal clock starts for a dossier received at `at`.

    At the counter or by post: the reception. Online: the submission, not the officer's
    acceptance — the dossier is received when the system receives it, and when that is
    outside working hours the clock starts at the next working start (REGULATIONS.md "Time";
    Decree 45/2020/NĐ-CP on administrative procedures by electronic means and Decree
    118/2025/NĐ-CP on the one-stop mechanism; the exact article is to confirm). A dossier
    submitted Friday 18:00 counts from Monday 07:00 whenever it is accepted.
    """
    if dossier.channel == ChannelKind.ONLINE and dossier.submitted_at is not None:
        return cal.next_working_instant(min(dossier.submitted_at, at))
    return at


def _plan_reception(dossier: Dossier, at: dt.datetime, cal: WorkCalendar) -> _Reception:
    """Reads only (refusals such as `no_time_limit` come before any write)."""
    _keep_rules(dossier.version, "channels", "process_steps")
    channels = list(dossier.version.channels.all())
    limit = _time_limit(dossier.version, channels, dossier.channel)
    start = clock_start(dossier, at, cal)
    due = cal.add(start, limit)
    template = _steps_template(dossier, channels)
    if limit.unit is LimitUnit.CALENDAR_DAYS:
        template = _fit_to_working_time(template, cal.elapsed(start, due))
    return _Reception(limit, start, due, template)


def _fit_to_working_time(
    template: list[tuple[str, str, int, dt.timedelta]], available: dt.timedelta
) -> list[tuple[str, str, int, dt.timedelta]]:
    """Share the real working time of a calendar-day limit among the steps, in proportion.

    Templates count a calendar day as 8 working hours, but 15 calendar days hold about
    11 working days: without this the first steps would use up the whole period and the
    leader and return steps would get no time at all.
    """
    total = sum((allotted for *_rest, allotted in template), dt.timedelta(0))
    if not template or total <= dt.timedelta(0) or available <= dt.timedelta(0):
        return template
    ratio = available / total
    fitted = [(name, role, agency, dt.timedelta(seconds=int(allotted.total_seconds() * ratio)))
              for name, role, agency, allotted in template]
    # Rounding to whole seconds: the last step takes what is left, so the sum is exact.
    used = sum((allotted for *_rest, allotted in fitted[:-1]), dt.timedelta(0))
    name, role, agency, _allotted = fitted[-1]
    fitted[-1] = (name, role, agency, max(available - used, dt.timedelta(0)))
    return fitted


def _receive(
    dossier: Dossier, plan: _Reception, actor: Actor, at: dt.datetime, cal: WorkCalendar
) -> tuple[list[DossierStep], dict[str, Any]]:
    """Receive: times, due time, the steps (the first one current), the hand-over.

    Returns the steps after the first one (for a forward in the same transition) and the
    event's data.
    """
    dossier.received_at = at
    dossier.clock_started_at = plan.clock_start
    dossier.due_at = dossier.original_due_at = plan.due_at
    dossier.status = Status.RECEIVED
    dossier.deadline_state = Deadline.OK
    steps = _copy_steps(dossier, plan.template, at, cal, plan.clock_start)
    if steps:
        dossier.current_step = steps[0]
        dossier.current_step_due_at = steps[0].due_at
    _handover(dossier, Handover.Kind.RECEPTION, at, actor, None, dossier.receiving_agency_id)
    return steps[1:], {
        "due_at": _iso(dossier.due_at),
        "time_limit": str(plan.limit),
        "clock_started_at": _iso(plan.clock_start),
        "channel": dossier.channel,
        "competent_agency": dossier.competent_agency.code,
        "slip": "01",
    }


def _counter_checks(actor: Actor, channel: str) -> Agency:
    """The receptionist's centre, for a dossier handed in at the counter or by post."""
    if permissions.receive_at_counter(actor) is not None:
        raise _forbidden()
    assert actor is not None and actor.agency is not None
    if not actor.agency.is_service_center:
        raise DossierError(
            "invalid_agency", gettext("Chỉ Trung tâm Phục vụ hành chính công tiếp nhận hồ sơ.")
        )
    if channel not in (ChannelKind.COUNTER, ChannelKind.POSTAL):
        raise DossierError(
            "invalid_channel", gettext("Hồ sơ trực tuyến phải được nộp qua Cổng dịch vụ công.")
        )
    return actor.agency


def receive_new_dossier(
    actor: Actor,
    version: ProcedureVersion,
    applicant: Applicant,
    *,
    channel: str = ChannelKind.COUNTER,
    at: dt.datetime | None = None,
    request: str = "",
    documents: Sequence[Supplied] = (),
    files: Sequence[Upload] = (),
    result_delivery: str = ResultDelivery.CENTRE,
    competent_agency: Agency | None = None,
    sets: int = 1,
    land_unit: Unit | None = None,
    forward: bool = False,
    once: keys.SubmissionOnce | None = None,
) -> Dossier:
    """A receptionist receives a dossier handed in at the counter or by post (status 2, form 01).

    `documents` is exactly what was handed in (the receipt lists these, nothing else);
    `files` are (requirement id, scan) pairs stored on those documents in the same
    transaction. `forward=True` also hands the dossier to the next step ("Tiếp nhận và
    chuyển xử lý"): both or neither. `once`: as for `submit_online`.
    """
    at = _now(at)
    agency = _counter_checks(actor, channel)
    keys.check(actor, once)
    _check_delivery(result_delivery)
    documents = list(documents or ())
    _check_documents(version, documents, files)
    types = _check_files(files)
    cal = calendar()
    with keys.guarded(actor, once), _discard_files_on_failure() as stored, _atomic():
        dossier = _new_dossier(
            version, applicant, channel, agency, competent_agency, at, request, Status.RECEIVED, land_unit
        )
        dossier.sets = sets
        dossier.result_delivery = result_delivery
        plan = _plan_reception(dossier, at, cal)
        # Written with its status, times and due time; the current step and the event's
        # head follow in one UPDATE once the steps exist.
        dossier.received_at = at
        dossier.clock_started_at = plan.clock_start
        dossier.due_at = dossier.original_due_at = plan.due_at
        foreign = _assign_code(dossier, at, documents=len(documents), steps=len(plan.template))
        _insert_new(dossier)
        keys.record(actor, once, dossier)
        dossier._loaded_values = _column_values(dossier)
        created = _create_documents(dossier, documents)
        _attach(dossier, files, types, created, stored)
        following, data = _receive(dossier, plan, actor, at, cal)
        data["competence_rule"] = dossier._competence_rule
        if files:
            data["files"] = len(files)
        _append_event(dossier, actor, at, "receive", None, data=data, new=True)
        if forward:
            _forward_now(actor, dossier, at, following)
        # Issue #13: the scans become digitised documents in the applicant's warehouse (last,
        # so a refused transition has written none of them).
        _after_write(lambda: _digital(lambda: digital.digitise_reception(dossier, actor, list(stored))))
        _hold_new(dossier, foreign)
    return dossier


def _forward_now(actor: Actor, locked: Dossier, at: dt.datetime, following: list[DossierStep]) -> None:
    """"Tiếp nhận và chuyển xử lý": the forward under the reception's lock, with its own event."""
    from_status, data = _after_write(lambda: _forward(actor, locked, at, following_steps=following))
    _append_event(locked, actor, at, "forward", from_status, "", data)


def refuse_new_dossier(
    actor: Actor,
    version: ProcedureVersion,
    applicant: Applicant,
    reason: str,
    *,
    channel: str = ChannelKind.COUNTER,
    at: dt.datetime | None = None,
    request: str = "",
    documents: Sequence[Supplied] = (),
    once: keys.SubmissionOnce | None = None,
) -> Dossier:
    """Refuse a dossier handed in at the counter or by post (status 3, form 03 with the reason).

    The applicant gets a refusal slip (Circular 01/2023, form 03), so the refusal is a
    dossier with its code, never received: the slip can be printed and the statistics count
    it. When no agency is competent (often the very reason), the centre stands as competent.
    `once`: as for `submit_online`.
    """
    at = _now(at)
    agency = _counter_checks(actor, channel)
    if not reason.strip():
        raise _reason_required()
    keys.check(actor, once)
    documents = list(documents or ())
    _check_documents(version, documents, ())
    try:
        competent = competent_agency_for(version, agency, at.astimezone(TZ).date(), applicant.address_unit)
    except DossierError:
        competent = agency
    with keys.guarded(actor, once), _atomic():
        dossier = _new_dossier(version, applicant, channel, agency, competent, at, request, Status.REFUSED)
        dossier.refused_at = at
        _assign_code(dossier, at, documents=len(documents))
        event = _next_event(
            dossier, actor, at, "refuse", None, reason.strip(), {"channel": channel, "slip": "03"}
        )
        _insert_new(dossier)
        keys.record(actor, once, dossier)
        _create_documents(dossier, documents)
        tables.table(DossierEvent).append(event, key=True)
        _dispatch(dossier, event, None)
    return dossier


def receive_dossier(
    actor: Actor, dossier: Dossier, *, at: dt.datetime | None = None, forward: bool = False
) -> Dossier:
    """The receiving centre accepts an online dossier (1 → 2): due time, process steps, receipt slip.

    `forward=True` also hands it to the next step ("Tiếp nhận và chuyển xử lý"): both or neither.
    """
    at = _now(at)
    cal = calendar()
    with _atomic():
        locked = _lock(dossier, actor)
        _check(permissions.receive(actor, locked), locked)
        plan = _plan_reception(locked, at, cal)
        following, data = _receive(locked, plan, actor, at, cal)
        _append_event(locked, actor, at, "receive", Status.SUBMITTED, data=data)
        if forward:
            _forward_now(actor, locked, at, following)
        _sync(dossier, locked)
    return dossier


def refuse_dossier(actor: Actor, dossier: Dossier, reason: str, *, at: dt.datetime | None = None) -> Dossier:
    """Refuse an online dossier before reception (1 → 3, form 03 with the reason); no clock ran."""
    at = _now(at)
    with _atomic():
        locked = _lock(dossier, actor)
        _check(permissions.refuse(actor, locked), locked)
        if not reason.strip():
            raise _reason_required()
        locked.status = Status.REFUSED
        locked.refused_at = at
        locked.sub_state = SubState.NONE
        _commit(dossier, locked, actor, at, "refuse", Status.SUBMITTED, reason.strip(), {"slip": "03"})
    return dossier


# ---------------------------------------------------------------------------------------
# Look-ups


def version_in_force(
    procedure_code: str, day: dt.date, catalog: catalog_services.Snapshot | None = None
) -> ProcedureVersion:
    """The version of a procedure in force on `day` (what a new dossier points at).

    With a `catalog` snapshot (one per request), the version kept by the process for the
    snapshot's token, its requirements, channels and process steps read.
    """
    if catalog is not None:
        version = catalog.version_in_force(procedure_code, day)
    else:
        version = catalog_services.version_in_force(procedure_code, day)
    if version is None:
        raise DossierError(
            "not_found",
            gettext("Không có phiên bản của thủ tục %(code)s có hiệu lực vào ngày %(day)s.")
            % {"code": procedure_code, "day": day.strftime("%d/%m/%Y")},
        )
    return version
