"""Public catalog pages: browse procedures, read one in words a citizen understands."""

from __future__ import annotations

from dataclasses import dataclass
from dataclasses import field as dc_field
from typing import Any

from django.conf import settings
from django.core.paginator import Paginator
from django.db.models import Prefetch, QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.translation import gettext

from motcua.catalog import reduction
from motcua.catalog.competence import agency_text
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
from motcua.catalog.search import CatalogQuery, find_procedures
from motcua.catalog.services import (
    DeskCompetence,
    competence_overview,
    reception_agencies,
    version_in_force,
)

PAGE_SIZE = 25


def _departments() -> QuerySet[Any]:
    """Departments that decide at least one field (the "agency" filter's choices)."""
    from motcua.agencies.models import Agency

    return Agency.objects.filter(pk__in=FieldDepartment.objects.values("agency_id")).order_by("name")


def procedure_list(request: HttpRequest) -> HttpResponse:
    query = CatalogQuery.from_params(request.GET)
    procedures = find_procedures(query, timezone.localdate())
    page = Paginator(procedures, PAGE_SIZE).get_page(request.GET.get("page"))
    params = request.GET.copy()
    params.pop("page", None)
    return render(request, "catalog/list.html", {
        "page": page, "chosen": query, "query": params.urlencode(),
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
    who_decides = [_who_decides(entry) for entry in competence_overview(version, _suffix(province), today)]
    requirements = list(version.requirements.all())
    return render(request, "catalog/detail.html", {
        "procedure": procedure, "version": version, "channels": channels,
        "online_channel": online, "cases": _cases(requirements),
        "has_forms": any(r.form_name for r in requirements), "legal_bases": list(version.legal_bases.all()),
        "commune_centers": [a for a in centers if a.kind == "commune_center"],
        "provincial_centers": [a for a in centers if a.kind == "provincial_center"],
        "who_decides": who_decides,
        "catalog_agency": agency_text(version.competent_agency_text, version.implementing_agency),
        "submit_url": _submit_url(procedure.code),
        "reduction": reduction.for_version(version),
    })


@dataclass
class Case:
    """The documents of one case of a procedure, and the notes ("Lưu ý") that came in the table."""

    title: str
    documents: list[Any] = dc_field(default_factory=list)
    notes: list[str] = dc_field(default_factory=list)


def _is_note(requirement: Any) -> bool:
    """A row with no count and no form is a note the national table put among the documents."""
    counts = requirement.originals + requirement.certified_copies + requirement.photocopies
    return counts == 0 and not requirement.form_name


def _cases(requirements: list[Any]) -> list[Case]:
    cases: dict[str, Case] = {}
    for requirement in requirements:
        case = cases.setdefault(requirement.case, Case(requirement.case))
        if _is_note(requirement):
            case.notes.append(requirement.name)
        else:
            case.documents.append(requirement)
    return list(cases.values())


def _suffix(province_code: str) -> str:
    """The province's agency code part (H37); empty for a province motcua does not serve."""
    from motcua.agencies.services import AgencyError, province_prefix

    try:
        return province_prefix(province_code)
    except AgencyError:
        return ""


def _who_decides(entry: DeskCompetence) -> str:
    """One sentence per desk, from the same rules that route dossiers (catalog.services)."""
    from motcua.agencies.models import Agency

    if entry.refusal:
        return entry.refusal
    if entry.agency is not None:
        office = entry.agency.name
        if entry.at_commune_desk:
            return gettext("Nộp tại Trung tâm xã, phường: %(agency)s giải quyết (Trung tâm chuyển hồ sơ đến "
                           "cơ quan này).") % {"agency": office}
        return gettext("Nộp tại Trung tâm tỉnh: %(agency)s giải quyết.") % {"agency": office}
    kind = str(Agency.Kind(entry.commune_kind).label) if entry.commune_kind in Agency.Kind.values else ""
    if entry.basis == "land":
        place = gettext("%(agency)s nơi có thửa đất") % {"agency": kind}
    elif entry.basis == "residence" or not entry.at_commune_desk:
        place = gettext("%(agency)s nơi bạn cư trú") % {"agency": kind}
    else:
        place = gettext("%(agency)s nơi tiếp nhận hồ sơ") % {"agency": kind}
    if entry.at_commune_desk:
        return gettext("Nộp tại Trung tâm xã, phường: %(place)s giải quyết.") % {"place": place}
    return gettext("Nộp tại Trung tâm tỉnh: %(place)s giải quyết.") % {"place": place}


def _submit_url(code: str) -> str:
    """The portal's "submit online" page (built by the portal app; a fixed path until then)."""
    try:
        return reverse("portal:submit", args=[code])
    except NoReverseMatch:
        return f"/portal/submit/{code}/"
