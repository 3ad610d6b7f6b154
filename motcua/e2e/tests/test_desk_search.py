"""The desk on a busy day in chromium: an officer finds a dossier by the applicant's ID number
(typed in groups, shown masked) at phone and desktop widths; inbox and dossier page pass axe-core."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import Page, expect

from motcua.e2e.accessibility import assert_accessible
from motcua.e2e.conftest import DESKTOP, PHONE, log_in
from motcua.e2e.world import PASSWORD, World, build_world, submit_birth

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def world(transactional_db: Any) -> World:
    return build_world()


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_the_desk_finds_a_dossier_by_id_number(new_page: Any, world: World, viewport: Any) -> None:
    mine = submit_birth(world)
    other = submit_birth(world, world.other_citizen)
    page: Page = new_page(viewport)
    log_in(page, world.receptionist.username, PASSWORD)
    page.goto("/desk/?box=all")
    expect(page.get_by_text("Có 2 hồ sơ.")).to_be_visible()
    number = world.citizen.id_number
    page.get_by_label("Tìm hồ sơ").fill(f"{number[:3]} {number[3:6]} {number[6:]}")
    page.get_by_role("button", name="Tìm", exact=True).click()
    expect(page.get_by_text("Có 1 hồ sơ.")).to_be_visible()
    link = page.get_by_role("link", name=mine.code)
    expect(link).to_be_visible()
    expect(page.get_by_role("link", name=other.code)).to_have_count(0)
    expect(page.locator("table")).to_contain_text("********" + number[-4:])
    # The code stays on one line: its box is one line high.
    box = link.bounding_box()
    assert box is not None
    line_height = link.evaluate("e => parseFloat(getComputedStyle(e).lineHeight) || 24")
    assert box["height"] < 1.6 * line_height
    assert number not in page.content()
    link.click()
    expect(page.locator("h1")).to_contain_text(mine.code)


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_desk_inbox_and_dossier_page_have_no_serious_accessibility_violation(
        new_page: Any, world: World, viewport: Any) -> None:
    dossier = submit_birth(world)
    page: Page = new_page(viewport)
    log_in(page, world.receptionist.username, PASSWORD)
    for path in ("/desk/?box=to_receive", "/desk/?box=all&q=khong+co", f"/desk/dossiers/{dossier.code}/"):
        page.goto(path)
        expect(page.locator("h1")).to_be_visible()
        assert_accessible(page)
