"""`motcua assistant ask`."""

from __future__ import annotations

import json
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from motcua.api.tests.conftest import Dossiers, Province


def run(*args: str) -> str:
    out = StringIO()
    call_command("assistant", "ask", *args, stdout=out)
    return out.getvalue()


def test_ask_json_prints_answer_intent_confidence_and_sources(province: Province) -> None:
    body = json.loads(run("lệ phí đăng ký kết hôn", "--json"))
    assert body["intent"] == "fee"
    assert body["confident"] is True
    assert body["sources"][0] == {
        "code": "1.000894",
        "name": "Thủ tục đăng ký kết hôn",
        "field": "Hộ tịch",
        "url": "/catalog/1.000894/",
        # the fee asked for, then the time limit every answer states (services.KEY_FIGURES)
        "parts": ["fee", "time_limit"],
    }


def test_ask_with_dossier_and_id_number_shows_its_status(dossiers: Dossiers) -> None:
    body = json.loads(
        run("hồ sơ của tôi", "--dossier", dossiers.mine.code, "--id-number", "001203004567", "--json")
    )
    assert body["intent"] == "status"
    assert body["dossier"]["code"] == dossiers.mine.code


def test_dossier_without_id_number_is_bad_input(province: Province) -> None:
    with pytest.raises(CommandError) as caught:
        run("hồ sơ", "--dossier", "000.61.01.H37-250101-0001")
    assert caught.value.returncode == 2


def test_empty_question_is_bad_input(province: Province) -> None:
    with pytest.raises(CommandError) as caught:
        run("  ")
    assert caught.value.returncode == 2
