"""A failed online submission keeps its files (issue #19), at phone and desktop widths: the form comes
back with each file shown as attached, the citizen corrects the field and submits without choosing
the files again. The submission page passes axe-core before and after the failure."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import FilePayload, Page, expect

from motcua.dossiers.models import Dossier
from motcua.e2e.accessibility import assert_accessible
from motcua.e2e.conftest import DESKTOP, PHONE, log_in
from motcua.e2e.world import CITIZEN_ID, PASSWORD, PDF_BYTES, World, build_world

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def world(transactional_db: Any) -> World:
    return build_world()


def _scan(name: str) -> FilePayload:
    return {"name": name, "mimeType": "application/pdf", "buffer": PDF_BYTES}


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_a_failed_submission_keeps_its_files(new_page: Any, world: World, viewport: Any) -> None:
    citizen: Page = new_page(viewport)
    log_in(citizen, "congdan", PASSWORD)
    citizen.goto("/portal/submit/1.001193/")
    expect(citizen.get_by_text("Tệp đính kèm: PDF, JPEG hoặc PNG, mỗi tệp tối đa 10 MB.")).to_be_visible()
    assert_accessible(citizen)
    citizen.get_by_label("Số định danh cá nhân").fill(CITIZEN_ID + "9")  # 13 digits: refused by the server
    citizen.get_by_label("Nơi tiếp nhận hồ sơ").select_option(label=world.ward_center.name)
    citizen.get_by_label("Tờ khai đăng ký khai sinh theo mẫu").set_input_files(_scan("to-khai.pdf"))
    citizen.get_by_label("Giấy chứng sinh").set_input_files(_scan("giay-chung-sinh.pdf"))
    citizen.get_by_label("Tôi cam đoan", exact=False).check()
    citizen.get_by_role("button", name="Nộp hồ sơ").click()

    expect(citizen.get_by_role("alert")).to_be_visible()
    expect(citizen.get_by_text("số bạn nhập có 13 chữ số")).to_be_visible()
    held = citizen.locator(".held-file")
    expect(held).to_have_count(2)
    expect(held.filter(has_text="to-khai.pdf")).to_have_count(1)
    expect(held.filter(has_text="giay-chung-sinh.pdf")).to_have_count(1)
    assert not Dossier.objects.exists()
    assert_accessible(citizen)

    # Typed in groups this time; no file chosen again.
    citizen.get_by_label("Số định danh cá nhân").fill(f"{CITIZEN_ID[:4]} {CITIZEN_ID[4:8]} {CITIZEN_ID[8:]}")
    citizen.get_by_label("Tôi cam đoan", exact=False).check()
    citizen.get_by_role("button", name="Nộp hồ sơ").click()
    expect(citizen.get_by_role("heading", level=1)).to_have_text("Đã nộp hồ sơ")
    dossier = Dossier.objects.get()
    assert dossier.applicant.id_number == CITIZEN_ID
    assert sorted(f.original_name for f in dossier.files.all()) == ["giay-chung-sinh.pdf", "to-khai.pdf"]
