"""OpenAPI: each enum under its own name with its own values; dates only as YYYY-MM-DD (issue #18, 9)."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from motcua.agencies.models import Agency
from motcua.api.tests.conftest import Province
from motcua.catalog.models import Level
from motcua.dossiers.models import Applicant
from motcua.geography.models import Unit


def _param_enum(document: dict[str, Any], path: str, name: str) -> list[str]:
    parameter = next(p for p in document["paths"][path]["get"]["parameters"] if p["name"] == name)
    schema = parameter["schema"]
    ref = next((s["$ref"] for s in schema.get("anyOf", [schema]) if "$ref" in s), None)
    assert ref is not None, parameter
    return list(document["components"]["schemas"][ref.rsplit("/", 1)[-1]]["enum"])


def test_each_filter_lists_its_own_values(db: None) -> None:
    document = Client().get("/api/v1/openapi.json").json()
    assert _param_enum(document, "/api/v1/agencies", "kind") == [k.value for k in Agency.Kind]
    assert _param_enum(document, "/api/v1/catalog/procedures", "level") == [v.value for v in Level]
    assert _param_enum(document, "/api/v1/units", "level") == [v.value for v in Unit.Level]
    names = document["components"]["schemas"]
    assert [v.value for v in Applicant.Kind] in [s.get("enum") for s in names.values()]


@pytest.mark.parametrize("value", ["0", "1700000000", "2025-7-1", "01/07/2025"])
def test_a_date_that_is_not_yyyy_mm_dd_is_refused(province: Province, value: str) -> None:
    response = Client().get("/api/v1/units/06001", {"on": value})
    assert response.status_code == 422
    assert response.json()["code"] == "validation_error"


def test_agencies_filter_by_kind(province: Province) -> None:
    body = Client().get("/api/v1/agencies", {"kind": "commune_center"}).json()
    assert body["items"] and {a["kind"] for a in body["items"]} == {"commune_center"}
