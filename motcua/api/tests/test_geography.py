"""Units as of a date (codes are reused) and agencies."""

from __future__ import annotations

from django.test import Client

from motcua.api.tests.conftest import Province


def test_a_reused_code_names_different_units_on_different_days(province: Province) -> None:
    before = Client().get("/api/v1/units/06001", {"on": "2025-06-30"}).json()
    after = Client().get("/api/v1/units/06001", {"on": "2025-07-01"}).json()
    assert before["name"] == "Xã Cũ Hòa"
    assert after["name"] == "Xã An Bình"
    assert after["parent"]["code"] == "20"


def test_unknown_code_is_not_found(province: Province) -> None:
    response = Client().get("/api/v1/units/99999")
    assert response.status_code == 404
    assert response.json()["code"] == "not_found"


def test_history_shows_what_a_unit_became(province: Province) -> None:
    body = Client().get("/api/v1/units/06001/history").json()
    old = next(item for item in body if item["unit"]["name"] == "Xã Cũ Hòa")
    assert [link["unit"]["name"] for link in old["successors"]] == ["Xã An Bình"]


def test_find_ignores_accents(province: Province) -> None:
    body = Client().get("/api/v1/units/find", {"q": "dong kinh"}).json()
    assert [u["code"] for u in body] == ["06002"]


def test_list_children_of_the_province_on_a_date(province: Province) -> None:
    after = Client().get("/api/v1/units", {"parent": "20", "on": "2025-07-01"}).json()
    before = Client().get("/api/v1/units", {"parent": "20", "on": "2025-06-30"}).json()
    assert [u["code"] for u in after["items"]] == ["06001", "06002"]
    assert [u["code"] for u in before["items"]] == ["180"]


def test_agencies_filter_by_kind(province: Province) -> None:
    body = Client().get("/api/v1/agencies", {"kind": "commune_center"}).json()
    assert [a["code"] for a in body["items"]] == ["000.61.01.H37", "000.61.02.H37"]


def test_agency_detail(province: Province) -> None:
    body = Client().get("/api/v1/agencies/000.00.12.H37").json()
    assert body["name"] == "Sở Tư pháp"
    assert body["parent_code"] == "000.00.00.H37"
    assert Client().get("/api/v1/agencies/000.00.99.H37").status_code == 404
