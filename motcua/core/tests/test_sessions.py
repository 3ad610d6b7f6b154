"""The session store (motcua/core/sessions.py): Django's database sessions, read by one statement."""

from __future__ import annotations

import datetime as dt

import pytest
from django.conf import settings
from django.contrib.sessions.backends.db import SessionStore as DjangoStore
from django.contrib.sessions.models import Session
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from motcua.accounts.models import User
from motcua.core.sessions import SessionStore

pytestmark = pytest.mark.django_db


def test_the_site_uses_it() -> None:
    assert settings.SESSION_ENGINE == "motcua.core.sessions"


def test_a_session_saved_by_either_store_is_read_by_the_other_in_one_statement() -> None:
    django_store = DjangoStore()
    django_store.update({"a": 1, "name": "Hoàng Văn An"})
    django_store.save()
    ours = SessionStore(django_store.session_key)
    with CaptureQueriesContext(connection) as queries:
        assert dict(ours.items()) == {"a": 1, "name": "Hoàng Văn An"}
    assert len(queries) == 1
    ours["b"] = [2, 3]
    ours.save()
    assert dict(DjangoStore(ours.session_key).items()) == {"a": 1, "name": "Hoàng Văn An", "b": [2, 3]}


def test_an_expired_unknown_or_invalid_key_is_an_empty_new_session() -> None:
    store = SessionStore()
    store["a"] = 1
    store.save()
    Session.objects.filter(session_key=store.session_key).update(
        expire_date=timezone.now() - dt.timedelta(seconds=1))
    for key in (store.session_key, "x" * 32, "short", None):
        again = SessionStore(key)
        assert dict(again.items()) == {}
        assert again.session_key is None  # a new key is made when it is saved, never the old one
    # Tampered data (wrong signature) decodes to nothing, as with Django's store.
    fresh = SessionStore()
    fresh["a"] = 1
    fresh.save()
    Session.objects.filter(session_key=fresh.session_key).update(session_data="bm90IHNpZ25lZA:bad")
    assert dict(SessionStore(fresh.session_key).items()) == {}


def test_sign_in_and_sign_out_through_the_session() -> None:
    user = User.objects.create_user("congdan.sess", password="mat-khau-dai-123")
    client = Client()
    client.force_login(user)
    key = client.cookies[settings.SESSION_COOKIE_NAME].value
    assert SessionStore(key)["_auth_user_id"] == str(user.pk)
    client.logout()
    assert not Session.objects.filter(session_key=key).exists()
    assert dict(SessionStore(key).items()) == {}
