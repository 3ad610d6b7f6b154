"""Tokens expire and carry a scope; the API login refuses cross-site requests (issue #18, 8)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client
from django.utils import timezone

from motcua.api.models import ApiToken
from motcua.api.tests.conftest import Province
from motcua.api.tokens import issue_token


def _client(raw: str) -> Client:
    return Client(headers={"Authorization": f"Bearer {raw}"})


def test_a_new_token_expires_by_default_and_an_expired_one_is_refused(province: Province) -> None:
    token, raw = issue_token(province.receptionist_a, "Văn phòng điện tử")
    assert token.expires_at is not None and token.expires_at > timezone.now() + dt.timedelta(days=30)
    assert _client(raw).get("/api/v1/auth/me").status_code == 200
    ApiToken.objects.filter(pk=token.pk).update(expires_at=timezone.now() - dt.timedelta(seconds=1))
    response = _client(raw).get("/api/v1/auth/me")
    assert response.status_code == 401 and response.json()["code"] == "unauthorized"


def test_a_read_only_token_reads_but_cannot_act(province: Province) -> None:
    _, raw = issue_token(province.receptionist_a, "Bảng tin", scope=ApiToken.Scope.READ)
    assert _client(raw).get("/api/v1/dossiers").status_code == 200
    response = _client(raw).post("/api/v1/dossiers/counter", {}, content_type="application/json")
    assert response.status_code == 403 and response.json()["code"] == "token_scope"
    assert "Chỉ đọc" in response.json()["message"]


@pytest.mark.parametrize(("scope", "receive_allowed", "forward_allowed"), [
    (ApiToken.Scope.SUBMIT, True, False),
    (ApiToken.Scope.DESK, True, True),
])
def test_scope_decides_which_writes_reach_the_endpoint(
    province: Province, scope: str, receive_allowed: bool, forward_allowed: bool
) -> None:
    _, raw = issue_token(province.receptionist_a, "Bưu điện", scope=scope)
    client = _client(raw)
    # An empty body: past the scope check the endpoint answers 422, never 403 token_scope.
    receive = client.post("/api/v1/dossiers/counter", {}, content_type="application/json")
    forward = client.post("/api/v1/dossiers/H37-X/forward", {}, content_type="application/json")
    assert (receive.json().get("code") != "token_scope") is receive_allowed
    assert (forward.json().get("code") != "token_scope") is forward_allowed


def test_api_login_refuses_a_cross_site_text_plain_post(province: Province) -> None:
    body = '{"username": "cong_dan", "password": "mat-khau-dai-2025"}'
    forged = Client().post("/api/v1/auth/login", body, content_type="text/plain",
                           headers={"Origin": "http://evil.example"})
    assert forged.status_code == 415
    assert "_auth_user_id" not in Client().session
    cross = Client().post("/api/v1/auth/login", body, content_type="application/json",
                          headers={"Origin": "http://evil.example"})
    assert cross.status_code == 403 and cross.json()["code"] == "csrf_failed"
    same = Client().post("/api/v1/auth/login", body, content_type="application/json",
                         headers={"Origin": "http://testserver"})
    assert same.status_code == 200
