"""A birth registration (1.001193) cannot be submitted without the birth certificate.

The browser is told which documents are required, but the rule is the server's
(`dossiers.services.submit_online`): with the browser's check switched off, the citizen is
still refused, with the missing document named; with it attached, the dossier goes through.
"""

from __future__ import annotations

import re
from typing import Any

import pytest
from playwright.sync_api import expect

from motcua.dossiers.models import Dossier, DossierFile, Status
from motcua.e2e.conftest import log_in
from motcua.e2e.world import PASSWORD, PDF_BYTES, World, build_world

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def world(transactional_db: Any) -> World:
    return build_world()


def _scan(name: str) -> dict[str, Any]:
    return {"name": name, "mimeType": "application/pdf", "buffer": PDF_BYTES}


def test_a_birth_registration_needs_the_birth_certificate(new_page: Any, world: World) -> None:
    citizen = new_page()
    log_in(citizen, "congdan", PASSWORD)
    expect(citizen).to_have_url(re.compile(r"/portal/$"))
    citizen.goto("/portal/submit/1.001193/")
    citizen.get_by_label("Tờ khai đăng ký khai sinh theo mẫu").set_input_files(_scan("to-khai.pdf"))
    # No silent default centre for a first submission (issue #19): the citizen chooses.
    citizen.get_by_label("Nơi tiếp nhận hồ sơ").select_option(label=world.ward_center.name)
    citizen.get_by_label("Tôi cam đoan", exact=False).check()
    # The browser would stop here (the slot is `required`); switch its check off, as an old
    # browser or a hand-made request would, so that only the server decides.
    citizen.evaluate("document.querySelector('form.stacked').noValidate = true")
    citizen.get_by_role("button", name="Nộp hồ sơ").click()

    alert = citizen.get_by_role("alert")
    expect(alert).to_contain_text("Hồ sơ còn thiếu giấy tờ bắt buộc: Giấy chứng sinh.")
    expect(alert).not_to_contain_text("Tờ khai")
    assert not Dossier.objects.exists() and not DossierFile.objects.exists()

    # The form comes back: attach both documents and submit again.
    citizen.get_by_label("Tờ khai đăng ký khai sinh theo mẫu").set_input_files(_scan("to-khai.pdf"))
    citizen.get_by_label("Giấy chứng sinh").set_input_files(_scan("giay-chung-sinh.pdf"))
    citizen.get_by_label("Tôi cam đoan", exact=False).check()
    citizen.get_by_role("button", name="Nộp hồ sơ").click()
    expect(citizen.get_by_role("heading", level=1)).to_have_text("Đã nộp hồ sơ")

    dossier = Dossier.objects.get()
    assert dossier.status == Status.SUBMITTED
    assert sorted(d.name for d in dossier.documents.all()) == [
        "Giấy chứng sinh",
        "Tờ khai đăng ký khai sinh theo mẫu",
    ]
    assert dossier.files.filter(document__isnull=False).count() == 2
