"""A small Lạng Sơn for tests, the benchmark and the demo: two communes, a department,
their officers, a citizen and three real procedures.

Procedure codes and names are the real ones (1.001193, 2.000815, 1.012786); agency codes
follow Decision 20/2020/QĐ-TTg's pattern but are made up; people are fictitious.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from motcua.accounts.models import IdVerification, Role, User
from motcua.agencies.models import Agency
from motcua.catalog.models import (
    ChannelKind,
    Field,
    FieldDepartment,
    OnlineLevel,
    Procedure,
    ProcedureVersion,
    ProcessStep,
    Requirement,
    TimeLimitUnit,
)
from motcua.dossiers.models import Applicant
from motcua.geography.models import Unit
from motcua.worktime.core import TZ


def at(text: str) -> dt.datetime:
    """'2026-02-13 10:00' in Asia/Ho_Chi_Minh."""
    return dt.datetime.fromisoformat(text).replace(tzinfo=TZ)


@dataclass
class World:
    province: Unit
    ward: Unit
    other_commune: Unit
    ward_center: Agency
    ward_committee: Agency
    other_center: Agency
    other_committee: Agency
    department: Agency
    receptionist: User  # at the Đông Kinh ward centre
    specialist: User  # Đông Kinh ward committee
    leader: User  # Đông Kinh ward committee
    department_specialist: User
    department_leader: User
    other_receptionist: User  # another commune's centre
    citizen: User
    other_citizen: User
    birth: ProcedureVersion  # 1.001193, commune level
    certification: ProcedureVersion  # 2.000815, same day / 15:00 rule
    land: ProcedureVersion  # 1.012786, province level (land), received at a commune centre

    def prove_citizen(self) -> User:
        """The citizen, holding the applicant's ID number proven at a counter (their data
        warehouse opens; they may reuse its documents when they submit for themselves)."""
        self.citizen.id_number = self.applicant().id_number
        self.citizen.mark_id_verified(IdVerification.COUNTER)
        self.citizen.save(update_fields=["id_number", "id_verified_at", "id_verified_by"])
        return self.citizen

    def applicant(self, user: User | None = None, name: str = "Nguyễn Thị Hồng Nhung") -> Applicant:
        return Applicant(
            kind=Applicant.Kind.CITIZEN,
            name=name,
            id_number="020190001234",
            date_of_birth=dt.date(1990, 5, 17),
            phone="0912345678",
            email="nhung@example.vn",
            address_unit=self.ward,
            street="Số 12, đường Lê Lợi",
            user=user,
        )


def _user(username: str, role: str, agency: Agency | None, name: str) -> User:
    return User.objects.create(username=username, role=role, agency=agency, full_name=name)


def _version(
    code: str,
    name: str,
    field: Field,
    *,
    commune: bool,
    province: bool,
    limit: tuple[Decimal, str],
    online: bool = True,
) -> ProcedureVersion:
    procedure = Procedure.objects.create(
        code=code, name=name, field=field, at_commune=commune, at_province=province
    )
    version = ProcedureVersion.objects.create(
        procedure=procedure, valid_from=dt.date(2025, 7, 1), content_hash=code,
        online_level=OnlineLevel.FULL if online else OnlineLevel.NONE,
    )
    kinds = [ChannelKind.COUNTER, ChannelKind.POSTAL] + ([ChannelKind.ONLINE] if online else [])
    for kind in kinds:
        version.channels.create(kind=kind, time_limit_value=limit[0], time_limit_unit=limit[1])
    return version


def build_world() -> World:
    province = Unit.objects.create(code="20", name="Tỉnh Lạng Sơn", level=Unit.Level.PROVINCE)
    ward = Unit.objects.create(code="05977", name="Phường Đông Kinh", level=Unit.Level.WARD, parent=province)
    other = Unit.objects.create(code="06040", name="Xã Thất Khê", level=Unit.Level.COMMUNE, parent=province)
    committee = Agency.objects.create(
        code="000.00.00.H37", name="UBND tỉnh Lạng Sơn", kind=Agency.Kind.PROVINCIAL_COMMITTEE, unit=province
    )
    department = Agency.objects.create(
        code="000.15.00.H37",
        name="Sở Nông nghiệp và Môi trường",
        kind=Agency.Kind.DEPARTMENT,
        unit=province,
        parent=committee,
    )
    ward_committee = Agency.objects.create(
        code="000.01.30.H37", name="UBND phường Đông Kinh", kind=Agency.Kind.COMMUNE_COMMITTEE, unit=ward
    )
    ward_center = Agency.objects.create(
        code="000.02.30.H37",
        name="Trung tâm Phục vụ hành chính công phường Đông Kinh",
        kind=Agency.Kind.COMMUNE_CENTER,
        unit=ward,
        parent=ward_committee,
        phone="0205 3812 345",
    )
    other_committee = Agency.objects.create(
        code="000.01.31.H37", name="UBND xã Thất Khê", kind=Agency.Kind.COMMUNE_COMMITTEE, unit=other
    )
    other_center = Agency.objects.create(
        code="000.02.31.H37",
        name="Trung tâm Phục vụ hành chính công xã Thất Khê",
        kind=Agency.Kind.COMMUNE_CENTER,
        unit=other,
        parent=other_committee,
    )

    civil = Field.objects.create(name="Hộ tịch")
    certification_field = Field.objects.create(name="Chứng thực")
    land_field = Field.objects.create(name="Đất đai")
    FieldDepartment.objects.create(field=land_field, agency=department, valid_from=dt.date(2025, 7, 1))

    birth = _version(
        "1.001193",
        "Thủ tục đăng ký khai sinh",
        civil,
        commune=True,
        province=False,
        limit=(Decimal(1), TimeLimitUnit.WORKING_DAYS),
    )
    Requirement.objects.create(version=birth, order=1, name="Tờ khai đăng ký khai sinh", originals=1)
    Requirement.objects.create(version=birth, order=2, name="Giấy chứng sinh", originals=1)
    for order, (step, role, kind, hours) in enumerate(
        [
            ("Tiếp nhận hồ sơ", Role.RECEPTIONIST, Agency.Kind.COMMUNE_CENTER, "1"),
            ("Thẩm định hồ sơ", Role.SPECIALIST, Agency.Kind.COMMUNE_COMMITTEE, "5"),
            ("Phê duyệt kết quả", Role.LEADER, Agency.Kind.COMMUNE_COMMITTEE, "2"),
        ],
        start=1,
    ):
        ProcessStep.objects.create(
            version=birth, order=order, name=step, role=role, agency_kind=kind, allotted_hours=Decimal(hours)
        )

    certification = _version(
        "2.000815",
        "Chứng thực bản sao từ bản chính giấy tờ, văn bản do cơ quan, tổ chức có thẩm quyền của Việt Nam cấp",
        certification_field,
        commune=True,
        province=False,
        limit=(Decimal(0), TimeLimitUnit.SAME_DAY_15H),
        online=False,
    )
    Requirement.objects.create(
        version=certification, order=1, name="Bản chính giấy tờ cần chứng thực", originals=1, photocopies=1
    )

    land = _version(
        "1.012786",
        "Cấp lại Giấy chứng nhận do bị mất",
        land_field,
        commune=False,
        province=True,
        limit=(Decimal(10), TimeLimitUnit.WORKING_DAYS),
    )
    Requirement.objects.create(version=land, order=1, name="Đơn đề nghị cấp lại Giấy chứng nhận", originals=1)
    for order, (step, role, kind, hours) in enumerate(
        [
            ("Tiếp nhận và chuyển hồ sơ liên thông", Role.RECEPTIONIST, Agency.Kind.COMMUNE_CENTER, "4"),
            ("Thẩm định hồ sơ", Role.SPECIALIST, Agency.Kind.DEPARTMENT, "56"),
            ("Phê duyệt kết quả", Role.LEADER, Agency.Kind.DEPARTMENT, "16"),
            ("Trả kết quả", Role.RECEPTIONIST, Agency.Kind.COMMUNE_CENTER, "4"),
        ],
        start=1,
    ):
        ProcessStep.objects.create(
            version=land, order=order, name=step, role=role, agency_kind=kind, allotted_hours=Decimal(hours)
        )

    return World(
        province=province,
        ward=ward,
        other_commune=other,
        ward_center=ward_center,
        ward_committee=ward_committee,
        other_center=other_center,
        other_committee=other_committee,
        department=department,
        receptionist=_user("mot.cua", Role.RECEPTIONIST, ward_center, "Hoàng Văn Tiếp"),
        specialist=_user("chuyen.vien", Role.SPECIALIST, ward_committee, "Lý Thị Thẩm"),
        leader=_user("lanh.dao", Role.LEADER, ward_committee, "Vi Văn Duyệt"),
        department_specialist=_user("so.chuyen.vien", Role.SPECIALIST, department, "Đinh Thị Đất"),
        department_leader=_user("so.lanh.dao", Role.LEADER, department, "Hà Văn Sở"),
        other_receptionist=_user("that.khe", Role.RECEPTIONIST, other_center, "Nông Văn Khác"),
        citizen=_user("cong.dan", Role.CITIZEN, None, "Nguyễn Thị Hồng Nhung"),
        other_citizen=_user("nguoi.khac", Role.CITIZEN, None, "Trần Văn Lạ"),
        birth=birth,
        certification=certification,
        land=land,
    )
