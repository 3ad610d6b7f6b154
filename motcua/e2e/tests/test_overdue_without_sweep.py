"""An overdue dossier is flagged in the officers' inbox without anyone running a command."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from motcua.dossiers import services
from motcua.dossiers.models import Applicant, Deadline, Dossier
from motcua.e2e.conftest import DESKTOP, log_in
from motcua.e2e.world import PASSWORD, World, build_world, submit_birth

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def world(transactional_db: Any) -> World:
    return build_world()


@pytest.fixture
def late(world: World) -> Dossier:
    """Submitted and received a month ago (the services' `at=`), forwarded to the specialist."""
    long_ago = timezone.now() - dt.timedelta(days=30)
    applicant = Applicant(kind=Applicant.Kind.CITIZEN, name=world.citizen.full_name,
                          id_number=world.citizen.id_number, address_unit=world.ward, user=world.citizen)
    dossier = services.submit_online(world.citizen, world.birth, applicant, world.ward_center, at=long_ago,
                                     competent_agency=world.ward_committee,
                                     documents=services.catalog_documents(world.birth))
    services.receive_dossier(world.receptionist, dossier, at=long_ago + dt.timedelta(minutes=5))
    services.forward_dossier(world.receptionist, dossier, at=long_ago + dt.timedelta(minutes=10))
    return dossier


def test_an_overdue_dossier_is_counted_and_listed_without_any_command(
        new_page: Any, world: World, late: Dossier) -> None:
    on_time = submit_birth(world)
    services.receive_dossier(world.receptionist, on_time)
    assert Dossier.objects.get(pk=late.pk).deadline_state == Deadline.OK  # no sweep has ever run

    page = new_page(DESKTOP)
    log_in(page, "chuyenvien.dongkinh", PASSWORD)
    page.goto("/desk/?box=to_process")
    overdue_tab = page.get_by_role("link", name="Quá hạn")
    expect(overdue_tab.locator(".count-pill")).to_have_text("1")
    row = page.get_by_role("row").filter(has=page.get_by_role("link", name=late.code))
    expect(row.locator(".badge.due-overdue")).to_have_text("Quá hạn")

    overdue_tab.click()
    expect(page.get_by_role("link", name=late.code)).to_be_visible()
    expect(page.get_by_role("link", name=on_time.code)).to_have_count(0)

    # The dossier page says it too.
    page.get_by_role("link", name=late.code).click()
    expect(page.locator(".badge.due-overdue")).to_have_text("Quá hạn")
