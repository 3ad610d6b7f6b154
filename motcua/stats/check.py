"""`motcua stats check`: recompute everything and report any difference.

1. Each dossier against its own event log: reception, result and return times, number of
   supplement requests and the last status must be the ones the events recorded.
2. Each stored `DossierFact` against a fresh computation from the dossier.
3. Both daily tables against the counters the fresh facts imply.
4. Both monthly tables against the sums of those counters per month, and every built month of
   both stock snapshot tables against their prefix sums.
A second check compares the report with a `motcua dossiers export` file, dossier by dossier.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.db.models import Exists, F, OuterRef

from motcua.accounts.privacy import mask_id_number
from motcua.centre.report import floor_problems
from motcua.dossiers.models import Dossier, DossierEvent, Status
from motcua.stats import facts, snapshots
from motcua.stats.models import (
    COUNTER_COLUMNS,
    AgencyDailyCount,
    DailyCount,
    DossierFact,
    Outcome,
    Timeliness,
)
from motcua.worktime.calendars import calendar_for


@dataclass(frozen=True)
class Difference:
    # "events", "fact", "daily", "agency_daily", "monthly", "agency_monthly", "procedure_monthly", "stock",
    # "agency_stock", "export", "floor"
    where: str
    key: str
    column: str
    stored: Any
    expected: Any

    def as_dict(self) -> dict[str, Any]:
        return {
            "where": self.where,
            "key": self.key,
            "column": self.column,
            "stored": self.stored,
            "expected": self.expected,
        }


def _event_view(events: list[tuple[str, dt.datetime, int | None]]) -> dict[str, Any]:
    """What the events say about a dossier (the last event of each kind wins)."""
    view: dict[str, Any] = {"supplement_count": 0}
    for action, at, to_status in events:
        if action == "receive":
            view["received_at"] = at
        elif action == "approve_result":
            view["finished_at"] = at
        elif action == "return_result":
            view["returned_at"] = at
        elif action == "request_supplement":
            view["supplement_count"] += 1
        if to_status is not None:
            view["status"] = to_status
    return view


def _check_events(
    dossier: Dossier, events: list[tuple[str, dt.datetime, int | None]]
) -> Iterator[Difference]:
    view = _event_view(events)
    for column in ("received_at", "finished_at", "returned_at", "supplement_count", "status"):
        expected = view.get(column)
        stored = getattr(dossier, column)
        if column == "status" and expected is None:
            continue
        if stored != expected:
            yield Difference("events", dossier.code, column, stored, expected)


def check(progress: bool = False, chunk: int = 2000) -> list[Difference]:
    """Every difference found (empty: the statistics are exact)."""
    differences: list[Difference] = []
    cal = calendar_for()
    fine: dict[facts.Key, Counter[str]] = defaultdict(Counter)
    ids = list(Dossier.objects.order_by("pk").values_list("pk", flat=True))
    bar = None
    if progress:
        from tqdm import tqdm

        bar = tqdm(total=len(ids), unit="hồ sơ", disable=None)
    for start in range(0, len(ids), chunk):
        part_ids = ids[start : start + chunk]
        dossiers = list(Dossier.objects.filter(pk__in=part_ids).order_by("pk"))
        stored = {row.pk: facts.stored_fact(row) for row in DossierFact.objects.filter(pk__in=part_ids)}
        events: dict[int, list[tuple[str, dt.datetime, int | None]]] = defaultdict(list)
        for dossier_id, action, at, to_status in (
            DossierEvent.objects.filter(dossier_id__in=part_ids)
            .order_by("dossier_id", "seq")
            .values_list("dossier_id", "action", "at", "to_status")
        ):
            events[dossier_id].append((action, at, to_status))
        info = facts._version_info(d.version_id for d in dossiers)
        for dossier in dossiers:
            differences.extend(_check_events(dossier, events[dossier.pk]))
            expected = facts.fact_of(dossier, cal, info[dossier.version_id])
            facts._accumulate(fine, expected, +1)
            have = stored.get(dossier.pk)
            if have is None:
                differences.append(Difference("fact", dossier.code, "*", None, "missing"))
                continue
            for column, value in expected.items():
                if have[column] != value:
                    differences.append(Difference("fact", dossier.code, column, have[column], value))
        if bar is not None:
            bar.update(len(dossiers))
    if bar is not None:
        bar.close()
    # NOT EXISTS (an anti-join), not NOT IN: PostgreSQL runs NOT IN over a subquery larger than
    # work_mem as a scan of the subquery per fact (the half-year's 343,399 facts: unfinished after 14 min).
    orphans = DossierFact.objects.filter(~Exists(Dossier.objects.filter(pk=OuterRef("dossier_id")))).count()
    if orphans:
        differences.append(Difference("fact", "*", "orphans", orphans, 0))
    expected_fine = {k: +v for k, v in fine.items() if any(v.values())}
    expected_coarse: dict[tuple[Any, ...], Counter[str]] = defaultdict(Counter)
    for (day, r, c, _p), counts in expected_fine.items():
        expected_coarse[(day, r, c)].update(counts)
    expected_coarse = {k: +v for k, v in expected_coarse.items() if any(v.values())}
    differences.extend(_compare_table("daily", DailyCount, facts.FINE_KEYS, expected_fine))
    differences.extend(_compare_table("agency_daily", AgencyDailyCount, facts.COARSE_KEYS, expected_coarse))
    # The monthly rows (sums of the counters) and the monthly stock snapshots (prefix sums).
    for where, pair, rows in (
        ("monthly", snapshots.FINE, expected_fine),
        ("agency_monthly", snapshots.COARSE, expected_coarse),
    ):
        differences.extend(
            _compare_table(where, pair.monthly, ("day", *pair.keys), snapshots.expected_monthly(rows))
        )
    differences.extend(
        _compare_table(
            "procedure_monthly",
            snapshots.FINE.province,
            ("day", "procedure_id"),
            snapshots.expected_monthly(expected_fine, province=True),
        )
    )
    for pair, rows in ((snapshots.FINE, expected_fine), (snapshots.COARSE, expected_coarse)):
        differences.extend(
            Difference(d.table, _key_text(d.key), d.column, d.stored, d.expected)
            for d in snapshots.compare(pair, rows)
        )
    # The centre floor: tickets, their periods (the source of waiting and service times), numbers.
    differences.extend(Difference("floor", *problem) for problem in floor_problems())
    differences.extend(digitisation_problems())
    return differences


def digitisation_problems() -> Iterator[Difference]:
    """The digital documents behind indicators 4.2 and 4.4 (issue #13) agree with the dossiers:
    a digitised scan or result names a dossier that exists, a signed result is the dossier's own,
    and a reused warehouse document belongs to the dossier's applicant."""
    from motcua.documents.models import DigitisedDocument, Origin
    from motcua.dossiers.models import DossierDocument

    codes = Dossier.objects.filter(code=OuterRef("dossier_code"))
    for code, pk in (DigitisedDocument.objects.filter(origin__in=[Origin.COUNTER_SCAN, Origin.RESULT])
                     .exclude(dossier_code="").filter(~Exists(codes)).values_list("dossier_code", "pk")):
        yield Difference("digitisation", code, "dossier", pk, "missing")
    for code, signed_code in (Dossier.objects.filter(result_signed__isnull=False)
                              .exclude(result_signed__dossier_code=F("code"))
                              .values_list("code", "result_signed__dossier_code")):
        yield Difference("digitisation", code, "result_signed", signed_code, code)
    mismatched = (DossierDocument.objects.filter(warehouse_document__isnull=False)
                  .exclude(warehouse_document__holder_identifier=F("dossier__applicant__id_number")))
    for code, holder, applicant in mismatched.values_list(
            "dossier__code", "warehouse_document__holder_identifier", "dossier__applicant__id_number"):
        # ID numbers are personal data: masked in the report.
        yield Difference("digitisation", code, "reused_holder",
                         mask_id_number(holder), mask_id_number(applicant))


def _compare_table(
    where: str, model: Any, keys: tuple[str, ...], expected: dict[Any, Counter[str]]
) -> Iterator[Difference]:
    seen: set[Any] = set()
    for row in model.objects.values_list(*keys, *COUNTER_COLUMNS).iterator(chunk_size=5000):
        key, values = tuple(row[: len(keys)]), row[len(keys) :]
        want = expected.get(key, Counter())
        seen.add(key)
        for column, value in zip(COUNTER_COLUMNS, values, strict=True):
            if value != want.get(column, 0):
                yield Difference(where, _key_text(key), column, value, want.get(column, 0))
    for key, counts in expected.items():
        if key not in seen:
            for column, value in counts.items():
                if value:
                    yield Difference(where, _key_text(key), column, 0, value)


def _key_text(key: tuple[Any, ...]) -> str:
    return "/".join(str(part) for part in key)


# ---------------------------------------------------------------------------------------
# Against an export file (motcua dossiers export --format csv|jsonl)

OPEN_STATUSES = {Status.RECEIVED, Status.PROCESSING, Status.PAYMENT_REQUESTED}


def export_category(row: dict[str, Any]) -> str:
    """The report category of an export row, valid when nothing happened after the period's end."""
    status = int(row["status"])
    if status == Status.REFUSED:
        return "refused"
    if status == Status.WITHDRAWN:
        return "withdrawn"
    if not row["received_at"]:
        return "not_received"
    if status in OPEN_STATUSES:
        return "open_overdue" if row["timeliness"] == "late" else "open_within"
    return f"finished_{row['timeliness']}"


def fact_category(fact: DossierFact, start: dt.date, end: dt.date) -> str:
    """The category the statistics give the same dossier for the period [start, end]."""
    if fact.refused_on is not None and start <= fact.refused_on <= end:
        return "refused"
    if fact.outcome == Outcome.WITHDRAWN and fact.ended_on is not None and fact.ended_on <= end:
        return "withdrawn"
    if fact.received_on is None:
        return "not_received"
    if fact.outcome == Outcome.FINISHED and fact.ended_on is not None and fact.ended_on <= end:
        return "finished_" + {
            Timeliness.EARLY: "early",
            Timeliness.ON_TIME: "on_time",
            Timeliness.LATE: "late",
        }.get(Timeliness(fact.timeliness), "none")
    if fact.overdue_on is not None and fact.overdue_on <= end:
        return "open_overdue"
    return "open_within"


def read_export(path: Path) -> Iterator[dict[str, Any]]:
    if path.suffix == ".jsonl":
        with path.open(encoding="utf-8") as handle:
            for line in handle:
                if line.strip():
                    yield json.loads(line)
        return
    with path.open(encoding="utf-8-sig", newline="") as handle:
        yield from csv.DictReader(handle)


@dataclass
class ExportComparison:
    rows: int
    categories: Counter[str]
    channels: Counter[str]
    differences: list[Difference]


EXPORT_BATCH = 5000


def compare_export(path: Path, start: dt.date, end: dt.date) -> ExportComparison:
    """Compare every export row's category with the statistics' category of that dossier."""
    rows = list(read_export(path))
    by_code = {row["code"]: row for row in rows}
    codes = list(by_code)
    found: dict[str, DossierFact] = {}
    # In batches: a province's period is hundreds of thousands of codes, more than one
    # statement may bind (SQLite's variable limit).
    for first in range(0, len(codes), EXPORT_BATCH):
        batch = codes[first : first + EXPORT_BATCH]
        fact_rows = DossierFact.objects.filter(dossier__code__in=batch).select_related("dossier")
        found.update((f.dossier.code, f) for f in fact_rows)
    differences: list[Difference] = []
    categories: Counter[str] = Counter()
    channels: Counter[str] = Counter()
    for code, row in by_code.items():
        expected = export_category(row)
        categories[expected] += 1
        if row["received_at"]:
            channels[row["channel"]] += 1
        fact = found.get(code)
        got = fact_category(fact, start, end) if fact is not None else "missing"
        if got != expected:
            differences.append(Difference("export", code, "category", got, expected))
    return ExportComparison(len(rows), categories, channels, differences)
