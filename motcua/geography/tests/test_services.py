"""Queries on the geography: a code on a date, names without accents, history, children."""

from __future__ import annotations

import datetime as dt

import pytest

from motcua.geography import services
from motcua.geography.models import REFORM_DATE

BEFORE = dt.date(2024, 1, 1)
AFTER = dt.date(2025, 8, 1)

pytestmark = pytest.mark.usefixtures("imported")


def test_a_reused_code_names_the_old_unit_until_30_june_and_the_new_one_after() -> None:
    assert services.unit_on("05977", dt.date(2025, 6, 30)).name == "Phường Vĩnh Trại"
    assert services.unit_on("05977", REFORM_DATE).name == "Phường Đông Kinh"


def test_a_continuing_province_answers_on_both_sides_of_the_reform() -> None:
    before, after = services.unit_on("20", BEFORE), services.unit_on("20", AFTER)
    assert before == after
    assert before.name == "Tỉnh Núi Xanh"


def test_a_merged_province_code_names_different_provinces_on_each_side() -> None:
    assert services.unit_on("22", BEFORE).valid_to == dt.date(2025, 6, 30)
    assert services.unit_on("22", AFTER).valid_from == REFORM_DATE
    with pytest.raises(services.GeographyError, match="không thuộc đơn vị hành chính nào"):
        services.unit_on("23", AFTER)


def test_an_unknown_code_is_an_error() -> None:
    with pytest.raises(services.GeographyError, match="99999"):
        services.unit_on("99999", AFTER)


def test_find_ignores_accents_and_returns_every_match_across_districts_and_time() -> None:
    found = services.find_units("thuy hung")
    assert sorted((u.code, u.parent.code if u.parent else "") for u in found) == [
        ("06136", "182"), ("06148", "20"), ("06208", "183")]
    assert found[0].code == "06148"  # the newest first


def test_find_can_be_limited_to_a_date() -> None:
    assert [u.code for u in services.find_units("THỤY HÙNG", on=AFTER)] == ["06148"]


def test_find_with_an_empty_name_is_an_error() -> None:
    with pytest.raises(services.GeographyError):
        services.find_units("  ")


def test_history_shows_partial_successors_of_a_split_commune() -> None:
    [item] = services.history("06622", on=BEFORE)
    assert [(link.unit.name, link.kind) for link in item.successors] == [
        ("Xã Kiên Mộc", "partial"), ("Xã Châu Sơn", "partial")]
    assert item.predecessors == []


def test_history_without_a_date_covers_every_unit_that_had_the_code() -> None:
    items = services.history("05977")
    assert [item.unit.name for item in items] == ["Phường Vĩnh Trại", "Phường Đông Kinh"]
    assert [(link.unit.name, link.kind) for link in items[1].predecessors] == [
        ("Phường Vĩnh Trại", "whole"), ("Xã Mai Hoa", "whole")]


def test_history_of_a_special_zone_names_the_old_district() -> None:
    [item] = services.history("22999", on=AFTER)
    assert [(link.unit.level, link.unit.code, link.kind) for link in item.predecessors] == [
        ("district", "230", "whole")]


def test_children_of_a_continuing_province_are_districts_before_and_communes_after() -> None:
    assert [u.code for u in services.children_on("20", BEFORE)] == ["178", "182", "183", "189"]
    assert [u.code for u in services.children_on("20", AFTER)] == [
        "05977", "06148", "06613", "06619", "06625", "06637"]


def test_communes_of_a_province_and_province_of_a_commune() -> None:
    communes = services.communes_of("22", AFTER)
    assert [u.code for u in communes] == ["22001", "22005", "22011", "22999"]
    assert services.province_of(services.unit_on("06613", BEFORE)).code == "20"


def test_by_name_or_code_accepts_either() -> None:
    assert services.by_name_or_code("phuong dong kinh", AFTER).code == "05977"
    assert services.by_name_or_code("05977", BEFORE).name == "Phường Vĩnh Trại"
    with pytest.raises(services.GeographyError, match="hãy dùng mã"):
        services.by_name_or_code("Xã Thụy Hùng", BEFORE)
