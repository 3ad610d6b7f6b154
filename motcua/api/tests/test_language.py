"""The API answers in the caller's language: the language cookie, then Accept-Language, else Vietnamese.

/api/v1/ has no language prefix; without motcua/api/urls.py's wrapper LocaleMiddleware would
answer every unprefixed path in Vietnamese.
"""

from __future__ import annotations

import pytest
from django.conf import settings
from django.test import Client

URL = "/api/v1/auth/me"
VIETNAMESE = "Bạn cần đăng nhập hoặc gửi mã truy cập hợp lệ."


@pytest.mark.parametrize(("headers", "language"), [
    ({}, "vi"),
    ({"Accept-Language": "en-GB,en;q=0.8"}, "en"),
    ({"Accept-Language": "fr"}, "vi"),
    ({"Accept-Language": "vi,en;q=0.5"}, "vi"),
])
def test_answer_is_in_the_accepted_language(db: None, headers: dict[str, str], language: str) -> None:
    response = Client(headers=headers).get(URL)
    assert response.status_code == 401
    assert response["Content-Language"] == language
    assert (response.json()["message"] == VIETNAMESE) == (language == "vi")


def test_language_cookie_of_the_site_wins_over_accept_language(db: None) -> None:
    client = Client(headers={"Accept-Language": "vi"})
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    response = client.get(URL)
    assert response["Content-Language"] == "en"
    assert response.json()["message"] != VIETNAMESE



@pytest.mark.parametrize(("query", "field", "vietnamese", "english"), [
    ("page=abc", "page", "Phải là một số nguyên.", "Must be a whole number."),
    ("page=0", "page", "Phải lớn hơn hoặc bằng 1.", "Must be greater than or equal to 1."),
    ("level=tinh", "level", "Phải là một trong các giá trị:", "Must be one of:"),
    ("q=" + "x" * 300, "q", "Tối đa 200 ký tự.", "At most 200 characters."),
    ("q=a%01b", "q", "Không được chứa ký tự điều khiển.", "Control characters are not allowed."),
    ("on=1700000000", "on", "Ngày phải viết theo dạng YYYY-MM-DD.", "A date must be written YYYY-MM-DD."),
])
def test_the_invalid_fields_are_explained_in_the_callers_language(
        db: None, query: str, field: str, vietnamese: str, english: str) -> None:
    # They were pydantic's English ("Input should be a valid integer…") for a Vietnamese caller.
    for headers, expected in (({}, vietnamese), ({"Accept-Language": "en"}, english)):
        response = Client(headers=headers).get(f"/api/v1/catalog/procedures?{query}")
        assert response.status_code == 422, response.content
        messages = response.json()["fields"][field]
        assert len(messages) == 1 and messages[0].startswith(expected), messages
