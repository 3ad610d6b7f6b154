"""Catalog endpoints: public, read-only."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from functools import lru_cache
from typing import Any

from django.db import connection
from django.db.models import OuterRef, Q, QuerySet, Subquery
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext
from ninja import Query, Router, Schema
from pydantic import Field as PydanticField

from motcua.api.common import Code, Day, Id, PageNumber, PageOut, PageSize, ShortText, paginate
from motcua.api.errors import ERROR_STATUSES, ApiError, ErrorOut, not_found
from motcua.catalog import search as catalog_search
from motcua.catalog.models import (
    Field,
    Level,
    OnlineLevel,
    Procedure,
    ProcedureVersion,
)
from motcua.catalog.requirements import is_always_required
from motcua.catalog.services import place_basis, version_in_force
from motcua.core import rows

router = Router(tags=["catalog"])


def local_today() -> dt.date:
    return timezone.localdate()


class FieldOut(Schema):
    id: int
    name: str


class ProcedureSummary(Schema):
    code: str
    name: str
    field: str
    levels: list[str]
    online_level: str | None
    valid_from: dt.date | None


class ChannelOut(Schema):
    kind: str
    time_limit_value: Decimal | None
    time_limit_unit: str
    time_limit_text: str
    fee_amount: int | None
    fee_text: str
    description: str


class RequirementOut(Schema):
    id: int = PydanticField(description="Mã thành phần, dùng trong `requirement_ids` khi nộp trực tuyến")
    order: int
    case: str
    name: str
    originals: int
    certified_copies: int
    photocopies: int
    form_name: str
    # The portal's rule, so that both doors ask for the same files.
    required: bool = PydanticField(
        description="Phải đính kèm tệp khi nộp trực tuyến: giấy tờ cần nộp trong mọi trường hợp (không phải "
                    "ghi chú, không thuộc một trường hợp). Ghi chú có mọi số bản bằng 0 và không nhận tệp.")

    @staticmethod
    def resolve_required(requirement: Any) -> bool:
        return is_always_required(requirement)


class LegalBasisOut(Schema):
    number: str
    title: str
    issued: str
    issuer: str


class ProcessStepOut(Schema):
    order: int
    name: str
    role: str
    agency_kind: str
    allotted_hours: Decimal


class VersionOut(Schema):
    valid_from: dt.date
    valid_to: dt.date | None
    decision: str
    online_level: str
    steps_text: str
    conditions: str
    results: str
    implementing_agency: str
    channels: list[ChannelOut]
    requirements: list[RequirementOut]
    legal_bases: list[LegalBasisOut]
    process_steps: list[ProcessStepOut]


class ProcedureDetail(Schema):
    code: str
    name: str
    field: str
    levels: list[str]
    kind: str
    applicants: str
    detail_url: str
    on: dt.date
    place_basis: str = PydanticField(description=(
        "Xã, phường nào giải quyết ở cấp xã: `residence` (nơi cư trú của người nộp), `land` (nơi có "
        "đất: gửi `land_unit` khi nộp) hoặc rỗng (nơi tiếp nhận)"))
    version: VersionOut


class ProcedureFilters(Schema):
    q: ShortText | None = None
    level: Level | None = None
    field: Id | None = None
    online_level: OnlineLevel | None = None
    on: Day | None = None
    page: PageNumber = 1
    page_size: PageSize = 20


def _level_filter(level: str) -> Q:
    return Q(**{f"at_{level}": True})


def _search_codes(query: str, level: str | None) -> list[str]:
    """Codes ranked by the catalog's search (accents, typos, everyday words), best first."""
    return [hit.code for hit in catalog_search.search(query, level=level, limit=100)]


def _with_version_in_force(procedures: QuerySet[Procedure], day: dt.date) -> QuerySet[Procedure]:
    """Each procedure with its field and what the list shows of its version in force on `day`
    (subqueries: the page is one query)."""
    in_force = ProcedureVersion.objects.in_force_on(day).filter(procedure=OuterRef("pk"))  # newest first
    return procedures.select_related("field").annotate(
        online_level_on=Subquery(in_force.values("online_level")[:1]),
        valid_from_on=Subquery(in_force.values("valid_from")[:1]),
    )


def _summary(procedure: Procedure) -> dict[str, Any]:
    return {
        "code": procedure.code, "name": procedure.name, "field": procedure.field.name,
        "levels": procedure.levels,
        "online_level": procedure.online_level_on,  # type: ignore[attr-defined]  # _with_version_in_force
        "valid_from": procedure.valid_from_on,  # type: ignore[attr-defined]
    }


@router.get("/fields", response=list[FieldOut], summary="Lĩnh vực")
def list_fields(request: HttpRequest) -> QuerySet[Field]:
    return Field.objects.order_by("name")


@router.get("/procedures", response={200: PageOut[ProcedureSummary], ERROR_STATUSES: ErrorOut},
            summary="Danh sách thủ tục (lọc, tìm kiếm, phân trang)")
def list_procedures(request: HttpRequest, filters: Query[ProcedureFilters]) -> dict[str, Any]:
    day = filters.on or local_today()
    kept = Procedure.objects.all()
    if filters.level:
        kept = kept.filter(_level_filter(filters.level))
    if filters.field:
        kept = kept.filter(field_id=filters.field)
    if filters.online_level:
        in_force = ProcedureVersion.objects.in_force_on(day).filter(online_level=filters.online_level)
        kept = kept.filter(pk__in=in_force.values("procedure_id"))
    query = (filters.q or "").strip()
    if not query:
        procedures = _with_version_in_force(kept, day)
        page = paginate(procedures.order_by("code"), filters.page, filters.page_size)
        page["items"] = [_summary(p) for p in page["items"]]
        return page
    codes = _search_codes(query, filters.level)
    if " " in query and not (filters.field or filters.online_level):
        # No code has a space, and the index already applied the level: the ranking is the list.
        ranked = codes
    else:
        # The ranked codes the filters keep, and a code typed in full (found even when the words
        # match nothing): one light query of codes; only the page's procedures are then loaded.
        found = set(kept.filter(Q(code__in=codes) | Q(code__startswith=query)).values_list("code", flat=True))
        typed = sorted(c for c in found if c.startswith(query) and c not in codes)[:20]
        ranked = [c for c in codes if c in found] + typed
    page = paginate(ranked, filters.page, filters.page_size)
    by_code = _summaries(page["items"], day)
    page["items"] = [by_code[c] for c in page["items"] if c in by_code]
    return page


_VERSION_IN_FORCE = (
    "(SELECT v.{column} FROM {versions} v WHERE v.{procedure} = p.{id} AND v.{valid_from} <= %s"
    " AND (v.{valid_to} IS NULL OR v.{valid_to} >= %s) ORDER BY v.{valid_from} DESC LIMIT 1)")
_LEVEL_FLAGS = ("at_ministry", "at_province", "at_commune", "at_other")  # Procedure.levels' order


@lru_cache(maxsize=64)
def _summaries_sql(count: int) -> str:
    """The page of a search, `count` codes, in one statement written once per process and size.

    What `_with_version_in_force` asks the ORM for (field, and the online level and start of the
    version in force by subqueries), without compiling it for every search (the ORM's building of
    those subqueries was the larger part of a search's Python).
    """
    p, v, f = (rows.table(m) for m in (Procedure, ProcedureVersion, Field))
    subquery = {"versions": v.name, "procedure": v.column["procedure"], "id": p.pk_column,
                "valid_from": v.column["valid_from"], "valid_to": v.column["valid_to"]}
    flags = ", ".join(f"p.{p.column[name]}" for name in _LEVEL_FLAGS)
    return (
        f"SELECT p.{p.column['code']}, p.{p.column['name']}, f.{f.column['name']}, {flags},"
        f" {_VERSION_IN_FORCE.format(column=v.column['online_level'], **subquery)},"
        f" {_VERSION_IN_FORCE.format(column=v.column['valid_from'], **subquery)}"
        f" FROM {p.name} p JOIN {f.name} f ON f.{f.pk_column} = p.{p.column['field']}"
        f" WHERE p.{p.column['code']} IN ({', '.join(['%s'] * count)})"
    )


def _summaries(codes: list[str], day: dt.date) -> dict[str, dict[str, Any]]:
    """`_summary` of each procedure with one of `codes` (one statement), by code."""
    if not codes:
        return {}
    with connection.cursor() as cursor:
        on = connection.ops.adapt_datefield_value(day)
        cursor.execute(_summaries_sql(len(codes)), [on, on, on, on, *codes])
        found = cursor.fetchall()
    levels = [level.value for level in (Level.MINISTRY, Level.PROVINCE, Level.COMMUNE, Level.OTHER)]
    summaries = {}
    for code, name, field_name, *flags, online_level, valid_from in found:
        if isinstance(valid_from, str):  # SQLite: a subquery's value has no declared type
            valid_from = dt.date.fromisoformat(valid_from)
        summaries[code] = {
            "code": code, "name": name, "field": field_name,
            "levels": [level for level, on in zip(levels, flags, strict=True) if on],
            "online_level": online_level, "valid_from": valid_from,
        }
    return summaries


@router.get("/procedures/{code}", response={200: ProcedureDetail, ERROR_STATUSES: ErrorOut},
            summary="Chi tiết thủ tục theo phiên bản có hiệu lực (hôm nay hoặc vào ngày `on`)")
def get_procedure(request: HttpRequest, code: Code, on: Day | None = None) -> dict[str, Any]:
    day = on or local_today()
    procedure = Procedure.objects.select_related("field").filter(code=code).first()
    if procedure is None:
        raise not_found(gettext("Không tìm thấy thủ tục có mã %(code)s.") % {"code": code})
    version = version_in_force(procedure, day)
    if version is None:
        raise ApiError("no_version_in_force",
                       gettext("Thủ tục %(code)s không có phiên bản có hiệu lực vào ngày %(day)s.")
                       % {"code": code, "day": day.strftime("%d/%m/%Y")}, 404)
    return {
        "code": procedure.code, "name": procedure.name, "field": procedure.field.name,
        "levels": procedure.levels, "kind": procedure.kind, "applicants": procedure.applicants,
        "detail_url": procedure.detail_url, "on": day, "place_basis": place_basis(version),
        "version": {
            "valid_from": version.valid_from, "valid_to": version.valid_to, "decision": version.decision,
            "online_level": version.online_level, "steps_text": version.steps_text,
            "conditions": version.conditions, "results": version.results,
            "implementing_agency": version.implementing_agency,
            "channels": list(version.channels.all()),  # small lists: one query each is fine
            "requirements": list(version.requirements.all()),
            "legal_bases": list(version.legal_bases.all()),
            "process_steps": list(version.process_steps.all()),
        },
    }
