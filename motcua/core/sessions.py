"""The session store (settings.SESSION_ENGINE): Django's database sessions, read by one statement
written once per process.

Every signed-in request reads its session row first. Django's `db.SessionStore` compiles that
read through the ORM each time (`objects.get(session_key=…, expire_date__gt=now)`: a queryset,
a filter, a compiled SELECT, a model instance), a few percent of an API submission's Python
(issue #17). This store sends the same statement — same table, same row, same expiry
condition — as SQL built once per process (`core.rows.table`), and decodes the
data as Django does. Everything else (creating, saving, cycling, deleting a session, the
cookie) is Django's store unchanged, so the rows of either store are read by the other.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from django.contrib.sessions.backends import db
from django.contrib.sessions.models import Session
from django.db import connection
from django.utils import timezone

from motcua.core import rows


@cache
def _select() -> str:
    """The SELECT of a live session's data by its key."""
    t = rows.table(Session)
    return (f"SELECT {t.column['session_data']} FROM {t.name}"
            f" WHERE {t.pk_column} = %s AND {t.column['expire_date']} > %s")


class SessionStore(db.SessionStore):
    """Django's database session store; `load` reads the row with one precompiled statement."""

    def load(self) -> dict[str, Any]:
        key = self.session_key  # None if the cookie's value was not a valid key
        if key is None:
            return {}
        now = rows.table(Session).prep("expire_date", timezone.now())
        with connection.cursor() as cursor:
            cursor.execute(_select(), [key, now])
            row = cursor.fetchone()
        if row is None:
            # As Django's store: a missing or expired session is a new, empty one.
            self._session_key = None
            return {}
        return self.decode(row[0])
