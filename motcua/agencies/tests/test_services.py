"""Agency codes of Decision 20/2020/QĐ-TTg and the look-ups other apps use."""

from __future__ import annotations

import datetime as dt

import pytest

from motcua.agencies import services
from motcua.agencies.models import Agency
from motcua.geography import services as geography

pytestmark = pytest.mark.usefixtures("lang_son")


def test_the_provincial_committee_has_the_published_code() -> None:
    committee = services.provincial_committee("20")
    assert committee.code == "000.00.00.H37"
    assert committee.name == "Ủy ban nhân dân tỉnh Lạng Sơn"
    assert committee.kind == Agency.Kind.PROVINCIAL_COMMITTEE
    assert committee.province_code == "H37"


def test_the_provincial_service_center() -> None:
    center = services.province_service_center("20")
    assert center.code == "000.00.30.H37"
    assert center.name == "Trung tâm Phục vụ hành chính công tỉnh Lạng Sơn"
    assert center.is_service_center
    assert center.parent == services.provincial_committee("20")


def test_departments_after_the_2025_reorganisation() -> None:
    names = set(Agency.objects.filter(kind=Agency.Kind.DEPARTMENT).values_list("name", flat=True))
    for name in ("Sở Tư pháp", "Sở Xây dựng", "Sở Nông nghiệp và Môi trường", "Sở Tài chính", "Sở Y tế",
                 "Sở Giáo dục và Đào tạo", "Sở Công Thương", "Sở Nội vụ", "Sở Văn hóa, Thể thao và Du lịch",
                 "Sở Khoa học và Công nghệ"):
        assert f"{name} tỉnh Lạng Sơn" in names
    assert not any("Tài nguyên và Môi trường" in n or "Giao thông" in n for n in names)


def test_department_for_accepts_a_key_or_a_name_without_accents() -> None:
    justice = services.department_for("20", "justice")
    assert justice.code == "000.00.02.H37"
    assert services.department_for("20", "so tu phap") == justice
    assert services.department_for("20", "Sở Nông nghiệp và Môi trường").code == "000.00.05.H37"
    with pytest.raises(services.AgencyError):
        services.department_for("20", "Sở Giao thông vận tải")


def test_every_commune_has_a_committee_and_a_service_center() -> None:
    communes = geography.communes_of("20", dt.date(2025, 8, 1))
    assert len(communes) == 9
    for unit in communes:
        assert services.commune_committee(unit).unit == unit
        assert services.commune_center(unit).parent == services.commune_committee(unit)


def test_commune_codes_embed_the_unit_code() -> None:
    center = services.commune_center("05977")
    assert center.code == "059.77.91.H37"
    assert center.name == "Trung tâm Phục vụ hành chính công phường Đông Kinh"
    committee = services.commune_committee("06184")
    assert committee.code == "061.84.90.H37"
    assert committee.name == "Ủy ban nhân dân xã Đồng Đăng"


def test_service_centers_lists_the_province_first() -> None:
    centers = services.service_centers("20")
    assert centers[0] == services.province_service_center("20")
    assert len(centers) == 10


def test_a_district_or_an_unserved_province_is_an_error() -> None:
    district = geography.unit_on("178", dt.date(2024, 1, 1))
    with pytest.raises(services.AgencyError, match="cấp xã"):
        services.commune_center(district)
    with pytest.raises(services.AgencyError, match="mã 99"):
        services.province_prefix("99")
    with pytest.raises(services.AgencyError):
        services.agency_by_code("000.00.99.H37")


def test_ensuring_the_agencies_again_changes_nothing() -> None:
    before = list(Agency.objects.order_by("code").values_list("pk", "code", "name", "parent_id", "unit_id"))
    result = services.ensure_province_agencies("20")
    assert (result.created, result.updated, result.unchanged) == (0, 0, 58)
    assert list(Agency.objects.order_by("code").values_list(
        "pk", "code", "name", "parent_id", "unit_id")) == before


def test_a_renamed_agency_is_restored() -> None:
    Agency.objects.filter(code="000.00.02.H37").update(name="Sở cũ")
    result = services.ensure_province_agencies("20")
    assert result.updated == 1
    assert services.department_for("20", "justice").name == "Sở Tư pháp tỉnh Lạng Sơn"


def test_central_offices_in_the_province_have_their_own_kinds_and_codes() -> None:
    expected = {
        "000.00.15.H37": Agency.Kind.POLICE,
        "000.00.41.H37": Agency.Kind.CUSTOMS,
        "000.00.42.H37": Agency.Kind.TAX,
        "000.00.43.H37": Agency.Kind.SOCIAL_INSURANCE,
        "000.00.44.H37": Agency.Kind.STATE_BANK,
        "000.00.45.H37": Agency.Kind.TREASURY,
        "000.00.46.H37": Agency.Kind.JUDGMENT_ENFORCEMENT,
        "000.00.47.H37": Agency.Kind.LAND_REGISTRATION,
        "000.00.48.H37": Agency.Kind.FOREST_PROTECTION,
        "000.00.49.H37": Agency.Kind.ZONE_BOARD,
    }
    found = dict(Agency.objects.filter(code__in=expected).values_list("code", "kind"))
    assert found == expected
    assert Agency.objects.get(code="000.00.42.H37").name == "Thuế tỉnh Lạng Sơn"


def test_lang_sons_border_gate_customs_are_under_the_customs_branch() -> None:
    branch = Agency.objects.get(code="000.00.41.H37")
    gates = Agency.objects.filter(parent=branch).order_by("code")
    assert [g.code for g in gates] == [f"000.0{n}.41.H37" for n in range(1, 6)]
    assert gates[0].name == "Hải quan cửa khẩu quốc tế Hữu Nghị"
    assert all(g.kind == Agency.Kind.CUSTOMS for g in gates)


def test_every_commune_has_one_police_office_under_the_provincial_police() -> None:
    communes = geography.communes_of("20", dt.date(2025, 8, 1))
    police = Agency.objects.filter(kind=Agency.Kind.COMMUNE_POLICE)
    assert sorted(p.unit_id for p in police) == sorted(c.pk for c in communes)
    ward = police.get(unit__code="05977")
    assert ward.code == "059.77.92.H37"
    assert ward.name == "Công an phường Đông Kinh"
    assert ward.parent is not None and ward.parent.code == "000.00.15.H37"
