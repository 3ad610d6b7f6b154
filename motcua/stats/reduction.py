"""The time-limit reduction of the province's own catalog, for the statistics pages.

The figures come from catalog.reduction (the formula is documented there and in
docs/province.md): the province's total, by level and by field, and each procedure, for the
catalog in force on the day asked for (`?on=YYYY-MM-DD`, default today).
"""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from motcua.agencies.services import AgencyError, province_prefix
from motcua.catalog import reduction
from motcua.stats.scope import scope_for


def _day(text: str | None) -> dt.date:
    try:
        return dt.date.fromisoformat(text or "")
    except ValueError:
        return timezone.localdate()


@login_required
def reduction_view(request: HttpRequest) -> HttpResponse:
    if scope_for(request.user) is None:
        raise PermissionDenied
    on = _day(request.GET.get("on"))
    try:
        suffix = province_prefix(settings.MOTCUA_PROVINCE_CODE)
    except AgencyError:
        suffix = ""
    report = reduction.report(suffix, on)
    return render(
        request,
        "stats/reduction.html",
        {
            "report": report,
            "on": on,
            "page_name": "reduction",
            "groups": [report.province, *report.by_level],
        },
    )
