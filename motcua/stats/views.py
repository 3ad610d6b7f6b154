"""Dashboards for leaders and centre managers: key figures, the 766 index, trends, rankings,
late dossiers, the report by breakdown, the dossiers behind every figure, XLSX exports.

Thin views (STYLE.md rule 2): each one works out the user's scope (motcua.stats.scope),
reads the aggregates through motcua.stats.report and renders. Figures link to the list of
the dossiers they count, filtered the same way and kept inside the user's scope.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Max, Min, Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from motcua.agencies.models import Agency
from motcua.catalog.models import Field, Procedure
from motcua.dossiers.models import Dossier, DossierEvent, Status
from motcua.geography.models import REFORM_DATE
from motcua.stats import charts, index766, xlsx
from motcua.stats.models import AgencyDailyCount, DossierFact
from motcua.stats.report import (
    BREAKDOWN_LABELS,
    BREAKDOWNS,
    METRIC_LABELS,
    METRICS,
    Figures,
    Line,
    figures,
    grouped,
    metric_q,
    overview,
    trend,
)
from motcua.stats.scope import Scope, scope_for

# The report's columns: (attribute of Figures, header, metric of the dossier list or None).
COLUMNS: tuple[tuple[str, Any, str | None], ...] = (
    ("handled", gettext_lazy("Tổng số hồ sơ"), None),
    ("carried_over", gettext_lazy("Kỳ trước chuyển sang"), "carried_over"),
    ("received", gettext_lazy("Tiếp nhận mới"), "received"),
    ("received_online", gettext_lazy("Trực tuyến"), "received_online"),
    ("received_counter", gettext_lazy("Trực tiếp"), "received_counter"),
    ("received_postal", gettext_lazy("Bưu chính"), "received_postal"),
    ("finished", gettext_lazy("Đã giải quyết"), "finished"),
    ("finished_early", gettext_lazy("Trước hạn"), "finished_early"),
    ("finished_on_time", gettext_lazy("Đúng hạn"), "finished_on_time"),
    ("finished_late", gettext_lazy("Giải quyết quá hạn"), "finished_late"),
    ("open_total", gettext_lazy("Đang giải quyết"), "open"),
    ("open_within", gettext_lazy("Đang giải quyết còn hạn"), "open_within"),
    ("open_overdue", gettext_lazy("Đang giải quyết quá hạn"), "open_overdue"),
    ("returned", gettext_lazy("Đã trả kết quả"), "returned"),
    ("withdrawn_total", gettext_lazy("Rút hồ sơ"), "withdrawn"),
    ("refused", gettext_lazy("Từ chối tiếp nhận"), "refused"),
    ("stopped", gettext_lazy("Dừng xử lý"), "stopped"),
)
RATES: tuple[tuple[str, Any], ...] = (
    ("online_rate", gettext_lazy("Tỷ lệ trực tuyến")),
    ("on_time_rate", gettext_lazy("Tỷ lệ trước hạn, đúng hạn")),
    ("progress_rate", gettext_lazy("Chỉ số 2.1")),
    ("average_working_days", gettext_lazy("Thời gian giải quyết trung bình (ngày làm việc)")),
    ("supplement_rate", gettext_lazy("Tỷ lệ phải bổ sung")),
)
RUNNING = (Status.RECEIVED, Status.PROCESSING, Status.PAYMENT_REQUESTED)


def _percent(value: float | None) -> str:
    return _("Chưa có dữ liệu") if value is None else f"{value * 100:.2f}%".replace(".", ",")


def _rate_text(name: str, value: float | None) -> str:
    if name == "average_working_days":
        return _("Chưa có dữ liệu") if value is None else f"{value:.2f}".replace(".", ",")
    return _percent(value)


@dataclass
class Period:
    start: dt.date
    end: dt.date
    agency: Agency | None
    procedure: Procedure | None
    field: Field | None

    def params(self, **extra: Any) -> str:
        values: dict[str, Any] = {"from": self.start.isoformat(), "to": self.end.isoformat()}
        if self.agency is not None:
            values["agency"] = self.agency.code
        if self.procedure is not None:
            values["procedure"] = self.procedure.code
        if self.field is not None:
            values["field"] = self.field.pk
        values.update({k: v for k, v in extra.items() if v is not None})
        return urlencode(values)

    def linker(self, **extra: Any) -> Callable[[str], str]:
        """metric → the dossiers list's URL, the same as reverse(…) + "?" + params(metric=…, **extra),
        with the URL reversed and the common parameters encoded once (a report page has ~1,000 links)."""
        base = reverse("stats:dossiers")
        values: dict[str, Any] = {"from": self.start.isoformat(), "to": self.end.isoformat()}
        if self.agency is not None:
            values["agency"] = self.agency.code
        if self.procedure is not None:
            values["procedure"] = self.procedure.code
        if self.field is not None:
            values["field"] = self.field.pk
        after: dict[str, Any] = {}
        for key, value in extra.items():
            if value is not None:
                (values if key in values else after)[key] = value
        head, tail = urlencode(values), urlencode(after)
        return lambda metric: f"{base}?{head}&{urlencode({'metric': metric})}" + (f"&{tail}" if tail else "")


def _scope(request: HttpRequest) -> Scope:
    scope = scope_for(request.user)
    if scope is None:
        raise PermissionDenied
    return scope


# Periods outside these bounds have no figures and overflow date arithmetic (9999-12-31 + 1 day).
EARLIEST_DAY = dt.date(2000, 1, 1)


def _date(value: str | None) -> dt.date | None:
    """A date typed in a filter, clamped to [2000-01-01, a year from today]; None if unreadable."""
    if not value:
        return None
    for fmt in ("%Y-%m-%d", "%d/%m/%Y"):
        try:
            day = dt.datetime.strptime(value.strip(), fmt).date()
        except ValueError:
            continue
        return min(max(day, EARLIEST_DAY), timezone.localdate() + dt.timedelta(days=366))
    return None


def _period(request: HttpRequest, scope: Scope) -> Period:
    """The period and filters asked for; defaults: from the first figures to today."""
    today = timezone.localdate()
    end = _date(request.GET.get("to")) or today
    start = _date(request.GET.get("from"))
    if start is None:
        first = AgencyDailyCount.objects.filter(scope.q()).aggregate(first=Min("day"))["first"]
        start = first or max(REFORM_DATE, today.replace(month=1, day=1))
    if end < start:
        start, end = end, start
    agency = procedure = field = None
    code = request.GET.get("agency")
    if code:
        agency = Agency.objects.filter(code=code).first()
        if agency is None or not scope.contains(agency):
            raise Http404
    if request.GET.get("procedure"):
        procedure = Procedure.objects.filter(code=request.GET["procedure"]).first()
        if procedure is None:
            raise Http404
    field_id = request.GET.get("field", "")
    if field_id.isascii() and field_id.isdigit() and len(field_id) < 10:
        field = Field.objects.filter(pk=int(field_id)).first()
    return Period(start, end, agency, procedure, field)


def _cells(f: Figures, period: Period) -> list[dict[str, Any]]:
    """The report row's cells, each figure with the link to its dossiers."""
    cells = []
    link = period.linker()
    for attribute, header, metric in COLUMNS:
        value = getattr(f, attribute)
        url = link(metric) if metric and value else None
        cells.append({"header": header, "value": value, "url": url})
    for attribute, header in RATES:
        cells.append({"header": header, "value": _rate_text(attribute, getattr(f, attribute)), "url": None})
    return cells


def _line_links(lines: list[Line], period: Period) -> list[dict[str, Any]]:
    codes = dict(
        Agency.objects.filter(pk__in=[ln.agency_id for ln in lines if ln.agency_id]).values_list("pk", "code")
    )
    rows = []
    for line in lines:
        extra: dict[str, Any] = {}
        if line.agency_id is not None and period.agency is None:
            extra["agency"] = codes.get(line.agency_id)
        if line.procedure_id is not None:
            extra["procedure"] = line.code
        if line.field_id is not None:
            extra["field"] = line.field_id
        cells = []
        link = period.linker(**extra)
        for attribute, header, metric in COLUMNS:
            value = getattr(line.figures, attribute)
            url = None
            if metric is not None and value and (extra or period.agency):
                url = link(metric)
            cells.append({"header": header, "value": value, "url": url})
        for attribute, header in RATES:
            cells.append(
                {
                    "header": header,
                    "value": _rate_text(attribute, getattr(line.figures, attribute)),
                    "url": None,
                }
            )
        rows.append({"code": line.code, "label": line.label, "cells": cells})
    return rows


# ---------------------------------------------------------------------------------------
# Dashboard


@login_required
def dashboard(request: HttpRequest) -> HttpResponse:
    scope = _scope(request)
    period = _period(request, scope)
    summary = overview(scope, period.start, period.end, agency=period.agency)
    total = summary.total
    index = index766.compute(
        scope if period.agency is None else scope.narrow(period.agency), total, period.end, start=period.start
    )
    step = "week" if (period.end - period.start).days <= 120 else "month"
    buckets = trend(scope, period.start, period.end, step, agency=period.agency)
    labels = [b.label for b in buckets]
    trend_chart = charts.column_chart(
        "trend",
        _("Hồ sơ tiếp nhận và đã giải quyết theo tuần")
        if step == "week"
        else _("Hồ sơ tiếp nhận và đã giải quyết theo tháng"),
        _(
            "Biểu đồ cột: số hồ sơ tiếp nhận mới, đã giải quyết và giải quyết quá hạn trong từng kỳ; "
            "số liệu chi tiết ở bảng bên dưới."
        ),
        labels,
        [
            charts.Series(_("Tiếp nhận"), [b.received for b in buckets], charts.PALETTE[0]),
            charts.Series(_("Đã giải quyết"), [b.finished for b in buckets], charts.PALETTE[1]),
            charts.Series(_("Giải quyết quá hạn"), [b.finished_late for b in buckets], charts.PALETTE[2]),
        ],
    )
    rankings = []
    for by in ("agency", "unit"):
        if scope.kind == "agency" or (by == "unit" and scope.kind == "unit") or period.agency is not None:
            continue
        lines = summary.by_agency if by == "agency" else summary.by_unit
        ranked = sorted(
            lines,
            key=lambda ln: (
                ln.figures.progress_rate if ln.figures.progress_rate is not None else 2,
                -ln.figures.handled,
            ),
        )[:15]
        items = [
            (ln.label, (ln.figures.progress_rate or 0) * 100, _percent(ln.figures.progress_rate))
            for ln in ranked
        ]
        rankings.append(
            {
                "by": by,
                "title": BREAKDOWN_LABELS[by],
                "chart": charts.bar_list(
                    f"rank-{by}",
                    _("Chỉ số 2.1 thấp nhất: %(what)s") % {"what": BREAKDOWN_LABELS[by]},
                    _("Biểu đồ thanh: tỷ lệ hồ sơ đúng hạn (chỉ số 2.1), các đơn vị thấp nhất trước."),
                    items,
                    maximum=100,
                ),
                "rows": [
                    {
                        "label": row["label"],
                        "handled": line.figures.handled,
                        "late": row["cells"][9],
                        "overdue": row["cells"][12],
                        "progress": _percent(line.figures.progress_rate),
                    }
                    for line, row in zip(ranked, _line_links(ranked, period), strict=True)
                ],
            }
        )
    late = late_dossiers(scope, period.agency)
    last_event = DossierEvent.objects.aggregate(last=Max("at"))["last"]
    agencies = (
        Agency.objects.filter(pk__in=sorted(scope.all_ids)).order_by("kind", "code")
        if scope.kind != "agency"
        else Agency.objects.none()
    )
    return render(
        request,
        "stats/dashboard.html",
        {
            "scope": scope,
            "period": period,
            "total": total,
            "cells": _cells(total, period),
            "index": index,
            "trend_chart": trend_chart,
            "buckets": buckets,
            "step": step,
            "rankings": rankings,
            "late": late,
            "late_url": reverse("stats:dossiers")
            + "?"
            + period.params(metric="open_overdue", to=timezone.localdate().isoformat()),
            "last_event": last_event,
            "agencies": agencies,
            "key": [
                (_("Tiếp nhận mới trong kỳ"), total.received, "received"),
                (_("Đã giải quyết"), total.finished, "finished"),
                (_("Quá hạn, kể cả đang giải quyết"), total.late_total, "late"),
                (_("Đang giải quyết cuối kỳ"), total.open_total, "open"),
            ],
            "key_rates": [
                (_("Tỷ lệ trực tuyến"), _percent(total.online_rate)),
                (_("Tỷ lệ trước hạn, đúng hạn"), _percent(total.on_time_rate)),
                (_("Chỉ số 2.1"), _percent(total.progress_rate)),
            ],
            "query": period.params(),
        },
    )


def late_dossiers(scope: Scope, agency: Agency | None, limit: int = 20) -> list[Dossier]:
    """The running dossiers past their due time, oldest due first.

    One small query per running status, each an ordered walk of the (status, due_at) index that
    stops after `limit` rows; a single IN query would fetch every overdue dossier to sort them.
    """
    now = timezone.now()
    candidates: list[tuple[Any, int]] = []
    for status in RUNNING:
        qs = Dossier.objects.filter(scope.q()).filter(status=status, due_at__lt=now)
        if agency is not None:
            qs = qs.filter(Q(competent_agency=agency) | Q(receiving_agency=agency))
        candidates.extend((due, pk) for pk, due in qs.order_by("due_at").values_list("pk", "due_at")[:limit])
    ids = [pk for _due, pk in sorted(candidates)[:limit]]
    found = Dossier.objects.select_related("version__procedure", "competent_agency").in_bulk(ids)
    return [found[pk] for pk in ids]


# ---------------------------------------------------------------------------------------
# Report by breakdown


def _breakdown(request: HttpRequest) -> str:
    by = request.GET.get("by", "agency")
    if by not in BREAKDOWNS:
        raise Http404
    return by


@login_required
def report_view(request: HttpRequest) -> HttpResponse:
    scope = _scope(request)
    period = _period(request, scope)
    by = _breakdown(request)
    lines = grouped(
        scope,
        period.start,
        period.end,
        by,
        agency=period.agency,
        procedure=period.procedure,
        field_=period.field,
    )
    paginator = Paginator(lines, 100)
    page = paginator.get_page(request.GET.get("page"))
    total = figures(
        scope, period.start, period.end, agency=period.agency, procedure=period.procedure, field_=period.field
    )
    return render(
        request,
        "stats/report.html",
        {
            "scope": scope,
            "period": period,
            "by": by,
            "by_label": BREAKDOWN_LABELS[by],
            "breakdowns": [(key, BREAKDOWN_LABELS[key]) for key in BREAKDOWNS],
            "headers": [h for _a, h, _m in COLUMNS] + [h for _a, h in RATES],
            "rows": _line_links(list(page.object_list), period),
            "page": page,
            "total_cells": _cells(total, period),
            "query": period.params(by=by),
        },
    )


# ---------------------------------------------------------------------------------------
# The dossiers behind a figure


def _facts(scope: Scope, period: Period, metric: str) -> Any:
    try:
        condition = metric_q(metric, period.start, period.end)
    except ValueError:
        raise Http404 from None
    facts = DossierFact.objects.filter(scope.q()).filter(condition)
    if period.agency is not None:
        facts = facts.filter(receiving_agency=period.agency) | facts.filter(competent_agency=period.agency)
    if period.procedure is not None:
        facts = facts.filter(procedure=period.procedure)
    if period.field is not None:
        facts = facts.filter(field=period.field)
    return facts.select_related("dossier", "procedure", "receiving_agency", "competent_agency").order_by(
        "received_at", "dossier_id"
    )


@login_required
def dossier_list(request: HttpRequest) -> HttpResponse:
    scope = _scope(request)
    period = _period(request, scope)
    metric = request.GET.get("metric", "received")
    paginator = Paginator(_facts(scope, period, metric), 50)
    page = paginator.get_page(request.GET.get("page"))
    return render(
        request,
        "stats/dossiers.html",
        {
            "scope": scope,
            "period": period,
            "metric": metric,
            "metric_label": METRIC_LABELS.get(metric, metric),
            "metrics": [(key, METRIC_LABELS[key]) for key in METRICS],
            "page": page,
            "query": period.params(metric=metric),
        },
    )


# ---------------------------------------------------------------------------------------
# XLSX exports


def _title_lines(scope: Scope, period: Period) -> list[str]:
    where = period.agency.name if period.agency else scope.label
    return [
        _("Báo cáo tình hình giải quyết hồ sơ: %(scope)s") % {"scope": where},
        _("Từ ngày %(start)s đến ngày %(end)s")
        % {"start": period.start.strftime("%d/%m/%Y"), "end": period.end.strftime("%d/%m/%Y")},
    ]


def _figure_row(f: Figures) -> list[Any]:
    row: list[Any] = [getattr(f, attribute) for attribute, _h, _m in COLUMNS]
    for attribute, _h in RATES:
        value = getattr(f, attribute)
        row.append(
            None if value is None else round(value * (1 if attribute == "average_working_days" else 100), 2)
        )
    return row


def _figure_headers() -> list[str]:
    headers = [str(h) for _a, h, _m in COLUMNS]
    for attribute, header in RATES:
        headers.append(str(header) + ("" if attribute == "average_working_days" else " (%)"))
    return headers


@login_required
def export(request: HttpRequest, table: str) -> HttpResponse:
    scope = _scope(request)
    period = _period(request, scope)
    sheets: list[tuple[str, list[str], list[list[Any]]]] = []
    if table == "report":
        by = _breakdown(request)
        lines = grouped(
            scope,
            period.start,
            period.end,
            by,
            agency=period.agency,
            procedure=period.procedure,
            field_=period.field,
        )
        total = figures(
            scope,
            period.start,
            period.end,
            agency=period.agency,
            procedure=period.procedure,
            field_=period.field,
        )
        rows = [[line.code, line.label, *_figure_row(line.figures)] for line in lines]
        rows.append(["", _("Tổng cộng"), *_figure_row(total)])
        sheets.append((_("Báo cáo"), [_("Mã"), str(BREAKDOWN_LABELS[by]), *_figure_headers()], rows))
    elif table == "index":
        total = figures(scope, period.start, period.end, agency=period.agency)
        index = index766.compute(scope, total, period.end, start=period.start)
        rows = [
            [
                g.label,
                i.code,
                i.name,
                float(i.max_points),
                float(i.threshold) * 100,
                i.numerator if i.has_data else None,
                i.denominator if i.has_data else None,
                round(i.rate * 100, 2) if i.rate is not None else _("Chưa có dữ liệu"),
                round(i.score, 2) if i.score is not None else _("Chưa có dữ liệu"),
            ]
            for g in index.groups
            for i in g.indicators
        ]
        sheets.append(
            (
                _("Chỉ số 766"),
                [
                    _("Nhóm"),
                    _("Mã chỉ số"),
                    _("Tên chỉ số"),
                    _("Điểm tối đa"),
                    _("Ngưỡng đạt tối đa (%)"),
                    _("Tử số"),
                    _("Mẫu số"),
                    _("Tỷ lệ (%)"),
                    _("Điểm"),
                ],
                rows,
            )
        )
    elif table == "trend":
        step = request.GET.get("step", "week")
        if step not in ("week", "month"):
            raise Http404
        buckets = trend(scope, period.start, period.end, step, agency=period.agency)
        sheets.append(
            (
                _("Xu hướng"),
                [
                    _("Từ ngày"),
                    _("Tiếp nhận"),
                    _("Trực tuyến"),
                    _("Đã giải quyết"),
                    _("Trước hạn, đúng hạn"),
                    _("Giải quyết quá hạn"),
                ],
                [
                    [
                        b.start.strftime("%d/%m/%Y"),
                        b.received,
                        b.received_online,
                        b.finished,
                        b.finished_in_time,
                        b.finished_late,
                    ]
                    for b in buckets
                ],
            )
        )
    elif table == "dossiers":
        metric = request.GET.get("metric", "received")
        facts = _facts(scope, period, metric)[:50000]
        sheets.append(
            (
                _("Hồ sơ"),
                [
                    _("Mã hồ sơ"),
                    _("Mã thủ tục"),
                    _("Tên thủ tục"),
                    _("Nơi tiếp nhận"),
                    _("Cơ quan giải quyết"),
                    _("Thời điểm tiếp nhận"),
                    _("Hạn giải quyết"),
                    _("Thời điểm kết thúc"),
                    _("Trạng thái"),
                    _("Kết quả đúng hạn"),
                ],
                [
                    [
                        f.dossier.code,
                        f.procedure.code,
                        f.procedure.name,
                        f.receiving_agency.name,
                        f.competent_agency.name,
                        _local(f.received_at),
                        _local(f.due_at),
                        _local(f.ended_at),
                        str(Status(f.dossier.status).label),
                        str(f.get_timeliness_display()),
                    ]
                    for f in facts
                ],
            )
        )
    else:
        raise Http404
    data = xlsx.workbook(sheets, _title_lines(scope, period))
    response = HttpResponse(
        data, content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    name = f"thong-ke-{table}-{period.start:%Y%m%d}-{period.end:%Y%m%d}.xlsx"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


def _local(value: dt.datetime | None) -> str:
    return timezone.localtime(value).strftime("%d/%m/%Y %H:%M") if value else ""
