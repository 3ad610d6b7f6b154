"""GET /dossiers/{code}/slips/{kind}: the slips module decides which slips exist (slips.is_available)."""

from __future__ import annotations

import pytest
from django.test import Client

from motcua.api.dossiers import SlipKind
from motcua.api.tests.conftest import Dossiers, Province, client_for, token_client
from motcua.dossiers import slips


def test_receipt_slip_is_a_pdf_for_those_who_see_the_dossier(province: Province, dossiers: Dossiers) -> None:
    url = f"/api/v1/dossiers/{dossiers.counter.code}/slips/receipt"
    response = token_client(province.receptionist_a).get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF-")
    assert token_client(province.receptionist_b).get(url).status_code == 404
    assert client_for(province.citizen).get(url).status_code == 404
    assert Client().get(url).status_code == 401


def test_slip_of_an_act_that_did_not_happen_is_a_conflict(province: Province, dossiers: Dossiers) -> None:
    url = f"/api/v1/dossiers/{dossiers.counter.code}/slips/refusal"
    response = token_client(province.receptionist_a).get(url)
    assert response.status_code == 409
    assert response.json()["code"] == "slip_not_available"
    assert response.json()["message"].startswith(f"Hồ sơ {dossiers.counter.code} không bị từ chối")


def test_no_receipt_slip_before_reception(province: Province, dossiers: Dossiers) -> None:
    # The citizen's online dossier is submitted (status 1): no receipt nor appointment yet.
    response = client_for(province.citizen).get(f"/api/v1/dossiers/{dossiers.mine.code}/slips/receipt")
    assert response.status_code == 409
    assert response.json()["code"] == "slip_not_available"
    assert "chưa được tiếp nhận" in response.json()["message"]


def test_detail_lists_the_available_slips(province: Province, dossiers: Dossiers) -> None:
    counter = token_client(province.receptionist_a).get(f"/api/v1/dossiers/{dossiers.counter.code}").json()
    mine = client_for(province.citizen).get(f"/api/v1/dossiers/{dossiers.mine.code}").json()
    assert counter["available_slips"] == ["receipt", "control"]
    assert mine["available_slips"] == []


def test_the_api_follows_the_slips_module(province: Province, dossiers: Dossiers,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    # No second copy of the rule in the API: change slips.is_available and the API follows.
    monkeypatch.setattr(slips, "is_available", lambda dossier, kind: kind == "stop")
    client = token_client(province.receptionist_a)
    assert client.get(f"/api/v1/dossiers/{dossiers.counter.code}/slips/receipt").status_code == 409
    assert client.get(f"/api/v1/dossiers/{dossiers.counter.code}").json()["available_slips"] == ["stop"]


def test_slip_kinds_are_those_of_the_slips_module() -> None:
    assert {kind.value for kind in SlipKind} == set(slips.SLIPS)
