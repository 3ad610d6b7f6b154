"""Demo geography: the whole country from the conversion table, or the built-in Lạng Sơn sample."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.utils.translation import gettext as _

from motcua.geography.fixture import DEMO_FIXTURE, load_fixture
from motcua.geography.importer import apply_plan, import_conversion_table

CONVERSION_TABLE = Path("units") / "conversion-2025-07-01.csv"


def load(command: Any, data_dir: Path) -> None:
    """Import the real table when `data_dir` holds it, else the hand-written sample (idempotent)."""
    path = data_dir / CONVERSION_TABLE
    if path.is_file():
        command.stdout.write(_("Địa giới hành chính: nhập %(path)s …") % {"path": path})
        plan, result = import_conversion_table(path, progress=False)
    else:
        command.stdout.write(_("Địa giới hành chính: dùng bộ dữ liệu mẫu %(name)s (Lạng Sơn).") % {
            "name": DEMO_FIXTURE.name})
        plan = load_fixture()
        result = apply_plan(plan)
    command.stdout.write(_(
        "  %(units)s đơn vị, %(successions)s quan hệ sắp xếp (tạo mới %(created)s, cập nhật %(updated)s)."
    ) % {
        "units": len(plan.units), "successions": len(plan.successions),
        "created": result.units.created + result.successions.created,
        "updated": result.units.updated + result.successions.updated,
    })
