"""The inbox's "due soon" and "overdue" are what the clock says now: no command has to run first."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.test import Client
from django.utils import timezone

from motcua.desk.tests.test_inbox import INBOX_QUERIES
from motcua.dossiers import services
from motcua.dossiers.models import Applicant, Deadline, Dossier
from motcua.e2e.world import World, submit_birth


def _submitted(world: World, when: dt.datetime) -> Dossier:
    applicant = Applicant(kind=Applicant.Kind.CITIZEN, name=world.citizen.full_name,
                          id_number=world.citizen.id_number, address_unit=world.ward, user=world.citizen)
    return services.submit_online(world.citizen, world.birth, applicant, world.ward_center, at=when,
                                  competent_agency=world.ward_committee,
                                  documents=services.catalog_documents(world.birth))


def _late(world: World) -> Dossier:
    """Submitted and received a month ago: its due time has long passed."""
    long_ago = timezone.now() - dt.timedelta(days=30)
    dossier = _submitted(world, long_ago)
    services.receive_dossier(world.receptionist, dossier, at=long_ago + dt.timedelta(minutes=5))
    return dossier


def _counts(page: str, box: str) -> str:
    marker = f'href="?box={box}"'
    start = page.index(marker)
    pill = page.index('class="count-pill">', start) + len('class="count-pill">')
    return page[pill:page.index("<", pill)]


def test_an_overdue_dossier_is_counted_and_listed_without_a_sweep(client: Client, world: World) -> None:
    dossier = _late(world)
    assert Dossier.objects.get(pk=dossier.pk).deadline_state == Deadline.OK  # no sweep ever ran
    client.force_login(world.receptionist)
    page = client.get("/desk/?box=overdue").content.decode()
    assert _counts(page, "overdue") == "1"
    assert dossier.code in page
    assert "Quá hạn" in page


def test_the_specialist_sees_it_overdue_in_every_list(client: Client, world: World) -> None:
    dossier = _late(world)
    services.forward_dossier(world.receptionist, dossier)
    client.force_login(world.specialist)
    page = client.get("/desk/?box=to_process").content.decode()
    assert dossier.code in page and "badge due-overdue" in page
    assert _counts(page, "overdue") == "1"


def test_a_dossier_received_now_is_not_overdue(client: Client, world: World) -> None:
    dossier = submit_birth(world)
    services.receive_dossier(world.receptionist, dossier)
    client.force_login(world.receptionist)
    page = client.get("/desk/?box=overdue").content.decode()
    assert _counts(page, "overdue") == "0"
    assert dossier.code not in page


def test_an_online_dossier_waiting_too_long_for_acceptance_is_overdue_at_its_centre(
        client: Client, world: World, settings: Any) -> None:
    settings.MOTCUA_ACCEPTANCE_HOURS = 8
    waiting = _submitted(world, timezone.now() - dt.timedelta(days=10))
    fresh = submit_birth(world)
    client.force_login(world.receptionist)
    page = client.get("/desk/?box=overdue").content.decode()
    assert waiting.code in page and fresh.code not in page
    assert _counts(page, "overdue") == "1"
    # The receptionist of another centre does not see it at all.
    client.force_login(world.other_receptionist)
    assert waiting.code not in client.get("/desk/?box=overdue").content.decode()


def test_the_overdue_box_costs_no_more_queries(
        client: Client, world: World, django_assert_max_num_queries: Any) -> None:
    for _ in range(6):
        _late(world)
    client.force_login(world.receptionist)
    with django_assert_max_num_queries(INBOX_QUERIES):  # the same as every other box
        response = client.get("/desk/?box=overdue")
    assert response.content.decode().count("/desk/dossiers/") == 6


def test_the_api_reports_and_filters_the_deadline_as_of_now(client: Client, world: World) -> None:
    from motcua.api.tokens import issue_token

    late = _late(world)
    on_time = submit_birth(world)
    services.receive_dossier(world.receptionist, on_time)
    _token, raw = issue_token(world.receptionist, "Hệ thống thử nghiệm")
    api = Client(headers={"Authorization": f"Bearer {raw}"})
    response = api.get("/api/v1/dossiers?deadline=overdue")
    assert response.status_code == 200
    items = response.json()["items"]
    assert [item["code"] for item in items] == [late.code]
    assert items[0]["deadline_state"] == "overdue"


def test_the_apology_is_offered_only_before_the_due_time(world: World) -> None:
    from motcua.desk.workspace import allowed_actions

    late = _late(world)
    fresh = submit_birth(world)
    services.receive_dossier(world.receptionist, fresh)
    assert "apologize" not in allowed_actions(world.leader, Dossier.objects.get(pk=late.pk))
    assert "apologize" in allowed_actions(world.leader, Dossier.objects.get(pk=fresh.pk))
