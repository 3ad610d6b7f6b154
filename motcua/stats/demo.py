"""Demo statistics: a few thousand simulated dossiers so the dashboards are never empty.

Runs the simulator (real service functions, simulated time) over the last months for the
demo province. Idempotent: skipped when simulated dossiers already exist.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _

from motcua.core.cli import PercentProgress
from motcua.stats.simulator import Simulation, simulated_dossiers

DEMO_PROVINCE = "20"
DEMO_DOSSIERS = 2000
DEMO_SEED = 766


def load(command: Any, data_dir: Path) -> None:
    if simulated_dossiers().exists():
        command.stdout.write(
            _("Thống kê: đã có %(count)d hồ sơ mô phỏng.") % {"count": simulated_dossiers().count()}
        )
        return
    end = timezone.localdate() - dt.timedelta(days=1)
    start = end - dt.timedelta(days=90)
    command.stdout.write(_("Thống kê: đang mô phỏng %(count)d hồ sơ (vài phút)…") % {"count": DEMO_DOSSIERS})
    report = PercentProgress(command.stdout.write, _("Thống kê: mô phỏng"))
    simulation = Simulation(DEMO_PROVINCE, start, end, DEMO_DOSSIERS, 0.8776, DEMO_SEED, progress=False,
                            on_progress=report)
    result = simulation.run()
    command.stdout.write(
        _(
            "Thống kê: mô phỏng %(count)d hồ sơ từ %(start)s đến %(end)s "
            "(%(seconds).0f giây, trực tuyến %(online).1f%%)."
        )
        % {"count": result.dossiers, "start": f"{start:%d/%m/%Y}", "end": f"{end:%d/%m/%Y}",
           "seconds": result.seconds, "online": result.online_rate * 100}
    )
