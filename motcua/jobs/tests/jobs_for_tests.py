"""Jobs the runner's tests register: one that works, one that always fails."""

from __future__ import annotations

calls: list[str] = []


def works() -> dict[str, int]:
    calls.append("works")
    return {"done": len(calls)}


# Another exception's text may quote personal data (a refused row, a service's answer); built
# here, so that the line that raises it (a traceback shows it) does not quote it.
FAILURE = "máy chủ lưu trữ không trả lời cho " + "020190001234"


def fails() -> None:
    raise RuntimeError(FAILURE)


def needs_attention() -> None:
    from motcua.jobs.runner import JobAttention

    raise JobAttention("3 tệp bị thiếu, ví dụ hồ sơ 000.02.30.H37-260302-0001")
