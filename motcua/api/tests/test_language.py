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

