"""Write a geography `Plan` to the database: one transaction, bulk writes, idempotent.

Units are matched on (code, level, valid_from) and successions on (predecessor, successor,
effective date), so a second run finds everything in place and writes nothing. Nothing is
ever deleted: units entered by hand or from another file stay.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from django.db import transaction
from django.utils.translation import gettext as _
from tqdm import tqdm

from motcua.core.text import fold
from motcua.geography.conversion import (
    NEW_UNIT_LEVELS,
    OLD_UNIT_LEVELS,
    REFORM_DATE,
    Key,
    Plan,
    UnitSpec,
    read_conversion_table,
)
from motcua.geography.models import Succession, Unit

BATCH_SIZE = 500


@dataclass
class Counts:
    created: int = 0
    updated: int = 0
    unchanged: int = 0


@dataclass
class ApplyResult:
    units: Counts = field(default_factory=Counts)
    successions: Counts = field(default_factory=Counts)

    @property
    def changed(self) -> bool:
        return bool(self.units.created or self.units.updated
                    or self.successions.created or self.successions.updated)


def _depth(spec: UnitSpec, units: dict[Key, UnitSpec]) -> int:
    depth = 0
    parent = spec.parent
    while parent is not None and parent in units:
        depth += 1
        parent = units[parent].parent
    return depth


def _existing_units() -> dict[Key, Unit]:
    return {
        (u.code, u.level, u.valid_from): u
        for u in Unit.objects.only("id", "code", "level", "valid_from", "valid_to", "name", "parent_id")
    }


def apply_plan(plan: Plan, advance: Callable[[int], None] | None = None) -> ApplyResult:
    """Create or update the plan's units and successions; `advance(n)` reports progress."""
    if plan.errors:
        raise ValueError("a plan with errors cannot be applied")
    result = ApplyResult()
    with transaction.atomic():
        existing = _existing_units()
        ids: dict[Key, int] = {key: unit.pk for key, unit in existing.items()}
        by_depth: dict[int, list[UnitSpec]] = {}
        for spec in plan.units.values():
            by_depth.setdefault(_depth(spec, plan.units), []).append(spec)
        # Parents first, so that children can point at their ids.
        for depth in sorted(by_depth):
            _write_units(by_depth[depth], existing, ids, result, advance)
        _write_successions(plan, ids, result, advance)
    return result


def _write_units(
    specs: list[UnitSpec], existing: dict[Key, Unit], ids: dict[Key, int],
    result: ApplyResult, advance: Callable[[int], None] | None,
) -> None:
    to_create: list[Unit] = []
    to_update: list[Unit] = []
    for spec in specs:
        parent_id = ids[spec.parent] if spec.parent is not None else None
        unit = existing.get(spec.key)
        if unit is None:
            to_create.append(Unit(
                code=spec.code, name=spec.name, name_folded=fold(spec.name), level=spec.level,
                valid_from=spec.valid_from, valid_to=spec.valid_to, parent_id=parent_id,
            ))
        elif (unit.name, unit.valid_to, unit.parent_id) != (spec.name, spec.valid_to, parent_id):
            unit.name, unit.name_folded = spec.name, fold(spec.name)
            unit.valid_to, unit.parent_id = spec.valid_to, parent_id
            to_update.append(unit)
        else:
            result.units.unchanged += 1
    # bulk_create returns primary keys on PostgreSQL and on SQLite >= 3.35.
    for unit in Unit.objects.bulk_create(to_create, batch_size=BATCH_SIZE):
        ids[(unit.code, unit.level, unit.valid_from)] = unit.pk
    Unit.objects.bulk_update(
        to_update, ["name", "name_folded", "valid_to", "parent"], batch_size=BATCH_SIZE)
    result.units.created += len(to_create)
    result.units.updated += len(to_update)
    if advance:
        advance(len(specs))


def _write_successions(
    plan: Plan, ids: dict[Key, int], result: ApplyResult, advance: Callable[[int], None] | None,
) -> None:
    existing = {
        (s.predecessor_id, s.successor_id, s.effective): s
        for s in Succession.objects.only("id", "predecessor_id", "successor_id", "effective", "kind", "note")
    }
    to_create: list[Succession] = []
    to_update: list[Succession] = []
    for spec in plan.successions.values():
        pred, succ = ids[spec.predecessor], ids[spec.successor]
        note = spec.note[:300]
        current = existing.get((pred, succ, spec.effective))
        if current is None:
            to_create.append(Succession(
                predecessor_id=pred, successor_id=succ, kind=spec.kind, effective=spec.effective, note=note))
        elif (current.kind, current.note) != (spec.kind, note):
            current.kind, current.note = spec.kind, note
            to_update.append(current)
        else:
            result.successions.unchanged += 1
    Succession.objects.bulk_create(to_create, batch_size=BATCH_SIZE)
    Succession.objects.bulk_update(to_update, ["kind", "note"], batch_size=BATCH_SIZE)
    result.successions.created += len(to_create)
    result.successions.updated += len(to_update)
    if advance:
        advance(len(plan.successions))


class ImportFailed(Exception):
    """The file has problems; nothing was written. `plan.errors` lists them with line numbers."""

    def __init__(self, plan: Plan) -> None:
        super().__init__(f"{len(plan.errors)} problem(s)")
        self.plan = plan


def _new_units(plan: Plan) -> int:
    return sum(1 for u in plan.units.values()
               if u.level in NEW_UNIT_LEVELS and u.valid_from == REFORM_DATE)


def summary_lines(plan: Plan, result: ApplyResult) -> list[str]:
    """What was read, written, tidied, corrected and skipped, in sentences for the console."""
    provinces_after = sum(1 for u in plan.units.values() if u.level == "province" and u.valid_to is None)
    provinces_before = sum(1 for u in plan.units.values() if u.level == "province" and u.valid_from is None)
    old_communes = sum(1 for u in plan.units.values()
                       if u.level in OLD_UNIT_LEVELS and u.valid_from is None)
    lines = [
        _("Đã đọc %(rows)s dòng dữ liệu.") % {"rows": plan.rows},
        _("Từ 01/07/2025: %(provinces)s tỉnh, thành phố; %(units)s xã, phường, đặc khu.") % {
            "provinces": provinces_after, "units": _new_units(plan)},
        _("Trước 01/07/2025: %(provinces)s tỉnh, thành phố; %(districts)s quận, huyện; "
          "%(communes)s xã, phường, thị trấn.") % {
            "provinces": provinces_before, "districts": plan.count("district"), "communes": old_communes},
        _("Đơn vị hành chính: tạo mới %(created)s, cập nhật %(updated)s, giữ nguyên %(unchanged)s.") % {
            "created": result.units.created, "updated": result.units.updated,
            "unchanged": result.units.unchanged},
        _("Quan hệ sắp xếp: tạo mới %(created)s, cập nhật %(updated)s, giữ nguyên %(unchanged)s.") % {
            "created": result.successions.created, "updated": result.successions.updated,
            "unchanged": result.successions.unchanged},
    ]
    if plan.tidied_names:
        lines.append(_("Đã chuẩn hóa %(count)s tên (khoảng trắng, xuống dòng, Unicode, tiền tố Xã/Phường).")
                     % {"count": plan.tidied_names})
    if plan.corrections:
        lines.append(_("Đã xử lý %(count)s chỗ mâu thuẫn trong tệp:") % {"count": len(plan.corrections)})
        lines.extend(f"  {problem}" for problem in plan.corrections)
    if plan.skipped:
        lines.append(_("Bỏ qua %(count)s dòng:") % {"count": len(plan.skipped)})
        lines.extend(f"  {problem}" for problem in plan.skipped)
    if not result.changed:
        lines.append(_("Không có thay đổi nào: cơ sở dữ liệu đã khớp với tệp."))
    return lines


def import_conversion_table(path: Path, progress: bool = False) -> tuple[Plan, ApplyResult]:
    """Read and apply a conversion table in one transaction; ImportFailed if it is malformed."""
    with open(path, encoding="utf-8-sig", errors="replace") as handle:
        total_lines = sum(1 for _line in handle)
    with tqdm(total=total_lines, desc=_("Đọc tệp"), unit=_("dòng"), file=sys.stderr,
              disable=not progress, leave=False) as bar:
        seen = [0]

        def advance_to(line: int) -> None:
            bar.update(line - seen[0])
            seen[0] = line

        plan = read_conversion_table(path, advance_to)
    if plan.errors:
        raise ImportFailed(plan)
    with tqdm(total=len(plan.units) + len(plan.successions), desc=_("Ghi dữ liệu"),
              unit=_("bản ghi"), file=sys.stderr, disable=not progress, leave=False) as bar:
        result = apply_plan(plan, bar.update)
    return plan, result
