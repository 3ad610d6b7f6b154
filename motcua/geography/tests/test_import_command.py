"""`motcua units import`: writes the plan, is idempotent, and refuses malformed files whole."""

from __future__ import annotations

from io import StringIO
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from motcua.geography.models import REFORM_DATE, Succession, Unit
from motcua.geography.tests import samples

pytestmark = pytest.mark.django_db


def run_import(path: Path) -> tuple[str, str]:
    out, err = StringIO(), StringIO()
    call_command("units", "import", str(path), "--no-progress", stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def failing_import(path: Path) -> tuple[CommandError, str]:
    err = StringIO()
    with pytest.raises(CommandError) as caught:
        call_command("units", "import", str(path), "--no-progress", stdout=StringIO(), stderr=err)
    return caught.value, err.getvalue()


def snapshot() -> tuple[list[Any], list[Any]]:
    units = list(Unit.objects.order_by("pk").values_list(
        "pk", "code", "name", "level", "valid_from", "valid_to", "parent_id"))
    links = list(Succession.objects.order_by("pk").values_list(
        "pk", "predecessor_id", "successor_id", "kind", "note"))
    return units, links


def test_import_creates_units_successions_and_prints_a_summary(tmp_path: Path) -> None:
    out, _err = run_import(samples.write(tmp_path))
    assert Unit.objects.filter(valid_from=REFORM_DATE).exclude(level="province").count() == 10
    assert Unit.objects.filter(level__in=["commune", "ward", "township"], valid_from=None).count() == 11
    assert Unit.objects.filter(level="district").count() == 7
    assert Succession.objects.count() == 16
    assert "Từ 01/07/2025: 2 tỉnh, thành phố; 10 xã, phường, đặc khu." in out
    assert "Bỏ qua 2 dòng:" in out
    assert "dòng 20:" in out and "dòng 22:" in out


def test_the_folded_name_is_stored_for_accent_insensitive_search(tmp_path: Path) -> None:
    run_import(samples.write(tmp_path))
    assert Unit.objects.get(code="05977", valid_from=REFORM_DATE).name_folded == "phuong dong kinh"


def test_a_second_import_changes_nothing_and_says_so(tmp_path: Path) -> None:
    path = samples.write(tmp_path)
    run_import(path)
    before = snapshot()
    out, _err = run_import(path)
    assert snapshot() == before
    assert "Không có thay đổi nào" in out
    assert "Đơn vị hành chính: tạo mới 0, cập nhật 0, giữ nguyên 32." in out


def test_a_corrected_name_updates_the_unit_in_place(tmp_path: Path) -> None:
    run_import(samples.write(tmp_path))
    unit = Unit.objects.get(code="05992")
    out, _err = run_import(samples.write(tmp_path, samples.QUIRKS.replace(" Xã Mai Hoa ", "Xã Mai Hồng")))
    unit.refresh_from_db()
    assert unit.name == "Xã Mai Hồng"
    assert "Đơn vị hành chính: tạo mới 0, cập nhật 1," in out


@pytest.mark.parametrize(("line", "bad_line", "reason"), [
    (4, "Tỉnh Núi Xanh (20),Phường Đông Kinh,5977,Phường Vĩnh Trại,05977,Nhập toàn bộ,"
        "Thành phố Núi Xanh (178),Tỉnh Núi Xanh (20),", "mã xã mới “5977” không phải 5 chữ số"),
    (5, "Tỉnh Núi Xanh (20),Phường Đông Kinh,05977,Xã Mai Hoa,0599A,Nhập toàn bộ,"
        "Thành phố Núi Xanh (178),Tỉnh Núi Xanh (20),", "mã xã cũ “0599A” không phải 5 chữ số"),
    (7, "Tỉnh Núi Xanh (20),Xã Thụy Hùng,06148,Xã Thụy Hùng,06208,Chuyển đi,"
        "Huyện Cao Sơn (183),Tỉnh Núi Xanh (20),", "ghi chú không hiểu được: “Chuyển đi”"),
    (7, "Tỉnh Núi Xanh (20),,06148,Xã Thụy Hùng,06208,Nhập toàn bộ,"
        "Huyện Cao Sơn (183),Tỉnh Núi Xanh (20),", "thiếu tên xã mới"),
    (7, "Tỉnh Núi Xanh (20),Xã Thụy Hùng,06148,Xã Thụy Hùng,06208,Nhập toàn bộ,Huyện Cao Sơn,"
        "Tỉnh Núi Xanh (20),", "quận, huyện cũ phải có dạng “Tên (mã)”"),
    (13, "Tỉnh Núi Xanh (20),Xã Đình Sơn,06613,Thị trấn Đình Sơn,06613",
     "có 5 cột, cần 8"),
    (14, "Tỉnh Núi Xanh (20),Bản Bắc Xa,06619,Xã Hữu Nghị,06619,Đổi tên,"
         "Huyện Đình Sơn (189),Tỉnh Núi Xanh (20),", "không xác định được cấp của “Bản Bắc Xa”"),
])
def test_a_malformed_row_is_reported_with_its_line_and_nothing_changes(
    tmp_path: Path, line: int, bad_line: str, reason: str
) -> None:
    run_import(samples.write(tmp_path, name="good.csv"))
    before = snapshot()
    bad_file = samples.write(tmp_path, samples.replace_line(samples.QUIRKS, line, bad_line))
    error, stderr = failing_import(bad_file)
    assert error.returncode == 2
    assert f"dòng {line}: {reason}" in stderr
    assert snapshot() == before


def test_every_problem_is_reported_not_only_the_first(tmp_path: Path) -> None:
    lines = samples.QUIRKS.split("\n")
    text = samples.replace_line(samples.QUIRKS, 4, lines[3].replace(",05977,", ",977,", 1))
    text = samples.replace_line(text, 14, lines[13].replace("Đổi tên", "Đổi chủ"))
    error, stderr = failing_import(samples.write(tmp_path, text))
    assert "dòng 4: mã xã mới “977”" in stderr
    assert "dòng 14: ghi chú không hiểu được: “Đổi chủ”" in stderr
    assert "2 lỗi" in str(error)
    assert Unit.objects.count() == 0


def test_a_file_with_the_wrong_columns_is_refused(tmp_path: Path) -> None:
    text = samples.HEADER.replace("Ghi chú", "Diện tích") + samples.ROWS
    error, stderr = failing_import(samples.write(tmp_path, text))
    assert error.returncode == 2
    assert "dòng 2: tiêu đề cột không đúng" in stderr
    assert Unit.objects.count() == 0


def test_a_missing_file_is_bad_input(tmp_path: Path) -> None:
    error, _stderr = failing_import(tmp_path / "missing.csv")
    assert error.returncode == 2
    assert "Không tìm thấy tệp" in str(error)


def test_a_new_code_given_to_two_different_new_units_is_an_error(tmp_path: Path) -> None:
    text = samples.QUIRKS + (
        "Tỉnh Biển Đông (22),Xã Sóng Vỗ,22005,Xã Rạn San Hô,22008,Nhập toàn bộ,"
        "Huyện Cửa Sông (221),Tỉnh Biển Đông (22),\n"
    )
    _error, stderr = failing_import(samples.write(tmp_path, text))
    assert "dòng 23: mã xã mới 22005 đã dùng cho “Xã Bãi Bồi” ở dòng 20" in stderr
