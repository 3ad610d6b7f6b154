"""Error pages: the web gets a page in the visitor's language, /api/ gets the API's JSON error."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.template import loader
from django.utils.translation import gettext as _


def _is_api(request: HttpRequest) -> bool:
    return request.path.startswith("/api/")


def _json(status: int, code: str, message: str) -> JsonResponse:
    # The API's error format (motcua/api/errors.py): {"code", "message", "fields"}.
    return JsonResponse({"code": code, "message": message, "fields": {}}, status=status)


def forbidden(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    if _is_api(request):
        return _json(403, "forbidden", _("Bạn không có quyền thực hiện thao tác này."))
    return render(request, "errors/403.html", status=403)


def not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    if _is_api(request):
        return _json(404, "not_found", _("Không tìm thấy địa chỉ này."))
    return render(request, "errors/404.html", status=404)


def server_error(request: HttpRequest) -> HttpResponse:
    if _is_api(request):
        return _json(500, "server_error", _("Hệ thống đang gặp sự cố. Bạn hãy thử lại sau ít phút."))
    # No context processors: the page must render even when the database is down.
    return HttpResponse(loader.get_template("errors/500.html").render(), status=500)
