"""A small Lạng Sơn for the portal, desk and browser tests.

Two wards/communes with their service centres and committees, officers per role
(usernames as in the demo: tiepnhan.dongkinh…), a citizen, and the birth registration
procedure (1.001193) offered fully online with two required documents. Agency codes
follow Decision 20/2020/QĐ-TTg's pattern but are made up; people are fictitious.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from django.core.files.uploadedfile import SimpleUploadedFile

from motcua.accounts.models import IdVerification, Role, User
from motcua.agencies.models import Agency
from motcua.catalog.models import (
    ChannelKind,
    Field,
    OnlineLevel,
    Procedure,
    ProcedureVersion,
    ProcessStep,
    Requirement,
    TimeLimitUnit,
)
from motcua.documents.sample import render_pdf
from motcua.dossiers.models import Dossier
from motcua.geography.models import Unit

PASSWORD = "motcua-demo"
CITIZEN_ID = "020190001234"
# The smallest valid PDF header is enough: uploads are checked by their first bytes.
PDF_BYTES = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@dataclass
class World:
    province: Unit
    ward: Unit
    other_commune: Unit
    ward_center: Agency
    ward_committee: Agency
    other_center: Agency
    other_committee: Agency
    receptionist: User
    specialist: User
    leader: User
    other_receptionist: User
    citizen: User
    other_citizen: User
    birth: ProcedureVersion
    counter_only: ProcedureVersion


def _user(username: str, role: str, agency: Agency | None, name: str, **extra: str) -> User:
    user = User(username=username, role=role, agency=agency, full_name=name, **extra)
    if role == Role.CITIZEN and user.id_number:
        user.mark_id_verified(IdVerification.NATIONAL_IDENTITY)  # their data warehouse is open
    user.set_password(PASSWORD)
    user.save()
    return user


def _version(code: str, name: str, field: Field, online_level: str, *,
             online: bool = True) -> ProcedureVersion:
    procedure = Procedure.objects.create(code=code, name=name, field=field, at_commune=True,
                                         applicants="Công dân Việt Nam")
    version = ProcedureVersion.objects.create(procedure=procedure, valid_from=dt.date(2025, 7, 1),
                                              online_level=online_level, content_hash=code)
    kinds = [ChannelKind.COUNTER] + ([ChannelKind.ONLINE] if online else [])
    for kind in kinds:
        version.channels.create(kind=kind, time_limit_value=Decimal(3),
                                time_limit_unit=TimeLimitUnit.WORKING_DAYS, time_limit_text="3 Ngày làm việc",
                                fee_text="Miễn phí")
    return version


def build_world() -> World:
    province = Unit.objects.create(code="20", name="Tỉnh Lạng Sơn", level=Unit.Level.PROVINCE)
    ward = Unit.objects.create(code="05977", name="Phường Đông Kinh", level=Unit.Level.WARD, parent=province,
                               valid_from=dt.date(2025, 7, 1))
    other = Unit.objects.create(code="06184", name="Xã Đồng Đăng", level=Unit.Level.COMMUNE, parent=province,
                                valid_from=dt.date(2025, 7, 1))
    K = Agency.Kind
    ward_committee = Agency.objects.create(code="000.01.30.H37", name="UBND phường Đông Kinh",
                                           kind=K.COMMUNE_COMMITTEE, unit=ward)
    ward_center = Agency.objects.create(code="000.02.30.H37",
                                        name="Trung tâm Phục vụ hành chính công phường Đông Kinh",
                                        kind=K.COMMUNE_CENTER, unit=ward, parent=ward_committee)
    other_committee = Agency.objects.create(code="000.01.31.H37", name="UBND xã Đồng Đăng",
                                            kind=K.COMMUNE_COMMITTEE, unit=other)
    other_center = Agency.objects.create(code="000.02.31.H37",
                                         name="Trung tâm Phục vụ hành chính công xã Đồng Đăng",
                                         kind=K.COMMUNE_CENTER, unit=other, parent=other_committee)

    civil = Field.objects.create(name="Hộ tịch")
    birth = _version("1.001193", "Thủ tục đăng ký khai sinh", civil, OnlineLevel.FULL)
    Requirement.objects.create(version=birth, order=1, name="Tờ khai đăng ký khai sinh theo mẫu", originals=1,
                               form_name="Tờ khai đăng ký khai sinh")
    Requirement.objects.create(version=birth, order=2, name="Giấy chứng sinh", originals=1)
    for order, (name, role, kind, hours) in enumerate([
        ("Tiếp nhận hồ sơ", Role.RECEPTIONIST, K.COMMUNE_CENTER, "2"),
        ("Thẩm định hồ sơ", Role.SPECIALIST, K.COMMUNE_COMMITTEE, "14"),
        ("Phê duyệt kết quả", Role.LEADER, K.COMMUNE_COMMITTEE, "8"),
    ], start=1):
        ProcessStep.objects.create(version=birth, order=order, name=name, role=role, agency_kind=kind,
                                   allotted_hours=Decimal(hours))
    counter_only = _version("1.001022", "Thủ tục đăng ký kết hôn", civil, OnlineLevel.NONE, online=False)
    Requirement.objects.create(version=counter_only, order=1, name="Tờ khai đăng ký kết hôn", originals=1)

    return World(
        province=province, ward=ward, other_commune=other, ward_center=ward_center,
        ward_committee=ward_committee, other_center=other_center, other_committee=other_committee,
        receptionist=_user("tiepnhan.dongkinh", Role.RECEPTIONIST, ward_center, "Nông Thị Lan"),
        specialist=_user("chuyenvien.dongkinh", Role.SPECIALIST, ward_committee, "Dương Thị Thu"),
        leader=_user("lanhdao.dongkinh", Role.LEADER, ward_committee, "Hoàng Văn Bình"),
        other_receptionist=_user("tiepnhan.dongdang", Role.RECEPTIONIST, other_center, "Chu Văn Hải"),
        citizen=_user("congdan", Role.CITIZEN, None, "Nguyễn Thị Hồng Nhung", id_number=CITIZEN_ID,
                      phone="0912345678", email="nhung@example.vn"),
        other_citizen=_user("congdan2", Role.CITIZEN, None, "Lý Văn Dũng", id_number="020185004321"),
        birth=birth, counter_only=counter_only,
    )


def ensure_agency_keys(world: World) -> None:
    """The demo CA and certificates of the agencies that sign results (idempotent, settings' PKI dir)."""
    from motcua.documents import pki

    pki.init_pki([(a.code, a.name) for a in (world.ward_committee, world.ward_center)], "CA Tỉnh Lạng Sơn")


def pdf(name: str = "scan.pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, PDF_BYTES, content_type="application/pdf")


def submit_birth(world: World, citizen: User | None = None) -> Dossier:
    """An online birth registration submitted by the citizen, through the service (status 1)."""
    from motcua.dossiers import services
    from motcua.dossiers.models import Applicant

    citizen = citizen or world.citizen
    applicant = Applicant(kind=Applicant.Kind.CITIZEN, name=citizen.full_name, id_number=citizen.id_number,
                          phone="0912345678", address_unit=world.ward, user=citizen)
    files = [(r.pk, pdf()) for r in world.birth.requirements.all()]
    return services.submit_online(citizen, world.birth, applicant, world.ward_center,
                                  request="Đăng ký khai sinh cho con", files=files,
                                  competent_agency=world.ward_committee)


def advance_to_result_ready(world: World, dossier: Dossier) -> Dossier:
    """Receive, forward to the specialist, submit the result, approve: status 9."""
    from motcua.dossiers import services

    services.receive_dossier(world.receptionist, dossier)
    services.forward_dossier(world.receptionist, dossier)
    # An electronic PDF result is signed by the deciding agency on approval (issue #13).
    ensure_agency_keys(world)
    result = SimpleUploadedFile("kq.pdf", render_pdf(["GIẤY KHAI SINH", "Số: 123/2026"]),
                                content_type="application/pdf")
    services.mark_result_ready(world.specialist, dossier, "Giấy khai sinh bản chính số 123/2026",
                               result_file=result, electronic=True)
    services.approve_result(world.leader, dossier)
    return dossier
