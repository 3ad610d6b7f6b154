"""Sign-in through the national identity in chromium: a real local OpenID provider
(oidc-provider under node) in front of the live server; the citizen lands on "Hồ sơ của tôi"."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from motcua.e2e.conftest import DESKTOP
from motcua.e2e.oidc import Provider, running_provider
from motcua.e2e.world import CITIZEN_ID, World, build_world, submit_birth

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def world(transactional_db: Any) -> World:
    return build_world()


@pytest.fixture
def provider(live_server: Any, settings: Any) -> Iterator[Provider]:
    accounts = {
        "nhung.vneid": {"name": "Nguyễn Thị Hồng Nhung", "id_number": CITIZEN_ID},
        "moi.vneid": {"name": "Phạm Quốc Việt", "id_number": "020195007788"},
    }
    with running_provider([f"{live_server.url}/oidc/callback/"], accounts) as running:
        for name, value in running.settings().items():
            setattr(settings, name, value)
        yield running


def _sign_in_at_the_provider(page: Page, login: str) -> None:
    page.get_by_role("link", name="Đăng nhập bằng tài khoản định danh điện tử (VNeID)").click()
    page.locator('input[name="login"]').fill(login)
    page.locator('input[name="password"]').fill("mat-khau-tai-nha-cung-cap")
    page.get_by_role("button", name="Sign-in").click()
    page.get_by_role("button", name="Continue").click()  # the provider's consent page
    page.wait_for_load_state()


def test_a_citizen_signs_in_with_the_national_identity_and_lands_on_my_dossiers(
    new_page: Any, world: World, provider: Provider
) -> None:
    dossier = submit_birth(world)
    page: Page = new_page(DESKTOP)
    page.goto("/accounts/login/")
    _sign_in_at_the_provider(page, "nhung.vneid")
    expect(page).to_have_url(re.compile(r"/portal/dossiers/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Hồ sơ của tôi")
    expect(page.get_by_text(dossier.code)).to_be_visible()  # the account with that ID number


def test_a_first_sign_in_creates_the_citizen_account_and_keeps_where_they_were_going(
    new_page: Any, world: World, provider: Provider
) -> None:
    page: Page = new_page(DESKTOP)
    page.goto("/portal/submit/1.001193/")  # needs a signed-in citizen: to the login page first
    expect(page).to_have_url(re.compile(r"/accounts/login/\?next="))
    _sign_in_at_the_provider(page, "moi.vneid")
    expect(page).to_have_url(re.compile(r"/portal/submit/1\.001193/$"))
    expect(page.get_by_label("Họ và tên người nộp")).to_have_value("Phạm Quốc Việt")
    expect(page.locator("input[name=id_number]")).to_have_value("020195007788")
