"""`motcua worker`: the background worker (django-q2 cluster) with the registered schedules."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandParser
from django.utils.translation import gettext as _

from motcua.jobs import runner


class Command(BaseCommand):
    help = "Run the background worker: queued jobs and the periodic jobs (docs/jobs.md)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--run-once",
            action="store_true",
            help="Start, then stop at once (checks that the worker can start).",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        from django_q.cluster import Cluster

        report = runner.sync_schedules()
        broker = "Redis" if settings.Q_CLUSTER.get("redis") else _("cơ sở dữ liệu")
        self.stdout.write(
            _(
                "Bộ chạy công việc nền: %(n)s công việc định kỳ (mới %(c)s, đổi %(u)s, bỏ %(r)s); "
                "hàng đợi: %(b)s."
            )
            % {
                "n": len(runner.registry.registered()),
                "c": len(report["created"]),
                "u": len(report["updated"]),
                "r": len(report["removed"]),
                "b": broker,
            }
        )
        for name in runner.startup_jobs():
            runner.enqueue("motcua.jobs.runner.run", name, task_name=f"{name} (khởi động)")
        self.stdout.flush()
        cluster = Cluster()
        cluster.start()
        if options["run_once"]:
            cluster.stop()
            return
        # Until SIGTERM / SIGINT: the cluster's handler stops the sentinel, which stops the workers.
        if cluster.sentinel is not None:
            cluster.sentinel.join()
