"""The service index of Decision 766/QĐ-TTg for a scope and period.

Rates come from the daily counters (2.1, 3.3, 3.6, 4.1) and the catalog (3.1); points and
thresholds from `IndicatorWeight` (editable in the admin, to confirm). An indicator whose
data motcua does not hold has no rate and no score — shown as "Chưa có dữ liệu", never as
a guessed number — and the total says how many points it covers.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Q

from motcua.agencies.models import Agency
from motcua.catalog.models import ChannelKind, FieldDepartment, OnlineLevel, Procedure, ProcedureVersion
from motcua.stats.digitisation import Digitisation, digitisation
from motcua.stats.models import IndicatorWeight
from motcua.stats.report import Figures
from motcua.stats.scope import Scope


@dataclass
class Indicator:
    code: str
    group: str
    name: str
    max_points: Decimal
    threshold: Decimal
    numerator: int | None = None
    denominator: int | None = None

    @property
    def has_data(self) -> bool:
        return self.denominator is not None and self.denominator > 0

    @property
    def rate(self) -> float | None:
        if not self.has_data:
            return None
        assert self.numerator is not None and self.denominator is not None
        return self.numerator / self.denominator

    @property
    def score(self) -> float | None:
        return score(self.rate, self.max_points, self.threshold)

    @property
    def percent(self) -> str:
        return "" if self.rate is None else f"{self.rate * 100:.2f}%".replace(".", ",")


def score(rate: float | None, max_points: Decimal, threshold: Decimal) -> float | None:
    """Full points at or above the threshold; below it rate × max points ÷ threshold."""
    if rate is None:
        return None
    if threshold <= 0 or rate >= float(threshold):
        return float(max_points)
    return rate * float(max_points) / float(threshold)


@dataclass
class Group:
    key: str
    label: str
    indicators: list[Indicator] = field(default_factory=list)

    @property
    def max_points(self) -> float:
        return float(sum(i.max_points for i in self.indicators))

    @property
    def has_data(self) -> bool:
        return any(i.has_data for i in self.indicators)

    @property
    def score(self) -> float | None:
        scores = [i.score for i in self.indicators if i.score is not None]
        return sum(scores) if scores else None

    @property
    def covered_points(self) -> float:
        return float(sum(i.max_points for i in self.indicators if i.has_data))


@dataclass
class ServiceIndex:
    groups: list[Group]
    # The digitisation figures behind 4.2–4.4 (issue #13), when the period's start is known.
    digitisation: Digitisation | None = None

    @property
    def score(self) -> float:
        return sum(g.score or 0.0 for g in self.groups)

    @property
    def covered_points(self) -> float:
        """Points of the indicators that have data: the score is out of this, not out of 100."""
        return sum(g.covered_points for g in self.groups)

    @property
    def max_points(self) -> float:
        return sum(g.max_points for g in self.groups)

    def indicator(self, code: str) -> Indicator:
        return next(i for g in self.groups for i in g.indicators if i.code == code)


def procedures_in_scope(scope: Scope, day: dt.date) -> Q:
    """Which catalog procedures a scope offers: communes their level, departments their fields."""
    if scope.kind == "unit":
        return Q(at_commune=True)
    if scope.kind == "agency" and scope.agency_id is not None:
        agency = Agency.objects.get(pk=scope.agency_id)
        if agency.kind == Agency.Kind.DEPARTMENT:
            fields = FieldDepartment.objects.filter(agency=agency, valid_from__lte=day).values("field_id")
            return Q(at_province=True, field_id__in=fields)
        if agency.kind in (Agency.Kind.COMMUNE_COMMITTEE, Agency.Kind.COMMUNE_CENTER):
            return Q(at_commune=True)
    return Q(at_province=True) | Q(at_commune=True)


def online_offer(scope: Scope, day: dt.date) -> tuple[int, int]:
    """(procedures offered online, procedures) for indicator 3.1, by the versions in force on `day`.

    Offered online: the version is published as a full or partial online service, or it has
    an online channel.
    """
    procedures = Procedure.objects.filter(procedures_in_scope(scope, day))
    versions = ProcedureVersion.objects.in_force_on(day).filter(procedure__in=procedures)
    total = versions.values("procedure_id").distinct().count()
    online = (
        versions.filter(~Q(online_level=OnlineLevel.NONE) | Q(channels__kind=ChannelKind.ONLINE))
        .values("procedure_id")
        .distinct()
        .count()
    )
    return online, total


def satisfaction_rate(scope: Scope, figures: Figures, start: dt.date, end: dt.date) -> tuple[int, int] | None:
    """5.4 = 100% − (late-dossier rate + rate of dossiers rated "not satisfied"), as (numerator, denominator).

    The denominator is the dossiers handled in the period (as for 2.1). Without any rating of a
    dossier in scope the dissatisfied share is unknown: no data, not a guess.
    """
    from motcua.centre.report import dossier_dissatisfaction

    handled = figures.finished + figures.open_total
    rated, disliked = dossier_dissatisfaction(
        scope.q("dossier__receiving_agency_id", "dossier__competent_agency_id"), start, end
    )
    if not rated or handled <= 0:
        return None
    return max(0, handled - figures.late_total - disliked), handled


def compute(scope: Scope, figures: Figures, end: dt.date, start: dt.date | None = None) -> ServiceIndex:
    """The index from a report's figures; indicators without data stay empty.

    With `start`, satisfaction (5.4) comes from the ratings of dossiers in the period.
    """
    offered, procedures = online_offer(scope, end)
    data: dict[str, tuple[int, int]] = {
        "2.1": (figures.finished_in_time + figures.open_within, figures.finished + figures.open_total),
        "3.1": (offered, procedures),
        "3.3": (figures.received_online, figures.received),
        "3.6": (figures.paid_online, figures.fee_dossiers),
        "4.1": (figures.electronic_results, figures.results_issued),
    }
    digitised: Digitisation | None = None
    if start is not None:
        satisfaction = satisfaction_rate(scope, figures, start, end)
        if satisfaction is not None:
            data["5.4"] = satisfaction
        digitised = digitisation(scope, start, end, figures)
        data.update(digitised.indicators())
    groups: dict[str, Group] = {key: Group(key, str(label)) for key, label in IndicatorWeight.Group.choices}
    for weight in IndicatorWeight.objects.all():
        numerator, denominator = data.get(weight.code, (None, None))
        groups[weight.group].indicators.append(
            Indicator(
                weight.code,
                weight.group,
                weight.name,
                weight.max_points,
                weight.threshold,
                numerator,
                denominator,
            )
        )
    return ServiceIndex([g for g in groups.values() if g.indicators], digitised)
