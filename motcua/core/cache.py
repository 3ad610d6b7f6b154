"""The database cache with one statement per write: the default shared cache (settings.cache_settings).

Django's `DatabaseCache` counts the whole table before every write and then runs a transaction
of three statements (BEGIN, SELECT, UPDATE or INSERT, COMMIT): six round trips for each throttle
or rate-limit counter a request touches (the public lookup touched three: 17 of its 19
statements). Here, on PostgreSQL and SQLite:

* `set` is one upsert, `add` one upsert that replaces only an expired row, `touch` one UPDATE;
* `incr` reads the value and writes it back only if nobody changed it meanwhile (compare and
  set, retried): atomic across processes, where Django's get-then-set could lose counts, and it
  keeps the entry's expiry instead of resetting it to the default timeout;
* the size check (and the cull above MAX_ENTRIES) runs on every CULL_EVERY-th write of a
  process instead of every write, so the table may exceed MAX_ENTRIES by that many writes
  per process between two checks.

On PostgreSQL the table is UNLOGGED (core migration 0002): a transaction that writes only to
it commits without waiting for the write-ahead log to reach the disk. Like Redis without
persistence, the cache is emptied if the database server crashes (not on a clean restart).
"""

from __future__ import annotations

import base64
import contextlib
import datetime as dt
import itertools
import pickle
from typing import Any

from django.conf import settings
from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.db import DatabaseCache as DjangoDatabaseCache
from django.db import DatabaseError, connections, models, router, transaction
from django.utils.timezone import now as tz_now

# Vendors whose SQL has INSERT … ON CONFLICT … DO UPDATE … WHERE (PostgreSQL ≥ 9.5, SQLite ≥ 3.24).
UPSERT_VENDORS = ("postgresql", "sqlite")
# A process checks the table's size on one write in this many.
CULL_EVERY = 100
# Attempts of a compare-and-set increment before it gives up (ValueError, as for a missing key).
INCR_ATTEMPTS = 20


class DatabaseCache(DjangoDatabaseCache):
    _table: str  # set by Django's __init__ (the stubs know neither it nor _cull)
    _cull: Any

    def __init__(self, table: str, params: dict[str, Any]) -> None:
        super().__init__(table, params)
        self._writes = itertools.count(1)

    def _expiry(self, timeout: float | None) -> dt.datetime:
        if timeout is None:
            return dt.datetime.max
        zone = dt.UTC if settings.USE_TZ else None
        return dt.datetime.fromtimestamp(timeout, tz=zone).replace(microsecond=0)

    @staticmethod
    def _encode(value: Any) -> str:
        return base64.b64encode(pickle.dumps(value, pickle.HIGHEST_PROTOCOL)).decode("latin1")

    def _base_set(self, mode: str, key: str, value: Any, timeout: Any = DEFAULT_TIMEOUT) -> bool:
        db = router.db_for_write(self.cache_model_class)
        connection = connections[db]
        if connection.vendor not in UPSERT_VENDORS:
            return bool(super()._base_set(mode, key, value, timeout))  # type: ignore[misc]  # untyped stub
        quote = connection.ops.quote_name
        table = quote(self._table)
        now = tz_now().replace(microsecond=0)
        expires = connection.ops.adapt_datetimefield_value(self._expiry(self.get_backend_timeout(timeout)))
        cache_key, value_column, expires_column = quote("cache_key"), quote("value"), quote("expires")
        if mode == "touch":
            sql = f"UPDATE {table} SET {expires_column} = %s WHERE {cache_key} = %s"
            params: list[Any] = [expires, key]
        else:
            sql = (f"INSERT INTO {table} ({cache_key}, {value_column}, {expires_column}) VALUES (%s, %s, %s)"
                   f" ON CONFLICT ({cache_key}) DO UPDATE SET {value_column} = excluded.{value_column},"
                   f" {expires_column} = excluded.{expires_column}")
            params = [key, self._encode(value), expires]
            if mode == "add":  # only over an expired entry
                sql += f" WHERE {table}.{expires_column} < %s"
                params.append(connection.ops.adapt_datetimefield_value(now))
        try:
            # Inside a transaction, a savepoint keeps a failed write from breaking the caller's.
            with transaction.atomic(using=db) if connection.in_atomic_block else contextlib.nullcontext():
                with connection.cursor() as cursor:
                    if next(self._writes) % CULL_EVERY == 0:
                        cursor.execute(f"SELECT COUNT(*) FROM {table}")
                        count = cursor.fetchone()[0]
                        if count > self._max_entries:
                            self._cull(db, cursor, now, count)
                    cursor.execute(sql, params)
                    return bool(cursor.rowcount)
        except DatabaseError:
            # As Django's: a write that fails (a concurrent writer, a full disk) is a cache miss.
            return False

    def incr(self, key: str, delta: int = 1, version: int | None = None) -> Any:
        db = router.db_for_write(self.cache_model_class)
        connection = connections[db]
        if connection.vendor not in UPSERT_VENDORS:
            return super().incr(key, delta, version)
        name = self.make_and_validate_key(key, version=version)
        quote = connection.ops.quote_name
        table, cache_key, value_column = quote(self._table), quote("cache_key"), quote("value")
        expression = models.Expression(output_field=models.DateTimeField())
        converters = connection.ops.get_db_converters(expression) + expression.get_db_converters(connection)
        for _attempt in range(INCR_ATTEMPTS):
            with connection.cursor() as cursor:
                cursor.execute(f"SELECT {value_column}, {quote('expires')} FROM {table}"
                               f" WHERE {cache_key} = %s", [name])
                row = cursor.fetchone()
                if row is None:
                    break
                stored, expires = row
                for converter in converters:
                    expires = converter(expires, expression, connection)
                if expires < tz_now():
                    break
                stored = connection.ops.process_clob(stored)
                new_value = pickle.loads(base64.b64decode(stored.encode())) + delta
                cursor.execute(f"UPDATE {table} SET {value_column} = %s WHERE {cache_key} = %s"
                               f" AND {value_column} = %s", [self._encode(new_value), name, stored])
                if cursor.rowcount:
                    return new_value
        else:
            raise ValueError(f"Key '{key}' kept changing: not incremented")
        raise ValueError(f"Key '{key}' not found")

