"""One error format for the whole API: {"code", "message", "fields"} with a stable machine code.

Every 4xx the API returns goes through `error_response`, so clients can switch on `code`
and show `message` (translated with the request's Accept-Language) to people.
"""

from __future__ import annotations

import logging
from functools import partial
from typing import TYPE_CHECKING, Any

from django.core.exceptions import (
    ObjectDoesNotExist,
    PermissionDenied,
    RequestDataTooBig,
    SuspiciousOperation,
)
from django.http import Http404, HttpRequest, HttpResponse
from django.http.multipartparser import MultiPartParserError
from django.utils.translation import gettext, gettext_lazy
from ninja import Schema
from ninja.errors import AuthenticationError, AuthorizationError, HttpError, Throttled, ValidationError

from motcua.core.logs import exception_name, safe_traceback

if TYPE_CHECKING:
    from ninja import NinjaAPI

logger = logging.getLogger(__name__)


class ErrorOut(Schema):
    code: str
    message: str
    fields: dict[str, list[str]] = {}


# Every status the API answers with the error format, documented on every operation.
ERROR_STATUSES = frozenset({400, 401, 403, 404, 405, 409, 413, 415, 422, 429})


class ApiError(Exception):
    """Raised by endpoints for a refusal that is the API's own (not a domain rule)."""

    def __init__(self, code: str, message: str, status: int = 400,
                 fields: dict[str, list[str]] | None = None) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.status = status
        self.fields = fields or {}


# The single table from the dossiers' domain error codes (DossierError.code) to HTTP statuses.
# A code missing here would be a bare 400: tests/test_errors.py walks motcua/dossiers for every
# code its services can raise and fails until the new code has its line here.
DOSSIER_ERROR_STATUS: dict[str, int] = {
    # Who: the dossier exists and is visible, but this person may not do this to it.
    "forbidden": 403,
    "forbidden_role": 403,
    "not_found": 404,
    # A one-time submission key used already: the endpoints answer with the first dossier; a
    # key sent again with another request is refused (the IETF Idempotency-Key draft: 422).
    "already_submitted": 409,
    "submission_key_reused": 422,
    # What was sent: a field is missing or wrong.
    "validation_error": 422,
    "reason_required": 422,
    "items_required": 422,
    "invalid_amount": 422,
    "invalid_agency": 422,
    "invalid_channel": 422,
    "invalid_appointment": 422,
    # The procedure, the receiving centre and the applicant's commune route to no competent agency.
    "no_competent_agency": 422,
    "not_offered_online": 422,
    # The documents handed in: an always-required one is missing (online), or a requirement id
    # that is not a document of the procedure; a result delivery that does not exist.
    "documents_missing": 422,
    "unknown_requirement": 422,
    "invalid_result_delivery": 422,
    # Once-only: a warehouse document that is not the applicant's, hidden or expired.
    "not_reusable": 422,
    "digitisation_failed": 422,
    # The file sent (attach_file, mark_result_ready's result file): too big, or not PDF/JPEG/PNG.
    "file_too_large": 413,
    "unsupported_file_type": 415,
    # When: the dossier's state does not allow it (now, or any more).
    "invalid_transition": 409,
    "already_handled": 409,
    "supplement_already_requested": 409,
    "no_next_step": 409,
    "result_first": 409,
    "result_required": 409,
    "no_time_limit": 409,
    # An apology and new appointment come before the due time, never after it.
    "apology_too_late": 409,
    # An electronic result the deciding agency cannot sign (no certificate, not a readable PDF).
    "signing_failed": 409,
}


def dossier_error_status(code: str) -> int:
    return DOSSIER_ERROR_STATUS.get(code, 400)


def not_found(message: str | None = None) -> ApiError:
    return ApiError("not_found", message or gettext("Không tìm thấy."), 404)


def forbidden(message: str | None = None) -> ApiError:
    return ApiError("forbidden", message or gettext("Bạn không có quyền thực hiện thao tác này."), 403)


def error_response(api: NinjaAPI, request: HttpRequest, status: int, code: str, message: str,
                   fields: dict[str, list[str]] | None = None) -> HttpResponse:
    body = {"code": code, "message": message, "fields": fields or {}}
    return api.create_response(request, body, status=status)


def _field_name(loc: list[Any] | tuple[Any, ...]) -> str:
    # loc is ("query", "page") or ("body", "payload", "reason"): drop the source, keep the path.
    parts = [str(p) for p in loc[1:]] or [str(p) for p in loc]
    if len(parts) > 1 and parts[0] in {"payload", "data", "body"}:
        parts = parts[1:]
    return ".".join(parts)


_INTEGER = gettext_lazy("Phải là một số nguyên.")
_BOOLEAN = gettext_lazy("Phải là true hoặc false.")
_ONE_OF = gettext_lazy("Phải là một trong các giá trị: %(expected)s.")
_DATE = gettext_lazy("Ngày phải viết theo dạng YYYY-MM-DD.")
_DATETIME = gettext_lazy("Thời điểm phải viết theo dạng 2025-08-01T15:00:00+07:00.")
_OBJECT = gettext_lazy("Phải là một đối tượng JSON.")

# Pydantic's messages are English: each error type the schemas produce, in the caller's
# language (its `ctx` fills the placeholders); any other type reads "Giá trị không hợp lệ.".
_FIELD_MESSAGES: dict[str, Any] = {
    "missing": gettext_lazy("Trường này là bắt buộc."),
    "string_type": gettext_lazy("Phải là một chuỗi ký tự."),
    "int_type": _INTEGER, "int_parsing": _INTEGER, "int_from_float": _INTEGER,
    "bool_type": _BOOLEAN, "bool_parsing": _BOOLEAN,
    "greater_than_equal": gettext_lazy("Phải lớn hơn hoặc bằng %(ge)s."),
    "greater_than": gettext_lazy("Phải lớn hơn %(gt)s."),
    "less_than_equal": gettext_lazy("Phải nhỏ hơn hoặc bằng %(le)s."),
    "less_than": gettext_lazy("Phải nhỏ hơn %(lt)s."),
    "string_too_long": gettext_lazy("Tối đa %(max_length)s ký tự."),
    "string_too_short": gettext_lazy("Tối thiểu %(min_length)s ký tự."),
    "too_long": gettext_lazy("Tối đa %(max_length)s mục."),
    "too_short": gettext_lazy("Tối thiểu %(min_length)s mục."),
    "string_pattern_mismatch": gettext_lazy("Có ký tự không được phép."),
    "enum": _ONE_OF, "literal_error": _ONE_OF,
    "date_type": _DATE, "date_parsing": _DATE, "date_from_datetime_parsing": _DATE,
    "date_from_datetime_inexact": _DATE,
    "datetime_type": _DATETIME, "datetime_parsing": _DATETIME, "datetime_from_date_parsing": _DATETIME,
    "model_type": _OBJECT, "model_attributes_type": _OBJECT, "dict_type": _OBJECT,
    "list_type": gettext_lazy("Phải là một danh sách."),
}


def _field_message(error: dict[str, Any]) -> str:
    kind = str(error.get("type", ""))
    context = error.get("ctx") or {}
    if kind == "value_error" and "error" in context:
        return str(context["error"])  # our validators' own (translated) message
    template = _FIELD_MESSAGES.get(kind)
    if template is None:
        return gettext("Giá trị không hợp lệ.")
    values = {name: str(value) for name, value in context.items()}
    if "expected" in values:  # "'a', 'b' or 'c'"
        values["expected"] = values["expected"].replace(" or ", ", ")
    try:
        return str(template) % values
    except (KeyError, TypeError, ValueError):
        return gettext("Giá trị không hợp lệ.")


def validation_fields(errors: list[dict[str, Any]]) -> dict[str, list[str]]:
    fields: dict[str, list[str]] = {}
    for error in errors:
        fields.setdefault(_field_name(error.get("loc", ())), []).append(_field_message(error))
    return fields


def _on_api_error(request: HttpRequest, exc: ApiError, api: NinjaAPI) -> HttpResponse:
    return error_response(api, request, exc.status, exc.code, exc.message, exc.fields)


def _on_domain_error(request: HttpRequest, exc: Exception, api: NinjaAPI) -> HttpResponse:
    code = str(getattr(exc, "code", "invalid"))
    message = str(getattr(exc, "message", "") or exc)
    fields = getattr(exc, "fields", None)
    return error_response(api, request, dossier_error_status(code), code, message,
                          fields if isinstance(fields, dict) else None)


def _on_validation_error(request: HttpRequest, exc: ValidationError, api: NinjaAPI) -> HttpResponse:
    return error_response(api, request, 422, "validation_error",
                          gettext("Dữ liệu gửi lên không hợp lệ."), validation_fields(exc.errors))


def _on_http_error(request: HttpRequest, exc: HttpError, api: NinjaAPI) -> HttpResponse:
    if isinstance(exc, Throttled):
        response = error_response(api, request, 429, "throttled",
                                  gettext("Bạn gửi quá nhiều yêu cầu. Vui lòng thử lại sau."))
        return response
    if isinstance(exc, AuthenticationError) or exc.status_code == 401:
        return error_response(api, request, 401, "unauthorized",
                              gettext("Bạn cần đăng nhập hoặc gửi mã truy cập hợp lệ."))
    if isinstance(exc, AuthorizationError) or exc.status_code == 403:
        return error_response(api, request, 403, "forbidden",
                              gettext("Bạn không có quyền thực hiện thao tác này."))
    if exc.status_code == 404:
        return error_response(api, request, 404, "not_found", gettext("Không tìm thấy."))
    return error_response(api, request, exc.status_code, "bad_request",
                          gettext("Yêu cầu không hợp lệ."))


def _on_not_found(request: HttpRequest, exc: Exception, api: NinjaAPI) -> HttpResponse:
    return error_response(api, request, 404, "not_found", gettext("Không tìm thấy."))


def _on_permission_denied(request: HttpRequest, exc: Exception, api: NinjaAPI) -> HttpResponse:
    message = gettext("Bạn không có quyền thực hiện thao tác này.")
    return error_response(api, request, 403, "forbidden", message)


def _on_too_big(request: HttpRequest, exc: Exception, api: NinjaAPI) -> HttpResponse:
    return error_response(api, request, 413, "request_too_large",
                          gettext("Dữ liệu gửi lên quá lớn."))


def _on_suspicious(request: HttpRequest, exc: Exception, api: NinjaAPI) -> HttpResponse:
    # Malformed multipart, too many fields, a forged host…: the client's fault, in our format.
    return error_response(api, request, 400, "bad_request", gettext("Yêu cầu không hợp lệ."))


def _on_unexpected(request: HttpRequest, exc: Exception, api: NinjaAPI) -> HttpResponse:
    """A bug: logged with its traceback (no request data, no exception message: it may quote a
    refused row's ID number), answered in the error format, in DEBUG too."""
    logger.error("Unhandled error in %s %s: %s\n%s", request.method, request.path, exception_name(exc),
                 safe_traceback(exc))
    return error_response(api, request, 500, "server_error",
                          gettext("Hệ thống gặp lỗi. Vui lòng thử lại sau hoặc liên hệ bộ phận một cửa."))


def install_error_handlers(api: NinjaAPI, domain_errors: tuple[type[Exception], ...] = ()) -> None:
    api.add_exception_handler(ApiError, partial(_on_api_error, api=api))
    api.add_exception_handler(ValidationError, partial(_on_validation_error, api=api))
    api.add_exception_handler(HttpError, partial(_on_http_error, api=api))
    api.add_exception_handler(Http404, partial(_on_not_found, api=api))
    api.add_exception_handler(ObjectDoesNotExist, partial(_on_not_found, api=api))
    api.add_exception_handler(PermissionDenied, partial(_on_permission_denied, api=api))
    api.add_exception_handler(RequestDataTooBig, partial(_on_too_big, api=api))
    api.add_exception_handler(SuspiciousOperation, partial(_on_suspicious, api=api))
    api.add_exception_handler(MultiPartParserError, partial(_on_suspicious, api=api))
    api.add_exception_handler(Exception, partial(_on_unexpected, api=api))
    for exc_class in domain_errors:
        api.add_exception_handler(exc_class, partial(_on_domain_error, api=api))
