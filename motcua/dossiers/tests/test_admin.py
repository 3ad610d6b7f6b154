"""The dossier admin shows, never changes: transitions only go through the services."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Permission
from django.test import Client

from motcua.accounts.models import Role, User
from motcua.dossiers import services
from motcua.dossiers.models import Dossier, DossierEvent, Status

from .conftest import World, at

CHANGELIST = "/admin/dossiers/dossier/"


@pytest.fixture
def received(world: World) -> Dossier:
    dossier = services.receive_new_dossier(
        world.receptionist, world.birth, world.applicant(), at=at("2026-03-02 08:00"),
        documents=services.catalog_documents(world.birth)
    )
    services.forward_dossier(world.receptionist, dossier, at=at("2026-03-02 08:30"))
    return dossier


@pytest.fixture
def other(world: World) -> Dossier:
    """A dossier of another commune's centre, submitted online (status 1)."""
    return services.submit_online(
        world.citizen, world.birth, world.applicant(name="Lò Văn Khác"), world.other_center,
        at=at("2026-03-02 07:00"), documents=services.catalog_documents(world.birth),
    )


@pytest.fixture
def admin_client(client: Client, db: None) -> Client:
    client.force_login(User.objects.create_superuser("quan.tri", password="a-long-password-1"))
    return client


def _staff_of(world: World, agency_user: User) -> Client:
    """An officer given staff status and only the permission to view dossiers."""
    agency_user.is_staff = True
    agency_user.save(update_fields=["is_staff"])
    agency_user.user_permissions.add(Permission.objects.get(codename="view_dossier"))
    client = Client()
    client.force_login(User.objects.get(pk=agency_user.pk))
    return client


def test_the_list_shows_code_procedure_status_agencies_due_and_a_masked_id(
    admin_client: Client, received: Dossier
) -> None:
    response = admin_client.get(CHANGELIST)
    html = response.content.decode()
    assert response.status_code == 200
    assert received.code in html and "1.001193" in html and "Đang xử lý" in html
    assert "Trung tâm Phục vụ hành chính công phường Đông Kinh" in html
    assert "UBND phường Đông Kinh" in html
    assert "********1234" in html
    assert "020190001234" not in html


def test_the_list_filters_by_status_and_agency_and_searches_by_code(
    admin_client: Client, received: Dossier, other: Dossier, world: World
) -> None:
    by_status = admin_client.get(CHANGELIST, {"status__exact": Status.SUBMITTED}).content.decode()
    assert other.code in by_status and received.code not in by_status
    by_agency = admin_client.get(CHANGELIST, {"receiving_agency__id__exact": world.ward_center.pk})
    assert received.code in by_agency.content.decode() and other.code not in by_agency.content.decode()
    searched = admin_client.get(CHANGELIST, {"q": received.code}).content.decode()
    assert received.code in searched and other.code not in searched


def test_the_detail_page_shows_steps_and_events_without_any_form_to_save(
    admin_client: Client, received: Dossier
) -> None:
    response = admin_client.get(f"{CHANGELIST}{received.pk}/change/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Thẩm định hồ sơ" in html  # a step
    assert "forward" in html and received.last_event_hash in html  # the events, read-only
    assert 'name="_save"' not in html and 'name="events-0-action"' not in html
    assert "020190001234" not in html and "0912345678" not in html


def test_nothing_can_be_added_changed_or_deleted_even_by_a_superuser(
    admin_client: Client, received: Dossier
) -> None:
    assert admin_client.get(f"{CHANGELIST}add/").status_code == 403
    assert admin_client.get(f"{CHANGELIST}{received.pk}/delete/").status_code == 403
    response = admin_client.post(f"{CHANGELIST}{received.pk}/change/", {"status": Status.RETURNED})
    assert response.status_code == 403
    deleted = admin_client.post(CHANGELIST, {"action": "delete_selected", "_selected_action": [received.pk]})
    assert deleted.status_code in (200, 302)
    fresh = Dossier.objects.get(pk=received.pk)
    assert fresh.status == Status.PROCESSING and fresh.revision == received.revision
    assert DossierEvent.objects.filter(dossier=received).count() == received.revision


def test_staff_of_an_agency_see_only_their_agencys_dossiers(
    world: World, received: Dossier, other: Dossier
) -> None:
    client = _staff_of(world, world.receptionist)
    html = client.get(CHANGELIST).content.decode()
    assert received.code in html and other.code not in html
    assert client.get(f"{CHANGELIST}{other.pk}/change/").status_code in (302, 404)
    assert client.get(f"{CHANGELIST}{received.pk}/change/").status_code == 200


def test_an_officer_without_staff_status_cannot_open_the_admin(world: World, received: Dossier) -> None:
    client = Client()
    client.force_login(User.objects.get(pk=world.specialist.pk))
    assert world.specialist.role == Role.SPECIALIST
    response = client.get(CHANGELIST)
    assert response.status_code == 302 and "/admin/login/" in response["Location"]


def test_the_deadline_filter_says_what_the_clock_says_now(
    admin_client: Client, world: World, received: Dossier, settings: object
) -> None:
    settings.MOTCUA_DUE_SOON_HOURS = 0  # type: ignore[attr-defined]  # nothing is "due soon"
    fresh = services.receive_new_dossier(world.receptionist, world.birth, world.applicant(name="Lò Thị Mới"),
        documents=services.catalog_documents(world.birth))
    overdue = admin_client.get(CHANGELIST, {"deadline": "overdue"}).content.decode()
    assert received.code in overdue and fresh.code not in overdue  # received in March 2026, never swept
    within = admin_client.get(CHANGELIST, {"deadline": "ok"}).content.decode()
    assert fresh.code in within and received.code not in within


def test_the_detail_page_flags_the_running_step_as_the_clock_says(
    admin_client: Client, received: Dossier
) -> None:
    # The specialist's step, started on 2 March 2026, is long past its due time: never swept.
    html = admin_client.get(f"{CHANGELIST}{received.pk}/change/").content.decode()
    lower = html.lower()
    steps = lower[lower.index("các bước xử lý"):lower.index("giao nhận hồ sơ (phiếu kiểm soát)")]
    assert "quá hạn" in steps
