"""In chromium: a receptionist certifies an electronic copy, anyone verifies it at /xac-thuc/, and the
citizen finds it in "Kho dữ liệu của tôi" and hides it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import expect

from motcua.documents import pki
from motcua.e2e.conftest import log_in, screenshot
from motcua.e2e.world import CITIZEN_ID, PASSWORD, World, build_world
from motcua.ecopy.tests.scans import original

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def world(transactional_db: Any, settings: Any, tmp_path: Path) -> World:
    settings.MOTCUA_PKI_DIR = tmp_path / "pki"
    settings.MOTCUA_TSA_URL = ""
    world = build_world()
    pki.init_pki([(world.ward_center.code, world.ward_center.name)], "CA Tỉnh Lạng Sơn")
    return world


def test_certified_copy_is_verified_publicly_and_kept_in_the_citizens_warehouse(
        new_page: Any, world: World, tmp_path: Path) -> None:
    scan = tmp_path / "ban-chinh.pdf"
    scan.write_bytes(original(3)[0][1])

    desk = new_page()
    log_in(desk, world.receptionist.username, PASSWORD)
    desk.get_by_role("link", name="Chứng thực điện tử").click()
    desk.get_by_role("link", name="Chứng thực bản sao từ bản chính").click()
    desk.get_by_label("Tên giấy tờ (bản chính)").fill("Bằng tốt nghiệp THPT")
    desk.get_by_label("Họ tên người yêu cầu chứng thực").fill("Nguyễn Thị Hồng Nhung")
    desk.get_by_label("Số định danh cá nhân của người yêu cầu").fill(CITIZEN_ID)
    desk.get_by_label("Số trang của bản chính").fill("3")
    desk.get_by_label("Số bản sao").fill("2")
    desk.get_by_label("Bản quét của bản chính").set_input_files(str(scan))
    desk.get_by_role("button", name="Chứng thực và ký số").click()
    expect(desk.get_by_role("heading", level=1)).to_contain_text("Bản sao chứng thực số 1")
    expect(desk.locator("dl.facts")).to_contain_text("10.000 đồng")
    screenshot(desk, "ecopy-detail")
    with desk.expect_download() as download:
        desk.get_by_role("link", name="Tải bản sao đã ký số").click()
    signed = tmp_path / "ban-sao.pdf"
    download.value.save_as(signed)

    public = new_page()
    public.goto("/xac-thuc/")
    public.get_by_label("Tệp PDF cần xác thực").set_input_files(str(signed))
    public.get_by_role("button", name="Xác thực", exact=True).click()
    expect(public.locator(".card")).to_contain_text("Hợp lệ")
    expect(public.locator(".card")).to_contain_text(world.ward_center.name)
    screenshot(public, "verify-valid")

    citizen = new_page()
    log_in(citizen, world.citizen.username, PASSWORD)
    citizen.get_by_role("link", name="Kho dữ liệu của tôi").click()
    row = citizen.get_by_role("row", name="Bằng tốt nghiệp THPT")
    expect(row).to_contain_text("Bản sao chứng thực điện tử")
    row.get_by_role("button", name="Ẩn").click()
    hidden = citizen.get_by_role("row", name="Bằng tốt nghiệp THPT")
    expect(hidden).to_contain_text("đang ẩn")
    # Issued by the administration: it can be hidden, not deleted.
    expect(hidden.get_by_role("button", name="Xóa")).to_have_count(0)
    screenshot(citizen, "warehouse")
