"""Reorganisation of agencies with their units: `motcua reorg plan|apply --on DATE --file FILE`.

The file is a successions table with the columns of the Government's conversion table of
1 July 2025 (geography.conversion reads it). The units it names must already be in the
database (`motcua units import FILE`). What changes, for each province whose agencies sit at
units that end the day before DATE:

* agencies closed: the committees, centres, commune police and district offices of the old
  units (valid_to = DATE - 1, inactive), each with its successions to the same kind of agency
  at the successor units (a district's committee and desk go to the new communes' committee
  and centre);
* agencies created: the scheme's committee, centre and police of every new commune, ward and
  special zone (agencies.services); when the scheme gives a new unit's agency the code of an
  old one (the new unit took the old code), that agency *continues*: same row, new name and
  unit, and a CONTINUED succession keeping its old name and unit;
* every dossier in flight (any status but refused, withdrawn, stopped, returned) whose
  receiving agency, deciding agency or an unfinished step's agency closes moves
  (dossiers.services.rehome_dossier, event "rehome"): the receiving agency to the successor of
  the same kind, the deciding agency by the routing rules (catalog.services.decide_competence
  with the successor centre and the successor units of the applicant's and the parcel's
  commune), codes unchanged. Finished dossiers never move.

Which successor: an old commune split between several new units ("Nhập một phần") goes, for
its agencies and dossiers, to the new unit that kept its code, else to the first new unit the
table names for it; a district's dossier goes to the successor of the applicant's (or the
parcel's) commune when that commune was in the district, else to the new unit that took most
of the district's communes (fewest code on a tie). The plan prints these choices dossier by
dossier, for the province to check before applying.

`plan` runs exactly what `apply` runs, inside a transaction it rolls back: the plan printed
is what apply does (and its digest lets `apply --expect` refuse if anything changed since).
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.db import transaction
from django.db.models import Count, Q
from django.utils.translation import gettext as _

from motcua.accounts.models import User
from motcua.agencies import services as agencies
from motcua.agencies.models import Agency, AgencySuccession
from motcua.catalog import services as catalog
from motcua.dossiers import services
from motcua.dossiers.models import CLOSED_STATUSES, Dossier
from motcua.dossiers.services import Actor, DossierError
from motcua.geography import conversion
from motcua.geography.models import COMMUNE_LEVELS, Unit
from motcua.geography.services import communes_of, format_date

# The kind an old agency's successor has at the new unit.
SUCCESSOR_KIND: dict[str, str] = {
    Agency.Kind.COMMUNE_COMMITTEE: Agency.Kind.COMMUNE_COMMITTEE,
    Agency.Kind.COMMUNE_CENTER: Agency.Kind.COMMUNE_CENTER,
    Agency.Kind.COMMUNE_POLICE: Agency.Kind.COMMUNE_POLICE,
    Agency.Kind.DISTRICT_COMMITTEE: Agency.Kind.COMMUNE_COMMITTEE,
    Agency.Kind.DISTRICT_CENTER: Agency.Kind.COMMUNE_CENTER,
}
RECEIVING_KINDS = (Agency.Kind.COMMUNE_CENTER, Agency.Kind.DISTRICT_CENTER, Agency.Kind.PROVINCIAL_CENTER)
UnitKey = tuple[str, str]  # (code, level): with the date, names one unit


class ReorgError(Exception):
    """The reorganisation cannot be planned; `problems` say why (nothing changed)."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems


@dataclass
class DossierMove:
    code: str
    status: int
    from_receiving: str
    to_receiving: str
    from_competent: str
    to_competent: str

    def line(self) -> str:
        return _("%(code)s [%(status)s]: tiếp nhận %(r1)s → %(r2)s; giải quyết %(c1)s → %(c2)s") % {
            "code": self.code,
            "status": self.status,
            "r1": self.from_receiving,
            "r2": self.to_receiving,
            "c1": self.from_competent,
            "c2": self.to_competent,
        }


@dataclass
class ReorgResult:
    effective: dt.date
    closed: list[tuple[str, str, list[str]]] = field(default_factory=list)  # code, name, successor codes
    created: list[tuple[str, str]] = field(default_factory=list)
    continued: list[tuple[str, str, str]] = field(default_factory=list)  # code, old name, new name
    moves: list[DossierMove] = field(default_factory=list)
    finished_untouched: int = 0
    # Officers' accounts still at a closed agency (code, how many): moving people is the
    # province's decision, made in the admin; the plan lists them so none is forgotten.
    officers: list[tuple[str, int]] = field(default_factory=list)
    applied: bool = False

    def lines(self) -> list[str]:
        """The plan, one change per line, in a stable order (what `plan` prints and `apply` does)."""
        out = [_("Sắp xếp có hiệu lực từ %(day)s") % {"day": format_date(self.effective)}]
        out.append(_("Cơ quan kết thúc (%(count)s):") % {"count": len(self.closed)})
        out += [f"  {code} {name} → {', '.join(successors)}" for code, name, successors in self.closed]
        out.append(_("Cơ quan thành lập (%(count)s):") % {"count": len(self.created)})
        out += [f"  {code} {name}" for code, name in self.created]
        out.append(_("Cơ quan giữ mã, đổi tên hoặc địa bàn (%(count)s):") % {"count": len(self.continued)})
        out += [f"  {code} {old} → {new}" for code, old, new in self.continued]
        out.append(
            _("Hồ sơ đang giải quyết chuyển sang cơ quan kế thừa (%(count)s):") % {"count": len(self.moves)}
        )
        out += [f"  {move.line()}" for move in self.moves]
        out.append(_("Hồ sơ đã kết thúc giữ nguyên: %(count)s") % {"count": self.finished_untouched})
        out.append(_("Cơ quan kết thúc còn tài khoản cán bộ (%(count)s):") % {"count": len(self.officers)})
        out += [
            _("  %(code)s: %(officers)s cán bộ") % {"code": code, "officers": n} for code, n in self.officers
        ]
        return out

    @property
    def digest(self) -> str:
        return hashlib.sha256("\n".join(self.lines()).encode()).hexdigest()[:16]

    def as_dict(self) -> dict[str, Any]:
        return {
            "effective": self.effective,
            "applied": self.applied,
            "digest": self.digest,
            "closed": [{"code": c, "name": n, "successors": s} for c, n, s in self.closed],
            "created": [{"code": c, "name": n} for c, n in self.created],
            "continued": [{"code": c, "old_name": o, "new_name": n} for c, o, n in self.continued],
            "moves": [move.__dict__ for move in self.moves],
            "finished_untouched": self.finished_untouched,
            "officers": [{"agency": code, "count": n} for code, n in self.officers],
        }


# --- the successions table -------------------------------------------------------------------


@dataclass
class Successions:
    """Old unit (code, level) → new units (code, level, kind), in the table's order."""

    of_unit: dict[UnitKey, list[tuple[UnitKey, str]]] = field(default_factory=dict)
    district_communes: dict[str, list[str]] = field(default_factory=dict)  # district code → old communes

    def successors(self, key: UnitKey) -> list[tuple[UnitKey, str]]:
        return self.of_unit.get(key, [])

    def main_successor(self, key: UnitKey) -> UnitKey | None:
        """The new unit that kept the old code, else the first the table names."""
        found = self.successors(key)
        for new_key, _kind in found:
            if new_key[0] == key[0]:
                return new_key
        return found[0][0] if found else None

    def district_successor(self, district_code: str) -> UnitKey | None:
        """The new unit that took most of the district's communes (lowest code on a tie)."""
        counts: Counter[UnitKey] = Counter()
        for commune in self.district_communes.get(district_code, []):
            for level in conversion.OLD_UNIT_LEVELS:
                main = self.main_successor((commune, level))
                if main is not None:
                    counts[main] += 1
        direct = self.main_successor((district_code, conversion.DISTRICT))
        if direct is not None:
            counts[direct] += 1
        if not counts:
            return None
        return min(counts, key=lambda k: (-counts[k], k[0]))


def read_successions(path: Path) -> Successions:
    plan = conversion.read_conversion_table(path)
    if plan.errors:
        raise ReorgError([str(problem) for problem in plan.errors[:50]])
    table = Successions()
    for (old, new), _spec in plan.successions.items():
        if old[1] == conversion.PROVINCE:
            continue
        table.of_unit.setdefault((old[0], old[1]), []).append(((new[0], new[1]), _spec.kind))
    for spec in plan.units.values():
        if spec.level in conversion.OLD_UNIT_LEVELS and spec.parent and spec.parent[1] == conversion.DISTRICT:
            table.district_communes.setdefault(spec.parent[0], []).append(spec.code)
    # District → the new units its communes went to (for the district offices' successions).
    for district, communes in table.district_communes.items():
        seen: dict[UnitKey, str] = {}
        for commune in communes:
            for level in conversion.OLD_UNIT_LEVELS:
                for new_key, _kind in table.successors((commune, level)):
                    seen.setdefault(new_key, conversion.PARTIAL)
        key = (district, conversion.DISTRICT)
        table.of_unit[key] = table.of_unit.get(key, []) + [
            (k, v) for k, v in seen.items() if k not in dict(table.of_unit.get(key, []))
        ]
    return table


# --- the reorganisation ----------------------------------------------------------------------


class _Run:
    def __init__(self, table: Successions, on: dt.date, actor: Actor, reason: str) -> None:
        self.table, self.on, self.actor, self.reason = table, on, actor, reason
        self.before = on - dt.timedelta(days=1)
        self.result = ReorgResult(effective=on)
        self.problems: list[str] = []
        self.new_units: dict[UnitKey, Unit] = {}
        self.by_unit_kind: dict[tuple[int, str], Agency] = {}
        self.closing: dict[int, Agency] = {}

    def new_unit(self, key: UnitKey | None) -> Unit | None:
        return self.new_units.get(key) if key else None

    def affected_agencies(self) -> list[Agency]:
        """Active agencies whose unit ends before the effective day (the old communes, districts)."""
        return list(
            Agency.objects.filter(is_active=True, unit__valid_to__lt=self.on)
            .select_related("unit", "unit__parent")
            .order_by("code")
        )

    def load_new_units(self, prefixes: set[str]) -> dict[str, Unit]:
        provinces: dict[str, Unit] = {}
        by_prefix = {prefix: code for code, prefix in agencies.PROVINCE_PREFIXES.items()}
        for prefix in sorted(prefixes):
            code = by_prefix.get(prefix)
            province = (
                Unit.objects.filter(code=code, level=Unit.Level.PROVINCE).on(self.on).first()
                if code
                else None
            )
            if province is None:
                self.problems.append(
                    _("Không có tỉnh nào có mã cơ quan %(prefix)s vào ngày %(day)s.")
                    % {"prefix": prefix, "day": format_date(self.on)}
                )
                continue
            provinces[prefix] = province
            for unit in communes_of(province, self.on):
                self.new_units[(unit.code, unit.level)] = unit
        return provinces

    def ensure_new_agencies(self, prefix: str, province: Unit, affected: dict[str, Agency]) -> None:
        committee = agencies.agency_by_code(agencies.provincial_committee_code(prefix))
        police = agencies.agency_by_code(
            agencies.department_code(prefix, agencies.DEPARTMENTS_BY_KEY["police"])
        )
        for unit in sorted(
            (u for u in self.new_units.values() if u.parent_id == province.pk), key=lambda u: u.code
        ):
            where = unit.name[:1].lower() + unit.name[1:]
            commune_committee = self.ensure(
                agencies.commune_committee_code(prefix, unit.code),
                f"Ủy ban nhân dân {where}",
                Agency.Kind.COMMUNE_COMMITTEE,
                unit,
                committee,
                affected,
            )
            self.ensure(
                agencies.commune_center_code(prefix, unit.code),
                f"Trung tâm Phục vụ hành chính công {where}",
                Agency.Kind.COMMUNE_CENTER,
                unit,
                commune_committee,
                affected,
            )
            self.ensure(
                agencies.commune_police_code(prefix, unit.code),
                f"Công an {where}",
                Agency.Kind.COMMUNE_POLICE,
                unit,
                police,
                affected,
            )

    def ensure(
        self, code: str, name: str, kind: str, unit: Unit, parent: Agency, affected: dict[str, Agency]
    ) -> Agency:
        agency = affected.get(code)
        if agency is not None:  # the new unit kept the old code: the agency continues
            AgencySuccession.objects.create(
                predecessor=agency,
                successor=agency,
                kind=AgencySuccession.Kind.CONTINUED,
                effective=self.on,
                predecessor_unit=agency.unit,
                predecessor_name=agency.name,
            )
            self.result.continued.append((code, agency.name, name))
            agency.name, agency.unit, agency.parent, agency.kind = name, unit, parent, kind
            agency.save(update_fields=["name", "unit", "parent", "kind"])
        else:
            agency = Agency.objects.filter(code=code).first()  # type: ignore[assignment]
            if agency is None:
                agency = Agency.objects.create(
                    code=code, name=name, kind=kind, unit=unit, parent=parent, valid_from=self.on
                )
                self.result.created.append((code, name))
        self.by_unit_kind[(unit.pk, kind)] = agency
        return agency

    def successor_agency(self, agency: Agency, unit_key: UnitKey | None) -> Agency | None:
        unit = self.new_unit(unit_key)
        kind = SUCCESSOR_KIND.get(agency.kind)
        if unit is None or kind is None:
            return None
        return self.by_unit_kind.get((unit.pk, kind))

    def unit_key(self, unit: Unit) -> UnitKey:
        return (unit.code, unit.level)

    def main_unit_key(self, agency: Agency) -> UnitKey | None:
        if agency.unit.level == Unit.Level.DISTRICT:
            return self.table.district_successor(agency.unit.code)
        return self.table.main_successor(self.unit_key(agency.unit))

    def close(self, agency: Agency) -> None:
        successors = []
        for unit_key, kind in self.table.successors(self.unit_key(agency.unit)):
            unit = self.new_unit(unit_key)
            target_kind = SUCCESSOR_KIND.get(agency.kind)
            target = self.by_unit_kind.get((unit.pk, target_kind)) if unit and target_kind else None
            if target is None:
                continue
            AgencySuccession.objects.get_or_create(
                predecessor=agency,
                successor=target,
                effective=self.on,
                defaults={"kind": kind, "predecessor_unit": agency.unit, "predecessor_name": agency.name},
            )
            successors.append(target.code)
        if not successors:
            self.problems.append(
                _("%(code)s %(name)s: bảng không có đơn vị kế thừa cho %(unit)s.")
                % {"code": agency.code, "name": agency.name, "unit": agency.unit}
            )
        agency.is_active = False
        agency.valid_to = self.before
        agency.save(update_fields=["is_active", "valid_to"])
        self.closing[agency.pk] = agency
        self.result.closed.append((agency.code, agency.name, successors))

    def place_successor(self, unit: Unit | None) -> Unit | None:
        """The new commune for an applicant's or parcel's commune (itself if it did not end)."""
        if unit is None:
            return None
        if unit.valid_to is None or unit.valid_to >= self.on:
            return unit
        return self.new_unit(self.table.main_successor(self.unit_key(unit)))

    def dossier_unit_key(self, dossier: Dossier, agency: Agency) -> UnitKey | None:
        if agency.unit.level == Unit.Level.DISTRICT:
            for place in (dossier.land_unit, dossier.applicant.address_unit):
                if place is not None and place.parent_id == agency.unit_id:
                    return self.table.main_successor(self.unit_key(place))
        return self.main_unit_key(agency)

    def move(self, dossier: Dossier) -> None:
        old_receiving, old_competent = dossier.receiving_agency, dossier.competent_agency
        receiving, competent = old_receiving, old_competent
        if old_receiving.pk in self.closing:
            found = self.successor_agency(old_receiving, self.dossier_unit_key(dossier, old_receiving))
            if found is None:
                self.problems.append(
                    _("%(code)s: không xác định được nơi tiếp nhận kế thừa.") % {"code": dossier.code}
                )
                return
            receiving = found
        if old_competent.pk in self.closing:
            try:
                competent = catalog.decide_competence(
                    dossier.version,
                    receiving,
                    self.on,
                    applicant_unit=self.place_successor(dossier.applicant.address_unit)
                    or (receiving.unit if receiving.unit.level in COMMUNE_LEVELS else None),
                    land_unit=self.place_successor(dossier.land_unit),
                ).agency
            except catalog.CompetenceError as error:
                self.problems.append(f"{dossier.code}: {error}")
                return
        agency_map = {
            pk: successor
            for pk, agency in self.closing.items()
            if (successor := self.successor_agency(agency, self.dossier_unit_key(dossier, agency)))
        }
        try:
            services.rehome_dossier(
                dossier,
                receiving=receiving,
                competent=competent,
                agency_map=agency_map,
                effective=self.on,
                actor=self.actor,
                reason=self.reason,
            )
        except DossierError as error:
            self.problems.append(f"{dossier.code}: {error}")
            return
        self.result.moves.append(
            DossierMove(
                dossier.code,
                dossier.status,
                old_receiving.code,
                receiving.code,
                old_competent.code,
                competent.code,
            )
        )

    def run(self) -> ReorgResult:
        affected = self.affected_agencies()
        prefixes = {agency.province_code for agency in affected}
        provinces = self.load_new_units(prefixes)
        by_code = {agency.code: agency for agency in affected}
        for prefix, province in sorted(provinces.items()):
            try:
                self.ensure_new_agencies(prefix, province, by_code)
            except agencies.AgencyError as error:  # the province's committee or police is missing
                self.problems.append(str(error))
                return self.result
        continued = {code for code, _old, _new in self.result.continued}
        for agency in affected:
            if agency.code not in continued:
                self.close(agency)
        closing_ids = list(self.closing)
        in_flight = (
            Dossier.objects.exclude(status__in=CLOSED_STATUSES)
            .filter(
                Q(receiving_agency_id__in=closing_ids)
                | Q(competent_agency_id__in=closing_ids)
                | Q(steps__finished_at__isnull=True, steps__agency_id__in=closing_ids)
            )
            .distinct()
            .select_related(
                "receiving_agency__unit",
                "competent_agency__unit",
                "version",
                "version__procedure",
                "applicant__address_unit",
                "land_unit",
            )
            .order_by("code")
        )
        for dossier in in_flight:
            self.move(dossier)
        counts = (
            User.objects.filter(agency_id__in=closing_ids, is_active=True)
            .values("agency__code")
            .annotate(n=Count("pk"))
            .order_by("agency__code")
        )
        self.result.officers = [(row["agency__code"], row["n"]) for row in counts]
        self.result.finished_untouched = (
            Dossier.objects.filter(status__in=CLOSED_STATUSES)
            .filter(Q(receiving_agency_id__in=closing_ids) | Q(competent_agency_id__in=closing_ids))
            .count()
        )
        return self.result


def reorganise(path: Path, on: dt.date, *, apply: bool, actor: Actor = None, expect: str = "") -> ReorgResult:
    """Plan (apply=False: everything rolled back) or apply the reorganisation in one transaction."""
    table = read_successions(path)
    reason = _("Sắp xếp đơn vị hành chính, cơ quan từ ngày %(day)s") % {"day": format_date(on)}
    with transaction.atomic():
        run = _Run(table, on, actor, reason)
        result = run.run()
        if run.problems:
            transaction.set_rollback(True)
            raise ReorgError(run.problems)
        if expect and expect != result.digest:
            transaction.set_rollback(True)
            raise ReorgError(
                [
                    _(
                        "Kế hoạch đã thay đổi kể từ khi xem (mã %(expected)s, nay %(digest)s): "
                        "hãy xem lại “reorg plan”."
                    )
                    % {"expected": expect, "digest": result.digest}
                ]
            )
        if not apply:
            transaction.set_rollback(True)
        result.applied = apply
    return result
