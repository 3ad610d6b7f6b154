"""The desk on a busy day: paging with the count, search by code, name and ID number, filters, due order."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.test import Client
from django.utils import timezone

from motcua.desk import views as desk_views
from motcua.dossiers import services
from motcua.dossiers.models import Dossier
from motcua.e2e.world import World, submit_birth


def _codes(page: str) -> list[str]:
    return re.findall(r'href="/desk/dossiers/([^/"]+)/"', page)


def test_the_inbox_pages_its_dossiers_and_states_the_count(
        client: Client, world: World, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(desk_views, "INBOX_PAGE_SIZE", 2)
    codes = {submit_birth(world).code for _ in range(5)}
    client.force_login(world.receptionist)
    first = client.get("/desk/", {"box": "to_receive"})
    last = client.get("/desk/", {"box": "to_receive", "page": "3"})
    assert first.context["page"].paginator.count == 5
    assert "Có 5 hồ sơ." in first.content.decode()
    assert len(_codes(first.content.decode())) == 2
    assert "Trang 1 / 3" in first.content.decode()
    assert len(_codes(last.content.decode())) == 1
    seen = set()
    for number in (1, 2, 3):
        seen |= set(_codes(client.get("/desk/", {"box": "to_receive", "page": number}).content.decode()))
    assert seen == codes


def test_the_desk_finds_a_dossier_by_id_number_typed_with_spaces_and_shows_it_masked(
        client: Client, world: World) -> None:
    mine = submit_birth(world)
    other = submit_birth(world, world.other_citizen)
    client.force_login(world.receptionist)
    number = world.citizen.id_number
    spaced = " ".join([number[:4], number[4:8], number[8:]])
    page = client.get("/desk/", {"box": "all", "q": spaced}, follow=True).content.decode()
    assert _codes(page) == [mine.code]
    assert other.code not in page
    assert world.citizen.id_number not in page
    assert "********" + world.citizen.id_number[-4:] in page


def test_an_id_number_searched_in_the_inbox_never_appears_in_a_url(client: Client, world: World) -> None:
    # The search form sent `?q=<ID number>`: it stayed in the proxy's access log and the browser's
    # history (the admin's and the lookup's searches post for that reason). It posts; the URL
    # carries a token of the session's search.
    mine = submit_birth(world)
    other = submit_birth(world, world.other_citizen)
    client.force_login(world.receptionist)
    number = world.citizen.id_number
    inbox = client.get("/desk/", {"box": "all"}).content.decode()
    assert re.search(r'<form method="post" class="catalog-filters inbox-filters"', inbox)
    response = client.post("/desk/", {"box": "all", "q": number, "status": "", "sort": "due"})
    assert response.status_code == 302 and number not in response["Location"]
    assert "qs=" in response["Location"] and "box=all" in response["Location"]
    page = client.get(response["Location"]).content.decode()
    assert _codes(page) == [mine.code] and other.code not in page
    links = re.findall(r'href="([^"]*)"', page)
    assert links and not [link for link in links if number in link]
    # Another session does not get the search behind the token: it is told the search expired
    # (not shown the whole box as if it were the result), on a URL without the token.
    stranger = Client()
    stranger.force_login(world.receptionist)
    expired = stranger.get(response["Location"])
    assert expired.status_code == 302
    assert "qs=" not in expired["Location"] and "box=all" in expired["Location"]
    shown = stranger.get(expired["Location"]).content.decode()
    assert "Lượt tìm kiếm này đã hết hạn, vui lòng tìm lại." in shown
    assert set(_codes(shown)) == {mine.code, other.code}


def test_an_old_search_link_with_the_term_in_its_url_moves_the_term_to_the_session(
        client: Client, world: World) -> None:
    # Bookmarks and links from before the form posted still work, but the term leaves the URL at
    # once: the page's links (pages, sort) never carry it to the access log again.
    mine = submit_birth(world)
    submit_birth(world, world.other_citizen)
    client.force_login(world.receptionist)
    number = world.citizen.id_number
    response = client.get("/desk/", {"box": "all", "q": number, "sort": "-due", "page": "1"})
    assert response.status_code == 302
    location = response["Location"]
    assert number not in location and "qs=" in location
    assert "sort=-due" in location and "page=1" in location
    page = client.get(location).content.decode()
    assert _codes(page) == [mine.code]
    assert not [link for link in re.findall(r'href="([^"]*)"', page) if number in link]


def test_the_desk_finds_a_dossier_by_code_and_by_applicant_name(client: Client, world: World) -> None:
    mine = submit_birth(world)
    other = submit_birth(world, world.other_citizen)
    client.force_login(world.receptionist)
    by_code = client.get("/desk/", {"box": "all", "q": other.code}, follow=True).content.decode()
    assert _codes(by_code) == [other.code]
    by_name = client.get("/desk/", {"box": "all", "q": "Hồng Nhung"}, follow=True).content.decode()
    assert _codes(by_name) == [mine.code]


def test_a_search_never_reaches_beyond_the_officers_scope(client: Client, world: World) -> None:
    dossier = submit_birth(world)
    client.force_login(world.other_receptionist)
    page = client.get("/desk/", {"box": "all", "q": dossier.code}, follow=True).content.decode()
    assert _codes(page) == []
    assert "Không có hồ sơ nào phù hợp với tìm kiếm." in page


def test_filters_by_status_channel_and_procedure(client: Client, world: World) -> None:
    received = submit_birth(world)
    services.receive_dossier(world.receptionist, received)
    waiting = submit_birth(world)
    client.force_login(world.receptionist)
    by_status = client.get("/desk/", {"box": "all", "status": "1"}).content.decode()
    assert _codes(by_status) == [waiting.code]
    assert set(_codes(client.get("/desk/", {"box": "all", "channel": "online"}).content.decode())) == {
        received.code, waiting.code}
    assert _codes(client.get("/desk/", {"box": "all", "channel": "counter"}).content.decode()) == []
    procedure = world.birth.procedure.code
    by_procedure = client.get("/desk/", {"box": "all", "procedure": procedure}).content.decode()
    assert set(_codes(by_procedure)) == {received.code, waiting.code}
    assert _codes(client.get("/desk/", {"box": "all", "procedure": "9.999999"}).content.decode()) == []


def test_the_due_filter_keeps_only_dossiers_in_that_deadline_state(client: Client, world: World) -> None:
    submit_birth(world)
    client.force_login(world.receptionist)
    assert _codes(client.get("/desk/", {"box": "all", "due": "overdue"}).content.decode()) == []
    assert len(_codes(client.get("/desk/", {"box": "all", "due": "ok"}).content.decode())) == 1


def test_the_inbox_sorts_by_due_time_both_ways(client: Client, world: World) -> None:
    codes = []
    for days in (3, 1, 2):
        dossier = submit_birth(world)
        services.receive_dossier(world.receptionist, dossier)
        # Distinct due times, as on a busy day (setting the data, not the behaviour under test).
        Dossier.objects.filter(pk=dossier.pk).update(due_at=timezone.now() + dt.timedelta(days=days))
        codes.append((days, dossier.code))
    client.force_login(world.receptionist)
    earliest_first = [code for _, code in sorted(codes)]
    assert _codes(client.get("/desk/", {"box": "all"}).content.decode()) == earliest_first
    latest = client.get("/desk/", {"box": "all", "sort": "-due"}).content.decode()
    assert _codes(latest) == list(reversed(earliest_first))
    assert 'aria-sort="descending"' in latest


def test_unknown_filter_values_are_ignored_not_errors(client: Client, world: World) -> None:
    dossier = submit_birth(world)
    client.force_login(world.receptionist)
    response = client.get("/desk/", {"box": "all", "status": "99", "due": "x", "channel": "fax",
                                      "sort": "name", "page": "abc"})
    assert response.status_code == 200
    assert _codes(response.content.decode()) == [dossier.code]


def test_dossier_codes_do_not_wrap_in_the_inbox(client: Client, world: World) -> None:
    submit_birth(world)
    client.force_login(world.receptionist)
    page = client.get("/desk/", {"box": "all"}).content.decode()
    assert 'class="stack-on-phone inbox-table"' in page
    css = (desk_views.__file__.rsplit("/desk/", 1)[0] + "/core/static/core/motcua.css")
    with open(css, encoding="utf-8") as handle:
        assert ".inbox-table .code { white-space: nowrap; word-break: normal; }" in handle.read()
