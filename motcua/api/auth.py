"""Who is asking: a bearer token (integrations) or the Django session (our web pages, the portal)."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest
from django.utils.translation import gettext
from ninja.security import APIKeyCookie, HttpBearer
from ninja.utils import check_csrf

from motcua.accounts.models import User
from motcua.api.errors import ApiError
from motcua.api.tokens import live_token, record_use

UNSAFE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})


class TokenAuth(HttpBearer):
    """`Authorization: Bearer mc_…` created in the admin; acts as the token's officer."""

    def authenticate(self, request: HttpRequest, token: str) -> User | None:
        found = live_token(token)
        if found is None:
            return None
        if not found.allows(request.method or "GET", request.path_info):
            raise ApiError("token_scope", gettext(
                "Mã truy cập này không được phép thao tác này (phạm vi: %(scope)s)."
            ) % {"scope": found.get_scope_display()}, 403)
        record_use(found)
        return found.user


class SessionAuth(APIKeyCookie):
    """The logged-in session; writes need the CSRF token (header X-CSRFToken), as on the web."""

    param_name = settings.SESSION_COOKIE_NAME

    def __init__(self) -> None:
        super().__init__(csrf=True)

    def _get_key(self, request: HttpRequest) -> str | None:
        # Unlike ninja's default, check CSRF only for a logged-in session, so that a
        # request with no credentials at all gets 401, not a CSRF 403.
        return request.COOKIES.get(self.param_name)

    def authenticate(self, request: HttpRequest, key: str | None) -> Any:
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated or not user.is_active:
            return None
        if request.method in UNSAFE_METHODS and not getattr(request, "_ninja_csrf_exempt", False):
            if check_csrf(request) is not None:
                message = gettext("Thiếu hoặc sai mã CSRF. Hãy tải lại trang rồi thử lại.")
                raise ApiError("csrf_failed", message, 403)
        return user


token_auth = TokenAuth()
session_auth = SessionAuth()
# Endpoints for signed-in people and systems.
SIGNED_IN = [token_auth, session_auth]


def current_user(request: HttpRequest) -> User | None:
    """The authenticated user, from the operation's auth or (on public endpoints) the session."""
    auth = getattr(request, "auth", None)
    if isinstance(auth, User):
        return auth
    user = getattr(request, "user", None)
    if isinstance(user, User) and user.is_authenticated and user.is_active:
        return user
    return None


def require_user(request: HttpRequest) -> User:
    user = current_user(request)
    if user is None:
        raise ApiError("unauthorized", gettext("Bạn cần đăng nhập hoặc gửi mã truy cập hợp lệ."), 401)
    return user
