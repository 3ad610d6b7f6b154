"""`motcua jobs list|run|sync`: the periodic jobs from the command line."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django_q.models import Failure, Schedule

from motcua.core.cli import BadInput, to_json
from motcua.jobs import registry, runner


class Command(BaseCommand):
    help = "Periodic jobs: list them with their next run, run one now, write the schedules."

    def add_arguments(self, parser: CommandParser) -> None:
        actions = parser.add_subparsers(dest="action", required=True)
        listing = actions.add_parser("list", help="The registered jobs, their period, next run and failures.")
        listing.add_argument("--json", action="store_true")
        run = actions.add_parser("run", help="Run one registered job now, in this process.")
        run.add_argument("name")
        run.add_argument("--json", action="store_true")
        actions.add_parser(
            "sync",
            help="Write the registered jobs into the schedule table (the worker does it when it starts).",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        getattr(self, "handle_" + options["action"])(options)

    def handle_list(self, options: dict[str, Any]) -> None:
        schedules = {s.name: s for s in Schedule.objects.filter(name__startswith=runner.PERIODIC_PREFIX)}
        rows = []
        for job in registry.registered():
            schedule = schedules.get(runner.PERIODIC_PREFIX + job.name)
            rows.append(
                {
                    "name": job.name,
                    "description": str(job.description),
                    "every_minutes": job.minutes,
                    "daily_at": job.daily_at.strftime("%H:%M") if job.daily_at else None,
                    "next_run": timezone.localtime(schedule.next_run).isoformat()
                    if schedule and schedule.next_run
                    else None,
                    # Scheduled runs are grouped under their schedule's name (the retries under theirs).
                    "failures": Failure.objects.filter(
                        Q(group=runner.PERIODIC_PREFIX + job.name)
                        | Q(group__startswith=f"{runner.RETRY_PREFIX}{job.name}:")
                    ).count(),
                }
            )
        if options["json"]:
            self.stdout.write(to_json(rows))
            return
        for row in rows:
            period = (
                _("mỗi %(n)s phút") % {"n": row["every_minutes"]}
                if row["every_minutes"]
                else _("hằng ngày lúc %(t)s") % {"t": row["daily_at"]}
            )
            self.stdout.write(
                f"{row['name']}: {row['description']} — {period}; "
                + _("lần chạy tới: %(at)s; lỗi: %(n)s") % {"at": row["next_run"] or "—", "n": row["failures"]}
            )

    def handle_run(self, options: dict[str, Any]) -> None:
        if registry.get(options["name"]) is None:
            raise BadInput(_("Không có công việc nền tên %(name)s.") % {"name": options["name"]})
        result = runner.run_now(options["name"])
        self.stdout.write(to_json(result) if options["json"] else str(result))

    def handle_sync(self, options: dict[str, Any]) -> None:
        report = runner.sync_schedules()
        self.stdout.write(
            _("Lịch chạy: mới %(c)s, đổi %(u)s, bỏ %(r)s.")
            % {"c": len(report["created"]), "u": len(report["updated"]), "r": len(report["removed"])}
        )
