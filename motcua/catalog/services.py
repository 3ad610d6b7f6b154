"""Catalog rules other apps call: the version in force, who decides, where to submit, templates.

Decree 118/2025/NĐ-CP separates *where a dossier can be received* (any service
centre of the province, whatever the applicant's address) from *who decides*
(the competent agency). The rules, in order:

* A procedure carried out at the commune level is decided by a commune People's
  Committee: the one of the receiving commune when received at a commune centre
  (or at the committee itself); when received elsewhere (the provincial centre),
  the committee of the applicant's commune, which the caller must then pass.
* A procedure at the province level is decided by the department mapped to its
  field on that day (FieldDepartment, editable in the admin); when no department
  is mapped, by the provincial People's Committee.
* A procedure at both levels is decided at the commune level when received by a
  commune, and at the province level when received by the provincial centre.
* Ministry-only and "other agency" procedures are not decided in the province.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from decimal import ROUND_DOWN, Decimal
from typing import TYPE_CHECKING, Any

from django.db.models import Q, QuerySet
from django.utils.translation import gettext

from motcua.catalog.models import FieldDepartment, Procedure, ProcedureVersion, TimeLimitUnit

if TYPE_CHECKING:
    from motcua.agencies.models import Agency
    from motcua.geography.models import Unit

HOURS_PER_DAY = Decimal(8)
# A procedure without a stated limit gets this template length (5 working days),
# the most common limit in the national catalog; catalog managers adjust it.
DEFAULT_LIMIT_HOURS = Decimal(40)


class CompetenceError(Exception):
    """No competent agency can be determined; the message is translated and shown to users."""


# ------------------------------------------------------------------ versions

def _procedure(procedure_or_code: Procedure | str) -> Procedure | None:
    if isinstance(procedure_or_code, Procedure):
        return procedure_or_code
    return Procedure.objects.filter(code=procedure_or_code).first()


def version_in_force(procedure: Procedure | str, on: dt.date) -> ProcedureVersion | None:
    """The version valid on `on` (bounds inclusive), or None."""
    found = _procedure(procedure)
    if found is None:
        return None
    return (ProcedureVersion.objects.in_force_on(on).filter(procedure=found)
            .select_related("procedure", "procedure__field").first())


# ------------------------------------------------------------------ competence

def _agency_model() -> Any:
    from motcua.agencies.models import Agency

    return Agency


def _province_filter(province_code: str) -> Q:
    """Agencies of a province, given its unit code ("20") or its agency code suffix ("H37")."""
    if province_code[:1].upper() == "H" or "." in province_code:
        return Q(code__endswith="." + province_code.rsplit(".", 1)[-1])
    return (Q(unit__code=province_code, unit__level="province")
            | Q(unit__parent__code=province_code, unit__parent__level="province")
            | Q(unit__parent__parent__code=province_code, unit__parent__parent__level="province"))


def reception_agencies(procedure: Procedure | str, province_code: str) -> QuerySet[Agency]:
    """Service centres of the province where the procedure can be submitted.

    Decree 118/2025: every commune/ward centre and the provincial centre accept
    commune- and province-level dossiers regardless of the applicant's address.
    """
    Agency = _agency_model()
    found = _procedure(procedure)
    if found is None or not (found.at_commune or found.at_province):
        return Agency.objects.none()  # type: ignore[no-any-return]
    kinds = [Agency.Kind.PROVINCIAL_CENTER, Agency.Kind.COMMUNE_CENTER]
    return Agency.objects.filter(  # type: ignore[no-any-return]
        _province_filter(province_code), kind__in=kinds, is_active=True,
    ).order_by("kind", "name")  # "commune_center" sorts before "provincial_center"


def department_for(procedure: Procedure, on: dt.date, province_suffix: str = "") -> Agency | None:
    """The department mapped to the procedure's field on `on` (latest mapping wins)."""
    mappings = FieldDepartment.objects.filter(field_id=procedure.field_id, valid_from__lte=on,
                                              agency__is_active=True)
    if province_suffix:
        mappings = mappings.filter(agency__code__endswith="." + province_suffix)
    mapping = mappings.select_related("agency").order_by("-valid_from").first()
    return mapping.agency if mapping else None


def _commune_committee(unit_id: int) -> Agency | None:
    Agency = _agency_model()
    return Agency.objects.filter(  # type: ignore[no-any-return]
        unit_id=unit_id, kind=Agency.Kind.COMMUNE_COMMITTEE, is_active=True,
    ).first()


def competent_agency(version_or_procedure: ProcedureVersion | Procedure, receiving_agency: Agency,
                     on: dt.date, applicant_unit: Unit | None = None) -> Agency:
    """The agency that decides a dossier received by `receiving_agency` on `on` (module docstring)."""
    Agency = _agency_model()
    procedure = (version_or_procedure.procedure if isinstance(version_or_procedure, ProcedureVersion)
                 else version_or_procedure)
    kind = receiving_agency.kind
    at_commune_desk = kind in (Agency.Kind.COMMUNE_CENTER, Agency.Kind.COMMUNE_COMMITTEE)
    if procedure.at_commune and (at_commune_desk or not procedure.at_province):
        if kind == Agency.Kind.COMMUNE_COMMITTEE:
            return receiving_agency
        # By id: the desk's unit row itself is not needed (one query less per dossier received).
        unit_id: int | None
        if at_commune_desk:
            unit_id = receiving_agency.unit_id
        else:
            unit_id = applicant_unit.pk if applicant_unit is not None else None
        if unit_id is None:
            raise CompetenceError(gettext(
                "Hồ sơ cấp xã tiếp nhận tại Trung tâm tỉnh cần xác định xã, phường nơi người nộp cư trú."))
        committee = _commune_committee(unit_id)
        if committee is None:
            raise CompetenceError(gettext("Chưa có Ủy ban nhân dân xã, phường cho đơn vị hành chính này."))
        return committee
    if procedure.at_province:
        suffix = receiving_agency.province_code
        department = department_for(procedure, on, suffix)
        if department is not None:
            return department
        committee = Agency.objects.filter(code__endswith="." + suffix, is_active=True,
                                          kind=Agency.Kind.PROVINCIAL_COMMITTEE).first()
        if committee is not None:
            return committee  # type: ignore[no-any-return]
        raise CompetenceError(gettext("Chưa cấu hình cơ quan giải quyết cho lĩnh vực của thủ tục này."))
    raise CompetenceError(gettext("Thủ tục này không do chính quyền địa phương cấp tỉnh, cấp xã giải quyết."))


# ------------------------------------------------------------------ process templates

def limit_in_working_hours(value: Decimal | None, unit: str) -> Decimal:
    """A legal limit as working hours for the process template.

    Working days × 8 h; calendar days × 8 h (a template shares effort, it does not
    compute the due date, which the worktime module does from the channel's unit; at
    reception a calendar-day dossier's steps are rescaled to the real working time inside
    its calendar period: `dossiers.services._fit_to_working_time`);
    same-day rule = one working day; no limit = DEFAULT_LIMIT_HOURS.
    """
    if value is None or not unit:
        return DEFAULT_LIMIT_HOURS
    value = Decimal(value)
    if unit == TimeLimitUnit.WORKING_HOURS:
        return value
    if unit == TimeLimitUnit.SAME_DAY_15H:
        return HOURS_PER_DAY
    return value * HOURS_PER_DAY


_QUARTER = Decimal("0.25")
_CENT = Decimal("0.01")


def _desk_share(total: Decimal) -> Decimal:
    """Reception and return: 5% of the limit each, between 15 minutes and half a day."""
    if total < 2:
        return (total / 10).quantize(_CENT, rounding=ROUND_DOWN)
    share = (total * Decimal("0.05") / _QUARTER).to_integral_value(rounding=ROUND_DOWN) * _QUARTER
    return min(Decimal(4), max(_QUARTER, share))


def default_process_steps(level: str, limit: tuple[Decimal | None, str] | None) -> list[dict[str, Any]]:
    """Reception → specialist review → leader approval → result return, summing to the limit.

    Reception and return take small fixed shares (`_desk_share`); the leader 20% of
    the rest; the specialist the remainder, so the sum is exact.
    """
    total = limit_in_working_hours(*limit) if limit else DEFAULT_LIMIT_HOURS
    desk = _desk_share(total)
    rest = total - 2 * desk
    leader = (rest * Decimal("0.2")).quantize(_CENT, rounding=ROUND_DOWN)
    specialist = rest - leader
    if level == "commune":
        desk_kind, deciding_kind = "commune_center", "commune_committee"
    else:
        desk_kind, deciding_kind = "provincial_center", "department"
    return [
        {"order": 1, "name": "Tiếp nhận hồ sơ", "role": "receptionist", "agency_kind": desk_kind,
         "allotted_hours": desk},
        {"order": 2, "name": "Thẩm định, xử lý hồ sơ", "role": "specialist", "agency_kind": deciding_kind,
         "allotted_hours": specialist},
        {"order": 3, "name": "Phê duyệt kết quả", "role": "leader", "agency_kind": deciding_kind,
         "allotted_hours": leader},
        {"order": 4, "name": "Trả kết quả", "role": "receptionist", "agency_kind": desk_kind,
         "allotted_hours": desk},
    ]


def legal_limit_hours(channels: Iterable[Any]) -> Decimal:
    """The working hours a version's template must add up to, from its channels.

    The counter's limit is the legal reference, else the first channel that states one;
    without any, DEFAULT_LIMIT_HOURS (objects with kind, time_limit_value, time_limit_unit).
    """
    for channel in sorted(channels, key=lambda c: c.kind != "counter"):
        if channel.time_limit_value is not None and channel.time_limit_unit:
            return limit_in_working_hours(channel.time_limit_value, channel.time_limit_unit)
    return DEFAULT_LIMIT_HOURS


def template_hours(version: ProcedureVersion) -> Decimal:
    """Sum of a version's template steps (what a dossier will copy)."""
    return sum((step.allotted_hours for step in version.process_steps.all()), Decimal(0))
