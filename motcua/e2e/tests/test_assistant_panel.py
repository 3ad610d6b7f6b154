"""The assistant's chat panel on the portal, in chromium: a documents answer with its link, and
the status of a dossier shown only after its code and the applicant's ID number."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import expect

from motcua.e2e.conftest import screenshot
from motcua.e2e.world import CITIZEN_ID, World, build_world, submit_birth

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def world(transactional_db: Any) -> World:
    return build_world()


def test_a_citizen_asks_the_portal_assistant_about_birth_registration_and_a_dossier(
        new_page: Any, world: World) -> None:
    dossier = submit_birth(world)
    page = new_page()
    page.goto("/portal/")
    panel = page.locator("#assistant-panel")
    log = panel.get_by_role("log")

    panel.get_by_label("Câu hỏi của bạn").fill("làm giấy khai sinh cho con cần giấy tờ gì")
    panel.get_by_role("button", name="Gửi câu hỏi").click()
    expect(log).to_contain_text("Giấy chứng sinh")
    expect(log).to_contain_text("Tờ khai đăng ký khai sinh theo mẫu")
    link = log.get_by_role("link", name="Thủ tục đăng ký khai sinh (1.001193)")
    expect(link).to_have_attribute("href", "/catalog/1.001193/")

    # The status needs the dossier code and the ID number: nothing is shown before.
    panel.get_by_label("Câu hỏi của bạn").fill("hồ sơ của tôi đến đâu rồi?")
    panel.get_by_role("button", name="Gửi câu hỏi").click()
    expect(log).to_contain_text("hãy cho tôi biết mã hồ sơ")
    expect(log).not_to_contain_text("Mới đăng ký")
    panel.get_by_label("Mã hồ sơ").fill(dossier.code)
    panel.get_by_label("Số định danh của người nộp").fill("001099000000")
    panel.get_by_role("button", name="Xem tình trạng").click()
    expect(log).to_contain_text("Không tìm thấy hồ sơ")
    expect(log).not_to_contain_text("Mới đăng ký")

    panel.get_by_label("Mã hồ sơ").fill(dossier.code)
    panel.get_by_label("Số định danh của người nộp").fill(CITIZEN_ID)
    panel.get_by_role("button", name="Xem tình trạng").click()
    expect(log).to_contain_text("Trạng thái: Mới đăng ký")
    expect(log).not_to_contain_text(CITIZEN_ID)
    screenshot(page, "portal-assistant")
