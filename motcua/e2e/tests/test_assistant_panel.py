"""The assistant's chat panel on the portal, in chromium: a documents answer with its link, and
the status of a dossier shown only after its code and the applicant's ID number."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import expect

from motcua.e2e.accessibility import assert_accessible
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

    # "How do I register a birth?": the overview, with the documents to bring.
    panel.get_by_label("Câu hỏi của bạn").fill("Tôi muốn làm giấy khai sinh cho con thì phải làm sao?")
    panel.get_by_role("button", name="Gửi câu hỏi").click()
    expect(log).to_contain_text("Giấy tờ cần có (theo danh mục):")
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


KIOSK = {"width": 1080, "height": 1920}


def _px(page: Any, selector: str, prop: str) -> float:
    value = page.eval_on_selector(selector, f"e => getComputedStyle(e).getPropertyValue('{prop}')")
    return float(str(value).removesuffix("px"))


def test_the_lookup_kiosk_carries_the_assistant_in_large_type_with_finger_sized_targets(
        new_page: Any, world: World) -> None:
    dossier = submit_birth(world)
    page = new_page(KIOSK)
    page.goto(f"/centre/{world.ward_center.code}/tra-cuu/")
    panel = page.locator("#assistant-panel")
    log = panel.get_by_role("log")
    expect(panel).to_have_class("assistant-panel assistant-kiosk")

    # Touch screen read standing: large type, targets a finger hits, nothing off the screen sideways.
    send = panel.get_by_role("button", name="Gửi câu hỏi")
    box = send.bounding_box()
    assert box is not None and box["height"] >= 64
    question = panel.get_by_label("Câu hỏi của bạn")
    box = question.bounding_box()
    assert box is not None and box["height"] >= 64
    assert _px(page, "#assistant-question", "font-size") >= 24
    assert _px(page, "#assistant-panel .assistant-log", "font-size") >= 24

    question.fill("lệ phí đăng ký khai sinh là bao nhiêu")
    send.click()
    expect(log).to_contain_text("Phí, lệ phí")
    link = log.get_by_role("link", name="Thủ tục đăng ký khai sinh (1.001193)")
    expect(link).to_have_attribute("href", "/catalog/1.001193/")
    box = link.bounding_box()
    assert box is not None and box["height"] >= 48
    assert page.evaluate("document.documentElement.scrollWidth") <= KIOSK["width"]

    # The status of a dossier: only with its code and the applicant's ID number, never shown back.
    question.fill("hồ sơ của tôi đến đâu rồi?")
    send.click()
    expect(log).to_contain_text("hãy cho tôi biết mã hồ sơ")
    status_button = panel.get_by_role("button", name="Xem tình trạng")
    box = status_button.bounding_box()
    assert box is not None and box["height"] >= 64
    panel.get_by_label("Mã hồ sơ").fill(dossier.code)
    panel.get_by_label("Số định danh của người nộp").fill(CITIZEN_ID)
    status_button.click()
    expect(log).to_contain_text("Trạng thái: Mới đăng ký")
    expect(log).not_to_contain_text(CITIZEN_ID)
    expect(panel.get_by_label("Số định danh của người nộp")).to_have_value("")
    assert_accessible(page)
    screenshot(page, "kiosk-assistant")
