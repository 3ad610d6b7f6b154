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
