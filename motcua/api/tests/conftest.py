"""A small province for the API tests: units, agencies, officers per role, citizens, procedures."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

import pytest
from django.core.cache import cache
from django.test import Client

from motcua.accounts.models import Role, User
from motcua.agencies.models import Agency
from motcua.api.models import ApiToken
from motcua.api.tokens import issue_token
from motcua.catalog.models import (
    Channel,
    ChannelKind,
    Field,
    OnlineLevel,
    Procedure,
    ProcedureVersion,
    ProcessStep,
    Requirement,
    TimeLimitUnit,
)
from motcua.dossiers import services
from motcua.dossiers.models import Applicant, Dossier
from motcua.geography.models import Succession, Unit


@dataclass
class Province:
    province: Unit
    commune_a: Unit
    commune_b: Unit
    old_commune: Unit
    committee: Agency
    provincial_center: Agency
    justice: Agency
    center_a: Agency
    committee_a: Agency
    center_b: Agency
    committee_b: Agency
    receptionist_a: User
    specialist_a: User
    leader_a: User
    receptionist_b: User
    specialist_justice: User
    citizen: User
    other_citizen: User
    birth: Procedure
    record: Procedure
    birth_version: ProcedureVersion
    record_version: ProcedureVersion


def make_user(username: str, role: str, agency: Agency | None = None, **extra: Any) -> User:
    user = User.objects.create_user(username=username, password="mat-khau-dai-2025", role=role,
                                    agency=agency, full_name=username.replace("_", " ").title(), **extra)
    return user


def make_version(procedure: Procedure, valid_from: dt.date, online_level: str,
                 valid_to: dt.date | None = None) -> ProcedureVersion:
    version = ProcedureVersion.objects.create(
        procedure=procedure, valid_from=valid_from, valid_to=valid_to, online_level=online_level,
        decision=f"Quyết định công bố {procedure.code} {valid_from:%Y}",
        content_hash=f"{procedure.code}{valid_from}",
    )
    for kind in (ChannelKind.COUNTER, ChannelKind.ONLINE):
        Channel.objects.create(version=version, kind=kind, time_limit_value=Decimal(3),
                               time_limit_unit=TimeLimitUnit.WORKING_DAYS, time_limit_text="3 Ngày làm việc",
                               fee_amount=0, fee_text="Miễn phí")
    Requirement.objects.create(version=version, order=1, name="Tờ khai theo mẫu", originals=1)
    ProcessStep.objects.create(version=version, order=1, name="Tiếp nhận", role=Role.RECEPTIONIST,
                               agency_kind=Agency.Kind.COMMUNE_CENTER, allotted_hours=Decimal(4))
    ProcessStep.objects.create(version=version, order=2, name="Thẩm định", role=Role.SPECIALIST,
                               agency_kind=Agency.Kind.COMMUNE_COMMITTEE, allotted_hours=Decimal(12))
    ProcessStep.objects.create(version=version, order=3, name="Phê duyệt", role=Role.LEADER,
                               agency_kind=Agency.Kind.COMMUNE_COMMITTEE, allotted_hours=Decimal(8))
    return version


def build_province() -> Province:
    reform = dt.date(2025, 7, 1)
    province = Unit.objects.create(code="20", name="Tỉnh Lạng Sơn", level=Unit.Level.PROVINCE)
    old_district = Unit.objects.create(code="180", name="Huyện Cao Lộc", level=Unit.Level.DISTRICT,
                                       parent=province, valid_to=dt.date(2025, 6, 30))
    old_commune = Unit.objects.create(code="06001", name="Xã Cũ Hòa", level=Unit.Level.COMMUNE,
                                      parent=old_district, valid_to=dt.date(2025, 6, 30))
    commune_a = Unit.objects.create(code="06001", name="Xã An Bình", level=Unit.Level.COMMUNE,
                                    parent=province, valid_from=reform)
    commune_b = Unit.objects.create(code="06002", name="Phường Đông Kinh", level=Unit.Level.WARD,
                                    parent=province, valid_from=reform)
    Succession.objects.create(predecessor=old_commune, successor=commune_a, kind=Succession.Kind.WHOLE)

    K = Agency.Kind
    committee = Agency.objects.create(code="000.00.00.H37", name="UBND tỉnh Lạng Sơn",
                                      kind=K.PROVINCIAL_COMMITTEE, unit=province)
    provincial_center = Agency.objects.create(code="000.00.61.H37", name="Trung tâm PVHCC tỉnh",
                                              kind=K.PROVINCIAL_CENTER, unit=province, parent=committee)
    justice = Agency.objects.create(code="000.00.12.H37", name="Sở Tư pháp", kind=K.DEPARTMENT,
                                    unit=province, parent=committee)
    committee_a = Agency.objects.create(code="000.01.01.H37", name="UBND xã An Bình",
                                        kind=K.COMMUNE_COMMITTEE, unit=commune_a)
    center_a = Agency.objects.create(code="000.61.01.H37", name="Trung tâm PVHCC xã An Bình",
                                     kind=K.COMMUNE_CENTER, unit=commune_a, parent=committee_a)
    committee_b = Agency.objects.create(code="000.01.02.H37", name="UBND phường Đông Kinh",
                                        kind=K.COMMUNE_COMMITTEE, unit=commune_b)
    center_b = Agency.objects.create(code="000.61.02.H37", name="Trung tâm PVHCC phường Đông Kinh",
                                     kind=K.COMMUNE_CENTER, unit=commune_b, parent=committee_b)

    civil = Field.objects.create(name="Hộ tịch")
    records = Field.objects.create(name="Lý lịch tư pháp")
    birth = Procedure.objects.create(code="1.001193", name="Thủ tục đăng ký khai sinh", field=civil,
                                     at_commune=True, applicants="Công dân Việt Nam")
    record = Procedure.objects.create(code="1.000001", name="Cấp Phiếu lý lịch tư pháp", field=records,
                                      at_province=True)
    make_version(birth, dt.date(2024, 1, 1), OnlineLevel.PARTIAL, valid_to=dt.date(2025, 6, 30))
    birth_version = make_version(birth, reform, OnlineLevel.FULL)
    record_version = make_version(record, dt.date(2024, 1, 1), OnlineLevel.PARTIAL)

    return Province(
        province=province, commune_a=commune_a, commune_b=commune_b, old_commune=old_commune,
        committee=committee, provincial_center=provincial_center, justice=justice,
        center_a=center_a, committee_a=committee_a, center_b=center_b, committee_b=committee_b,
        receptionist_a=make_user("le_tan_a", Role.RECEPTIONIST, center_a),
        specialist_a=make_user("chuyen_vien_a", Role.SPECIALIST, committee_a),
        leader_a=make_user("lanh_dao_a", Role.LEADER, committee_a),
        receptionist_b=make_user("le_tan_b", Role.RECEPTIONIST, center_b),
        specialist_justice=make_user("chuyen_vien_tu_phap", Role.SPECIALIST, justice),
        citizen=make_user("cong_dan", Role.CITIZEN, id_number="001203004567"),
        other_citizen=make_user("cong_dan_khac", Role.CITIZEN, id_number="002204005678"),
        birth=birth, record=record, birth_version=birth_version, record_version=record_version,
    )


@dataclass
class Dossiers:
    """Three dossiers in two centres: the citizen's (online, submitted), the other citizen's
    (online, at the other centre), and one received at the counter of centre A."""

    mine: Dossier
    other_centre: Dossier
    counter: Dossier


def build_dossiers(p: Province) -> Dossiers:
    def applicant(user: User | None, name: str, id_number: str) -> Applicant:
        return Applicant(name=name, id_number=id_number, user=user)

    mine = services.submit_online(p.citizen, p.birth_version,
                                  applicant(p.citizen, "Nguyễn Văn An", "001203004567"),
                                  p.center_a, request="Đăng ký khai sinh cho con",
                                  documents=services.catalog_documents(p.birth_version))
    other = services.submit_online(p.other_citizen, p.birth_version,
                                   applicant(p.other_citizen, "Trần Thị Bình", "002204005678"), p.center_b,
                                   documents=services.catalog_documents(p.birth_version))
    counter = services.receive_new_dossier(p.receptionist_a, p.birth_version,
                                           applicant(None, "Lê Văn Cường", "003205006789"),
                                           documents=services.catalog_documents(p.birth_version))
    return Dossiers(mine=mine, other_centre=other, counter=counter)


@pytest.fixture
def dossiers(province: Province) -> Dossiers:
    return build_dossiers(province)


@pytest.fixture(autouse=True)
def _uploads_in_tmp(settings: Any, tmp_path: Any) -> None:
    settings.MEDIA_ROOT = tmp_path / "uploads"


@pytest.fixture(autouse=True)
def _fresh_throttles() -> None:
    # Throttle counters live in the cache; each test starts with none.
    cache.clear()


@pytest.fixture
def province(db: None) -> Province:
    return build_province()


def client_for(user: User | None) -> Client:
    """A session client (CSRF enforced, like a browser) logged in as `user`, or anonymous."""
    client = Client(enforce_csrf_checks=True)
    if user is not None:
        client.force_login(user)
    return client


def token_client(user: User) -> Client:
    _, raw = issue_token(user, f"Hệ thống thử nghiệm của {user.username}", scope=ApiToken.Scope.DESK)
    return Client(headers={"Authorization": f"Bearer {raw}"})
