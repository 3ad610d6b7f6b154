"""The floor's statistics, read from the tickets' periods and the ratings.

- Waiting time of a ticket: the sum of its closed waiting periods (issue → call, and again after
  a transfer); service time: the sum of its closed serving periods (start → finish). Both come
  straight from the periods, so no separate counter can drift from them.
- A ticket belongs to the counter and officer of its last call (where it was finally served or
  found absent).
- Median: the middle value (the mean of the two middle values for an even count);
  90th percentile: nearest rank, the value at position ⌈0.9 × n⌉ of the sorted list.
"""

from __future__ import annotations

import datetime as dt
import math
import statistics
from collections import Counter as Tally
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Q
from django.utils.translation import gettext as _

from motcua.centre.models import Rating, Ticket, TicketPeriod, TicketStatus
from motcua.worktime.core import TZ


def median(values: Sequence[float]) -> float | None:
    return float(statistics.median(values)) if values else None


def p90(values: Sequence[float]) -> float | None:
    if not values:
        return None
    ordered = sorted(values)
    return float(ordered[max(1, math.ceil(0.9 * len(ordered))) - 1])


@dataclass
class TicketFact:
    """One ticket's figures, from its periods."""

    ticket_id: int
    centre: str  # the centre's agency code
    service: str
    day: dt.date
    hour: int
    status: str
    counter: int | None  # counter number
    officer: str | None
    waiting_seconds: float | None  # None while still waiting
    service_seconds: float | None  # None unless served


@dataclass
class Line:
    key: str
    tickets: int = 0
    served: int = 0
    no_shows: int = 0
    waiting: list[float] = field(default_factory=list)
    service: list[float] = field(default_factory=list)

    def add(self, fact: TicketFact) -> None:
        self.tickets += 1
        if fact.status == TicketStatus.DONE:
            self.served += 1
        elif fact.status == TicketStatus.NO_SHOW:
            self.no_shows += 1
        if fact.waiting_seconds is not None:
            self.waiting.append(fact.waiting_seconds)
        if fact.service_seconds is not None:
            self.service.append(fact.service_seconds)

    def row(self) -> dict[str, Any]:
        return {
            "key": self.key,
            "tickets": self.tickets,
            "served": self.served,
            "no_shows": self.no_shows,
            "waiting_median": median(self.waiting),
            "waiting_p90": p90(self.waiting),
            "service_median": median(self.service),
            "service_p90": p90(self.service),
        }


def ticket_facts(centre_ids: Iterable[int], start: dt.date, end: dt.date) -> list[TicketFact]:
    """Every ticket of the centres issued from `start` to `end` (local days, inclusive)."""
    tickets = {
        t.pk: t
        for t in Ticket.objects.filter(
            centre_id__in=list(centre_ids), day__gte=start, day__lte=end
        ).select_related("service", "centre")
    }
    waiting: dict[int, float] = {}
    serving: dict[int, float] = {}
    last_call: dict[int, tuple[int | None, str | None]] = {}
    periods = (
        TicketPeriod.objects.filter(ticket_id__in=list(tickets))
        .select_related("counter", "officer")
        .order_by("ticket_id", "started_at", "pk")
    )
    for period in periods.iterator(chunk_size=2000):
        if period.state == TicketStatus.CALLED:
            officer = (period.officer.full_name or period.officer.username) if period.officer else None
            last_call[period.ticket_id] = (period.counter.number if period.counter else None, officer)
        if period.ended_at is None:
            continue
        seconds = (period.ended_at - period.started_at).total_seconds()
        if period.state == TicketStatus.WAITING:
            waiting[period.ticket_id] = waiting.get(period.ticket_id, 0.0) + seconds
        elif period.state == TicketStatus.SERVING:
            serving[period.ticket_id] = serving.get(period.ticket_id, 0.0) + seconds
    facts = []
    for pk, ticket in tickets.items():
        counter, officer = last_call.get(pk, (None, None))
        facts.append(
            TicketFact(
                ticket_id=pk,
                centre=ticket.centre.code,
                service=ticket.service.name,
                day=ticket.day,
                hour=ticket.issued_at.astimezone(TZ).hour,
                status=ticket.status,
                counter=counter,
                officer=officer,
                waiting_seconds=waiting.get(pk) if ticket.status != TicketStatus.WAITING else None,
                service_seconds=serving.get(pk) if ticket.status == TicketStatus.DONE else None,
            )
        )
    return facts


BREAKDOWNS = ("centre", "service", "counter", "officer")


def breakdown(facts: Iterable[TicketFact], by: str) -> list[dict[str, Any]]:
    """Tickets, served, no-shows, waiting and service time (median, p90, seconds) per centre/service/…"""
    if by not in BREAKDOWNS:
        raise ValueError(by)
    lines: dict[str, Line] = {}
    for fact in facts:
        value = {
            "centre": fact.centre,
            "service": fact.service,
            "counter": fact.counter,
            "officer": fact.officer,
        }[by]
        key = "—" if value is None else str(value)
        lines.setdefault(key, Line(key)).add(fact)
    return [lines[k].row() for k in sorted(lines)]


def tickets_per_day(facts: Iterable[TicketFact]) -> list[tuple[dt.date, int]]:
    tally = Tally(f.day for f in facts)
    return sorted(tally.items())


def tickets_per_hour(facts: Iterable[TicketFact]) -> list[tuple[int, int]]:
    """Tickets by local hour of issue: the peak-hour chart."""
    tally = Tally(f.hour for f in facts)
    return sorted(tally.items())


# ---------------------------------------------------------------------------------------
# Satisfaction


@dataclass
class Satisfaction:
    key: str
    very_satisfied: int = 0
    satisfied: int = 0
    not_satisfied: int = 0

    @property
    def total(self) -> int:
        return self.very_satisfied + self.satisfied + self.not_satisfied

    @property
    def satisfied_rate(self) -> float | None:
        return (self.very_satisfied + self.satisfied) / self.total if self.total else None


def satisfaction(centre_ids: Iterable[int], start: dt.date, end: dt.date, by: str) -> list[Satisfaction]:
    """Ratings given from `start` to `end` per centre, counter or officer."""
    if by not in ("centre", "counter", "officer"):
        raise ValueError(by)
    ratings = Rating.objects.filter(
        centre_id__in=list(centre_ids), at__date__gte=start, at__date__lte=end
    ).select_related("centre", "counter", "officer")
    lines: dict[str, Satisfaction] = {}
    for rating in ratings:
        if by == "centre":
            key = rating.centre.code
        elif by == "counter":
            key = str(rating.counter.number) if rating.counter else "—"
        else:
            key = (rating.officer.full_name or rating.officer.username) if rating.officer else "—"
        line = lines.setdefault(key, Satisfaction(key))
        setattr(line, rating.level, getattr(line, rating.level) + 1)
    return [lines[k] for k in sorted(lines)]


def dossier_dissatisfaction(rating_q: Q, start: dt.date, end: dt.date) -> tuple[int, int]:
    """(dossiers rated, dossiers rated "not satisfied") in the period, for Decision 766's 5.4.

    `rating_q` selects the dossiers in scope through the rating, e.g.
    `scope.q("dossier__receiving_agency_id", "dossier__competent_agency_id")`.
    """
    rated = Rating.objects.filter(dossier__isnull=False, at__date__gte=start, at__date__lte=end).filter(
        rating_q
    )
    return rated.count(), rated.filter(level=Rating.Level.NOT_SATISFIED).count()


def xlsx_sheets(
    facts: list[TicketFact], centre_ids: Iterable[int], start: dt.date, end: dt.date
) -> list[Any]:
    """Sheets for `motcua.stats.xlsx.workbook`: per breakdown, per hour, satisfaction."""
    headers = [
        _("Nhóm"),
        _("Số lượt"),
        _("Đã phục vụ"),
        _("Vắng mặt"),
        _("Thời gian chờ trung vị (phút)"),
        _("Thời gian chờ P90 (phút)"),
        _("Thời gian phục vụ trung vị (phút)"),
        _("Thời gian phục vụ P90 (phút)"),
    ]

    def minutes(value: float | None) -> float | str:
        return "" if value is None else round(value / 60, 1)

    sheets: list[Any] = []
    titles = {
        "centre": _("Theo trung tâm"),
        "service": _("Theo dịch vụ"),
        "counter": _("Theo quầy"),
        "officer": _("Theo cán bộ"),
    }
    for by in BREAKDOWNS:
        rows = [
            [
                r["key"],
                r["tickets"],
                r["served"],
                r["no_shows"],
                minutes(r["waiting_median"]),
                minutes(r["waiting_p90"]),
                minutes(r["service_median"]),
                minutes(r["service_p90"]),
            ]
            for r in breakdown(facts, by)
        ]
        sheets.append((titles[by], headers, rows))
    sheets.append(
        (_("Theo giờ"), [_("Giờ"), _("Số lượt")], [[f"{h:02d}:00", n] for h, n in tickets_per_hour(facts)])
    )
    ids = list(centre_ids)
    for by, title in (("counter", _("Hài lòng theo quầy")), ("officer", _("Hài lòng theo cán bộ"))):
        sheets.append(
            (
                title,
                [_("Nhóm"), _("Rất hài lòng"), _("Hài lòng"), _("Không hài lòng"), _("Tỷ lệ hài lòng")],
                [
                    [
                        s.key,
                        s.very_satisfied,
                        s.satisfied,
                        s.not_satisfied,
                        "" if s.satisfied_rate is None else round(s.satisfied_rate * 100, 2),
                    ]
                    for s in satisfaction(ids, start, end, by)
                ],
            )
        )
    return sheets


# ---------------------------------------------------------------------------------------
# The floor's own check (run by `motcua stats check`)


def floor_problems() -> list[tuple[str, str, Any, Any]]:
    """(key, column, stored, expected) for every inconsistency between tickets, periods and sequences.

    - every ticket has exactly one open period, in the ticket's state;
    - its periods follow each other without gap or overlap (each starts when the previous ended);
    - a centre's numbers of a day are 1…N and the day's sequence row says N;
    - a rated ticket was served.
    """
    from motcua.centre.models import TicketSequence

    problems: list[tuple[str, str, Any, Any]] = []
    statuses = dict(Ticket.objects.values_list("pk", "status"))
    open_states: dict[int, list[str]] = {}
    previous_end: dict[int, dt.datetime | None] = {}
    periods = TicketPeriod.objects.order_by("ticket_id", "started_at", "pk").values_list(
        "ticket_id", "state", "started_at", "ended_at"
    )
    for ticket_id, state, started_at, ended_at in periods.iterator(chunk_size=5000):
        if ticket_id in previous_end and previous_end[ticket_id] != started_at:
            problems.append((f"ticket {ticket_id}", "period_start", started_at, previous_end[ticket_id]))
        previous_end[ticket_id] = ended_at
        if ended_at is None:
            open_states.setdefault(ticket_id, []).append(state)
    for ticket_id, status in statuses.items():
        states = open_states.get(ticket_id, [])
        if states != [status]:
            problems.append((f"ticket {ticket_id}", "open_period", states, [status]))
    numbers: dict[tuple[int, dt.date], list[int]] = {}
    for centre_id, day, number in Ticket.objects.values_list("centre_id", "day", "number"):
        numbers.setdefault((centre_id, day), []).append(number)
    sequences = {(s.centre_id, s.day): s.last for s in TicketSequence.objects.all()}
    for key, found in numbers.items():
        if sorted(found) != list(range(1, len(found) + 1)):
            problems.append((f"centre {key[0]} {key[1]}", "numbers", sorted(found)[:5], "1…N"))
        if sequences.get(key) != len(found):
            problems.append((f"centre {key[0]} {key[1]}", "sequence", sequences.get(key), len(found)))
    unserved = Rating.objects.filter(ticket__isnull=False).exclude(ticket__status=TicketStatus.DONE).count()
    if unserved:
        problems.append(("ratings", "unserved_tickets", unserved, 0))
    return problems
