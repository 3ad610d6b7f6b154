"""The periodic jobs of motcua: each app registers its own in its `AppConfig.ready()`.

    from motcua.jobs import registry

    registry.periodic("dossiers.seal-audit", "motcua.dossiers.jobs.seal_audit", daily_at=dt.time(0, 5),
                      description=_("Niêm phong nhật ký hồ sơ"))

A job is a plain function named by its dotted path: it takes no arguments, is safe to run twice
(the runner may hand it out again after a worker died) and returns something JSON-friendly that
the admin shows as its result. `motcua worker` writes the registered jobs into the runner's
schedule table when it starts (`motcua.jobs.runner.sync_schedules`); nobody types a command.

This module imports nothing from the other apps (it is the lowest layer), so every app may use it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.utils.module_loading import import_string


@dataclass(frozen=True)
class Periodic:
    """A job run every `minutes`, or once a day at `daily_at` (the province's local time)."""

    name: str
    func: str
    description: Any
    minutes: int | None = None
    daily_at: dt.time | None = None
    # Attempts before the job is left failed (the admin's list); then it waits for its next period.
    max_attempts: int = 4
    # Also run when a worker starts (e.g. to pick up what a worker that died left half done).
    at_start: bool = False

    def __post_init__(self) -> None:
        if (self.minutes is None) == (self.daily_at is None):
            raise ValueError(f"Job {self.name}: give either minutes or daily_at.")
        if self.minutes is not None and self.minutes < 1:
            raise ValueError(f"Job {self.name}: the shortest period is one minute.")
        if self.max_attempts < 1:
            raise ValueError(f"Job {self.name}: max_attempts must be at least 1.")

    def function(self) -> Any:
        return import_string(self.func)


_jobs: dict[str, Periodic] = {}


def periodic(
    name: str,
    func: str,
    *,
    description: Any,
    minutes: int | None = None,
    daily_at: dt.time | None = None,
    max_attempts: int = 4,
    at_start: bool = False,
) -> Periodic:
    """Register (or replace) the periodic job `name`."""
    job = Periodic(name, func, description, minutes, daily_at, max_attempts, at_start)
    _jobs[name] = job
    return job


def unregister(name: str) -> None:
    _jobs.pop(name, None)


def registered() -> list[Periodic]:
    return sorted(_jobs.values(), key=lambda job: job.name)


def get(name: str) -> Periodic | None:
    return _jobs.get(name)
