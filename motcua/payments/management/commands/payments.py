"""`motcua payments settle|reconcile`: settle orders whose notification was lost; the daily reconciliation."""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone
from django.utils.translation import gettext as _

from motcua.core.cli import parse_date, to_json
from motcua.payments import services
from motcua.payments.gateways import GatewayError
from motcua.worktime.core import TZ


class Command(BaseCommand):
    help = "Online payment: settle open orders by asking the platform; reconcile one day."

    def add_arguments(self, parser: CommandParser) -> None:
        actions = parser.add_subparsers(dest="action", required=True)
        settle = actions.add_parser(
            "settle", help="Ask the platform about open orders and apply its answers."
        )
        settle.add_argument(
            "--older-than",
            type=int,
            default=None,
            metavar="MINUTES",
            help="Only orders opened at least this long ago (default MOTCUA_PAYMENT_SETTLE_AFTER_MINUTES).",
        )
        settle.add_argument("--json", action="store_true")
        rec = actions.add_parser(
            "reconcile",
            help="List mismatches between the platform's transactions of a day and motcua's; exit 1 if any.",
        )
        rec.add_argument(
            "--date", default=None, help="The day (YYYY-MM-DD or DD/MM/YYYY; default yesterday)."
        )
        rec.add_argument("--gateway", default=None)
        rec.add_argument("--json", action="store_true")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["action"] == "settle":
            minutes = options["older_than"]
            done = services.settle_pending(dt.timedelta(minutes=minutes) if minutes is not None else None)
            if options["json"]:
                self.stdout.write(to_json(done))
                return
            for row in done:
                self.stdout.write(f"{row['order_id']}\t{row['result']}")
            self.stdout.write(_("Đã hỏi nền tảng về %(count)d đơn đang chờ.") % {"count": len(done)})
            return
        day = (
            parse_date(options["date"])
            if options["date"]
            else timezone.now().astimezone(TZ).date() - dt.timedelta(days=1)
        )
        try:
            mismatches = services.reconcile(day, options["gateway"])
        except GatewayError as error:
            raise CommandError(
                _("Không lấy được danh sách giao dịch của nền tảng: %(reason)s") % {"reason": error}
            ) from None
        except KeyError:
            raise CommandError(
                _("Không có cổng thanh toán “%(name)s”.") % {"name": options["gateway"]}
            ) from None
        if options["json"]:
            self.stdout.write(to_json({"date": day, "mismatches": [asdict(m) for m in mismatches]}))
        else:
            for m in mismatches:
                platform = "—" if m.platform_amount is None else m.platform_amount
                ours = "—" if m.motcua_amount is None else m.motcua_amount
                self.stdout.write(
                    f"{m.kind}\t{m.order_id}\t{m.dossier_code or '—'}\t"
                    f"{_('nền tảng')}: {platform} {m.platform_status}\t"
                    f"motcua: {ours} {m.motcua_status}\t{_(services.MISMATCH_LABELS[m.kind])}"
                )
            self.stdout.write(
                _("Đối soát ngày %(day)s: %(count)d chênh lệch.")
                % {"day": day.strftime("%d/%m/%Y"), "count": len(mismatches)}
            )
        if mismatches:
            raise SystemExit(1)
