"""No 500 from a URL or an oversized body: control characters, extreme dates, huge numbers (issue #18, 5)."""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.test import Client

from motcua.e2e.world import World, build_world


@pytest.fixture
def world(db: None) -> World:
    return build_world()


@pytest.mark.parametrize("path", [
    "/catalog/a%00b/", "/tra-cuu/?code=H37%00", "/api/v1/catalog/procedures/a%00b",
    "/api/v1/units/find?q=%01x", "/desk/dossiers/a%1Fb/",
])
def test_a_control_character_in_the_url_is_refused_not_a_500(world: World, path: str) -> None:
    response = Client().get(path)
    if path.startswith("/api/"):  # the API names the field (422, its error format)
        assert response.status_code == 422 and response.json()["code"] == "validation_error"
    else:
        assert response.status_code == 400 and "ký tự không hợp lệ" in response.content.decode()


@pytest.mark.parametrize("query", ["from=9999-12-31", "to=9999-12-31", "from=0001-01-01&to=9999-12-31",
                                   "field=99999999999999999999", "field=²"])
def test_statistics_filters_at_the_extremes_answer_normally(world: World, query: str) -> None:
    client = Client()
    client.force_login(world.leader)
    assert client.get(f"/stats/?{query}").status_code == 200
    assert client.get(f"/stats/export/trend.xlsx?{query}").status_code == 200


@pytest.mark.parametrize("debug", [True, False])
def test_api_answers_its_json_error_format_for_malformed_bodies_in_debug_too(
    world: World, settings: Any, debug: bool
) -> None:
    settings.DEBUG = debug
    client = Client(raise_request_exception=False)
    no_boundary = client.post("/api/v1/lookup", data=b"--x\r\n", content_type="multipart/form-data")
    too_big = client.post("/api/v1/lookup", content_type="application/json",
                          data=json.dumps({"code": "a" * 3_000_000, "id_number": "1"}))
    for response, status in ((no_boundary, 400), (too_big, 413)):
        assert response.status_code == status
        assert response["Content-Type"].startswith("application/json")
        assert set(response.json()) == {"code", "message", "fields"}
