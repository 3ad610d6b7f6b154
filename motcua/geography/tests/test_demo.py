"""The demo geography: the built-in Lạng Sơn sample, or the conversion table when present."""

from __future__ import annotations

import datetime as dt
from io import StringIO
from pathlib import Path
from types import SimpleNamespace

import pytest
from django.core.management.base import OutputWrapper

from motcua.geography import demo, services
from motcua.geography.fixture import FixtureError, plan_from_fixture
from motcua.geography.models import Succession, Unit
from motcua.geography.tests import samples

pytestmark = pytest.mark.django_db

AFTER = dt.date(2025, 8, 1)


def run_demo(data_dir: Path) -> str:
    out = StringIO()
    demo.load(SimpleNamespace(stdout=OutputWrapper(out)), data_dir)
    return out.getvalue()


def test_without_data_the_built_in_lang_son_sample_is_loaded(tmp_path: Path) -> None:
    out = run_demo(tmp_path / "nothing-here")
    assert "lang_son_demo.json" in out
    wards = [u.name for u in services.communes_of("20", AFTER) if u.level == "ward"]
    assert wards == ["Phường Đông Kinh", "Phường Lương Văn Tri", "Phường Tam Thanh", "Phường Kỳ Lừa"]
    assert services.unit_on("05977", dt.date(2025, 6, 30)).name == "Phường Vĩnh Trại"
    assert services.unit_on("05977", AFTER).name == "Phường Đông Kinh"
    assert services.unit_on("20", dt.date(2024, 1, 1)) == services.unit_on("20", AFTER)
    assert len(services.find_units("thuy hung")) == 3


def test_the_sample_has_old_units_and_a_partial_merge(tmp_path: Path) -> None:
    run_demo(tmp_path)
    assert Unit.objects.filter(level="district").count() == 4
    [item] = services.history("06622", on=dt.date(2025, 1, 1))
    assert {(link.unit.code, link.kind) for link in item.successors} == {
        ("06613", "partial"), ("06625", "partial")}


def test_loading_the_demo_twice_changes_nothing(tmp_path: Path) -> None:
    run_demo(tmp_path)
    counts = (Unit.objects.count(), Succession.objects.count())
    out = run_demo(tmp_path)
    assert (Unit.objects.count(), Succession.objects.count()) == counts
    assert "tạo mới 0, cập nhật 0" in out


def test_with_the_conversion_table_in_the_data_dir_it_is_imported(tmp_path: Path) -> None:
    (tmp_path / "units").mkdir()
    samples.write(tmp_path / "units", name="conversion-2025-07-01.csv")
    out = run_demo(tmp_path)
    assert "conversion-2025-07-01.csv" in out
    assert services.unit_on("20", AFTER).name == "Tỉnh Núi Xanh"


def test_a_fixture_referring_to_an_unknown_unit_is_refused() -> None:
    with pytest.raises(FixtureError, match="unknown old unit 99999"):
        plan_from_fixture({
            "provinces": [{"code": "20", "name": "Tỉnh Lạng Sơn", "continues": True}],
            "new_units": [{"code": "05977", "name": "Phường Đông Kinh", "province": "20",
                           "from": [["99999", "whole"]]}],
        })
