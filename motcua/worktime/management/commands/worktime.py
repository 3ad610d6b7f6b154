"""`motcua worktime due|elapsed|days`: the working calendar from the command line."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.db import DatabaseError
from django.utils.translation import gettext as _

from motcua.core.cli import BadInput, to_json
from motcua.worktime.calendars import calendar_for
from motcua.worktime.core import TimeLimit, WorkCalendar, parse_datetime

WEEKDAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]


def _datetime(text: str, calendar: WorkCalendar) -> dt.datetime:
    try:
        return parse_datetime(text, calendar.tz)
    except ValueError:
        message = _("Ngày giờ không hợp lệ: %(value)r (dùng YYYY-MM-DD HH:MM, ví dụ 2026-02-13 10:00).")
        raise BadInput(message % {"value": text}) from None


def _limit(text: str) -> TimeLimit:
    try:
        return TimeLimit.parse(text)
    except ValueError:
        raise BadInput(
            _(
                "Thời hạn không hợp lệ: %(value)r (ví dụ: 5 ngày làm việc, 4 giờ làm việc, 30 ngày, "
                "5 working days, 30 days)."
            )
            % {"value": text}
        ) from None


def _hours(delta: dt.timedelta) -> str:
    hours = Decimal(delta // dt.timedelta(microseconds=1)) / Decimal(3_600_000_000)
    text = format(hours.quantize(Decimal("0.01")).normalize(), "f")
    return text


class Command(BaseCommand):
    help = "Working-time calendar: due times, elapsed working hours, days off and make-up working days."

    def add_arguments(self, parser: CommandParser) -> None:
        common = CommandParser(add_help=False)
        common.add_argument("--province", default=None, help="Province code (default: MOTCUA_PROVINCE_CODE).")
        common.add_argument("--json", action="store_true", help="Print JSON.")
        actions = parser.add_subparsers(dest="action", required=True)
        due = actions.add_parser(
            "due", parents=[common], help="Due time of a time limit counted from a received time."
        )
        due.add_argument("--from", dest="start", required=True, help='Received, e.g. "2026-02-13 10:00".')
        due.add_argument("--limit", required=True, help='e.g. "5 working days", "5 ngày làm việc".')
        elapsed = actions.add_parser("elapsed", parents=[common], help="Working hours between two instants.")
        elapsed.add_argument("--from", dest="start", required=True)
        elapsed.add_argument("--to", dest="end", required=True)
        days = actions.add_parser(
            "days", parents=[common], help="Non-working weekdays and working weekend days of a year."
        )
        days.add_argument("year", help="e.g. 2026")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            calendar = self._calendar(options["province"])
            getattr(self, f"handle_{options['action']}")(calendar, options)
        except ValueError as error:  # from the core: out-of-range years, naive datetimes...
            raise BadInput(str(error)) from None

    def _calendar(self, province_code: str | None) -> WorkCalendar:
        try:
            return calendar_for(province_code)
        except DatabaseError:
            # No database yet (before `migrate`): the national calendar still answers correctly.
            self.stderr.write(_("Chưa có cơ sở dữ liệu: dùng lịch quốc gia, không có ngày riêng của tỉnh."))
            return WorkCalendar()

    def handle_due(self, calendar: WorkCalendar, options: dict[str, Any]) -> None:
        start = _datetime(options["start"], calendar)
        limit = _limit(options["limit"])
        due = calendar.add(start, limit)
        if options["json"]:
            self.stdout.write(to_json({"from": start, "limit": str(limit), "due": due}))
        else:
            self.stdout.write(due.isoformat())

    def handle_elapsed(self, calendar: WorkCalendar, options: dict[str, Any]) -> None:
        start = _datetime(options["start"], calendar)
        end = _datetime(options["end"], calendar)
        elapsed = calendar.elapsed(start, end)
        if options["json"]:
            data = {"from": start, "to": end, "hours": _hours(elapsed), "seconds": elapsed.total_seconds()}
            self.stdout.write(to_json(data))
        else:
            self.stdout.write(_hours(elapsed))

    def handle_days(self, calendar: WorkCalendar, options: dict[str, Any]) -> None:
        try:
            year = int(options["year"])
        except ValueError:
            message = _("Năm không hợp lệ: %(value)r (ví dụ 2026).")
            raise BadInput(message % {"value": options["year"]}) from None
        days = calendar.special_days(year)
        if options["json"]:
            self.stdout.write(
                to_json([{"day": d.day, "working": d.working, "reason": d.reason} for d in days])
            )
            return
        for d in days:
            status = _("làm việc") if d.working else _("nghỉ")
            self.stdout.write(f"{d.day.isoformat()}  {WEEKDAYS[d.day.weekday()]}  {status:<9}  {d.reason}")
