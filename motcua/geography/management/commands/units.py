"""`motcua units import|show|find|history|list`: the administrative geography from the console."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand
from django.utils import timezone
from django.utils.translation import gettext as _

from motcua.core.cli import BadInput, parse_date, to_json
from motcua.geography import services
from motcua.geography.importer import ImportFailed, import_conversion_table, summary_lines
from motcua.geography.models import Unit


def _today() -> dt.date:
    return timezone.localdate()


class Command(BaseCommand):
    help = _("Đơn vị hành chính: nhập bảng chuyển đổi, tra cứu theo mã, tên, lịch sử, đơn vị trực thuộc.")

    def add_arguments(self, parser: Any) -> None:
        actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")

        imp = actions.add_parser(
            "import", help=_("Nhập bảng chuyển đổi đơn vị hành chính (CSV của Chính phủ)."))
        imp.add_argument("path", type=Path)
        imp.add_argument("--no-progress", action="store_true", help=_("Không hiện thanh tiến độ."))

        show = actions.add_parser("show", help=_("Đơn vị mang mã CODE vào ngày DATE."))
        show.add_argument("code")
        show.add_argument("--on", default=None, help=_("Ngày (mặc định: hôm nay)."))
        show.add_argument("--json", action="store_true")

        find = actions.add_parser("find", help=_("Tìm theo tên, không phân biệt dấu."))
        find.add_argument("name", nargs="+")
        find.add_argument("--on", default=None, help=_("Chỉ các đơn vị có hiệu lực vào ngày này."))
        find.add_argument("--level", choices=Unit.Level.values, default=None)
        find.add_argument("--json", action="store_true")

        hist = actions.add_parser("history", help=_("Các đơn vị trước và sau (nhập toàn bộ, một phần)."))
        hist.add_argument("code")
        hist.add_argument("--on", default=None)
        hist.add_argument("--json", action="store_true")

        lst = actions.add_parser("list", help=_("Các đơn vị trực thuộc một đơn vị vào một ngày."))
        lst.add_argument("--parent", required=True)
        lst.add_argument("--on", default=None, help=_("Ngày (mặc định: hôm nay)."))
        lst.add_argument("--json", action="store_true")

    def handle(self, *args: Any, **options: Any) -> None:
        action = options["action"]
        # Parsed here rather than as an argparse type so that a bad date is a BadInput (exit 2).
        if options.get("on"):
            options["on"] = parse_date(options["on"])
        try:
            getattr(self, f"do_{action}")(options)
        except services.GeographyError as exc:
            raise BadInput(str(exc)) from exc

    # --- import -------------------------------------------------------------------------------

    def do_import(self, options: dict[str, Any]) -> None:
        path: Path = options["path"]
        if not path.is_file():
            raise BadInput(_("Không tìm thấy tệp %(path)s.") % {"path": path})
        started = timezone.now()
        try:
            plan, result = import_conversion_table(path, progress=not options["no_progress"])
        except ImportFailed as failed:
            for problem in failed.plan.errors:
                self.stderr.write(str(problem))
            raise BadInput(_(
                "Tệp %(path)s có %(count)s lỗi; không thay đổi gì trong cơ sở dữ liệu."
            ) % {"path": path, "count": len(failed.plan.errors)}) from None
        for line in summary_lines(plan, result):
            self.stdout.write(line)
        seconds = (timezone.now() - started).total_seconds()
        self.stdout.write(_("Xong trong %(seconds).1f giây.") % {"seconds": seconds})

    # --- queries ------------------------------------------------------------------------------

    def _emit_json(self, data: Any) -> None:
        self.stdout.write(to_json(data))

    def _unit_line(self, unit: Unit) -> str:
        values = {
            "code": unit.code, "name": unit.name, "level": unit.get_level_display(),
            "parent": str(unit.parent), "validity": services.validity_text(unit),
        }
        if unit.parent is None:
            return _("%(code)s  %(name)s (%(level)s) — hiệu lực %(validity)s") % values
        return _("%(code)s  %(name)s (%(level)s) — thuộc %(parent)s — hiệu lực %(validity)s") % values

    def do_show(self, options: dict[str, Any]) -> None:
        day = options["on"] or _today()
        unit = services.unit_on(options["code"], day)
        if options["json"]:
            return self._emit_json({"on": day, **services.unit_to_dict(unit)})
        self.stdout.write(f"{unit.code}  {unit.name}")
        self.stdout.write(_("  Cấp: %(level)s") % {"level": unit.get_level_display()})
        if unit.parent is not None:
            self.stdout.write(_("  Thuộc: %(parent)s") % {"parent": str(unit.parent)})
        self.stdout.write(_("  Hiệu lực: %(validity)s") % {"validity": services.validity_text(unit)})
        self.stdout.write(_("  (theo ngày %(day)s)") % {"day": services.format_date(day)})

    def do_find(self, options: dict[str, Any]) -> None:
        name = " ".join(options["name"])
        units = services.find_units(name, on=options["on"], level=options["level"])
        if options["json"]:
            return self._emit_json([services.unit_to_dict(u) for u in units])
        if not units:
            self.stdout.write(_("Không tìm thấy đơn vị nào có tên chứa “%(name)s”.") % {"name": name})
            return
        for unit in units:
            self.stdout.write(self._unit_line(unit))
        self.stdout.write(_("%(count)s kết quả.") % {"count": len(units)})

    def do_history(self, options: dict[str, Any]) -> None:
        items = services.history(options["code"], options["on"])
        if options["json"]:
            return self._emit_json([services.history_to_dict(item) for item in items])
        for i, item in enumerate(items):
            if i:
                self.stdout.write("")
            self.stdout.write(self._unit_line(item.unit))
            if not item.predecessors and not item.successors:
                self.stdout.write(_("  Không có thay đổi nào được ghi nhận."))
            self._write_links(_("  Hình thành từ:"), item.predecessors, "←")
            self._write_links(_("  Sắp xếp vào:"), item.successors, "→")

    def _write_links(self, title: str, links: list[services.Link], arrow: str) -> None:
        if not links:
            return
        self.stdout.write(title)
        for link in links:
            values = {
                "arrow": arrow, "unit": str(link.unit), "parent": str(link.unit.parent),
                "kind": link.kind_label.lower(), "day": services.format_date(link.effective),
            }
            if link.unit.parent is None:
                self.stdout.write(_("    %(arrow)s %(unit)s — %(kind)s từ %(day)s") % values)
            else:
                self.stdout.write(_("    %(arrow)s %(unit)s, %(parent)s — %(kind)s từ %(day)s") % values)

    def do_list(self, options: dict[str, Any]) -> None:
        day = options["on"] or _today()
        units = services.children_on(options["parent"], day)
        if options["json"]:
            return self._emit_json([services.unit_to_dict(u) for u in units])
        for unit in units:
            self.stdout.write(f"{unit.code}\t{unit.get_level_display()}\t{unit.name}")


