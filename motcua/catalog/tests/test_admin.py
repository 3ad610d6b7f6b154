"""The admin a catalog manager uses: versions with everything inline, field → department."""

from __future__ import annotations

import pytest
from django.test import Client

from motcua.accounts.models import Role, User
from motcua.catalog.models import ProcedureVersion

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("catalog")]


@pytest.fixture
def manager_client(client: Client) -> Client:
    # A real catalog manager (staff through the role, catalog permissions only), not a superuser.
    user = User.objects.create_user("catalog-manager", password="a-long-password-1",
                                    role=Role.CATALOG_MANAGER)
    client.force_login(user)
    return client


def test_version_page_shows_channels_documents_legal_bases_and_process_steps(manager_client: Client) -> None:
    version = ProcedureVersion.objects.get(procedure__code="1.004194")
    response = manager_client.get(f"/admin/catalog/procedureversion/{version.pk}/change/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Tờ khai thay đổi thông tin cư trú." in html and "68/2020/QH14" in html
    assert "Thẩm định, xử lý hồ sơ" in html and 'name="channels-0-time_limit_value"' in html


@pytest.mark.parametrize("path", ["/admin/catalog/procedure/", "/admin/catalog/fielddepartment/",
                                  "/admin/catalog/procedureversion/?q=1.001193", "/admin/catalog/field/"])
def test_catalog_admin_lists_open(manager_client: Client, path: str) -> None:
    assert manager_client.get(path).status_code == 200
