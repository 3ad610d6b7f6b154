"""Token auth (hashed, revocable, last use recorded) and session auth with CSRF."""

from __future__ import annotations

from django.test import Client

from motcua.api.models import ApiToken
from motcua.api.tests.conftest import Province, client_for
from motcua.api.tokens import hash_token, issue_token, revoke_token


def test_token_acts_as_its_officer(province: Province) -> None:
    token, raw = issue_token(province.receptionist_a, "Văn phòng điện tử")
    response = Client(headers={"Authorization": f"Bearer {raw}"}).get("/api/v1/auth/me")
    assert response.status_code == 200
    assert response.json()["username"] == "le_tan_a"
    assert response.json()["agency_code"] == province.center_a.code
    token.refresh_from_db()
    assert token.last_used_at is not None


def test_token_is_stored_only_as_a_hash(province: Province) -> None:
    token, raw = issue_token(province.receptionist_a, "Văn phòng điện tử")
    assert token.key_hash == hash_token(raw)
    assert not ApiToken.objects.filter(key_hash=raw).exists()
    assert raw not in str(token) and raw.startswith(token.prefix)


def test_revoked_token_is_refused(province: Province) -> None:
    token, raw = issue_token(province.receptionist_a, "Văn phòng điện tử")
    assert revoke_token(token) is True
    assert revoke_token(token) is False
    response = Client(headers={"Authorization": f"Bearer {raw}"}).get("/api/v1/auth/me")
    assert response.status_code == 401
    assert response.json()["code"] == "unauthorized"


def test_unknown_token_is_refused(db: None) -> None:
    response = Client(headers={"Authorization": "Bearer mc_not-a-real-token"}).get("/api/v1/auth/me")
    assert response.status_code == 401


def test_token_of_a_deactivated_officer_is_refused(province: Province) -> None:
    _, raw = issue_token(province.receptionist_a, "Văn phòng điện tử")
    province.receptionist_a.is_active = False
    province.receptionist_a.save()
    response = Client(headers={"Authorization": f"Bearer {raw}"}).get("/api/v1/auth/me")
    assert response.status_code == 401


def test_token_of_a_citizen_account_is_refused(province: Province) -> None:
    # Tokens are for agencies' systems and officers; citizens use the portal's session.
    _, raw = issue_token(province.citizen, "Không hợp lệ")
    response = Client(headers={"Authorization": f"Bearer {raw}"}).get("/api/v1/auth/me")
    assert response.status_code == 401


def test_session_works_for_reads(province: Province) -> None:
    response = client_for(province.citizen).get("/api/v1/auth/me")
    assert response.status_code == 200
    assert response.json()["role"] == "citizen"


def test_session_write_without_csrf_token_is_refused(province: Province) -> None:
    response = client_for(province.citizen).post("/api/v1/auth/logout")
    assert response.status_code == 403
    assert response.json()["code"] == "csrf_failed"


def test_session_write_with_csrf_token_is_accepted(province: Province) -> None:
    client = client_for(province.citizen)
    login = client.post("/api/v1/auth/login", {"username": "cong_dan", "password": "mat-khau-dai-2025"},
                        content_type="application/json")
    assert login.status_code == 200
    csrf = login.json()["csrf_token"]
    response = client.post("/api/v1/auth/logout", headers={"X-CSRFToken": csrf})
    assert response.status_code == 204
    assert client.get("/api/v1/auth/me").status_code == 401


def test_login_with_a_wrong_password_is_refused(province: Province) -> None:
    response = Client().post("/api/v1/auth/login", {"username": "cong_dan", "password": "sai"},
                             content_type="application/json")
    assert response.status_code == 401
    assert response.json()["code"] == "invalid_credentials"
