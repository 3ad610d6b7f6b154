"""`motcua province check`: what a province still lacks before it can serve.

* service centres (provincial and commune) without an active counter (centre.Counter) or
  without an active receptionist (the one-stop desk's officer, accounts.User);
* local procedures (province or commune level, a version in force today) that no agency of
  the province can decide at a desk that receives them (catalog.services.decide_competence
  raises): a missing department, committee or office. Procedures the catalog gives to a
  central body are not the province's to decide and are not listed;
* fields of province-level procedures without a department (catalog.FieldDepartment).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from motcua.accounts.models import Role, User
from motcua.agencies import services as agencies
from motcua.agencies.models import Agency
from motcua.catalog import services as catalog
from motcua.catalog.competence import LOCAL_LEVELS
from motcua.catalog.models import Field, FieldDepartment, Procedure, ProcedureVersion
from motcua.centre.models import Counter


@dataclass
class CheckReport:
    centres_without_counters: list[Agency] = field(default_factory=list)
    centres_without_officers: list[Agency] = field(default_factory=list)
    undecided_procedures: list[tuple[Procedure, str, str]] = field(default_factory=list)  # desk, reason
    fields_without_department: list[Field] = field(default_factory=list)

    @property
    def complete(self) -> bool:
        return not (
            self.centres_without_counters
            or self.centres_without_officers
            or self.undecided_procedures
            or self.fields_without_department
        )

    def as_dict(self) -> dict[str, Any]:
        def agency(a: Agency) -> dict[str, str]:
            return {"code": a.code, "name": a.name}

        return {
            "complete": self.complete,
            "centres_without_counters": [agency(a) for a in self.centres_without_counters],
            "centres_without_officers": [agency(a) for a in self.centres_without_officers],
            "undecided_procedures": [
                {"code": p.code, "name": p.name, "desk": desk, "reason": reason}
                for p, desk, reason in self.undecided_procedures
            ],
            "fields_without_department": [f.name for f in self.fields_without_department],
        }


def _centres(province_code: str, day: dt.date) -> list[Agency]:
    prefix = agencies.province_prefix(province_code)
    centres = Agency.objects.filter(
        kind__in=(Agency.Kind.PROVINCIAL_CENTER, Agency.Kind.COMMUNE_CENTER),
        code__endswith=f".{prefix}",
        is_active=True,
    ).on(day)
    return sorted(
        centres.select_related("unit"), key=lambda c: (c.kind != Agency.Kind.PROVINCIAL_CENTER, c.code)
    )


def _local_versions(day: dt.date) -> list[ProcedureVersion]:
    return list(
        ProcedureVersion.objects.in_force_on(day)
        .filter(Q(procedure__at_province=True) | Q(procedure__at_commune=True))
        .select_related("procedure", "procedure__field")
        .order_by("procedure__code")
    )


def _undecided(
    versions: list[ProcedureVersion], centres: list[Agency], day: dt.date
) -> list[tuple[Procedure, str, str]]:
    provincial = next((c for c in centres if c.kind == Agency.Kind.PROVINCIAL_CENTER), None)
    commune = next((c for c in centres if c.kind == Agency.Kind.COMMUNE_CENTER), None)
    rules = catalog.active_rules()
    found: list[tuple[Procedure, str, str]] = []
    for version in versions:
        procedure = version.procedure
        desks = []
        if procedure.at_commune:
            desks.append(("commune", commune))
        if procedure.at_province:
            desks.append(("province", provincial))
        for desk, centre in desks:
            rule, _text = catalog.deciding_rule(version, desk == "commune", rules)
            if rule is not None and rule.level not in LOCAL_LEVELS:
                continue  # a central body decides: not the province's to set up
            if centre is None:
                found.append((procedure, desk, _("Tỉnh chưa có trung tâm tiếp nhận hồ sơ ở cấp này.")))
                break
            place = centre.unit if desk == "commune" else (commune.unit if commune else None)
            try:
                catalog.decide_competence(version, centre, day, applicant_unit=place, land_unit=place)
            except catalog.CompetenceError as error:
                found.append((procedure, desk, str(error)))
                break
    return found


def _fields_without_department(
    versions: list[ProcedureVersion], province_code: str, day: dt.date
) -> list[Field]:
    prefix = agencies.province_prefix(province_code)
    field_ids = {v.procedure.field_id for v in versions if v.procedure.at_province}
    mapped = set(
        FieldDepartment.objects.filter(
            field_id__in=field_ids,
            valid_from__lte=day,
            agency__code__endswith=f".{prefix}",
            agency__is_active=True,
        ).values_list("field_id", flat=True)
    )
    return list(Field.objects.filter(pk__in=field_ids - mapped).order_by("name"))


def check_province(province_code: str, day: dt.date | None = None) -> CheckReport:
    day = day or timezone.localdate()
    centres = _centres(province_code, day)
    with_counters = set(
        Counter.objects.filter(centre__in=centres, is_active=True).values_list("centre_id", flat=True)
    )
    with_officers = set(
        User.objects.filter(agency__in=centres, is_active=True, role=Role.RECEPTIONIST).values_list(
            "agency_id", flat=True
        )
    )
    versions = _local_versions(day)
    return CheckReport(
        centres_without_counters=[c for c in centres if c.pk not in with_counters],
        centres_without_officers=[c for c in centres if c.pk not in with_officers],
        undecided_procedures=_undecided(versions, centres, day),
        fields_without_department=_fields_without_department(versions, province_code, day),
    )
