"""`motcua agencies list`: a province's agencies with their codes (Decision 20/2020/QĐ-TTg)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from motcua.agencies.models import Agency
from motcua.agencies.services import AgencyError, agencies_of
from motcua.core.cli import BadInput, to_json


def agency_as_dict(agency: Agency) -> dict[str, str]:
    return {"code": agency.code, "name": agency.name, "kind": agency.kind, "unit_code": agency.unit.code}


class Command(BaseCommand):
    help = _("Cơ quan của tỉnh: mã định danh, tên, loại, đơn vị hành chính.")

    def add_arguments(self, parser: Any) -> None:
        actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
        listing = actions.add_parser("list", help=_("Liệt kê cơ quan của một tỉnh."))
        listing.add_argument("--province", default="20", help=_("Mã tỉnh (mặc định: 20, Lạng Sơn)."))
        listing.add_argument("--kind", default="", help=_("Chỉ một loại cơ quan, ví dụ customs."))
        listing.add_argument("--json", action="store_true", help=_("In kết quả dạng JSON."))

    def handle(self, *args: Any, **options: Any) -> None:
        kind = options["kind"]
        if kind and kind not in Agency.Kind.values:
            raise BadInput(_("Loại cơ quan không hợp lệ: “%(kind)s” (chọn một trong: %(kinds)s).") % {
                "kind": kind, "kinds": ", ".join(Agency.Kind.values)})
        try:
            agencies = agencies_of(options["province"], kind)
        except AgencyError as error:
            raise BadInput(str(error)) from None
        rows = [agency_as_dict(agency) for agency in agencies]
        if options["json"]:
            self.stdout.write(to_json(rows))
            return
        for row in rows:
            self.stdout.write(f"{row['code']}\t{row['kind']}\t{row['unit_code']}\t{row['name']}")
