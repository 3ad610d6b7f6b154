"""The province's home page and the health check."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.db import connection
from django.db.models import F, Sum
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.urls import translate_url
from django.utils import timezone, translation
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django.views.i18n import set_language

# Most-used procedures: dossiers received over this many days.
POPULAR_DAYS = 365
POPULAR_COUNT = 8


@dataclass(frozen=True)
class Headline:
    """The province's figures for the year so far (stats.report)."""

    received: int
    online_rate: float | None
    on_time_rate: float | None


def opening_hours() -> str:
    """The centres' hours from the working-time calendar ("Thứ Hai – Thứ Sáu: 07:00–11:30, …")."""
    from motcua.worktime.calendars import calendar_for

    calendar = calendar_for()
    names = [_("Thứ Hai"), _("Thứ Ba"), _("Thứ Tư"), _("Thứ Năm"), _("Thứ Sáu"), _("Thứ Bảy"), _("Chủ nhật")]
    working = [i for i in range(7) if i not in calendar.weekend]
    contiguous = len(working) > 2 and working == list(range(working[0], working[-1] + 1))
    if contiguous:
        span = f"{names[working[0]]} – {names[working[-1]]}"
    else:
        span = ", ".join(names[i] for i in working)
    periods = ", ".join(f"{p.start:%H:%M}–{p.end:%H:%M}" for p in calendar.periods)
    return _("%(days)s: %(periods)s") % {"days": span, "periods": periods}


def headline(today: dt.date) -> tuple[str, Headline]:
    """The province's name and its figures since 1 January (two cheap aggregate queries)."""
    from motcua.stats.report import figures
    from motcua.stats.scope import province_scope

    scope = province_scope()
    total = figures(scope, today.replace(month=1, day=1), today, stocks=False)  # flows only
    return scope.label, Headline(total.received, total.online_rate, total.on_time_rate)


def popular_procedures(today: dt.date) -> list[Any]:
    """The procedures with the most dossiers received over the last year, most first."""
    from motcua.catalog.models import Procedure, ProcedureVersion
    from motcua.stats.models import DailyCount

    counts = (DailyCount.objects.filter(day__gt=today - dt.timedelta(days=POPULAR_DAYS))
              .values("procedure_id")
              .annotate(n=Sum(F("received_counter") + F("received_online") + F("received_postal")))
              .filter(n__gt=0).order_by("-n", "procedure_id")[:POPULAR_COUNT])
    ranked = {row["procedure_id"]: i for i, row in enumerate(counts)}
    offered = dict(ProcedureVersion.objects.in_force_on(today).filter(procedure_id__in=list(ranked))
                   .values_list("procedure_id", "online_level"))
    procedures = [p for p in Procedure.objects.filter(pk__in=list(ranked)) if p.pk in offered]
    for procedure in procedures:
        procedure.online_level = offered[procedure.pk]  # type: ignore[attr-defined]
    return sorted(procedures, key=lambda p: ranked[p.pk])


def centres() -> list[Any]:
    """The province's service centres: the provincial one first, then the communes' by name."""
    from motcua.agencies.models import Agency
    from motcua.agencies.services import AgencyError, province_prefix

    try:
        suffix = "." + province_prefix(settings.MOTCUA_PROVINCE_CODE)
    except AgencyError:
        return []
    kinds = [Agency.Kind.PROVINCIAL_CENTER, Agency.Kind.COMMUNE_CENTER]
    found = Agency.objects.filter(kind__in=kinds, is_active=True, code__endswith=suffix)
    # "commune_center" sorts before "provincial_center": the provincial centre comes first by hand.
    return sorted(found.only("code", "name", "kind", "address", "phone"),
                  key=lambda a: (a.kind != Agency.Kind.PROVINCIAL_CENTER, a.name))


def home(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    province, figures = headline(today)
    all_centres = centres()
    return render(request, "core/home.html", {
        "province": province, "headline": figures, "year": today.year,
        "popular": popular_procedures(today), "hours": opening_hours(),
        "provincial_centres": [c for c in all_centres if c.kind == "provincial_center"],
        "commune_centres": [c for c in all_centres if c.kind != "provincial_center"],
    })


@require_POST
def switch_language(request: HttpRequest) -> HttpResponse:
    """Django's set_language, with `next` translated from the language of its own path.

    Django resolves `next` in the request's language; /i18n/setlang/ has no prefix, so that is
    Vietnamese and "/en/catalog/" did not resolve: choosing Tiếng Việt kept the English page.
    """
    target = request.POST.get("language", "")
    next_url = request.POST.get("next", "")
    if target and next_url and url_has_allowed_host_and_scheme(next_url, allowed_hosts={request.get_host()}):
        with translation.override(translation.get_language_from_path(next_url) or settings.LANGUAGE_CODE):
            translated = translate_url(next_url, target)
        data = request.POST.copy()
        data["next"] = translated
        request.POST = data  # type: ignore[assignment]
    return set_language(request)


def healthz(request: HttpRequest) -> JsonResponse:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return JsonResponse({"status": "ok"})
