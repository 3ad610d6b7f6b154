"""The public pages in chromium: search from the home page, the language switch both ways,
and no serious or critical axe-core violation on home, catalog, procedure, lookup and statistics."""

from __future__ import annotations

import re
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from motcua.e2e.accessibility import assert_accessible
from motcua.e2e.conftest import DESKTOP, PHONE, log_in
from motcua.e2e.world import PASSWORD, World, build_world

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def world(transactional_db: Any) -> World:
    return build_world()


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_search_from_the_home_page_finds_the_procedure(new_page: Any, world: World, viewport: Any) -> None:
    page: Page = new_page(viewport)
    page.goto("/")
    page.get_by_label("Bạn cần làm thủ tục gì?").fill("dang ky khai sinh")
    page.get_by_role("button", name="Tìm").click()
    expect(page).to_have_url(re.compile(r"/catalog/\?q=dang\+ky\+khai\+sinh$"))
    first = page.locator("table tbody tr").first
    expect(first).to_contain_text("Thủ tục đăng ký khai sinh")
    expect(first.get_by_role("link", name="Nộp trực tuyến")).to_be_visible()


def test_offline_procedure_offers_the_centre_not_online_submission(new_page: Any, world: World) -> None:
    page: Page = new_page(DESKTOP)
    page.goto("/catalog/?q=ket+hon")
    row = page.locator("table tbody tr", has_text="Thủ tục đăng ký kết hôn")
    expect(row.get_by_role("link", name="Nộp tại Trung tâm")).to_be_visible()
    expect(row.get_by_role("link", name="Nộp trực tuyến")).to_have_count(0)


def test_language_switch_goes_to_english_and_back(new_page: Any, world: World) -> None:
    page: Page = new_page(DESKTOP)
    page.goto("/catalog/1.001193/")
    page.get_by_label("Ngôn ngữ").select_option("en")
    page.get_by_role("button", name="Đổi").click()
    expect(page.locator("html")).to_have_attribute("lang", "en")
    assert page.url.endswith("/en/catalog/1.001193/")
    expect(page.locator("h1")).to_have_attribute("lang", "vi")  # the catalog's Vietnamese name
    page.get_by_label("Language").select_option("vi")
    page.get_by_role("button", name="Change").click()
    expect(page.locator("html")).to_have_attribute("lang", "vi")
    assert page.url.endswith("/catalog/1.001193/") and "/en/" not in page.url


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_public_pages_have_no_serious_accessibility_violation(new_page: Any, world: World,
                                                              viewport: Any) -> None:
    page: Page = new_page(viewport)
    for path in ("/", "/catalog/?q=khai+sinh", "/catalog/1.001193/", "/tra-cuu/", "/en/"):
        page.goto(path)
        assert_accessible(page)


def test_statistics_dashboard_has_no_serious_accessibility_violation(new_page: Any, world: World) -> None:
    page: Page = new_page(DESKTOP)
    log_in(page, world.leader.username, PASSWORD)
    page.goto("/stats/")
    expect(page.locator("h1")).to_be_visible()
    assert_accessible(page)
