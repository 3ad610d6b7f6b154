"""Catalog rules other apps call: the version in force, who decides, where to submit, templates.

Decree 118/2025/NĐ-CP separates *where a dossier can be received* (any service
centre of the province, whatever the applicant's address) from *who decides*
(the competent agency). The catalog names who decides (`co_quan_co_tham_quyen`); the
competence rules (catalog.competence, the CompetenceRule table) read it: an office of a
central agency in the province (customs, tax, police…), a department, a People's Committee
(the commune of residence for civil status, of the parcel for land), or a ministry (refused).
When no rule speaks for a procedure, the generic level rules apply, in order:

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
import threading
import time
import uuid
from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass
from decimal import ROUND_DOWN, Decimal
from typing import TYPE_CHECKING, Any, TypeVar

from django.conf import settings
from django.core.cache import cache
from django.db import connection, transaction
from django.db.models import Q, QuerySet
from django.db.models.signals import post_delete, post_save
from django.utils.translation import gettext

from motcua.catalog.competence import (
    LOCAL_LEVELS,
    Rule,
    agency_text,
    agency_texts,
    choose,
    matching_rules,
)
from motcua.catalog.models import (
    CompetenceRule,
    FieldDepartment,
    Procedure,
    ProcedureVersion,
    TimeLimitUnit,
)

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
    """The version valid on `on` (bounds inclusive), or None; by code, one query with its procedure."""
    versions = ProcedureVersion.objects.in_force_on(on).select_related("procedure", "procedure__field")
    if isinstance(procedure, Procedure):
        return versions.filter(procedure=procedure).first()
    return versions.filter(procedure__code=procedure).first()


# ------------------------------------------------------------------ the catalog kept per process
#
# A submission needs the version in force with its requirements (and a reception its channels
# and process steps) and the receiving agency: the same rows for every dossier. Each process
# keeps them under the catalog's generation token (catalog.models.Generation), which database
# triggers change with every write to those tables, in the writer's transaction. A request
# reads the token first (one statement: `snapshot()`), then takes what the process kept under
# that token or loads it; a change committed before the request read the token is never served
# stale, whichever process made it and however (admin, importer, `.update()`, raw SQL). A
# token that cannot be read (the row missing) keeps nothing.

KEPT_ENTRIES = 2_000  # (code, day) and agency keys; a full store starts again

_GENERATION_SQL = "SELECT token FROM catalog_generation WHERE id = 1"


class _Kept:
    def __init__(self, token: str) -> None:
        self.token = token
        self.values: dict[Hashable, Any] = {}


_kept: _Kept | None = None
_kept_lock = threading.Lock()


def generation() -> str | None:
    """The catalog's generation token now (one statement), None when the row is missing."""
    with connection.cursor() as cursor:
        cursor.execute(_GENERATION_SQL)
        row = cursor.fetchone()
    return None if row is None else str(row[0])


def _kept_store(token: str) -> _Kept:
    global _kept
    with _kept_lock:
        current = _kept
        if current is None or current.token != token:
            current = _kept = _Kept(token)
        return current


def clear_kept_catalog() -> None:
    """Forget what this process keeps (the token makes this unnecessary; for tests' clarity)."""
    global _kept
    with _kept_lock:
        _kept = None


@dataclass(frozen=True)
class Snapshot:
    """The catalog as of one read of its generation token (take one per request, not longer).

    The objects it returns are shared by the requests of the process that read the same
    token: read them, never change them.
    """

    token: str | None

    def _get(self, key: Hashable, load: Callable[[], _T]) -> _T:
        if self.token is None:
            return load()
        store = _kept_store(self.token)
        value = store.values.get(key, _MISSING)
        if value is _MISSING:
            value = load()  # loaded after the token was read: as new as the token, or newer
            if len(store.values) >= KEPT_ENTRIES:
                store.values.clear()
            store.values[key] = value
        return value  # type: ignore[return-value]

    def version_in_force(self, code: str, on: dt.date) -> ProcedureVersion | None:
        """`version_in_force(code, on)` with its requirements, channels and process steps read."""
        return self._get(("version", code, on), lambda: _load_version(code, on))

    def active_agency(self, code: str) -> Agency | None:
        """The active agency with this code, or None."""
        return self._get(("agency", code), lambda: _agency_model().objects.filter(
            code=code, is_active=True).first())


def _load_version(code: str, on: dt.date) -> ProcedureVersion | None:
    return (ProcedureVersion.objects.in_force_on(on).select_related("procedure", "procedure__field")
            .filter(procedure__code=code).prefetch_related("requirements", "channels", "process_steps")
            .first())


def snapshot() -> Snapshot:
    """The catalog as of now: one statement, then what this process keeps for that token."""
    return Snapshot(generation())


# ------------------------------------------------------------------ the competence cache
#
# Deciding competence reads the same few rows for every dossier received: the active rules
# (CompetenceRule), the agency they send to (Agency, FieldDepartment). Each process keeps them,
# and the rule chosen for a catalog text, in `_competence_cache`, dropped:
# - at once in this process, by a save or delete of a rule, a field → department mapping or an
#   agency (signals; again after the commit, so that rows read meanwhile do not survive);
# - in the other processes within CHECK_SECONDS: the same signals put a new token in the shared
#   cache (Redis, or the database cache), which each process reads at most every CHECK_SECONDS
#   (no query per reception; with the database cache, one query per process every 5 s);
# - in any case after MAX_AGE_SECONDS (a change that sends no signal — raw SQL, a queryset
#   .update(), a transaction rolled back after a change read in it — or a cache not shared).

VERSION_KEY = "catalog:competence:version"
CHECK_SECONDS = 5.0
MAX_AGE_SECONDS = 300.0
MAX_ENTRIES = 20_000  # keys: agency texts × desk, offices × days; a full cache starts again

_T = TypeVar("_T")
_MISSING = object()


class _CompetenceCache:
    def __init__(self, token: str, now: float) -> None:
        self.token, self.loaded_at, self.checked_at = token, now, now
        self.values: dict[Hashable, Any] = {}


_competence_cache: _CompetenceCache | None = None
_cache_lock = threading.Lock()


def _check_seconds() -> float:
    default = 0.0 if getattr(settings, "TESTING", False) else CHECK_SECONDS
    return float(getattr(settings, "CATALOG_COMPETENCE_CHECK_SECONDS", default))


def _shared_token() -> str:
    token = cache.get(VERSION_KEY)
    if token is None:
        cache.add(VERSION_KEY, uuid.uuid4().hex, timeout=None)
        token = cache.get(VERSION_KEY) or ""
    return str(token)


def _current_cache() -> _CompetenceCache:
    global _competence_cache
    current, now = _competence_cache, time.monotonic()
    if current is not None and now - current.checked_at < _check_seconds():
        return current
    token = _shared_token()  # read before the rows the cache will hold
    with _cache_lock:
        current = _competence_cache
        if current is None or current.token != token or now - current.loaded_at >= MAX_AGE_SECONDS:
            current = _competence_cache = _CompetenceCache(token, now)
        current.checked_at = now
        return current


def _cached(key: Hashable, load: Callable[[], _T]) -> _T:
    """`load()`'s value, computed once per process while the catalog and agencies stay the same."""
    current = _current_cache()
    value = current.values.get(key, _MISSING)
    if value is _MISSING:
        value = load()
        if len(current.values) >= MAX_ENTRIES:
            current.values.clear()
        current.values[key] = value
    return value  # type: ignore[return-value]


def clear_competence_cache() -> None:
    """Forget this process's cached rules and offices (tests that roll back rows call this)."""
    global _competence_cache
    with _cache_lock:
        _competence_cache = None


def competence_changed(**_: Any) -> None:
    """Rules or agencies changed: drop the cache here and tell the other processes (a new token);
    again after the commit. Signal receiver; bulk writers of these tables call it too."""
    def forget() -> None:
        clear_competence_cache()
        cache.set(VERSION_KEY, uuid.uuid4().hex, timeout=None)

    forget()
    transaction.on_commit(forget)


def connect_competence_signals() -> None:
    """Called by the catalog app's ready(): every process that changes these rows tells the others."""
    for model in (CompetenceRule, FieldDepartment, "agencies.Agency"):
        name = model if isinstance(model, str) else model._meta.label
        post_save.connect(competence_changed, sender=model, dispatch_uid=f"catalog-competence-{name}-save")
        post_delete.connect(competence_changed, sender=model,
                            dispatch_uid=f"catalog-competence-{name}-delete")


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
    if found is None or not (found.at_commune or found.at_province) or _decided_centrally(found):
        return Agency.objects.none()  # type: ignore[no-any-return]
    kinds = [Agency.Kind.PROVINCIAL_CENTER, Agency.Kind.COMMUNE_CENTER]
    return Agency.objects.filter(  # type: ignore[no-any-return]
        _province_filter(province_code), kind__in=kinds, is_active=True,
    ).order_by("kind", "name")  # "commune_center" sorts before "provincial_center"


def _decided_centrally(procedure: Procedure) -> bool:
    """The catalog names only central bodies: the province's centres do not receive it."""
    rules = active_rules()
    return all(
        (rule := deciding_rule(procedure, desk, rules)[0]) is not None and rule.level not in LOCAL_LEVELS
        for desk in (True, False))


def department_for(procedure: Procedure, on: dt.date, province_suffix: str = "") -> Agency | None:
    """The department mapped to the procedure's field on `on` (latest mapping wins)."""
    return _cached(("department", procedure.field_id, on, province_suffix),
                   lambda: _department_for(procedure.field_id, on, province_suffix))


def _department_for(field_id: int, on: dt.date, province_suffix: str) -> Agency | None:
    mappings = FieldDepartment.objects.filter(field_id=field_id, valid_from__lte=on,
                                              agency__is_active=True)
    if province_suffix:
        mappings = mappings.filter(agency__code__endswith="." + province_suffix)
    mapping = mappings.select_related("agency").order_by("-valid_from").first()
    return mapping.agency if mapping else None


def _commune_office(unit_id: int, kind: str) -> Agency | None:
    Agency = _agency_model()
    return _cached(("commune", unit_id, kind), lambda: Agency.objects.filter(
        unit_id=unit_id, kind=kind, is_active=True,
    ).first())


@dataclass(frozen=True)
class Competence:
    """Who decides a dossier and why: `rule` is the short, stable text of the rule that decided."""

    agency: Agency
    rule: str


def _split(version_or_procedure: ProcedureVersion | Procedure,
           on: dt.date | None = None) -> tuple[Procedure, ProcedureVersion | None]:
    if isinstance(version_or_procedure, ProcedureVersion):
        return version_or_procedure.procedure, version_or_procedure
    version = version_in_force(version_or_procedure, on) if on is not None else (
        version_or_procedure.versions.order_by("-valid_from").first())
    return version_or_procedure, version


def active_rules() -> list[Rule]:
    """The active competence rules (cached per process: `_competence_cache`)."""
    return list(_cached(("rules",), _load_rules))


def _load_rules() -> tuple[Rule, ...]:
    return tuple(rule.as_rule() for rule in CompetenceRule.objects.filter(is_active=True))


def deciding_rule(version_or_procedure: ProcedureVersion | Procedure, at_commune_desk: bool,
                  rules: list[Rule] | None = None, on: dt.date | None = None) -> tuple[Rule | None, str]:
    """The rule that decides for a desk of this level (None: no rule speaks) and the agency text."""
    procedure, version = _split(version_or_procedure, on)
    competent, implementing = ("", "") if version is None else (
        version.competent_agency_text, version.implementing_agency)
    field, levels = procedure.field.name, tuple(procedure.levels)
    if rules is not None:
        return _deciding_rule(rules, competent, implementing, field, levels, at_commune_desk)
    # With the active rules: a pure function of these texts, cached with the rules.
    return _cached(("decides", competent, implementing, field, levels, at_commune_desk),
                   lambda: _deciding_rule(_cached(("rules",), _load_rules), competent, implementing,
                                          field, levels, at_commune_desk))


def _deciding_rule(rules: Iterable[Rule], competent: str, implementing: str, field: str,
                   levels: tuple[str, ...], at_commune_desk: bool) -> tuple[Rule | None, str]:
    matches = matching_rules(rules, agency_texts(competent, implementing), field, levels)
    return choose(matches, at_commune_desk), agency_text(competent, implementing)


def place_basis(version_or_procedure: ProcedureVersion | Procedure) -> str:
    """Which commune the reception must ask for: "residence", "land" or "" (the receiving one)."""
    rule, _ = deciding_rule(version_or_procedure, at_commune_desk=True)
    return rule.basis if rule is not None and rule.level == "commune" else ""


def _basis_unit(rule: Rule, receiving_agency: Agency, at_commune_desk: bool,
                applicant_unit: Unit | None, land_unit: Unit | None) -> tuple[int | None, str]:
    """The commune whose office decides, and the words the rule text gets for it."""
    if rule.basis == "land" and land_unit is not None:
        return land_unit.pk, "land"
    if rule.basis in ("residence", "land") and applicant_unit is not None:
        return applicant_unit.pk, "residence"
    if at_commune_desk:
        return receiving_agency.unit_id, "receiving"
    return (applicant_unit.pk if applicant_unit is not None else None), "residence"


def _province_office(rule: Rule, procedure: Procedure, suffix: str, on: dt.date) -> Agency | None:
    """The province's office of the rule's kind (suffix: the province's agency code part, H37)."""
    Agency = _agency_model()
    if rule.agency_kind == Agency.Kind.DEPARTMENT:
        # The province's own field → department table (FieldDepartment) is more specific than
        # the national text ("Sở Nông nghiệp và Môi trường Thành phố Hà Nội"): it wins.
        mapped = department_for(procedure, on, suffix)
        if mapped is not None:
            return mapped
        if rule.department:
            from motcua.agencies.services import DEPARTMENTS_BY_KEY, department_code

            department = DEPARTMENTS_BY_KEY.get(rule.department)
            if department is not None:
                code = department_code(suffix, department)
                return _cached(("agency", code), lambda: Agency.objects.filter(
                    code=code, is_active=True).first())
        return None
    # The main office sorts first (000.00.41 before its border gates 000.01.41, …).
    return _cached(("office", suffix, rule.agency_kind), lambda: Agency.objects.filter(
        code__endswith="." + suffix, kind=rule.agency_kind, is_active=True).order_by("code").first())


def _refusal(text: str) -> CompetenceError:
    return CompetenceError(gettext(
        "Thủ tục này do %(agency)s giải quyết, không thuộc thẩm quyền của cơ quan trong tỉnh; "
        "vui lòng liên hệ cơ quan đó.") % {"agency": text or gettext("cơ quan trung ương")})


def decide_competence(version_or_procedure: ProcedureVersion | Procedure, receiving_agency: Agency,
                      on: dt.date, applicant_unit: Unit | None = None,
                      land_unit: Unit | None = None) -> Competence:
    """The office that decides a dossier received by `receiving_agency` on `on`, and the rule why.

    The catalog's rules first (catalog.competence); when no rule speaks, the generic
    level rules of the module docstring (rule text starts with "fallback").
    """
    from motcua.geography.models import COMMUNE_LEVELS

    Agency = _agency_model()
    if land_unit is not None and land_unit.level not in COMMUNE_LEVELS:
        raise CompetenceError(gettext("%(unit)s không phải đơn vị hành chính cấp xã.") % {"unit": land_unit})
    procedure, _version = _split(version_or_procedure, on)
    at_commune_desk = receiving_agency.kind in (Agency.Kind.COMMUNE_CENTER, Agency.Kind.COMMUNE_COMMITTEE)
    rule, text = deciding_rule(version_or_procedure, at_commune_desk, on=on)
    if rule is None:
        return Competence(_fallback_agency(procedure, receiving_agency, on, applicant_unit),
                          "fallback: " + ("commune" if procedure.at_commune and (
                              at_commune_desk or not procedure.at_province) else "province"))
    if rule.level not in ("province", "commune"):
        raise _refusal(text)
    if rule.level == "province":
        office = _province_office(rule, procedure, receiving_agency.province_code, on)
        if office is None:
            return _missing_office(rule, procedure, receiving_agency, on, applicant_unit)
        return Competence(office, rule.describe())
    unit_id, place = _basis_unit(rule, receiving_agency, at_commune_desk, applicant_unit, land_unit)
    if unit_id is None:
        if rule.basis == "land":
            raise CompetenceError(gettext(
                "Hồ sơ đất đai tiếp nhận tại Trung tâm tỉnh cần xác định xã, phường nơi có thửa đất."))
        raise CompetenceError(gettext(
            "Hồ sơ cấp xã tiếp nhận tại Trung tâm tỉnh cần xác định xã, phường nơi người nộp cư trú."))
    if rule.agency_kind == Agency.Kind.COMMUNE_COMMITTEE and receiving_agency.kind == rule.agency_kind \
            and receiving_agency.unit_id == unit_id:
        return Competence(receiving_agency, f"{rule.describe()} @{place}")
    office = _commune_office(unit_id, rule.agency_kind)
    if office is None:
        return _missing_office(rule, procedure, receiving_agency, on, applicant_unit)
    return Competence(office, f"{rule.describe()} @{place}")


def _missing_office(rule: Rule, procedure: Procedure, receiving_agency: Agency, on: dt.date,
                    applicant_unit: Unit | None) -> Competence:
    """The rule names an office the province has not set up (ensure_province_agencies creates
    them): the generic level rules decide, and the rule text says so."""
    agency = _fallback_agency(procedure, receiving_agency, on, applicant_unit)
    return Competence(agency, f"fallback: no {rule.agency_kind} office ({rule.describe()})")


@dataclass(frozen=True)
class DeskCompetence:
    """Who decides a dossier handed in at one kind of desk, for the procedure page."""

    at_commune_desk: bool
    agency: Agency | None  # a province-level office, when the rule names one
    commune_kind: str  # the kind of commune office (its own commune's), when the rule names one
    basis: str  # for a commune office: "residence", "land" or "" (the receiving commune)
    refusal: str  # not received in the province: who handles it


def competence_overview(version: ProcedureVersion, province_suffix: str, on: dt.date) -> list[DeskCompetence]:
    """What decide_competence does at a commune desk and at the provincial desk, for people to read.

    Only the desks that would receive the procedure; one entry when both give the same answer.
    """
    procedure = version.procedure
    rules = active_rules()
    overview: list[DeskCompetence] = []
    for at_commune_desk in (True, False):
        rule, text = deciding_rule(version, at_commune_desk, rules)
        if rule is None:
            entry = _fallback_overview(procedure, at_commune_desk, province_suffix, on)
        elif rule.level not in LOCAL_LEVELS:
            entry = DeskCompetence(at_commune_desk, None, "", "", str(_refusal(text)))
        elif rule.level == "province":
            office = _province_office(rule, procedure, province_suffix, on)
            entry = (DeskCompetence(at_commune_desk, office, "", "", "") if office is not None
                     else _fallback_overview(procedure, at_commune_desk, province_suffix, on))
        else:
            entry = DeskCompetence(at_commune_desk, None, rule.agency_kind, rule.basis, "")
        if entry is not None:
            overview.append(entry)
    if len(overview) == 2 and overview[0].agency is not None and overview[0].agency == overview[1].agency:
        overview.pop()
    if len(overview) == 2 and overview[0].refusal and overview[1].refusal:
        overview.pop()
    return overview


def _fallback_overview(procedure: Procedure, at_commune_desk: bool, suffix: str,
                       on: dt.date) -> DeskCompetence | None:
    Agency = _agency_model()
    if procedure.at_commune and (at_commune_desk or not procedure.at_province):
        return DeskCompetence(at_commune_desk, None, Agency.Kind.COMMUNE_COMMITTEE, "", "")
    if procedure.at_province:
        agency = department_for(procedure, on, suffix) or Agency.objects.filter(
            code__endswith="." + suffix, is_active=True, kind=Agency.Kind.PROVINCIAL_COMMITTEE).first()
        return DeskCompetence(at_commune_desk, agency, "", "", "")
    return None


def competent_agency(version_or_procedure: ProcedureVersion | Procedure, receiving_agency: Agency,
                     on: dt.date, applicant_unit: Unit | None = None,
                     land_unit: Unit | None = None) -> Agency:
    """The agency that decides (decide_competence(...).agency)."""
    return decide_competence(version_or_procedure, receiving_agency, on, applicant_unit, land_unit).agency


def _fallback_agency(procedure: Procedure, receiving_agency: Agency, on: dt.date,
                     applicant_unit: Unit | None = None) -> Agency:
    """The generic level rules (module docstring), when no catalog rule speaks for the procedure."""
    Agency = _agency_model()
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
        committee = _commune_office(unit_id, Agency.Kind.COMMUNE_COMMITTEE)
        if committee is None:
            raise CompetenceError(gettext("Chưa có Ủy ban nhân dân xã, phường cho đơn vị hành chính này."))
        return committee
    if procedure.at_province:
        suffix = receiving_agency.province_code
        department = department_for(procedure, on, suffix)
        if department is not None:
            return department
        committee = _cached(("committee", suffix), lambda: Agency.objects.filter(
            code__endswith="." + suffix, is_active=True, kind=Agency.Kind.PROVINCIAL_COMMITTEE).first())
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
