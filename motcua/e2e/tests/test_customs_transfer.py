"""A customs procedure handed in at a commune centre goes to the customs office, in chromium.

The receptionist of phường Đông Kinh's centre receives 1.012839 (tham vấn trị giá hải quan,
decided by "Chi cục Hải quan khu vực") at the counter and forwards it; the dossier keeps the
centre's code, its deciding agency and processing steps are the customs office, and the
customs specialist finds it in the work list.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import expect

from motcua.accounts.models import Role
from motcua.agencies.models import Agency
from motcua.catalog.importer import import_catalog
from motcua.dossiers.models import Dossier
from motcua.e2e.conftest import DESKTOP, log_in
from motcua.e2e.world import PASSWORD, World, _user, build_world

pytestmark = pytest.mark.django_db(transaction=True)

FIXTURE = Path(__file__).resolve().parents[2] / "catalog" / "fixtures" / "central_agencies.jsonl"
CUSTOMS_NAME = "Chi cục Hải quan khu vực quản lý tỉnh Lạng Sơn"


@pytest.fixture
def world(transactional_db: Any) -> World:
    world = build_world()
    customs = Agency.objects.create(code="000.00.41.H37", name=CUSTOMS_NAME, kind=Agency.Kind.CUSTOMS,
                                    unit=world.province)
    _user("chuyenvien.haiquan", Role.SPECIALIST, customs, "Vi Văn Thành")
    import_catalog(FIXTURE, effective=dt.date(2025, 7, 1))
    return world


def test_a_customs_dossier_received_at_a_commune_centre_is_transferred_to_customs(
        new_page: Any, world: World) -> None:
    desk = new_page(DESKTOP)
    log_in(desk, "tiepnhan.dongkinh", PASSWORD)
    desk.goto("/desk/counter/1.012839/")
    desk.get_by_label("Họ và tên người nộp").fill("Hoàng Văn Nam")
    desk.get_by_label("Số định danh cá nhân").fill("020188004455")
    desk.get_by_label("Số điện thoại").fill("0915000111")
    desk.locator('input[type="checkbox"][name^="brought_"]').first.check()  # the contract and invoices
    desk.get_by_role("button", name="Tiếp nhận và lập giấy hẹn").click()
    desk.wait_for_load_state()

    dossier = Dossier.objects.select_related("competent_agency").get()
    expect(desk.get_by_role("heading", level=1)).to_contain_text(dossier.code)
    facts = desk.locator("dl.facts")
    expect(facts).to_contain_text(CUSTOMS_NAME)
    expect(facts).to_contain_text("Trung tâm Phục vụ hành chính công phường Đông Kinh")
    assert dossier.code.startswith(world.ward_center.code + "-")
    assert dossier.competent_agency.kind == Agency.Kind.CUSTOMS
    steps = dossier.steps.select_related("agency")
    deciding = {s.role: s.agency.code for s in steps if s.role != "receptionist"}
    assert deciding == {"specialist": "000.00.41.H37", "leader": "000.00.41.H37"}

    # The centre hands it over; the customs specialist finds it under the same code.
    desk.locator("summary", has_text="Chuyển bước tiếp theo").click()
    desk.get_by_role("button", name="Xác nhận: Chuyển bước tiếp theo").click()
    desk.wait_for_load_state()
    customs = new_page(DESKTOP)
    log_in(customs, "chuyenvien.haiquan", PASSWORD)
    customs.goto("/desk/?box=to_process")
    expect(customs.get_by_role("link", name=dossier.code)).to_be_visible()
    assert Dossier.objects.get().code == dossier.code
