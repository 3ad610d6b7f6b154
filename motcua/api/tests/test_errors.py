"""The error format: {"code", "message", "fields"}, stable codes, translated messages, right status."""

from django.test import Client

from motcua.api.errors import DOSSIER_ERROR_STATUS, dossier_error_status


def test_unknown_procedure_is_not_found_in_the_error_format(db: None) -> None:
    response = Client().get("/api/v1/catalog/procedures/9.999999")
    assert response.status_code == 404
    assert response.json() == {"code": "not_found", "message": "Không tìm thấy thủ tục có mã 9.999999.",
                               "fields": {}}


def test_message_follows_accept_language(db: None) -> None:
    response = Client(headers={"Accept-Language": "en"}).get("/api/v1/catalog/procedures/9.999999")
    assert response.json()["code"] == "not_found"
    # Without the English catalog yet, gettext falls back to the Vietnamese msgid: still a sentence.
    assert response.json()["message"]


def test_validation_errors_list_the_fields(db: None) -> None:
    response = Client().get("/api/v1/catalog/procedures", {"page": "0", "on": "not-a-date"})
    assert response.status_code == 422
    body = response.json()
    assert body["code"] == "validation_error"
    assert set(body["fields"]) == {"page", "on"}


def test_nul_characters_are_refused_before_the_database(db: None) -> None:
    response = Client().get("/api/v1/catalog/procedures", {"q": "khai\x00sinh"})
    assert response.status_code == 422
    assert "q" in response.json()["fields"]


def test_anonymous_user_on_a_signed_in_endpoint_gets_unauthorized(db: None) -> None:
    response = Client().get("/api/v1/auth/me")
    assert response.status_code == 401
    assert response.json()["code"] == "unauthorized"


def test_dossier_error_codes_map_to_statuses_in_one_table() -> None:
    assert DOSSIER_ERROR_STATUS["supplement_already_requested"] == 409
    assert dossier_error_status("invalid_transition") == 409
    assert dossier_error_status("not_found") == 404
    assert dossier_error_status("forbidden") == 403
    assert dossier_error_status("some_new_rule") == 400
