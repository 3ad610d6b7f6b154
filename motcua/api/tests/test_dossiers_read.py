"""Reading dossiers: every list and page is scoped.

Another agency, another citizen and an anonymous user get nothing.
"""

from __future__ import annotations

import pytest
from django.test import Client

from motcua.accounts.models import User
from motcua.api.tests.conftest import Dossiers, Province, client_for, token_client


def codes(client: Client) -> set[str]:
    response = client.get("/api/v1/dossiers", {"page_size": "100"})
    assert response.status_code == 200
    return {item["code"] for item in response.json()["items"]}


def test_receptionist_sees_her_centres_dossiers_only(province: Province, dossiers: Dossiers) -> None:
    assert codes(client_for(province.receptionist_a)) == {dossiers.mine.code, dossiers.counter.code}
    assert codes(client_for(province.receptionist_b)) == {dossiers.other_centre.code}


def test_token_of_an_agency_system_is_scoped_like_its_officer(province: Province, dossiers: Dossiers) -> None:
    assert codes(token_client(province.receptionist_b)) == {dossiers.other_centre.code}


def test_citizen_sees_only_his_own_dossiers(province: Province, dossiers: Dossiers) -> None:
    assert codes(client_for(province.citizen)) == {dossiers.mine.code}
    assert codes(client_for(province.other_citizen)) == {dossiers.other_centre.code}


def test_officer_of_another_agency_sees_no_dossier(province: Province, dossiers: Dossiers) -> None:
    assert codes(client_for(province.specialist_justice)) == set()


def test_anonymous_cannot_list_dossiers(dossiers: Dossiers) -> None:
    response = Client().get("/api/v1/dossiers")
    assert response.status_code == 401
    assert response.json()["code"] == "unauthorized"


def test_id_numbers_are_masked_in_lists(province: Province, dossiers: Dossiers) -> None:
    body = client_for(province.receptionist_a).get("/api/v1/dossiers").json()
    masked = {item["applicant_id_masked"] for item in body["items"]}
    assert masked == {"********4567", "********6789"}
    assert "001203004567" not in str(body)


def test_list_filters_by_status(province: Province, dossiers: Dossiers) -> None:
    body = client_for(province.receptionist_a).get("/api/v1/dossiers", {"status": "2"}).json()
    assert [item["code"] for item in body["items"]] == [dossiers.counter.code]


@pytest.mark.parametrize("path", ["", "/timeline"])
def test_dossier_pages_are_scoped(province: Province, dossiers: Dossiers, path: str) -> None:
    url = f"/api/v1/dossiers/{dossiers.mine.code}{path}"
    assert client_for(province.citizen).get(url).status_code == 200
    assert client_for(province.receptionist_a).get(url).status_code == 200
    assert client_for(province.other_citizen).get(url).status_code == 404
    assert client_for(province.receptionist_b).get(url).status_code == 404
    assert client_for(province.specialist_justice).get(url).status_code == 404
    assert Client().get(url).status_code == 401


def test_detail_shows_the_full_id_to_those_allowed(province: Province, dossiers: Dossiers) -> None:
    body = client_for(province.citizen).get(f"/api/v1/dossiers/{dossiers.mine.code}").json()
    assert body["applicant"]["id_number"] == "001203004567"
    assert body["status"] == 1
    assert body["receiving_agency"]["code"] == province.center_a.code


def test_timeline_lists_the_events(province: Province, dossiers: Dossiers) -> None:
    events = client_for(province.citizen).get(f"/api/v1/dossiers/{dossiers.mine.code}/timeline").json()
    assert [e["action"] for e in events] == ["submit"]


def test_leader_exports_his_agency_dossiers(province: Province, dossiers: Dossiers) -> None:
    response = client_for(province.leader_a).get(
        "/api/v1/dossiers/export", {"start": "2020-01-01", "end": "2020-12-31", "format": "csv"})
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv"
    assert response.content.decode("utf-8-sig").startswith("code,")


@pytest.mark.parametrize("start,end", [("9999-12-31", "9999-12-31"), ("2100-12-31", "2101-01-01")],
                         ids=["last_day_of_year_9999", "after_the_calendar"])
def test_an_export_period_outside_the_working_calendar_is_refused_with_422(
        province: Province, dossiers: Dossiers, start: str, end: str) -> None:
    # The period ends the day after `end`: after 9999-12-31 it overflowed (a 500).
    response = client_for(province.leader_a).get("/api/v1/dossiers/export", {"start": start, "end": end})
    assert response.status_code == 422, response.content
    assert response.json()["code"] == "validation_error"
    assert "Lịch làm việc chỉ tính được cho các năm từ 1995 đến 2100." in response.json()["message"]


@pytest.mark.parametrize("who", ["citizen", "receptionist_a"])
def test_export_is_refused_to_others(province: Province, who: str) -> None:
    user: User = getattr(province, who)
    response = client_for(user).get("/api/v1/dossiers/export", {"start": "2025-01-01", "end": "2025-01-31"})
    assert response.status_code == 403
    assert response.json()["code"] == "forbidden"


def test_export_needs_sign_in(db: None) -> None:
    response = Client().get("/api/v1/dossiers/export", {"start": "2025-01-01", "end": "2025-01-31"})
    assert response.status_code == 401
