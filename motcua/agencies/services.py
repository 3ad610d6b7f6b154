"""Agency codes (Decision 20/2020/QĐ-TTg) and the agencies of a province and its communes.

A code has four parts, L4.L3.L2.L1: `000.00.00.H37` is Lạng Sơn's People's Committee. The
decision fixes the form and the province part (L1); the numbering below it is each province's
choice, and motcua uses this deterministic scheme (docs/geography.md, "Agencies"):

* provincial People's Committee: `000.00.00.{L1}`;
* departments and other provincial agencies: `000.00.{NN}.{L1}`, NN from `DEPARTMENTS`;
* provincial Public Administration Service Centre: `000.00.30.{L1}`;
* commune People's Committee: `{CCC}.{CC}.90.{L1}` and the commune's service centre
  `{CCC}.{CC}.91.{L1}`, where CCC.CC is the commune's 5-digit unit code split 3 + 2
  (phường Đông Kinh 05977 -> `059.77.90.H37`, `059.77.91.H37`). Unit codes are unique in a
  province on a date, so these codes never collide and survive renumbering of other communes;
* offices of central agencies in the province (police, customs, tax, social insurance, State
  Bank, treasury, judgment enforcement, land registration, forest protection, zone board):
  `000.00.{NN}.{L1}` with NN from `CENTRAL_OFFICES` (40-49; the provincial police keeps 15),
  their sub-offices `000.{SS}.{NN}.{L1}` (the border-gate customs of Lạng Sơn, SS from
  `SUB_OFFICES`), and the commune police `{CCC}.{CC}.92.{L1}`, one per commune;
* before 1 July 2025 only: a district People's Committee `{DDD}.00.80.{L1}` and its one-stop
  desk `{DDD}.00.81.{L1}` (DDD: the district's 3-digit unit code).

A province whose agencies are registered with the national portal under other codes gives
them in a file instead (`motcua province setup --agencies FILE`, docs/province.md).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from motcua.agencies.models import Agency, AgencySuccession
from motcua.core.text import fold
from motcua.geography import services as geography
from motcua.geography.models import COMMUNE_LEVELS, LAST_DAY_BEFORE_REFORM, REFORM_DATE, Unit

# L1 codes of Decision 20/2020/QĐ-TTg, by province unit code. Add a province here to serve it.
PROVINCE_PREFIXES: dict[str, str] = {
    "20": "H37",  # Lạng Sơn
}

PROVINCIAL_CENTER_L2 = "30"
COMMUNE_COMMITTEE_L2 = "90"
COMMUNE_CENTER_L2 = "91"
COMMUNE_POLICE_L2 = "92"
DISTRICT_COMMITTEE_L2 = "80"
DISTRICT_CENTER_L2 = "81"


@dataclass(frozen=True)
class Department:
    key: str
    number: str  # L2 part of the code
    name: str  # followed by the province's name: "Sở Tư pháp tỉnh Lạng Sơn"
    kind: str = Agency.Kind.DEPARTMENT


# Provincial departments after the 2025 reorganisation (which merged, e.g., Agriculture with
# Natural Resources and Environment, Transport into Construction, Planning and Investment into
# Finance, Labour into Home Affairs), plus the provincial police, which handles residence and
# identity procedures. Numbers are motcua's, stable once published: never renumber.
DEPARTMENTS: tuple[Department, ...] = (
    Department("home_affairs", "01", "Sở Nội vụ"),
    Department("justice", "02", "Sở Tư pháp"),
    Department("finance", "03", "Sở Tài chính"),
    Department("industry_trade", "04", "Sở Công Thương"),
    Department("agriculture_environment", "05", "Sở Nông nghiệp và Môi trường"),
    Department("construction", "06", "Sở Xây dựng"),
    Department("science_technology", "07", "Sở Khoa học và Công nghệ"),
    Department("education", "08", "Sở Giáo dục và Đào tạo"),
    Department("health", "09", "Sở Y tế"),
    Department("culture_sports_tourism", "10", "Sở Văn hóa, Thể thao và Du lịch"),
    Department("ethnic_religious_affairs", "11", "Sở Dân tộc và Tôn giáo"),
    Department("foreign_affairs", "12", "Sở Ngoại vụ"),
    Department("inspectorate", "13", "Thanh tra"),
    Department("office", "14", "Văn phòng Ủy ban nhân dân"),
    Department("police", "15", "Công an", Agency.Kind.POLICE),
)
DEPARTMENTS_BY_KEY = {d.key: d for d in DEPARTMENTS}

# Offices of central agencies organised vertically in the province, one each (the police is
# above, with the departments). Numbers are motcua's, stable once published: never renumber.
CENTRAL_OFFICES: tuple[Department, ...] = (
    Department("customs", "41", "Chi cục Hải quan khu vực quản lý", Agency.Kind.CUSTOMS),
    Department("tax", "42", "Thuế", Agency.Kind.TAX),
    Department("social_insurance", "43", "Bảo hiểm xã hội", Agency.Kind.SOCIAL_INSURANCE),
    Department("state_bank", "44", "Ngân hàng Nhà nước Khu vực quản lý", Agency.Kind.STATE_BANK),
    Department("treasury", "45", "Kho bạc Nhà nước Khu vực quản lý", Agency.Kind.TREASURY),
    Department("judgment_enforcement", "46", "Thi hành án dân sự", Agency.Kind.JUDGMENT_ENFORCEMENT),
    Department("land_registration", "47", "Văn phòng đăng ký đất đai", Agency.Kind.LAND_REGISTRATION),
    Department("forest_protection", "48", "Chi cục Kiểm lâm", Agency.Kind.FOREST_PROTECTION),
    Department("zone_board", "49", "Ban Quản lý Khu kinh tế", Agency.Kind.ZONE_BOARD),
)


@dataclass(frozen=True)
class SubOffice:
    office: str  # key in CENTRAL_OFFICES
    number: str  # L3 part of the code
    name: str


# Sub-offices of a central office, by province unit code: Lạng Sơn's border-gate customs.
SUB_OFFICES: dict[str, tuple[SubOffice, ...]] = {
    "20": (
        SubOffice("customs", "01", "Hải quan cửa khẩu quốc tế Hữu Nghị"),
        SubOffice("customs", "02", "Hải quan cửa khẩu ga đường sắt quốc tế Đồng Đăng"),
        SubOffice("customs", "03", "Hải quan cửa khẩu Chi Ma"),
        SubOffice("customs", "04", "Hải quan cửa khẩu Tân Thanh"),
        SubOffice("customs", "05", "Hải quan cửa khẩu Cốc Nam"),
    ),
}


class AgencyError(Exception):
    """The agency asked for does not exist (or its province is not served)."""


# --- codes -------------------------------------------------------------------------------------

def province_prefix(province_code: str) -> str:
    """L1 of the province with unit code `province_code` (Lạng Sơn 20 -> H37)."""
    try:
        return PROVINCE_PREFIXES[province_code]
    except KeyError:
        raise AgencyError(_(
            "Chưa có mã định danh (Quyết định 20/2020/QĐ-TTg) cho tỉnh mã %(code)s."
        ) % {"code": province_code}) from None


def provincial_committee_code(prefix: str) -> str:
    return f"000.00.00.{prefix}"


def department_code(prefix: str, department: Department) -> str:
    return f"000.00.{department.number}.{prefix}"


def provincial_center_code(prefix: str) -> str:
    return f"000.00.{PROVINCIAL_CENTER_L2}.{prefix}"


def _commune_code(prefix: str, unit_code: str, l2: str) -> str:
    if len(unit_code) != 5 or not unit_code.isdigit():
        raise AgencyError(_("Mã đơn vị hành chính cấp xã phải có 5 chữ số: %(code)s.") % {"code": unit_code})
    return f"{unit_code[:3]}.{unit_code[3:]}.{l2}.{prefix}"


def commune_committee_code(prefix: str, unit_code: str) -> str:
    return _commune_code(prefix, unit_code, COMMUNE_COMMITTEE_L2)


def commune_center_code(prefix: str, unit_code: str) -> str:
    return _commune_code(prefix, unit_code, COMMUNE_CENTER_L2)


def commune_police_code(prefix: str, unit_code: str) -> str:
    return _commune_code(prefix, unit_code, COMMUNE_POLICE_L2)


def district_committee_code(prefix: str, district_code: str) -> str:
    return f"{district_code}.00.{DISTRICT_COMMITTEE_L2}.{prefix}"


def district_center_code(prefix: str, district_code: str) -> str:
    return f"{district_code}.00.{DISTRICT_CENTER_L2}.{prefix}"


def sub_office_code(prefix: str, office: Department, sub: SubOffice) -> str:
    return f"000.{sub.number}.{office.number}.{prefix}"


def _lower_first(name: str) -> str:
    """"Phường Đông Kinh" -> "phường Đông Kinh", to follow "Ủy ban nhân dân"."""
    return name[:1].lower() + name[1:]


# --- look-ups ----------------------------------------------------------------------------------

def agency_by_code(code: str) -> Agency:
    try:
        return Agency.objects.select_related("unit").get(code=code.strip())
    except Agency.DoesNotExist:
        raise AgencyError(_("Không có cơ quan mã %(code)s.") % {"code": code}) from None


def provincial_committee(province_code: str) -> Agency:
    return agency_by_code(provincial_committee_code(province_prefix(province_code)))


def province_service_center(province_code: str) -> Agency:
    """The provincial Public Administration Service Centre (Trung tâm PVHCC tỉnh)."""
    return agency_by_code(provincial_center_code(province_prefix(province_code)))


def department_for(province_code: str, department: str) -> Agency:
    """A provincial department by key ("justice") or by name, accents optional ("so tu phap")."""
    found = DEPARTMENTS_BY_KEY.get(department)
    if found is None:
        wanted = fold(department)
        found = next((d for d in DEPARTMENTS if fold(d.name) == wanted), None)
    if found is None:
        raise AgencyError(_("Không có sở, ngành “%(name)s”.") % {"name": department})
    return agency_by_code(department_code(province_prefix(province_code), found))


def _commune_unit(unit: Unit | str, day: dt.date | None = None) -> Unit:
    if isinstance(unit, str):
        unit = geography.unit_on(unit, day or max(timezone.localdate(), REFORM_DATE))
    if unit.level not in COMMUNE_LEVELS:
        raise AgencyError(_("%(unit)s không phải đơn vị hành chính cấp xã.") % {"unit": unit})
    return unit


def _province_code_of(unit: Unit) -> str:
    return geography.province_of(unit).code


def commune_committee(unit: Unit | str) -> Agency:
    """The People's Committee of a commune, ward or special zone (a Unit or its code)."""
    commune = _commune_unit(unit)
    return agency_by_code(commune_committee_code(province_prefix(_province_code_of(commune)), commune.code))


def commune_center(unit: Unit | str) -> Agency:
    """The Public Administration Service Centre of a commune, ward or special zone."""
    commune = _commune_unit(unit)
    return agency_by_code(commune_center_code(province_prefix(_province_code_of(commune)), commune.code))


def service_centers(province_code: str) -> list[Agency]:
    """Every service centre of a province: the provincial one first, then the communes'."""
    prefix = province_prefix(province_code)
    centers = Agency.objects.filter(
        kind__in=Agency.SERVICE_CENTER_KINDS, code__endswith=f".{prefix}", is_active=True)
    return sorted(
        centers.select_related("unit"), key=lambda a: (a.kind != Agency.Kind.PROVINCIAL_CENTER, a.code))


# --- creating a province's agencies (demo, set-up) ---------------------------------------------

@dataclass
class EnsureResult:
    created: int = 0
    updated: int = 0
    unchanged: int = 0


def _ensure(code: str, defaults: dict[str, object], result: EnsureResult) -> Agency:
    """update_or_create that counts what it did and writes only when something differs."""
    agency = Agency.objects.filter(code=code).first()
    if agency is None:
        result.created += 1
        return Agency.objects.create(code=code, **defaults)
    changed = []
    for name, value in defaults.items():
        attname = f"{name}_id" if name in ("unit", "parent") else name
        wanted = value.pk if isinstance(value, models.Model) else value
        if getattr(agency, attname) != wanted:
            setattr(agency, name, value)
            changed.append(name)
    if changed:
        agency.save(update_fields=changed)
        result.updated += 1
    else:
        result.unchanged += 1
    return agency


@transaction.atomic
def ensure_province_agencies(province_code: str, day: dt.date | None = None) -> EnsureResult:
    """Create or refresh a province's committee, departments, centre and commune agencies."""
    day = day or max(timezone.localdate(), REFORM_DATE)
    prefix = province_prefix(province_code)
    province = geography.unit_on(province_code, day)
    where = _lower_first(province.name)
    result = EnsureResult()
    committee = _ensure(provincial_committee_code(prefix), {
        "name": f"Ủy ban nhân dân {where}", "kind": Agency.Kind.PROVINCIAL_COMMITTEE,
        "unit": province, "parent": None}, result)
    for department in DEPARTMENTS:
        _ensure(department_code(prefix, department), {
            "name": f"{department.name} {where}", "kind": department.kind,
            "unit": province, "parent": committee}, result)
    offices: dict[str, Agency] = {}
    for office in CENTRAL_OFFICES:
        # Central offices answer to their ministry, not to the provincial committee: no parent.
        offices[office.key] = _ensure(department_code(prefix, office), {
            "name": f"{office.name} {where}", "kind": office.kind, "unit": province, "parent": None}, result)
    by_key = {office.key: office for office in CENTRAL_OFFICES}
    for sub in SUB_OFFICES.get(province_code, ()):
        parent = offices[sub.office]
        _ensure(sub_office_code(prefix, by_key[sub.office], sub), {
            "name": sub.name, "kind": parent.kind, "unit": province, "parent": parent}, result)
    police = agency_by_code(department_code(prefix, DEPARTMENTS_BY_KEY["police"]))
    _ensure(provincial_center_code(prefix), {
        "name": f"Trung tâm Phục vụ hành chính công {where}", "kind": Agency.Kind.PROVINCIAL_CENTER,
        "unit": province, "parent": committee}, result)
    for commune in geography.communes_of(province, day):
        commune_where = _lower_first(commune.name)
        commune_committee_agency = _ensure(commune_committee_code(prefix, commune.code), {
            "name": f"Ủy ban nhân dân {commune_where}", "kind": Agency.Kind.COMMUNE_COMMITTEE,
            "unit": commune, "parent": committee}, result)
        _ensure(commune_center_code(prefix, commune.code), {
            "name": f"Trung tâm Phục vụ hành chính công {commune_where}",
            "kind": Agency.Kind.COMMUNE_CENTER, "unit": commune, "parent": commune_committee_agency}, result)
        _ensure(commune_police_code(prefix, commune.code), {
            "name": f"Công an {commune_where}", "kind": Agency.Kind.COMMUNE_POLICE, "unit": commune,
            "parent": police}, result)
    return result


@transaction.atomic
def ensure_pre_reform_agencies(province_code: str) -> EnsureResult:
    """The scheme's agencies of a province as it was on 30 June 2025: districts and their communes.

    For a database whose history starts before the reform (a province bringing its earlier
    dossiers, the reorganisation tests): the province's committee, departments and centre,
    each district's committee and one-stop desk, and each old commune's committee, centre and
    police. `motcua reorg apply` then closes them on the day the new units start. Not for a
    database that already has the new communes' agencies: a code the new unit reused names
    the same agency (AgencySuccession.Kind.CONTINUED).
    """
    day = LAST_DAY_BEFORE_REFORM
    prefix = province_prefix(province_code)
    province = geography.unit_on(province_code, day)
    where = _lower_first(province.name)
    result = EnsureResult()
    committee = _ensure(provincial_committee_code(prefix), {
        "name": f"Ủy ban nhân dân {where}", "kind": Agency.Kind.PROVINCIAL_COMMITTEE,
        "unit": province, "parent": None}, result)
    for department in DEPARTMENTS:
        _ensure(department_code(prefix, department), {
            "name": f"{department.name} {where}", "kind": department.kind,
            "unit": province, "parent": committee}, result)
    police = agency_by_code(department_code(prefix, DEPARTMENTS_BY_KEY["police"]))
    _ensure(provincial_center_code(prefix), {
        "name": f"Trung tâm Phục vụ hành chính công {where}", "kind": Agency.Kind.PROVINCIAL_CENTER,
        "unit": province, "parent": committee}, result)
    districts = Unit.objects.filter(parent=province, level=Unit.Level.DISTRICT).on(day).order_by("code")
    for district in districts:
        district_where = _lower_first(district.name)
        district_committee = _ensure(district_committee_code(prefix, district.code), {
            "name": f"Ủy ban nhân dân {district_where}", "kind": Agency.Kind.DISTRICT_COMMITTEE,
            "unit": district, "parent": committee}, result)
        _ensure(district_center_code(prefix, district.code), {
            "name": f"Bộ phận một cửa {district_where}", "kind": Agency.Kind.DISTRICT_CENTER,
            "unit": district, "parent": district_committee}, result)
        communes = Unit.objects.filter(parent=district, level__in=COMMUNE_LEVELS).on(day).order_by("code")
        for commune in communes:
            commune_where = _lower_first(commune.name)
            commune_committee_agency = _ensure(commune_committee_code(prefix, commune.code), {
                "name": f"Ủy ban nhân dân {commune_where}", "kind": Agency.Kind.COMMUNE_COMMITTEE,
                "unit": commune, "parent": district_committee}, result)
            _ensure(commune_center_code(prefix, commune.code), {
                "name": f"Bộ phận một cửa {commune_where}", "kind": Agency.Kind.COMMUNE_CENTER,
                "unit": commune, "parent": commune_committee_agency}, result)
            _ensure(commune_police_code(prefix, commune.code), {
                "name": f"Công an {commune_where}", "kind": Agency.Kind.COMMUNE_POLICE,
                "unit": commune, "parent": police}, result)
    return result


def agency_unit_on(agency: Agency, day: dt.date) -> Unit:
    """The unit an agency served on `day`: a continued agency (it kept its code through a
    reorganisation) served its old unit before the succession."""
    earlier = (AgencySuccession.objects.filter(
        predecessor=agency, successor=agency, effective__gt=day, predecessor_unit__isnull=False)
        .select_related("predecessor_unit").order_by("effective").first())
    if earlier is not None and earlier.predecessor_unit is not None:
        return earlier.predecessor_unit
    return agency.unit


def agencies_of(province_code: str, kind: str = "") -> list[Agency]:
    """A province's agencies (all of them, or of one kind), by code."""
    agencies = Agency.objects.filter(code__endswith=f".{province_prefix(province_code)}")
    if kind:
        agencies = agencies.filter(kind=kind)
    return list(agencies.select_related("unit").order_by("code"))
