"""Session login for apps and our own pages' scripts, and "who am I"."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib.auth import authenticate, login, logout
from django.http import HttpRequest
from django.middleware.csrf import get_token
from django.utils.translation import gettext
from ninja import Router, Schema
from ninja.responses import Status

from motcua.accounts.models import User
from motcua.api.auth import SIGNED_IN, require_user, session_auth
from motcua.api.common import ShortText
from motcua.api.errors import ERROR_STATUSES, ApiError, ErrorOut
from motcua.api.throttles import LoginThrottle

router = Router(tags=["auth"])


class LoginIn(Schema):
    username: ShortText
    password: ShortText


class MeOut(Schema):
    username: str
    full_name: str
    role: str
    agency_code: str | None
    agency_name: str | None


class LoginOut(MeOut):
    csrf_token: str


def _refuse_cross_site(request: HttpRequest) -> None:
    """Login CSRF: a page on another site must not sign a browser in to an account it chose.

    A browser can send a cross-site POST without asking first only as a form or text/plain; JSON
    needs a CORS preflight, which motcua never grants. So: JSON only, and an Origin header, when
    a browser sends one, must be this site (or one of CSRF_TRUSTED_ORIGINS).
    """
    if request.content_type != "application/json":
        raise ApiError("unsupported_media_type", gettext("Hãy gửi tên đăng nhập và mật khẩu dạng JSON."), 415)
    origin = request.headers.get("Origin")
    if origin is None:
        return
    own = f"{request.scheme}://{request.get_host()}"
    if origin != own and origin not in settings.CSRF_TRUSTED_ORIGINS:
        raise ApiError("csrf_failed", gettext("Không đăng nhập từ trang của một trang web khác."), 403)


def _me(user: User) -> dict[str, Any]:
    agency = user.agency if user.agency_id else None
    return {"username": user.username, "full_name": user.full_name, "role": user.role,
            "agency_code": agency.code if agency else None, "agency_name": agency.name if agency else None}


@router.post("/login", response={200: LoginOut, ERROR_STATUSES: ErrorOut}, throttle=[LoginThrottle()],
             summary="Đăng nhập (phiên làm việc); trả về mã CSRF cho các yêu cầu ghi")
def session_login(request: HttpRequest, payload: LoginIn) -> dict[str, Any]:
    _refuse_cross_site(request)
    user = authenticate(request, username=payload.username, password=payload.password)
    if not isinstance(user, User):
        raise ApiError("invalid_credentials", gettext("Tên đăng nhập hoặc mật khẩu không đúng."), 401)
    login(request, user)
    return {**_me(user), "csrf_token": get_token(request)}


@router.post("/logout", response={204: None, ERROR_STATUSES: ErrorOut}, auth=[session_auth],
             summary="Đăng xuất")
def session_logout(request: HttpRequest) -> Status:
    logout(request)
    return Status(204, None)


@router.get("/me", response={200: MeOut, ERROR_STATUSES: ErrorOut}, auth=SIGNED_IN,
            summary="Tài khoản đang dùng")
def me(request: HttpRequest) -> dict[str, Any]:
    return _me(require_user(request))
