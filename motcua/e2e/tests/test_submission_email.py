"""Done-when of issue #15: a citizen chooses their channels, submits online through the portal, and an
email with the dossier code arrives at a real local SMTP server (sent after the submission commits)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from playwright.sync_api import FilePayload, Page, expect

from motcua.dossiers.models import Dossier
from motcua.e2e.accessibility import assert_accessible
from motcua.e2e.conftest import PHONE, log_in
from motcua.e2e.world import PASSWORD, PDF_BYTES, World, build_world
from motcua.notify.models import OutboxMessage, SandboxMessage, State
from motcua.notify.tests.servers import SmtpSink

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def world(transactional_db: Any) -> World:
    return build_world()


@pytest.fixture
def smtp(settings: Any) -> Iterator[SmtpSink]:
    sink = SmtpSink().start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", sink.port
    # As in production: the transition hands its messages over when it commits; the test's job
    # runner runs them inline (Q_CLUSTER sync), in the live server's thread.
    settings.MOTCUA_NOTIFY = {
        **settings.MOTCUA_NOTIFY,
        "send_on_commit": True,
        "gateways": {"email": "smtp", "sms": "sandbox", "zalo": "sandbox"},
    }
    yield sink
    sink.stop()


def _scan(name: str) -> FilePayload:
    return {"name": name, "mimeType": "application/pdf", "buffer": PDF_BYTES}


def test_an_online_submission_emails_the_dossier_code(new_page: Any, world: World, smtp: SmtpSink) -> None:
    citizen: Page = new_page(PHONE)
    log_in(citizen, "congdan", PASSWORD)
    citizen.goto("/portal/thong-bao/")
    expect(citizen.get_by_role("heading", level=1)).to_have_text("Nhận thông báo về hồ sơ")
    assert_accessible(citizen)
    citizen.get_by_label("Tin nhắn SMS").check()
    citizen.get_by_role("button", name="Lưu").click()
    expect(citizen.get_by_text("Đã lưu lựa chọn kênh nhận thông báo.")).to_be_visible()

    citizen.goto("/portal/submit/1.001193/")
    citizen.get_by_label("Nơi tiếp nhận hồ sơ").select_option(label=world.ward_center.name)
    citizen.get_by_label("Tờ khai đăng ký khai sinh theo mẫu").set_input_files(_scan("to-khai.pdf"))
    citizen.get_by_label("Giấy chứng sinh").set_input_files(_scan("giay-chung-sinh.pdf"))
    citizen.get_by_label("Tôi cam đoan", exact=False).check()
    citizen.get_by_role("button", name="Nộp hồ sơ").click()
    expect(citizen.get_by_role("heading", level=1)).to_have_text("Đã nộp hồ sơ")
    code = Dossier.objects.get().code
    expect(citizen.get_by_text(code).first).to_be_visible()

    [received] = smtp.wait_for(1, timeout=20)
    assert received.recipients == ["nhung@example.vn"]
    assert received.subject == f"Hồ sơ {code} đã được nộp trực tuyến"
    assert code in received.text and world.ward_center.name in received.text
    assert smtp.count() == 1
    # The SMS the citizen chose went to the sandbox gateway; both rows are marked sent once.
    assert [m.body for m in SandboxMessage.objects.all()] == [
        f"Hồ sơ {code} đã được nộp trực tuyến, đang chờ tiếp nhận."
    ]
    assert sorted(OutboxMessage.objects.values_list("channel", "state")) == [
        ("email", State.SENT),
        ("sms", State.SENT),
    ]
