"""Reading the conversion table: every quirk of the real file, without a database."""

from __future__ import annotations

from pathlib import Path

from motcua.geography.conversion import (
    LAST_DAY_BEFORE_REFORM,
    REFORM_DATE,
    Plan,
    canonical_name,
    note_kind,
    read_conversion_table,
)
from motcua.geography.tests import samples


def _plan(tmp_path: Path, text: str = samples.QUIRKS) -> Plan:
    return read_conversion_table(samples.write(tmp_path, text))


def _unit(plan: Plan, code: str, valid_from: object = "any") -> list[str]:
    return [u.name for u in plan.units.values()
            if u.code == code and (valid_from == "any" or u.valid_from == valid_from)]


def _kinds(plan: Plan, old_code: str) -> dict[str, str]:
    return {s.successor[0]: s.kind for s in plan.successions.values() if s.predecessor[0] == old_code}


def test_section_rows_and_headers_are_not_data(tmp_path: Path) -> None:
    plan = _plan(tmp_path)
    assert plan.errors == []
    assert plan.rows == 16
    assert not any("NÚI XANH" in u.name or "BIỂN ĐÔNG" in u.name for u in plan.units.values())


def test_every_new_unit_gets_its_level_from_the_name_prefix(tmp_path: Path) -> None:
    plan = _plan(tmp_path)
    new = {u.code: u.level for u in plan.units.values() if u.valid_from == REFORM_DATE and len(u.code) == 5}
    assert len(new) == 10
    assert new["05977"] == "ward"
    assert new["06148"] == "commune"
    assert new["22999"] == "special_zone"
    assert new["22011"] == "special_zone"


def test_a_reused_code_names_an_old_and_a_new_unit(tmp_path: Path) -> None:
    plan = _plan(tmp_path)
    old = plan.units[("05977", "ward", None)]
    new = plan.units[("05977", "ward", REFORM_DATE)]
    assert (old.name, old.valid_to) == ("Phường Vĩnh Trại", LAST_DAY_BEFORE_REFORM)
    assert (new.name, new.valid_to) == ("Phường Đông Kinh", None)
    assert old.parent == ("178", "district", None)
    assert new.parent == ("20", "province", None)


def test_stray_spaces_new_lines_and_decomposed_unicode_are_cleaned(tmp_path: Path) -> None:
    plan = _plan(tmp_path)
    assert _unit(plan, "05992") == ["Xã Mai Hoa"]
    assert _unit(plan, "22001", REFORM_DATE) == ["Phường Cửa Biển"]
    assert _unit(plan, "06148", REFORM_DATE) == ["Xã Thụy Hùng"]  # NFC, same as typed
    assert plan.tidied_names > 0


def test_lower_case_and_misspelt_prefixes_are_fixed() -> None:
    assert canonical_name("xã Thụy Hùng") == "Xã Thụy Hùng"
    assert canonical_name("Xa Ea Kly") == "Xã Ea Kly"
    assert canonical_name("Thi trấn Ngan Dừa") == "Thị trấn Ngan Dừa"
    assert canonical_name("Thị Xã Kinh Môn") == "Thị xã Kinh Môn"
    assert canonical_name("Xuân Phước") == "Xuân Phước"


def test_partial_merges_split_one_old_unit_over_several_new_ones(tmp_path: Path) -> None:
    plan = _plan(tmp_path)
    assert _unit(plan, "06622") == ["Xã Bính Xá"]  # one old unit, although on two rows
    assert _kinds(plan, "06622") == {"06625": "partial", "06637": "partial"}
    assert _kinds(plan, "06625") == {"06625": "partial", "06637": "partial"}


def test_notes_with_typos_qualifiers_and_spacing_are_understood() -> None:
    assert note_kind("Nhâp một phần diện tích") == "partial"
    assert note_kind("Nhập một  phần") == "partial"
    assert note_kind("Nhập một phần\n") == "partial"
    assert note_kind("Nhập một phần diện tích, toàn bộ dân số") == "partial"
    assert note_kind("Nhập toàn bộ diện tích") == "whole"
    assert note_kind("Giữ nguyên ") == "unchanged"
    assert note_kind("Đổi tên") == "whole"
    assert note_kind("Đổi loại hình") == "whole"
    assert note_kind("Đổi tên, đổi loại hình từ một phần thị trấn Lai Uyên") == "partial"
    assert note_kind("Phần còn lại sau khi tách một phần vào xã Canh Vinh") == "partial"
    assert note_kind("Sắp xếp toàn bộ huyện Côn Đảo thành đặc khu Côn Đảo") == "whole"
    assert note_kind("Chuyển sang tỉnh khác") is None


def test_renames_and_unchanged_units_keep_their_note(tmp_path: Path) -> None:
    plan = _plan(tmp_path)
    rename = plan.successions[(("06619", "commune", None), ("06619", "commune", REFORM_DATE))]
    kept = plan.successions[(("06613", "township", None), ("06613", "commune", REFORM_DATE))]
    assert (rename.kind, rename.note) == ("whole", "Đổi tên")
    assert kept.kind == "unchanged"
    plain = plan.successions[(("05977", "ward", None), ("05977", "ward", REFORM_DATE))]
    assert plain.note == ""  # "Nhập toàn bộ" only repeats the kind


def test_a_special_zone_made_of_a_whole_district_succeeds_the_district(tmp_path: Path) -> None:
    plan = _plan(tmp_path)
    link = plan.successions[(("230", "district", None), ("22999", "special_zone", REFORM_DATE))]
    assert link.kind == "whole"
    assert _kinds(plan, "22011") == {"22011": "whole"}


def test_a_province_that_continues_is_one_unit_and_a_merged_one_is_two(tmp_path: Path) -> None:
    plan = _plan(tmp_path)
    continuing = plan.units[("20", "province", None)]
    assert (continuing.valid_from, continuing.valid_to) == (None, None)
    assert ("20", "province", REFORM_DATE) not in plan.units
    assert plan.units[("22", "province", None)].valid_to == LAST_DAY_BEFORE_REFORM
    assert plan.units[("22", "province", REFORM_DATE)].name == "Tỉnh Biển Đông"
    assert plan.units[("23", "province", None)].name == "Tỉnh Đảo Ngọc"
    assert _kinds(plan, "23") == {"22": "whole"}


def test_areas_without_a_code_and_contradicting_codes_are_skipped_with_their_line(tmp_path: Path) -> None:
    plan = _plan(tmp_path)
    skipped = {p.line: p.message for p in plan.skipped}
    assert set(skipped) == {20, 22}
    assert "Khu vực bãi bồi" in skipped[20]
    assert "22003" in skipped[22] and "Xã Cồn Cát" in skipped[22]
    assert _unit(plan, "22003") == ["Xã Cồn Cát"]


def test_a_district_listed_under_two_provinces_follows_the_majority(tmp_path: Path) -> None:
    text = samples.QUIRKS + (
        "Tỉnh Biển Đông (22),Xã Bãi Bồi,22005,Xã Cồn Đá,22004,Nhập toàn bộ,"
        "Huyện Cửa Sông (221),Tỉnh Đảo Ngọc (23),\n"
    )
    plan = _plan(tmp_path, text)
    assert plan.units[("221", "district", None)].parent == ("22", "province", None)
    assert [p.line for p in plan.corrections] == [23]


def test_a_province_code_written_with_another_provinces_name_is_resolved_by_name(tmp_path: Path) -> None:
    text = samples.QUIRKS + (
        "Tỉnh Biển Đông (22),Đặc khu Cồn Xa,22011,Xã Cồn Mây,22014,Nhập toàn bộ,"
        "Huyện Hòn Ngọc (230),Đảo Ngọc (22),\n"
    )
    plan = _plan(tmp_path, text)
    assert [p.line for p in plan.corrections] == [23]
    assert plan.units[("230", "district", None)].parent == ("23", "province", None)
