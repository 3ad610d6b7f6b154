"""The transactional tests' teardown (motcua/core/tests/flush.py) leaves the database as Django's
flush leaves it: every model table empty but the content types, permissions and role groups
that post_migrate makes, and a new catalog generation token."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from motcua.catalog.services import generation
from motcua.core.tests import flush
from motcua.dossiers.models import DossierEvent
from motcua.e2e.world import build_world, submit_birth

pytestmark = [pytest.mark.postgresql, pytest.mark.django_db(transaction=True)]


def _state() -> dict[str, Any]:
    """What the database holds, without surrogate ids (Django's flush gives new ones)."""
    post_migrate = {ContentType._meta.db_table, Permission._meta.db_table, Group._meta.db_table,
                    Group.permissions.through._meta.db_table}
    counts = {}
    with connection.cursor() as cursor:
        for table in connection.introspection.django_table_names(only_existing=True, include_views=False):
            if table not in post_migrate:
                cursor.execute(f"SELECT count(*) FROM {connection.ops.quote_name(table)}")
                counts[table] = cursor.fetchone()[0]
    return {
        "counts": counts,
        "content types": sorted(ContentType.objects.values_list("app_label", "model")),
        "permissions": sorted(Permission.objects.values_list("content_type__app_label", "codename", "name")),
        "groups": sorted((g.name, sorted(g.permissions.values_list("codename", flat=True)))
                         for g in Group.objects.all()),
    }


def _fill(tmp_path: Path) -> None:
    """Rows in many tables: units, agencies, the catalog (its generation triggers), users and
    their role groups, a dossier with its files and append-only events (partitioned)."""
    submit_birth(build_world())
    assert DossierEvent.objects.exists()


def test_the_teardown_flush_leaves_what_djangos_flush_leaves(settings: Any, tmp_path: Path) -> None:
    settings.MEDIA_ROOT = tmp_path / "uploads"
    _fill(tmp_path)
    Group.objects.create(name="made by a test")  # a post_migrate table changed: emptied, sent again
    token = generation()
    assert flush.flush(connection)
    ours = _state()
    assert generation() not in (None, token)  # the TRUNCATE triggers' new token

    _fill(tmp_path)  # the post_migrate tables as post_migrate left them: kept, not sent again
    kept_ids = sorted(ContentType.objects.values_list("pk", flat=True))
    token = generation()
    with CaptureQueriesContext(connection) as queries:
        assert flush.flush(connection)
    inserts = [q["sql"] for q in queries.captured_queries if q["sql"].startswith("INSERT")]
    assert not any("django_content_type" in sql or "auth_permission" in sql for sql in inserts)
    assert sorted(ContentType.objects.values_list("pk", flat=True)) == kept_ids
    assert _state() == ours
    assert generation() not in (None, token)

    _fill(tmp_path)
    Group.objects.create(name="made by a test")
    token = generation()
    call_command("flush", verbosity=0, interactive=False, reset_sequences=False)
    djangos = _state()
    assert generation() not in (None, token)
    assert djangos == ours
    assert sum(djangos["counts"].values()) == 1  # the generation token's row
    assert djangos["groups"]  # the role groups, made again

