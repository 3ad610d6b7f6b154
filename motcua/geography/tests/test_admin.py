"""Admin pages for units and successions; the search ignores accents."""

from __future__ import annotations

import pytest
from django.test import Client

from motcua.accounts.models import Role, User
from motcua.geography.models import Unit

pytestmark = pytest.mark.usefixtures("imported")


@pytest.fixture
def superuser_client(db: None) -> Client:
    user = User.objects.create_superuser("quantri", password="mat-khau-dai-2025", role=Role.SYSTEM_ADMIN)
    client = Client()
    client.force_login(user)
    return client


def test_unit_search_ignores_accents(superuser_client: Client) -> None:
    response = superuser_client.get("/admin/geography/unit/", {"q": "dong kinh"})
    assert response.status_code == 200
    assert "Phường Đông Kinh" in response.content.decode()
    assert "Xã Mai Hoa" not in response.content.decode()


def test_succession_list_and_unit_page_open(superuser_client: Client) -> None:
    assert superuser_client.get("/admin/geography/succession/", {"q": "kien moc"}).status_code == 200
    unit = Unit.objects.get(code="06622")
    assert superuser_client.get(f"/admin/geography/unit/{unit.pk}/change/").status_code == 200
