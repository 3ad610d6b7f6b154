"""motcua's database cache (motcua/core/cache.py): Django's semantics, one statement per write."""

from __future__ import annotations

import time
import uuid
from typing import Any

import pytest
from django.conf import settings
from django.core.cache.backends.base import BaseCache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from motcua.core import cache as cache_module
from motcua.core import ratelimit
from motcua.settings import cache_settings

pytestmark = pytest.mark.django_db


@pytest.fixture
def cache() -> BaseCache:
    config = cache_settings({}, testing=False)
    backend = cache_module.DatabaseCache(config["LOCATION"], {"OPTIONS": config["OPTIONS"]})
    backend.clear()
    return backend


def _key() -> str:
    return f"test:{uuid.uuid4().hex}"


@pytest.mark.django_db(transaction=True)  # outside a transaction, as a request's throttle runs
def test_set_get_and_overwrite_each_write_one_statement(cache: BaseCache) -> None:
    key = _key()
    with CaptureQueriesContext(connection) as writes:
        cache.set(key, {"a": [1, 2]}, 60)
        cache.set(key, "second", 60)
    assert len(writes) == 2  # no COUNT(*), no transaction around the write
    assert cache.get(key) == "second"


def test_inside_a_transaction_a_write_has_its_savepoint(cache: BaseCache) -> None:
    key = _key()
    with CaptureQueriesContext(connection) as writes:
        cache.set(key, 1, 60)
    statements = [q["sql"].split()[0].upper() for q in writes.captured_queries]
    assert statements == ["SAVEPOINT", "INSERT", "RELEASE"]  # a failed write cannot break the caller's


def test_add_writes_only_over_a_missing_or_expired_entry(cache: BaseCache) -> None:
    key = _key()
    assert cache.add(key, 1, 60) is True
    assert cache.add(key, 2, 60) is False
    assert cache.get(key) == 1
    expired = _key()
    cache.set(expired, "old", 1)
    time.sleep(2.1)  # expiries are kept to the second
    assert cache.add(expired, "new", 60) is True
    assert cache.get(expired) == "new"


def test_incr_counts_keeps_the_expiry_and_refuses_a_missing_key(cache: BaseCache) -> None:
    key = _key()
    cache.set(key, 5, 2)
    assert cache.incr(key) == 6
    assert cache.incr(key, 4) == 10
    assert cache.get(key) == 10
    time.sleep(3.1)
    # Django's get-then-set would have given the counter the default timeout (300 s) again.
    assert cache.get(key) is None
    with pytest.raises(ValueError):
        cache.incr(key)
    with pytest.raises(ValueError):
        cache.incr(_key())


def test_incr_writes_only_over_the_value_it_read(cache: BaseCache) -> None:
    key = _key()
    cache.set(key, 1, 60)
    with CaptureQueriesContext(connection) as statements:
        assert cache.incr(key) == 2
    update = statements.captured_queries[-1]["sql"]
    # Compare and set: a count another process wrote in between is not overwritten.
    assert update.startswith("UPDATE") and "value" in update.split("WHERE", 1)[1]


def test_touch_changes_the_expiry_of_an_existing_entry_only(cache: BaseCache) -> None:
    key = _key()
    assert cache.touch(key, 60) is False
    cache.set(key, "x", 1)
    assert cache.touch(key, 60) is True
    time.sleep(2.1)
    assert cache.get(key) == "x"


def test_the_table_is_culled_on_one_write_in_cull_every(cache: BaseCache) -> None:
    small = cache_module.DatabaseCache(settings.CACHE_TABLE,
                                       {"OPTIONS": {"MAX_ENTRIES": 10, "CULL_FREQUENCY": 2}})
    keys = [_key() for _ in range(cache_module.CULL_EVERY)]
    for key in keys:
        small.set(key, 1, 60)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT COUNT(*) FROM {connection.ops.quote_name(settings.CACHE_TABLE)}")
        remaining = cursor.fetchone()[0]
    # The 100th write counted 99 rows (> 10) and deleted half of them, then wrote its own.
    assert remaining < cache_module.CULL_EVERY // 2 + 2


def test_the_rate_limit_counts_with_two_statements_once_its_window_started(cache: BaseCache,
                                                                           monkeypatch: Any) -> None:
    monkeypatch.setattr(ratelimit, "cache", cache)
    key = f"lookup-ip:{uuid.uuid4()}"
    assert ratelimit.allow(key, 3, 60)  # the window's first attempt: incr (missing), add
    with CaptureQueriesContext(connection) as statements:
        assert ratelimit.allow(key, 3, 60)
    assert len(statements) == 2  # read, compare and set
    assert [ratelimit.allow(key, 3, 60) for _ in range(2)] == [True, False]
    assert ratelimit.exceeded(key, 3, 60)


def test_on_postgresql_the_cache_table_is_unlogged() -> None:
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SELECT relpersistence FROM pg_class WHERE relname = %s", [settings.CACHE_TABLE])
            assert cursor.fetchone()[0] == "u"
        else:  # SQLite has no unlogged tables: the migration leaves the table as it is
            assert settings.CACHE_TABLE in connection.introspection.table_names()
