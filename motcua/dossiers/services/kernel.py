"""The kernel of the dossier services: the refusal type, locking, the chained events, codes, the hook.

Every transition of the other modules of this package is built from these pieces (see the
package's docstring for the guarantees).
"""

from __future__ import annotations

import datetime as dt
import functools
import operator
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, TypeVar

from django.conf import settings
from django.core.files.base import File
from django.db import connection, transaction
from django.db.models import FileField, ForeignKey
from django.db.models.base import ModelState
from django.utils import timezone, translation
from django.utils.translation import gettext

from motcua.accounts.models import User
from motcua.agencies.models import Agency
from motcua.core import rows
from motcua.dossiers import hooks, permissions
from motcua.dossiers.models import (
    Applicant,
    Dossier,
    DossierEvent,
    DossierSequence,
    DossierStep,
    ResultDelivery,
    Status,
)
from motcua.worktime.calendars import calendar_for
from motcua.worktime.core import TZ, WorkCalendar

Actor = User | None
T = TypeVar("T")


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
        # Raised after the transition wrote something: its transaction must roll back (_atomic).
        self.after_write = False

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
    Inside the caller's transaction (the simulator's and other batch jobs' batches) it takes
    no SAVEPOINT (two more round trips per transition): every refusal (`DossierError`) is
    raised before the transition writes anything — the functions check first, then write —
    so a refusal leaves the caller's transaction as it was and usable. The few refusals that
    can only come after a write (signing, digitising, the forward of "receive and forward")
    are raised with `after_write` set (`_after_write`); they, and any other error, mark the
    caller's whole transaction for rollback (what Django does for a block without a
    savepoint), so nothing half-written can be committed.

    On PostgreSQL the transition's writes that need no answer at once are kept and carried by
    its next statement, or sent together when it ends (`rows.combining`).
    """
    if not connection.in_atomic_block:
        with transaction.atomic(), rows.combining():
            yield
        return
    refused: DossierError | None = None
    with transaction.atomic(savepoint=False), rows.combining():
        try:
            yield
        except DossierError as error:
            rows.forget_held()  # the locked copy may be half-changed in memory
            if error.after_write:
                raise
            refused = error  # nothing written: leave the block normally, raise below
        except BaseException:
            rows.forget_held()
            raise
    if refused is not None:
        raise refused


def _after_write(step: Callable[[], T]) -> T:
    """Run a step that comes after the transition's first write: a refusal it raises is no
    longer "nothing written" (see `_atomic`)."""
    try:
        return step()
    except DossierError as error:
        error.after_write = True
        raise


def _column_values(dossier: Dossier) -> dict[str, Any]:
    """The dossier's column values (a file by its name), to find what a transition changed."""
    values = dict(zip(_ATTNAMES, _stored_values(dossier), strict=True))
    for name in _FILE_ATTNAMES:
        value = values[name]
        # What the file descriptor's FieldFile would give as its name: the stored name (a str
        # or None), or the name of a File assigned to the field.
        values[name] = value if value is None or isinstance(value, str) else value.name
    return values


def _stored_values(dossier: Dossier) -> tuple[Any, ...]:
    """Every column's value as the instance stores it, in `_ATTNAMES` order.

    Read from the instance's `__dict__` in one C call: through the fields' descriptors
    (`getattr`) it cost a Python call per column, ~40 columns twice per transition. The
    descriptors of these columns return the stored value as it is, except the file fields'
    (see `_column_values`) — and a deferred column, missing from `__dict__`, which the
    descriptors then load."""
    try:
        return _STORED(dossier.__dict__)
    except KeyError:
        return _READ_ATTNAMES(dossier)


_ATTNAMES = tuple(f.attname for f in Dossier._meta.concrete_fields)
_FILE_ATTNAMES = tuple(f.attname for f in Dossier._meta.concrete_fields if isinstance(f, FileField))
_READ_ATTNAMES = operator.attrgetter(*_ATTNAMES)  # every value in one call (what getattr gives)
_STORED = operator.itemgetter(*_ATTNAMES)


def _lock_sql(key: bool) -> str:
    """The lock's one statement (built once per process and `key`, see `_lock`).

    Kept by `key` alone, as `rows.table` keeps a model's statements: the default connection's
    vendor is the settings', which a process does not change (and reading it through the
    connection proxy on every lock costs more than the rest of this function)."""
    sql = _LOCK_SQL.get(key)
    if sql is not None:
        return sql
    quote = connection.ops.quote_name
    d, a, s, g = (rows.table(m) for m in (Dossier, Applicant, DossierStep, Agency))

    def column(model: type[Any], name: str) -> str:
        return quote(model._meta.get_field(name).column)

    # The event's key: an uncorrelated scalar subquery, evaluated once whatever the rows.
    reserve = ", (SELECT nextval(%s))" if key else ""
    sql = (
        f"SELECT {d.columns('d')}, {a.columns('a')}, {s.columns('s')}, {g.columns('g')}{reserve} "
        f"FROM {d.name} d INNER JOIN {a.name} a "
        f"ON a.{column(Applicant, 'id')} = d.{column(Dossier, 'applicant')} "
        f"LEFT JOIN {s.name} s ON s.{column(DossierStep, 'dossier')} = d.{column(Dossier, 'id')} "
        f"AND (s.{column(DossierStep, 'finished_at')} IS NULL "
        f"OR s.{column(DossierStep, 'id')} = d.{column(Dossier, 'current_step')}) "
        f"LEFT JOIN {g.name} g ON g.{column(Agency, 'id')} = s.{column(DossierStep, 'agency')} "
        f"WHERE d.{column(Dossier, 'id')} = %s ORDER BY s.{column(DossierStep, 'order')}"
    )
    if connection.features.has_select_for_update_of:
        sql += " FOR UPDATE OF d"
    _LOCK_SQL[key] = sql
    return sql


_LOCK_SQL: dict[bool, str] = {}


def _lock(dossier: Dossier, actor: Actor = None) -> Dossier:
    """Lock the row; if someone changed it since the caller loaded it, they already handled it.

    One statement (precompiled, `motcua.core.rows`), one round trip: the dossier row (SELECT …
    FOR UPDATE of it alone), its applicant (the ownership check, the notices' addresses), its
    current step and its unfinished steps in order, each with its agency — what the
    transitions read (`processing._following_steps` takes the steps from here, see
    `Dossier._open_steps`). The procedure version and the agencies the caller's object
    already carries are reused when they are the ones the locked row points at. Inside a batch
    on PostgreSQL, a dossier the batch's transaction locked already and left as its copy says
    (`rows.held`: no other statement ran since) is not read again. On PostgreSQL
    outside a batch it also reserves the key of the transition's event (`Dossier._event_key`),
    so the event's INSERT can travel with the transition's other writes (`rows.combining`).
    """
    held = rows.held()
    if held is not None:  # a batch: this transaction may hold the row already, as it left it
        copy = held.pop(dossier.pk, None)
        if copy is not None and copy.revision == dossier.revision:
            copy._foreign_at_lock = rows.foreign_statements()
            return copy
    d, a, s, g = (rows.table(m) for m in (Dossier, Applicant, DossierStep, Agency))
    key = rows.reserves_keys()
    params: list[Any] = [rows.table(DossierEvent).sequence(), dossier.pk] if key else [dossier.pk]
    with connection.cursor() as cursor:
        rows.execute(cursor, _lock_sql(key), params)  # with the writes a batch still keeps
        found = cursor.fetchall()
    if not found:
        raise DossierError("not_found", gettext("Không tìm thấy hồ sơ."))
    first = found[0]
    nd, na, ns, ng = len(d.fields), len(a.fields), len(s.fields), len(g.fields)
    locked = d.build(first[:nd])
    assert isinstance(locked, Dossier)
    if locked.revision != dossier.revision:
        raise DossierError(
            "already_handled",
            gettext("Hồ sơ %(code)s vừa được người khác xử lý. Vui lòng tải lại để xem trạng thái mới.")
            % {"code": locked.code},
        )
    _APPLICANT.set_cached_value(locked, a.build(first[nd : nd + na]))
    agencies: dict[int, Agency] = {}
    for name in _REUSED_RELATIONS:
        field = _FORWARD_RELATIONS[name]
        if field.is_cached(dossier):
            cached = field.get_cached_value(dossier)
            if cached is not None and cached.pk == getattr(locked, field.attname):
                field.set_cached_value(locked, cached)
                if isinstance(cached, Agency):
                    agencies[cached.pk] = cached
    steps: list[DossierStep] = []
    current: DossierStep | None = None
    for row in found:
        values = row[nd + na : nd + na + ns]
        if values[0] is None:  # no step (LEFT JOIN)
            break
        step = s.build(values)
        assert isinstance(step, DossierStep)
        agency = agencies.get(step.agency_id)
        if agency is None:
            built = g.build(row[nd + na + ns : nd + na + ns + ng])
            assert isinstance(built, Agency)
            agency = agencies[step.agency_id] = built
        _STEP_AGENCY.set_cached_value(step, agency)
        if step.pk == locked.current_step_id:
            current = step
        steps.append(step)
    _FORWARD_RELATIONS["current_step"].set_cached_value(locked, current)
    locked._open_steps = [step for step in steps if step.finished_at is None]
    locked._loaded_values = _column_values(locked)
    if key:
        locked._event_key = first[-1]
    locked._foreign_at_lock = rows.foreign_statements()
    return locked


# Rows a transition may read but never changes: the caller's copies can stand in (see _lock).
_REUSED_RELATIONS = ("version", "receiving_agency", "competent_agency")


def _sync(target: Dossier, source: Dossier) -> None:
    """Give the caller's object the committed values, so it can be passed to the next call.

    The related rows the caller's object carries stay when the locked row still points at
    them (the applicant, the version and its procedure, the agencies): a caller can build its
    answer from the object in hand. The locked copy's own (fresh) related rows replace them.
    """
    kept: dict[str, Any] = {}
    for name, cached in target._state.fields_cache.items():
        field = _FORWARD_RELATIONS.get(name)
        if field is None:
            continue
        pointed = getattr(source, field.attname)
        if (cached is None and pointed is None) or (cached is not None and cached.pk == pointed):
            kept[name] = cached
    # What setattr of each would store (the key descriptors' cache clearing is moot: the
    # cache is replaced below), in one update.
    target.__dict__.update(zip(_ATTNAMES, _stored_values(source), strict=True))
    fresh = dict(source._state.fields_cache)
    if "applicant" in kept:  # read with the lock; the caller's copy may carry more (its unit)
        del fresh["applicant"]
    target._state.fields_cache = {**kept, **fresh}
    # Lists a previous call left on the object (`_known_lists`) may have changed: read them again.
    target.__dict__.pop("_prefetched_objects_cache", None)


def _known_lists(dossier: Dossier, **lists: Sequence[Any]) -> None:
    """Leave on a new dossier the related lists its transaction has just written in full.

    As `prefetch_related` would: `dossier.documents.all()` then reads no row, so the caller
    builds its answer from what is in hand (the API's submission answer). The next transition
    on the object forgets them (`_sync`).
    """
    cache = dossier.__dict__.setdefault("_prefetched_objects_cache", {})
    for name, written in lists.items():
        queryset = getattr(dossier, name).all()
        queryset._result_cache = list(written)
        queryset._prefetch_done = True
        cache[name] = queryset


_FORWARD_RELATIONS: dict[str, ForeignKey[Any, Any]] = {
    f.name: f for f in Dossier._meta.concrete_fields if isinstance(f, ForeignKey)
}
_APPLICANT = _FORWARD_RELATIONS["applicant"]
_STEP_AGENCY: ForeignKey[Any, Any] = DossierStep._meta.get_field("agency")  # type: ignore[assignment]


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
    event: DossierEvent = rows.table(DossierEvent).new(  # type: ignore[assignment]
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
    if dossier._event_key is not None:  # reserved with the lock or the dossier's number
        event.pk, dossier._event_key = dossier._event_key, None
    dossier.revision = event.seq
    dossier.last_event_hash = event.hash
    return event


def _changed_fields(dossier: Dossier, now: dict[str, Any]) -> list[str]:
    """The columns (attnames) whose values `now` differ from those read under the lock (all of
    them if not locked)."""
    loaded = dossier._loaded_values
    if loaded is None:
        return [name for name in _ATTNAMES if name != "id"]
    return [name for name in _ATTNAMES if now[name] != loaded[name]]


def _append_event(
    dossier: Dossier,
    actor: Actor,
    at: dt.datetime,
    action: str,
    from_status: int | None,
    reason: str = "",
    data: dict[str, Any] | None = None,
    *,
    new: bool = False,
) -> DossierEvent:
    """Save the dossier's changed columns with its new head, append the chained event, tell the hook.

    `new`: the dossier row was inserted in this transition (the hook's handlers see no values
    before it).
    """
    event = _next_event(dossier, actor, at, action, from_status, reason, data)
    before = None if new else dossier._loaded_values
    now = _column_values(dossier)
    rows.table(Dossier).update(dossier, _changed_fields(dossier, now))
    dossier._loaded_values = now
    rows.table(DossierEvent).append(event, key=True)  # queued inside a batch (`rows.batch`)
    _dispatch(dossier, event, before)
    return event


def _dispatch(dossier: Dossier, event: DossierEvent, before: dict[str, Any] | None) -> None:
    """The one hook (`hooks.dispatch`), with the dossier's column values before the event."""
    dossier._previous_values = before
    hooks.dispatch(dossier, event)


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
    held = rows.held()
    if held is not None and locked._foreign_at_lock == rows.foreign_statements():
        # Inside a batch the next transition on it can start from this copy — unless a statement
        # other than the services' own ran since the lock (it may have changed a row behind it).
        held[locked.pk] = locked
    return event


# Allocates the next number of a (receiving agency, local day) counter in one statement:
# the INSERT creates the day's row, or ON CONFLICT increments it under its row lock, which
# concurrent submissions then wait for, so numbers are distinct and consecutive.
# (PostgreSQL, and SQLite from 3.35 for RETURNING.)
_NEXT_NUMBER_SQL = (
    "INSERT INTO {table} (agency_id, day, last) VALUES (%s, %s, 1) "
    "ON CONFLICT (agency_id, day) DO UPDATE SET last = {table}.last + 1 RETURNING last"
)


@functools.cache
def _next_number_sql() -> str:
    """`_NEXT_NUMBER_SQL` for the sequence table (quoted once per process, as `_lock_sql`)."""
    return _NEXT_NUMBER_SQL.format(table=connection.ops.quote_name(DossierSequence._meta.db_table))


def _next_code(
    agency: Agency,
    at: dt.datetime,
    dossier: Dossier | None = None,
    reserve: Sequence[tuple[type[Any], int]] = (),
) -> str:
    """`{agency code}-{yyMMdd}-{NNNN}`: the per-agency, per-local-day sequence, under a row lock.

    `dossier`: the new dossier the number is for; on PostgreSQL outside a batch the same
    statement reserves the key of its first event (`Dossier._event_key`, see `_lock`).
    `reserve`: (model, count) of the new rows the transition will insert with its kept
    writes (`rows.keeping()`): their keys are reserved by the same statement (`nextval` of
    each table's sequence, in increasing order) into `dossier._reserved_keys`."""
    day = at.astimezone(TZ).date()
    sql = _next_number_sql()
    params: list[Any] = [agency.pk, connection.ops.adapt_datefield_value(day)]
    key = dossier is not None and rows.reserves_keys()
    if key:
        sql += ", nextval(%s)"
        params.append(rows.table(DossierEvent).sequence())
    wanted = [(model, count) for model, count in reserve if count > 0] if dossier is not None else []
    for model, count in wanted:
        sql += ", ARRAY(SELECT nextval(%s) FROM generate_series(1, %s))"
        params += [rows.table(model).sequence(), count]
    with connection.cursor() as cursor:
        rows.execute(cursor, sql, params)
        number, *reserved = cursor.fetchone()
    if key:
        assert dossier is not None
        dossier._event_key = reserved.pop(0)
    if wanted:
        assert dossier is not None
        dossier._reserved_keys = {
            model: sorted(keys) for (model, _count), keys in zip(wanted, reserved, strict=True)
        }
    return f"{agency.code}-{day:%y%m%d}-{number:04d}"


def _keys_for(dossier: Dossier, model: type[Any], count: int) -> list[int] | None:
    """Keys for `count` new rows of `model` that the transition on `dossier` inserts: those its
    numbering reserved (`_next_code`), else from the batch's reserved blocks (`rows.batch_keys`),
    else None (the rows are inserted at once and get their keys back)."""
    reserved = dossier._reserved_keys
    if reserved is not None and model in reserved:
        keys = reserved.pop(model)
        assert len(keys) == count, (model, len(keys), count)
        return keys
    return rows.batch_keys(rows.table(model), count) if count else None


def _insert_reserved(dossier: Dossier, model: type[Any], objs: Sequence[Any]) -> bool:
    """INSERT the new `objs` of `model` with the keys reserved for them (`_keys_for`), kept to
    travel with the transition's other writes; False when none were reserved (the caller
    inserts them at once and gets their keys back)."""
    keys = _keys_for(dossier, model, len(objs))
    if keys is None:
        return False
    for obj, key in zip(objs, keys, strict=True):
        obj.pk = key
    rows.table(model).insert_reserved(objs)
    return True


def _hold_new(dossier: Dossier, foreign_at_write: int) -> None:
    """Inside a batch (`rows.held`), keep a copy of a dossier its transition has just created, as
    the lock would read it, so the next transition on it in the batch does not lock and read it
    again — if no statement other than the services' own ran since its first write."""
    held = rows.held()
    if held is None or foreign_at_write != rows.foreign_statements() or dossier.pk is None:
        return
    copy = Dossier.__new__(Dossier)
    copy.__dict__.update(dossier.__dict__)
    copy.__dict__.pop("_prefetched_objects_cache", None)
    state = copy._state = ModelState()
    state.adding, state.db = False, dossier._state.db
    cache = dict(dossier._state.fields_cache)
    applicant = cache.get("applicant")
    if applicant is not None:  # the lock reads its own: not the caller's object
        fresh = Applicant.__new__(Applicant)
        fresh.__dict__.update(applicant.__dict__)
        fresh._state = ModelState()
        fresh._state.adding, fresh._state.db = False, applicant._state.db
        cache["applicant"] = fresh
    state.fields_cache = cache
    steps = [step for step in dossier._open_steps or [] if step.finished_at is None]
    named = (cache.get("receiving_agency"), cache.get("competent_agency"))
    agencies = {agency.pk: agency for agency in named if agency is not None}
    for step in steps:
        if not _STEP_AGENCY.is_cached(step) and step.agency_id in agencies:
            _STEP_AGENCY.set_cached_value(step, agencies[step.agency_id])
    copy._open_steps = steps
    copy._reserved_keys = None
    copy._foreign_at_lock = foreign_at_write
    held[copy.pk] = copy


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
