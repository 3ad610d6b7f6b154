"""What a person locked out after too many wrong passwords sees (django-axes calls this)."""

from __future__ import annotations

import math
from typing import Any

from axes.backends import AxesStandaloneBackend
from django.conf import settings
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext


def _minutes() -> int:
    return max(1, math.ceil(settings.AXES_COOLOFF_TIME.total_seconds() / 60))


def lockout_response(
    request: HttpRequest, original_response: Any = None, credentials: Any = None
) -> HttpResponse:
    minutes = _minutes()
    message = gettext(
        "Bạn đã nhập sai quá nhiều lần. Vui lòng thử lại sau %(minutes)s phút."
    ) % {"minutes": minutes}
    headers = {"Retry-After": str(minutes * 60)}
    if request.path.startswith("/api/"):
        # The API's error format (api/errors.py: code, message, fields).
        return JsonResponse({"code": "locked_out", "message": message, "fields": {}},
                            status=429, headers=headers, json_dumps_params={"ensure_ascii": False})
    response = render(request, "registration/locked_out.html", {"message": message, "minutes": minutes},
                      status=429)
    response["Retry-After"] = headers["Retry-After"]
    return response


class LockoutBackend(AxesStandaloneBackend):
    """django-axes' lockout check for every login that comes with a request (every web and API door).

    Code that checks a password without a request (management commands, the test client's
    `login()`) has no client to lock out; the standalone backend would refuse it outright.
    """

    def authenticate(self, request: HttpRequest | None, username: str | None = None,
                     password: str | None = None, **kwargs: Any) -> Any:
        if request is None:
            return None
        return super().authenticate(request, username, password, **kwargs)
