"""One row per dossier for managers (CSV, XLSX, JSON lines); the statistics are checked against it."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections.abc import Iterator
from typing import IO, Any

from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext

from motcua.agencies.models import Agency
from motcua.core.spreadsheet import csv_row, xlsx_row
from motcua.dossiers.models import Dossier
from motcua.dossiers.timeliness import classify_dossier
from motcua.worktime.calendars import calendar_for
from motcua.worktime.core import MAX_YEAR, MIN_YEAR, TZ

COLUMNS = [
    "code",
    "procedure_code",
    "channel",
    "receiving_agency",
    "competent_agency",
    "status",
    "received_at",
    "due_at",
    "finished_at",
    "returned_at",
    "supplement_requests",
    "paused_working_hours",
    "timeliness",
]


def outside_calendar(start: dt.date, end: dt.date) -> str | None:
    """Why the period cannot be exported, when it leaves the working calendar's years (whose
    timeliness cannot be measured; past 9999-12-31 the period's end does not even exist)."""
    if MIN_YEAR <= start.year and end.year <= MAX_YEAR:
        return None
    return gettext("Lịch làm việc chỉ tính được cho các năm từ %(first)s đến %(last)s.") % {
        "first": MIN_YEAR, "last": MAX_YEAR}


def period_bounds(start: dt.date, end: dt.date) -> tuple[dt.datetime, dt.datetime]:
    """[start 00:00, day after end 00:00) in the province's time zone."""
    begin = dt.datetime.combine(start, dt.time(0), tzinfo=TZ)
    stop = dt.datetime.combine(end + dt.timedelta(days=1), dt.time(0), tzinfo=TZ)
    return begin, stop


def dossiers_in_period(start: dt.date, end: dt.date, agency: Agency | None = None) -> QuerySet[Dossier]:
    """Dossiers received in the period (or submitted in it and never received), of one agency if given."""
    begin, stop = period_bounds(start, end)
    qs = Dossier.objects.filter(
        Q(received_at__gte=begin, received_at__lt=stop)
        | Q(received_at__isnull=True, submitted_at__gte=begin, submitted_at__lt=stop)
    )
    if agency is not None:
        qs = qs.filter(Q(receiving_agency=agency) | Q(competent_agency=agency))
    return qs.select_related("version__procedure", "receiving_agency", "competent_agency").order_by(
        "received_at", "code"
    )


def _local(value: dt.datetime | None) -> str:
    return value.astimezone(TZ).strftime("%Y-%m-%d %H:%M") if value else ""


def rows(start: dt.date, end: dt.date, agency: Agency | None = None) -> Iterator[dict[str, Any]]:
    """The export rows; open dossiers are measured at the end of the period (or now, if earlier)."""
    cal = calendar_for()
    _, period_end = period_bounds(start, end)
    as_of = min(period_end, timezone.now())
    for d in dossiers_in_period(start, end, agency).iterator(chunk_size=2000):
        classification = classify_dossier(d, as_of=as_of, calendar=cal)
        yield {
            "code": d.code,
            "procedure_code": d.version.procedure.code,
            "channel": d.channel,
            "receiving_agency": d.receiving_agency.code,
            "competent_agency": d.competent_agency.code,
            "status": d.status,
            "received_at": _local(d.received_at),
            "due_at": _local(d.due_at),
            "finished_at": _local(d.finished_at),
            "returned_at": _local(d.returned_at),
            "supplement_requests": d.supplement_count,
            "paused_working_hours": round(d.paused_working.total_seconds() / 3600, 2)
            if d.paused_working
            else 0,
            "timeliness": classification.value if classification else "",
        }


def write(fmt: str, data: Iterator[dict[str, Any]], out: IO[bytes]) -> int:
    """Write rows in `fmt` (csv, xlsx, jsonl) to a binary stream; return the number of rows."""
    count = 0
    if fmt == "csv":
        text = io.TextIOWrapper(out, encoding="utf-8-sig", newline="")
        writer = csv.DictWriter(text, fieldnames=COLUMNS)
        writer.writeheader()
        for row in data:
            writer.writerow(csv_row(row))
            count += 1
        text.flush()
        text.detach()
    elif fmt == "jsonl":
        for row in data:
            out.write(json.dumps(row, ensure_ascii=False).encode("utf-8") + b"\n")
            count += 1
    elif fmt == "xlsx":
        from openpyxl import Workbook

        book = Workbook(write_only=True)
        sheet = book.create_sheet("dossiers")
        sheet.append(COLUMNS)
        for row in data:
            sheet.append(xlsx_row(sheet, [row[c] for c in COLUMNS]))
            count += 1
        book.save(out)
    else:
        raise ValueError(fmt)
    return count
