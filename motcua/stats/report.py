"""The operational report for any scope, period and breakdown, read from the daily counters.

Flows are sums over the days of the period; stocks (carried over, open at the end, overdue at
the end) are prefix sums, read from the monthly snapshot on or before the day needed plus the
daily rows since (motcua.stats.snapshots). A report reads the rows of its period — its whole
months from the monthly tables, its other days from the daily ones — and at most one month of
days before it, never all history: three queries (monthly rows, daily rows, snapshot rows), plus
one for the list of built months. The province dashboard reads only the agency tables
(`AgencyDailyCount`, `AgencyMonthlyCount`: a row per day or month and agency pair); breakdowns by
procedure or field read `DailyCount` and `MonthlyCount`.

The definitions (REGULATIONS.md "Time" and "Operational report"):
- received: the clock started in the period (online, counter, postal); carried over:
  received before the period and still open when it began;
- finished: the 766 finish time (result ready, else returned, else stopped, else an
  unanswered supplement request) falls in the period: early, on time or late;
- in progress: open at the end of the period, within the deadline or overdue (due time
  passed, or more than one supplement request);
- withdrawn, refused (at reception), stopped, returned: their own times in the period;
- progress 2.1 = (finished early or on time + open within the deadline) ÷ (finished + open);
  withdrawn dossiers are in neither.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field, fields
from typing import Any

from django.db.models import Q, Sum, Value
from django.utils.translation import gettext_lazy

from motcua.agencies.models import Agency
from motcua.catalog.models import Field, Procedure
from motcua.stats import snapshots
from motcua.stats.models import COUNTER_COLUMNS, AgencyDailyCount, Outcome, Timeliness
from motcua.stats.scope import Scope
from motcua.worktime.calendars import calendar_for

BREAKDOWNS = ("agency", "receiving", "unit", "field", "procedure")
BREAKDOWN_LABELS = {
    "agency": gettext_lazy("Cơ quan giải quyết"),
    "receiving": gettext_lazy("Nơi tiếp nhận"),
    "unit": gettext_lazy("Xã, phường (nơi tiếp nhận)"),
    "field": gettext_lazy("Lĩnh vực"),
    "procedure": gettext_lazy("Thủ tục"),
}


def _ratio(numerator: int, denominator: int) -> float | None:
    return numerator / denominator if denominator else None


@dataclass
class Figures:
    """Counters of one report line; all additive, rates derived."""

    received_counter: int = 0
    received_online: int = 0
    received_postal: int = 0
    received_with_supplement: int = 0
    finished_early: int = 0
    finished_on_time: int = 0
    finished_late: int = 0
    withdrawn: int = 0
    withdrawn_unreceived: int = 0
    refused: int = 0
    stopped: int = 0
    returned: int = 0
    became_overdue: int = 0
    ended_overdue: int = 0
    working_minutes: int = 0
    fee_dossiers: int = 0
    paid_online: int = 0
    results_issued: int = 0
    electronic_results: int = 0
    carried_over: int = 0
    open_overdue: int = 0
    day_minutes: int = 480

    def __add__(self, other: Figures) -> Figures:
        out = Figures(day_minutes=self.day_minutes)
        for f in fields(self):
            if f.name != "day_minutes":
                setattr(out, f.name, getattr(self, f.name) + getattr(other, f.name))
        return out

    @property
    def received(self) -> int:
        return self.received_counter + self.received_online + self.received_postal

    @property
    def handled(self) -> int:
        return self.carried_over + self.received

    @property
    def finished(self) -> int:
        return self.finished_early + self.finished_on_time + self.finished_late

    @property
    def finished_in_time(self) -> int:
        return self.finished_early + self.finished_on_time

    @property
    def open_total(self) -> int:
        return self.carried_over + self.received - self.finished - self.withdrawn

    @property
    def open_within(self) -> int:
        return self.open_total - self.open_overdue

    @property
    def withdrawn_total(self) -> int:
        return self.withdrawn + self.withdrawn_unreceived

    @property
    def late_total(self) -> int:
        return self.finished_late + self.open_overdue

    @property
    def online_rate(self) -> float | None:
        return _ratio(self.received_online, self.received)

    @property
    def on_time_rate(self) -> float | None:
        return _ratio(self.finished_in_time, self.finished)

    @property
    def progress_rate(self) -> float | None:
        """Indicator 2.1 of Decision 766."""
        return _ratio(self.finished_in_time + self.open_within, self.finished + self.open_total)

    @property
    def supplement_rate(self) -> float | None:
        return _ratio(self.received_with_supplement, self.received)

    @property
    def average_working_days(self) -> float | None:
        if not self.finished:
            return None
        return self.working_minutes / self.finished / self.day_minutes

    def as_dict(self) -> dict[str, Any]:
        """Every figure, for --json and the tests."""
        return {
            "received": self.received,
            "received_online": self.received_online,
            "received_counter": self.received_counter,
            "received_postal": self.received_postal,
            "carried_over": self.carried_over,
            "handled": self.handled,
            "finished": self.finished,
            "finished_early": self.finished_early,
            "finished_on_time": self.finished_on_time,
            "finished_late": self.finished_late,
            "open": self.open_total,
            "open_within": self.open_within,
            "open_overdue": self.open_overdue,
            "returned": self.returned,
            "withdrawn": self.withdrawn_total,
            "refused": self.refused,
            "stopped": self.stopped,
            "online_rate": self.online_rate,
            "on_time_rate": self.on_time_rate,
            "progress_rate": self.progress_rate,
            "average_working_days": self.average_working_days,
            "supplement_rate": self.supplement_rate,
        }


def _day_minutes() -> int:
    return int(calendar_for().day_length.total_seconds() // 60)


@dataclass
class Line:
    key: Any
    label: str
    code: str
    figures: Figures
    agency_id: int | None = None
    procedure_id: int | None = None
    field_id: int | None = None


@dataclass
class Report:
    scope: Scope
    start: dt.date
    end: dt.date
    by: str | None
    total: Figures
    lines: list[Line] = field(default_factory=list)


# ---------------------------------------------------------------------------------------
# The query


def _filtered(
    model: Any,
    scope: Scope,
    agency: Agency | None,
    procedure: Procedure | None,
    field_: Field | None,
) -> Any:
    qs: Any = model.objects.filter(scope.q())
    if agency is not None:
        qs = qs.filter(Q(receiving_agency_id=agency.pk) | Q(competent_agency_id=agency.pk))
    if procedure is not None:
        qs = qs.filter(procedure_id=procedure.pk)
    if field_ is not None:
        qs = qs.filter(procedure__field_id=field_.pk)
    return qs


def _daily_aggregates(start: dt.date, at_end: dt.date | None) -> dict[str, Any]:
    period = Q(day__gte=start)
    # Aliases must differ from the column names (Django refuses an aggregate named like a field).
    aggregates: dict[str, Any] = {f"sum_{c}": Sum(c, filter=period) for c in COUNTER_COLUMNS}
    # Stocks: open when the period began = the snapshot's + received − left the open set since it.
    aggregates["sum_carried_over"] = Sum(snapshots.open_f(), filter=Q(day__lt=start))
    # Open and overdue at the end: became overdue while open, minus those that have ended.
    aggregates["sum_open_overdue"] = Sum(
        snapshots.overdue_f(), filter=Q(day__gte=at_end) if at_end is not None else None
    )
    return aggregates


def _rows(
    scope: Scope,
    start: dt.date,
    end: dt.date,
    group: tuple[str, ...],
    *,
    fine: bool,
    agency: Agency | None = None,
    procedure: Procedure | None = None,
    field_: Field | None = None,
    stocks: bool = True,
) -> dict[tuple[Any, ...], Figures]:
    """Figures per value of `group` (one entry, key (), when empty), from three queries at most:
    the monthly rows of the period's whole months; the daily rows of its other days and of the
    days between the snapshot month on or before `start` and `start`; the snapshot rows of that
    month and of the latest one on or before the day after `end`. Never more rows than the period
    needs plus one month of days."""
    pair = snapshots.FINE if fine else snapshots.COARSE
    minutes = _day_minutes()
    if not stocks:  # flows only: the period's rows, nothing before it
        first = last = None
        aggregates = {f"sum_{c}": Sum(c) for c in COUNTER_COLUMNS}
        start_bound: dt.date | None = start
    else:
        first, last = snapshots.bases(snapshots.built_months(pair), start, end)
        aggregates = _daily_aggregates(start, last)
        start_bound = first
    # The whole months of the period from the monthly rows, the other days from the daily rows.
    whole_from = start if start.day == 1 else snapshots.next_month(start)
    whole_to = snapshots.month_start(end + dt.timedelta(days=1))  # excluded
    daily = _filtered(pair.daily, scope, agency, procedure, field_)
    lower = Q(day__gte=start_bound) if start_bound is not None else Q()
    parts = []
    if whole_from < whole_to:
        # Two ranges (the partitions of the whole months are not even opened).
        daily = daily.filter((lower & Q(day__lt=whole_from)) | Q(day__gte=whole_to, day__lte=end))
        # A province-wide report by procedure or field: the per-procedure monthly rows (all
        # agencies together) are enough.
        wide = pair.province is not None and scope.agency_ids is None and agency is None
        table = pair.province if wide and set(group) <= {"procedure_id"} else pair.monthly
        monthly = _filtered(table, scope, agency, procedure, field_).filter(
            day__gte=whole_from, day__lt=whole_to
        )
        parts.append(_aggregate(monthly, group, aggregates))
    else:
        daily = daily.filter(lower, day__lte=end)
    parts.append(_aggregate(daily, group, aggregates))
    if stocks and (first is not None or last is not None):
        stock = (
            _filtered(pair.stock, scope, agency, procedure, field_)
            .exclude(receiving_agency_id=0)
            .filter(month__in=[m for m in (first, last) if m is not None])
        )
        zero = Value(0)
        parts.append(
            _aggregate(
                stock,
                group,
                {
                    "sum_carried_over": Sum("open_count", filter=Q(month=first)) if first else Sum(zero),
                    "sum_open_overdue": Sum("overdue_count", filter=Q(month=last)) if last else Sum(zero),
                },
            )
        )
    out: dict[tuple[Any, ...], Figures] = {}
    for part in parts:
        for key, row in part.items():
            f = _figures(row, minutes)
            out[key] = out[key] + f if key in out else f
    return out


def _aggregate(
    qs: Any, group: tuple[str, ...], aggregates: dict[str, Any]
) -> dict[tuple[Any, ...], dict[str, Any]]:
    if not group:
        return {(): qs.aggregate(**aggregates)}
    rows = qs.values(*group).annotate(**aggregates).order_by()
    return {tuple(row[g] for g in group): row for row in rows}


def _figures(row: dict[str, Any], day_minutes: int) -> Figures:
    values = {k: int(row.get(f"sum_{k}") or 0) for k in (*COUNTER_COLUMNS, "carried_over", "open_overdue")}
    return Figures(day_minutes=day_minutes, **values)


def figures(
    scope: Scope,
    start: dt.date,
    end: dt.date,
    *,
    agency: Agency | None = None,
    procedure: Procedure | None = None,
    field_: Field | None = None,
    stocks: bool = True,
) -> Figures:
    """The figures of one scope and period (`stocks=False`: the flows only, carried over and
    overdue left at 0 — two queries, for a page that shows no stock)."""
    fine = procedure is not None or field_ is not None
    rows = _rows(
        scope, start, end, (), fine=fine, agency=agency, procedure=procedure, field_=field_, stocks=stocks
    )
    return rows.get((), Figures(day_minutes=_day_minutes()))


def grouped(
    scope: Scope,
    start: dt.date,
    end: dt.date,
    by: str,
    *,
    agency: Agency | None = None,
    procedure: Procedure | None = None,
    field_: Field | None = None,
) -> list[Line]:
    """One line per agency, receiving centre, unit, field or procedure."""
    if by not in BREAKDOWNS:
        raise ValueError(by)
    fine = by in ("field", "procedure") or procedure is not None or field_ is not None
    column = {
        "agency": "competent_agency_id",
        "receiving": "receiving_agency_id",
        "unit": "receiving_agency_id",
        "field": "procedure_id",
        "procedure": "procedure_id",
    }[by]
    rows = _rows(scope, start, end, (column,), fine=fine, agency=agency, procedure=procedure, field_=field_)
    raw = {key[0]: figures for key, figures in rows.items()}
    return _visible(_label(by, raw))


def _visible(lines: list[Line]) -> list[Line]:
    return [
        line for line in lines if line.figures.handled or line.figures.refused or line.figures.withdrawn_total
    ]


@dataclass
class Overview:
    total: Figures
    by_agency: list[Line]
    by_unit: list[Line]


def overview(scope: Scope, start: dt.date, end: dt.date, *, agency: Agency | None = None) -> Overview:
    """The dashboard's total and its agency and commune rankings from one read (see `_rows`).

    Grouped by (receiving, competent) agency pair — a few hundred rows — then added up in
    Python: every figure, stocks included, is additive.
    """
    rows = _rows(scope, start, end, ("receiving_agency_id", "competent_agency_id"), fine=False, agency=agency)
    minutes = _day_minutes()
    total = Figures(day_minutes=minutes)
    competent: dict[int, Figures] = {}
    receiving: dict[int, Figures] = {}
    for (r, c), f in rows.items():
        total = total + f
        competent[c] = competent[c] + f if c in competent else f
        receiving[r] = receiving[r] + f if r in receiving else f
    return Overview(total, _visible(_label("agency", competent)), _visible(_label("unit", receiving)))


def _label(by: str, raw: dict[int, Figures]) -> list[Line]:
    if by in ("agency", "receiving"):
        agencies = Agency.objects.in_bulk(list(raw))
        return sorted(
            (
                Line(pk, agencies[pk].name, agencies[pk].code, figures, agency_id=pk)
                for pk, figures in raw.items()
            ),
            key=lambda line: line.code,
        )
    if by == "unit":
        agencies = Agency.objects.select_related("unit").in_bulk(list(raw))
        units: dict[int, Figures] = {}
        names: dict[int, tuple[str, str]] = {}
        for pk, figures in raw.items():
            unit = agencies[pk].unit
            units[unit.pk] = units[unit.pk] + figures if unit.pk in units else figures
            names[unit.pk] = (unit.name, unit.code)
        return sorted(
            (Line(pk, names[pk][0], names[pk][1], f) for pk, f in units.items()), key=lambda line: line.code
        )
    procedures = Procedure.objects.select_related("field").in_bulk(list(raw))
    if by == "procedure":
        return sorted(
            (Line(pk, procedures[pk].name, procedures[pk].code, f, procedure_id=pk) for pk, f in raw.items()),
            key=lambda line: line.code,
        )
    by_field: dict[int, Figures] = {}
    field_names: dict[int, str] = {}
    for pk, figures in raw.items():
        fld = procedures[pk].field
        by_field[fld.pk] = by_field[fld.pk] + figures if fld.pk in by_field else figures
        field_names[fld.pk] = fld.name
    return sorted(
        (Line(pk, field_names[pk], "", f, field_id=pk) for pk, f in by_field.items()),
        key=lambda line: line.label,
    )


def report(
    scope: Scope, start: dt.date, end: dt.date, by: str | None = None, *, agency: Agency | None = None
) -> Report:
    total = figures(scope, start, end, agency=agency)
    lines = grouped(scope, start, end, by, agency=agency) if by else []
    return Report(scope, start, end, by, total, lines)


# ---------------------------------------------------------------------------------------
# Trends: flows per week or month (stocks are not additive over buckets)


@dataclass
class Bucket:
    start: dt.date
    label: str
    received: int = 0
    received_online: int = 0
    finished: int = 0
    finished_in_time: int = 0
    finished_late: int = 0


def _bucket_start(day: dt.date, step: str) -> dt.date:
    if step == "month":
        return day.replace(day=1)
    return day - dt.timedelta(days=day.weekday())


def trend(
    scope: Scope, start: dt.date, end: dt.date, step: str = "week", agency: Agency | None = None
) -> list[Bucket]:
    qs = _filtered(AgencyDailyCount, scope, agency, None, None).filter(day__gte=start, day__lte=end)
    rows = (
        qs.values("day")
        .annotate(
            counter=Sum("received_counter"),
            online=Sum("received_online"),
            postal=Sum("received_postal"),
            early=Sum("finished_early"),
            in_time=Sum("finished_on_time"),
            late=Sum("finished_late"),
        )
        .order_by("day")
    )
    buckets: dict[dt.date, Bucket] = {}
    day = _bucket_start(start, step)
    while day <= end:
        label = day.strftime("%m/%Y") if step == "month" else day.strftime("%d/%m")
        buckets[day] = Bucket(day, label)
        day = (
            (day.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
            if step == "month"
            else day + dt.timedelta(days=7)
        )
    for row in rows:
        bucket = buckets[_bucket_start(row["day"], step)]
        bucket.received += row["counter"] + row["online"] + row["postal"]
        bucket.received_online += row["online"]
        bucket.finished += row["early"] + row["in_time"] + row["late"]
        bucket.finished_in_time += row["early"] + row["in_time"]
        bucket.finished_late += row["late"]
    return list(buckets.values())


# ---------------------------------------------------------------------------------------
# The dossiers behind a figure (filters on DossierFact, the same definitions)


def _metrics() -> dict[str, Callable[[dt.date, dt.date], Q]]:
    def received(a: dt.date, b: dt.date) -> Q:
        return Q(received_on__gte=a, received_on__lte=b)

    def finished(a: dt.date, b: dt.date) -> Q:
        return Q(outcome=Outcome.FINISHED, ended_on__gte=a, ended_on__lte=b)

    def open_at_end(a: dt.date, b: dt.date) -> Q:
        return Q(received_on__lte=b) & (Q(ended_on__isnull=True) | Q(ended_on__gt=b))

    def overdue(a: dt.date, b: dt.date) -> Q:
        return open_at_end(a, b) & Q(overdue_on__lte=b)

    def within(a: dt.date, b: dt.date) -> Q:
        return open_at_end(a, b) & (Q(overdue_on__isnull=True) | Q(overdue_on__gt=b))

    def on(name: str) -> Callable[[dt.date, dt.date], Q]:
        return lambda a, b: Q(**{f"{name}__gte": a, f"{name}__lte": b})

    return {
        "received": received,
        "received_online": lambda a, b: received(a, b) & Q(channel=2),
        "received_counter": lambda a, b: received(a, b) & Q(channel=1),
        "received_postal": lambda a, b: received(a, b) & Q(channel=3),
        "carried_over": lambda a, b: Q(received_on__lt=a) & (Q(ended_on__isnull=True) | Q(ended_on__gte=a)),
        "finished": finished,
        "finished_early": lambda a, b: finished(a, b) & Q(timeliness=Timeliness.EARLY),
        "finished_on_time": lambda a, b: finished(a, b) & Q(timeliness=Timeliness.ON_TIME),
        "finished_late": lambda a, b: finished(a, b) & Q(timeliness=Timeliness.LATE),
        "open": open_at_end,
        "open_within": within,
        "open_overdue": overdue,
        "late": lambda a, b: (finished(a, b) & Q(timeliness=Timeliness.LATE)) | overdue(a, b),
        "withdrawn": lambda a, b: Q(outcome=Outcome.WITHDRAWN, ended_on__gte=a, ended_on__lte=b),
        "refused": on("refused_on"),
        "stopped": on("stopped_on"),
        "returned": on("returned_on"),
        "supplement": lambda a, b: received(a, b) & Q(supplement_count__gte=1),
    }


METRICS = _metrics()
METRIC_LABELS: dict[str, Any] = {
    "received": gettext_lazy("Tiếp nhận mới trong kỳ"),
    "received_online": gettext_lazy("Tiếp nhận trực tuyến"),
    "received_counter": gettext_lazy("Tiếp nhận trực tiếp"),
    "received_postal": gettext_lazy("Tiếp nhận qua bưu chính"),
    "carried_over": gettext_lazy("Kỳ trước chuyển sang"),
    "finished": gettext_lazy("Đã giải quyết"),
    "finished_early": gettext_lazy("Giải quyết trước hạn"),
    "finished_on_time": gettext_lazy("Giải quyết đúng hạn"),
    "finished_late": gettext_lazy("Giải quyết quá hạn"),
    "open": gettext_lazy("Đang giải quyết cuối kỳ"),
    "open_within": gettext_lazy("Đang giải quyết, còn hạn"),
    "open_overdue": gettext_lazy("Đang giải quyết, quá hạn"),
    "late": gettext_lazy("Quá hạn (đã giải quyết hoặc đang giải quyết)"),
    "withdrawn": gettext_lazy("Rút hồ sơ"),
    "refused": gettext_lazy("Từ chối tiếp nhận"),
    "stopped": gettext_lazy("Dừng xử lý"),
    "returned": gettext_lazy("Đã trả kết quả"),
    "supplement": gettext_lazy("Có yêu cầu bổ sung"),
}


def metric_q(metric: str, start: dt.date, end: dt.date) -> Q:
    try:
        return METRICS[metric](start, end)
    except KeyError:
        raise ValueError(metric) from None


def metric_value(figures: Figures, metric: str) -> int:
    """The figure a metric's list adds up to."""
    aliases = {
        "open": "open_total",
        "withdrawn": "withdrawn_total",
        "late": "late_total",
        "supplement": "received_with_supplement",
    }
    return int(getattr(figures, aliases.get(metric, metric)))
