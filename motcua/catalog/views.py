"""Public catalog pages: browse procedures, read one in words a citizen understands."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.conf import settings
from django.core.paginator import Paginator
from django.db.models import OuterRef, Prefetch, QuerySet, Subquery
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import NoReverseMatch, reverse
from django.utils import timezone

from motcua.catalog.models import (
    Channel,
    ChannelKind,
    Field,
    FieldDepartment,
    Level,
    OnlineLevel,
    Procedure,
    ProcedureVersion,
)
from motcua.catalog.services import reception_agencies, version_in_force

PAGE_SIZE = 25
_LEVEL_FLAGS = {Level.COMMUNE: "at_commune", Level.PROVINCE: "at_province",
                Level.MINISTRY: "at_ministry", Level.OTHER: "at_other"}


def _departments() -> QuerySet[Any]:
    """Departments that decide at least one field (the "agency" filter's choices)."""
    from motcua.agencies.models import Agency

    return Agency.objects.filter(pk__in=FieldDepartment.objects.values("agency_id")).order_by("name")


def _filtered(request: HttpRequest, today: dt.date) -> tuple[QuerySet[Procedure], dict[str, str]]:
    chosen = {key: request.GET.get(key, "").strip() for key in ("level", "field", "agency", "online")}
    in_force = ProcedureVersion.objects.in_force_on(today).filter(procedure=OuterRef("pk"))
    procedures = (Procedure.objects.select_related("field")
                  .annotate(online_level=Subquery(in_force.values("online_level")[:1]),
                            valid_from=Subquery(in_force.values("valid_from")[:1]))
                  .filter(valid_from__isnull=False))
    if chosen["level"] in _LEVEL_FLAGS:
        procedures = procedures.filter(**{_LEVEL_FLAGS[Level(chosen["level"])]: True})
    if chosen["field"].isascii() and chosen["field"].isdigit() and len(chosen["field"]) < 10:
        procedures = procedures.filter(field_id=int(chosen["field"]))
    if chosen["agency"]:
        mapped = FieldDepartment.objects.filter(agency__code=chosen["agency"], valid_from__lte=today)
        procedures = procedures.filter(at_province=True, field_id__in=mapped.values("field_id"))
    if chosen["online"] in OnlineLevel.values:
        procedures = procedures.filter(online_level=chosen["online"])
    return procedures.order_by("name", "code"), chosen


def procedure_list(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    procedures, chosen = _filtered(request, today)
    page = Paginator(procedures, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(request, "catalog/list.html", {
        "page": page, "chosen": chosen, "query": query.urlencode(),
        "levels": [(v, label) for v, label in Level.choices],
        "online_levels": OnlineLevel.choices,
        "fields": Field.objects.filter(procedures__isnull=False).distinct().order_by("name"),
        "departments": _departments(),
    })


def procedure_detail(request: HttpRequest, code: str) -> HttpResponse:
    procedure = get_object_or_404(Procedure.objects.select_related("field"), code=code)
    today = timezone.localdate()
    version = version_in_force(procedure, today)
    if version is None:
        raise Http404
    version = (ProcedureVersion.objects.filter(pk=version.pk)
               .prefetch_related(Prefetch("channels", Channel.objects.order_by("kind")),
                                 "requirements", "legal_bases")
               .get())
    channels = list(version.channels.all())
    online = next((c for c in channels if c.kind == ChannelKind.ONLINE), None)
    province = settings.MOTCUA_PROVINCE_CODE
    centers = list(reception_agencies(procedure, province)[:200])
    departments = list(FieldDepartment.objects.filter(field_id=procedure.field_id, valid_from__lte=today)
                       .select_related("agency").order_by("-valid_from")[:1])
    cases: dict[str, list[Any]] = {}
    for requirement in version.requirements.all():
        cases.setdefault(requirement.case, []).append(requirement)
    return render(request, "catalog/detail.html", {
        "procedure": procedure, "version": version, "channels": channels,
        "online_channel": online, "cases": cases, "legal_bases": list(version.legal_bases.all()),
        "commune_centers": [a for a in centers if a.kind == "commune_center"],
        "provincial_centers": [a for a in centers if a.kind == "provincial_center"],
        "department": departments[0].agency if departments else None,
        "submit_url": _submit_url(procedure.code),
    })


def _submit_url(code: str) -> str:
    """The portal's "submit online" page (built by the portal app; a fixed path until then)."""
    try:
        return reverse("portal:submit", args=[code])
    except NoReverseMatch:
        return f"/portal/submit/{code}/"
