"""The language switch works both ways; error pages are translated for the web and JSON for the API."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import AnonymousUser
from django.test import Client, RequestFactory
from django.utils import translation

from motcua.core.errors import forbidden, server_error

pytestmark = pytest.mark.django_db
DJANGO_USERNAME_HELP = "Required. 150 characters or fewer. Letters, digits and @/./+/-/_ only."
DJANGO_INVALID_LOGIN = ("Please enter a correct %(username)s and password. Note that both fields may "
                        "be case-sensitive.")


@pytest.mark.parametrize(("language", "next_url", "expected"), [
    ("vi", "/en/catalog/?q=khai+sinh", "/catalog/?q=khai+sinh"),
    ("en", "/catalog/", "/en/catalog/"),
    ("vi", "/en/", "/"),
    ("vi", "/en/tra-cuu/", "/tra-cuu/"),
])
def test_language_switch_goes_both_ways(client: Client, language: str, next_url: str, expected: str) -> None:
    response = client.post("/i18n/setlang/", {"language": language, "next": next_url})
    assert response.status_code == 302
    assert response["Location"] == expected


def test_language_switch_refuses_a_foreign_next(client: Client) -> None:
    response = client.post("/i18n/setlang/", {"language": "vi", "next": "https://evil.example/en/"})
    assert "evil.example" not in response["Location"]


def test_language_menu_names_each_language_in_itself(client: Client) -> None:
    html = client.get("/").content.decode()
    assert '<option value="en" lang="en">English</option>' in html
    assert "Tiếng Anh" not in html


def test_unknown_page_is_a_translated_404_page(client: Client) -> None:
    vietnamese = client.get("/khong-co-trang-nay/")
    english = client.get("/en/no-such-page/")
    assert vietnamese.status_code == 404 and english.status_code == 404
    assert "Không tìm thấy trang bạn cần" in vietnamese.content.decode()
    assert "We could not find that page" in english.content.decode()
    assert 'name="q"' in english.content.decode()


def test_unknown_api_address_answers_json(client: Client) -> None:
    response = client.get("/api/v1/no-such-endpoint")
    assert response.status_code == 404
    assert response.json()["code"] == "not_found"


def test_forbidden_page_is_translated() -> None:
    request = RequestFactory().get("/en/stats/")
    request.user = AnonymousUser()
    with translation.override("en"):
        response = forbidden(request)
    assert response.status_code == 403
    assert "You are not allowed to see this page" in response.content.decode()
    api = forbidden(RequestFactory().get("/api/v1/dossiers"))
    assert api.status_code == 403 and b'"code": "forbidden"' in api.content


def test_server_error_page_renders_without_a_request_context() -> None:
    with translation.override("vi"):
        response = server_error(RequestFactory().get("/"))
    assert response.status_code == 500
    assert "Hệ thống đang gặp sự cố" in response.content.decode()


def test_django_help_text_and_login_error_read_naturally_in_vietnamese() -> None:
    with translation.override("vi"):
        # Django's own msgids, passed through variables so that makemessages leaves them out.
        help_text = translation.gettext(DJANGO_USERNAME_HELP)
        login = translation.gettext(DJANGO_INVALID_LOGIN)
    assert help_text.startswith("Bắt buộc.") and "Yêu cầu" not in help_text
    assert login.startswith("%(username)s hoặc mật khẩu chưa đúng")
