"""Password reset by email, end to end against a real local SMTP server (aiosmtpd)."""

from __future__ import annotations

import re
import socket
from collections.abc import Iterator
from email import message_from_bytes, policy
from email.message import EmailMessage
from typing import Any

import pytest
from aiosmtpd.controller import Controller
from django.test import Client

from motcua.accounts.models import Role, User


class Mailbox:
    def __init__(self) -> None:
        self.messages: list[EmailMessage] = []

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:  # noqa: N802 (aiosmtpd's name)
        self.messages.append(message_from_bytes(envelope.content, policy=policy.default))  # type: ignore[arg-type]
        return "250 OK"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture
def mailbox(settings: Any) -> Iterator[Mailbox]:
    box = Mailbox()
    controller = Controller(box, hostname="127.0.0.1", port=_free_port())
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", controller.port
    settings.DEFAULT_FROM_EMAIL = "khong-tra-loi@dichvucong.langson.gov.vn"
    yield box
    controller.stop()


@pytest.fixture
def citizen(db: None) -> User:
    return User.objects.create_user("thu.nguyen", email="thu@example.vn", password="mat-khau-cu-2026",
                                    role=Role.CITIZEN, full_name="Nguyễn Thị Thu", id_number="020190009999")


def _body(message: EmailMessage) -> str:
    part = message.get_body(("plain",))
    assert part is not None
    return str(part.get_content())


def test_a_citizen_resets_the_password_through_the_link_mailed_in_vietnamese(
    mailbox: Mailbox, citizen: User
) -> None:
    client = Client()
    page = client.get("/accounts/login/").content.decode()
    assert 'href="/accounts/password-reset/"' in page
    response = client.post("/accounts/password-reset/", {"email": "THU@example.vn"})
    assert response.status_code == 302 and response["Location"] == "/accounts/password-reset/sent/"
    assert "Hãy kiểm tra hộp thư" in client.get(response["Location"]).content.decode()
    [message] = mailbox.messages
    assert message["To"] == "thu@example.vn"
    assert message["Subject"].strip() == "Đặt lại mật khẩu tài khoản Cổng dịch vụ công"
    body = _body(message)
    assert "Kính gửi Nguyễn Thị Thu" in body and "Tên đăng nhập của bạn: thu.nguyen" in body
    link = re.search(r"http://testserver(/accounts/reset/\S+/)", body)
    assert link is not None

    form = client.get(link.group(1), follow=True)
    assert "Đặt mật khẩu mới" in form.content.decode()
    done = client.post(form.redirect_chain[-1][0], {"new_password1": "mat-khau-moi-2026-dai",
                                                     "new_password2": "mat-khau-moi-2026-dai"})
    assert done.status_code == 302 and done["Location"] == "/accounts/reset/done/"
    citizen.refresh_from_db()
    assert citizen.check_password("mat-khau-moi-2026-dai") and not citizen.check_password("mat-khau-cu-2026")
    # The link works once.
    again = client.get(link.group(1), follow=True).content.decode()
    assert "không hợp lệ hoặc đã được dùng" in again


def test_an_unknown_address_gets_the_same_answer_and_no_mail(mailbox: Mailbox, citizen: User) -> None:
    response = Client().post("/accounts/password-reset/", {"email": "nobody@example.vn"})
    assert response.status_code == 302 and response["Location"] == "/accounts/password-reset/sent/"
    assert mailbox.messages == []


def test_a_client_asking_too_often_is_refused_and_no_more_mail_goes(
    mailbox: Mailbox, citizen: User, settings: Any
) -> None:
    settings.MOTCUA_PASSWORD_RESET_PER_HOUR = 2
    client = Client()
    for _ in range(2):
        assert client.post("/accounts/password-reset/", {"email": "thu@example.vn"}).status_code == 302
    refused = client.post("/accounts/password-reset/", {"email": "thu@example.vn"})
    assert refused.status_code == 429
    assert "quá nhiều lần" in refused.content.decode()
    assert len(mailbox.messages) == 2


def test_the_reset_pages_speak_english_under_en(mailbox: Mailbox, citizen: User) -> None:
    page = Client().get("/en/accounts/password-reset/").content.decode()
    assert "Reset your password" in page
