"""Dossier figures for a period across a reorganisation, grouped by the old units or the new ones.

A dossier belongs to the unit its receiving agency served on the day it was received
(agencies.services.agency_unit_on: a continued agency served its old unit before the change).
Grouping by:

* "new": a unit that ended is replaced by its successor (geography.Succession): the one that
  kept its code, else the first the table names (the same rule as `reorg`); a district by
  the new unit that took most of its communes;
* "old": a unit that started is replaced by its predecessor when it had one, or by the one
  that gave it its code; a unit formed from several old units whose code is new is one group
  named after all of them ("A + B"), since its dossiers cannot be split between them.

Figures: received in the period, finished in the period (of which late: finished after the
due time), open at the end of the period.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Q
from django.utils.translation import gettext as _

from motcua.agencies.models import Agency, AgencySuccession
from motcua.dossiers.models import Dossier, DossierEvent
from motcua.geography.models import Succession, Unit
from motcua.worktime.core import TZ

OLD, NEW = "old", "new"


@dataclass
class UnitRow:
    key: str
    label: str
    received: int = 0
    finished: int = 0
    late: int = 0
    open_at_end: int = 0

    def as_dict(self) -> dict[str, Any]:
        return {
            "unit": self.key,
            "label": self.label,
            "received": self.received,
            "finished": self.finished,
            "late": self.late,
            "open_at_end": self.open_at_end,
        }


@dataclass
class _Units:
    """Successions read once: unit id → successors / predecessors in table order."""

    successors: dict[int, list[Unit]] = field(default_factory=lambda: defaultdict(list))
    predecessors: dict[int, list[Unit]] = field(default_factory=lambda: defaultdict(list))

    @classmethod
    def load(cls) -> _Units:
        units = cls()
        for s in Succession.objects.select_related("predecessor", "successor").order_by("pk"):
            units.successors[s.predecessor_id].append(s.successor)
            units.predecessors[s.successor_id].append(s.predecessor)
        return units

    def forward(self, unit: Unit) -> Unit:
        found = self.successors.get(unit.pk)
        if found:
            return next((u for u in found if u.code == unit.code), found[0])
        if unit.level == Unit.Level.DISTRICT:
            counts: Counter[int] = Counter()
            by_id: dict[int, Unit] = {}
            for commune in Unit.objects.filter(parent=unit):
                successor = self.forward(commune) if self.successors.get(commune.pk) else None
                if successor is not None:
                    counts[successor.pk] += 1
                    by_id[successor.pk] = successor
            if counts:
                return by_id[min(counts, key=lambda pk: (-counts[pk], by_id[pk].code))]
        return unit

    def backward(self, unit: Unit) -> tuple[str, str]:
        found = self.predecessors.get(unit.pk)
        if not found:
            return str(unit.pk), f"{unit.name} ({unit.code})"
        same = [u for u in found if u.code == unit.code]
        if len(found) == 1 or same:
            chosen = same[0] if same else found[0]
            return str(chosen.pk), f"{chosen.name} ({chosen.code})"
        ordered = sorted(found, key=lambda u: u.code)
        return "+".join(str(u.pk) for u in ordered), " + ".join(f"{u.name} ({u.code})" for u in ordered)


def _unit_at(agency: Agency, day: dt.date, continued: dict[int, list[AgencySuccession]]) -> Unit:
    for succession in continued.get(agency.pk, []):
        if succession.effective > day and succession.predecessor_unit is not None:
            return succession.predecessor_unit
    return agency.unit


def _receiving_before_rehoming(dossiers: Any) -> dict[int, str]:
    """The agency that received each re-homed dossier (its first "rehome" event says it)."""
    found: dict[int, str] = {}
    events = DossierEvent.objects.filter(action="rehome", dossier__in=dossiers.values("pk")).order_by("seq")
    for dossier_id, data in events.values_list("dossier_id", "data"):
        found.setdefault(dossier_id, data.get("from_receiving_agency", ""))
    return found


def figures_by_unit(start: dt.date, end: dt.date, by: str, province_suffix: str = "") -> list[UnitRow]:
    """Dossiers received, finished and open in [start, end], by old or new units."""
    if by not in (OLD, NEW):
        raise ValueError(by)
    begin = dt.datetime.combine(start, dt.time.min, tzinfo=TZ)
    stop = dt.datetime.combine(end + dt.timedelta(days=1), dt.time.min, tzinfo=TZ)
    dossiers = Dossier.objects.filter(received_at__isnull=False, received_at__lt=stop).filter(
        Q(received_at__gte=begin) | Q(finished_at__gte=begin) | Q(finished_at__isnull=True)
    )
    if province_suffix:
        dossiers = dossiers.filter(receiving_agency__code__endswith="." + province_suffix)
    continued: dict[int, list[AgencySuccession]] = defaultdict(list)
    for s in (
        AgencySuccession.objects.filter(kind=AgencySuccession.Kind.CONTINUED)
        .select_related("predecessor_unit")
        .order_by("effective")
    ):
        continued[s.predecessor_id].append(s)
    units = _Units.load()
    first_receiving = _receiving_before_rehoming(dossiers)
    agencies = {
        a.code: a
        for a in Agency.objects.filter(code__in=set(first_receiving.values())).select_related("unit")
    }
    rows: dict[str, UnitRow] = {}
    for dossier in dossiers.select_related("receiving_agency__unit").iterator(chunk_size=2000):
        assert dossier.received_at is not None
        received_day = dossier.received_at.astimezone(TZ).date()
        receiving = agencies.get(first_receiving.get(dossier.pk, ""), dossier.receiving_agency)
        unit = _unit_at(receiving, received_day, continued)
        if by == NEW:
            unit = units.forward(unit)
            key, label = str(unit.pk), f"{unit.name} ({unit.code})"
        else:
            key, label = units.backward(unit)
        row = rows.setdefault(key, UnitRow(key, label))
        if dossier.received_at >= begin:
            row.received += 1
        if dossier.finished_at is not None and begin <= dossier.finished_at < stop:
            row.finished += 1
            if dossier.due_at is not None and dossier.finished_at > dossier.due_at:
                row.late += 1
        closed = dossier.refused_at or dossier.withdrawn_at or dossier.stopped_at
        if (dossier.finished_at is None or dossier.finished_at >= stop) and (
            closed is None or closed >= stop
        ):
            row.open_at_end += 1
    return sorted(rows.values(), key=lambda r: r.label)


def labels() -> dict[str, str]:
    return {OLD: _("đơn vị hành chính cũ"), NEW: _("đơn vị hành chính mới")}
