"""The project's own small geography format (JSON), used for the built-in demo dataset.

    {"effective": "2025-07-01",
     "provinces": [{"code": "20", "name": "Tỉnh Lạng Sơn", "continues": true}],
     "districts": [{"code": "178", "name": "Thành phố Lạng Sơn", "province": "20"}],
     "old_units": [{"code": "05977", "name": "Phường Vĩnh Trại", "district": "178"}],
     "new_units": [{"code": "05977", "name": "Phường Đông Kinh", "province": "20",
                    "from": [["05977", "whole"], ["05992", "partial"]]}]}

Levels come from the name prefixes, as in the conversion table. A province that "continues"
is one unit across the reform date; otherwise it is an old unit and a new unit with the
same code, linked by a whole succession. The result is the same `Plan` the CSV import
builds, written by the same `apply_plan`.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

from motcua.geography.conversion import (
    DISTRICT,
    NEW_UNIT_LEVELS,
    OLD_UNIT_LEVELS,
    PARTIAL,
    PROVINCE,
    UNCHANGED,
    WHOLE,
    Key,
    Plan,
    SuccessionSpec,
    UnitSpec,
    split_prefix,
)

DEMO_FIXTURE = Path(__file__).resolve().parent / "fixtures" / "lang_son_demo.json"


class FixtureError(ValueError):
    pass


def _level(name: str, allowed: tuple[str, ...]) -> str:
    parts = split_prefix(name)
    if parts is None or parts[2] not in allowed:
        raise FixtureError(f"cannot tell the level of {name!r}")
    return parts[2]


def plan_from_fixture(data: dict[str, Any]) -> Plan:
    """Build a Plan from the fixture's JSON; FixtureError on a reference to nothing."""
    effective = dt.date.fromisoformat(data.get("effective", "2025-07-01"))
    before = effective - dt.timedelta(days=1)
    plan = Plan()
    province_keys: dict[str, tuple[Key, Key]] = {}  # code -> (old key, new key)
    for item in data.get("provinces", []):
        code, name = item["code"], item["name"]
        if item.get("continues"):
            plan.add_unit(UnitSpec(code, name, PROVINCE, None, None, None))
            province_keys[code] = ((code, PROVINCE, None), (code, PROVINCE, None))
        else:
            old = UnitSpec(code, item.get("old_name", name), PROVINCE, None, before, None)
            new = UnitSpec(code, name, PROVINCE, effective, None, None)
            plan.add_unit(old)
            plan.add_unit(new)
            plan.add_succession(SuccessionSpec(old.key, new.key, WHOLE, effective=effective))
            province_keys[code] = (old.key, new.key)
    districts: dict[str, Key] = {}
    for item in data.get("districts", []):
        if item["province"] not in province_keys:
            raise FixtureError(f"district {item['code']}: unknown province {item['province']}")
        spec = UnitSpec(item["code"], item["name"], DISTRICT, None, before,
                        province_keys[item["province"]][0])
        plan.add_unit(spec)
        districts[spec.code] = spec.key
    old_units: dict[str, Key] = {}
    for item in data.get("old_units", []):
        if item["district"] not in districts:
            raise FixtureError(f"old unit {item['code']}: unknown district {item['district']}")
        spec = UnitSpec(item["code"], item["name"], _level(item["name"], OLD_UNIT_LEVELS), None, before,
                        districts[item["district"]])
        plan.add_unit(spec)
        old_units[spec.code] = spec.key
    for item in data.get("new_units", []):
        if item["province"] not in province_keys:
            raise FixtureError(f"new unit {item['code']}: unknown province {item['province']}")
        spec = UnitSpec(item["code"], item["name"], _level(item["name"], NEW_UNIT_LEVELS), effective, None,
                        province_keys[item["province"]][1])
        plan.add_unit(spec)
        for old_code, kind in item.get("from", []):
            if old_code not in old_units:
                raise FixtureError(f"new unit {item['code']}: unknown old unit {old_code}")
            if kind not in (WHOLE, PARTIAL, UNCHANGED):
                raise FixtureError(f"new unit {item['code']}: unknown kind {kind!r}")
            plan.add_succession(SuccessionSpec(old_units[old_code], spec.key, kind, effective=effective))
    plan.rows = len(plan.units)
    return plan


def load_fixture(path: Path = DEMO_FIXTURE) -> Plan:
    return plan_from_fixture(json.loads(path.read_text(encoding="utf-8")))
