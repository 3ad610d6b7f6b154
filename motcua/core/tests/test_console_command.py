"""The `motcua` console command stops quietly when its reader goes away (`… | head`)."""

from __future__ import annotations

import pytest

import motcua.__main__ as console


def test_a_closed_pipe_ends_the_command_without_a_traceback(monkeypatch: pytest.MonkeyPatch) -> None:
    def closed_pipe(argv: list[str]) -> None:
        raise BrokenPipeError

    redirected: list[int] = []
    monkeypatch.setattr("django.core.management.execute_from_command_line", closed_pipe)
    monkeypatch.setattr(console.os, "dup2", lambda fd, fd2: redirected.append(fd2))
    monkeypatch.setattr(console.sys.stdout, "fileno", lambda: 1, raising=False)
    with pytest.raises(SystemExit) as exit_info:
        console.main()
    assert exit_info.value.code == 1
    assert redirected == [1]  # stdout now goes to /dev/null, so the flush at exit cannot fail
