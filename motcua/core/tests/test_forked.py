"""Forked workers are supervised: a worker that fails, vanishes or hangs stops the run at once.

Real forked processes (no database): each case makes one worker misbehave while another keeps
working, and checks that the parent raises promptly and leaves no child behind.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import time
from collections.abc import Callable

import pytest

from motcua.core.forked import WorkerFailed, run_forked

pytestmark = pytest.mark.timeout(60)  # before the supervision, these cases waited forever


def _busy(part: int, report: Callable[[int], None]) -> int:
    """A healthy worker that keeps the queue busy for a long time (progress every 10 ms)."""
    for _ in range(6000):
        time.sleep(0.01)
        report(1)
    return part


def _run(
    misbehave: Callable[[int, Callable[[int], None]], int], silence: float = 600.0, poll: float = 1.0
) -> tuple[str, float]:
    """Run a misbehaving worker beside a busy one; (the error, seconds taken)."""

    def work(part: int, report: Callable[[int], None]) -> int:
        return misbehave(part, report) if part == 0 else _busy(part, report)

    began = time.monotonic()
    with pytest.raises(WorkerFailed) as failure:
        run_forked([0, 1], work, silence=silence, poll=poll)
    seconds = time.monotonic() - began
    assert multiprocessing.active_children() == []  # the busy worker was stopped too
    return str(failure.value), seconds


def test_results_come_back_in_order_with_every_progress_report() -> None:
    seen: list[int] = []

    def work(part: int, report: Callable[[int], None]) -> dict[str, int]:
        for _ in range(part):
            report(1)
        return {"part": part, "pid": os.getpid()}

    results = run_forked([3, 5, 2], work, seen.append)
    assert [r["part"] for r in results] == [3, 5, 2]
    assert len({r["pid"] for r in results} | {os.getpid()}) == 4  # three other processes
    assert sum(seen) == 10


def test_a_worker_that_exits_with_code_0_without_its_result_fails_the_run() -> None:
    def vanish(part: int, report: Callable[[int], None]) -> int:
        report(1)
        os._exit(0)

    message, seconds = _run(vanish)
    assert "worker-0" in message and "exited with code 0 without sending its result" in message
    assert seconds < 30  # not after the busy worker's minute


def test_a_worker_killed_while_the_other_keeps_reporting_is_noticed() -> None:
    # The old loop looked at exit codes only when no message came for 5 s: never, here.
    def killed(part: int, report: Callable[[int], None]) -> int:
        report(1)
        os.kill(os.getpid(), signal.SIGKILL)
        return part

    message, seconds = _run(killed)
    assert "worker-0" in message and "killed by signal SIGKILL" in message and "dmesg" in message
    assert seconds < 30


def test_a_worker_that_raises_stops_the_run_at_once_with_its_traceback() -> None:
    def fails(part: int, report: Callable[[int], None]) -> int:
        raise LookupError("the counter row is missing")

    message, seconds = _run(fails)
    assert "worker-0" in message and "LookupError: the counter row is missing" in message
    assert "Traceback" in message
    assert seconds < 30  # the old loop waited for the other worker to finish first


def test_a_silent_worker_is_stopped_as_hung() -> None:
    def hangs(part: int, report: Callable[[int], None]) -> int:
        report(1)
        time.sleep(3600)
        return part

    message, seconds = _run(hangs, silence=2.0, poll=0.2)
    assert "worker-0" in message and "sent nothing for" in message and "hung" in message
    assert 2 <= seconds < 30


def test_a_result_that_cannot_be_sent_is_an_error_not_a_silent_exit() -> None:
    def unpicklable(part: int, report: Callable[[int], None]) -> object:
        return lambda: part

    message, _seconds = _run(unpicklable)  # type: ignore[arg-type]
    assert "worker-0" in message and "pickle" in message.lower()


KILLED_PARENT = """
import os, sys, time
from motcua.core.forked import run_forked

def work(part, report):
    print(os.getpid(), flush=True)  # the worker's pid, for the test
    while True:
        time.sleep(0.1)
        report(1)

run_forked([0], work)
"""


def test_a_parent_killed_with_sigkill_takes_its_workers_with_it() -> None:
    import subprocess
    import sys

    parent = subprocess.Popen([sys.executable, "-c", KILLED_PARENT], stdout=subprocess.PIPE, text=True)
    try:
        assert parent.stdout is not None
        worker = int(parent.stdout.readline())
        os.kill(parent.pid, signal.SIGKILL)
        parent.wait(timeout=10)
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            try:
                os.kill(worker, 0)
            except ProcessLookupError:
                break
            with open(f"/proc/{worker}/stat") as stat:  # a zombie (not yet reaped by init) is gone too
                if stat.read().rsplit(")", 1)[1].split()[0] == "Z":
                    break
            time.sleep(0.1)
        else:
            os.kill(worker, signal.SIGKILL)
            raise AssertionError("the worker outlived its parent")
    finally:
        if parent.poll() is None:
            parent.kill()
