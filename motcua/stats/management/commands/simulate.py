"""`motcua simulate`: a province's dossiers through the real services, with simulated time."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.utils.translation import gettext as _

from motcua.core.cli import PercentProgress, parse_date, to_json
from motcua.stats.simulator import Simulation


class Command(BaseCommand):
    help = "Simulate a province's dossiers through the real service functions (deterministic for a seed)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--province", default="20", help="Province unit code (Lạng Sơn: 20).")
        parser.add_argument("--from", dest="start", required=True, help="First day, e.g. 2025-07-01.")
        parser.add_argument("--to", dest="end", required=True, help="Last day, e.g. 2025-12-03.")
        parser.add_argument("--dossiers", type=int, required=True, help="How many dossiers to submit.")
        parser.add_argument(
            "--online-rate", type=float, default=0.8776, help="Target share of online dossiers."
        )
        parser.add_argument("--seed", type=int, default=1)
        parser.add_argument("--batch", type=int, default=200, help="Dossiers per transaction.")
        parser.add_argument(
            "--workers", type=int, default=None,
            help="Worker processes on PostgreSQL (default: 2 or the number of CPUs if fewer; SQLite: 1).",
        )
        parser.add_argument(
            "--no-progress", action="store_true",
            help="No progress lines (otherwise one line per 2 %%, on stderr with --json).",
        )
        parser.add_argument("--json", action="store_true")

    def handle(self, *args: Any, **options: Any) -> None:
        simulation = Simulation(
            options["province"],
            parse_date(options["start"]),
            parse_date(options["end"]),
            options["dossiers"],
            options["online_rate"],
            options["seed"],
            progress=False,
            batch=max(options["batch"], 1),
            workers=options["workers"],
            on_progress=None if options["no_progress"] else self._progress(options["json"]),
        )
        result = simulation.run()
        if options["json"]:
            self.stdout.write(
                to_json(
                    {
                        "dossiers": result.dossiers,
                        "transitions": result.transitions,
                        "seconds": round(result.seconds, 2),
                        "dossiers_per_second": round(result.per_second, 1),
                        "workers": result.workers,
                        "online_rate": round(result.online_rate, 4),
                        "outcomes": dict(result.outcomes),
                        "errors": dict(result.errors),
                    }
                )
            )
            return
        self.stdout.write(
            _(
                "Đã mô phỏng %(n)s hồ sơ (%(t)s lần chuyển trạng thái) trong %(s).1f giây: "
                "%(r).1f hồ sơ/giây; tỷ lệ trực tuyến %(o).2f%%."
            )
            % {
                "n": result.dossiers,
                "t": result.transitions,
                "s": result.seconds,
                "r": result.per_second,
                "o": result.online_rate * 100,
            }
        )
        for name, count in sorted(result.outcomes.items()):
            self.stdout.write(f"  {name}: {count}")
        for name, count in sorted(result.errors.items()):
            self.stdout.write(_("  bị từ chối %(name)s: %(n)s") % {"name": name, "n": count})

    def _progress(self, json_output: bool) -> Callable[[int, int], None]:
        """One line per 2 % with the rate so far: readable when the output goes to a file."""
        stream = self.stderr if json_output else self.stdout
        began = time.perf_counter()
        lines = PercentProgress(lambda line: None, "", step=2)

        def report(done: int, total: int) -> None:
            shown = lines.shown
            lines(done, total)
            if lines.shown == shown:
                return
            seconds = time.perf_counter() - began
            rate = done / seconds if seconds else 0.0
            left = (total - done) / rate if rate else 0.0
            stream.write(
                _("Mô phỏng: %(p)d%% (%(d)d/%(t)d), %(r).1f hồ sơ/giây, còn khoảng %(m)d phút")
                % {"p": lines.shown, "d": done, "t": total, "r": rate, "m": round(left / 60)}
            )
            stream.flush()

        return report
