"""Fixtures: the sample world, a real local SMTP server and a real local SMS/Zalo provider."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from motcua.dossiers.sample import World, at, build_world
from motcua.notify.tests.servers import ProviderServer, SmtpSink

__all__ = ["World", "at"]

SECRET = "bi-mat-chung-voi-nha-cung-cap"


@pytest.fixture
def world(db: None) -> World:
    return build_world()


@pytest.fixture(autouse=True)
def _fresh_calendar() -> Iterator[None]:
    from motcua.worktime.calendars import clear_calendar_cache

    clear_calendar_cache()
    yield
    clear_calendar_cache()


@pytest.fixture(autouse=True)
def _media(tmp_path: object, settings: Any) -> None:
    settings.MEDIA_ROOT = str(tmp_path)


@pytest.fixture
def smtp(settings: Any) -> Iterator[SmtpSink]:
    """A real SMTP server on 127.0.0.1; email goes to it through Django's SMTP backend."""
    sink = SmtpSink().start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", sink.port, 10
    settings.MOTCUA_NOTIFY = {
        **settings.MOTCUA_NOTIFY,
        "gateways": {**settings.MOTCUA_NOTIFY["gateways"], "email": "smtp"},
    }
    yield sink
    sink.stop()


@pytest.fixture
def provider(settings: Any) -> Iterator[ProviderServer]:
    """A real HTTP server acting as the SMS and Zalo provider."""
    server = ProviderServer(SECRET).start()
    http = {
        channel: {"url": server.url, "secret": SECRET, "key_id": "motcua-test"} for channel in ("sms", "zalo")
    }
    settings.MOTCUA_NOTIFY = {
        **settings.MOTCUA_NOTIFY,
        "http": http,
        "gateways": {**settings.MOTCUA_NOTIFY["gateways"], "sms": "http", "zalo": "http"},
    }
    yield server
    server.stop()
