"""Tokens are created in the admin and shown exactly once."""

from __future__ import annotations

import re

from django.test import Client

from motcua.accounts.models import Role, User
from motcua.api.models import ApiToken
from motcua.api.tests.conftest import Province
from motcua.api.tokens import hash_token


def _admin_client() -> Client:
    admin = User.objects.create_superuser("quan_tri", password="mat-khau-dai-2025", role=Role.SYSTEM_ADMIN)
    client = Client()
    client.force_login(admin)
    return client


def test_token_is_shown_once_after_creation_and_never_again(province: Province) -> None:
    client = _admin_client()
    response = client.post("/admin/api/apitoken/add/", {
        "name": "Phần mềm văn phòng điện tử", "purpose": "system", "scope": "desk",
        "user": province.specialist_a.pk,
    })
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    raw = re.search(r"mc_[A-Za-z0-9_\-]{40,}", response.content.decode())
    assert raw is not None
    token = ApiToken.objects.get()
    assert token.key_hash == hash_token(raw.group(0))
    assert token.created_by is not None and token.created_by.username == "quan_tri"
    assert token.scope == "desk" and token.expires_at is not None  # the default expiry

    change_page = client.get(f"/admin/api/apitoken/{token.pk}/change/").content.decode()
    list_page = client.get("/admin/api/apitoken/").content.decode()
    assert raw.group(0) not in change_page
    assert raw.group(0) not in list_page
    assert token.key_hash not in change_page

    works = Client(headers={"Authorization": f"Bearer {raw.group(0)}"}).get("/api/v1/auth/me")
    assert works.status_code == 200


def test_admin_action_revokes_tokens(province: Province) -> None:
    client = _admin_client()
    client.post("/admin/api/apitoken/add/", {"name": "Cổng DVC", "purpose": "system", "scope": "read",
                                             "user": province.receptionist_a.pk})
    token = ApiToken.objects.get()
    client.post("/admin/api/apitoken/", {"action": "revoke_selected", "_selected_action": [token.pk]})
    token.refresh_from_db()
    assert token.revoked_at is not None
