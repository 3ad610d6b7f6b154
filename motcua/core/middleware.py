"""Sessions end after a period without activity, not two weeks after login."""

from __future__ import annotations

import re
import time
from collections.abc import Callable

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest
from django.utils.translation import gettext

LAST_SEEN = "motcua_last_seen"
# Writing the session on every request would make each page view a database write; a session
# seen within this many seconds is not written again (its idle clock is that much coarser).
TOUCH_EVERY = 60


class IdleSessionTimeoutMiddleware:
    """Sign out a session idle for longer than MOTCUA_SESSION_IDLE_MINUTES (after auth and messages).

    SESSION_COOKIE_AGE stays the absolute limit; every request seen refreshes the idle clock
    (and, being a session write, the cookie's expiry).
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and hasattr(request, "session"):
            now = int(time.time())
            last_seen = request.session.get(LAST_SEEN)
            idle = settings.MOTCUA_SESSION_IDLE_MINUTES * 60
            if isinstance(last_seen, int) and now - last_seen > idle:
                logout(request)
                messages.info(request, gettext(
                    "Phiên làm việc đã hết hạn sau %(minutes)s phút không thao tác. Vui lòng đăng nhập lại."
                ) % {"minutes": settings.MOTCUA_SESSION_IDLE_MINUTES})
            elif not isinstance(last_seen, int) or now - last_seen >= TOUCH_EVERY:
                request.session[LAST_SEEN] = now
        return self.get_response(request)


def start_idle_clock(sender: object, request: HttpRequest | None = None, **kwargs: object) -> None:
    """At login the session is written anyway: start the idle clock there, not on the next page."""
    if request is not None and hasattr(request, "session"):
        request.session[LAST_SEEN] = int(time.time())


class ContentSecurityPolicyMiddleware:
    """Send the Content-Security-Policy (settings.MOTCUA_CSP) on every response that has none.

    Scripts only from our own static files: no inline script, no CDN (the templates keep data
    for scripts in `<script type="application/json">` blocks, which are not executed).
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if settings.MOTCUA_CSP and "Content-Security-Policy" not in response:
            response["Content-Security-Policy"] = settings.MOTCUA_CSP
        return response


# Characters no URL of ours contains; PostgreSQL refuses NUL in text, so a NUL reaching a query is a 500.
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


class RejectControlCharactersMiddleware:
    """A page URL (path or query string) with a control character is a 400, before any view runs.

    The API validates its own parameters (api/common.py: control characters are a 422 naming
    the field), so /api/ is left to it.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.path.startswith("/api/"):
            return self.get_response(request)
        query = [value for values in request.GET.lists() for value in (values[0], *values[1])]
        if _CONTROL.search(request.path) or any(_CONTROL.search(v) for v in query):
            message = gettext("Địa chỉ trang chứa ký tự không hợp lệ.")
            return HttpResponseBadRequest(message, content_type="text/plain; charset=utf-8")
        return self.get_response(request)
