"""The demo loader: built-in catalog without data, idempotent, fields mapped to departments."""

from __future__ import annotations

from io import StringIO
from pathlib import Path
from types import SimpleNamespace

import pytest
from django.core.management.base import OutputWrapper

from motcua.catalog import demo
from motcua.catalog.models import FieldDepartment, Procedure, ProcedureVersion

from .conftest import Province

pytestmark = pytest.mark.django_db


def _command() -> SimpleNamespace:
    return SimpleNamespace(stdout=OutputWrapper(StringIO()))


def test_demo_without_data_loads_the_built_in_catalog_and_is_idempotent(province: Province,
                                                                       tmp_path: Path) -> None:
    command = _command()
    demo.load(command, tmp_path / "absent")
    demo.load(command, tmp_path / "absent")
    assert set(Procedure.objects.values_list("code", flat=True)) >= {"1.001193", "2.000815", "1.000894",
                                                                     "1.000656", "1.004194", "1.012795"}
    assert ProcedureVersion.objects.count() == Procedure.objects.count()
    assert "demo_catalog.jsonl" in command.stdout._out.getvalue()


def test_demo_maps_fields_to_existing_departments(province: Province, tmp_path: Path) -> None:
    demo.load(_command(), tmp_path)
    mapping = {m.field.name: m.agency for m in FieldDepartment.objects.select_related("field", "agency")}
    assert mapping["Hộ tịch"] == province.justice
    assert mapping["Chứng thực"] == province.justice
    assert mapping["Đất đai"] == province.agriculture
    assert "Xây dựng" not in mapping  # no construction department in this province fixture


def test_demo_maps_nothing_without_departments(tmp_path: Path) -> None:
    demo.load(_command(), tmp_path)
    assert not FieldDepartment.objects.exists()


@pytest.mark.parametrize(("field", "keyword"), [
    ("Hộ tịch", "tu phap"), ("Đất đai", "nong nghiep va moi truong"), ("Nhà ở và công sở", "xay dung"),
    ("Thành lập và hoạt động của doanh nghiệp", "tai chinh"), ("Giáo dục và Đào tạo", "giao duc"),
    ("Người có công", "noi vu"), ("Hải quan", None),
])
def test_field_rules(field: str, keyword: str | None) -> None:
    assert demo.department_keyword(field) == keyword
