"""The channels' gateways: email through Django's mail framework, SMS / Zalo OA over signed HTTP,
and a sandbox that records messages for the demo. Which one serves a channel is a setting
(MOTCUA_NOTIFY_EMAIL / _SMS / _ZALO, settings.notify_settings).

A gateway sends claimed rows and reports each through `Outcome`: `commit` at the point after
which the message cannot be taken back (see delivery.py), `fail` otherwise.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import smtplib
import socket
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from typing import Protocol
from urllib.parse import urlsplit

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.core.mail.backends.smtp import EmailBackend as SmtpBackend
from django.core.mail.message import sanitize_address

from motcua.notify.delivery import Outcome
from motcua.notify.models import OutboxMessage, SandboxMessage


class Gateway(Protocol):
    def send(self, rows: list[OutboxMessage], outcome: Outcome) -> None: ...


def message_id(row: OutboxMessage) -> str:
    """The same Message-ID on every attempt of a row: a receiver can recognise a repeat."""
    domain = urlsplit(settings.MOTCUA_PUBLIC_URL).hostname or "localhost"
    digest = hmac.new(settings.SECRET_KEY.encode(), row.key.encode(), hashlib.sha256).hexdigest()[:16]
    return f"<motcua.{row.pk}.{digest}@{domain}>"


def idempotency_key(row: OutboxMessage) -> str:
    """The key an HTTP provider uses to ignore a repeat of the same message (stable per row)."""
    return hmac.new(
        settings.SECRET_KEY.encode(), b"idempotency:" + row.key.encode(), hashlib.sha256
    ).hexdigest()[:40]


class SandboxGateway:
    """Records the message in the database (the admin's "sandbox messages") instead of sending it."""

    def send(self, rows: list[OutboxMessage], outcome: Outcome) -> None:
        for row in rows:

            def record(row: OutboxMessage = row) -> None:
                SandboxMessage.objects.create(
                    outbox=row,
                    channel=row.channel,
                    recipient=row.recipient,
                    subject=row.subject,
                    body=row.body,
                )

            outcome.commit(row, f"sandbox-{row.pk}", also=record)


class _Abandoned(Exception):
    """Our lease was taken over before the commit point: the message is not completed."""


def _data_with_commit_point(
    smtp: smtplib.SMTP, sender: str, recipient: str, content: bytes, commit: Callable[[], bool]
) -> tuple[int, bytes]:
    """smtplib's sendmail, split at the final ".": `commit()` runs between the data and its end.

    If `commit()` returns False the connection is closed without the end of data, so the server
    discards the message (RFC 5321 §4.1.1.4: it is accepted only when the data ends).
    """
    smtp.ehlo_or_helo_if_needed()
    options = ["SMTPUTF8"] if smtp.has_extn("smtputf8") and not sender.isascii() else []
    code, reply = smtp.mail(sender, options)
    if code != 250:
        smtp.rset()
        raise smtplib.SMTPSenderRefused(code, reply, sender)
    code, reply = smtp.rcpt(recipient)
    if code not in (250, 251):
        smtp.rset()
        raise smtplib.SMTPRecipientsRefused({recipient: (code, reply)})
    code, reply = smtp.docmd("data")
    if code != 354:
        raise smtplib.SMTPDataError(code, reply)
    data = smtplib._quote_periods(content)  # type: ignore[attr-defined]
    if not data.endswith(b"\r\n"):
        data += b"\r\n"
    smtp.send(data)
    if not commit():
        smtp.close()
        raise _Abandoned()
    smtp.send(b".\r\n")
    return smtp.getreply()


class DjangoMailGateway:
    """Email through Django's mail framework (EMAIL_BACKEND, EMAIL_HOST, …).

    With the SMTP backend the row is committed between the message's data and its final "."
    (exactly one message at the server even if the worker dies; see delivery.py). With another
    backend (console, file, a provider's API backend) the row is committed after the backend
    returns: at least once, with the same Message-ID on a repeat.
    """

    def _message(self, row: OutboxMessage) -> EmailMessage:
        return EmailMessage(
            subject=row.subject,
            body=row.body,
            from_email=settings.DEFAULT_FROM_EMAIL,
            to=[row.recipient],
            headers={"Message-ID": message_id(row), "Auto-Submitted": "auto-generated"},
        )

    def send(self, rows: list[OutboxMessage], outcome: Outcome) -> None:
        backend = get_connection()
        if not isinstance(backend, SmtpBackend):
            for row in rows:
                try:
                    backend.send_messages([self._message(row)])
                except Exception as error:
                    outcome.fail(row, f"{type(error).__name__}: {error}")
                    continue
                outcome.commit(row, message_id(row))
            return
        self._send_smtp(backend, rows, outcome)

    def _send_smtp(self, backend: SmtpBackend, rows: list[OutboxMessage], outcome: Outcome) -> None:
        try:
            for row in rows:
                if backend.connection is None:
                    try:
                        backend.open()
                    except (OSError, smtplib.SMTPException) as error:
                        outcome.fail(row, f"{type(error).__name__}: {error}")
                        continue
                    # The data and its final "." are two writes with no reply in between: without
                    # TCP_NODELAY, Nagle's algorithm holds the "." until the data is acknowledged.
                    sock = getattr(backend.connection, "sock", None)
                    if sock is not None:
                        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
                assert backend.connection is not None
                email = self._message(row)
                encoding = email.encoding or settings.DEFAULT_CHARSET
                sender = sanitize_address(email.from_email, encoding)
                recipient = sanitize_address(row.recipient, encoding)
                # As Django's SMTP backend does (SafeMIMEText passes the policy's line separator on).
                content = email.message().as_bytes(linesep="\r\n")  # type: ignore[call-arg]
                committed = False

                def commit(row: OutboxMessage = row) -> bool:
                    nonlocal committed
                    committed = outcome.commit(row, message_id(row))
                    return committed

                try:
                    code, reply = _data_with_commit_point(
                        backend.connection, sender, recipient, content, commit
                    )
                except _Abandoned:
                    backend.connection = None
                    continue
                except smtplib.SMTPRecipientsRefused as error:
                    codes = [c for c, _r in error.recipients.values()]
                    outcome.fail(
                        row, f"SMTPRecipientsRefused: {codes}", permanent=all(c >= 500 for c in codes)
                    )
                    continue
                except smtplib.SMTPResponseException as error:
                    outcome.fail(
                        row,
                        f"{type(error).__name__}: {error.smtp_code} {error.smtp_error!r}",
                        permanent=error.smtp_code >= 500,
                    )
                    continue
                except (OSError, smtplib.SMTPException) as error:
                    # The connection broke. Before the commit nothing was accepted; after it the
                    # server may or may not have the message (RFC 1047): try again, same Message-ID.
                    outcome.fail(row, f"{type(error).__name__}: {error}", was_committed=committed)
                    backend.connection = None
                    continue
                if code != 250:
                    outcome.fail(row, f"SMTP {code} {reply!r}", permanent=code >= 500, was_committed=True)
        finally:
            try:
                backend.close()
            except Exception:  # a connection already gone is closed
                backend.connection = None


class HttpGateway:
    """An SMS or Zalo OA provider's HTTP API, with signed requests.

    POST JSON {"channel", "to", "text", "reference"} with the headers
    `Idempotency-Key` (stable per message: the provider ignores a repeat), `X-Motcua-Timestamp`
    (Unix seconds: the provider refuses old requests), `X-Motcua-Key-Id` and `X-Motcua-Signature:
    sha256=<hex HMAC-SHA256 of "<timestamp>.<idempotency key>." + body with the shared secret>`.
    A 2xx answer is delivered (its JSON "id" is kept); 4xx other than 408/429 is final; the rest is retried.
    """

    def __init__(self, channel: str, url: str, secret: str, key_id: str, timeout: float) -> None:
        self.channel, self.url, self.secret, self.key_id, self.timeout = channel, url, secret, key_id, timeout

    def signature(self, timestamp: str, key: str, body: bytes) -> str:
        signed = f"{timestamp}.{key}.".encode() + body
        return "sha256=" + hmac.new(self.secret.encode(), signed, hashlib.sha256).hexdigest()

    def request(self, row: OutboxMessage) -> urllib.request.Request:
        body = json.dumps(
            {"channel": row.channel, "to": row.recipient, "text": row.body, "reference": row.key},
            ensure_ascii=False,
        ).encode()
        timestamp = str(int(time.time()))
        key = idempotency_key(row)
        return urllib.request.Request(
            self.url,
            data=body,
            method="POST",
            headers={
                "Content-Type": "application/json; charset=utf-8",
                "Idempotency-Key": key,
                "X-Motcua-Timestamp": timestamp,
                "X-Motcua-Key-Id": self.key_id,
                "X-Motcua-Signature": self.signature(timestamp, key, body),
            },
        )

    def send(self, rows: list[OutboxMessage], outcome: Outcome) -> None:
        for row in rows:
            try:
                with urllib.request.urlopen(self.request(row), timeout=self.timeout) as response:
                    answer = response.read(65536)
            except urllib.error.HTTPError as error:
                permanent = 400 <= error.code < 500 and error.code not in (408, 425, 429)
                outcome.fail(row, f"HTTP {error.code}", permanent=permanent)
                continue
            except (OSError, ValueError) as error:
                outcome.fail(row, f"{type(error).__name__}: {error}")
                continue
            try:
                reference = str(json.loads(answer or b"{}").get("id", ""))
            except (ValueError, AttributeError):
                reference = ""
            outcome.commit(row, reference)


def gateway_for(channel: str) -> Gateway:
    conf = settings.MOTCUA_NOTIFY
    name = conf["gateways"][channel]
    if name == "sandbox":
        return SandboxGateway()
    if name == "smtp":
        return DjangoMailGateway()
    http = conf["http"][channel]
    return HttpGateway(channel, http["url"], http["secret"], http["key_id"], float(conf["http_timeout"]))
