"""Who sees which figures (STYLE.md rule 9): a province, a commune (unit) or one agency."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.db.models import Q
from django.utils.translation import gettext as _

from motcua.accounts.models import Role
from motcua.agencies.models import Agency
from motcua.agencies.services import AgencyError, province_prefix
from motcua.core.cli import BadInput

PROVINCE_KINDS = (Agency.Kind.PROVINCIAL_COMMITTEE, Agency.Kind.PROVINCIAL_CENTER)
COMMUNE_KINDS = (Agency.Kind.COMMUNE_COMMITTEE, Agency.Kind.COMMUNE_CENTER)
# Who may open the dashboards: leaders and centre managers (and system administrators).
DASHBOARD_ROLES = (Role.LEADER, Role.CENTER_MANAGER, Role.SYSTEM_ADMIN)


@dataclass(frozen=True)
class Scope:
    """A set of agencies; a dossier is in scope if it was received or is decided by one of them."""

    kind: str  # "province", "unit" or "agency"
    label: str
    province_code: str
    agency_ids: frozenset[int] | None = None  # None: no restriction (every agency is the province's)
    unit_id: int | None = None
    agency_id: int | None = None
    all_ids: frozenset[int] = field(default=frozenset())

    def q(self, receiving: str = "receiving_agency_id", competent: str = "competent_agency_id") -> Q:
        if self.agency_ids is None:
            return Q()
        ids = sorted(self.agency_ids)
        return Q(**{f"{receiving}__in": ids}) | Q(**{f"{competent}__in": ids})

    def contains(self, agency: Agency) -> bool:
        return agency.pk in self.all_ids

    def narrow(self, agency: Agency) -> Scope:
        """Only `agency` (which must be inside this scope)."""
        if not self.contains(agency):
            raise BadInput(_("Cơ quan %(code)s nằm ngoài phạm vi được xem.") % {"code": agency.code})
        return agency_scope(agency)


def province_scope(province_code: str | None = None) -> Scope:
    code = province_code or settings.MOTCUA_PROVINCE_CODE
    try:
        prefix = province_prefix(code)
    except AgencyError as error:
        raise BadInput(str(error)) from None
    ids = frozenset(Agency.objects.filter(code__endswith=f".{prefix}").values_list("pk", flat=True))
    # Every agency in the database belongs to the province: no filter at all (the fast path).
    restricted = ids if Agency.objects.exclude(pk__in=ids).exists() else None
    committee = Agency.objects.filter(code=f"000.00.00.{prefix}").first()
    label = committee.unit.name if committee is not None else _("Tỉnh mã %(code)s") % {"code": code}
    return Scope("province", label, code, restricted, all_ids=ids)


def unit_scope(agency: Agency) -> Scope:
    ids = frozenset(Agency.objects.filter(unit_id=agency.unit_id).values_list("pk", flat=True))
    return Scope(
        "unit", agency.unit.name, settings.MOTCUA_PROVINCE_CODE, ids, unit_id=agency.unit_id, all_ids=ids
    )


def agency_scope(agency: Agency) -> Scope:
    ids = frozenset([agency.pk])
    return Scope("agency", agency.name, settings.MOTCUA_PROVINCE_CODE, ids, agency_id=agency.pk, all_ids=ids)


def scope_for(user: Any) -> Scope | None:
    """The figures a user may see, or None (no dashboard for this role)."""
    if user is None or not user.is_authenticated:
        return None
    if user.is_superuser or user.role == Role.SYSTEM_ADMIN:
        return province_scope()
    if user.role not in DASHBOARD_ROLES or user.agency_id is None:
        return None
    agency = user.agency
    if agency.kind in PROVINCE_KINDS:
        return province_scope()
    if agency.kind in COMMUNE_KINDS:
        return unit_scope(agency)
    return agency_scope(agency)
