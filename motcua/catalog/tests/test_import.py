"""`motcua catalog import`: versions over time, idempotency, bad files, the report."""

from __future__ import annotations

import datetime as dt
import gzip
import json
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from motcua.catalog.importer import import_catalog
from motcua.catalog.models import Channel, Procedure, ProcedureVersion, TimeLimitUnit
from motcua.catalog.services import version_in_force

from .conftest import FIRST_DAY, FIXTURE

pytestmark = pytest.mark.django_db


def _records() -> list[dict]:
    return [json.loads(line) for line in FIXTURE.read_text(encoding="utf-8").splitlines()]


def _write(path: Path, records: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return path


def _run(*args: str) -> str:
    out = StringIO()
    call_command("catalog", *args, stdout=out)
    return out.getvalue()


def test_first_import_creates_every_procedure_and_prints_the_summary(tmp_path: Path) -> None:
    output = _run("import", str(FIXTURE), "--effective", "2025-07-01", "--no-progress",
                  "--report", str(tmp_path / "report.jsonl"))
    assert "Đã đọc 9 thủ tục: tạo mới 9, phiên bản mới 0, không đổi 0." in output
    assert "thời hạn giải quyết: 8 → 8" in output and "kết quả: 2 → 2" in output
    assert "Tỷ lệ thủ tục có thời hạn được cấu trúc: 100.00% (mục tiêu ≥ 95%)." in output
    assert Procedure.objects.count() == 9
    assert ProcedureVersion.objects.filter(valid_from=FIRST_DAY, valid_to__isnull=True).count() == 9


def test_reimporting_unchanged_content_changes_nothing(catalog: None) -> None:
    before = list(ProcedureVersion.objects.values_list("pk", "valid_from", "valid_to"))
    result = import_catalog(FIXTURE, effective=dt.date(2026, 1, 1))
    assert (result.unchanged, result.created, result.new_versions) == (9, 0, 0)
    assert list(ProcedureVersion.objects.values_list("pk", "valid_from", "valid_to")) == before


def test_changed_content_opens_a_new_version_and_closes_the_previous(catalog: None, tmp_path: Path) -> None:
    records = _records()
    marriage = next(r for r in records if r["ma_thu_tuc"] == "1.000894")
    channels = marriage["cach_thuc_thuc_hien"]
    marriage["cach_thuc_thuc_hien"] = channels.replace("5 Ngày làm việc", "3 Ngày làm việc")
    result = import_catalog(_write(tmp_path / "changed.jsonl", records), effective=dt.date(2026, 3, 1))

    assert (result.new_versions, result.unchanged) == (1, 8)
    old = version_in_force("1.000894", dt.date(2026, 2, 28))
    new = version_in_force("1.000894", dt.date(2026, 3, 1))
    assert old is not None and new is not None and old.pk != new.pk
    assert old.valid_to == dt.date(2026, 2, 28)
    assert new.channel("counter").time_limit_value == 3  # type: ignore[union-attr]
    assert old.channel("counter").time_limit_value == 5  # type: ignore[union-attr]


def test_a_change_effective_on_the_current_versions_start_is_a_conflict(catalog: None,
                                                                        tmp_path: Path) -> None:
    records = _records()
    records[0]["ten_thu_tuc"] += " (sửa)"
    result = import_catalog(_write(tmp_path / "same-day.jsonl", records), effective=FIRST_DAY)
    assert result.conflicts == 1 and result.new_versions == 0
    assert ProcedureVersion.objects.count() == 9


def test_gzipped_file_imports_like_the_plain_one(tmp_path: Path) -> None:
    path = tmp_path / "catalog.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as handle:
        handle.write(FIXTURE.read_text(encoding="utf-8"))
    assert import_catalog(path, effective=FIRST_DAY).created == 9


def test_bad_file_lists_line_numbers_exits_2_and_changes_nothing(catalog: None, tmp_path: Path,
                                                                 capsys: pytest.CaptureFixture[str]) -> None:
    records = _records()
    records[1]["ten_thu_tuc"] = "Tên mới không được nhập"
    lines = [json.dumps(r, ensure_ascii=False) for r in records]
    lines.insert(2, "{không phải json")
    missing_code = dict(records[3], ma_thu_tuc="")
    lines.append(json.dumps(missing_code, ensure_ascii=False))
    path = tmp_path / "bad.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")

    with pytest.raises(CommandError) as error:
        _run("import", str(path), "--no-progress", "--effective", "2026-01-01")
    assert error.value.returncode == 2
    stderr = capsys.readouterr().err
    assert "dòng 3: JSON không hợp lệ" in stderr and "dòng 11: thiếu mã thủ tục (ma_thu_tuc)." in stderr
    assert not Procedure.objects.filter(name="Tên mới không được nhập").exists()
    assert ProcedureVersion.objects.count() == 9


def test_what_did_not_parse_goes_to_the_report_with_code_and_raw_text(tmp_path: Path) -> None:
    records = _records()
    records[0]["can_cu_phap_ly"] = "Tên văn bản pháp lýMã văn bảnQuy định của tỉnh về phí, không có số hiệu"
    report = tmp_path / "report.jsonl"
    result = import_catalog(_write(tmp_path / "c.jsonl", records), effective=FIRST_DAY, report_path=report)
    lines = [json.loads(line) for line in report.read_text(encoding="utf-8").splitlines()]
    assert result.report_path == report
    assert {"code": "1.001193", "part": "legal_bases",
            "raw": records[0]["can_cu_phap_ly"]} in lines


def test_certification_gets_the_same_day_rule_from_decree_23(catalog: None) -> None:
    version = version_in_force("2.000815", FIRST_DAY)
    counter = version.channel("counter")  # type: ignore[union-attr]
    assert counter.time_limit_unit == TimeLimitUnit.SAME_DAY_15H  # type: ignore[union-attr]
    assert counter.fee_amount == 2000  # type: ignore[union-attr]


def test_one_channel_per_kind_keeps_extra_rows_in_the_description(tmp_path: Path) -> None:
    record = _records()[5]
    record["cach_thuc_thuc_hien"] = ("Hình thức nộpThời gianPhí, lệ phíMô tảTrực tiếp18 Ngày làm việc"
                                     "Không có thông tinTrường hợp thông thườngTrực tiếp27 Ngày làm việc"
                                     "Không có thông tinTrường hợp ở địa phương khác")
    import_catalog(_write(tmp_path / "one.jsonl", [record]), effective=FIRST_DAY)
    channel = Channel.objects.get()
    assert channel.time_limit_value == 18
    assert "27 Ngày làm việc" in channel.description


def test_show_json_prints_the_version_in_force(catalog: None) -> None:
    data = json.loads(_run("show", "1.004194", "--on", "2025-08-01", "--json"))
    assert data["code"] == "1.004194" and data["valid_from"] == "2025-07-01"
    counter = next(c for c in data["channels"] if c["kind"] == "counter")
    assert (counter["time_limit_value"], counter["time_limit_unit"], counter["fee_amount"]) == (
        7, "working_days", 20000)
    assert data["requirements"][1]["certified_copies"] == 1
    assert data["legal_bases"] == [{"number": "68/2020/QH14", "title": "Luật Cư trú", "issued": "",
                                    "issuer": "Quốc hội"}]


def test_results_are_stored_without_the_portals_widgets(catalog: None) -> None:
    version = ProcedureVersion.objects.get(procedure__code="1.012786")
    assert version.results == (
        "Giấy chứng nhận quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất cấp lại (KQ.DEMO.000002)")


def test_show_text_lists_channels_documents_and_laws_in_words(catalog: None) -> None:
    output = _run("show", "1.004194", "--on", "2025-08-01")
    assert "Cấp xã" in output and "hiệu lực từ 01/07/2025" in output
    assert "Trực tiếp: thời hạn 7 ngày làm việc; phí, lệ phí 20.000 đồng" in output
    assert "§ 68/2020/QH14 Luật Cư trú" in output


def test_show_before_the_first_version_is_bad_input(catalog: None) -> None:
    with pytest.raises(CommandError) as error:
        _run("show", "1.004194", "--on", "2025-06-30")
    assert error.value.returncode == 2


def test_show_text_mentions_the_same_day_rule(catalog: None) -> None:
    output = _run("show", "1.001193", "--on", "2025-07-01")
    assert "Thủ tục đăng ký khai sinh" in output and "15 giờ" in output
