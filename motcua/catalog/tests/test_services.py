"""Competence (who decides), reception (where to submit), versions in force, process templates."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from motcua.agencies.models import Agency
from motcua.catalog.models import Field, FieldDepartment, Procedure, ProcedureVersion
from motcua.catalog.services import (
    DEFAULT_LIMIT_HOURS,
    CompetenceError,
    competent_agency,
    default_process_steps,
    reception_agencies,
    template_hours,
    version_in_force,
)

from .conftest import FIRST_DAY, Province

pytestmark = pytest.mark.django_db
ON = dt.date(2025, 9, 15)


def _procedure(code: str) -> Procedure:
    return Procedure.objects.get(code=code)


# ------------------------------------------------------------------ commune level

def test_commune_procedure_received_at_a_commune_centre_is_decided_by_that_commune(
        province: Province, catalog: None) -> None:
    assert competent_agency(_procedure("1.001193"), province.center_b, ON) == province.committee_b


def test_commune_procedure_received_at_the_provincial_centre_goes_to_the_applicants_commune(
        province: Province, catalog: None) -> None:
    version = version_in_force("1.001193", ON)
    assert version is not None
    decided = competent_agency(version, province.center, ON, applicant_unit=province.commune_a)
    assert decided == province.committee_a


def test_commune_procedure_at_the_provincial_centre_without_the_applicants_commune_is_refused(
        province: Province, catalog: None) -> None:
    with pytest.raises(CompetenceError):
        competent_agency(_procedure("1.001193"), province.center, ON)


def test_commune_procedure_received_by_a_commune_committee_stays_there(province: Province,
                                                                       catalog: None) -> None:
    assert competent_agency(_procedure("1.000656"), province.committee_a, ON) == province.committee_a


# ------------------------------------------------------------------ province level

def test_province_procedure_is_decided_by_the_department_of_its_field(province: Province,
                                                                      catalog: None) -> None:
    # This province has no land registration office, which the catalog names for 1.012795:
    # the generic level rule (the field's department) decides.
    land = Field.objects.get(name="Đất đai")
    FieldDepartment.objects.create(field=land, agency=province.agriculture, valid_from=FIRST_DAY)
    assert competent_agency(_procedure("1.012795"), province.center, ON) == province.agriculture
    # Received at a commune centre, still decided by the department (Decree 118/2025).
    assert competent_agency(_procedure("1.012795"), province.center_a, ON) == province.agriculture


def test_department_mapping_applies_from_its_date(province: Province, catalog: None) -> None:
    record = Field.objects.get(name="Lý lịch tư pháp")
    FieldDepartment.objects.create(field=record, agency=province.agriculture, valid_from=FIRST_DAY)
    FieldDepartment.objects.create(field=record, agency=province.justice, valid_from=dt.date(2025, 10, 1))
    assert competent_agency(_procedure("1.001756"), province.center, ON) == province.agriculture
    assert competent_agency(_procedure("1.001756"), province.center, dt.date(2025, 10, 1)) == province.justice


def test_province_procedure_naming_a_department_without_a_field_mapping_goes_to_that_department(
        province: Province, catalog: None) -> None:
    # 1.001756: the catalog names "Sở Tư pháp".
    assert competent_agency(_procedure("1.001756"), province.center, ON) == province.justice


def test_province_procedure_no_rule_speaks_for_goes_to_the_provincial_committee(
        province: Province, catalog: None) -> None:
    unknown = Procedure.objects.create(code="9.000001", name="Thủ tục thử", at_province=True,
                                       field=Field.objects.create(name="Lĩnh vực chưa có quy tắc"))
    assert competent_agency(unknown, province.center, ON) == province.committee


def test_procedure_at_both_levels_is_decided_by_the_level_that_received_it(
        province: Province, catalog: None) -> None:
    building = _procedure("1.001612")
    FieldDepartment.objects.create(field=building.field, agency=province.agriculture, valid_from=FIRST_DAY)
    assert competent_agency(building, province.center_b, ON) == province.committee_b
    assert competent_agency(building, province.center, ON) == province.agriculture


def test_ministry_only_procedure_has_no_local_competent_agency(province: Province, catalog: None) -> None:
    ministry = Procedure.objects.create(code="1.999999", name="Thủ tục cấp bộ",
                                        field=Field.objects.get(name="Hộ tịch"),
                                        at_ministry=True)
    with pytest.raises(CompetenceError):
        competent_agency(ministry, province.center, ON)


# ------------------------------------------------------------------ reception

def test_any_service_centre_of_the_province_receives_commune_and_province_procedures(
        province: Province, catalog: None) -> None:
    expected = {province.center, province.center_a, province.center_b}
    assert set(reception_agencies("1.001193", "20")) == expected
    assert set(reception_agencies(_procedure("1.012795"), "H37")) == expected


def test_closed_centres_and_other_provinces_do_not_receive(province: Province, catalog: None) -> None:
    Agency.objects.filter(pk=province.center_b.pk).update(is_active=False)
    Agency.objects.create(code="000.00.80.H26", name="Trung tâm tỉnh khác",
                          kind=Agency.Kind.PROVINCIAL_CENTER, unit=province.unit)
    assert set(reception_agencies("1.001193", "H37")) == {province.center, province.center_a}


def test_ministry_procedures_are_not_received_locally(province: Province, catalog: None) -> None:
    ministry = Procedure.objects.create(code="1.999998", name="Thủ tục cấp bộ",
                                        field=Field.objects.get(name="Hộ tịch"),
                                        at_ministry=True)
    assert list(reception_agencies(ministry, "20")) == []


# ------------------------------------------------------------------ versions

def test_version_in_force_follows_valid_from_and_valid_to(catalog: None) -> None:
    first = version_in_force("1.000894", ON)
    assert first is not None
    first.valid_to = dt.date(2025, 12, 31)
    first.save()
    second = ProcedureVersion.objects.create(procedure=first.procedure, valid_from=dt.date(2026, 1, 1),
                                             content_hash="x")
    assert version_in_force("1.000894", dt.date(2025, 12, 31)) == first
    assert version_in_force("1.000894", dt.date(2026, 1, 1)) == second
    assert version_in_force("1.000894", dt.date(2025, 6, 30)) is None
    assert version_in_force("0.000000", ON) is None


# ------------------------------------------------------------------ process templates

@pytest.mark.parametrize(("limit", "hours"), [
    ((Decimal(5), "working_days"), Decimal(40)),
    ((Decimal(30), "calendar_days"), Decimal(240)),
    ((Decimal(4), "working_hours"), Decimal(4)),
    ((Decimal(1), "same_day_15h"), Decimal(8)),
    ((Decimal("0.5"), "working_hours"), Decimal("0.5")),
    (None, DEFAULT_LIMIT_HOURS),
])
def test_default_template_sums_to_the_limit_in_working_hours(limit: tuple[Decimal, str] | None,
                                                             hours: Decimal) -> None:
    steps = default_process_steps("province", limit)
    assert sum(step["allotted_hours"] for step in steps) == hours
    assert [s["role"] for s in steps] == ["receptionist", "specialist", "leader", "receptionist"]
    assert all(step["allotted_hours"] >= 0 for step in steps)


def test_commune_template_runs_at_the_commune_centre_and_committee() -> None:
    steps = default_process_steps("commune", (Decimal(3), "working_days"))
    assert [s["agency_kind"] for s in steps] == ["commune_center", "commune_committee", "commune_committee",
                                                 "commune_center"]
    assert steps[0]["allotted_hours"] == steps[3]["allotted_hours"] < steps[1]["allotted_hours"]


def test_every_imported_version_gets_a_template_equal_to_its_legal_limit(catalog: None) -> None:
    marriage = version_in_force("1.000894", ON)
    land = version_in_force("1.012795", ON)
    birth = version_in_force("1.001193", ON)
    assert marriage is not None and land is not None and birth is not None
    assert template_hours(marriage) == 40  # 5 working days
    assert template_hours(land) == 80  # 10 working days
    assert template_hours(birth) == 8  # same day
    assert [s.order for s in land.process_steps.all()] == [1, 2, 3, 4]
    assert land.process_steps.all()[1].agency_kind == "department"
