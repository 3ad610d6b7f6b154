"""The centre floor's API (/api/v1/centre): kiosks, counter consoles and display boxes of any vendor.

Every write calls one function of `motcua.centre.services` (STYLE.md rules 1, 2). Kiosk and
screen endpoints are public, like the kiosk and the screen pages; a ticket is addressed by the
secret token printed in its QR code; counter actions need a signed-in officer of the centre.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

from django.conf import settings
from django.http import HttpRequest
from django.utils.translation import gettext
from ninja import Router, Schema
from ninja.responses import Status as HttpStatus
from ninja.throttling import SimpleRateThrottle
from pydantic import Field as PydanticField
from pydantic import StringConstraints

from motcua.agencies.models import Agency
from motcua.api.auth import SIGNED_IN, require_user
from motcua.api.common import Code, Id
from motcua.api.errors import ERROR_STATUSES, ApiError, ErrorOut, not_found
from motcua.api.throttles import ScopedThrottle
from motcua.centre import services
from motcua.centre.models import Counter, Rating, Service, Ticket
from motcua.centre.services import CentreError

router = Router(tags=["centre"])


class KioskThrottle(ScopedThrottle):
    """Public kiosk doors (take a ticket, check in, rate), per client address: a centre's kiosks
    behind one address stay far below it. Override with MOTCUA_API_THROTTLE_RATES["centre_kiosk"]."""

    scope = "centre_kiosk"
    default_rate = "120/min"

    def __init__(self) -> None:
        SimpleRateThrottle.__init__(self, rate=self.default_rate)

    def allow_request(self, request: HttpRequest) -> bool:
        rates = getattr(settings, "MOTCUA_API_THROTTLE_RATES", {})
        self.rate = rates.get(self.scope, self.default_rate)
        self.num_requests, self.duration = self.parse_rate(self.rate)
        return SimpleRateThrottle.allow_request(self, request)


ERRORS: dict[Any, Any] = {ERROR_STATUSES: ErrorOut}

# CentreError codes → HTTP statuses (a code missing here is a 400).
CENTRE_ERROR_STATUS: dict[str, int] = {
    "forbidden": 403,
    "not_found": 404,
    "not_a_centre": 404,
    "invalid_service": 422,
    "invalid_priority": 422,
    "invalid_target": 422,
    "invalid_level": 422,
    "invalid_reason": 422,
    "invalid_slot": 422,
    "invalid_id_number": 422,
    "name_required": 422,
    "comment_too_long": 422,
    "closed": 409,
    "counter_closed": 409,
    "counter_busy": 409,
    "queue_empty": 409,
    "already_handled": 409,
    "already_rated": 409,
    "not_served": 409,
    "outside_slot": 409,
    "booking_limit": 409,
    "slot_full": 409,
}

Token = Annotated[str, StringConstraints(min_length=8, max_length=32, pattern=r"^[A-Za-z0-9_-]+$")]
BookingCode = Annotated[str, StringConstraints(min_length=4, max_length=12, pattern=r"^[A-Za-z0-9]+$")]


def _refused(error: CentreError) -> ApiError:
    return ApiError(error.code, error.message, CENTRE_ERROR_STATUS.get(error.code, 400))


def _centre(code: str) -> Agency:
    centre = Agency.objects.filter(code=code, is_active=True).first()
    if centre is None or not centre.is_service_center:
        raise not_found(gettext("Không tìm thấy trung tâm có mã %(code)s.") % {"code": code})
    return centre


class ServiceOut(Schema):
    id: int
    name: str


class TicketOut(Schema):
    number: int
    day: dt.date
    service: str
    priority: str
    status: str
    token: str
    people_ahead: int
    counter: int | None
    issued_at: dt.datetime
    receipt_url: str
    phone_url: str


def _ticket(ticket: Ticket) -> dict[str, Any]:
    from django.urls import reverse

    return {
        "number": ticket.number,
        "day": ticket.day,
        "service": ticket.service.name,
        "priority": ticket.priority,
        "status": ticket.status,
        "token": ticket.token,
        "people_ahead": services.waiting_ahead(ticket),
        "counter": ticket.counter.number if ticket.counter_id and ticket.counter else None,
        "issued_at": ticket.issued_at,
        "receipt_url": reverse("centre:receipt", args=[ticket.token]),
        "phone_url": reverse("centre:ticket", args=[ticket.token]),
    }


class CounterState(Schema):
    number: int
    ticket: int | None
    status: str | None


class CallOut(Schema):
    id: int
    ticket: int
    counter: int
    at: dt.datetime


class WaitingOut(Schema):
    service: str
    service_id: int
    count: int


class FloorOut(Schema):
    centre: str
    version: int
    counters: list[CounterState]
    calls: list[CallOut]
    waiting: list[WaitingOut]


class TakeIn(Schema):
    service_id: Id
    priority: Literal["none", "elderly", "disability", "pregnant", "child", "merit"] = "none"


class CheckInIn(Schema):
    booking_code: BookingCode


class RatingIn(Schema):
    level: Literal["very_satisfied", "satisfied", "not_satisfied"]
    reasons: list[Literal["waiting", "attitude", "guidance", "repeated", "facilities"]] = PydanticField(
        default_factory=list, max_length=5
    )
    comment: Annotated[str, StringConstraints(max_length=500, pattern=r"^[^\x00]*$")] = ""


class RatingOut(Schema):
    level: str
    reasons: list[str]
    at: dt.datetime


class TransferIn(Schema):
    service_id: Id | None = None
    counter_number: Annotated[int, PydanticField(ge=1, le=999)] | None = None


@router.get(
    "/{code}/services",
    response={200: list[ServiceOut], **ERRORS},
    summary="Các dịch vụ của trung tâm (màn hình máy lấy số)",
)
def list_services(request: HttpRequest, code: Code) -> list[Service]:
    return list(Service.objects.filter(centre=_centre(code), is_active=True))


@router.post(
    "/{code}/tickets",
    response={201: TicketOut, **ERRORS},
    summary="Lấy số thứ tự (máy lấy số)",
    throttle=[KioskThrottle()],
)
def take_ticket(request: HttpRequest, code: Code, payload: TakeIn) -> HttpStatus:
    centre = _centre(code)
    service = Service.objects.filter(centre=centre, pk=payload.service_id).first()
    if service is None:
        raise not_found(gettext("Trung tâm không phục vụ dịch vụ này."))
    try:
        ticket = services.take_ticket(centre, service, payload.priority)
    except CentreError as error:
        raise _refused(error) from None
    return HttpStatus(201, _ticket(ticket))


@router.post(
    "/{code}/check-in",
    throttle=[KioskThrottle()],
    response={201: TicketOut, **ERRORS},
    summary="Xác nhận đến theo lịch hẹn bằng mã đặt lịch (máy lấy số)",
)
def check_in(request: HttpRequest, code: Code, payload: CheckInIn) -> HttpStatus:
    try:
        ticket = services.check_in(_centre(code), payload.booking_code)
    except CentreError as error:
        raise _refused(error) from None
    return HttpStatus(201, _ticket(ticket))


@router.get(
    "/{code}/floor",
    response={200: FloorOut, **ERRORS},
    summary="Trạng thái sàn: số tại từng quầy, các lượt gọi gần nhất, số người chờ (màn hình hiển thị)",
)
def floor(request: HttpRequest, code: Code) -> dict[str, Any]:
    return services.floor_state(_centre(code))


@router.get("/tickets/{token}", response={200: TicketOut, **ERRORS}, summary="Theo dõi một số thứ tự")
def ticket_detail(request: HttpRequest, token: Token) -> dict[str, Any]:
    ticket = Ticket.objects.select_related("service", "counter").filter(token=token).first()
    if ticket is None:
        raise not_found(gettext("Không tìm thấy số thứ tự."))
    return _ticket(ticket)


@router.post(
    "/tickets/{token}/rating",
    throttle=[KioskThrottle()],
    response={201: RatingOut, **ERRORS},
    summary="Đánh giá mức độ hài lòng sau khi được phục vụ (một lần cho mỗi số)",
)
def rate(request: HttpRequest, token: Token, payload: RatingIn) -> HttpStatus:
    ticket = Ticket.objects.filter(token=token).first()
    if ticket is None:
        raise not_found(gettext("Không tìm thấy số thứ tự."))
    try:
        rating: Rating = services.rate(
            ticket=ticket, level=payload.level, reasons=payload.reasons, comment=payload.comment
        )
    except CentreError as error:
        raise _refused(error) from None
    return HttpStatus(201, {"level": rating.level, "reasons": rating.reasons, "at": rating.at})


# ---------------------------------------------------------------------------------------
# Counter actions: a signed-in officer of the centre, at the counter they sit at


def _my_counter(request: HttpRequest) -> tuple[Any, Counter]:
    user = require_user(request)
    counter = services.counter_of(user)
    if counter is None:
        raise ApiError("no_counter", gettext("Bạn chưa ngồi quầy nào của trung tâm."), 409)
    return user, counter


def _my_ticket(user: Any, number: int) -> Ticket:
    from django.utils import timezone

    ticket = Ticket.objects.filter(centre_id=user.agency_id, day=timezone.localdate(), number=number).first()
    if ticket is None:
        raise not_found(gettext("Không tìm thấy số thứ tự."))
    return ticket


@router.post(
    "/counter/call-next",
    response={200: TicketOut, **ERRORS},
    auth=SIGNED_IN,
    summary="Gọi số tiếp theo tới quầy của cán bộ (ưu tiên, dịch vụ, thời gian chờ)",
)
def call_next(request: HttpRequest) -> dict[str, Any]:
    user, counter = _my_counter(request)
    try:
        return _ticket(services.call_next(user, counter))
    except CentreError as error:
        raise _refused(error) from None


@router.post(
    "/counter/tickets/{number}/transfer",
    response={200: TicketOut, **ERRORS},
    auth=SIGNED_IN,
    summary="Chuyển một số sang dịch vụ khác hoặc quầy khác",
)
def transfer(
    request: HttpRequest, number: Annotated[int, PydanticField(ge=1, le=99999)], payload: TransferIn
) -> dict[str, Any]:
    user, _counter = _my_counter(request)
    ticket = _my_ticket(user, number)
    service = (
        Service.objects.filter(centre_id=user.agency_id, pk=payload.service_id).first()
        if payload.service_id
        else None
    )
    counter = (
        Counter.objects.filter(centre_id=user.agency_id, number=payload.counter_number).first()
        if payload.counter_number
        else None
    )
    if (payload.service_id and service is None) or (payload.counter_number and counter is None):
        raise not_found(gettext("Không tìm thấy dịch vụ hoặc quầy chuyển tới."))
    try:
        return _ticket(services.transfer(user, ticket, service=service, counter=counter))
    except CentreError as error:
        raise _refused(error) from None


ACTIONS = {
    "call-again": services.call_again,
    "skip": services.skip_absent,
    "start": services.start_serving,
    "finish": services.finish_serving,
}


@router.post(
    "/counter/tickets/{number}/{action}",
    response={200: TicketOut, **ERRORS},
    auth=SIGNED_IN,
    summary="Gọi lại, bỏ qua vì vắng mặt, bắt đầu hoặc kết thúc phục vụ một số của hôm nay",
)
def act(
    request: HttpRequest,
    number: Annotated[int, PydanticField(ge=1, le=99999)],
    action: Literal["call-again", "skip", "start", "finish"],
) -> dict[str, Any]:
    user, _counter = _my_counter(request)
    ticket = _my_ticket(user, number)
    try:
        return _ticket(ACTIONS[action](user, ticket))
    except CentreError as error:
        raise _refused(error) from None
