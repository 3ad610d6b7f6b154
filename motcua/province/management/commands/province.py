"""`motcua province setup|check`: a province's agencies from its list, and what it still lacks."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand
from django.utils import timezone
from django.utils.translation import gettext as _

from motcua.agencies.services import AgencyError, province_prefix
from motcua.catalog import reduction
from motcua.catalog.local import LocalCatalogError, import_announcement
from motcua.core.cli import BadInput, parse_date, to_json
from motcua.geography.services import GeographyError
from motcua.province.check import check_province
from motcua.province.setup import SetupError, setup_by_scheme, setup_from_file


class Command(BaseCommand):
    help = _("Thiết lập cơ quan của tỉnh và kiểm tra những gì còn thiếu.")

    def add_arguments(self, parser: Any) -> None:
        actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
        setup = actions.add_parser("setup", help=_("Tạo hoặc cập nhật cơ quan của tỉnh."))
        setup.add_argument("--province", default="20", help=_("Mã tỉnh (mặc định: 20, Lạng Sơn)."))
        setup.add_argument(
            "--agencies",
            default="",
            help=_("Tệp CSV/XLSX danh sách cơ quan (không có: dùng quy ước mã của motcua)."),
        )
        setup.add_argument("--json", action="store_true", help=_("In kết quả dạng JSON."))
        check = actions.add_parser("check", help=_("Liệt kê những gì tỉnh còn thiếu."))
        check.add_argument("--province", default="20", help=_("Mã tỉnh (mặc định: 20, Lạng Sơn)."))
        check.add_argument("--json", action="store_true", help=_("In kết quả dạng JSON."))
        catalog = actions.add_parser(
            "catalog",
            help=_("Nhập quyết định công bố danh mục thủ tục của tỉnh (thời hạn, phí, quy trình nội bộ)."),
        )
        catalog.add_argument("file", help=_("Tệp XLSX/CSV của quyết định công bố."))
        catalog.add_argument("--province", default="20", help=_("Mã tỉnh (mặc định: 20, Lạng Sơn)."))
        catalog.add_argument("--json", action="store_true", help=_("In kết quả dạng JSON."))
        reduced = actions.add_parser(
            "reduction", help=_("Tỷ lệ cắt giảm thời hạn giải quyết so với quy định.")
        )
        reduced.add_argument("--province", default="20", help=_("Mã tỉnh (mặc định: 20, Lạng Sơn)."))
        reduced.add_argument("--on", default="", help=_("Ngày (mặc định: hôm nay)."))
        reduced.add_argument("--json", action="store_true", help=_("In kết quả dạng JSON."))

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            action = options["action"]
            if action == "setup":
                self.run_setup(options)
            elif action == "check":
                self.run_check(options)
            elif action == "catalog":
                self.run_catalog(options)
            else:
                self.run_reduction(options)
        except (AgencyError, GeographyError) as error:
            raise BadInput(str(error)) from None

    def run_setup(self, options: dict[str, Any]) -> None:
        province = options["province"]
        try:
            if options["agencies"]:
                result = setup_from_file(province, Path(options["agencies"]))
            else:
                result = setup_by_scheme(province)
        except SetupError as error:
            for problem in error.problems:
                self.stderr.write(problem)
            raise BadInput(
                _("Tệp có %(count)s lỗi: không thay đổi gì.") % {"count": len(error.problems)}
            ) from None
        if options["json"]:
            self.stdout.write(to_json(result.as_dict()))
            return
        for previous, official in result.renamed:
            self.stdout.write(
                _("Đổi mã %(previous)s → %(official)s") % {"previous": previous, "official": official}
            )
        self.stdout.write(
            _("Cơ quan: tạo mới %(created)s, cập nhật %(updated)s, giữ nguyên %(unchanged)s.")
            % {"created": result.created, "updated": result.updated, "unchanged": result.unchanged}
        )

    def run_check(self, options: dict[str, Any]) -> None:
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
            (
                _("Trung tâm chưa có cán bộ một cửa"),
                [f"{a.code} {a.name}" for a in report.centres_without_officers],
            ),
            (
                _("Thủ tục chưa có cơ quan giải quyết"),
                [f"{p.code} ({desk}) {p.name}: {reason}" for p, desk, reason in report.undecided_procedures],
            ),
            (_("Lĩnh vực chưa có sở, ngành giải quyết"), [f.name for f in report.fields_without_department]),
        )
        for title, lines in sections:
            if lines:
                write(f"{title} ({len(lines)}):")
                for line in lines:
                    write(f"  {line}")

    def run_catalog(self, options: dict[str, Any]) -> None:
        try:
            result = import_announcement(Path(options["file"]), province_prefix(options["province"]))
        except LocalCatalogError as error:
            for problem in error.problems:
                self.stderr.write(problem)
            raise BadInput(
                _("Quyết định có %(count)s lỗi: không thay đổi gì.") % {"count": len(error.problems)}
            ) from None
        if options["json"]:
            self.stdout.write(to_json(result.as_dict()))
            return
        self.stdout.write(
            _(
                "Quyết định %(number)s ngày %(day)s: phiên bản mới %(created)s, cập nhật %(updated)s, "
                "giữ nguyên %(unchanged)s."
            )
            % {
                "number": result.number,
                "day": result.signed_on.strftime("%d/%m/%Y"),
                "created": result.created,
                "updated": result.updated,
                "unchanged": result.unchanged,
            }
        )

    def run_reduction(self, options: dict[str, Any]) -> None:
        on = parse_date(options["on"]) if options["on"] else timezone.localdate()
        report = reduction.report(province_prefix(options["province"]), on)
        groups = [report.province, *report.by_level, *report.by_field]
        if options["json"]:
            self.stdout.write(
                to_json(
                    {
                        "on": on,
                        "groups": [
                            {
                                "key": g.key,
                                "label": g.label,
                                "procedures": g.procedures,
                                "not_comparable": g.not_comparable,
                                "national_days": g.national_days,
                                "local_days": g.local_days,
                                "percent": g.percent,
                            }
                            for g in groups
                        ],
                        "procedures": [
                            {
                                "code": p.local.procedure.code,
                                "national_days": p.national_days,
                                "local_days": p.local_days,
                                "percent": p.percent,
                            }
                            for p in report.procedures
                        ],
                    }
                )
            )
            return
        for group in groups:
            self.stdout.write(
                _("%(label)s: %(count)s thủ tục, %(national)s → %(local)s ngày, cắt giảm %(percent)s%%")
                % {
                    "label": group.label,
                    "count": group.procedures,
                    "national": group.national_days.normalize(),
                    "local": group.local_days.normalize(),
                    "percent": "—" if group.percent is None else group.percent,
                }
            )
