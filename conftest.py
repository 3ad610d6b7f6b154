import os

import pytest

os.environ.setdefault("MOTCUA_TESTING", "1")


@pytest.fixture(autouse=True)
def _fresh_rate_limits() -> None:
    """Rate-limit counters live in the cache (per process in tests): each test starts with none."""
    from django.core.cache import cache

    cache.clear()
