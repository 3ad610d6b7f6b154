"""Administrative units (as of a date) and agencies: public, read-only."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from django.db.models import Q, QuerySet
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext
from ninja import Query, Router, Schema

from motcua.agencies.models import Agency
from motcua.api.common import Code, Day, PageNumber, PageOut, PageSize, ShortText, api_enum, paginate
from motcua.api.errors import ERROR_STATUSES, ApiError, ErrorOut, not_found
from motcua.geography import services as geography
from motcua.geography.models import Unit
from motcua.geography.services import GeographyError

if TYPE_CHECKING:  # the same members, under the model's type for mypy
    AgencyKind = Agency.Kind
    UnitLevel = Unit.Level
else:
    AgencyKind = api_enum("AgencyKind", Agency.Kind)
    UnitLevel = api_enum("UnitLevel", Unit.Level)

units_router = Router(tags=["units"])
agencies_router = Router(tags=["agencies"])


class ParentOut(Schema):
    code: str
    name: str
    level: str


class UnitOut(Schema):
    code: str
    name: str
    level: str
    level_label: str
    parent: ParentOut | None
    valid_from: dt.date | None
    valid_to: dt.date | None


class LinkOut(Schema):
    unit: UnitOut
    kind: str
    kind_label: str
    effective: dt.date
    note: str


class UnitHistoryOut(Schema):
    unit: UnitOut
    predecessors: list[LinkOut]
    successors: list[LinkOut]


class UnitFilters(Schema):
    on: Day | None = None
    level: UnitLevel | None = None
    parent: Code | None = None
    page: PageNumber = 1
    page_size: PageSize = 50


class AgencyOut(Schema):
    code: str
    name: str
    kind: str
    unit_code: str
    unit_name: str
    parent_code: str | None
    is_service_center: bool
    is_active: bool

    @staticmethod
    def resolve_unit_code(obj: Agency) -> str:
        return obj.unit.code

    @staticmethod
    def resolve_unit_name(obj: Agency) -> str:
        return obj.unit.name

    @staticmethod
    def resolve_parent_code(obj: Agency) -> str | None:
        return obj.parent.code if obj.parent_id and obj.parent else None


class AgencyDetail(AgencyOut):
    address: str
    phone: str


class AgencyFilters(Schema):
    q: ShortText | None = None
    kind: AgencyKind | None = None
    unit: Code | None = None
    page: PageNumber = 1
    page_size: PageSize = 50


def _day(on: dt.date | None) -> dt.date:
    return on or timezone.localdate()


def _geography_error(exc: GeographyError) -> ApiError:
    return ApiError("not_found", str(exc), 404)


@units_router.get("", response={200: PageOut[UnitOut], ERROR_STATUSES: ErrorOut},
                  summary="Đơn vị hành chính có hiệu lực vào một ngày (mặc định hôm nay)")
def list_units(request: HttpRequest, filters: Query[UnitFilters]) -> dict[str, Any]:
    day = _day(filters.on)
    units: list[Unit]
    if filters.parent:
        try:
            units = geography.children_on(filters.parent, day)
        except GeographyError as exc:
            raise _geography_error(exc) from exc
    else:
        units = list(Unit.objects.select_related("parent").on(day).order_by("code", "level"))
    if filters.level:
        units = [u for u in units if u.level == filters.level.value]
    page = paginate(units, filters.page, filters.page_size)
    page["items"] = [geography.unit_to_dict(u) for u in page["items"]]
    return page


@units_router.get("/find", response={200: list[UnitOut], ERROR_STATUSES: ErrorOut},
                  summary="Tìm đơn vị theo tên, không phân biệt dấu (tùy chọn: vào ngày `on`)")
def find_units(request: HttpRequest, q: ShortText, on: Day | None = None,
               level: UnitLevel | None = None) -> list[dict[str, Any]]:
    try:
        units = geography.find_units(q, on=on, level=level.value if level else None)
    except GeographyError as exc:
        raise ApiError("validation_error", str(exc), 422, {"q": [str(exc)]}) from exc
    return [geography.unit_to_dict(u) for u in units[:50]]


@units_router.get("/{code}", response={200: UnitOut, ERROR_STATUSES: ErrorOut},
                  summary="Đơn vị mang mã này vào một ngày (mã có thể được dùng lại)")
def show_unit(request: HttpRequest, code: Code, on: Day | None = None) -> dict[str, Any]:
    try:
        return geography.unit_to_dict(geography.unit_on(code, _day(on)))
    except GeographyError as exc:
        raise _geography_error(exc) from exc


@units_router.get("/{code}/history", response={200: list[UnitHistoryOut], ERROR_STATUSES: ErrorOut},
                  summary="Đơn vị trước và sau sắp xếp của mã này (mọi thời kỳ, hoặc vào ngày `on`)")
def unit_history(request: HttpRequest, code: Code, on: Day | None = None) -> list[dict[str, Any]]:
    try:
        return [geography.history_to_dict(item) for item in geography.history(code, on)]
    except GeographyError as exc:
        raise _geography_error(exc) from exc


def _agencies() -> QuerySet[Agency]:
    return Agency.objects.select_related("unit", "parent")


@agencies_router.get("", response={200: PageOut[AgencyOut], ERROR_STATUSES: ErrorOut}, summary="Cơ quan")
def list_agencies(request: HttpRequest, filters: Query[AgencyFilters]) -> dict[str, Any]:
    agencies = _agencies()
    if filters.kind:
        agencies = agencies.filter(kind=filters.kind.value)
    if filters.unit:
        agencies = agencies.filter(unit__code=filters.unit)
    if filters.q:
        agencies = agencies.filter(Q(name__icontains=filters.q) | Q(code__startswith=filters.q))
    return paginate(agencies.order_by("code"), filters.page, filters.page_size)


@agencies_router.get("/{code}", response={200: AgencyDetail, ERROR_STATUSES: ErrorOut},
                     summary="Chi tiết cơ quan")
def get_agency(request: HttpRequest, code: Code) -> Agency:
    agency = _agencies().filter(code=code).first()
    if agency is None:
        raise not_found(gettext("Không tìm thấy cơ quan có mã %(code)s.") % {"code": code})
    return agency
