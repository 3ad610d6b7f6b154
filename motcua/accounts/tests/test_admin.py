"""The user list in the admin masks ID numbers and phones."""

from __future__ import annotations

import pytest
from django.test import Client

from motcua.accounts import demo
from motcua.accounts.models import User

pytestmark = pytest.mark.usefixtures("lang_son")


def test_user_list_masks_id_numbers_and_phones() -> None:
    demo.ensure_demo_accounts()
    client = Client()
    client.force_login(User.objects.get(username="quantri"))
    response = client.get("/admin/accounts/user/")
    assert response.status_code == 200
    body = response.content.decode()
    assert "tiepnhan.dongkinh" in body
    assert "********1234" in body and "09******01" in body
    assert "020090001234" not in body and "0900000101" not in body


def test_an_exact_id_number_finds_the_citizen_without_showing_it() -> None:
    demo.ensure_demo_accounts()
    client = Client()
    client.force_login(User.objects.get(username="quantri"))
    body = client.get("/admin/accounts/user/", {"q": "020195005678"}).content.decode()
    assert "congdan.binh" in body and "congdan.an" not in body


def _admin() -> Client:
    demo.ensure_demo_accounts()
    client = Client()
    client.force_login(User.objects.get(username="quantri"))
    return client


def test_a_posted_id_number_search_never_puts_the_number_in_a_url() -> None:
    client = _admin()
    response = client.post("/admin/accounts/user/", {"private_search": "1", "q": "020195005678"})
    assert response.status_code == 302
    assert "020195005678" not in response["Location"] and "qs=" in response["Location"]
    page = client.get(response["Location"])
    body = page.content.decode()
    assert "congdan.binh" in body and "congdan.an" not in body
    assert "020195005678" not in body  # neither in the box, the links, nor the list
    assert "********5678" in body
    search_page = client.get("/admin/accounts/user/").content.decode()
    assert 'method="post" role="search"' in search_page


def test_the_user_form_never_shows_the_full_id_number_or_phone_and_blank_keeps_them() -> None:
    client = _admin()
    user = User.objects.get(username="congdan.binh")
    page = client.get(f"/admin/accounts/user/{user.pk}/change/").content.decode()
    assert user.id_number not in page and user.phone not in page
    assert "********5678" in page
    form = {"username": user.username, "role": user.role, "full_name": user.full_name, "is_active": "on",
            "id_number": "", "phone": "", "date_joined_0": "2026-01-01", "date_joined_1": "08:00:00"}
    response = client.post(f"/admin/accounts/user/{user.pk}/change/", form)
    assert response.status_code == 302, response.content.decode()[:2000]
    user.refresh_from_db()
    assert user.id_number == "020195005678" and user.phone
    client.post(f"/admin/accounts/user/{user.pk}/change/", {**form, "id_number": "020195009999"})
    user.refresh_from_db()
    assert user.id_number == "020195009999"
