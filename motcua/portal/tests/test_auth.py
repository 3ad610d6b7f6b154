from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from motcua.accounts.models import Role, User
from motcua.e2e.world import PASSWORD, World


@pytest.mark.django_db
def test_registering_creates_a_citizen_account_and_logs_in(client: Client) -> None:
    response = client.post("/accounts/register/", {
        "username": "thu.nguyen", "full_name": "Nguyễn Thị Thu", "id_number": "020190009999",
        "phone": "0912000111", "email": "",
        "password1": "mot-mat-khau-dai-2026", "password2": "mot-mat-khau-dai-2026",
    })
    assert response.status_code == 302
    user = User.objects.get(username="thu.nguyen")
    assert user.role == Role.CITIZEN and user.agency is None
    assert client.get("/portal/dossiers/").status_code == 200


@pytest.mark.django_db
def test_registering_refuses_an_id_number_that_is_not_12_digits(client: Client) -> None:
    response = client.post("/accounts/register/", {
        "username": "sai", "full_name": "Sai Số", "id_number": "12345",
        "password1": "mot-mat-khau-dai-2026", "password2": "mot-mat-khau-dai-2026",
    })
    assert response.status_code == 200
    assert "12 chữ số" in response.content.decode()
    assert not User.objects.filter(username="sai").exists()


def test_officers_land_on_their_inbox_and_citizens_on_the_portal(client: Client, world: World) -> None:
    response = client.post("/accounts/login/", {"username": "tiepnhan.dongkinh", "password": PASSWORD})
    assert response["Location"] == "/desk/"
    client.post("/accounts/logout/")
    response = client.post("/accounts/login/", {"username": "congdan", "password": PASSWORD})
    assert response["Location"] == "/portal/"


def test_logging_out_ends_the_session(client: Client, world: World) -> None:
    client.force_login(world.citizen)
    client.post("/accounts/logout/")
    assert client.get("/portal/dossiers/")["Location"].startswith("/accounts/login/")


@pytest.mark.django_db
def test_login_page_offers_configured_login_methods(client: Client, settings: Any) -> None:
    settings.MOTCUA_LOGIN_METHODS = [
        {"key": "vneid", "label": "Đăng nhập bằng VNeID", "url_name": "portal:lookup"},
        {"key": "missing", "label": "Không có", "url_name": "nowhere:start"},
    ]
    page = client.get("/accounts/login/").content.decode()
    assert "Đăng nhập bằng VNeID" in page
    assert "Không có" not in page


@pytest.mark.django_db
def test_pages_declare_their_language(client: Client) -> None:
    assert '<html lang="vi">' in client.get("/accounts/login/").content.decode()
    assert '<html lang="en">' in client.get("/en/accounts/login/").content.decode()
