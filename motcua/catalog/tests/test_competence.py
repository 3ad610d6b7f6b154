"""Who decides, from the catalog's words (issue #11): the competence rules against real agencies.

The world: the built-in Lạng Sơn geography with every agency `ensure_province_agencies`
creates (committees, departments, the central agencies' offices, commune police), the demo
catalog and six real procedures of central agencies (fixtures/central_agencies.jsonl).
"""

from __future__ import annotations

import datetime as dt
from io import StringIO
from pathlib import Path
from typing import Any

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.test import Client

from motcua.accounts.models import Role, User
from motcua.agencies.models import Agency
from motcua.agencies.services import ensure_province_agencies
from motcua.catalog.importer import import_catalog
from motcua.catalog.models import CompetenceRule, Procedure, ProcedureVersion
from motcua.catalog.services import (
    VERSION_KEY,
    CompetenceError,
    competence_changed,
    competent_agency,
    decide_competence,
    place_basis,
    version_in_force,
)
from motcua.geography.fixture import load_fixture
from motcua.geography.importer import apply_plan
from motcua.geography.models import Unit
from motcua.geography.services import unit_on

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
FIRST_DAY = dt.date(2025, 7, 1)
ON = dt.date(2025, 9, 15)


@pytest.fixture
def world(db: None) -> None:
    apply_plan(load_fixture())
    ensure_province_agencies("20", ON)
    import_catalog(FIXTURES / "demo_catalog.jsonl", effective=FIRST_DAY)
    import_catalog(FIXTURES / "central_agencies.jsonl", effective=FIRST_DAY)


pytestmark = pytest.mark.usefixtures("world")


def _agency(code: str) -> Agency:
    return Agency.objects.get(code=code)


def _unit(code: str) -> Unit:
    return unit_on(code, ON)


def _version(code: str) -> ProcedureVersion:
    version = version_in_force(code, ON)
    assert version is not None
    return version


DONG_KINH_CENTER = "059.77.91.H37"
DONG_KINH_COMMITTEE = "059.77.90.H37"
DONG_DANG_COMMITTEE = "061.84.90.H37"
PROVINCIAL_CENTER = "000.00.30.H37"


# ------------------------------------------------------------------ offices of central agencies

def test_customs_procedure_received_at_a_commune_centre_is_decided_by_the_customs_office() -> None:
    # 1.000005: "Chi cục Hải quan khu vực"; today's code sent it to UBND phường Đông Kinh.
    decided = decide_competence(_version("1.000005"), _agency(DONG_KINH_CENTER), ON)
    assert decided.agency.code == "000.00.41.H37"
    assert decided.agency.kind == Agency.Kind.CUSTOMS
    assert "chi cuc hai quan" in decided.rule


def test_province_procedure_of_the_state_bank_goes_to_its_office_not_the_provincial_committee() -> None:
    # 1.000555: "Ngân hàng Nhà nước Khu vực"; today's code fell back to UBND tỉnh.
    decided = competent_agency(_version("1.000555"), _agency(PROVINCIAL_CENTER), ON)
    assert decided.code == "000.00.44.H37"
    assert decided.kind == Agency.Kind.STATE_BANK


def test_identity_card_at_a_commune_centre_goes_to_that_communes_police() -> None:
    # 1.014064: implemented by "Công an cấp Xã" (decided in the name of the police's central department).
    version = _version("1.014064")
    at_commune = decide_competence(version, _agency(DONG_KINH_CENTER), ON)
    assert at_commune.agency.code == "059.77.92.H37"
    assert at_commune.agency.kind == Agency.Kind.COMMUNE_POLICE
    at_province = competent_agency(version, _agency(PROVINCIAL_CENTER), ON)
    assert at_province.code == "000.00.15.H37"


def test_procedure_decided_only_by_a_central_body_is_refused_naming_it() -> None:
    # 1.009505 (province level): "Ủy ban Chứng khoán Nhà nước - Bộ tài chính".
    with pytest.raises(CompetenceError) as refused:
        decide_competence(_version("1.009505"), _agency(PROVINCIAL_CENTER), ON)
    assert "Ủy ban Chứng khoán Nhà nước" in str(refused.value)


# ------------------------------------------------------------------ place-based rules

def test_civil_status_of_a_resident_of_another_commune_is_decided_by_the_commune_of_residence() -> None:
    # A Đồng Đăng resident registers a birth at the Đông Kinh centre.
    decided = decide_competence(_version("1.001193"), _agency(DONG_KINH_CENTER), ON,
                                applicant_unit=_unit("06184"))
    assert decided.agency.code == DONG_DANG_COMMITTEE
    assert decided.rule.endswith("@residence")


def test_civil_status_without_the_residence_is_decided_by_the_receiving_commune() -> None:
    decided = competent_agency(_version("1.001193"), _agency(DONG_KINH_CENTER), ON)
    assert decided.code == DONG_KINH_COMMITTEE


def test_certification_stays_with_the_receiving_commune_whatever_the_residence() -> None:
    # Copies are certified by any commune (no place rule for chứng thực).
    decided = competent_agency(_version("2.000815"), _agency(DONG_KINH_CENTER), ON,
                               applicant_unit=_unit("06184"))
    assert decided.code == DONG_KINH_COMMITTEE


def test_land_procedure_is_decided_by_the_commune_of_the_parcel() -> None:
    # 1.013978: "Văn phòng đăng ký đất đai, …, Chủ tịch Ủy ban nhân dân xã".
    version = _version("1.013978")
    decided = decide_competence(version, _agency(DONG_KINH_CENTER), ON,
                                applicant_unit=_unit("05977"), land_unit=_unit("06184"))
    assert decided.agency.code == DONG_DANG_COMMITTEE
    assert decided.rule.endswith("@land")


def test_place_basis_says_which_commune_the_reception_asks_for() -> None:
    assert place_basis(Procedure.objects.get(code="1.013978")) == "land"
    assert place_basis(_version("1.001193")) == "residence"
    assert place_basis(Procedure.objects.get(code="1.000005")) == ""
    assert place_basis(Procedure.objects.get(code="2.000815")) == ""


def test_a_text_naming_two_levels_is_decided_at_the_receiving_level() -> None:
    # 1.001612: "Sở Xây dựng; Ủy ban nhân dân cấp xã".
    permit = _version("1.001612")
    assert competent_agency(permit, _agency(DONG_KINH_CENTER), ON).code == DONG_KINH_COMMITTEE
    assert competent_agency(permit, _agency(PROVINCIAL_CENTER), ON).code == "000.00.06.H37"


# ------------------------------------------------------------------ the rules table

def test_the_rules_table_is_seeded_from_the_rules_file() -> None:
    customs = CompetenceRule.objects.get(pattern="chi cuc hai quan")
    assert (customs.agency_kind, customs.level) == (Agency.Kind.CUSTOMS, "province")
    assert CompetenceRule.objects.filter(level="central").exists()


def test_editing_a_rule_changes_who_decides() -> None:
    # Decided once first: the rules are cached in this process, and a save (the admin's) drops them.
    assert competent_agency(_version("1.000005"), _agency(DONG_KINH_CENTER), ON).kind == Agency.Kind.CUSTOMS
    for rule in CompetenceRule.objects.filter(pattern__in=["chi cuc hai quan", "cuc hai quan"]):
        rule.agency_kind = "tax"
        rule.save()
    decided = competent_agency(_version("1.000005"), _agency(DONG_KINH_CENTER), ON)
    assert decided.kind == Agency.Kind.TAX


def test_a_decision_read_once_costs_no_query_the_next_time(django_assert_num_queries: Any) -> None:
    version, centre = _version("1.000005"), _agency(DONG_KINH_CENTER)
    first = decide_competence(version, centre, ON)
    with django_assert_num_queries(0):
        again = decide_competence(version, centre, ON)
    assert (again.agency.pk, again.rule) == (first.agency.pk, first.rule)


def test_another_process_change_is_seen_through_the_shared_token() -> None:
    # Another process edits the rules (here: an UPDATE sending no signal to this one) and puts a
    # new token in the shared cache, as its signals do: this process reads the token and reloads.
    version, centre = _version("1.000005"), _agency(DONG_KINH_CENTER)
    assert competent_agency(version, centre, ON).kind == Agency.Kind.CUSTOMS
    CompetenceRule.objects.filter(pattern__in=["chi cuc hai quan", "cuc hai quan"]).update(agency_kind="tax")
    assert competent_agency(version, centre, ON).kind == Agency.Kind.CUSTOMS  # still the cached rules
    cache.set(VERSION_KEY, "changed by another process", timeout=None)
    assert competent_agency(version, centre, ON).kind == Agency.Kind.TAX


def test_the_token_is_read_at_most_every_check_interval(settings: Any) -> None:
    settings.CATALOG_COMPETENCE_CHECK_SECONDS = 3600
    version, centre = _version("1.000005"), _agency(DONG_KINH_CENTER)
    assert competent_agency(version, centre, ON).kind == Agency.Kind.CUSTOMS
    CompetenceRule.objects.filter(pattern__in=["chi cuc hai quan", "cuc hai quan"]).update(agency_kind="tax")
    cache.set(VERSION_KEY, "changed by another process", timeout=None)
    assert competent_agency(version, centre, ON).kind == Agency.Kind.CUSTOMS  # within the interval
    settings.CATALOG_COMPETENCE_CHECK_SECONDS = 0
    assert competent_agency(version, centre, ON).kind == Agency.Kind.TAX


def test_a_rule_naming_an_office_the_province_lacks_falls_back_and_says_so() -> None:
    Agency.objects.filter(kind=Agency.Kind.CUSTOMS).update(is_active=False)
    competence_changed()  # a bulk update sends no signal: its writer tells the competence cache
    decided = decide_competence(_version("1.000005"), _agency(DONG_KINH_CENTER), ON)
    assert decided.rule.startswith("fallback: no customs office")
    assert decided.agency.code == DONG_KINH_COMMITTEE


def test_a_catalog_manager_edits_the_rules_in_the_admin(client: Client) -> None:
    manager = User.objects.create_user("catalog-manager", password="a-long-password-1",
                                       role=Role.CATALOG_MANAGER)
    client.force_login(manager)
    assert client.get("/admin/catalog/competencerule/").status_code == 200
    rule = CompetenceRule.objects.get(pattern="kho bac")
    response = client.get(f"/admin/catalog/competencerule/{rule.pk}/change/")
    assert response.status_code == 200 and 'name="agency_kind"' in response.content.decode()


def test_importer_lists_procedures_no_rule_decides(tmp_path: Path) -> None:
    record = ('{"ma_thu_tuc": "9.100001", "ten_thu_tuc": "Thủ tục thử không rõ cơ quan", '
              '"cap_thuc_hien": "Cấp tỉnh", "linh_vuc": "Tài chính doanh nghiệp", '
              '"co_quan_co_tham_quyen": "", "co_quan_thuc_hien": "Cơ quan đại diện chủ sở hữu"}\n')
    path = tmp_path / "one.jsonl"
    path.write_text(record, encoding="utf-8")
    result = import_catalog(path, effective=FIRST_DAY, report_path=tmp_path / "report.jsonl")
    assert result.undecided == [{"code": "9.100001", "name": "Thủ tục thử không rõ cơ quan",
                                 "agency": "Cơ quan đại diện chủ sở hữu"}]
    assert result.local == 1


# ------------------------------------------------------------------ procedure pages

def _who_decides(client: Client, code: str) -> str:
    response = client.get(f"/catalog/{code}/")
    assert response.status_code == 200
    return " ".join(response.context["who_decides"])


def test_police_procedure_page_names_the_commune_police_not_the_committee(client: Client) -> None:
    # 1.014064: today's page printed "Ủy ban nhân dân xã, phường" for every commune procedure.
    said = _who_decides(client, "1.014064")
    assert "Nộp tại Trung tâm xã, phường: Công an xã, phường nơi tiếp nhận hồ sơ giải quyết." in said
    assert "Công an tỉnh Lạng Sơn" in said
    assert "Ủy ban nhân dân" not in said and "UBND" not in said


def test_customs_procedure_page_names_the_customs_office_and_the_transfer(client: Client) -> None:
    said = _who_decides(client, "1.000005")
    assert said == ("Nộp tại Trung tâm xã, phường: Chi cục Hải quan khu vực quản lý tỉnh Lạng Sơn giải quyết "
                    "(Trung tâm chuyển hồ sơ đến cơ quan này).")


def test_civil_status_page_says_the_commune_of_residence_decides(client: Client) -> None:
    assert "UBND xã, phường nơi bạn cư trú giải quyết" in _who_decides(client, "1.001193")


def test_page_of_a_procedure_decided_centrally_names_who_and_offers_no_centre(client: Client) -> None:
    response = client.get("/catalog/1.009505/")
    html = response.content.decode()
    assert "Ủy ban Chứng khoán Nhà nước" in " ".join(response.context["who_decides"])
    assert response.context["provincial_centers"] == [] and response.context["commune_centers"] == []
    assert "không phụ thuộc nơi cư trú" not in html


def test_import_command_prints_the_procedures_no_rule_decides(tmp_path: Path) -> None:
    record = ('{"ma_thu_tuc": "9.100002", "ten_thu_tuc": "Thủ tục thử của cơ quan chủ quản", '
              '"cap_thuc_hien": "Cấp tỉnh", "linh_vuc": "Tài chính doanh nghiệp", '
              '"co_quan_co_tham_quyen": "", "co_quan_thuc_hien": "Cơ quan chủ quản"}\n')
    path = tmp_path / "one.jsonl"
    path.write_text(record, encoding="utf-8")
    out = StringIO()
    call_command("catalog", "import", str(path), "--effective", "2025-07-01", "--no-progress",
                 "--report", str(tmp_path / "report.jsonl"), stdout=out)
    printed = out.getvalue()
    assert "Thẩm quyền: quy tắc xác định được 0/1 thủ tục cấp tỉnh, cấp xã (0.00%)." in printed
    assert "9.100002\tThủ tục thử của cơ quan chủ quản\tCơ quan chủ quản" in printed


def test_a_land_unit_that_is_not_a_commune_is_refused() -> None:
    with pytest.raises(CompetenceError) as refused:
        decide_competence(_version("1.013978"), _agency(DONG_KINH_CENTER), ON, land_unit=_unit("20"))
    assert "không phải đơn vị hành chính cấp xã" in str(refused.value)
