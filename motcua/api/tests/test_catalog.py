"""Catalog endpoints: public lists with filters, and the version in force on a date."""

from __future__ import annotations

from typing import Any

from django.test import Client

from motcua.api.tests.conftest import Province


def test_anyone_can_list_procedures_with_pagination(province: Province) -> None:
    body = Client().get("/api/v1/catalog/procedures", {"page_size": 1}).json()
    assert body["count"] == 2
    assert body["page"] == 1
    assert [p["code"] for p in body["items"]] == ["1.000001"]


def test_filter_by_level(province: Province) -> None:
    body = Client().get("/api/v1/catalog/procedures", {"level": "commune"}).json()
    assert [p["code"] for p in body["items"]] == ["1.001193"]


def test_filter_by_field(province: Province) -> None:
    field_id = province.record.field_id
    body = Client().get("/api/v1/catalog/procedures", {"field": field_id}).json()
    assert [p["code"] for p in body["items"]] == ["1.000001"]


def test_filter_by_online_level_uses_the_version_in_force_on_the_date(province: Province) -> None:
    now = Client().get("/api/v1/catalog/procedures", {"online_level": "full", "on": "2025-08-01"}).json()
    before = Client().get("/api/v1/catalog/procedures", {"online_level": "full", "on": "2025-01-01"}).json()
    assert [p["code"] for p in now["items"]] == ["1.001193"]
    assert before["items"] == []


def test_the_list_and_the_search_show_the_version_in_force_on_the_date(province: Province) -> None:
    # 1.001193 has a "partial" version until 30/06/2025 and a "full" one from 01/07/2025.
    for query in ({}, {"q": "khai sinh"}):
        shown = {}
        for day in ("2025-03-01", "2025-08-01", "2020-01-01"):
            body = Client().get("/api/v1/catalog/procedures", {**query, "on": day}).json()
            shown[day] = next((p["online_level"], p["valid_from"])
                              for p in body["items"] if p["code"] == "1.001193")
        assert shown["2025-08-01"] == ("full", "2025-07-01")
        assert shown["2025-03-01"][0] == "partial" and shown["2025-03-01"][1] < "2025-07-01"
        assert shown["2020-01-01"] == (None, None)  # no version in force then


def test_a_search_shows_each_procedure_exactly_as_the_list_does(province: Province) -> None:
    # The search's page is written in SQL (api/catalog._summaries), the list's by the ORM.
    for day in ("2025-03-01", "2025-08-01", "2020-01-01"):
        listed = {p["code"]: p for p in Client().get(
            "/api/v1/catalog/procedures", {"on": day, "page_size": 100}).json()["items"]}
        for procedure in listed.values():
            found = Client().get("/api/v1/catalog/procedures",
                                 {"q": procedure["name"], "on": day, "page_size": 100}).json()["items"]
            assert procedure in found
        assert len(listed) >= 2


def test_search_without_accents(province: Province) -> None:
    body = Client().get("/api/v1/catalog/procedures", {"q": "khai sinh"}).json()
    assert [p["code"] for p in body["items"]] == ["1.001193"]


def test_detail_gives_the_version_in_force_on_a_date(province: Province) -> None:
    before = Client().get("/api/v1/catalog/procedures/1.001193", {"on": "2025-03-01"}).json()
    after = Client().get("/api/v1/catalog/procedures/1.001193", {"on": "2025-07-01"}).json()
    assert before["version"]["online_level"] == "partial"
    assert after["version"]["online_level"] == "full"
    assert after["version"]["valid_from"] == "2025-07-01"
    assert {c["kind"] for c in after["version"]["channels"]} == {"counter", "online"}
    assert after["version"]["requirements"][0]["name"] == "Tờ khai theo mẫu"
    # What online submission needs: the id to name in requirement_ids, and whether a file is required.
    assert after["version"]["requirements"][0]["id"] == province.birth_version.requirements.get().pk
    assert after["version"]["requirements"][0]["required"] is True


def test_detail_before_any_version_is_not_found(province: Province) -> None:
    response = Client().get("/api/v1/catalog/procedures/1.001193", {"on": "2020-01-01"})
    assert response.status_code == 404
    assert response.json()["code"] == "no_version_in_force"


def test_fields_are_listed(province: Province) -> None:
    names = [f["name"] for f in Client().get("/api/v1/catalog/fields").json()]
    assert names == ["Hộ tịch", "Lý lịch tư pháp"]


def test_search_finds_a_procedure_by_its_code(province: Province) -> None:
    body = Client().get("/api/v1/catalog/procedures", {"q": "1.000001"}).json()
    assert [p["code"] for p in body["items"]] == ["1.000001"]


def test_a_search_of_words_reads_the_pages_procedures_with_their_versions_in_one_query(
        province: Province, django_assert_num_queries: Any, settings: Any) -> None:
    settings.CATALOG_SEARCH_CHECK_SECONDS = 3600  # as in production: no fingerprint per request
    Client().get("/api/v1/catalog/procedures", {"q": "khai sinh"})  # the index is built once
    with django_assert_num_queries(1):  # the page's procedures, with field and version in force
        body = Client().get("/api/v1/catalog/procedures", {"q": "đăng ký khai sinh", "page_size": "1"}).json()
    assert [p["code"] for p in body["items"]] == ["1.001193"] and body["count"] >= 1
    with django_assert_num_queries(2):  # a filter the index does not know: one query of codes more
        body = Client().get("/api/v1/catalog/procedures", {"q": "khai sinh", "online_level": "full"}).json()
    assert [p["code"] for p in body["items"]] == ["1.001193"]
