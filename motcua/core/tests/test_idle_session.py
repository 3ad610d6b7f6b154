"""A signed-in session ends after the idle time, and activity keeps it alive (issue #18, 8)."""

from __future__ import annotations

from typing import Any

import time_machine
from django.test import Client

from motcua.accounts.models import Role, User


def _signed_in(db: None) -> Client:
    user = User.objects.create_user("cong_dan_idle", password="mat-khau-dai-2025", role=Role.CITIZEN)
    client = Client()
    client.force_login(user)
    return client


def _signed_in_now(client: Client) -> bool:
    return "_auth_user_id" in client.session


def test_a_session_idle_longer_than_the_setting_is_signed_out(db: None, settings: Any) -> None:
    settings.MOTCUA_SESSION_IDLE_MINUTES = 30
    with time_machine.travel("2026-03-02 08:00 +0700", tick=False) as traveller:
        client = _signed_in(db)
        client.get("/portal/")
        traveller.shift(29 * 60)
        client.get("/portal/")
        assert _signed_in_now(client)  # 29 minutes: still in, and the clock restarts
        traveller.shift(29 * 60)
        client.get("/portal/")
        assert _signed_in_now(client)
        traveller.shift(31 * 60)
        client.get("/portal/")
        assert not _signed_in_now(client)


def test_the_absolute_session_age_is_one_working_day(settings: Any) -> None:
    assert settings.SESSION_COOKIE_AGE == 12 * 3600
