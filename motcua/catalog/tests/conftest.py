"""Shared fixtures: a small province with two communes, its agencies, and the demo catalog."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

import pytest

from motcua.agencies.models import Agency
from motcua.catalog.importer import import_catalog
from motcua.geography.models import Unit

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "demo_catalog.jsonl"
FIRST_DAY = dt.date(2025, 7, 1)


@dataclass
class Province:
    unit: Unit
    commune_a: Unit
    commune_b: Unit
    committee: Agency
    center: Agency
    justice: Agency
    agriculture: Agency
    center_a: Agency
    committee_a: Agency
    center_b: Agency
    committee_b: Agency


def _agency(code: str, name: str, kind: str, unit: Unit) -> Agency:
    return Agency.objects.create(code=code, name=name, kind=kind, unit=unit)


@pytest.fixture
def province(db: None) -> Province:
    unit = Unit.objects.create(code="20", name="Tỉnh Lạng Sơn", level=Unit.Level.PROVINCE)
    commune_a = Unit.objects.create(code="05977", name="Phường Đông Kinh", level=Unit.Level.WARD, parent=unit,
                                    valid_from=FIRST_DAY)
    commune_b = Unit.objects.create(code="06001", name="Xã Thất Khê", level=Unit.Level.COMMUNE, parent=unit,
                                    valid_from=FIRST_DAY)
    K = Agency.Kind
    return Province(
        unit=unit, commune_a=commune_a, commune_b=commune_b,
        committee=_agency("000.00.00.H37", "UBND tỉnh Lạng Sơn", K.PROVINCIAL_COMMITTEE, unit),
        center=_agency("000.00.80.H37", "Trung tâm Phục vụ hành chính công tỉnh Lạng Sơn",
                       K.PROVINCIAL_CENTER, unit),
        justice=_agency("000.00.02.H37", "Sở Tư pháp tỉnh Lạng Sơn", K.DEPARTMENT, unit),
        agriculture=_agency("000.00.05.H37", "Sở Nông nghiệp và Môi trường tỉnh Lạng Sơn", K.DEPARTMENT,
                            unit),
        center_a=_agency("059.77.91.H37", "Trung tâm PVHCC phường Đông Kinh", K.COMMUNE_CENTER, commune_a),
        committee_a=_agency("059.77.90.H37", "UBND phường Đông Kinh", K.COMMUNE_COMMITTEE, commune_a),
        center_b=_agency("060.01.91.H37", "Trung tâm PVHCC xã Thất Khê", K.COMMUNE_CENTER, commune_b),
        committee_b=_agency("060.01.90.H37", "UBND xã Thất Khê", K.COMMUNE_COMMITTEE, commune_b),
    )


@pytest.fixture
def catalog(db: None) -> None:
    """The hand-written demo catalog, first versions from 1 July 2025."""
    import_catalog(FIXTURE, effective=FIRST_DAY)
