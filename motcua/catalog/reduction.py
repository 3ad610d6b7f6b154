"""The time-limit reduction a province reports for its own catalog (local vs national limits).

How the province computes it (and how this module does, so the figures match its report):

* each procedure's limit is counted in working days: working days as they are, calendar
  days as days, working hours / 8, the same-day rule as one day (catalog.services.
  limit_in_working_hours / 8); the national limit is the counter channel's on the day of
  the province's decision (LocalProcedure.national_limit_*);
* a procedure's reduction = (national − local) / national × 100;
* a group's reduction (a field, a level, the whole province) is NOT the mean of its
  procedures' percentages: it is the total time saved over the total national time,
  (Σ national − Σ local) / Σ national × 100, over the procedures of the group whose
  national limit is stated (the others are counted apart as "not comparable");
* a procedure carried out at both levels counts in both level groups and once in the
  province's total. Percentages are rounded half-up to two decimals (30.29 %).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from django.utils.translation import gettext_lazy as _

from motcua.catalog.models import Level, LocalProcedure, ProcedureVersion
from motcua.catalog.services import HOURS_PER_DAY, limit_in_working_hours

HUNDRED = Decimal(100)
CENT = Decimal("0.01")


def limit_days(value: Decimal | None, unit: str) -> Decimal | None:
    """A limit in working days (None when it is not stated)."""
    if value is None or not unit:
        return None
    return limit_in_working_hours(Decimal(value), unit) / HOURS_PER_DAY


def percent(national: Decimal, local: Decimal) -> Decimal | None:
    if national <= 0:
        return None
    return ((national - local) / national * HUNDRED).quantize(CENT, rounding=ROUND_HALF_UP)


@dataclass(frozen=True)
class ProcedureReduction:
    local: LocalProcedure
    national_days: Decimal | None
    local_days: Decimal

    @property
    def percent(self) -> Decimal | None:
        return None if self.national_days is None else percent(self.national_days, self.local_days)


@dataclass
class Group:
    key: str
    label: str
    procedures: int = 0
    not_comparable: int = 0
    national_days: Decimal = Decimal(0)
    local_days: Decimal = Decimal(0)

    def add(self, item: ProcedureReduction) -> None:
        self.procedures += 1
        if item.national_days is None:
            self.not_comparable += 1
            return
        self.national_days += item.national_days
        self.local_days += item.local_days

    @property
    def saved_days(self) -> Decimal:
        return self.national_days - self.local_days

    @property
    def percent(self) -> Decimal | None:
        return percent(self.national_days, self.local_days)


@dataclass
class ReductionReport:
    on: dt.date
    province: Group
    by_level: list[Group] = field(default_factory=list)
    by_field: list[Group] = field(default_factory=list)
    procedures: list[ProcedureReduction] = field(default_factory=list)


def reduction_of(local: LocalProcedure) -> ProcedureReduction:
    local_days = limit_days(local.local_limit_value, local.local_limit_unit)
    assert local_days is not None
    return ProcedureReduction(
        local, limit_days(local.national_limit_value, local.national_limit_unit), local_days
    )


def for_version(version: ProcedureVersion) -> ProcedureReduction | None:
    """The reduction behind a version, when it is a province's local version."""
    local = LocalProcedure.objects.filter(version=version).select_related("decision").first()
    return reduction_of(local) if local is not None else None


def report(province_suffix: str, on: dt.date) -> ReductionReport:
    """The province's catalog in force on `on`: its reduction overall, by level, by field, by procedure."""
    in_force = ProcedureVersion.objects.in_force_on(on).values("pk")
    locals_ = (
        LocalProcedure.objects.filter(decision__province_suffix=province_suffix, version__in=in_force)
        .select_related("procedure", "procedure__field", "decision")
        .order_by("procedure__code")
    )
    result = ReductionReport(on=on, province=Group("total", str(_("Toàn tỉnh"))))
    levels = {
        level: Group(level, str(label))
        for level, label in ((Level.PROVINCE, Level.PROVINCE.label), (Level.COMMUNE, Level.COMMUNE.label))
    }
    fields: dict[int, Group] = {}
    for local in locals_:
        item = reduction_of(local)
        result.procedures.append(item)
        result.province.add(item)
        procedure = local.procedure
        for level, on_level in (
            (Level.PROVINCE, procedure.at_province),
            (Level.COMMUNE, procedure.at_commune),
        ):
            if on_level:
                levels[level].add(item)
        fields.setdefault(procedure.field_id, Group(str(procedure.field_id), procedure.field.name)).add(item)
    result.by_level = [g for g in levels.values() if g.procedures]
    result.by_field = sorted(fields.values(), key=lambda g: g.label)
    return result
