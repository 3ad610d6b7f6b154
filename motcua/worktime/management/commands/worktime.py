"""`motcua worktime due|elapsed|days`: the working calendar from the command line."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.db import DatabaseError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from motcua.core.cli import BadInput, to_json
from motcua.worktime.calendars import calendar_for
from motcua.worktime.core import MAX_YEAR, MIN_YEAR, TZ, TimeLimit, WorkCalendar, parse_datetime

WEEKDAYS = [
    gettext_lazy("Thứ Hai"),
    gettext_lazy("Thứ Ba"),
    gettext_lazy("Thứ Tư"),
    gettext_lazy("Thứ Năm"),
    gettext_lazy("Thứ Sáu"),
    gettext_lazy("Thứ Bảy"),
    gettext_lazy("Chủ nhật"),
]


def _datetime(text: str) -> dt.datetime:
    try:
        return parse_datetime(text, TZ)
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


def _year(text: str) -> int:
    try:
        year = int(text)
    except ValueError:
        raise BadInput(_("Năm không hợp lệ: %(value)r (ví dụ 2026).") % {"value": text}) from None
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise BadInput(_out_of_range())
    return year


def _out_of_range() -> str:
    message = _("Lịch làm việc chỉ tính được cho các năm từ %(first)s đến %(last)s.")
    return message % {"first": MIN_YEAR, "last": MAX_YEAR}


def _hours(delta: dt.timedelta) -> str:
    hours = Decimal(delta // dt.timedelta(microseconds=1)) / Decimal(3_600_000_000)
    text = format(hours.quantize(Decimal("0.01")).normalize(), "f")
    return text


class Command(BaseCommand):
    help = "Working-time calendar: due times, elapsed working hours, days off and make-up working days."
    # A calculator for operators and scripts: it must answer even while another app's URLs or
    # models are broken, so Django's system checks are not run first.
    requires_system_checks: list[str] = []

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
        # Read every input before touching the database, so that bad input gives one line.
        action = options["action"]
        if action == "due":
            start = _datetime(options["start"])
            limit = _limit(options["limit"])
            self._print_due(self._calendar(options["province"]), start, limit, options["json"])
        elif action == "elapsed":
            start, end = _datetime(options["start"]), _datetime(options["end"])
            self._print_elapsed(self._calendar(options["province"]), start, end, options["json"])
        else:
            year = _year(options["year"])
            self._print_days(self._calendar(options["province"]), year, options["json"])

    def _calendar(self, province_code: str | None) -> WorkCalendar:
        try:
            return calendar_for(province_code)
        except DatabaseError:
            # No database yet (before `migrate`): the national calendar still answers correctly.
            self.stderr.write(_("Chưa có cơ sở dữ liệu: dùng lịch quốc gia, không có ngày riêng của tỉnh."))
            return WorkCalendar()

    def _print_due(self, calendar: WorkCalendar, start: dt.datetime, limit: TimeLimit, as_json: bool) -> None:
        try:
            due = calendar.add(start, limit)
        except ValueError:  # the only failure left: a result beyond the supported years
            raise BadInput(_out_of_range()) from None
        if as_json:
            self.stdout.write(to_json({"from": start, "limit": str(limit), "due": due}))
        else:
            self.stdout.write(due.isoformat())

    def _print_elapsed(
        self, calendar: WorkCalendar, start: dt.datetime, end: dt.datetime, as_json: bool
    ) -> None:
        try:
            elapsed = calendar.elapsed(start, end)
        except ValueError:
            raise BadInput(_out_of_range()) from None
        if as_json:
            data = {"from": start, "to": end, "hours": _hours(elapsed), "seconds": elapsed.total_seconds()}
            self.stdout.write(to_json(data))
        else:
            self.stdout.write(_hours(elapsed))

    def _print_days(self, calendar: WorkCalendar, year: int, as_json: bool) -> None:
        days = calendar.special_days(year)
        if as_json:
            rows = [{"day": d.day, "working": d.working, "reason": d.reason} for d in days]
            self.stdout.write(to_json(rows))
            return
        width = max(len(str(name)) for name in WEEKDAYS)
        for d in days:
            status = _("làm việc") if d.working else _("nghỉ")
            weekday = str(WEEKDAYS[d.day.weekday()])
            self.stdout.write(f"{d.day.isoformat()}  {weekday:<{width}}  {status:<9}  {d.reason}")
