"""The signed-in user of a request (`request.user`), read by one statement written once per process.

Django's `AuthenticationMiddleware` finds the user through `auth.get_user`: the user id and the
backend named in the session, the backend's `get_user`, then the session-hash check (a
password change signs out the account's other sessions; a session hashed with a key of
SECRET_KEY_FALLBACKS is re-hashed with the current key, any other mismatch flushes the
session). For a password sign-in the backend is `ModelBackend`, whose `get_user` compiles
`User.objects.get(pk=…)` through the ORM at every request — with the rest of `get_user`, ≈ 15 %
of an API submission's Python (issue #17).

`session_user` does the same for sessions of `ModelBackend`, with the user's row read by a
SELECT built once per process (`core.rows`) and ModelBackend's own rule (an inactive account
is nobody); the session-hash check below is Django's, line for line. A session of any other
backend (the national identity sign-in), or of a backend no longer configured, goes to
Django's `auth.get_user` unchanged. Tests hold the two equal case by case
(`accounts/tests/test_session_user.py`).
"""

from __future__ import annotations

from functools import cache
from typing import Any

from django.conf import settings
from django.contrib import auth
from django.contrib.auth.middleware import AuthenticationMiddleware as DjangoAuthenticationMiddleware
from django.contrib.auth.models import AnonymousUser
from django.db import connection
from django.http import HttpRequest
from django.utils.crypto import constant_time_compare
from django.utils.functional import SimpleLazyObject

from motcua.accounts.models import User
from motcua.core import rows

MODEL_BACKEND = "django.contrib.auth.backends.ModelBackend"


@cache
def _select() -> str:
    """The SELECT of a user's row by its key, every column in the model's field order."""
    t = rows.table(User)
    return f"SELECT {t.columns('u')} FROM {t.name} u WHERE u.{t.pk_column} = %s"


def _active_user(user_id: Any) -> User | None:
    """What `ModelBackend.get_user` returns: the user, unless missing or inactive."""
    with connection.cursor() as cursor:
        cursor.execute(_select(), [user_id])
        row = cursor.fetchone()
    if row is None:
        return None
    user: User = rows.table(User).build(row)  # type: ignore[assignment]
    return user if user.is_active else None


def session_user(request: HttpRequest) -> Any:
    """`auth.get_user(request)`, with the user of a ModelBackend session read by precompiled SQL."""
    session = request.session
    backend = session.get(auth.BACKEND_SESSION_KEY)
    if backend != MODEL_BACKEND or backend not in settings.AUTHENTICATION_BACKENDS:
        return auth.get_user(request)
    try:
        user_id = User._meta.pk.to_python(session[auth.SESSION_KEY])  # type: ignore[union-attr]
    except KeyError:
        return AnonymousUser()
    user = _active_user(user_id)
    # Verify the session: Django's get_user from here on.
    if user is not None:
        session_hash = session.get(auth.HASH_SESSION_KEY)
        if not session_hash:
            session_hash_verified = False
        else:
            session_auth_hash = user.get_session_auth_hash()
            session_hash_verified = constant_time_compare(session_hash, session_auth_hash)
        if not session_hash_verified:
            # If the current secret does not verify the session, try with the fallback
            # secrets and stop when a matching one is found.
            if session_hash and any(
                constant_time_compare(session_hash, fallback_auth_hash)
                for fallback_auth_hash in user.get_session_auth_fallback_hash()
            ):
                session.cycle_key()
                session[auth.HASH_SESSION_KEY] = session_auth_hash
            else:
                session.flush()
                user = None
    return user or AnonymousUser()


def _user(request: HttpRequest) -> Any:
    if not hasattr(request, "_cached_user"):
        request._cached_user = session_user(request)  # type: ignore[attr-defined]
    return request._cached_user  # type: ignore[attr-defined]


class AuthenticationMiddleware(DjangoAuthenticationMiddleware):
    """Django's middleware (same checks, same `request.auser`), `request.user` by `session_user`."""

    def process_request(self, request: HttpRequest) -> None:
        super().process_request(request)
        request.user = SimpleLazyObject(lambda: _user(request))  # type: ignore[assignment]
