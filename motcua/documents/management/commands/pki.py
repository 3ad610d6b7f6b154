"""`motcua pki init`: the province's local CA and a signing certificate per agency."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.utils.translation import gettext as _

from motcua.agencies.models import Agency
from motcua.core.cli import BadInput, to_json
from motcua.documents import pki


class Command(BaseCommand):
    help = "The province's PKI: `init` creates the CA and the agencies' certificates (idempotent)."

    def add_arguments(self, parser: CommandParser) -> None:
        actions = parser.add_subparsers(dest="action", required=True)
        init = actions.add_parser("init", help="Create the CA and a certificate for each active agency.")
        init.add_argument("--ca-name", default="", help="The CA's name (default: the province's).")
        init.add_argument("--json", action="store_true")

    def handle(self, *args: Any, **options: Any) -> None:
        agencies = list(Agency.objects.filter(is_active=True).order_by("code").values_list("code", "name"))
        ca_name = options["ca_name"] or self._province_name()
        try:
            report = pki.init_pki(agencies, ca_name)
        except pki.PkiError as error:
            raise BadInput(str(error)) from None
        if options["json"]:
            self.stdout.write(to_json({
                "directory": str(pki.pki_dir()), "ca_created": report.ca_created,
                "created": report.created, "existing": report.existing,
            }))
            return
        self.stdout.write(_("Thư mục PKI: %(path)s") % {"path": pki.pki_dir()})
        self.stdout.write(_("CA: %(state)s") % {
            "state": _("mới tạo") if report.ca_created else _("đã có")})
        self.stdout.write(_("Chứng thư mới: %(created)d, đã có: %(existing)d") % {
            "created": len(report.created), "existing": len(report.existing)})

    def _province_name(self) -> str:
        province = Agency.objects.filter(kind=Agency.Kind.PROVINCIAL_COMMITTEE).order_by("code").first()
        return f"CA {province.name}" if province else "CA motcua"
