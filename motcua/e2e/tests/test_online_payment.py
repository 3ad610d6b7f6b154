"""Online payment in chromium: the citizen pays in the sandbox of the national payment platform,
and the dossier moves on only after the platform's signed notification; a forged or replayed
notification changes nothing; the electronic receipt downloads.

The sandbox is told to hold its notification (as if it were lost or late), so that the test
sees the dossier still waiting after the browser came back, then sends it from the platform's
merchant tools: the notification travels over HTTP from the sandbox to motcua's callback.
"""

from __future__ import annotations

import io
import json
import re
from typing import Any

import pytest
from playwright.sync_api import Page, expect
from pypdf import PdfReader

from motcua.dossiers import services
from motcua.dossiers.models import Dossier, Status
from motcua.e2e.conftest import log_in, screenshot
from motcua.e2e.world import PASSWORD, World, build_world, submit_birth
from motcua.payments.models import PaymentOrder, SandboxTransaction

pytestmark = pytest.mark.django_db(transaction=True)

CALLBACK = "/api/v1/payments/sandbox/callback"


@pytest.fixture
def world(transactional_db: Any, live_server: Any, settings: Any) -> World:
    settings.MOTCUA_PAYMENT_SANDBOX_URL = f"{live_server.url}/sandbox-thanh-toan/"
    settings.MOTCUA_PAYMENT_SANDBOX_NOTIFY = False  # the platform holds its notification
    return build_world()


def _awaiting_payment(world: World) -> Dossier:
    dossier = submit_birth(world)
    services.receive_dossier(world.receptionist, dossier)
    services.forward_dossier(world.receptionist, dossier)
    services.request_payment(world.specialist, dossier, 8_000, reason="Lệ phí đăng ký khai sinh")
    return dossier


def _state(dossier: Dossier) -> tuple[int, int]:
    dossier.refresh_from_db()
    return dossier.status, dossier.revision


def _post_callback(page: Page, body: str) -> int:
    return page.request.post(CALLBACK, data=body, headers={"Content-Type": "application/json"}).status


def test_the_dossier_moves_on_only_after_the_signed_callback(new_page: Any, world: World) -> None:
    dossier = _awaiting_payment(world)
    waiting = _state(dossier)
    citizen = new_page()
    log_in(citizen, "congdan", PASSWORD)
    citizen.goto(f"/portal/dossiers/{dossier.code}/")
    panel = citizen.locator("#payment")
    expect(panel).to_contain_text("8.000 đồng")
    citizen.get_by_role("button", name="Thanh toán trực tuyến").click()

    # The platform's page: its own look, the amount of the payment request, pay or cancel.
    expect(citizen.get_by_role("heading", level=1)).to_have_text("Thanh toán giao dịch")
    expect(citizen.locator("#amount")).to_have_text("8.000 VND")
    order = PaymentOrder.objects.get(dossier=dossier)
    expect(citizen.locator("#order-id")).to_have_text(order.order_id)
    screenshot(citizen, "sandbox-payment-page")
    citizen.get_by_role("button", name="Thanh toán", exact=True).click()

    # Back on the dossier: paid at the platform, but motcua has no signed notification yet.
    expect(citizen).to_have_url(re.compile(rf"/portal/dossiers/{re.escape(dossier.code)}/$"))
    expect(citizen.locator(".messages")).to_contain_text("Nền tảng thanh toán đang xác nhận giao dịch")
    expect(citizen.locator("#payment-pending")).to_contain_text(order.order_id)
    assert _state(dossier) == waiting and waiting[0] == Status.PAYMENT_REQUESTED
    txn = SandboxTransaction.objects.get(order_id=order.order_id)
    assert txn.status == SandboxTransaction.Status.PAID and txn.notified_at is None

    # A forged notification: the right fields, a made-up signature — refused, nothing changes.
    forged = {
        "merchant": "000.00.00.H37",
        "order_id": order.order_id,
        "transaction_id": txn.transaction_id,
        "amount": "8000",
        "currency": "VND",
        "status": "paid",
        "paid_at": "20260302100000",
        "timestamp": "1900000000",
        "nonce": "a" * 32,
        "signature": "0" * 64,
    }
    assert _post_callback(citizen, json.dumps(forged)) == 400
    assert _state(dossier) == waiting

    # The platform sends its signed notification (merchant tools): it reaches motcua over HTTP.
    platform = new_page()
    platform.goto(f"/sandbox-thanh-toan/giao-dich/{txn.transaction_id}/")
    platform.get_by_role("button", name="Gửi thông báo kết quả").click()
    expect(platform.locator("#notify-status")).to_contain_text("đơn vị bán trả lời: 200")
    status, revision = _state(dossier)
    assert status == Status.PROCESSING and revision == waiting[1] + 1

    citizen.reload()
    expect(citizen.locator("h1 + p .badge")).to_have_text("Đang xử lý")
    expect(citizen.locator("#fee")).to_contain_text("đã nộp lúc")
    screenshot(citizen, "dossier-paid-online")

    # Replaying the exact notification changes nothing.
    txn.refresh_from_db()
    assert _post_callback(citizen, txn.last_notification) == 409
    assert _state(dossier) == (status, revision)
    assert dossier.events.filter(action="record_payment").count() == 1

    # The electronic receipt.
    with citizen.expect_download() as download:
        citizen.locator("#receipts a").first.click()
    path = download.value.path()
    text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(path.read_bytes())).pages)
    assert "BIÊN LAI THU PHÍ, LỆ PHÍ ĐIỆN TỬ" in text and "8.000 đồng" in text and txn.transaction_id in text


def test_with_the_notification_on_time_the_citizen_comes_back_to_a_paid_dossier(
    new_page: Any, world: World, settings: Any
) -> None:
    settings.MOTCUA_PAYMENT_SANDBOX_NOTIFY = True  # the platform notifies before sending the browser back
    dossier = _awaiting_payment(world)
    citizen = new_page()
    log_in(citizen, "congdan", PASSWORD)
    citizen.goto(f"/portal/dossiers/{dossier.code}/")
    citizen.get_by_role("button", name="Thanh toán trực tuyến").click()
    citizen.get_by_role("button", name="Thanh toán", exact=True).click()
    expect(citizen.locator(".messages")).to_contain_text("Đã ghi nhận thanh toán")
    expect(citizen.locator("h1 + p .badge")).to_have_text("Đang xử lý")
    expect(citizen.get_by_role("button", name="Thanh toán trực tuyến")).to_have_count(0)
    assert _state(dossier)[0] == Status.PROCESSING
    assert PaymentOrder.objects.get(dossier=dossier).settled_via == "callback"
