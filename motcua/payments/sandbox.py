"""A local sandbox of the national payment platform, served by motcua under /sandbox-thanh-toan/.

It plays the platform's part of the protocol (docs/payments.md) so that the whole flow runs on
one machine without a bank:

- `thanh-toan/` — the checkout address: verifies the merchant's signed redirect and opens a
  transaction (one per merchant order id), then shows its payment page;
- `giao-dich/<id>/` — the payment page, with "Thanh toán" (pay) and "Hủy giao dịch" (cancel);
  after either, the platform POSTs a signed notification to the merchant's callback address
  over HTTP (server to server), then sends the browser back to the merchant's return address;
- `giao-dich/<id>/thong-bao/` — the merchant tool "send the notification again";
- `api/truy-van/` — the query of one order, `api/doi-soat/` — the transactions of one day
  (both signed requests with signed answers).

`MOTCUA_PAYMENT_SANDBOX` switches it on (default: in development and tests only);
`MOTCUA_PAYMENT_SANDBOX_NOTIFY=0` makes it "lose" its notifications (the query settles them).
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import secrets
import urllib.error
import urllib.request
from typing import Any
from urllib.parse import urlencode, urlsplit

from django.conf import settings
from django.contrib.humanize.templatetags.humanize import intcomma
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBadRequest, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_POST

from motcua.core.logs import exception_name
from motcua.payments import signing
from motcua.payments.gateways import format_time
from motcua.payments.models import SandboxTransaction
from motcua.worktime.core import TZ

logger = logging.getLogger(__name__)

CHECKOUT_FIELDS = ("merchant", "order_id", "amount", "currency", "description", "return_url", "callback_url")


def _enabled() -> None:
    if not settings.MOTCUA_PAYMENT_SANDBOX or not settings.MOTCUA_PAYMENT_SECRET:
        raise Http404


def _secret() -> str:
    return str(settings.MOTCUA_PAYMENT_SECRET)


def _http_url(value: str) -> bool:
    parts = urlsplit(value)
    return parts.scheme in ("http", "https") and bool(parts.netloc)


def _error(request: HttpRequest, message: str) -> HttpResponse:
    return render(request, "payments/sandbox_error.html", {"message": message}, status=400)


@require_GET
def checkout(request: HttpRequest) -> HttpResponse:
    _enabled()
    fields = {
        name: request.GET.get(name, "") for name in (*CHECKOUT_FIELDS, "timestamp", "nonce", "signature")
    }
    try:
        signing.verify(fields, _secret(), settings.MOTCUA_PAYMENT_MAX_AGE_SECONDS)
    except signing.BadSignature:
        return _error(request, gettext("Chữ ký của đơn vị bán không hợp lệ hoặc yêu cầu đã hết hạn."))
    if fields["merchant"] != settings.MOTCUA_PAYMENT_MERCHANT_CODE:
        return _error(request, gettext("Đơn vị chấp nhận thanh toán không tồn tại."))
    try:
        amount = int(fields["amount"])
    except ValueError:
        return _error(request, gettext("Số tiền không hợp lệ."))
    if amount <= 0 or fields["currency"] != "VND" or not fields["order_id"]:
        return _error(request, gettext("Số tiền hoặc đơn vị tiền tệ không hợp lệ."))
    if not (_http_url(fields["return_url"]) and _http_url(fields["callback_url"])):
        return _error(request, gettext("Địa chỉ trả về không hợp lệ."))
    txn, created = SandboxTransaction.objects.get_or_create(
        merchant_code=fields["merchant"],
        order_id=fields["order_id"][:64],
        defaults={
            "transaction_id": f"PG{timezone.now().astimezone(TZ):%y%m%d}{secrets.randbelow(10**10):010d}",
            "amount": amount,
            "currency": fields["currency"],
            "description": fields["description"][:255],
            "return_url": fields["return_url"][:500],
            "callback_url": fields["callback_url"][:500],
            "created_at": timezone.now(),
        },
    )
    if not created and txn.amount != amount:
        return _error(request, gettext("Mã đơn hàng đã được dùng với số tiền khác."))
    return redirect("payments_sandbox:transaction", transaction_id=txn.transaction_id)


def notify(txn: SandboxTransaction) -> int | None:
    """POST a freshly signed notification of `txn` to the merchant's callback address; its status."""
    fields = signing.signed(
        {
            "merchant": txn.merchant_code,
            "order_id": txn.order_id,
            "transaction_id": txn.transaction_id,
            "amount": str(txn.amount),
            "currency": txn.currency,
            "status": txn.status,
            "paid_at": format_time(txn.paid_at) if txn.paid_at else "",
        },
        _secret(),
    )
    body = json.dumps(fields, ensure_ascii=False).encode()
    txn.last_notification = body.decode()
    request = urllib.request.Request(
        txn.callback_url, data=body, headers={"Content-Type": "application/json"}, method="POST"
    )
    status: int | None
    try:
        with urllib.request.urlopen(request, timeout=settings.MOTCUA_PAYMENT_HTTP_TIMEOUT) as response:  # noqa: S310
            status = int(response.status)
    except urllib.error.HTTPError as error:
        status = int(error.code)
    except (urllib.error.URLError, OSError) as error:
        logger.warning("sandbox: notification of %s not delivered: %s", txn.transaction_id,
                       exception_name(error))
        status = None
    txn.notified_at, txn.notify_status = timezone.now(), status
    txn.save(update_fields=["last_notification", "notified_at", "notify_status"])
    return status


def transaction_page(request: HttpRequest, transaction_id: str) -> HttpResponse:
    _enabled()
    txn = get_object_or_404(SandboxTransaction, transaction_id=transaction_id)
    if request.method == "POST":
        action = request.POST.get("action")
        if txn.status != SandboxTransaction.Status.CREATED or action not in ("pay", "cancel"):
            return _error(request, gettext("Giao dịch đã kết thúc."))
        # Compare-and-set: two presses cannot both settle the transaction.
        new_status = (
            SandboxTransaction.Status.PAID if action == "pay" else SandboxTransaction.Status.CANCELLED
        )
        now = timezone.now()
        changed = SandboxTransaction.objects.filter(
            pk=txn.pk, status=SandboxTransaction.Status.CREATED
        ).update(status=new_status, paid_at=now if action == "pay" else None)
        if not changed:
            return _error(request, gettext("Giao dịch đã kết thúc."))
        txn.refresh_from_db()
        if settings.MOTCUA_PAYMENT_SANDBOX_NOTIFY:
            notify(txn)
        query = urlencode({"order_id": txn.order_id, "status": txn.status})
        separator = "&" if "?" in txn.return_url else "?"
        return redirect(f"{txn.return_url}{separator}{query}")
    return render(
        request,
        "payments/sandbox_page.html",
        {"txn": txn, "amount": intcomma(txn.amount, use_l10n=False).replace(",", ".")},
    )


@require_POST
def resend(request: HttpRequest, transaction_id: str) -> HttpResponse:
    """Merchant tool: send the notification of a finished transaction again (freshly signed)."""
    _enabled()
    txn = get_object_or_404(SandboxTransaction, transaction_id=transaction_id)
    if txn.status == SandboxTransaction.Status.CREATED:
        return _error(request, gettext("Giao dịch chưa kết thúc."))
    notify(txn)
    return redirect("payments_sandbox:transaction", transaction_id=txn.transaction_id)


def _signed_request(request: HttpRequest) -> dict[str, Any] | None:
    try:
        fields = json.loads(request.body.decode("utf-8"))
        signing.verify(fields, _secret(), settings.MOTCUA_PAYMENT_MAX_AGE_SECONDS)
    except (UnicodeDecodeError, ValueError, signing.BadSignature, AttributeError):
        return None
    if not isinstance(fields, dict) or fields.get("merchant") != settings.MOTCUA_PAYMENT_MERCHANT_CODE:
        return None
    return fields


def _item(txn: SandboxTransaction) -> dict[str, str]:
    return {
        "order_id": txn.order_id,
        "transaction_id": txn.transaction_id,
        "amount": str(txn.amount),
        "currency": txn.currency,
        "status": txn.status if txn.status != SandboxTransaction.Status.CREATED else "pending",
        "paid_at": format_time(txn.paid_at) if txn.paid_at else "",
    }


@csrf_exempt
@require_POST
def api_query(request: HttpRequest) -> HttpResponse:
    _enabled()
    fields = _signed_request(request)
    if fields is None:
        return HttpResponseBadRequest("invalid signature")
    txn = SandboxTransaction.objects.filter(
        merchant_code=fields["merchant"], order_id=str(fields.get("order_id"))
    ).first()
    item = (
        _item(txn)
        if txn
        else {
            "order_id": str(fields.get("order_id")),
            "transaction_id": "",
            "amount": "0",
            "currency": "VND",
            "status": "not_found",
            "paid_at": "",
        }
    )
    return JsonResponse(signing.signed({"merchant": fields["merchant"], **item}, _secret()))


@csrf_exempt
@require_POST
def api_transactions(request: HttpRequest) -> HttpResponse:
    _enabled()
    fields = _signed_request(request)
    if fields is None:
        return HttpResponseBadRequest("invalid signature")
    try:
        day = dt.date.fromisoformat(str(fields.get("date")))
    except ValueError:
        return HttpResponseBadRequest("invalid date")
    start = dt.datetime.combine(day, dt.time(0), tzinfo=TZ)
    paid = SandboxTransaction.objects.filter(
        merchant_code=fields["merchant"],
        status=SandboxTransaction.Status.PAID,
        paid_at__gte=start,
        paid_at__lt=start + dt.timedelta(days=1),
    ).order_by("paid_at")
    answer = {
        "merchant": fields["merchant"],
        "date": day.isoformat(),
        "transactions": [_item(t) for t in paid],
    }
    return JsonResponse(signing.signed(answer, _secret()))
