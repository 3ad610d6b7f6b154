"""The session store (settings.SESSION_ENGINE): Django's database sessions, read by one statement
written once per process.

Every signed-in request reads its session row first. Django's `db.SessionStore` compiles that
read through the ORM each time (`objects.get(session_key=…, expire_date__gt=now)`: a queryset,
a filter, a compiled SELECT, a model instance), a few percent of an API submission's Python
(issue #17). This store sends the same statement — same table, same row, same expiry
condition — as SQL built once per database vendor from the model's `_meta`, and decodes the
data as Django does. Everything else (creating, saving, cycling, deleting a session, the
cookie) is Django's store unchanged, so the rows of either store are read by the other.
"""

from __future__ import annotations

from typing import Any

from django.contrib.sessions.backends import db
from django.contrib.sessions.models import Session
from django.db import connections, router
from django.utils import timezone

# The SELECT of a session's data, per database vendor (quoted names differ).
_SELECT: dict[str, str] = {}


def _select(connection: Any) -> str:
    sql = _SELECT.get(connection.vendor)
    if sql is None:
        quote = connection.ops.quote_name
        meta = Session._meta
        column = {f.name: quote(f.column) for f in meta.concrete_fields}
        sql = _SELECT[connection.vendor] = (
            f"SELECT {column['session_data']} FROM {quote(meta.db_table)}"
            f" WHERE {column['session_key']} = %s AND {column['expire_date']} > %s"
        )
    return sql


class SessionStore(db.SessionStore):
    """Django's database session store; `load` reads the row with one precompiled statement."""

    def load(self) -> dict[str, Any]:
        key = self.session_key  # None if the cookie's value was not a valid key
        if key is None:
            return {}
        connection = connections[router.db_for_read(Session)]
        expire_date = Session._meta.get_field("expire_date")
        now = expire_date.get_db_prep_value(timezone.now(), connection)
        with connection.cursor() as cursor:
            cursor.execute(_select(connection), [key, now])
            row = cursor.fetchone()
        if row is None:
            # As Django's store: a missing or expired session is a new, empty one.
            self._session_key = None
            return {}
        return self.decode(row[0])
