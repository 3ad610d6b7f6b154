"""`motcua worker`: the background worker (django-q2 cluster) with the registered schedules."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandParser
from django.db import connections
from django.utils.translation import gettext as _

from motcua.jobs import runner


def _without_connection_pool() -> None:
    """The cluster forks its worker processes: a PostgreSQL pool's open sockets would be shared by
    every child (one answer read by the wrong process). The worker opens plain connections instead,
    one per process, each closed by django-q between jobs."""
    for connection in connections.all():
        if connection.settings_dict.get("OPTIONS", {}).get("pool"):
            connection.close()
            close_pool = getattr(connection, "close_pool", None)
            if close_pool is not None:
                close_pool()
            connection.settings_dict["OPTIONS"].pop("pool")


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

        _without_connection_pool()
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
        # What is due runs now; a start-up job whose schedule was among it is not queued twice.
        queued = runner.queue_due_schedules()
        for name in runner.startup_jobs():
            if name not in queued:
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
