"""`request.user` by `session_user` is Django's `auth.get_user`, case by case (accounts/session_user.py)."""

from __future__ import annotations

from typing import Any

import pytest
from django.conf import settings
from django.contrib import auth
from django.contrib.auth.models import AnonymousUser
from django.db import connection
from django.test import Client, RequestFactory
from django.test.utils import CaptureQueriesContext, override_settings

from motcua.accounts.models import Role, User
from motcua.accounts.session_user import MODEL_BACKEND, session_user
from motcua.core.sessions import SessionStore

pytestmark = pytest.mark.django_db

PASSWORD = "mat-khau-dai-2025"  # noqa: S105 (a test account's)


def _signed_in(backend: str = MODEL_BACKEND) -> tuple[User, str]:
    """A citizen and the key of a session signed in with `backend` (as login() writes it)."""
    user = User.objects.create_user("congdan.phien", password=PASSWORD, role=Role.CITIZEN)
    client = Client()
    client.force_login(user, backend=backend)
    return user, client.session.session_key or ""


def _request(key: str) -> Any:
    request = RequestFactory().get("/")
    request.session = SessionStore(key)
    return request


def _both(key: str) -> tuple[Any, Any]:
    """What session_user and Django's get_user each give for the session `key` (read apart)."""
    return session_user(_request(key)), auth.get_user(_request(key))


def test_a_password_sign_in_gives_the_same_user_as_django_with_one_statement() -> None:
    user, key = _signed_in()
    request = _request(key)
    assert request.session[auth.SESSION_KEY] == str(user.pk)  # read apart: only the user is counted
    with CaptureQueriesContext(connection) as captured:
        found = session_user(request)
    assert len(captured) == 1
    django = auth.get_user(_request(key))
    assert type(found) is type(django) is User
    fields = [f.attname for f in User._meta.concrete_fields]
    assert [getattr(found, f) for f in fields] == [getattr(django, f) for f in fields]
    assert found.pk == user.pk and found.is_authenticated
    assert found._state.adding is False and found._state.db == "default"
    # As loaded by the ORM: the role and number it was read with (a change of role is noticed).
    assert (found._loaded_role, found._loaded_id_number) == (user.role, user.id_number)


def test_an_inactive_or_deleted_account_is_nobody_as_for_django() -> None:
    user, key = _signed_in()
    User.objects.filter(pk=user.pk).update(is_active=False)
    ours, django = _both(key)
    assert isinstance(ours, AnonymousUser) and isinstance(django, AnonymousUser)
    User.objects.filter(pk=user.pk).delete()
    ours, django = _both(key)
    assert isinstance(ours, AnonymousUser) and isinstance(django, AnonymousUser)


def test_a_changed_password_signs_the_session_out_and_flushes_it() -> None:
    user, key = _signed_in()
    user.set_password("mot-mat-khau-khac-2025")
    user.save()
    request = _request(key)
    assert isinstance(session_user(request), AnonymousUser)
    # Flushed as Django flushes it: the row is gone, the session is a new empty one.
    assert not SessionStore().exists(key)
    assert request.session.session_key is None and not request.session.items()


def test_a_session_without_its_hash_is_signed_out() -> None:
    _user, key = _signed_in()
    store = SessionStore(key)
    del store[auth.HASH_SESSION_KEY]
    store.save()
    ours, django = _both(key)
    assert isinstance(ours, AnonymousUser) and isinstance(django, AnonymousUser)


OLD_KEY = "an-old-secret-key-" + "x" * 40


def test_a_session_hashed_with_a_fallback_secret_key_is_kept_and_rehashed() -> None:
    with override_settings(SECRET_KEY=OLD_KEY):
        user, key = _signed_in()
    with override_settings(SECRET_KEY_FALLBACKS=[OLD_KEY]):
        request = _request(key)
        found = session_user(request)
        assert isinstance(found, User) and found.pk == user.pk
        # Cycled to a new key, hashed with the current secret (as Django's get_user does).
        assert request.session.session_key != key
        assert request.session[auth.HASH_SESSION_KEY] == found.get_session_auth_hash()
    # Without the fallback, a hash made with the old key signs out.
    User.objects.filter(pk=user.pk).delete()
    with override_settings(SECRET_KEY=OLD_KEY):
        _user, old_key = _signed_in()
    ours, django = _both(old_key)
    assert isinstance(ours, AnonymousUser) and isinstance(django, AnonymousUser)


def test_other_backends_and_broken_sessions_go_to_django() -> None:
    # A session of another configured backend: Django's get_user, whatever it returns.
    user, key = _signed_in(backend="motcua.portal.oidc.IdNumberBackend")
    ours, django = _both(key)
    assert type(ours) is type(django)
    assert getattr(ours, "pk", None) == getattr(django, "pk", None)
    # A backend no longer configured: nobody.
    store = SessionStore(key)
    store[auth.BACKEND_SESSION_KEY] = "somewhere.Else"
    store.save()
    ours, django = _both(key)
    assert isinstance(ours, AnonymousUser) and isinstance(django, AnonymousUser)
    # A backend but no user id, and no session at all: nobody.
    store[auth.BACKEND_SESSION_KEY] = MODEL_BACKEND
    del store[auth.SESSION_KEY]
    store.save()
    ours, django = _both(key)
    assert isinstance(ours, AnonymousUser) and isinstance(django, AnonymousUser)
    ours, django = _both("")
    assert isinstance(ours, AnonymousUser) and isinstance(django, AnonymousUser)
    assert user.pk


def test_the_middleware_serves_request_user_by_session_user() -> None:
    assert "motcua.accounts.session_user.AuthenticationMiddleware" in settings.MIDDLEWARE
    assert "django.contrib.auth.middleware.AuthenticationMiddleware" not in settings.MIDDLEWARE
    user, _key = _signed_in()
    client = Client()
    client.force_login(user, backend=MODEL_BACKEND)
    assert client.get("/api/v1/auth/me").json()["username"] == user.username
    user.set_password("mot-mat-khau-khac-2025")
    user.save()
    assert client.get("/api/v1/auth/me").status_code == 401
