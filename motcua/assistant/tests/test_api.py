"""POST /api/v1/assistant: answers, the error format, OpenAPI, the lookup's rules and throttle."""

from __future__ import annotations

from typing import Any

from django.test import Client

from motcua.api.tests.conftest import Dossiers, Province, client_for


def post(body: dict[str, Any], client: Client | None = None) -> Any:
    return (client or Client()).post("/api/v1/assistant", body, content_type="application/json")


def test_question_gets_a_grounded_answer_with_its_source(province: Province) -> None:
    response = post({"question": "dang ky khai sinh can giay to gi"})
    assert response.status_code == 200
    body = response.json()
    assert body["confident"] is True
    assert body["intent"] == "documents"
    assert body["sources"][0]["code"] == "1.001193"
    assert body["sources"][0]["field"] == "Hộ tịch"
    assert body["conversation"]


def test_follow_up_through_the_api_keeps_the_procedure(province: Province) -> None:
    first = post({"question": "đăng ký kết hôn"}).json()
    second = post({"question": "còn lệ phí thì sao?", "conversation": first["conversation"]}).json()
    assert second["sources"][0]["code"] == "1.000894"
    assert "30.000 Đồng" in second["answer"]


def test_empty_question_is_422_in_the_error_format(province: Province) -> None:
    response = post({"question": ""})
    assert response.status_code == 422
    assert response.json()["code"] == "empty_question"
    assert response.json()["message"] == "Hãy nhập câu hỏi."


def test_dossier_code_without_id_number_is_422_for_anonymous(dossiers: Dossiers) -> None:
    response = post({"question": "hồ sơ của tôi", "dossier_code": dossiers.mine.code})
    assert response.status_code == 422
    assert "id_number" in response.json()["fields"]


def test_status_needs_the_right_id_number(dossiers: Dossiers) -> None:
    right = post(
        {"question": "hồ sơ của tôi", "dossier_code": dossiers.mine.code, "id_number": "001203004567"}
    )
    wrong = post(
        {"question": "hồ sơ của tôi", "dossier_code": dossiers.mine.code, "id_number": "002204005678"}
    )
    assert right.json()["dossier"]["code"] == dossiers.mine.code
    assert wrong.json()["dossier"] is None
    assert "001203004567" not in right.content.decode()


def test_signed_in_owner_with_csrf_sees_the_status_without_id_number(
    province: Province, dossiers: Dossiers
) -> None:
    client = client_for(province.citizen)
    client.get("/api/v1/docs")  # any page: sets the CSRF cookie
    token = client.cookies["csrftoken"].value
    response = client.post(
        "/api/v1/assistant",
        {"question": "hồ sơ của tôi", "dossier_code": dossiers.mine.code},
        content_type="application/json",
        headers={"X-CSRFToken": token},
    )
    assert response.json()["dossier"]["code"] == dossiers.mine.code


def test_session_without_csrf_token_is_treated_as_anonymous(province: Province, dossiers: Dossiers) -> None:
    client = client_for(province.citizen)
    response = post({"question": "hồ sơ của tôi", "dossier_code": dossiers.mine.code}, client)
    assert response.status_code == 422


def test_status_lookups_are_throttled_like_the_public_lookup(dossiers: Dossiers, settings: Any) -> None:
    settings.MOTCUA_API_THROTTLE_RATES = {"lookup": "2/min"}
    body = {"question": "hồ sơ", "dossier_code": dossiers.mine.code, "id_number": "0000"}
    statuses = [post(body).status_code for _ in range(3)]
    assert statuses == [200, 200, 429]


def test_assistant_is_documented_in_openapi(db: None) -> None:
    schema = Client().get("/api/v1/openapi.json").json()
    operation = schema["paths"]["/api/v1/assistant"]["post"]
    assert "200" in operation["responses"] and "422" in operation["responses"]
