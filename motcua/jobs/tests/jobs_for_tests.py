"""Jobs the runner's tests register: one that works, one that always fails."""

from __future__ import annotations

calls: list[str] = []


def works() -> dict[str, int]:
    calls.append("works")
    return {"done": len(calls)}


def fails() -> None:
    raise RuntimeError("máy chủ lưu trữ không trả lời")
