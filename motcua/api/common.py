"""Input types and pagination shared by the routers."""

from __future__ import annotations

from typing import Annotated, Any, Generic, TypeVar

from django.db.models import QuerySet
from ninja import Schema
from pydantic import AfterValidator, Field, StringConstraints

T = TypeVar("T")

MAX_PAGE = 10_000
MAX_PAGE_SIZE = 100
# Ids in paths are bounded so that a huge number is a 404, not a database overflow.
MAX_ID = 2**31 - 1


def _printable_text(value: str) -> str:
    # PostgreSQL refuses NUL in text and UTF-8 has no lone surrogates: refuse them here (422),
    # not in the database (500).
    if "\x00" in value:
        raise ValueError("NUL characters are not allowed")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise ValueError("text must be valid Unicode") from exc
    return value


Text = Annotated[str, AfterValidator(_printable_text)]
ShortText = Annotated[str, StringConstraints(max_length=200), AfterValidator(_printable_text)]
Code = Annotated[str, StringConstraints(max_length=64), AfterValidator(_printable_text)]
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
