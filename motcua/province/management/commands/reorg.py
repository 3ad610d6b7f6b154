"""`motcua reorg plan|apply --on DATE --file FILE`: agencies and dossiers through a reorganisation."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from motcua.core.cli import BadInput, parse_date, to_json
from motcua.province.reorg import ReorgError, reorganise
from motcua.province.unitstats import NEW, OLD, figures_by_unit


class Command(BaseCommand):
    help = _("Sắp xếp cơ quan theo bảng chuyển đổi đơn vị hành chính; chuyển hồ sơ đang giải quyết.")

    def add_arguments(self, parser: Any) -> None:
        actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
        for name, text in (
            ("plan", _("In những gì sẽ thay đổi (không thay đổi gì).")),
            ("apply", _("Thực hiện trong một giao dịch.")),
        ):
            action = actions.add_parser(name, help=text)
            action.add_argument("--on", required=True, help=_("Ngày hiệu lực, ví dụ 2025-07-01."))
            action.add_argument(
                "--file", required=True, help=_("Bảng chuyển đổi (cột như bảng của Chính phủ).")
            )
            action.add_argument("--json", action="store_true", help=_("In kết quả dạng JSON."))
            if name == "apply":
                action.add_argument(
                    "--expect",
                    default="",
                    help=_("Mã kế hoạch do “reorg plan” in ra: từ chối nếu kế hoạch đã khác."),
                )

        stats = actions.add_parser(
            "stats", help=_("Số liệu hồ sơ của một kỳ qua thời điểm sắp xếp, theo đơn vị cũ hoặc mới.")
        )
        stats.add_argument("--from", dest="start", required=True, help=_("Từ ngày."))
        stats.add_argument("--to", dest="end", required=True, help=_("Đến ngày."))
        stats.add_argument(
            "--by",
            choices=[OLD, NEW],
            default=NEW,
            help=_("Nhóm theo đơn vị hành chính cũ (old) hay mới (new)."),
        )
        stats.add_argument("--json", action="store_true", help=_("In kết quả dạng JSON."))

    def run_stats(self, options: dict[str, Any]) -> None:
        start, end = parse_date(options["start"]), parse_date(options["end"])
        if end < start:
            raise BadInput(_("Ngày kết thúc trước ngày bắt đầu."))
        rows = figures_by_unit(start, end, options["by"])
        if options["json"]:
            self.stdout.write(to_json([row.as_dict() for row in rows]))
            return
        self.stdout.write(_("Đơn vị\tTiếp nhận\tĐã giải quyết\tQuá hạn\tĐang giải quyết cuối kỳ"))
        for row in rows:
            self.stdout.write(f"{row.label}\t{row.received}\t{row.finished}\t{row.late}\t{row.open_at_end}")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["action"] == "stats":
            self.run_stats(options)
            return
        on = parse_date(options["on"])
        path = Path(options["file"])
        if not path.is_file():
            raise BadInput(_("Không tìm thấy tệp %(path)s.") % {"path": path})
        apply = options["action"] == "apply"
        try:
            result = reorganise(path, on, apply=apply, expect=options.get("expect") or "")
        except ReorgError as error:
            for problem in error.problems:
                self.stderr.write(problem)
            raise BadInput(
                _("Không thể sắp xếp: %(count)s vấn đề, không thay đổi gì.") % {"count": len(error.problems)}
            ) from None
        if options["json"]:
            self.stdout.write(to_json(result.as_dict()))
            return
        for line in result.lines():
            self.stdout.write(line)
        if apply:
            self.stdout.write(_("Đã thực hiện (mã kế hoạch %(digest)s).") % {"digest": result.digest})
        else:
            self.stdout.write(
                _("Mã kế hoạch: %(digest)s (chưa thay đổi gì; thực hiện: reorg apply --expect %(digest)s).")
                % {"digest": result.digest}
            )
