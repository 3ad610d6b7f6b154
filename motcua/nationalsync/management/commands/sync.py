"""`motcua sync deliver [--loop] | export --from --to`: the National Public Service Portal's sync."""

from __future__ import annotations

import signal
import sys
import time
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandParser
from django.utils.translation import gettext as _

from motcua.core.cli import BadInput, parse_date, to_json
from motcua.nationalsync import delivery, export


class Command(BaseCommand):
    help = "National portal sync: send the outbox (deliver), write the messages of a period (export)."

    def add_arguments(self, parser: CommandParser) -> None:
        actions = parser.add_subparsers(dest="action", required=True)
        deliver = actions.add_parser("deliver", help="Send the due messages, in order per dossier.")
        deliver.add_argument("--loop", action="store_true",
                             help="Keep running: send, then wait MOTCUA_SYNC_POLL_SECONDS when idle.")
        deliver.add_argument("--json", action="store_true")
        exp = actions.add_parser("export", help="The messages of a period, one JSON object a line.")
        exp.add_argument("--from", dest="start", required=True)
        exp.add_argument("--to", dest="end", required=True)
        exp.add_argument("--output", type=Path, default=None, help="File (default: standard output).")

    def handle(self, *args: Any, **options: Any) -> None:
        getattr(self, "handle_" + options["action"])(options)

    def handle_deliver(self, options: dict[str, Any]) -> None:
        if not settings.MOTCUA_SYNC_URL:
            raise BadInput(_("Chưa cấu hình địa chỉ đồng bộ (MOTCUA_SYNC_URL)."))
        if not options["loop"]:
            self._print(delivery.deliver_pending(), options["json"])
            return
        stopping = []
        signal.signal(signal.SIGTERM, lambda *_args: stopping.append(True))
        while not stopping:
            report = delivery.deliver_pending()
            if report.sent or report.failed_attempts:
                self._print(report, options["json"])
            if not report.sent:
                time.sleep(settings.MOTCUA_SYNC_POLL_SECONDS)

    def _print(self, report: delivery.Report, as_json: bool) -> None:
        if as_json:
            self.stdout.write(to_json({"sent": report.sent, "failed_attempts": report.failed_attempts,
                                       "gave_up": report.gave_up, "errors": report.errors}))
            return
        self.stdout.write(_("Đã gửi %(sent)d thông điệp; %(failed)d lần gửi không thành công; "
                            "%(gave_up)d thông điệp dừng thử lại.") % {
            "sent": report.sent, "failed": report.failed_attempts, "gave_up": report.gave_up})
        for error in report.errors:
            self.stderr.write(error)

    def handle_export(self, options: dict[str, Any]) -> None:
        start, end = parse_date(options["start"]), parse_date(options["end"])
        if end < start:
            raise BadInput(_("Ngày kết thúc phải sau hoặc bằng ngày bắt đầu."))
        output = options["output"]
        stream = output.open("w", encoding="utf-8") if output else sys.stdout
        count = 0
        try:
            for line in export.lines(start, end):
                stream.write(line + "\n")
                count += 1
        finally:
            if output:
                stream.close()
        if output:
            self.stdout.write(_("Đã ghi %(count)d thông điệp vào %(path)s.")
                              % {"count": count, "path": output})
