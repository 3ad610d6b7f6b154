import os
from collections.abc import Iterator

import pytest

os.environ.setdefault("MOTCUA_TESTING", "1")


@pytest.fixture(autouse=True)
def _fresh_rate_limits() -> None:
    """Rate-limit counters live in the cache (per process in tests): each test starts with none."""
    from django.core.cache import cache

    cache.clear()


@pytest.fixture(autouse=True)
def _default_language() -> Iterator[None]:
    """Each test starts in Vietnamese: a page visited in English must not leak into the next test
    (the test client's requests leave their language active in the thread)."""
    from django.conf import settings
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)
