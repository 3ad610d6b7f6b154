from __future__ import annotations

from typing import Any

from django.test import Client

from motcua.dossiers import services
from motcua.e2e.world import World, advance_to_result_ready, submit_birth

INBOX_QUERIES = 7


def test_citizens_cannot_open_the_desk(client: Client, world: World) -> None:
    client.force_login(world.citizen)
    assert client.get("/desk/").status_code == 403


def test_the_receptionist_sees_online_submissions_to_receive(client: Client, world: World) -> None:
    dossier = submit_birth(world)
    client.force_login(world.receptionist)
    response = client.get("/desk/?box=to_receive")
    page = response.content.decode()
    assert dossier.code in page
    assert "Chờ tiếp nhận" in page
    assert world.citizen.id_number not in page  # masked in lists
    assert "********1234" in page


def test_a_receptionist_of_another_commune_sees_none_of_them(client: Client, world: World) -> None:
    dossier = submit_birth(world)
    client.force_login(world.other_receptionist)
    for box in ("to_receive", "all"):
        assert dossier.code not in client.get(f"/desk/?box={box}").content.decode()


def test_each_role_finds_the_dossier_in_its_own_box(client: Client, world: World) -> None:
    dossier = submit_birth(world)
    services.receive_dossier(world.receptionist, dossier)
    services.forward_dossier(world.receptionist, dossier)
    client.force_login(world.specialist)
    assert dossier.code in client.get("/desk/?box=to_process").content.decode()
    services.mark_result_ready(world.specialist, dossier, "Giấy khai sinh")
    assert dossier.code not in client.get("/desk/?box=to_process").content.decode()
    client.force_login(world.leader)
    assert dossier.code in client.get("/desk/?box=to_approve").content.decode()


def test_results_ready_wait_at_the_desk_to_be_returned(client: Client, world: World) -> None:
    dossier = advance_to_result_ready(world, submit_birth(world))
    client.force_login(world.receptionist)
    assert dossier.code in client.get("/desk/?box=to_return").content.decode()


def test_an_unknown_box_is_not_found(client: Client, world: World) -> None:
    client.force_login(world.specialist)
    assert client.get("/desk/?box=to_receive").status_code == 404


def test_the_inbox_query_count_does_not_grow_with_the_dossiers(
        client: Client, world: World, django_assert_max_num_queries: Any) -> None:
    for _ in range(12):
        submit_birth(world)
    client.force_login(world.receptionist)
    # session + user, the counts of every tab in one query, the officer's agency (page header),
    # the page's count, the procedures of the filter, the page of the list with its joins.
    with django_assert_max_num_queries(INBOX_QUERIES):
        response = client.get("/desk/?box=to_receive")
    assert response.content.decode().count("/desk/dossiers/") == 12


def test_the_specialist_inbox_query_count(
        client: Client, world: World, django_assert_max_num_queries: Any) -> None:
    for _ in range(5):
        dossier = submit_birth(world)
        services.receive_dossier(world.receptionist, dossier)
        services.forward_dossier(world.receptionist, dossier)
    client.force_login(world.specialist)
    with django_assert_max_num_queries(INBOX_QUERIES):
        response = client.get("/desk/?box=to_process")
    assert response.content.decode().count("/desk/dossiers/") == 5


def test_a_searched_filtered_later_page_costs_the_same_queries(
        client: Client, world: World, django_assert_max_num_queries: Any, monkeypatch: Any) -> None:
    from motcua.desk import views as desk_views

    monkeypatch.setattr(desk_views, "INBOX_PAGE_SIZE", 3)
    for _ in range(7):
        submit_birth(world)
    procedure = world.birth.procedure.code
    client.force_login(world.receptionist)
    searched = client.get("/desk/", {"box": "all", "q": "Hồng Nhung", "channel": "online", "status": "1",
                                     "due": "ok", "procedure": procedure, "sort": "-due", "page": "3"})
    with django_assert_max_num_queries(INBOX_QUERIES):
        response = client.get(searched["Location"])
    assert response.content.decode().count("/desk/dossiers/") == 1
