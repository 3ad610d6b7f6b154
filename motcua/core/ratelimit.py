"""Fixed-window counters in the shared cache, for doors that check a secret (the public lookup).

The cache is the one every server process shares (settings.CACHES), so the limits hold across
processes. `cache.add` then `cache.incr` is atomic on Redis and memcached and close enough on
the file and database caches.
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
    """Count one attempt under `key`; False once `limit` attempts were made in this window."""
    name = _name(key, window_seconds)
    if cache.add(name, 1, timeout=window_seconds + 1):
        return True
    try:
        count = cache.incr(name)
    except ValueError:  # expired between add and incr
        cache.add(name, 1, timeout=window_seconds + 1)
        return True
    return count <= limit


def exceeded(key: str, limit: int, window_seconds: int) -> bool:
    """Whether `key` already reached `limit` in this window (without counting)."""
    count = cache.get(_name(key, window_seconds), 0)
    return bool(count >= limit)
