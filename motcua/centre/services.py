"""The only code that changes the floor of a centre: one function per change of a ticket.

Every function here
- runs in one transaction, locks the ticket it changes (`select_for_update`; on SQLite the
  IMMEDIATE transaction mode serialises writers), so two officers pressing the same button
  cannot both succeed: the second gets `CentreError("already_handled")`;
- closes the ticket's open period and opens the next one (the periods are the audit trail and
  the source of waiting and service times);
- bumps the centre's floor version in the same transaction (the screens watch it);
- takes the time as `at` (default: now), so tests and the demo can drive simulated time;
- raises `CentreError(code, message)` with a translated message and changes nothing when it does.

Lock order, to avoid deadlocks: ticket sequence, then tickets, then the floor row.
"""

from __future__ import annotations

import datetime as dt
import secrets
from collections.abc import Iterable
from typing import Any

from django.conf import settings
from django.db import connection, transaction
from django.db.models import Case, F, Q, QuerySet, Value, When
from django.utils import timezone
from django.utils.translation import gettext

from motcua.accounts.models import Role, User
from motcua.agencies.models import Agency
from motcua.centre.models import (
    OPEN_TICKET_STATUSES,
    Booking,
    Call,
    Counter,
    Floor,
    Priority,
    Rating,
    Service,
    Ticket,
    TicketPeriod,
    TicketSequence,
    TicketStatus,
)
from motcua.dossiers.models import Dossier
from motcua.worktime.calendars import calendar_for
from motcua.worktime.core import TZ

# Roles that may work a counter of their own centre.
COUNTER_ROLES = (Role.RECEPTIONIST, Role.CENTER_MANAGER)
# A booking may be checked in from this long before its slot until this long after the slot ends.
CHECK_IN_EARLY = dt.timedelta(minutes=30)
CHECK_IN_LATE = dt.timedelta(minutes=15)


class CentreError(Exception):
    """A refused change: `code` is stable for programs, `message` is translated for people."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


# ---------------------------------------------------------------------------------------
# Helpers


def _now(at: dt.datetime | None) -> dt.datetime:
    return at or timezone.now()


def floor_of(centre: Agency) -> Floor:
    """The centre's floor row (created on first use)."""
    floor, _ = Floor.objects.get_or_create(centre=centre)
    return floor


def _bump(centre_id: int) -> None:
    """Tell the screens that the floor changed (in the caller's transaction)."""
    updated = Floor.objects.filter(centre_id=centre_id).update(version=F("version") + 1)
    if not updated:
        Floor.objects.get_or_create(centre_id=centre_id, defaults={"version": 1})


def is_open(centre: Agency, at: dt.datetime) -> bool:
    """Inside the province's working periods on a working day (the working-time calendar)."""
    calendar = calendar_for()
    local = at.astimezone(TZ)
    if not calendar.is_working_day(local.date()):
        return False
    return any(p.start <= local.time() < p.end for p in calendar.periods)


def _require_centre(centre: Agency) -> None:
    if not centre.is_service_center or not centre.is_active:
        raise CentreError(
            "not_a_centre", gettext("Cơ quan này không phải là trung tâm phục vụ hành chính công.")
        )


def _require_open(centre: Agency, at: dt.datetime) -> None:
    if not is_open(centre, at):
        raise CentreError("closed", gettext("Trung tâm đang ngoài giờ làm việc, chưa thể lấy số."))


# Taking the next number inserts the day's row or increments it in one statement; the row stays
# locked until the transaction ends, so concurrent kiosks wait for each other and numbers are
# distinct and consecutive (the same pattern as dossier codes).
_NEXT_NUMBER_SQL = (
    "INSERT INTO {table} (centre_id, day, last) VALUES (%s, %s, 1) "
    "ON CONFLICT (centre_id, day) DO UPDATE SET last = {table}.last + 1 RETURNING last"
)


def _next_number(centre: Agency, day: dt.date) -> int:
    sql = _NEXT_NUMBER_SQL.format(table=connection.ops.quote_name(TicketSequence._meta.db_table))
    with connection.cursor() as cursor:
        cursor.execute(sql, [centre.pk, connection.ops.adapt_datefield_value(day)])
        return int(cursor.fetchone()[0])


def _open_period(
    ticket: Ticket,
    state: str,
    at: dt.datetime,
    reason: str,
    counter: Counter | None = None,
    officer: User | None = None,
) -> None:
    TicketPeriod.objects.create(
        ticket=ticket,
        state=state,
        service_id=ticket.service_id,
        counter=counter,
        officer=officer,
        started_at=at,
        reason=reason,
    )


def _close_period(ticket: Ticket, at: dt.datetime) -> None:
    TicketPeriod.objects.filter(ticket=ticket, ended_at__isnull=True).update(ended_at=at)


def _change(
    ticket: Ticket,
    state: str,
    at: dt.datetime,
    reason: str,
    counter: Counter | None = None,
    officer: User | None = None,
) -> None:
    _close_period(ticket, at)
    _open_period(ticket, state, at, reason, counter, officer)


def _locked_ticket(ticket: Ticket | int) -> Ticket:
    pk = ticket.pk if isinstance(ticket, Ticket) else ticket
    try:
        return Ticket.objects.select_for_update().select_related("centre").get(pk=pk)
    except Ticket.DoesNotExist:
        raise CentreError("not_found", gettext("Không tìm thấy số thứ tự.")) from None


def _require_counter_officer(officer: User, counter: Counter) -> None:
    if officer.role not in COUNTER_ROLES or officer.agency_id != counter.centre_id:
        raise CentreError("forbidden", gettext("Bạn không làm việc tại trung tâm có quầy này."))
    if not counter.is_active:
        raise CentreError("counter_closed", gettext("Quầy này đang tạm dừng hoạt động."))


def _require_officer_of(officer: User, ticket: Ticket) -> None:
    if officer.role not in COUNTER_ROLES or officer.agency_id != ticket.centre_id:
        raise CentreError("forbidden", gettext("Bạn không làm việc tại trung tâm của số thứ tự này."))


def _require_status(ticket: Ticket, *statuses: str) -> None:
    if ticket.status not in statuses:
        raise CentreError(
            "already_handled",
            gettext("Số %(number)s đã được xử lý (%(status)s).")
            % {"number": ticket.number, "status": ticket.get_status_display()},
        )


# ---------------------------------------------------------------------------------------
# Counters


def sit_at_counter(officer: User, counter: Counter) -> Counter:
    """The officer takes the counter for today (replacing whoever sat there)."""
    _require_counter_officer(officer, counter)
    with transaction.atomic():
        Counter.objects.filter(centre_id=counter.centre_id, officer=officer).exclude(pk=counter.pk).update(
            officer=None
        )
        Counter.objects.filter(pk=counter.pk).update(officer=officer)
        _bump(counter.centre_id)
    counter.officer = officer
    return counter


def counter_of(officer: User) -> Counter | None:
    """The counter the officer sits at today, if any."""
    return Counter.objects.filter(officer=officer, centre_id=officer.agency_id).first()


def current_ticket(counter: Counter) -> Ticket | None:
    """The ticket called to or served at the counter."""
    return (
        Ticket.objects.filter(counter=counter, status__in=(TicketStatus.CALLED, TicketStatus.SERVING))
        .select_related("service")
        .first()
    )


# ---------------------------------------------------------------------------------------
# Tickets


def take_ticket(
    centre: Agency, service: Service, priority: str = Priority.NONE, at: dt.datetime | None = None
) -> Ticket:
    """Issue the next number of the day for a service of the centre (the kiosk's button)."""
    at = _now(at)
    _require_centre(centre)
    if service.centre_id != centre.pk or not service.is_active:
        raise CentreError("invalid_service", gettext("Trung tâm không phục vụ dịch vụ này."))
    if priority not in Priority.values:
        raise CentreError("invalid_priority", gettext("Đối tượng ưu tiên không hợp lệ."))
    _require_open(centre, at)
    with transaction.atomic():
        return _issue(centre, service, priority, at, queued_at=at, reason="issued")


def _issue(
    centre: Agency, service: Service, priority: str, at: dt.datetime, queued_at: dt.datetime, reason: str
) -> Ticket:
    day = at.astimezone(TZ).date()
    ticket = Ticket.objects.create(
        centre=centre,
        day=day,
        number=_next_number(centre, day),
        service=service,
        priority=priority,
        queued_at=queued_at,
        issued_at=at,
        token=secrets.token_urlsafe(16),
    )
    _open_period(ticket, TicketStatus.WAITING, at, reason)
    _bump(centre.pk)
    return ticket


def waiting_ahead(ticket: Ticket) -> int:
    """People waiting before this ticket in its service's queue (priority tickets counted)."""
    if ticket.status != TicketStatus.WAITING:
        return 0
    return (
        Ticket.objects.filter(
            centre_id=ticket.centre_id,
            day=ticket.day,
            status=TicketStatus.WAITING,
            service_id=ticket.service_id,
        )
        .filter(Q(queued_at__lt=ticket.queued_at) | Q(queued_at=ticket.queued_at, number__lt=ticket.number))
        .count()
    )


def _queue(counter: Counter, day: dt.date) -> QuerySet[Ticket]:
    """The tickets this counter may call: its services' queue, and those transferred to it."""
    service_ids = list(counter.services.values_list("pk", flat=True))
    return Ticket.objects.filter(centre_id=counter.centre_id, day=day, status=TicketStatus.WAITING).filter(
        Q(target_counter=counter) | Q(target_counter__isnull=True, service_id__in=service_ids)
    )


def _pick(queue: QuerySet[Ticket], counter: Counter, prefer: bool | None) -> Ticket | None:
    """The next ticket in one query: transferred to this counter first, then priority tickets first
    (`prefer` True) or regular ones first (False, the rule's turn for a regular ticket), then by
    waiting time. `prefer` None: by waiting time only."""
    order: list[Any] = [Case(When(target_counter=counter, then=Value(0)), default=Value(1))]
    if prefer is not None:
        first, then = (0, 1) if prefer else (1, 0)
        order.append(Case(When(priority=Priority.NONE, then=Value(then)), default=Value(first)))
    ordered = queue.order_by(*order, "queued_at", "number")
    if connection.features.has_select_for_update_skip_locked:
        # Two counters calling at once each take a different row: the row one has locked is
        # skipped by the other instead of waited for (and then found already called).
        ordered = ordered.select_for_update(skip_locked=True, of=("self",))
    return ordered.first()


def call_next(officer: User, counter: Counter, at: dt.datetime | None = None) -> Ticket:
    """Call the next ticket to the counter: by priority (the centre's rule), service and waiting time."""
    at = _now(at)
    _require_counter_officer(officer, counter)
    with transaction.atomic():
        if current_ticket(counter) is not None:
            raise CentreError(
                "counter_busy", gettext("Quầy đang có người được gọi hoặc đang phục vụ; hãy kết thúc trước.")
            )
        floor = floor_of(counter.centre)
        queue = _queue(counter, at.astimezone(TZ).date())
        # Transferred to this very counter: they have waited already, they go first. Then, while
        # the rule allows, priority tickets; after `priority_run` of them in a row, a regular one.
        prefer = None if not floor.priority_run else floor.priority_streak < floor.priority_run
        ticket = _pick(queue, counter, prefer)
        if ticket is None:
            raise CentreError("queue_empty", gettext("Không còn ai đang chờ ở quầy này."))
        took_priority = ticket.is_priority and ticket.target_counter_id != counter.pk
        # Only another counter's call could have moved the ticket meanwhile (on SQLite, where
        # writers are serialised, it cannot): re-check under the lock.
        ticket = _locked_ticket(ticket)
        _require_status(ticket, TicketStatus.WAITING)
        _change(ticket, TicketStatus.CALLED, at, "called", counter, officer)
        Ticket.objects.filter(pk=ticket.pk).update(
            status=TicketStatus.CALLED, counter=counter, officer=officer, target_counter=None
        )
        Call.objects.create(centre_id=counter.centre_id, ticket=ticket, counter=counter, at=at)
        streak = floor.priority_streak + 1 if took_priority else 0
        Floor.objects.filter(pk=floor.pk).update(priority_streak=streak, version=F("version") + 1)
        # Read back inside the transaction: a read after the commit that fails (SQLite's shared-cache
        # table lock in the tests) would report a call that did happen as failed.
        ticket.refresh_from_db()
    return ticket


def call_again(officer: User, ticket: Ticket, at: dt.datetime | None = None) -> Ticket:
    """Announce a called ticket once more (the period stays open: the person is still awaited)."""
    at = _now(at)
    _require_officer_of(officer, ticket)
    with transaction.atomic():
        ticket = _locked_ticket(ticket)
        _require_status(ticket, TicketStatus.CALLED)
        assert ticket.counter_id is not None
        Call.objects.create(centre_id=ticket.centre_id, ticket=ticket, counter_id=ticket.counter_id, at=at)
        _bump(ticket.centre_id)
    return ticket


def skip_absent(officer: User, ticket: Ticket, at: dt.datetime | None = None) -> Ticket:
    """The called person did not come: the ticket ends as a no-show."""
    return _move(officer, ticket, (TicketStatus.CALLED,), TicketStatus.NO_SHOW, "absent", at)


def start_serving(officer: User, ticket: Ticket, at: dt.datetime | None = None) -> Ticket:
    """The called person sits down at the counter."""
    return _move(officer, ticket, (TicketStatus.CALLED,), TicketStatus.SERVING, "started", at)


def finish_serving(officer: User, ticket: Ticket, at: dt.datetime | None = None) -> Ticket:
    """Service at the counter is over."""
    return _move(officer, ticket, (TicketStatus.SERVING,), TicketStatus.DONE, "finished", at)


def _move(
    officer: User, ticket: Ticket, sources: Iterable[str], target: str, reason: str, at: dt.datetime | None
) -> Ticket:
    at = _now(at)
    _require_officer_of(officer, ticket)
    with transaction.atomic():
        ticket = _locked_ticket(ticket)
        _require_status(ticket, *sources)
        counter = ticket.counter
        if ticket.officer_id not in (None, officer.pk) and (
            counter is None or counter.officer_id != officer.pk
        ):
            raise CentreError("forbidden", gettext("Số này đang được phục vụ ở quầy khác."))
        _change(ticket, target, at, reason, counter, officer)
        ticket.status = target
        ticket.officer = officer
        ticket.save(update_fields=["status", "officer"])
        _bump(ticket.centre_id)
    return ticket


def transfer(
    officer: User,
    ticket: Ticket,
    *,
    service: Service | None = None,
    counter: Counter | None = None,
    at: dt.datetime | None = None,
) -> Ticket:
    """Send a called or served ticket to another service's queue or to one counter; it waits again."""
    at = _now(at)
    _require_officer_of(officer, ticket)
    if (service is None) == (counter is None):
        raise CentreError("invalid_target", gettext("Chọn một dịch vụ hoặc một quầy để chuyển tới."))
    if counter is not None and (counter.centre_id != ticket.centre_id or not counter.is_active):
        raise CentreError("invalid_target", gettext("Quầy chuyển tới không thuộc trung tâm này."))
    if service is not None and (service.centre_id != ticket.centre_id or not service.is_active):
        raise CentreError("invalid_target", gettext("Dịch vụ chuyển tới không thuộc trung tâm này."))
    with transaction.atomic():
        ticket = _locked_ticket(ticket)
        _require_status(ticket, TicketStatus.CALLED, TicketStatus.SERVING)
        if counter is not None and counter.pk == ticket.counter_id:
            raise CentreError("invalid_target", gettext("Không thể chuyển tới chính quầy đang phục vụ."))
        if service is not None:
            ticket.service = service
        elif counter is not None and not counter.services.filter(pk=ticket.service_id).exists():
            # The counter does not serve the ticket's service: it joins the counter's first one.
            ticket.service = counter.services.first() or ticket.service
        ticket.status = TicketStatus.WAITING
        ticket.target_counter = counter
        ticket.counter = None
        ticket.officer = None
        ticket.save(update_fields=["service", "status", "target_counter", "counter", "officer"])
        _close_period(ticket, at)
        _open_period(ticket, TicketStatus.WAITING, at, "transferred", counter, None)
        _bump(ticket.centre_id)
    return ticket


# ---------------------------------------------------------------------------------------
# The desk: a dossier received at the counter carries the ticket being served


def link_serving_ticket(officer: Any, dossier: Dossier) -> Ticket | None:
    """Link the dossier just received to the ticket this officer is serving (if any).

    Called by the desk's counter reception after the dossier is received, so a dossier knows
    its waiting time. No ticket being served: nothing happens.
    """
    if getattr(officer, "pk", None) is None:
        return None
    with transaction.atomic():
        ticket = (
            Ticket.objects.select_for_update()
            .filter(officer_id=officer.pk, status=TicketStatus.SERVING, centre_id=dossier.receiving_agency_id)
            .order_by("-issued_at")
            .first()
        )
        if ticket is None:
            return None
        Ticket.objects.filter(pk=ticket.pk).update(dossier=dossier)
        ticket.dossier = dossier
    return ticket


# ---------------------------------------------------------------------------------------
# Bookings


def slot_starts(centre: Agency, day: dt.date) -> list[dt.datetime]:
    """The day's slot starts: the working periods cut into the centre's slot length."""
    if not calendar_for().is_working_day(day):
        return []
    length = dt.timedelta(minutes=floor_of(centre).slot_minutes)
    starts = []
    for period in calendar_for().periods:
        start = dt.datetime.combine(day, period.start, tzinfo=TZ)
        end = dt.datetime.combine(day, period.end, tzinfo=TZ)
        while start + length <= end:
            starts.append(start)
            start += length
    return starts


def slot_capacity(service: Service) -> int:
    """People a slot of this service can take: one per active counter serving it."""
    return service.counters.filter(is_active=True).count()


def book(
    centre: Agency,
    service: Service,
    slot_start: dt.datetime,
    *,
    id_number: str,
    name: str,
    phone: str = "",
    at: dt.datetime | None = None,
) -> Booking:
    """Book a slot online: within capacity, and at most the centre's limit per person per day."""
    at = _now(at)
    _require_centre(centre)
    if service.centre_id != centre.pk or not service.is_active:
        raise CentreError("invalid_service", gettext("Trung tâm không phục vụ dịch vụ này."))
    # ASCII digits: "０" or "٠" pass isdigit() and would make another number for the daily limit.
    if not (len(id_number) == 12 and id_number.isascii() and id_number.isdigit()):
        raise CentreError("invalid_id_number", gettext("Số định danh cá nhân phải gồm 12 chữ số."))
    if not name.strip():
        raise CentreError("name_required", gettext("Hãy nhập họ và tên."))
    day = slot_start.astimezone(TZ).date()
    if slot_start <= at or slot_start not in slot_starts(centre, day):
        raise CentreError("invalid_slot", gettext("Khung giờ này không có hoặc đã qua."))
    floor = floor_of(centre)
    with transaction.atomic():
        # Serialise bookings of the centre (the floor row) so that capacity and the limit hold.
        Floor.objects.select_for_update().filter(pk=floor.pk).first()
        mine = Booking.objects.filter(
            centre=centre,
            id_number=id_number,
            status__in=(Booking.Status.BOOKED, Booking.Status.CHECKED_IN),
            slot_start__date=day,
        )
        if mine.count() >= floor.bookings_per_person_per_day:
            raise CentreError(
                "booking_limit",
                gettext("Mỗi người được đặt tối đa %(limit)s lượt mỗi ngày tại trung tâm.")
                % {"limit": floor.bookings_per_person_per_day},
            )
        taken = (
            Booking.objects.filter(service=service, slot_start=slot_start)
            .exclude(status=Booking.Status.CANCELLED)
            .count()
        )
        if taken >= slot_capacity(service):
            raise CentreError("slot_full", gettext("Khung giờ này đã hết chỗ, hãy chọn khung giờ khác."))
        return Booking.objects.create(
            centre=centre,
            service=service,
            slot_start=slot_start,
            code=_booking_code(),
            id_number=id_number,
            name=name.strip(),
            phone=phone.strip(),
        )


_CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: read aloud and typed on a kiosk


def _booking_code() -> str:
    while True:
        code = "".join(secrets.choice(_CODE_ALPHABET) for _ in range(6))
        if not Booking.objects.filter(code=code).exists():
            return code


def check_in(centre: Agency, code: str, at: dt.datetime | None = None) -> Ticket:
    """At the kiosk: the booking code issues a ticket queued from the slot's start."""
    at = _now(at)
    _require_centre(centre)
    _require_open(centre, at)
    with transaction.atomic():
        booking = (
            Booking.objects.select_for_update()
            .select_related("service")
            .filter(centre=centre, code=code.strip().upper())
            .first()
        )
        if booking is None:
            raise CentreError("not_found", gettext("Không tìm thấy lịch hẹn với mã này."))
        if booking.status != Booking.Status.BOOKED:
            raise CentreError("already_handled", gettext("Lịch hẹn này đã được sử dụng hoặc đã hủy."))
        slot_end = booking.slot_start + dt.timedelta(minutes=floor_of(centre).slot_minutes)
        if not booking.slot_start - CHECK_IN_EARLY <= at <= slot_end + CHECK_IN_LATE:
            raise CentreError(
                "outside_slot",
                gettext("Lịch hẹn của bạn lúc %(time)s; hãy đến trong khung giờ đã đặt.")
                % {"time": booking.slot_start.astimezone(TZ).strftime("%H:%M %d/%m/%Y")},
            )
        ticket = _issue(
            centre,
            booking.service,
            Priority.NONE,
            at,
            queued_at=min(at, booking.slot_start),
            reason="checked_in",
        )
        booking.status = Booking.Status.CHECKED_IN
        booking.ticket = ticket
        booking.save(update_fields=["status", "ticket"])
    return ticket


# ---------------------------------------------------------------------------------------
# Ratings


def rate(
    *,
    ticket: Ticket | None = None,
    dossier: Dossier | None = None,
    level: str,
    reasons: Iterable[str] = (),
    comment: str = "",
    at: dt.datetime | None = None,
) -> Rating:
    """One rating per ticket and per dossier; a ticket linked to a dossier rates both."""
    at = _now(at)
    if level not in Rating.Level.values:
        raise CentreError("invalid_level", gettext("Mức độ hài lòng không hợp lệ."))
    reasons = list(dict.fromkeys(reasons))
    if any(r not in Rating.Reason.values for r in reasons):
        raise CentreError("invalid_reason", gettext("Lý do không hợp lệ."))
    if len(comment) > 500:
        raise CentreError("comment_too_long", gettext("Góp ý dài tối đa 500 ký tự."))
    with transaction.atomic():
        if ticket is not None:
            ticket = _locked_ticket(ticket)
            if ticket.status != TicketStatus.DONE:
                raise CentreError("not_served", gettext("Chỉ đánh giá được sau khi đã được phục vụ."))
            if dossier is None and ticket.dossier_id is not None:
                dossier = ticket.dossier
        if dossier is not None:
            dossier = Dossier.objects.select_for_update().get(pk=dossier.pk)
            if ticket is None:
                ticket = Ticket.objects.filter(dossier=dossier, status=TicketStatus.DONE).first()
        if ticket is None and dossier is None:
            raise CentreError("not_found", gettext("Không tìm thấy lượt phục vụ để đánh giá."))
        if (ticket is not None and Rating.objects.filter(ticket=ticket).exists()) or (
            dossier is not None and Rating.objects.filter(dossier=dossier).exists()
        ):
            raise CentreError("already_rated", gettext("Lượt phục vụ này đã được đánh giá. Cảm ơn bạn!"))
        centre_id = ticket.centre_id if ticket is not None else dossier.receiving_agency_id  # type: ignore[union-attr]
        return Rating.objects.create(
            centre_id=centre_id,
            ticket=ticket,
            dossier=dossier,
            counter_id=ticket.counter_id if ticket else None,
            officer_id=ticket.officer_id if ticket else None,
            level=level,
            reasons=reasons,
            comment=comment.strip(),
            at=at,
        )


# ---------------------------------------------------------------------------------------
# Reading the floor (screens, the console, the API)


def floor_state(centre: Agency, at: dt.datetime | None = None, last_calls: int = 6) -> dict[str, Any]:
    """What a display screen shows: each counter's number, the last calls, people waiting per service."""
    at = _now(at)
    day = at.astimezone(TZ).date()
    version = Floor.objects.filter(centre=centre).values_list("version", flat=True).first() or 0
    counters = list(Counter.objects.filter(centre=centre, is_active=True).order_by("number"))
    current = {
        t.counter_id: t
        for t in Ticket.objects.filter(
            centre=centre, day=day, status__in=(TicketStatus.CALLED, TicketStatus.SERVING)
        )
    }
    calls = list(
        Call.objects.filter(centre=centre, at__date=day)
        .select_related("ticket", "counter")
        .order_by("-at", "-pk")[:last_calls]
    )
    waiting: dict[int, int] = {}
    for service_id in Ticket.objects.filter(centre=centre, day=day, status=TicketStatus.WAITING).values_list(
        "service_id", flat=True
    ):
        waiting[service_id] = waiting.get(service_id, 0) + 1
    services = list(Service.objects.filter(centre=centre, is_active=True))
    return {
        "centre": centre.code,
        "version": version,
        "counters": [
            {
                "number": c.number,
                "ticket": current[c.pk].number if c.pk in current else None,
                "status": current[c.pk].status if c.pk in current else None,
            }
            for c in counters
        ],
        "calls": [
            {
                "id": call.pk,
                "ticket": call.ticket.number,
                "counter": call.counter.number,
                "at": call.at.isoformat(),
            }
            for call in calls
        ],
        "waiting": [{"service": s.name, "service_id": s.pk, "count": waiting.get(s.pk, 0)} for s in services],
    }


def floor_version(centre_id: int) -> int:
    """The floor's version: one indexed read, what the screens' event stream polls."""
    return Floor.objects.filter(centre_id=centre_id).values_list("version", flat=True).first() or 0


def call_text(ticket_number: int, counter_number: int) -> str:
    """The sentence spoken on the screens, in Vietnamese whatever the page's language."""
    return f"Mời công dân có số {ticket_number} đến quầy số {counter_number}"


def public_ticket_url(ticket: Ticket) -> str:
    from django.urls import reverse

    return settings.MOTCUA_PUBLIC_URL.rstrip("/") + reverse("centre:ticket", args=[ticket.token])


__all__ = [
    "OPEN_TICKET_STATUSES",
    "CentreError",
    "book",
    "call_again",
    "call_next",
    "check_in",
    "finish_serving",
    "floor_state",
    "link_serving_ticket",
    "rate",
    "sit_at_counter",
    "skip_absent",
    "start_serving",
    "take_ticket",
    "transfer",
]
