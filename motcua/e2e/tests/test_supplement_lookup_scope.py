"""A supplement round trip, the public lookup by code, scoping and keyboard use, in chromium."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import expect

from motcua.dossiers import services
from motcua.dossiers.models import Dossier, Status
from motcua.e2e.conftest import DESKTOP, log_in
from motcua.e2e.world import CITIZEN_ID, PASSWORD, PDF_BYTES, World, build_world, submit_birth

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def world(transactional_db: Any) -> World:
    return build_world()


@pytest.fixture
def in_processing(world: World) -> Dossier:
    """Submitted online, received by the desk and forwarded: the specialist holds it."""
    dossier = submit_birth(world)
    services.receive_dossier(world.receptionist, dossier)
    services.forward_dossier(world.receptionist, dossier)
    return dossier


def test_a_supplement_round_trip(new_page: Any, world: World, in_processing: Dossier) -> None:
    code = in_processing.code
    specialist = new_page(DESKTOP)
    log_in(specialist, "chuyenvien.dongkinh", PASSWORD)
    specialist.goto(f"/desk/dossiers/{code}/")
    specialist.locator("summary", has_text="Yêu cầu bổ sung hồ sơ").click()
    form = specialist.locator("details[open]")
    form.get_by_label("Giấy tờ cần bổ sung (mỗi dòng một giấy tờ)").fill("Giấy chứng sinh bản rõ nét")
    form.get_by_label("Lý do:", exact=True).fill("Bản chụp giấy chứng sinh bị mờ")
    specialist.get_by_role("button", name="Xác nhận: Yêu cầu bổ sung hồ sơ").click()
    expect(specialist.get_by_role("status")).to_contain_text("Đã gửi yêu cầu bổ sung")
    expect(specialist.locator(".badge").first).to_have_text("Yêu cầu bổ sung giấy tờ")

    citizen = new_page()
    log_in(citizen, "congdan", PASSWORD)
    citizen.goto(f"/portal/dossiers/{code}/")
    request = citizen.get_by_role("region", name="Yêu cầu bổ sung hồ sơ")
    expect(request).to_contain_text("Bản chụp giấy chứng sinh bị mờ")
    citizen.get_by_label("Giấy chứng sinh bản rõ nét").set_input_files(
        {"name": "ro-net.pdf", "mimeType": "application/pdf", "buffer": PDF_BYTES})
    citizen.get_by_role("button", name="Gửi hồ sơ bổ sung").click()
    expect(citizen.get_by_role("status")).to_contain_text("Đã gửi hồ sơ bổ sung")
    expect(citizen.locator(".badge").first).to_have_text("Đang xử lý")
    in_processing.refresh_from_db()
    assert in_processing.status == Status.PROCESSING and in_processing.supplement_count == 1

    # The specialist finds it back in the work list, the supplement answered.
    specialist.goto("/desk/?box=to_process")
    expect(specialist.get_by_role("link", name=code)).to_be_visible()


def test_the_public_lookup_by_code(new_page: Any, world: World) -> None:
    dossier = submit_birth(world)
    services.receive_dossier(world.receptionist, dossier)
    anyone = new_page()
    anyone.goto(f"/tra-cuu/?code={dossier.code}")  # what the QR code on the receipt opens
    expect(anyone.get_by_label("Mã hồ sơ")).to_have_value(dossier.code)
    anyone.get_by_label("Số định danh cá nhân hoặc mã số thuế của người nộp").fill("020199999999")
    anyone.get_by_role("button", name="Tra cứu").click()
    expect(anyone.get_by_role("alert")).to_contain_text("Không tìm thấy hồ sơ")
    anyone.get_by_label("Số định danh cá nhân hoặc mã số thuế của người nộp").fill(CITIZEN_ID)
    anyone.get_by_role("button", name="Tra cứu").click()
    result = anyone.locator("#lookup-result")
    expect(result).to_contain_text("Được tiếp nhận")
    expect(result).to_contain_text("Thủ tục đăng ký khai sinh")


def test_a_receptionist_of_another_commune_cannot_open_the_dossier(new_page: Any, world: World) -> None:
    dossier = submit_birth(world)
    other = new_page(DESKTOP)
    log_in(other, "tiepnhan.dongdang", PASSWORD)
    expect(other.get_by_role("link", name=dossier.code)).to_have_count(0)
    response = other.goto(f"/desk/dossiers/{dossier.code}/")
    assert response is not None and response.status == 404
    response = other.goto(f"/desk/dossiers/{dossier.code}/slips/receipt.pdf")
    assert response is not None and response.status == 404


def test_the_portal_works_from_the_keyboard_and_labels_every_control(new_page: Any, world: World) -> None:
    citizen = new_page()
    log_in(citizen, "congdan", PASSWORD)
    citizen.goto("/portal/submit/1.001193/")
    # The first Tab reaches the skip link, which is then visible and outlined.
    citizen.keyboard.press("Tab")
    skip = citizen.get_by_role("link", name="Bỏ qua, tới nội dung chính")
    expect(skip).to_be_focused()
    assert skip.evaluate("a => getComputedStyle(a).outlineStyle") != "none"
    citizen.keyboard.press("Enter")
    expect(citizen.locator("main")).to_be_focused()
    unlabeled = citizen.evaluate("""() => [...document.querySelectorAll('input, select, textarea')]
        .filter(e => e.type !== 'hidden' && e.labels.length === 0 && !e.getAttribute('aria-label'))
        .map(e => e.name)""")
    assert unlabeled == []
    assert citizen.evaluate("document.documentElement.lang") == "vi"
