"""Input types and pagination shared by the routers."""

from __future__ import annotations

import datetime as dt
import json
import re
from enum import StrEnum
from typing import TYPE_CHECKING, Annotated, Any, Generic, TypeVar

from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext
from ninja import Schema
from ninja.errors import HttpError, ValidationError
from ninja.params import ParamShortcut
from ninja.params.models import FormModel
from ninja.params.models import Param as NinjaParam
from ninja.responses import NinjaJSONEncoder
from pydantic import AfterValidator, BeforeValidator, Field, StringConstraints

if TYPE_CHECKING:
    from ninja import NinjaAPI

T = TypeVar("T")

MAX_PAGE = 10_000
MAX_PAGE_SIZE = 100
# Ids in paths are bounded so that a huge number is a 404, not a database overflow.
MAX_ID = 2**31 - 1


# How the API writes JSON (main.Utf8JSONRenderer, json_response): Vietnamese stays readable
# ("Hộ tịch", not "H\u1ed9 t\u1ecbch").
JSON_DUMPS_PARAMS: dict[str, Any] = {"ensure_ascii": False}


def json_response(data: Any, status: int = 200) -> HttpResponse:
    """`data` as the API's renderer writes it (an answer already in its schema's shape)."""
    return HttpResponse(json.dumps(data, cls=NinjaJSONEncoder, **JSON_DUMPS_PARAMS), status=status,
                        content_type="application/json; charset=utf-8")


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def printable_text(value: str) -> str:
    # PostgreSQL refuses NUL in text and UTF-8 has no lone surrogates: refuse them here (422),
    # not in the database (500); other control characters have no place in what people type.
    if _CONTROL.search(value):
        raise ValueError(gettext("Không được chứa ký tự điều khiển."))
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise ValueError(gettext("Văn bản phải là Unicode hợp lệ.")) from exc
    return value


_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def iso_day(value: Any) -> Any:
    """Only YYYY-MM-DD (or a date): pydantic would read `0` or `1700000000` as a Unix time."""
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str) and _ISO_DAY.fullmatch(value):
        return value
    raise ValueError(gettext("Ngày phải viết theo dạng YYYY-MM-DD."))


def api_enum(name: str, choices: type[Any]) -> type[StrEnum]:
    """A model's TextChoices under its own OpenAPI name: `Agency.Kind` and `Applicant.Kind`,
    `Unit.Level` and the catalog's `Level` would otherwise share one schema and one list of values."""
    return StrEnum(name, [(member.name, member.value) for member in choices])  # type: ignore[return-value]


Text = Annotated[str, AfterValidator(printable_text)]
Day = Annotated[dt.date, BeforeValidator(iso_day)]
ShortText = Annotated[str, StringConstraints(max_length=200), AfterValidator(printable_text)]
Code = Annotated[str, StringConstraints(max_length=64), AfterValidator(printable_text)]
Id = Annotated[int, Field(ge=1, le=MAX_ID)]


class PageOut(Schema, Generic[T]):
    count: int
    page: int
    page_size: int
    items: list[T]


def paginate(queryset: QuerySet[Any] | list[Any], page: int, page_size: int) -> dict[str, Any]:
    start = (page - 1) * page_size
    if isinstance(queryset, list):
        count = len(queryset)
    else:
        count = queryset.count()
    return {"count": count, "page": page, "page_size": page_size,
            "items": list(queryset[start:start + page_size])}


PageNumber = Annotated[int, Field(ge=1, le=MAX_PAGE)]
PageSize = Annotated[int, Field(ge=1, le=MAX_PAGE_SIZE)]


# ------------------------------------------------------------------ form fields or a JSON body

class _FormOrJsonModel(FormModel):
    """Fields from a form (multipart, with files) or, for a JSON request, from its body."""

    @classmethod
    def get_request_data(cls, request: HttpRequest, api: NinjaAPI,
                         path_params: dict[str, Any]) -> dict[str, Any] | None:
        if request.content_type != "application/json":
            return super().get_request_data(request, api, path_params)
        if not request.body:
            return None
        try:
            data = api.parser.parse_body(request)
        except ValueError as error:
            raise HttpError(400, "Cannot parse request body") from error
        if not isinstance(data, dict):
            raise ValidationError([{"loc": ("body",), "msg": "Input should be a JSON object",
                                    "type": "model_type"}])
        return data


class _FormOrJsonParam(NinjaParam):  # type: ignore[misc]
    _model = _FormOrJsonModel

    @classmethod
    def _param_source(cls) -> str:
        return "form"


# `payload: FormOrJson[SomeIn]`: the fields of an operation that also takes files. A transition
# that gained an optional file (result-ready, receive-supplement) keeps taking the JSON body it
# always took; with files it is multipart, with the same fields. The OpenAPI document shows
# both (`json_body_too`).
if TYPE_CHECKING:
    FormOrJson = Annotated[T, "form or JSON"]
else:
    def _form_or_json(default: Any = ..., **kwargs: Any) -> _FormOrJsonParam:
        return _FormOrJsonParam(default, **kwargs)

    FormOrJson = ParamShortcut(_form_or_json)


def json_body_too(schema: type[Schema], json_parts: list[str] | None = None) -> dict[str, Any]:
    """openapi_extra for a FormOrJson operation: the JSON body next to the multipart one.

    `json_parts`: list fields of objects, sent in multipart as one JSON object per part.
    """
    # ninja registers the form's schema under its class name (components/schemas).
    content: dict[str, Any] = {"application/json": {
        "schema": {"$ref": f"#/components/schemas/{schema.__name__}"}}}
    if json_parts:
        content["multipart/form-data"] = {
            "encoding": {name: {"contentType": "application/json"} for name in json_parts}}
    return {"requestBody": {"content": content}}


def json_items(value: Any) -> Any:
    """A list field of objects sent as form fields: each part holds one JSON object (or array)."""
    if not isinstance(value, list):
        value = [value]
    items: list[Any] = []
    for item in value:
        if isinstance(item, str | bytes):
            try:
                item = json.loads(item)
            except ValueError:  # a validation error (422), in the caller's language
                raise ValueError(gettext("Không phải JSON hợp lệ.")) from None
        items.extend(item if isinstance(item, list) else [item])
    return items
