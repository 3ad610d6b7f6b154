"""Demo accounts, one or more per role, all with the password DEMO_PASSWORD."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from motcua.accounts.models import IdVerification, Role, User
from motcua.accounts.privacy import mask_id_number
from motcua.accounts.roles import ADMIN_ROLES
from motcua.agencies import services as agencies
from motcua.agencies.models import Agency

DEMO_PASSWORD = "motcua-demo"
PROVINCE = "20"  # Lạng Sơn
WARD = "05977"  # phường Đông Kinh
COMMUNE = "06184"  # xã Đồng Đăng


@dataclass(frozen=True)
class DemoAccount:
    username: str
    full_name: str
    role: str
    where: tuple[str, str] | None = None  # (kind of agency, unit code or department key)
    id_number: str = ""
    phone: str = ""


def _agency(where: tuple[str, str]) -> Agency:
    kind, which = where
    if kind == "province_center":
        return agencies.province_service_center(which)
    if kind == "department":
        return agencies.department_for(PROVINCE, which)
    if kind == "commune_center":
        return agencies.commune_center(which)
    return agencies.commune_committee(which)


CENTER = ("province_center", PROVINCE)
JUSTICE = ("department", "justice")
AGRICULTURE = ("department", "agriculture_environment")

# Fabricated people. ID numbers follow the CCCD layout (birth-province 020 = Lạng Sơn,
# century/sex digit, year of birth, 6 digits) but are made up.
DEMO_ACCOUNTS: tuple[DemoAccount, ...] = (
    DemoAccount("quantri", "Quản trị hệ thống", Role.SYSTEM_ADMIN),
    DemoAccount("quanly.trungtam", "Lương Thị Hoa", Role.CENTER_MANAGER, CENTER),
    DemoAccount("quantri.danhmuc", "Vi Văn Thành", Role.CATALOG_MANAGER, ("department", "office")),
    DemoAccount("tiepnhan.tinh", "Hoàng Thị Mai", Role.RECEPTIONIST, CENTER),
    DemoAccount("tiepnhan.dongkinh", "Nông Thị Lan", Role.RECEPTIONIST, ("commune_center", WARD)),
    DemoAccount("quanly.dongkinh", "Lăng Văn Tuấn", Role.CENTER_MANAGER, ("commune_center", WARD)),
    DemoAccount("chuyenvien.dongkinh", "Dương Thị Thu", Role.SPECIALIST, ("commune_committee", WARD)),
    DemoAccount("lanhdao.dongkinh", "Hoàng Văn Bình", Role.LEADER, ("commune_committee", WARD)),
    DemoAccount("tiepnhan.dongdang", "Chu Văn Hải", Role.RECEPTIONIST, ("commune_center", COMMUNE)),
    DemoAccount("chuyenvien.dongdang", "Lộc Thị Hạnh", Role.SPECIALIST, ("commune_committee", COMMUNE)),
    DemoAccount("lanhdao.dongdang", "Triệu Văn Sơn", Role.LEADER, ("commune_committee", COMMUNE)),
    DemoAccount("chuyenvien.sotuphap", "Nguyễn Thị Hương", Role.SPECIALIST, JUSTICE),
    DemoAccount("lanhdao.sotuphap", "Phạm Văn Đức", Role.LEADER, JUSTICE),
    DemoAccount("chuyenvien.sonnmt", "Hà Thị Ngọc", Role.SPECIALIST, AGRICULTURE),
    DemoAccount("lanhdao.sonnmt", "Mã Văn Long", Role.LEADER, AGRICULTURE),
    DemoAccount("congdan.an", "Hoàng Văn An", Role.CITIZEN, None, "020090001234", "0900000101"),
    DemoAccount("congdan.binh", "Nông Thị Bình", Role.CITIZEN, None, "020195005678", "0900000102"),
)


@transaction.atomic
def ensure_demo_accounts() -> list[User]:
    """Create or refresh the demo accounts (same usernames, roles, agencies and password)."""
    users = []
    for account in DEMO_ACCOUNTS:
        is_admin = account.role == Role.SYSTEM_ADMIN
        user, _created = User.objects.update_or_create(username=account.username, defaults={
            "full_name": account.full_name, "role": account.role,
            "agency": _agency(account.where) if account.where else None,
            "id_number": account.id_number, "phone": account.phone,
            "is_staff": account.role in ADMIN_ROLES, "is_superuser": is_admin, "is_active": True,
        })
        if not user.check_password(DEMO_PASSWORD):
            user.set_password(DEMO_PASSWORD)
            user.save(update_fields=["password"])
        if account.role == Role.CITIZEN and user.id_verified_at is None:
            # The demo's citizens showed their ID cards at a counter: their data warehouse is open.
            user.mark_id_verified(IdVerification.COUNTER)
            user.save(update_fields=["id_verified_at", "id_verified_by"])
        users.append(user)
    return users


def accounts_table(users: list[User]) -> list[str]:
    """A plain-text table: user name, role, agency (and a masked ID number for citizens)."""
    rows = [(_("Tài khoản"), _("Vai trò"), _("Cơ quan / số định danh"))]
    for user in users:
        where = user.agency.name if user.agency else mask_id_number(user.id_number)
        rows.append((user.username, str(user.get_role_display()), where))
    widths = [max(len(row[i]) for row in rows) for i in range(2)]
    lines = [f"{row[0]:<{widths[0]}}  {row[1]:<{widths[1]}}  {row[2]}" for row in rows]
    lines.insert(1, "-" * (widths[0] + widths[1] + 4 + max(len(row[2]) for row in rows)))
    return lines


def print_accounts(command: Any, users: list[User] | None = None) -> None:
    """The table of demo accounts; the demo command may call it again as its last words."""
    if users is None:
        usernames = [account.username for account in DEMO_ACCOUNTS]
        found = {u.username: u for u in User.objects.filter(username__in=usernames).select_related("agency")}
        users = [found[name] for name in usernames if name in found]
    command.stdout.write(_("Tài khoản mẫu (mật khẩu chung: %(password)s):") % {"password": DEMO_PASSWORD})
    for line in accounts_table(users):
        command.stdout.write("  " + line)


def load(command: Any, data_dir: Path) -> None:
    users = ensure_demo_accounts()
    command.stdout.write(_("Tài khoản mẫu: %(count)d (in ra ở cuối).") % {"count": len(users)})
