"""Running jobs in the background (django-q2): enqueue, schedules, retries with backoff.

- `enqueue(func, *args)` hands a function (dotted path) to the worker; `enqueue_on_commit` does
  so once the current transaction has committed (a rolled-back transition sends nothing).
  With `MOTCUA_JOBS_SYNC=1` (tests, development without a worker) it runs inline.
- `run(name)` runs a registered periodic job (`registry`). When it raises, the attempt is
  recorded as a failed task (the admin's "Failed tasks", with the error's class — never its text,
  which may quote personal data; the frames are in the log) and,
  while attempts remain, a one-off schedule runs it again after a growing delay (1, 2, 4, …
  minutes, at most an hour). The broker's own redelivery (`retry` in Q_CLUSTER) only covers a
  job whose worker died while running it.
- `sync_schedules()` writes the registered jobs into the schedule table (`motcua worker` calls
  it at start), so what runs is what the code registers: no one types a command.
"""

from __future__ import annotations

import datetime as dt
import logging
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.module_loading import import_string
from django.utils.translation import gettext as _
from django_q.models import Schedule
from django_q.tasks import async_task

from motcua.core.logs import exception_name, safe_traceback
from motcua.jobs import registry

logger = logging.getLogger(__name__)

# Schedules we own: the periodic jobs, and the one-off retries of a failed attempt.
PERIODIC_PREFIX = "motcua:"
RETRY_PREFIX = "motcua-retry:"
FIRST_DELAY = dt.timedelta(minutes=1)
LONGEST_DELAY = dt.timedelta(hours=1)


class JobFailed(Exception):
    """An attempt of a job failed; the message says whether and when it is tried again."""


def backoff(attempt: int) -> dt.timedelta:
    """Delay before attempt `attempt + 1`: 1, 2, 4, 8 … minutes, at most an hour."""
    return min(FIRST_DELAY * (2 ** max(attempt - 1, 0)), LONGEST_DELAY)


def enqueue(func: str, *args: Any, task_name: str | None = None) -> str | None:
    """Hand `func(*args)` to the worker (arguments: primary keys and plain values, never objects),
    through `call`."""
    options: dict[str, Any] = {"task_name": (task_name or func)[:100]}
    return async_task("motcua.jobs.runner.call", func, *args, **options)


def call(func: str, *args: Any) -> Any:
    """What the worker runs for `enqueue`: `func(*args)`. A failure reaches django-q (its failed
    tasks, and its log line "Failed … - <result>", which quotes the exception and its traceback)
    as `JobFailed` naming the exception's class only; its frames are logged here (`safe_traceback`).

    A `JobFailed` (from `run`, enqueued by the worker at start) passes unchanged: `run` logged it,
    and its message says when the job is tried again. A `JobAttention` passes with its own
    message, without the exception it was raised during."""
    try:
        return import_string(func)(*args)
    except JobFailed:
        raise
    except Exception as error:
        logger.warning("task %s failed: %s\n%s", func, exception_name(error), safe_traceback(error))
        if isinstance(error, JobAttention):
            error.__cause__ = None
            error.__suppress_context__ = True
            raise
        raise JobFailed(f"{func}: {_describe(error)}") from None


def enqueue_on_commit(func: str, *args: Any, task_name: str | None = None) -> None:
    """Enqueue after the current transaction commits (at once outside one).

    `robust`: the transaction has committed, so a broker that is down (Redis restarting) must not
    turn the caller's success into an error; the error is logged, and the work must be found
    again by a periodic job (the notification outbox is: `notify.deliver`).
    """
    transaction.on_commit(lambda: enqueue(func, *args, task_name=task_name), robust=True)


def run(name: str, attempt: int = 1) -> Any:
    """Run the registered job `name` (the function every periodic schedule calls)."""
    job = registry.get(name)
    if job is None:
        raise JobFailed(_("Không có công việc nền tên %(name)s.") % {"name": name})
    try:
        return job.function()()
    except Exception as error:
        if attempt < job.max_attempts:
            retry_at = timezone.now() + backoff(attempt)
            Schedule.objects.create(
                name=f"{RETRY_PREFIX}{name}:{attempt + 1}"[:100],
                func="motcua.jobs.runner.run",
                args=repr((name, attempt + 1)),
                schedule_type=Schedule.ONCE,
                repeats=-1,  # deleted once it has run
                next_run=retry_at,
            )
            message = _("%(name)s: lần %(attempt)s/%(max)s lỗi (%(error)s); thử lại lúc %(at)s.") % {
                "name": name,
                "attempt": attempt,
                "max": job.max_attempts,
                "error": _describe(error),
                "at": timezone.localtime(retry_at).strftime("%H:%M:%S %d/%m/%Y"),
            }
        else:
            message = _(
                "%(name)s: lần %(attempt)s/%(max)s lỗi (%(error)s); không thử lại nữa cho đến kỳ chạy sau."
            ) % {"name": name, "attempt": attempt, "max": job.max_attempts, "error": _describe(error)}
        # The frames for the administrator, never the text (`_describe`); `from None`: django-q
        # records and logs the traceback of what reaches it, causes included.
        logger.warning("job %s attempt %s failed: %s\n%s", name, attempt, exception_name(error),
                       safe_traceback(error))
        raise JobFailed(message) from None


class JobAttention(Exception):
    """A job's failure whose message the job wrote itself (counts, codes, our own ids — never
    personal data): shown in the admin's failed tasks and in the worker's log as it is."""


def _describe(error: Exception) -> str:
    """The failure as the task's result shows it, which the worker also logs ("Failed … - …"):
    a `JobAttention`'s own message, else only the exception's class — the text of another
    exception may quote a refused row's ID number or an external service's answer."""
    if isinstance(error, JobAttention):
        text = str(error)
        return f"{type(error).__name__}: {text}" if text else type(error).__name__
    return exception_name(error)


def run_now(name: str) -> Any:
    """Run a registered job in this process (the `motcua jobs run` command), without retries."""
    job = registry.get(name)
    if job is None:
        raise LookupError(name)
    return job.function()()


def startup_jobs() -> list[str]:
    """The registered jobs that also run when a worker starts."""
    return [job.name for job in registry.registered() if job.at_start]


def queue_due_schedules() -> set[str]:
    """Queue every schedule whose time has come, now; the names of the registered jobs among them.

    The cluster runs its scheduler only after its first 30-second guard cycles: a worker started
    (or restarted after a crash) calls this first, so what fell due while no worker ran — the
    audit checkpoint, the deadline sweep, a retry — is queued at once instead of half a minute
    later. django-q2's own scheduler does it (rows locked, next run set; safe with several workers).
    """
    from django_q.scheduler import scheduler

    # The scheduler's own condition (`next_run < now`, repeats left), on our schedules.
    due = Schedule.objects.filter(next_run__lt=timezone.now(), name__startswith=PERIODIC_PREFIX).exclude(
        repeats=0
    )
    names = {name.removeprefix(PERIODIC_PREFIX) for name in due.values_list("name", flat=True)}
    scheduler()
    return names


def _next_daily(at: dt.time, now: dt.datetime) -> dt.datetime:
    local = timezone.localtime(now)
    candidate = timezone.make_aware(dt.datetime.combine(local.date(), at), timezone.get_current_timezone())
    if candidate <= now:
        candidate = timezone.make_aware(
            dt.datetime.combine(local.date() + dt.timedelta(days=1), at), timezone.get_current_timezone()
        )
    return candidate


def sync_schedules(now: dt.datetime | None = None) -> dict[str, list[str]]:
    """Make the schedule table hold exactly the registered periodic jobs.

    A job whose period is unchanged keeps its next run; a new or changed one starts now (every
    `minutes`) or at its next `daily_at`. Schedules of jobs no longer registered are removed.
    """
    now = now or timezone.now()
    report: dict[str, list[str]] = {"created": [], "updated": [], "removed": []}
    wanted = {PERIODIC_PREFIX + job.name: job for job in registry.registered()}
    with transaction.atomic():
        existing = {
            s.name: s for s in Schedule.objects.select_for_update().filter(name__startswith=PERIODIC_PREFIX)
        }
        for schedule_name, job in wanted.items():
            kind = Schedule.MINUTES if job.minutes else Schedule.DAILY
            first = now if job.minutes else _next_daily(job.daily_at or dt.time(0), now)
            schedule = existing.get(schedule_name)
            values = {
                "func": "motcua.jobs.runner.run",
                "args": repr((job.name,)),
                "schedule_type": kind,
                "minutes": job.minutes,
                "repeats": -1,
            }
            if schedule is None:
                Schedule.objects.create(name=schedule_name, next_run=first, **values)
                report["created"].append(job.name)
                continue
            period_changed = (
                schedule.schedule_type != kind
                or schedule.minutes != job.minutes
                or (
                    job.daily_at is not None
                    and schedule.next_run is not None
                    and timezone.localtime(schedule.next_run).time() != job.daily_at
                )
            )
            if period_changed or any(getattr(schedule, k) != v for k, v in values.items()):
                for key, value in values.items():
                    setattr(schedule, key, value)
                if period_changed or schedule.next_run is None:
                    schedule.next_run = first
                schedule.save()
                report["updated"].append(job.name)
        stale = [name for name in existing if name not in wanted]
        Schedule.objects.filter(name__in=stale).delete()
        report["removed"] = [name.removeprefix(PERIODIC_PREFIX) for name in stale]
    return report
