"""Fixed-window counters in the shared cache, for doors that check a secret (the public lookup).

The cache is the one every server process shares (settings.CACHES), so the limits hold across
processes. `cache.incr`, then `cache.add` for a window's first attempt, is atomic on Redis and
on motcua's database cache (motcua/core/cache.py: compare and set).
"""

from __future__ import annotations

import hashlib
import time

from django.core.cache import cache


def _name(key: str, window_seconds: int) -> str:
    # Hashed: keys carry what people typed (a dossier code), which no cache key should hold as is.
    digest = hashlib.sha256(key.encode("utf-8")).hexdigest()[:32]
    return f"motcua-rl:{digest}:{int(time.time()) // window_seconds}"


def allow(key: str, limit: int, window_seconds: int) -> bool:
    """Count one attempt under `key`; False once `limit` attempts were made in this window.

    The counter usually exists (every attempt but the window's first): increment it first,
    and create it only when it is missing.
    """
    name = _name(key, window_seconds)
    try:
        count = cache.incr(name)
    except ValueError:  # the window's first attempt (or its counter expired)
        if cache.add(name, 1, timeout=window_seconds + 1):
            return True
        try:  # another process created it in between
            count = cache.incr(name)
        except ValueError:
            return cache.add(name, 1, timeout=window_seconds + 1) or False
    return bool(count <= limit)


def exceeded(key: str, limit: int, window_seconds: int) -> bool:
    """Whether `key` already reached `limit` in this window (without counting)."""
    count = cache.get(_name(key, window_seconds), 0)
    return bool(count >= limit)
