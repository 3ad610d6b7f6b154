"""Public lookup by dossier code and the applicant's ID number."""

from __future__ import annotations

from typing import Any

from django.test import Client

from motcua.api.tests.conftest import Dossiers


def lookup(code: str, id_number: str) -> Any:
    body = {"code": code, "id_number": id_number}
    return Client().post("/api/v1/lookup", body, content_type="application/json")


def test_lookup_with_the_right_id_shows_the_status_with_the_id_masked(dossiers: Dossiers) -> None:
    response = lookup(dossiers.mine.code, "001203004567")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == 1
    assert body["applicant_id_masked"] == "********4567"
    assert "001203004567" not in response.content.decode()


def test_lookup_with_another_id_is_not_found_like_an_unknown_code(dossiers: Dossiers) -> None:
    wrong_id = lookup(dossiers.mine.code, "002204005678")
    unknown = lookup("000.61.01.H37-250101-9999", "001203004567")
    assert wrong_id.status_code == unknown.status_code == 404
    assert wrong_id.json() == unknown.json()


def test_lookup_is_throttled(dossiers: Dossiers, settings: Any) -> None:
    settings.MOTCUA_API_THROTTLE_RATES = {"lookup": "3/min"}
    statuses = [lookup(dossiers.mine.code, "0000").status_code for _ in range(4)]
    assert statuses == [404, 404, 404, 429]


def test_login_is_throttled(db: None, settings: Any) -> None:
    settings.MOTCUA_API_THROTTLE_RATES = {"login": "2/min"}
    statuses = [Client().post("/api/v1/auth/login", {"username": "x", "password": "y"},
                              content_type="application/json").status_code for _ in range(3)]
    assert statuses == [401, 401, 429]
