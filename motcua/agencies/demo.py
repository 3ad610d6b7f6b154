"""Demo agencies: Lạng Sơn's People's Committee, departments, provincial and commune centres."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.utils.translation import gettext as _

from motcua.agencies.models import Agency
from motcua.agencies.services import ensure_province_agencies, province_prefix

DEMO_PROVINCE = "20"  # Lạng Sơn, agency prefix H37


def load(command: Any, data_dir: Path) -> None:
    """Create or refresh the demo province's agencies (idempotent)."""
    result = ensure_province_agencies(DEMO_PROVINCE)
    give_demo_phones(DEMO_PROVINCE)
    command.stdout.write(_(
        "Cơ quan tỉnh Lạng Sơn: tạo mới %(created)s, cập nhật %(updated)s, giữ nguyên %(unchanged)s."
    ) % {"created": result.created, "updated": result.updated, "unchanged": result.unchanged})


def demo_phone(agency: Agency) -> str:
    """A made-up landline in Lạng Sơn's area code (0205), one per agency code.

    From the code `L4.L3.L2.H37`: the unit's digits (L4 L3, e.g. 059.77 for Đông Kinh) and
    the agency's L2 (91 centre, 90 committee…), so two agencies never share a number.
    """
    l4, l3, l2 = (agency.code.split(".") + ["", "", ""])[:3]
    digits = (f"{l4}{l3}"[-4:] + l2[-2:]).rjust(6, "0")
    return f"0205 3{digits[:3]} {digits[3:]}"


def give_demo_phones(province_code: str) -> int:
    """Slips print the agency's phone (form 02: who to contact): demo agencies without one get one."""
    prefix = province_prefix(province_code)
    missing = Agency.objects.filter(code__endswith=f".{prefix}", phone="")
    changed = list(missing)
    for agency in changed:
        agency.phone = demo_phone(agency)
    Agency.objects.bulk_update(changed, ["phone"], batch_size=500)
    return len(changed)
