"""Online payment: start an order, apply a verified notification exactly once, settle, reconcile.

Only two doors mark a fee paid (issue #15): this module, after a gateway's notification whose
signature, nonce, timestamp, order, amount and currency it verified, calls
`dossiers.services.record_payment` with the system as actor (`None`); an officer who took the
money at the counter records it through the desk or the API. The citizen's own call is refused
by `dossiers.permissions.record_payment`.

Callbacks repeat and race (the platform retries; a query may settle the same order): every
notification is applied under the order's row lock (`select_for_update`), so one of them
records the payment and the others find the order paid and change nothing.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import secrets
from dataclasses import asdict, dataclass
from typing import Any

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext, gettext_noop

from motcua.dossiers import permissions
from motcua.dossiers import services as dossier_services
from motcua.dossiers.models import Dossier, Status
from motcua.payments.gateways import Gateway, GatewayError, Report, default_gateway, gateway
from motcua.payments.models import Notification, PaymentOrder
from motcua.worktime.core import TZ

logger = logging.getLogger(__name__)


class PaymentError(Exception):
    """A refused request to pay: `code` for programs, a translated `message`, an HTTP `status`."""

    def __init__(self, code: str, message: str, status: int = 400) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.status = status


# ---------------------------------------------------------------------------------------
# Starting a payment


def new_order_id(at: dt.datetime) -> str:
    """`MC` + local yyMMddHHmmss + 6 random digits: unique (a constraint backs it), 20 characters."""
    return f"MC{at.astimezone(TZ):%y%m%d%H%M%S}{secrets.randbelow(10**6):06d}"


def online_payment_enabled() -> bool:
    """Online payment needs the platform's shared secret (MOTCUA_PAYMENT_SECRET)."""
    return bool(settings.MOTCUA_PAYMENT_SECRET)


def can_pay_online(user: Any, dossier: Dossier) -> bool:
    """The owner of a dossier that waits for a fee may pay it online."""
    return bool(
        online_payment_enabled()
        and dossier.status == Status.PAYMENT_REQUESTED
        and dossier.fee_amount
        and dossier.fee_amount > 0
        and permissions.is_owner(user, dossier)
    )


def start_payment(user: Any, dossier: Dossier, *, gateway_name: str | None = None) -> PaymentOrder:
    """The order to pay the dossier's fee online: the open one if there is one, else a new one.

    The amount is the dossier's payment request, never what the browser sends.
    """
    gw = gateway(gateway_name) if gateway_name else default_gateway()
    if not permissions.is_owner(user, dossier):
        raise PaymentError("forbidden", gettext("Chỉ chủ hồ sơ mới thanh toán được hồ sơ này."), 403)
    if not can_pay_online(user, dossier):
        raise PaymentError(
            "not_awaiting_payment",
            gettext("Hồ sơ %(code)s không ở trạng thái chờ thực hiện nghĩa vụ tài chính.")
            % {"code": dossier.code},
            409,
        )
    assert dossier.fee_amount is not None
    now = timezone.now()
    for _attempt in range(3):
        try:
            with transaction.atomic():
                open_order = (
                    PaymentOrder.objects.select_for_update()
                    .filter(dossier=dossier, status=PaymentOrder.Status.PENDING)
                    .first()
                )
                if open_order is not None:
                    if open_order.amount == dossier.fee_amount and open_order.gateway == gw.name:
                        return open_order
                    # The fee changed since: the old order must not be paid any more.
                    open_order.status = PaymentOrder.Status.CANCELLED
                    open_order.settled_at = now
                    open_order.save(update_fields=["status", "settled_at"])
                return PaymentOrder.objects.create(
                    order_id=new_order_id(now),
                    dossier=dossier,
                    gateway=gw.name,
                    amount=dossier.fee_amount,
                    currency="VND",
                    created_at=now,
                    created_by=user,
                )
        except IntegrityError:
            continue  # two presses at once, or an order id drawn twice: look again
    raise PaymentError("busy", gettext("Hệ thống đang bận, vui lòng thử lại."), 409)


def checkout_url(order: PaymentOrder, return_url: str, callback_url: str) -> str:
    dossier = order.dossier
    description = gettext("Nộp phí, lệ phí hồ sơ %(code)s") % {"code": dossier.code}
    return gateway(order.gateway).checkout_url(order, description, return_url, callback_url)


# ---------------------------------------------------------------------------------------
# Applying a notification


@dataclass(frozen=True)
class Result:
    """What motcua did with a notification: a stable `code` and the HTTP status to answer with."""

    code: str
    status: int
    order_id: str = ""

    @property
    def changed(self) -> bool:
        return self.code in ("accepted", "cancelled")


# The HTTP status of each refusal (the platform retries on 5xx only; a 4xx tells it to stop).
REFUSAL_STATUS = {
    "invalid_signature": 400,
    "malformed": 400,
    "wrong_merchant": 400,
    "stale": 409,
    "replayed": 409,
    "unknown_order": 404,
    "amount_mismatch": 422,
    "conflicting": 409,
    "not_configured": 503,
}


class _Refused(Exception):
    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def _log(
    gw: str, via: str, order_id: str, outcome: str, reason: str, body: bytes, nonce: str | None = None
) -> None:
    Notification.objects.create(
        gateway=gw,
        received_at=timezone.now(),
        via=via,
        order_id=order_id[:64],
        nonce=nonce,
        outcome=outcome,
        reason=reason,
        body=body.decode("utf-8", "replace")[:4000],
    )


def receive_callback(gateway_name: str, body: bytes) -> Result:
    """A notification POSTed by the platform to /api/v1/payments/<gateway>/callback."""
    try:
        gw = gateway(gateway_name)
    except KeyError:
        return Result("unknown_gateway", 404)
    try:
        report = gw.read(body)
    except GatewayError as error:
        logger.warning("payment callback refused (%s) from gateway %s", error.reason, gw.name)
        _log(gw.name, "callback", "", Notification.Outcome.REJECTED, error.reason, body)
        return Result(error.reason, REFUSAL_STATUS.get(error.reason, 400))
    return apply_report(gw, report, via="callback", body=body)


def apply_report(gw: Gateway, report: Report, *, via: str, body: bytes = b"") -> Result:
    """Apply a verified report to its order, once: under the order's row lock, nonce used once."""
    try:
        with transaction.atomic():
            code = _apply_locked(gw, report, via, body)
    except _Refused as refused:
        logger.warning("payment notification for %s refused: %s", report.order_id, refused.reason)
        _log(gw.name, via, report.order_id, Notification.Outcome.REJECTED, refused.reason, body)
        return Result(refused.reason, REFUSAL_STATUS[refused.reason], report.order_id)
    return Result(code, 200, report.order_id)


def _apply_locked(gw: Gateway, report: Report, via: str, body: bytes) -> str:
    order = PaymentOrder.objects.select_for_update().filter(order_id=report.order_id, gateway=gw.name).first()
    if report.nonce and Notification.objects.filter(gateway=gw.name, nonce=report.nonce).exists():
        raise _Refused("replayed")
    if order is None:
        raise _Refused("unknown_order")
    if report.currency != order.currency or report.amount != order.amount:
        raise _Refused("amount_mismatch")
    outcome, code = Notification.Outcome.ACCEPTED, "accepted"
    if order.status in (PaymentOrder.Status.PAID, PaymentOrder.Status.PAID_UNAPPLIED):
        if report.status != "paid" or report.transaction_id != order.transaction_id:
            raise _Refused("conflicting")
        outcome, code = Notification.Outcome.DUPLICATE, "already_recorded"
    elif report.status == "cancelled":
        if order.status == PaymentOrder.Status.PENDING:
            order.status = PaymentOrder.Status.CANCELLED
            order.settled_at, order.settled_via = timezone.now(), via
            order.save(update_fields=["status", "settled_at", "settled_via"])
        code = "cancelled"
    elif report.status != "paid":
        code = "pending"
    else:
        _mark_paid(order, report, via)
    try:
        with transaction.atomic():
            _log(gw.name, via, order.order_id, outcome, code, body, nonce=report.nonce or None)
    except IntegrityError:
        raise _Refused("replayed") from None  # the same nonce, committed meanwhile by another order's lock
    return code


def _mark_paid(order: PaymentOrder, report: Report, via: str) -> None:
    """The order is paid; the dossier moves on (system as actor) if it still waits for this fee."""
    now = timezone.now()
    order.status = PaymentOrder.Status.PAID
    order.transaction_id = report.transaction_id
    order.paid_at = report.paid_at or now
    order.settled_at, order.settled_via = now, via
    dossier = Dossier.objects.get(pk=order.dossier_id)
    if dossier.status == Status.PAYMENT_REQUESTED and dossier.fee_amount == order.amount:
        try:
            dossier_services.record_payment(None, dossier, at=now, online=True, reference=order.order_id)
        except dossier_services.DossierError as error:
            # Refused before it wrote anything (e.g. a desk officer recorded it a moment ago).
            logger.warning("paid order %s not applied to %s: %s", order.order_id, dossier.code, error.code)
            order.status = PaymentOrder.Status.PAID_UNAPPLIED
    else:
        order.status = PaymentOrder.Status.PAID_UNAPPLIED
    order.save(update_fields=["status", "transaction_id", "paid_at", "settled_at", "settled_via"])


# ---------------------------------------------------------------------------------------
# Settling orders whose notification never came


def settle_pending(
    older_than: dt.timedelta | None = None, now: dt.datetime | None = None
) -> list[dict[str, str]]:
    """Ask the platform about every open order older than `older_than` and apply its answer.

    The job runner schedules this (`motcua.payments.services.settle_pending`, every few
    minutes); `motcua payments settle` runs it by hand. An order the platform never saw is
    cancelled once it is older than MOTCUA_PAYMENT_ORDER_TTL_MINUTES.
    """
    now = now or timezone.now()
    if older_than is None:
        older_than = dt.timedelta(minutes=settings.MOTCUA_PAYMENT_SETTLE_AFTER_MINUTES)
    ttl = dt.timedelta(minutes=settings.MOTCUA_PAYMENT_ORDER_TTL_MINUTES)
    done: list[dict[str, str]] = []
    pending = PaymentOrder.objects.filter(
        status=PaymentOrder.Status.PENDING, created_at__lte=now - older_than
    )
    for order in pending.order_by("created_at"):
        try:
            gw = gateway(order.gateway)
            report = gw.query(order)
        except (KeyError, GatewayError) as error:
            done.append({"order_id": order.order_id, "result": getattr(error, "reason", "unknown_gateway")})
            continue
        if report.status in ("not_found", "pending"):
            if order.created_at <= now - ttl:
                expired = PaymentOrder.objects.filter(pk=order.pk, status=PaymentOrder.Status.PENDING).update(
                    status=PaymentOrder.Status.CANCELLED, settled_at=now, settled_via="query"
                )
                done.append({"order_id": order.order_id, "result": "expired" if expired else "pending"})
            else:
                done.append({"order_id": order.order_id, "result": "pending"})
            continue
        body = json.dumps(asdict(report), default=str).encode()
        done.append(
            {"order_id": order.order_id, "result": apply_report(gw, report, via="query", body=body).code}
        )
    return done


# ---------------------------------------------------------------------------------------
# Daily reconciliation


@dataclass(frozen=True)
class Mismatch:
    kind: str  # not_recorded | not_on_platform | amount_differs | transaction_differs | not_applied
    order_id: str
    dossier_code: str
    platform_amount: int | None
    motcua_amount: int | None
    platform_status: str
    motcua_status: str


MISMATCH_LABELS = {  # translated when shown (gettext_noop: extracted, not translated here)
    "not_recorded": gettext_noop("Nền tảng đã thu tiền nhưng motcua chưa ghi nhận"),
    "not_on_platform": gettext_noop("motcua ghi nhận đã thu nhưng nền tảng không có giao dịch"),
    "amount_differs": gettext_noop("Số tiền khác nhau"),
    "transaction_differs": gettext_noop("Mã giao dịch khác nhau"),
    "not_applied": gettext_noop("Đã thu tiền nhưng hồ sơ không còn chờ nộp (cần hoàn tiền hoặc xử lý)"),
}


def _local_day_bounds(day: dt.date) -> tuple[dt.datetime, dt.datetime]:
    start = dt.datetime.combine(day, dt.time(0), tzinfo=TZ)
    return start, start + dt.timedelta(days=1)


def reconcile(day: dt.date, gateway_name: str | None = None) -> list[Mismatch]:
    """Compare the platform's paid transactions of `day` with motcua's paid orders of that day."""
    gw = gateway(gateway_name) if gateway_name else default_gateway()
    platform = {r.order_id: r for r in gw.transactions(day) if r.status == "paid"}
    start, end = _local_day_bounds(day)
    ours = {
        o.order_id: o
        for o in PaymentOrder.objects.filter(gateway=gw.name, paid_at__gte=start, paid_at__lt=end)
        .exclude(status__in=[PaymentOrder.Status.PENDING, PaymentOrder.Status.CANCELLED])
        .select_related("dossier")
    }
    missing_ids = set(platform) - set(ours)
    others = {
        o.order_id: o
        for o in PaymentOrder.objects.filter(gateway=gw.name, order_id__in=missing_ids).select_related(
            "dossier"
        )
    }
    out: list[Mismatch] = []

    def add(kind: str, order_id: str, order: PaymentOrder | None, report: Report | None) -> None:
        out.append(
            Mismatch(
                kind,
                order_id,
                order.dossier.code if order else "",
                report.amount if report else None,
                order.amount if order else None,
                report.status if report else "",
                order.status if order else "",
            )
        )

    for order_id in sorted(set(platform) | set(ours)):
        report, order = platform.get(order_id), ours.get(order_id) or others.get(order_id)
        if report is None:
            add("not_on_platform", order_id, order, None)
            continue
        if order is None or order.status not in (
            PaymentOrder.Status.PAID,
            PaymentOrder.Status.PAID_UNAPPLIED,
        ):
            add("not_recorded", order_id, order, report)
        elif report.amount != order.amount:
            add("amount_differs", order_id, order, report)
        elif report.transaction_id != order.transaction_id:
            add("transaction_differs", order_id, order, report)
        elif order.status == PaymentOrder.Status.PAID_UNAPPLIED:
            add("not_applied", order_id, order, report)
    return out
