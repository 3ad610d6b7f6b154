"""The whole protocol over HTTP against the live server: checkout, pay, the signed callback
travelling from the sandbox platform to motcua, the query that settles a lost callback, and the
daily reconciliation against the platform's transaction list."""

from __future__ import annotations

import datetime as dt
import http.cookiejar
import logging
import re
import urllib.error
import urllib.parse
import urllib.request
from typing import Any

import pytest
from django.core.management import call_command
from django.utils import timezone

from motcua.dossiers.models import Dossier, Status
from motcua.e2e.world import World, build_world
from motcua.payments import services
from motcua.payments.models import PaymentOrder, SandboxTransaction
from motcua.worktime.core import TZ

from .conftest import FEE, awaiting_payment

pytestmark = pytest.mark.django_db(transaction=True)


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: Any, **kwargs: Any) -> None:
        return None


class Payer:
    """A browser without JavaScript: cookies, CSRF token, redirects seen one by one."""

    def __init__(self) -> None:
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar), _NoRedirect())

    def open(self, url: str, data: dict[str, str] | None = None) -> tuple[int, str, str]:
        body = urllib.parse.urlencode(data).encode() if data is not None else None
        try:
            with self.opener.open(url, body, timeout=20) as response:
                return response.status, response.headers.get("Location", ""), response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, error.headers.get("Location", ""), error.read().decode()

    def pay(self, checkout: str, action: str = "pay") -> str:
        """Open the checkout address, press the button; where the platform sends the browser back."""
        status, page_url, _ = self.open(checkout)
        assert status == 302, status
        page_url = urllib.parse.urljoin(checkout, page_url)
        status, _, page = self.open(page_url)
        assert status == 200 and f"{FEE:,}".replace(",", ".") in page
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)
        assert token is not None
        status, back, _ = self.open(page_url, {"csrfmiddlewaretoken": token.group(1), "action": action})
        assert status == 302, status
        return back


@pytest.fixture
def world(transactional_db: Any, live_server: Any, settings: Any) -> World:
    settings.MOTCUA_PAYMENT_SANDBOX_URL = f"{live_server.url}/sandbox-thanh-toan/"
    return build_world()


def _checkout(live_server: Any, dossier: Dossier, world: World) -> tuple[PaymentOrder, str]:
    order = services.start_payment(world.citizen, dossier)
    url = services.checkout_url(
        order,
        f"{live_server.url}/thanh-toan/{dossier.code}/ket-qua/",
        f"{live_server.url}/api/v1/payments/sandbox/callback",
    )
    return order, url


def test_paying_in_the_sandbox_moves_the_dossier_on_through_the_signed_callback(
    live_server: Any, world: World
) -> None:
    dossier = awaiting_payment(world)
    order, url = _checkout(live_server, dossier, world)
    back = Payer().pay(url)
    assert back.startswith(f"{live_server.url}/thanh-toan/{dossier.code}/ket-qua/?order_id={order.order_id}")
    txn = SandboxTransaction.objects.get(order_id=order.order_id)
    assert txn.status == SandboxTransaction.Status.PAID and txn.notify_status == 200
    order.refresh_from_db()
    dossier.refresh_from_db()
    assert order.status == PaymentOrder.Status.PAID and order.transaction_id == txn.transaction_id
    assert order.settled_via == "callback"
    assert dossier.status == Status.PROCESSING and dossier.paid_online


def test_cancelling_in_the_sandbox_leaves_the_dossier_waiting(live_server: Any, world: World) -> None:
    dossier = awaiting_payment(world)
    order, url = _checkout(live_server, dossier, world)
    Payer().pay(url, action="cancel")
    order.refresh_from_db()
    dossier.refresh_from_db()
    assert order.status == PaymentOrder.Status.CANCELLED and dossier.status == Status.PAYMENT_REQUESTED


def test_a_lost_callback_is_settled_by_the_query(live_server: Any, world: World, settings: Any) -> None:
    settings.MOTCUA_PAYMENT_SANDBOX_NOTIFY = False  # the platform's notification never arrives
    dossier = awaiting_payment(world)
    order, url = _checkout(live_server, dossier, world)
    Payer().pay(url)
    dossier.refresh_from_db()
    assert dossier.status == Status.PAYMENT_REQUESTED  # paid at the platform, not known to motcua yet
    # Too recent for the settlement's default delay: left alone.
    assert services.settle_pending() == []
    assert services.settle_pending(older_than=dt.timedelta(0)) == [
        {"order_id": order.order_id, "result": "accepted"}
    ]
    order.refresh_from_db()
    dossier.refresh_from_db()
    assert order.status == PaymentOrder.Status.PAID and order.settled_via == "query"
    assert dossier.status == Status.PROCESSING and dossier.events.filter(action="record_payment").count() == 1
    # Settled once: nothing open any more.
    assert services.settle_pending(older_than=dt.timedelta(0)) == []


def test_settle_leaves_an_unpaid_order_open_then_expires_it(
    live_server: Any, world: World, settings: Any
) -> None:
    dossier = awaiting_payment(world)
    order, _url = _checkout(live_server, dossier, world)  # the citizen never opened the page
    assert services.settle_pending(older_than=dt.timedelta(0)) == [
        {"order_id": order.order_id, "result": "pending"}
    ]
    later = timezone.now() + dt.timedelta(minutes=settings.MOTCUA_PAYMENT_ORDER_TTL_MINUTES + 1)
    assert services.settle_pending(older_than=dt.timedelta(0), now=later)[0]["result"] == "expired"
    order.refresh_from_db()
    assert order.status == PaymentOrder.Status.CANCELLED


def test_the_settle_command(live_server: Any, world: World, settings: Any, capsys: Any) -> None:
    settings.MOTCUA_PAYMENT_SANDBOX_NOTIFY = False
    dossier = awaiting_payment(world)
    order, url = _checkout(live_server, dossier, world)
    Payer().pay(url)
    call_command("payments", "settle", "--older-than", "0")
    assert f"{order.order_id}\taccepted" in capsys.readouterr().out
    dossier.refresh_from_db()
    assert dossier.status == Status.PROCESSING


def test_reconciliation_lists_a_payment_motcua_did_not_record(
    live_server: Any, world: World, settings: Any, capsys: Any
) -> None:
    paid = awaiting_payment(world)
    order, url = _checkout(live_server, paid, world)
    Payer().pay(url)
    today = timezone.now().astimezone(TZ).date()
    assert services.reconcile(today) == []

    settings.MOTCUA_PAYMENT_SANDBOX_NOTIFY = False
    lost = awaiting_payment(world)  # a second dossier of the same citizen
    lost_order, lost_url = _checkout(live_server, lost, world)
    Payer().pay(lost_url)
    mismatches = services.reconcile(today)
    assert [(m.kind, m.order_id, m.dossier_code) for m in mismatches] == [
        ("not_recorded", lost_order.order_id, lost.code)
    ]
    with pytest.raises(SystemExit) as exit_:
        call_command("payments", "reconcile", "--date", today.isoformat())
    assert exit_.value.code == 1
    out = capsys.readouterr().out
    assert lost_order.order_id in out and "1 chênh lệch" in out
    assert order.order_id not in out

    # Once settled, the day reconciles.
    services.settle_pending(older_than=dt.timedelta(0))
    assert services.reconcile(today) == []
    call_command("payments", "reconcile", "--date", today.isoformat(), "--json")
    assert '"mismatches": []' in capsys.readouterr().out


def test_the_sandbox_refuses_a_checkout_with_a_forged_amount(live_server: Any, world: World) -> None:
    dossier = awaiting_payment(world)
    _order, url = _checkout(live_server, dossier, world)
    forged = re.sub(r"amount=\d+", "amount=1", url)
    status, _, page = Payer().open(forged)
    assert status == 400 and "Chữ ký của đơn vị bán không hợp lệ" in page
    assert SandboxTransaction.objects.count() == 0


def test_an_undelivered_sandbox_notification_logs_the_error_class_only(
        db: None, caplog: pytest.LogCaptureFixture) -> None:
    from motcua.payments import sandbox

    txn = SandboxTransaction.objects.create(
        transaction_id="SBX000001", merchant_code="MOTCUA", order_id="DH-1", amount=50_000, currency="VND",
        return_url="http://127.0.0.1:9/back", callback_url="http://127.0.0.1:9/callback",
        created_at=timezone.now())
    with caplog.at_level(logging.WARNING, logger="motcua.payments"):
        assert sandbox.notify(txn) is None  # nothing listens on the discard port
    logged = "\n".join(r.getMessage() for r in caplog.records)
    assert "sandbox: notification of SBX000001 not delivered: urllib.error.URLError" in logged
    assert "Errno" not in logged and "refused" not in logged.lower()
