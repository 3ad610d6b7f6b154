"""Pluggable payment gateways: what motcua needs from a payment platform, and the sandbox's client.

A gateway
- builds the signed checkout address the citizen's browser is sent to (`checkout_url`);
- reads a notification (callback body or query answer) and returns it only when its signature,
  nonce and timestamp are valid (`read`);
- asks the platform about one order (`query`, for a notification that never came);
- lists the platform's transactions of one day (`transactions`, for the reconciliation).

Gateways are named in `MOTCUA_PAYMENT_GATEWAYS` (name → dotted class path); the name is part of
the callback address `/api/v1/payments/<name>/callback`. `SandboxGateway` speaks to the local
sandbox (`motcua/payments/sandbox.py`) over HTTP exactly as it would to the national platform:
only the base address and the secret would change for a real platform with the same protocol.
"""

from __future__ import annotations

import datetime as dt
import json
import urllib.error
import urllib.request
from abc import ABC, abstractmethod
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any
from urllib.parse import urlencode

from django.conf import settings
from django.utils.module_loading import import_string

from motcua.payments import signing
from motcua.worktime.core import TZ

if TYPE_CHECKING:
    from motcua.payments.models import PaymentOrder

# Platform times are local (Asia/Ho_Chi_Minh) as yyyyMMddHHmmss, like the national portal's.
TIME_FORMAT = "%Y%m%d%H%M%S"


def format_time(value: dt.datetime) -> str:
    return value.astimezone(TZ).strftime(TIME_FORMAT)


def parse_time(value: str) -> dt.datetime | None:
    if not value:
        return None
    return dt.datetime.strptime(value, TIME_FORMAT).replace(tzinfo=TZ)


@dataclass(frozen=True)
class Report:
    """What a platform says about one order (a verified notification or query answer)."""

    order_id: str
    transaction_id: str
    status: str  # paid | cancelled | pending | not_found
    amount: int
    currency: str
    paid_at: dt.datetime | None
    nonce: str = ""


class GatewayError(Exception):
    """A message that cannot be trusted or read (`reason`: a stable code), or an unreachable platform."""

    def __init__(self, reason: str, detail: str = "") -> None:
        super().__init__(f"{reason}: {detail}" if detail else reason)
        self.reason = reason


class Gateway(ABC):
    name: str
    label: str

    @abstractmethod
    def checkout_url(self, order: PaymentOrder, description: str, return_url: str, callback_url: str) -> str:
        """Where to send the payer's browser to pay `order`."""

    @abstractmethod
    def read(self, body: bytes) -> Report:
        """The verified report in a notification body; `GatewayError` if it cannot be trusted."""

    @abstractmethod
    def query(self, order: PaymentOrder) -> Report:
        """Ask the platform what became of `order` (a verified answer)."""

    @abstractmethod
    def transactions(self, day: dt.date) -> list[Report]:
        """The platform's transactions of `day` (local), verified."""


def _report(fields: dict[str, Any]) -> Report:
    try:
        return Report(
            order_id=str(fields["order_id"]),
            transaction_id=str(fields.get("transaction_id", "")),
            status=str(fields["status"]),
            amount=int(fields["amount"]),
            currency=str(fields["currency"]),
            paid_at=parse_time(str(fields.get("paid_at", ""))),
            nonce=str(fields.get("nonce", "")),
        )
    except (KeyError, ValueError, TypeError) as error:
        raise GatewayError("malformed", str(error)) from None


class SandboxGateway(Gateway):
    """The local sandbox of the national payment platform (HMAC-SHA256 signed JSON over HTTP)."""

    name = "sandbox"
    label = "Nền tảng thanh toán (thử nghiệm)"

    def __init__(self) -> None:
        self.base = settings.MOTCUA_PAYMENT_SANDBOX_URL.rstrip("/") + "/"
        self.merchant = settings.MOTCUA_PAYMENT_MERCHANT_CODE
        self.secret = settings.MOTCUA_PAYMENT_SECRET
        self.max_age = settings.MOTCUA_PAYMENT_MAX_AGE_SECONDS
        self.timeout = settings.MOTCUA_PAYMENT_HTTP_TIMEOUT

    def checkout_url(self, order: PaymentOrder, description: str, return_url: str, callback_url: str) -> str:
        fields = signing.signed(
            {
                "merchant": self.merchant,
                "order_id": order.order_id,
                "amount": str(order.amount),
                "currency": order.currency,
                "description": description,
                "return_url": return_url,
                "callback_url": callback_url,
            },
            self.secret,
        )
        return f"{self.base}thanh-toan/?{urlencode(fields)}"

    def _verified(self, fields: Any) -> dict[str, Any]:
        if not isinstance(fields, dict):
            raise GatewayError("malformed", "not an object")
        try:
            signing.verify(fields, self.secret, self.max_age)
        except signing.BadSignature as error:
            raise GatewayError(error.reason) from None
        if fields.get("merchant") != self.merchant:
            raise GatewayError("wrong_merchant")
        return fields

    def read(self, body: bytes) -> Report:
        try:
            fields = json.loads(body.decode("utf-8"))
        except (UnicodeDecodeError, ValueError):
            raise GatewayError("malformed", "not JSON") from None
        return _report(self._verified(fields))

    def _call(self, path: str, fields: dict[str, Any]) -> dict[str, Any]:
        request = urllib.request.Request(
            self.base + path,
            data=json.dumps(signing.signed({"merchant": self.merchant, **fields}, self.secret)).encode(),
            headers={"Content-Type": "application/json"},
            method="POST",
        )
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:  # noqa: S310 (configured URL)
                answer = json.loads(response.read().decode("utf-8"))
        except (urllib.error.URLError, OSError, ValueError) as error:
            raise GatewayError("unreachable", str(error)) from None
        return self._verified(answer)

    def query(self, order: PaymentOrder) -> Report:
        return _report(self._call("api/truy-van/", {"order_id": order.order_id}))

    def transactions(self, day: dt.date) -> list[Report]:
        answer = self._call("api/doi-soat/", {"date": day.isoformat()})
        items = answer.get("transactions")
        if not isinstance(items, list):
            raise GatewayError("malformed", "no transaction list")
        return [_report({**item, "nonce": ""}) for item in items]


def gateway(name: str) -> Gateway:
    """The configured gateway called `name`; `KeyError` if there is none."""
    path = settings.MOTCUA_PAYMENT_GATEWAYS[name]
    cls = import_string(path)
    instance = cls()
    assert isinstance(instance, Gateway)
    return instance


def default_gateway() -> Gateway:
    return gateway(settings.MOTCUA_PAYMENT_GATEWAY)
