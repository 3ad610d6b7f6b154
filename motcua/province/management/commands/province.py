"""`motcua province setup|check`: a province's agencies from its list, and what it still lacks."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from motcua.agencies.services import AgencyError
from motcua.core.cli import BadInput, to_json
from motcua.geography.services import GeographyError
from motcua.province.check import check_province
from motcua.province.setup import SetupError, setup_by_scheme, setup_from_file


class Command(BaseCommand):
    help = _("Thiết lập cơ quan của tỉnh và kiểm tra những gì còn thiếu.")

    def add_arguments(self, parser: Any) -> None:
        actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
        setup = actions.add_parser("setup", help=_("Tạo hoặc cập nhật cơ quan của tỉnh."))
        setup.add_argument("--province", default="20", help=_("Mã tỉnh (mặc định: 20, Lạng Sơn)."))
        setup.add_argument("--agencies", default="", help=_(
            "Tệp CSV/XLSX danh sách cơ quan (không có: dùng quy ước mã của motcua)."))
        setup.add_argument("--json", action="store_true", help=_("In kết quả dạng JSON."))
        check = actions.add_parser("check", help=_("Liệt kê những gì tỉnh còn thiếu."))
        check.add_argument("--province", default="20", help=_("Mã tỉnh (mặc định: 20, Lạng Sơn)."))
        check.add_argument("--json", action="store_true", help=_("In kết quả dạng JSON."))

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            if options["action"] == "setup":
                self.setup(options)
            else:
                self.check(options)
        except (AgencyError, GeographyError) as error:
            raise BadInput(str(error)) from None

    def setup(self, options: dict[str, Any]) -> None:
        province = options["province"]
        try:
            if options["agencies"]:
                result = setup_from_file(province, Path(options["agencies"]))
            else:
                result = setup_by_scheme(province)
        except SetupError as error:
            for problem in error.problems:
                self.stderr.write(problem)
            raise BadInput(_("Tệp có %(count)s lỗi: không thay đổi gì.") % {"count": len(error.problems)}) from None
        if options["json"]:
            self.stdout.write(to_json(result.as_dict()))
            return
        for previous, official in result.renamed:
            self.stdout.write(_("Đổi mã %(previous)s → %(official)s") % {"previous": previous, "official": official})
        self.stdout.write(_(
            "Cơ quan: tạo mới %(created)s, cập nhật %(updated)s, giữ nguyên %(unchanged)s."
        ) % {"created": result.created, "updated": result.updated, "unchanged": result.unchanged})

    def check(self, options: dict[str, Any]) -> None:
        report = check_province(options["province"])
        if options["json"]:
            self.stdout.write(to_json(report.as_dict()))
            return
        write = self.stdout.write
        if report.complete:
            write(_("Không thiếu gì: tỉnh đã sẵn sàng."))
            return
        sections = (
            (_("Trung tâm chưa có quầy"), [f"{a.code} {a.name}" for a in report.centres_without_counters]),
            (_("Trung tâm chưa có cán bộ một cửa"), [f"{a.code} {a.name}" for a in report.centres_without_officers]),
            (_("Thủ tục chưa có cơ quan giải quyết"),
             [f"{p.code} ({desk}) {p.name}: {reason}" for p, desk, reason in report.undecided_procedures]),
            (_("Lĩnh vực chưa có sở, ngành giải quyết"), [f.name for f in report.fields_without_department]),
        )
        for title, lines in sections:
            if lines:
                write(f"{title} ({len(lines)}):")
                for line in lines:
                    write(f"  {line}")
