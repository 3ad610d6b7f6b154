"""`motcua accounts duplicate-ids`: accounts that share a personal ID number (to merge or correct)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.db.models import Count
from django.utils.translation import gettext as _

from motcua.accounts.models import User
from motcua.accounts.privacy import mask_id_number
from motcua.core.cli import to_json


def duplicate_id_numbers() -> list[dict[str, Any]]:
    """Each ID number held by more than one account, masked, with those accounts (oldest first)."""
    numbers = (User.objects.exclude(id_number="").values("id_number").annotate(n=Count("id"))
               .filter(n__gt=1).order_by("id_number").values_list("id_number", flat=True))
    found = []
    for number in numbers:
        # Only the columns named: the command runs before migration 0004, on a table that may
        # lack the later columns of the model.
        accounts = (User.objects.filter(id_number=number).order_by("date_joined", "pk")
                    .values("pk", "username", "role", "is_active", "date_joined", "last_login"))
        found.append({
            "id_number": mask_id_number(number),
            "accounts": [{"id": u["pk"], "username": u["username"], "role": u["role"],
                          "active": u["is_active"], "joined": u["date_joined"], "last_login": u["last_login"]}
                         for u in accounts],
        })
    return found


class Command(BaseCommand):
    help = "Accounts: list the personal ID numbers that several accounts share."

    def add_arguments(self, parser: CommandParser) -> None:
        actions = parser.add_subparsers(dest="action", required=True)
        duplicates = actions.add_parser("duplicate-ids",
                                        help="ID numbers shared by several accounts (masked).")
        duplicates.add_argument("--json", action="store_true")

    def handle(self, *args: Any, **options: Any) -> None:
        found = duplicate_id_numbers()
        if options["json"]:
            self.stdout.write(to_json(found))
            return
        if not found:
            self.stdout.write(_("Không có số định danh nào dùng cho nhiều tài khoản."))
            return
        for entry in found:
            names = ", ".join(f"{a['username']} (#{a['id']})" for a in entry["accounts"])
            self.stdout.write(f"{entry['id_number']}: {names}")
        self.stdout.write(_("%(count)d số định danh dùng cho nhiều tài khoản.") % {"count": len(found)})
