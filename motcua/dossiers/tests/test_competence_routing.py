"""Reception routes by the catalog's competence rules: the centre keeps the code, the deciding office works.

Lạng Sơn as `ensure_province_agencies` builds it (with the central agencies' offices), the demo
catalog and the real procedures of central agencies in catalog/fixtures/central_agencies.jsonl.
"""

from __future__ import annotations

import datetime as dt
import re
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


def test_the_reception_event_records_the_rule_that_chose_the_deciding_agency(receptionist: User) -> None:
    dossier = services.receive_new_dossier(receptionist, _version("1.012839"), _applicant("05977"),
                                           at=at(RECEIVED),
                                           documents=services.catalog_documents(_version("1.012839")))
    rule = dossier.events.get(seq=1).data["competence_rule"]
    assert rule and not rule.startswith("fallback") and "hai quan" in rule.lower().replace("ả", "a")


def _desk_client(receptionist: User) -> object:
    from django.test import Client

    client = Client()
    client.force_login(receptionist)
    return client


def test_the_counter_asks_for_the_parcels_commune_on_a_land_procedure_and_routes_by_it(
        receptionist: User, tmp_path: Path, settings: object) -> None:
    settings.MEDIA_ROOT = tmp_path  # type: ignore[attr-defined]
    client = _desk_client(receptionist)
    land = client.get("/desk/counter/1.013978/").content.decode()  # type: ignore[attr-defined]
    birth = client.get("/desk/counter/1.001193/").content.decode()  # type: ignore[attr-defined]
    assert "Xã, phường nơi có đất" in land and 'name="land_unit"' in land
    assert 'name="land_unit"' not in birth
    version = _version("1.013978")
    documents = [r for r in version.requirements.all() if r.originals or r.certified_copies or r.photocopies]
    parcel = unit_on("06184", DAY)
    form = {"name": "Hoàng Văn Nam", "id_number": "020188004455", "phone": "0915000111",
            "address_unit": str(unit_on("05977", DAY).pk), "land_unit": str(parcel.pk), "sets": "1",
            "result_delivery": "centre", "decision": "receive", f"brought_{documents[0].pk}": "on"}
    for r in documents:
        form |= {f"originals_{r.pk}": str(r.originals), f"certified_copies_{r.pk}": str(r.certified_copies),
                 f"photocopies_{r.pk}": str(r.photocopies)}
    response = client.post("/desk/counter/1.013978/", form)  # type: ignore[attr-defined]
    assert response.status_code == 302, re.findall(r"error[^>]*>[^<]*<[^>]*>[^<]*", response.content.decode())
    dossier = Dossier.objects.get()
    assert dossier.land_unit == parcel and dossier.competent_agency.code == "061.84.90.H37"
