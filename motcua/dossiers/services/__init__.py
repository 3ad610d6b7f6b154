"""The only place that changes a dossier: one function per transition (STYLE.md rules 1, 3, 4).

Every function here
- runs in one transaction and locks the dossier row (`select_for_update`; on SQLite the
  IMMEDIATE transaction mode serialises writers), so two officers pressing the same button
  cannot both succeed: the second one gets `DossierError("already_handled")`;
- checks who is acting (role and agency) and what state the dossier is in;
- appends one hash-chained `DossierEvent`;
- takes the time as `at` (default: now), so the simulator can drive simulated time;
- raises `DossierError(code, message)` with a stable machine code and a translated message,
  and changes nothing when it does.

Views, the API, the portal, the simulator and background jobs call these functions;
none of them writes `status` itself.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.core.files.base import File
from django.db import DatabaseError, connection, transaction
from django.db.models import FileField, ForeignKey, prefetch_related_objects
from django.utils import timezone, translation
from django.utils.translation import gettext

from motcua.accounts.models import Role, User
from motcua.agencies.models import Agency
from motcua.catalog import services as catalog_services
from motcua.catalog.models import Channel, ChannelKind, OnlineLevel, ProcedureVersion
from motcua.catalog.requirements import documents_of, missing_required
from motcua.dossiers import digital, hooks, permissions
from motcua.dossiers.models import (
    Applicant,
    Deadline,
    Dossier,
    DossierDocument,
    DossierEvent,
    DossierFile,
    DossierSequence,
    DossierStep,
    Handover,
    ResultDelivery,
    Status,
    SubState,
    SupplementRequest,
)

# The status groups live with the predicates; re-exported here for the callers that used them.
from motcua.dossiers.permissions import OFFICER_ROLES as OFFICER_ROLES
from motcua.dossiers.permissions import OPEN_FOR_LEADER as OPEN_FOR_LEADER
from motcua.dossiers.permissions import WITHDRAWABLE_STATUSES as WITHDRAWABLE_STATUSES
from motcua.dossiers.permissions import WORKING_STATUSES as WORKING_STATUSES
from motcua.dossiers.permissions import apology_still_possible as apology_still_possible
from motcua.dossiers.uploads import EXTENSIONS, UploadProblem, check_upload
from motcua.geography.models import Unit
from motcua.worktime.calendars import calendar_for
from motcua.worktime.core import TZ, LimitUnit, TimeLimit, WorkCalendar

Actor = User | None


class DossierError(Exception):
    """A refused transition: `code` is stable for programs, `message` is translated for people."""

    def __init__(self, code: str, message: str, fields: dict[str, list[str]] | None = None) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        # Which input each part of the refusal is about (the API's `fields`), when that helps.
        self.fields = fields or {}
        # `documents_missing`: the catalog requirements missing, so a form can mark each slot.
        self.missing: list[int] = []

    def __str__(self) -> str:
        return f"{self.code}: {self.message}"


@dataclass(frozen=True)
class Supplied:
    """A document handed in, with its counts (a line of the receipt slip's table)."""

    name: str
    originals: int = 0
    certified_copies: int = 0
    photocopies: int = 0
    requirement_id: int | None = None


# A file handed in with a dossier: (the catalog requirement it belongs to, or None, the file).
Upload = tuple[int | None, File]


# ---------------------------------------------------------------------------------------
# Helpers


def _now(at: dt.datetime | None) -> dt.datetime:
    if at is None:
        return timezone.now()
    if timezone.is_naive(at):
        raise ValueError("Dossier times must be aware datetimes.")
    return at


def supported_language(code: str | None) -> str:
    """One of settings.LANGUAGES for a language code ("en-us" → "en"), else the default language."""
    try:
        return translation.get_supported_language_variant(code or settings.LANGUAGE_CODE)
    except LookupError:
        return str(settings.LANGUAGE_CODE)


def calendar() -> WorkCalendar:
    """The working calendar of the province this installation serves."""
    return calendar_for()


def _iso(value: dt.datetime | None) -> str | None:
    return value.astimezone(TZ).isoformat(timespec="seconds") if value else None


def _hours(value: dt.timedelta | None) -> float | None:
    return round(value.total_seconds() / 3600, 4) if value is not None else None


def _forbidden(dossier: Dossier | None = None) -> DossierError:
    if dossier is None:
        return DossierError(
            "forbidden_role", gettext("Vai trò của bạn không được phép thực hiện thao tác này.")
        )
    return DossierError(
        "forbidden_role",
        gettext("Vai trò của bạn không được phép thực hiện thao tác này trên hồ sơ %(code)s.")
        % {"code": dossier.code},
    )


def _invalid(dossier: Dossier) -> DossierError:
    return DossierError(
        "invalid_transition",
        gettext(
            "Hồ sơ %(code)s đang ở trạng thái “%(status)s” nên không thể thực hiện thao tác này."
        )
        % {"code": dossier.code, "status": Status(dossier.status).label},
    )


def _reason_required() -> DossierError:
    return DossierError("reason_required", gettext("Cần ghi rõ lý do."))


def _refused(code: str, dossier: Dossier) -> DossierError:
    """The DossierError of a refusal code of `permissions`."""
    if code == permissions.INVALID:
        return _invalid(dossier)
    if code == permissions.FORBIDDEN:
        return _forbidden(dossier)
    if code == "no_next_step":
        return DossierError("no_next_step", gettext("Đây là bước cuối cùng: hãy trình kết quả giải quyết."))
    if code == "apology_too_late":
        assert dossier.due_at is not None
        return DossierError(
            "apology_too_late",
            gettext(
                "Đã quá hạn trả kết quả (%(due)s): phiếu xin lỗi và hẹn lại phải được gửi "
                "trước thời hạn."
            )
            % {"due": timezone.localtime(dossier.due_at, TZ).strftime("%H:%M %d/%m/%Y")},
        )
    if code == "result_first":
        return DossierError(
            "result_first",
            gettext(
                "Bước tiếp theo là phê duyệt kết quả: hãy trình kết quả giải quyết để lãnh đạo phê duyệt."
            ),
        )
    if code == "result_required":
        return DossierError("result_required", gettext("Chưa có kết quả giải quyết để phê duyệt."))
    if code == "supplement_already_requested":
        return DossierError(
            "supplement_already_requested",
            gettext(
                "Hồ sơ %(code)s đã được yêu cầu bổ sung một lần. Theo quy định, việc yêu cầu bổ sung "
                "chỉ được thực hiện một lần bằng văn bản; yêu cầu thêm phải do lãnh đạo quyết định "
                "và ghi rõ lý do."
            )
            % {"code": dossier.code},
        )
    raise AssertionError(code)


def _check(refusal: permissions.Refusal, dossier: Dossier) -> None:
    """Raise the refusal of a permission predicate (`permissions`), if any."""
    if refusal is not None:
        raise _refused(refusal, dossier)


@contextmanager
def _atomic() -> Iterator[None]:
    """One transition's transaction: `transaction.atomic()`, without a savepoint when nested.

    On its own a transition is one transaction (BEGIN … COMMIT, ROLLBACK on any error).
    Inside the caller's transaction (the simulator's and other batch jobs' batches) Django
    would wrap it in a SAVEPOINT and a RELEASE: two more round trips per transition. They
    are not needed, because every refusal is raised before the transition writes anything
    (the functions below check first, then write): a refusal leaves the caller's
    transaction as it was and usable. Should anything fail after the first write, or the
    database report an error, the caller's whole transaction is marked for rollback (what
    Django does for a block without a savepoint), so nothing half-written can be committed.
    """
    if not connection.in_atomic_block:
        with transaction.atomic():
            yield
        return
    wrote = False

    def watch(execute: Callable[..., Any], sql: str, params: Any, many: bool, context: Any) -> Any:
        nonlocal wrote
        if not sql.lstrip()[:6].upper() == "SELECT":
            wrote = True
        return execute(sql, params, many, context)

    refused: Exception | None = None
    with transaction.atomic(savepoint=False), connection.execute_wrapper(watch):
        try:
            yield
        except Exception as error:
            if wrote or isinstance(error, DatabaseError):
                raise
            refused = error  # nothing written: leave the block normally, raise below
    if refused is not None:
        raise refused


def _column_values(dossier: Dossier) -> dict[str, Any]:
    """The dossier's column values (a file by its name), to find what a transition changed."""
    values: dict[str, Any] = {}
    for f in Dossier._meta.concrete_fields:
        value = getattr(dossier, f.attname)
        values[f.attname] = value.name if isinstance(f, FileField) else value
    return values


def _lock(dossier: Dossier, actor: Actor = None) -> Dossier:
    """Lock the row; if someone changed it since the caller loaded it, they already handled it.

    Only the dossier row and its current step are read (a narrow query: the wide join of
    every related row cost more to plan than the rest of a transition). The procedure
    version and the agencies the caller's object already carries are reused when they are
    the ones the locked row points at; the applicant is read fresh, and only when a citizen
    acts (the ownership check).
    """
    related = ["current_step"]
    if actor is not None and actor.role == Role.CITIZEN:
        related.append("applicant")
    try:
        locked = Dossier.objects.select_for_update(of=("self",)).select_related(*related).get(pk=dossier.pk)
    except Dossier.DoesNotExist:
        raise DossierError("not_found", gettext("Không tìm thấy hồ sơ.")) from None
    if locked.revision != dossier.revision:
        raise DossierError(
            "already_handled",
            gettext("Hồ sơ %(code)s vừa được người khác xử lý. Vui lòng tải lại để xem trạng thái mới.")
            % {"code": locked.code},
        )
    locked._loaded_values = _column_values(locked)
    for name in _REUSED_RELATIONS:
        field = Dossier._meta.get_field(name)
        assert isinstance(field, ForeignKey)
        if field.is_cached(dossier):
            cached = field.get_cached_value(dossier)
            if cached is not None and cached.pk == getattr(locked, field.attname):
                field.set_cached_value(locked, cached)
    return locked


# Rows a transition may read but never changes: the caller's copies can stand in (see _lock).
_REUSED_RELATIONS = ("version", "receiving_agency", "competent_agency")


def _sync(target: Dossier, source: Dossier) -> None:
    """Give the caller's object the committed values, so it can be passed to the next call."""
    for f in Dossier._meta.concrete_fields:
        setattr(target, f.attname, getattr(source, f.attname))
    target._state.fields_cache = dict(source._state.fields_cache)


def _next_event(
    dossier: Dossier,
    actor: Actor,
    at: dt.datetime,
    action: str,
    from_status: int | None,
    reason: str = "",
    data: dict[str, Any] | None = None,
) -> DossierEvent:
    """Build the dossier's next event, chained to the head kept on the row, and move the head.

    The row is locked (or created in this transaction), so no other writer can append in
    between; `revision` counts the events, so it is the next event's `seq`.
    """
    event = DossierEvent(
        dossier=dossier,
        seq=dossier.revision + 1,
        actor=actor,
        at=at,
        action=action,
        from_status=from_status,
        to_status=dossier.status,
        reason=reason,
        data=data or {},
        prev_hash=dossier.last_event_hash,
    )
    event.hash = event.compute_hash(dossier.code)
    dossier.revision = event.seq
    dossier.last_event_hash = event.hash
    return event


def _changed_fields(dossier: Dossier) -> list[str]:
    """The fields whose values differ from those read under the lock (all of them if not locked)."""
    loaded = dossier._loaded_values
    if loaded is None:
        return [f.name for f in Dossier._meta.concrete_fields if not f.primary_key]
    now = _column_values(dossier)
    return [f.name for f in Dossier._meta.concrete_fields if now[f.attname] != loaded[f.attname]]


def _append_event(
    dossier: Dossier,
    actor: Actor,
    at: dt.datetime,
    action: str,
    from_status: int | None,
    reason: str = "",
    data: dict[str, Any] | None = None,
) -> DossierEvent:
    """Save the dossier's changed columns with its new head, then append the chained event."""
    event = _next_event(dossier, actor, at, action, from_status, reason, data)
    dossier.save(update_fields=_changed_fields(dossier))
    dossier._loaded_values = _column_values(dossier)
    event.save()
    hooks.dispatch(dossier, event)
    return event


def _commit(
    target: Dossier,
    locked: Dossier,
    actor: Actor,
    at: dt.datetime,
    action: str,
    from_status: int | None,
    reason: str = "",
    data: dict[str, Any] | None = None,
) -> DossierEvent:
    event = _append_event(locked, actor, at, action, from_status, reason, data)
    _sync(target, locked)
    return event


# Allocates the next number of a (receiving agency, local day) counter in one statement:
# the INSERT creates the day's row, or ON CONFLICT increments it under its row lock, which
# concurrent submissions then wait for, so numbers are distinct and consecutive.
# (PostgreSQL, and SQLite from 3.35 for RETURNING.)
_NEXT_NUMBER_SQL = (
    "INSERT INTO {table} (agency_id, day, last) VALUES (%s, %s, 1) "
    "ON CONFLICT (agency_id, day) DO UPDATE SET last = {table}.last + 1 RETURNING last"
)


def _next_code(agency: Agency, at: dt.datetime) -> str:
    """`{agency code}-{yyMMdd}-{NNNN}`: the per-agency, per-local-day sequence, under a row lock."""
    day = at.astimezone(TZ).date()
    sql = _NEXT_NUMBER_SQL.format(table=connection.ops.quote_name(DossierSequence._meta.db_table))
    with connection.cursor() as cursor:
        cursor.execute(sql, [agency.pk, connection.ops.adapt_datefield_value(day)])
        number = cursor.fetchone()[0]
    return f"{agency.code}-{day:%y%m%d}-{number:04d}"


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
    with the same version objects (the simulator, a batch) reads them once, and a freshly
    loaded version (each web request) reads them fresh.
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


def _check_files(files: Sequence[Upload]) -> list[str]:
    """The proven type of every file, before anything is written (a refused file leaves nothing)."""
    return [_proven_type(upload) for _key, upload in files]


@contextmanager
def _discard_files_on_failure() -> Iterator[list[DossierFile]]:
    """Delete the files stored by a transition whose transaction failed.

    A database rollback does not remove what was written to MEDIA_ROOT: the transition
    stores its files inside the transaction and, on any error, deletes them after the
    rollback. (A caller must not wrap a transition in its own transaction: a rollback of
    that outer transaction after the transition returned cannot be seen here.)
    """
    stored: list[DossierFile] = []
    try:
        yield stored
    except BaseException:
        for attached in stored:
            attached.file.delete(save=False)
        raise


def _store_file(
    dossier: Dossier, upload: File, content_type: str, document: DossierDocument | None
) -> DossierFile:
    original = (upload.name or "").replace("\\", "/").rsplit("/", 1)[-1][:255]
    attached = DossierFile(
        dossier=dossier, document=document, original_name=original, content_type=content_type
    )
    attached.file.save(_server_name(content_type), upload, save=False)
    attached.save()
    return attached


def _create_documents(
    dossier: Dossier, documents: Sequence[Supplied], supplement: bool = False
) -> list[DossierDocument]:
    """The documents handed in, exactly as given (never the whole catalog list by default)."""
    if not documents:
        return []
    rows = [
        DossierDocument(
            dossier=dossier,
            requirement_id=d.requirement_id,
            name=d.name,
            originals=d.originals,
            certified_copies=d.certified_copies,
            photocopies=d.photocopies,
            supplied_in_supplement=supplement,
        )
        for d in documents
    ]
    created = DossierDocument.objects.bulk_create(rows)
    if any(row.pk is None for row in created):  # backends without RETURNING on bulk insert
        created = list(DossierDocument.objects.filter(dossier=dossier).order_by("-id")[: len(rows)])[::-1]
    return created


def _attach(
    dossier: Dossier,
    files: Sequence[Upload],
    types: Sequence[str],
    documents: Sequence[DossierDocument],
    stored: list[DossierFile],
    *,
    by_index: bool = False,
) -> None:
    """Store the files of a transition, each on its document (by requirement id, or by index)."""
    by_requirement = {d.requirement_id: d for d in documents if d.requirement_id is not None}
    for (key, upload), content_type in zip(files, types, strict=True):
        if key is None:
            document = None
        elif by_index:
            document = documents[key] if 0 <= key < len(documents) else None
        else:
            document = by_requirement.get(key)
        stored.append(_store_file(dossier, upload, content_type, document))


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


def _assign_code(dossier: Dossier, at: dt.datetime) -> None:
    """Write the applicant if new and give the dossier its code (the first writes of a new dossier)."""
    if dossier.applicant.pk is None:
        dossier.applicant.save()
    dossier.code = _next_code(dossier.receiving_agency, at)


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
) -> DossierStep | None:
    """The dossier's steps with their planned due times; the first one starts now.

    Step k is planned due after the allotted working time of steps 1…k from the clock
    start (`plan_from`, default the received time), never after the dossier's due time
    (see `_schedule`).
    """
    assert dossier.due_at is not None
    rows = [
        DossierStep(
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
        return None
    _schedule(dossier, rows, plan_from or at, cal)
    created = DossierStep.objects.bulk_create(rows)
    first = created[0]
    if first.pk is None:  # backends without RETURNING on bulk insert
        first = DossierStep.objects.get(dossier=dossier, order=1)
    return first


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


def _start_step(
    dossier: Dossier,
    step: DossierStep,
    at: dt.datetime,
    cal: WorkCalendar,
    assignee: User | None = None,
    later: Sequence[DossierStep] = (),
) -> None:
    """Start `step` now: due = max(planned due, now + allotted), capped by the dossier's due
    time; the unfinished steps after it (`later`, in order) move with it if they must."""
    step.started_at = at
    _schedule(dossier, [step], at, cal)
    step.deadline_state = Deadline.OK
    if assignee is not None:
        step.assignee = assignee
    step.save(update_fields=["started_at", "due_at", "deadline_state", "assignee"])
    dossier.current_step = step
    dossier.current_step_due_at = step.due_at
    _reschedule_later(dossier, step, later, cal)


def _reschedule_later(
    dossier: Dossier, step: DossierStep, later: Sequence[DossierStep], cal: WorkCalendar
) -> None:
    """Move the steps after `step` so they still follow it (one UPDATE, only if one moved)."""
    if not later or step.due_at is None:
        return
    moved = _schedule(dossier, later, step.due_at, cal)
    if moved:
        DossierStep.objects.bulk_update(moved, ["due_at"])


def _finish_step(step: DossierStep, actor: Actor, at: dt.datetime) -> None:
    step.finished_at = at
    step.finished_by = actor
    step.save(update_fields=["finished_at", "finished_by"])


def _split(steps: list[DossierStep]) -> tuple[DossierStep | None, list[DossierStep]]:
    """The next step and the ones after it."""
    return (steps[0], steps[1:]) if steps else (None, [])


def _following_steps(dossier: Dossier, step: DossierStep | None) -> list[DossierStep]:
    """The unfinished steps after `step`, in order (one query)."""
    order = step.order if step else 0
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
    return Handover.objects.create(
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
) -> Dossier:
    """A citizen submits online (status 1): the dossier gets its code now, the clock starts at reception.

    `files` are (requirement id, file) pairs. The documents handed in are `documents`, else
    the catalog rows with a file (with the catalog's counts). Every always-required document
    must be among them (`documents_missing`, naming each one). The files are stored in the
    same transaction and deleted again if it fails.

    A new applicant's `language` (for slips and notices) is `language`, else the language
    the citizen is using (the request's active language).

    `reused` are (requirement id, warehouse document id) pairs (once-only, issue #13): the
    applicant's own visible, valid digitised documents handed in instead of an upload; each
    dossier document points at its source and gets a copy of its PDF.
    """
    at = _now(at)
    if permissions.submit_online(actor) is not None:
        raise _forbidden()
    assert actor is not None
    if applicant.user_id is None:
        applicant.user = actor
    elif applicant.user_id != actor.pk:
        raise _forbidden()
    if applicant.pk is None:
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
    pairs = _digital(lambda: digital.reused_documents(applicant.id_number, reused, known))
    slots: list[Any] = [*files, *((requirement_id, None) for requirement_id, _d in pairs)]
    handed_in = list(documents) if documents is not None else _documents_with_files(version, slots)
    _check_documents(version, handed_in, files)
    _check_required(version, [d.requirement_id for d in handed_in])
    uploads = [*files, *digital.reused_uploads(pairs)]  # a reused document's copy is stored as a file
    types = _check_files(uploads)
    with _discard_files_on_failure() as stored, _atomic():
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
        _assign_code(dossier, at)
        # The first event needs only the code: chain it now and insert the row with its head.
        event = _next_event(dossier, actor, at, "submit", None, data=data)
        dossier.save(force_insert=True)
        created = _create_documents(dossier, handed_in)
        _attach(dossier, uploads, types, created, stored)
        digital.link_reused(pairs, created)
        event.save()
        hooks.dispatch(dossier, event)
    return dossier


def _digital(step: Callable[[], Any]) -> Any:
    """Run a digital-documents step (issue #13); its refusals become DossierErrors."""
    from motcua.documents.services import WarehouseError
    from motcua.documents.signing import SigningError

    try:
        return step()
    except WarehouseError as error:
        if error.code == "unknown_requirement":
            raise DossierError("unknown_requirement", str(error)) from None
        if error.code == "not_reusable":
            raise DossierError("not_reusable", str(error)) from None
        raise DossierError("digitisation_failed", str(error)) from None
    except SigningError as error:
        raise DossierError("signing_failed", str(error)) from None


def _check_delivery(result_delivery: str) -> None:
    if result_delivery not in ResultDelivery.values:
        raise DossierError(
            "invalid_result_delivery", gettext("Hình thức nhận kết quả không hợp lệ.")
        )


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
) -> dict[str, Any]:
    dossier.received_at = at
    dossier.clock_started_at = plan.clock_start
    dossier.due_at = dossier.original_due_at = plan.due_at
    dossier.status = Status.RECEIVED
    dossier.deadline_state = Deadline.OK
    first = _copy_steps(dossier, plan.template, at, cal, plan.clock_start)
    if first is not None:
        dossier.current_step = first
        dossier.current_step_due_at = first.due_at
    _handover(dossier, Handover.Kind.RECEPTION, at, actor, None, dossier.receiving_agency_id)
    return {
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
) -> Dossier:
    """A receptionist receives a dossier handed in at the counter or by post (status 2, form 01).

    `documents` is exactly what was handed in (the receipt lists these, nothing else);
    `files` are (requirement id, scan) pairs stored on those documents in the same
    transaction. `forward=True` also hands the dossier to the next step ("Tiếp nhận và
    chuyển xử lý"): both or neither.
    """
    at = _now(at)
    agency = _counter_checks(actor, channel)
    _check_delivery(result_delivery)
    documents = list(documents or ())
    _check_documents(version, documents, files)
    types = _check_files(files)
    cal = calendar()
    with _discard_files_on_failure() as stored, _atomic():
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
        _assign_code(dossier, at)
        dossier.save(force_insert=True)
        dossier._loaded_values = _column_values(dossier)
        created = _create_documents(dossier, documents)
        _attach(dossier, files, types, created, stored)
        data = _receive(dossier, plan, actor, at, cal)
        data["competence_rule"] = dossier._competence_rule
        if files:
            data["files"] = len(files)
        _append_event(dossier, actor, at, "receive", None, data=data)
        if forward:
            forward_dossier(actor, dossier, at=at)
        # Issue #13: the scans become digitised documents in the applicant's warehouse (last,
        # so a refused transition has written none of them).
        _digital(lambda: digital.digitise_reception(dossier, actor, list(stored)))
    return dossier


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
) -> Dossier:
    """Refuse a dossier handed in at the counter or by post (status 3, form 03 with the reason).

    The applicant gets a refusal slip (Circular 01/2023, form 03), so the refusal is a
    dossier with its code, never received: the slip can be printed and the statistics count
    it. When no agency is competent (often the very reason), the centre stands as competent.
    """
    at = _now(at)
    agency = _counter_checks(actor, channel)
    if not reason.strip():
        raise _reason_required()
    documents = list(documents or ())
    _check_documents(version, documents, ())
    try:
        competent = competent_agency_for(version, agency, at.astimezone(TZ).date(), applicant.address_unit)
    except DossierError:
        competent = agency
    with _atomic():
        dossier = _new_dossier(version, applicant, channel, agency, competent, at, request, Status.REFUSED)
        dossier.refused_at = at
        _assign_code(dossier, at)
        event = _next_event(
            dossier, actor, at, "refuse", None, reason.strip(), {"channel": channel, "slip": "03"}
        )
        dossier.save(force_insert=True)
        _create_documents(dossier, documents)
        event.save()
        hooks.dispatch(dossier, event)
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
        data = _receive(locked, plan, actor, at, cal)
        _commit(dossier, locked, actor, at, "receive", Status.SUBMITTED, data=data)
        if forward:
            forward_dossier(actor, dossier, at=at)
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
        step = locked.current_step
        following, later = _split(_following_steps(locked, step))
        _check(permissions.forward(actor, locked, following), locked)
        assert step is not None and following is not None
        if assignee is not None and assignee.agency_id != following.agency_id:
            raise DossierError(
                "invalid_agency", gettext("Người được giao không thuộc cơ quan xử lý bước tiếp theo.")
            )
        from_status = locked.status
        _finish_step(step, actor, at)
        _start_step(locked, following, at, calendar(), assignee, later)
        inter_agency = _inter_agency(locked, step.agency_id, following.agency)
        kind = Handover.Kind.TRANSFER if inter_agency else Handover.Kind.STEP
        _handover(locked, kind, at, actor, step.agency_id, following.agency_id, step, assignee, note)
        locked.status = Status.PROCESSING
        _commit(
            dossier,
            locked,
            actor,
            at,
            "forward",
            from_status,
            note,
            {
                "from_step": step.order,
                "to_step": following.order,
                "to_agency": following.agency.code,
                "inter_agency": inter_agency,
                "assignee": assignee.pk if assignee else None,
                "step_due_at": _iso(following.due_at),
            },
        )
    return dossier


def _inter_agency(dossier: Dossier, from_agency_id: int, to_agency: Agency) -> bool:
    """A hand-over between two administrations (liên thông), not a step inside one.

    A commune centre and its committee, or the provincial centre and a department, are one
    administration (`Agency.administration_id`); a centre of another commune, or an office
    organised outside the People's Committees (police, customs, tax…), is another.
    """
    if from_agency_id == to_agency.pk:
        return False
    source: Agency | None = None
    for name in ("receiving_agency", "competent_agency"):
        field = Dossier._meta.get_field(name)
        assert isinstance(field, ForeignKey)
        if field.is_cached(dossier) and getattr(dossier, field.attname) == from_agency_id:
            cached = field.get_cached_value(dossier)
            assert isinstance(cached, Agency)
            source = cached
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
        step.save(update_fields=["assignee"])
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
            if moved:
                DossierStep.objects.bulk_update(moved, ["due_at"])
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
    """The applicant paid (6 → back): online by the owner, or recorded at the counter by an officer."""
    at = _now(at)
    with _atomic():
        locked = _lock(dossier, actor)
        _check(permissions.record_payment(actor, locked), locked)
        owner = permissions.is_owner(actor, locked)
        locked.paid_at = at
        locked.paid_online = online or owner
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
                _finish_step(step, actor, at)
                _start_step(locked, following, at, calendar(), later=later)
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
        if step is not None:
            _finish_step(step, actor, at)
        # Any steps left before the return (other than the desk's) are closed with the approval.
        following, later = _split(_following_steps(locked, step))
        locked.current_step = None
        locked.current_step_due_at = None
        if following is not None:
            _start_step(locked, following, at, calendar(), later=later)
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


# ---------------------------------------------------------------------------------------
# Files


def _proven_type(upload: File) -> str:
    """The content type the file's first bytes prove, within the size limit, or a DossierError.

    Every door (portal, desk, API, scripts) ends here, so a file that is not a PDF, JPEG or
    PNG, or is too large, is refused even if the door forgot to check it.
    """
    try:
        return check_upload(upload)  # type: ignore[arg-type]  # any File with a size and bytes
    except UploadProblem as problem:
        raise DossierError(problem.code, problem.message) from None


def _server_name(content_type: str) -> str:
    """A stored name the user does not choose: a random stem, the extension of the proven type."""
    return f"{uuid.uuid4().hex}.{EXTENSIONS[content_type]}"


def attach_file(
    actor: Actor,
    dossier: Dossier,
    upload: File,
    *,
    at: dt.datetime | None = None,
    document: DossierDocument | None = None,
) -> DossierFile:
    """Attach a scanned or uploaded file: PDF, JPEG or PNG by its content, within the size limit.

    Refused with `unsupported_file_type` or `file_too_large`; the name on disk is chosen by
    the server and its extension comes from the proven type (`models.attachment_path`).
    """
    at = _now(at)
    with _atomic():
        locked = _lock(dossier, actor)
        _check(permissions.attach_file(actor, locked), locked)
        content_type = _proven_type(upload)
        attached = _store_file(locked, upload, content_type, document)
        _commit(
            dossier,
            locked,
            actor,
            at,
            "attach_file",
            locked.status,
            data={"file": attached.pk, "content_type": content_type},
        )
    return attached


# ---------------------------------------------------------------------------------------
# Look-ups


def version_in_force(procedure_code: str, day: dt.date) -> ProcedureVersion:
    """The version of a procedure in force on `day` (what a new dossier points at)."""
    version = catalog_services.version_in_force(procedure_code, day)
    if version is None:
        raise DossierError(
            "not_found",
            gettext("Không có phiên bản của thủ tục %(code)s có hiệu lực vào ngày %(day)s.")
            % {"code": procedure_code, "day": day.strftime("%d/%m/%Y")},
        )
    return version
