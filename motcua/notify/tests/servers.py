"""Real local servers for the notification tests and bench/notify.py: an SMTP server (aiosmtpd)
and an SMS / Zalo provider (an HTTP server that checks our signatures like a provider would)."""

from __future__ import annotations

import asyncio
import email
import email.policy
import hashlib
import hmac
import json
import socket
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from aiosmtpd.controller import Controller


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@dataclass
class Received:
    sender: str
    recipients: list[str]
    message: email.message.EmailMessage

    @property
    def message_id(self) -> str:
        return str(self.message["Message-ID"])

    @property
    def subject(self) -> str:
        return " ".join(str(self.message["Subject"]).split())

    @property
    def text(self) -> str:
        body = self.message.get_body(preferencelist=("plain",))
        return body.get_content() if body is not None else ""


@dataclass
class _Handler:
    sink: SmtpSink

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        # The message is accepted here, when its data has ended: record it, then answer.
        with self.sink.lock:
            reply = self.sink.replies.pop(0) if self.sink.replies else "250 OK"
            if reply.startswith("250"):
                parsed = email.message_from_bytes(envelope.original_content, policy=email.policy.default)
                self.sink.messages.append(Received(envelope.mail_from, list(envelope.rcpt_tos), parsed))
        if self.sink.delay:
            await asyncio.sleep(self.sink.delay)
        return reply


@dataclass
class SmtpSink:
    """An SMTP server on 127.0.0.1 that keeps what it accepted. `replies`: answers to the next
    messages' data (e.g. "451 try later"); `delay`: seconds before each answer."""

    delay: float = 0.0
    replies: list[str] = field(default_factory=list)
    messages: list[Received] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)
    port: int = 0
    controller: Controller | None = None

    def start(self) -> SmtpSink:
        self.port = free_port()
        self.controller = Controller(_Handler(self), hostname="127.0.0.1", port=self.port)
        self.controller.start()
        return self

    def stop(self) -> None:
        if self.controller is not None:
            self.controller.stop()
            self.controller = None

    def count(self) -> int:
        with self.lock:
            return len(self.messages)

    def wait_for(self, count: int, timeout: float = 30) -> list[Received]:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline and self.count() < count:
            time.sleep(0.05)
        with self.lock:
            return list(self.messages)


class ProviderServer:
    """An SMS / Zalo provider: checks the HMAC signature and the timestamp, keeps one message per
    idempotency key (a repeat gets the first answer), answers `statuses` first if given."""

    def __init__(self, secret: str, statuses: list[int] | None = None, max_age: int = 300) -> None:
        self.secret = secret
        self.statuses = list(statuses or [])
        self.max_age = max_age
        self.messages: dict[str, dict[str, Any]] = {}
        self.requests: list[dict[str, Any]] = []
        self.refused: list[str] = []
        self.lock = threading.Lock()
        self.port = free_port()
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, format: str, *args: Any) -> None:  # quiet
                return

            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
                status, answer = outer.handle(dict(self.headers), body)
                data = json.dumps(answer).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

        self.server = ThreadingHTTPServer(("127.0.0.1", self.port), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/messages"

    def expected_signature(self, timestamp: str, key: str, body: bytes) -> str:
        signed = f"{timestamp}.{key}.".encode() + body
        return "sha256=" + hmac.new(self.secret.encode(), signed, hashlib.sha256).hexdigest()

    def handle(self, headers: dict[str, str], body: bytes) -> tuple[int, dict[str, Any]]:
        key = headers.get("Idempotency-Key", "")
        timestamp = headers.get("X-Motcua-Timestamp", "")
        signature = headers.get("X-Motcua-Signature", "")
        with self.lock:
            self.requests.append({"headers": headers, "body": body})
            if not key or not timestamp.isdigit() or abs(time.time() - int(timestamp)) > self.max_age:
                self.refused.append("stale or unsigned")
                return 401, {"error": "stale"}
            if not hmac.compare_digest(signature, self.expected_signature(timestamp, key, body)):
                self.refused.append("bad signature")
                return 401, {"error": "signature"}
            if self.statuses:
                status = self.statuses.pop(0)
                if status >= 300:
                    return status, {"error": "as told"}
            if key not in self.messages:
                self.messages[key] = {"id": f"prov-{len(self.messages) + 1}", **json.loads(body)}
            return 200, {"id": self.messages[key]["id"]}

    def start(self) -> ProviderServer:
        self.thread.start()
        return self

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()
