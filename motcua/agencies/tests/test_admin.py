from __future__ import annotations

import pytest
from django.test import Client

from motcua.accounts.models import Role, User

pytestmark = pytest.mark.usefixtures("lang_son")


def test_agency_list_searches_by_code_and_name() -> None:
    client = Client()
    client.force_login(User.objects.create_superuser("quantri", password="mat-khau-dai-2025",
                                                     role=Role.SYSTEM_ADMIN))
    response = client.get("/admin/agencies/agency/", {"q": "059.77"})
    assert response.status_code == 200
    body = response.content.decode()
    assert "Trung tâm Phục vụ hành chính công phường Đông Kinh" in body
    assert "Sở Tư pháp" not in body
