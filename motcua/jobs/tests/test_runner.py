"""The job runner: registered periodic jobs become schedules; a failing job is retried with a
growing delay and its failure, with the error, is in the system administrator's admin list."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterator
from multiprocessing import Queue, Value
from typing import Any

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django_q.brokers import get_broker
from django_q.models import Failure, Schedule, Success
from django_q.monitor import monitor
from django_q.signing import SignedPackage
from django_q.tasks import async_task
from django_q.worker import worker

from motcua.accounts.models import Role, User
from motcua.jobs import registry, runner
from motcua.settings import jobs_settings


@pytest.fixture
def test_jobs() -> Iterator[None]:
    registry.periodic("test.works", "motcua.jobs.tests.jobs_for_tests.works", minutes=5, description="works")
    registry.periodic(
        "test.fails",
        "motcua.jobs.tests.jobs_for_tests.fails",
        daily_at=dt.time(2, 30),
        description="fails",
        max_attempts=3,
    )
    yield
    registry.unregister("test.works")
    registry.unregister("test.fails")


def test_the_apps_register_the_periodic_work_nobody_has_to_type() -> None:
    names = {job.name for job in registry.registered()}
    assert {
        "dossiers.deadline-sweep",
        "dossiers.seal-audit",
        "dossiers.verify-audit",
        "dossiers.clean-files",
        "dossiers.forget-submission-keys",
        "portal.held-uploads",
        "notify.deliver",
        "notify.digest",
        "documents.ocr",
        "nationalsync.deliver",
        "payments.settle",
        "payments.reconcile",
        "stats.partitions",
    } <= names
    # Each registered job names a function that exists (a typo would fail only in the worker).
    for job in registry.registered():
        assert callable(job.function()), job.name


def test_a_job_period_must_be_one_of_minutes_or_a_time_of_day() -> None:
    with pytest.raises(ValueError):
        registry.Periodic("x", "a.b", "x")
    with pytest.raises(ValueError):
        registry.Periodic("x", "a.b", "x", minutes=5, daily_at=dt.time(1))


def test_sync_writes_one_schedule_per_job_and_removes_those_no_longer_registered(
    db: None, test_jobs: None
) -> None:
    Schedule.objects.create(
        name=runner.PERIODIC_PREFIX + "gone.job", func="x.y", schedule_type=Schedule.DAILY
    )
    now = timezone.make_aware(dt.datetime(2026, 3, 2, 10, 0))
    report = runner.sync_schedules(now)
    assert "test.works" in report["created"] and report["removed"] == ["gone.job"]
    works = Schedule.objects.get(name="motcua:test.works")
    fails = Schedule.objects.get(name="motcua:test.fails")
    assert (works.schedule_type, works.minutes, works.next_run) == (Schedule.MINUTES, 5, now)
    assert fails.schedule_type == Schedule.DAILY
    assert timezone.localtime(fails.next_run) == timezone.make_aware(dt.datetime(2026, 3, 3, 2, 30))
    # Unchanged jobs keep their next run; the second sync changes nothing.
    assert runner.sync_schedules(now + dt.timedelta(minutes=1)) == {
        "created": [],
        "updated": [],
        "removed": [],
    }
    assert Schedule.objects.get(name="motcua:test.works").next_run == now


def test_a_failing_job_is_retried_later_each_time_and_then_left_failed(db: None, test_jobs: None) -> None:
    before = timezone.now()
    with pytest.raises(runner.JobFailed, match=r"lần 1/3 lỗi \(RuntimeError\)"):
        runner.run("test.fails")
    first = Schedule.objects.get(name="motcua-retry:test.fails:2")
    assert first.args == "('test.fails', 2)" and first.schedule_type == Schedule.ONCE and first.repeats == -1
    assert dt.timedelta(seconds=59) < first.next_run - before < dt.timedelta(seconds=70)
    with pytest.raises(runner.JobFailed):
        runner.run("test.fails", 2)
    second = Schedule.objects.get(name="motcua-retry:test.fails:3")
    assert dt.timedelta(seconds=119) < second.next_run - before < dt.timedelta(seconds=130)
    with pytest.raises(runner.JobFailed, match="lần 3/3 lỗi .*không thử lại nữa"):
        runner.run("test.fails", 3)
    assert not Schedule.objects.filter(name="motcua-retry:test.fails:4").exists()


def test_backoff_doubles_and_stops_at_an_hour() -> None:
    assert [runner.backoff(n).total_seconds() for n in (1, 2, 3, 7, 20)] == [60, 120, 240, 3600, 3600]


def _through_the_broker(*args: Any) -> None:
    """What a worker does with one job: take it from the database broker, run it in django-q's
    worker loop, record and acknowledge the result with its monitor (in this process)."""
    async_task(*args, sync=False)
    broker = get_broker()
    [(ack_id, pack)] = broker.dequeue()
    task = SignedPackage.loads(pack)
    task["ack_id"] = ack_id
    tasks: Queue[Any] = Queue()
    results: Queue[Any] = Queue()
    tasks.put(task)
    tasks.put("STOP")
    worker(tasks, results, Value("f", -1))
    results.put("STOP")
    monitor(results, broker)
    assert broker.queue_size() == 0  # acknowledged: not handed out again


def test_the_failure_and_its_error_are_in_the_system_administrators_list(
    db: None, test_jobs: None, client: Client
) -> None:
    _through_the_broker("motcua.jobs.runner.run", "test.fails")
    _through_the_broker("motcua.jobs.runner.run", "test.works")
    failure = Failure.objects.get()
    assert "lần 1/3 lỗi (RuntimeError)" in str(failure.result) and failure.args == ("test.fails",)
    assert "thử lại lúc" in str(failure.result)
    # The exception's text (it may quote personal data) is neither in the result nor in its traceback.
    assert "020190001234" not in str(failure.result) and "không trả lời" not in str(failure.result)
    assert Success.objects.get().result["done"] >= 1
    admin = User.objects.create_superuser(
        "quantri", "quantri@example.vn", "mat-khau-dai-123", role=Role.SYSTEM_ADMIN
    )
    client.force_login(admin)
    page = client.get(reverse("admin:django_q_failure_changelist"))
    assert page.status_code == 200 and "test.fails" in page.content.decode()
    detail = client.get(reverse("admin:django_q_failure_change", args=[failure.pk]))
    assert "lần 1/3 lỗi (RuntimeError)" in detail.content.decode()


def test_the_jobs_command_lists_and_runs_a_job(db: None, test_jobs: None, capsys: Any) -> None:
    call_command("jobs", "sync")
    call_command("jobs", "list", "--json")
    listed = capsys.readouterr().out
    assert '"name": "test.works"' in listed and '"every_minutes": 5' in listed
    call_command("jobs", "run", "test.works", "--json")
    assert '"done"' in capsys.readouterr().out


def test_what_fell_due_while_no_worker_ran_is_queued_at_once_and_the_rest_waits(
    db: None, test_jobs: None
) -> None:
    from motcua.jobs.tests import jobs_for_tests

    now = timezone.now()
    runner.sync_schedules(now)
    Schedule.objects.update(next_run=now + dt.timedelta(hours=1))
    Schedule.objects.filter(name="motcua:test.works").update(next_run=now - dt.timedelta(hours=1))  # overdue
    jobs_for_tests.calls.clear()
    assert runner.queue_due_schedules() == {"test.works"}  # jobs run inline in tests (Q_CLUSTER sync)
    assert jobs_for_tests.calls == ["works"]
    # Its next run is in the future (no catch-up of the missed periods), so a second call runs nothing.
    assert Schedule.objects.get(name="motcua:test.works").next_run > now
    assert runner.queue_due_schedules() == set()
    assert jobs_for_tests.calls == ["works"]
    assert not Failure.objects.exists()


def test_the_broker_is_the_database_unless_redis_is_configured() -> None:
    assert jobs_settings({}, testing=False)["orm"] == "default"
    redis = jobs_settings({"MOTCUA_REDIS_URL": "redis://127.0.0.1:6379/4"}, testing=False)
    assert redis["redis"] == "redis://127.0.0.1:6379/4" and "orm" not in redis
    assert jobs_settings({}, testing=True)["sync"] is True
    assert jobs_settings({}, testing=False)["sync"] is False


@pytest.mark.parametrize(
    "env",
    [
        {"MOTCUA_JOBS_BROKER": "rabbit"},
        {"MOTCUA_JOBS_BROKER": "redis"},
        {"MOTCUA_JOBS_TIMEOUT": "600", "MOTCUA_JOBS_REDELIVER_SECONDS": "300"},
        {"MOTCUA_JOBS_SYNC": "maybe"},
    ],
)
def test_a_wrong_job_setting_stops_the_start(env: dict[str, str]) -> None:
    with pytest.raises(ImproperlyConfigured):
        jobs_settings(env, testing=False)


def test_a_failure_shows_and_logs_the_class_of_another_exception_never_its_text(
        db: None, test_jobs: None, caplog: pytest.LogCaptureFixture) -> None:
    """The task's result is what django-q's worker logs ("Failed … - <result>")."""
    with caplog.at_level(logging.WARNING, logger="motcua.jobs"), pytest.raises(runner.JobFailed) as failed:
        runner.run("test.fails")
    logged = "\n".join(r.getMessage() for r in caplog.records)
    assert "job test.fails attempt 1 failed: RuntimeError" in logged
    for shown in (str(failed.value), logged):
        assert "RuntimeError" in shown
        assert "020190001234" not in shown and "không trả lời" not in shown


def test_a_jobs_own_message_is_shown_as_it_is(db: None) -> None:
    registry.periodic("test.attention", "motcua.jobs.tests.jobs_for_tests.needs_attention", minutes=5,
                      description="attention", max_attempts=1)
    try:
        with pytest.raises(runner.JobFailed, match="JobAttention: 3 tệp bị thiếu, ví dụ hồ sơ 000.02.30.H37"):
            runner.run("test.attention")
    finally:
        registry.unregister("test.attention")


def test_the_workers_log_of_a_failed_task_quotes_no_exception_text(
        db: None, test_jobs: None, caplog: pytest.LogCaptureFixture) -> None:
    """django-q's monitor logs "Failed '…' (…) - <the task's result>"; the result is our JobFailed."""
    with caplog.at_level(logging.INFO):
        _through_the_broker("motcua.jobs.runner.run", "test.fails")
        _through_the_broker("motcua.jobs.runner.call", "motcua.jobs.tests.jobs_for_tests.fails")
    logged = "\n".join(r.getMessage() + "\n" + (r.exc_text or "") for r in caplog.records)
    assert logged.count("RuntimeError") >= 4  # two tasks: each in our log and in django-q's
    assert "jobs_for_tests.py" in logged  # the frames where it failed
    assert "020190001234" not in logged and "không trả lời" not in logged
    assert Failure.objects.count() == 2


def test_a_job_run_through_call_keeps_runs_message_and_is_logged_once(
        db: None, test_jobs: None, caplog: pytest.LogCaptureFixture) -> None:
    """The worker enqueues the jobs due at start as `call("motcua.jobs.runner.run", name)`."""
    with caplog.at_level(logging.WARNING, logger="motcua.jobs"), pytest.raises(runner.JobFailed) as failed:
        runner.call("motcua.jobs.runner.run", "test.fails")
    assert "lần 1/3 lỗi (RuntimeError); thử lại lúc" in str(failed.value)
    assert len([r for r in caplog.records if "failed" in r.getMessage()]) == 1


def test_a_jobs_own_message_through_call_is_shown_as_it_is(db: None) -> None:
    with pytest.raises(runner.JobAttention) as raised:
        runner.call("motcua.jobs.tests.jobs_for_tests.needs_attention")
    assert str(raised.value) == "3 tệp bị thiếu, ví dụ hồ sơ 000.02.30.H37-260302-0001"
