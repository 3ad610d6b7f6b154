"""Reception routes by the catalog's competence rules: the centre keeps the code, the deciding office works.

Lạng Sơn as `ensure_province_agencies` builds it (with the central agencies' offices), the demo
catalog and the real procedures of central agencies in catalog/fixtures/central_agencies.jsonl.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from motcua.accounts.models import Role, User
from motcua.agencies.models import Agency
from motcua.agencies.services import ensure_province_agencies
from motcua.catalog.importer import import_catalog
from motcua.catalog.models import ProcedureVersion
from motcua.catalog.services import version_in_force
from motcua.dossiers import services
from motcua.dossiers.models import Applicant, Dossier
from motcua.dossiers.sample import at
from motcua.dossiers.services import DossierError
from motcua.geography.fixture import load_fixture
from motcua.geography.importer import apply_plan
from motcua.geography.services import unit_on

FIXTURES = Path(__file__).resolve().parents[2] / "catalog" / "fixtures"
RECEIVED = "2026-03-02 09:00"
DAY = dt.date(2026, 3, 2)


@pytest.fixture
def receptionist(db: None) -> User:
    """A receptionist of phường Đông Kinh's centre."""
    apply_plan(load_fixture())
    ensure_province_agencies("20", DAY)
    for name in ("demo_catalog.jsonl", "central_agencies.jsonl"):
        import_catalog(FIXTURES / name, effective=dt.date(2025, 7, 1))
    return User.objects.create_user("tiepnhan.dongkinh", password="a-long-password-1", role=Role.RECEPTIONIST,
                                    agency=Agency.objects.get(code="059.77.91.H37"))


def _version(code: str) -> ProcedureVersion:
    version = version_in_force(code, DAY)
    assert version is not None
    return version


def _applicant(unit_code: str) -> Applicant:
    unit = unit_on(unit_code, DAY)
    return Applicant(kind=Applicant.Kind.CITIZEN, name="Nguyễn Thị Hồng Nhung", id_number="020190001234",
                     date_of_birth=dt.date(1990, 5, 17), phone="0912345678", address_unit=unit,
                     street="Số 12, đường Lê Lợi")


def test_customs_dossier_received_at_a_commune_centre_is_processed_by_the_customs_office(
        receptionist: User) -> None:
    dossier = services.receive_new_dossier(receptionist, _version("1.012839"), _applicant("05977"),
                                           at=at(RECEIVED),
                                           documents=services.catalog_documents(_version("1.012839")))
    assert dossier.code.startswith("059.77.91.H37-260302-")  # the receiving centre's code, kept
    assert dossier.competent_agency.code == "000.00.41.H37"
    steps = {s.role: s.agency.code for s in dossier.steps.select_related("agency")}
    assert steps["specialist"] == steps["leader"] == "000.00.41.H37"
    assert steps["receptionist"] == "059.77.91.H37"


def test_birth_of_a_dong_dang_resident_received_at_dong_kinh_is_decided_by_dong_dang(
        receptionist: User) -> None:
    dossier = services.receive_new_dossier(receptionist, _version("1.001193"), _applicant("06184"),
                                           at=at(RECEIVED),
                                           documents=services.catalog_documents(_version("1.001193")))
    assert dossier.competent_agency.code == "061.84.90.H37"


def test_land_dossier_keeps_the_parcels_commune_and_is_decided_there(receptionist: User) -> None:
    parcel = unit_on("06184", DAY)
    dossier = services.receive_new_dossier(receptionist, _version("1.013978"), _applicant("05977"),
                                           at=at(RECEIVED), land_unit=parcel,
                                           documents=services.catalog_documents(_version("1.013978")))
    assert Dossier.objects.get(pk=dossier.pk).land_unit == parcel
    assert dossier.competent_agency.code == "061.84.90.H37"


def test_a_procedure_only_a_central_body_decides_is_refused_and_nothing_is_written(
        receptionist: User) -> None:
    with pytest.raises(DossierError) as refused:
        services.receive_new_dossier(receptionist, _version("1.009505"), _applicant("05977"),
                                     at=at(RECEIVED),
                                     documents=services.catalog_documents(_version("1.009505")))
    assert refused.value.code == "no_competent_agency"
    assert "Ủy ban Chứng khoán Nhà nước" in str(refused.value)
    assert Dossier.objects.count() == 0 and Applicant.objects.count() == 0
