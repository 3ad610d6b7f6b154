"""Doors that check a secret limit guesses, per client and per account or dossier (issue #18, 1–2).

A forged X-Forwarded-For never buys a new allowance: without trusted proxies the socket's address
counts, behind N trusted proxies the address the outermost one saw.
"""

from __future__ import annotations

from typing import Any

from django.test import Client, RequestFactory

from motcua.core.clients import client_address
from motcua.e2e.world import CITIZEN_ID, PASSWORD, World, submit_birth


def _forged(n: int) -> dict[str, str]:
    return {"X-Forwarded-For": f"203.0.113.{n}"}


def test_web_lookup_is_limited_per_client_whatever_forwarded_header_it_sends(
    world: World, settings: Any
) -> None:
    settings.MOTCUA_LOOKUP_PER_MINUTE = 5
    dossier = submit_birth(world)
    client = Client()
    statuses = [client.post("/tra-cuu/", {"code": dossier.code, "id_number": f"02019999{n:04d}"},
                            headers=_forged(n)).status_code for n in range(6)]
    assert statuses == [404] * 5 + [429]
    refused = client.post("/tra-cuu/", {"code": dossier.code, "id_number": CITIZEN_ID}, headers=_forged(99))
    assert refused.status_code == 429
    page = refused.content.decode()
    assert "quá nhiều lần" in page and "Thủ tục đăng ký khai sinh" not in page


def test_wrong_id_numbers_on_one_dossier_lock_it_against_every_client(world: World, settings: Any) -> None:
    settings.MOTCUA_LOOKUP_FAILURES_PER_CODE = 3
    dossier = submit_birth(world)
    for n in range(3):  # a botnet: each guess from another address
        response = Client(REMOTE_ADDR=f"198.51.100.{n}").post(
            "/tra-cuu/", {"code": dossier.code, "id_number": f"02019999{n:04d}"})
        assert response.status_code == 404
    late = Client(REMOTE_ADDR="198.51.100.77").post(
        "/tra-cuu/", {"code": dossier.code, "id_number": CITIZEN_ID})
    assert late.status_code == 429 and "1 giờ" in late.content.decode()


def test_api_lookup_throttle_ignores_a_forged_forwarded_header(world: World, settings: Any) -> None:
    settings.MOTCUA_API_THROTTLE_RATES = {"lookup": "3/min"}
    dossier = submit_birth(world)
    body = {"code": dossier.code, "id_number": "020199990000"}
    statuses = [Client().post("/api/v1/lookup", body, content_type="application/json",
                              headers=_forged(n)).status_code for n in range(4)]
    assert statuses == [404, 404, 404, 429]


def test_login_locks_after_the_failure_limit_even_with_the_right_password(
    world: World, settings: Any
) -> None:
    settings.AXES_FAILURE_LIMIT = 5
    client = Client()
    for n in range(5):
        client.post("/accounts/login/", {"username": "congdan", "password": "sai"}, headers=_forged(n))
    right = {"username": "congdan", "password": PASSWORD}
    response = client.post("/accounts/login/", right, headers=_forged(9))
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session
    assert "Vui lòng thử lại sau 15 phút" in response.content.decode()
    assert response["Retry-After"] == str(15 * 60)


def test_admin_and_api_logins_share_the_lockout(world: World, settings: Any) -> None:
    settings.AXES_FAILURE_LIMIT = 3
    Client().post("/admin/login/", {"username": "congdan", "password": "sai"})
    Client().post("/accounts/login/", {"username": "congdan", "password": "sai"})
    Client().post("/api/v1/auth/login", {"username": "congdan", "password": "sai"},
                  content_type="application/json")
    response = Client().post("/api/v1/auth/login", {"username": "congdan", "password": PASSWORD},
                             content_type="application/json", headers=_forged(5))
    assert response.status_code == 429
    assert response.json()["code"] == "locked_out" and "15 phút" in response.json()["message"]


def test_a_successful_login_clears_earlier_failures(world: World, settings: Any) -> None:
    settings.AXES_FAILURE_LIMIT = 3
    client = Client()
    for _ in range(2):
        client.post("/accounts/login/", {"username": "congdan", "password": "sai"})
    assert client.post("/accounts/login/", {"username": "congdan", "password": PASSWORD}).status_code == 302
    client.logout()
    for _ in range(2):
        client.post("/accounts/login/", {"username": "congdan", "password": "sai"})
    assert client.post("/accounts/login/", {"username": "congdan", "password": PASSWORD}).status_code == 302


def test_the_client_address_behind_trusted_proxies(settings: Any) -> None:
    factory = RequestFactory()
    request = factory.get("/", REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="6.6.6.6, 203.0.113.9, 10.0.0.1")
    settings.MOTCUA_TRUSTED_PROXIES = 0
    assert client_address(request) == "10.0.0.2"
    settings.MOTCUA_TRUSTED_PROXIES = 1
    assert client_address(request) == "10.0.0.1"
    settings.MOTCUA_TRUSTED_PROXIES = 2
    assert client_address(request) == "203.0.113.9"  # never the forged left-most entry
    bad = factory.get("/", REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="not-an-address")
    settings.MOTCUA_TRUSTED_PROXIES = 1
    assert client_address(bad) == "10.0.0.2"


def test_the_lookup_kiosk_and_the_assistant_share_the_limit_on_one_dossier(
    world: World, settings: Any
) -> None:
    from motcua.assistant.services import ask

    settings.MOTCUA_LOOKUP_FAILURES_PER_CODE = 3
    dossier = submit_birth(world)
    kiosk = f"/centre/{world.ward_center.code}/tra-cuu/"
    for n in range(2):  # two wrong guesses at the kiosk, one through the assistant
        guess = {"code": dossier.code, "id_number": f"02019999{n:04d}"}
        assert Client().post(kiosk, guess).status_code == 404
    ask("hồ sơ của tôi đến đâu rồi", dossier_code=dossier.code, id_number="020199990009")
    right = Client().post(kiosk, {"code": dossier.code, "id_number": CITIZEN_ID})
    assert right.status_code == 429 and "quá nhiều lần" in right.content.decode()
    answer = ask("hồ sơ của tôi đến đâu rồi", dossier_code=dossier.code, id_number=CITIZEN_ID).as_dict()
    assert answer["dossier"] is None and "quá nhiều lần" in answer["answer"]
