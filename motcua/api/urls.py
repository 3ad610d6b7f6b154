"""Mounted at api/v1/ in motcua/urls.py, outside i18n_patterns.

The site's i18n_patterns have no prefix for Vietnamese, so LocaleMiddleware activates Vietnamese
for every path without a language prefix, /api/v1/ included. An API has no language in its
paths: each view runs in the caller's language instead (the language cookie set by the site's
language switcher, then Accept-Language, else Vietnamese).
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.urls import URLPattern, URLResolver
from django.utils import translation

from motcua.api.main import api

View = Callable[..., HttpResponse]


def in_request_language(view: View) -> View:
    """Run the view (and render its errors) in the language the request asks for."""

    @functools.wraps(view)  # keeps ninja's csrf_exempt mark
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        language = translation.get_language_from_request(request, check_path=False)
        with translation.override(language):
            request.LANGUAGE_CODE = language
            response = view(request, *args, **kwargs)
        response.headers["Content-Language"] = language
        return response

    return wrapped


def _in_request_language(patterns: list[URLPattern | URLResolver]) -> list[URLPattern | URLResolver]:
    for pattern in patterns:
        if isinstance(pattern, URLPattern):
            pattern.callback = in_request_language(pattern.callback)
    return patterns


app_name = "api"
urlpatterns = _in_request_language(api.urls[0])
