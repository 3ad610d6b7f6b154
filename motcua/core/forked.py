"""Work shared among forked processes, supervised: the parent never waits forever.

`run_forked(parts, work)` forks one child per part; each child runs `work(part, report)`,
where `report(count)` tells the parent that `count` more units are done (and that the child
is alive), and sends back what `work` returns. The parent merges the results as they arrive
and fails — terminating every child (SIGTERM, then SIGKILL after a grace period) and raising
`WorkerFailed` with a message naming the worker, its pid and what happened — as soon as:

- a child reports an exception (its traceback is in the message);
- a child has exited, with any exit code (0 included: `os._exit`, a result the queue could
  not send), or was killed by a signal (SIGKILL: often the kernel's out-of-memory killer,
  see `dmesg`), without having sent its result;
- a child still alive has sent nothing (no progress, no result) for `silence` seconds:
  a hang, e.g. a lock held by another thread of the parent at the time of the fork, or a
  statement waiting on a lock that is never released.

Before session 9 the simulator's parent (one queue shared by the workers) only noticed a
non-zero exit code, only when no message had arrived for 5 s (so never while the other worker
kept reporting), and did not stop at a worker's error: a worker that failed early left the run
going at half speed, its traceback shown only at the very end.
"""

from __future__ import annotations

import ctypes
import multiprocessing
import multiprocessing.connection
import os
import pickle
import signal
import time
import traceback
from collections.abc import Callable, Sequence
from typing import Any, TypeVar, cast

P = TypeVar("P")
R = TypeVar("R")

# Ten minutes without a word from a live worker is a hang: the simulator's worker reports
# after each batch (200 dossiers, 1–2 s; 40 s seen on a machine shared with test suites).
SILENCE = 600.0
# How long stopped children get to exit on SIGTERM before SIGKILL.
GRACE = 5.0


class WorkerFailed(RuntimeError):
    """A forked worker failed, vanished or hung; every worker has been stopped."""


def run_forked(
    parts: Sequence[P],
    work: Callable[[P, Callable[[int], None]], R],
    on_progress: Callable[[int], None] | None = None,
    silence: float = SILENCE,
    poll: float = 1.0,
) -> list[R]:
    """Run `work(part, report)` for each part in its own forked process; their results in order.

    Each child writes to a pipe of its own (synchronously: no queue feeder thread), so the
    parent reads a child's messages until the end of its pipe and knows, exactly, whether
    its result came before it exited. The caller closes its database connections first: a
    child must open its own.
    """
    context = multiprocessing.get_context("fork")
    children: list[Any] = []
    readers: dict[Any, int] = {}
    results: dict[int, R] = {}
    heard: dict[int, float] = {}
    try:
        for index, part in enumerate(parts):
            reader, writer = context.Pipe(duplex=False)
            child = context.Process(target=_child, args=(index, part, work, writer, os.getpid()), daemon=True,
                                    name=f"worker-{index}")
            children.append(child)
            child.start()
            # Only the child holds the writing end now (workers forked later inherit readers
            # only): the parent sees the end of the pipe when the child is gone.
            writer.close()
            readers[reader] = index
            heard[index] = time.monotonic()
        while len(results) < len(children):
            for ready in multiprocessing.connection.wait(list(readers), timeout=poll):
                reader = cast(Any, ready)
                index = readers[reader]
                child = children[index]
                heard[index] = time.monotonic()
                try:
                    kind, payload = reader.recv()
                except EOFError:
                    child.join(timeout=GRACE)
                    reason = "closed its pipe" if child.exitcode is None else _exit_reason(child.exitcode)
                    raise WorkerFailed(f"{_name(child)} {reason} without sending its result") from None
                if kind == "progress":
                    if on_progress is not None:
                        on_progress(payload)
                elif kind == "result":
                    results[index] = pickle.loads(payload)
                    del readers[reader]
                    reader.close()
                else:
                    raise WorkerFailed(f"{_name(child)} failed:\n{payload}")
            now = time.monotonic()
            for index in readers.values():
                if now - heard[index] > silence:
                    raise WorkerFailed(
                        f"{_name(children[index])} is alive but sent nothing for {now - heard[index]:.0f} s "
                        f"(limit {silence:.0f} s): stopped as hung"
                    )
    except BaseException:
        _stop(children)
        raise
    finally:
        # Children that sent their result exit at once; one that lingers is stopped.
        for child in children:
            child.join(timeout=GRACE * 6)
        _stop(children)
        for reader in readers:
            reader.close()
    return [results[index] for index in range(len(children))]


def _die_with_parent(parent: int) -> None:
    """Linux: SIGTERM to this child when the parent dies, even by SIGKILL (no other process would
    stop a worker that keeps writing for a run nobody waits for any more)."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
    except (AttributeError, OSError):  # not Linux: the parent's own stop is all there is
        return
    if os.getppid() != parent:  # the parent died before the request
        os._exit(1)


def _child(index: int, part: Any, work: Callable[..., Any], writer: Any, parent: int) -> None:
    _die_with_parent(parent)
    try:
        result = work(part, lambda count: writer.send(("progress", count)))
        # Pickled before sending, so that a result that cannot be is reported as an error.
        payload = pickle.dumps(result)
    except BaseException:
        writer.send(("error", traceback.format_exc()))
    else:
        writer.send(("result", payload))
    finally:
        writer.close()


def _stop(children: Sequence[Any]) -> None:
    alive = [child for child in children if child.exitcode is None and child.pid is not None]
    for child in alive:
        child.terminate()
    deadline = time.monotonic() + GRACE
    for child in alive:
        child.join(timeout=max(0.0, deadline - time.monotonic()))
        if child.exitcode is None:
            child.kill()
            child.join()


def _name(child: Any) -> str:
    return f"{child.name} (pid {child.pid})"


def _exit_reason(code: int) -> str:
    if code >= 0:
        return f"exited with code {code}"
    try:
        name = signal.Signals(-code).name
    except ValueError:
        name = str(-code)
    hint = " (the kernel's out-of-memory killer sends SIGKILL: see dmesg)" if -code == signal.SIGKILL else ""
    return f"was killed by signal {name}{hint}"
