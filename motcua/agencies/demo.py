"""Demo agencies: Lạng Sơn's People's Committee, departments, provincial and commune centres."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.utils.translation import gettext as _

from motcua.agencies.services import ensure_province_agencies

DEMO_PROVINCE = "20"  # Lạng Sơn, agency prefix H37


def load(command: Any, data_dir: Path) -> None:
    """Create or refresh the demo province's agencies (idempotent)."""
    result = ensure_province_agencies(DEMO_PROVINCE)
    command.stdout.write(_(
        "Cơ quan tỉnh Lạng Sơn: tạo mới %(created)s, cập nhật %(updated)s, giữ nguyên %(unchanged)s."
    ) % {"created": result.created, "updated": result.updated, "unchanged": result.unchanged})
