"""A transactional test's teardown that leaves the database as Django's flush does, for less.

After each transactional test (live server, several connections, real commits) Django's
`TransactionTestCase` runs `flush`: one TRUNCATE of every model table (on PostgreSQL; a DELETE of
each on SQLite), then `post_migrate`, whose receivers create the content types, the
permissions and the role groups again (≈ 90 statements). On PostgreSQL that costs ≈ 0.45 s a
test on a quiet machine: TRUNCATE gives every table and index (and every monthly partition) new
files, and `post_migrate` is ≈ 90 round trips. A test writes to a few tables only.

`flush` below reaches the same state on PostgreSQL (SQLite keeps Django's flush: DELETE is
cheap there, and its row triggers fire under it):

- only the tables that have a row are emptied (one statement finds them), with DELETE;
  on PostgreSQL under `session_replication_role = replica`, so that, as under TRUNCATE, no row
  trigger fires (the append-only guards that refuse DELETE, the counters' stock triggers) and no
  foreign key is checked row by row (every table ends empty, as after TRUNCATE);
- the statement-level TRUNCATE triggers that Django's TRUNCATE would fire (on every table
  in it, empty or not: the catalog's generation token) fire, through an empty DELETE of
  their table: `flush` refuses a schema where such a trigger is not also its table's only
  statement-level DELETE trigger, where a TRUNCATE trigger sits on a partition, or where a
  trigger fires under the replica role, and falls back to Django's flush;
- the tables `post_migrate` writes (content types, permissions, groups and their
  permissions) are kept, and `post_migrate` is not sent, when they hold exactly the rows that
  `post_migrate` left on the emptied database at an earlier teardown of this process (same
  rows, same ids: compared in one statement), and `post_migrate` has no receiver besides
  the three known ones; its receivers only add what is missing, so sending it would change
  nothing. Otherwise they are emptied and it is sent, as Django does.

Sequences are not reset (Django's teardown flush does not reset them either); rows keep the ids
they had instead of new ones in the tables kept. Tests marked with `available_apps` or
`serialized_rollback`, and a database user that may not set `session_replication_role` (not a
superuser), use Django's flush unchanged.
"""

from __future__ import annotations

import weakref
from importlib import import_module
from typing import Any

# The receivers of post_migrate that only add missing rows to the tables of `_post_migrate_tables`.
KNOWN_POST_MIGRATE = {
    ("django.contrib.contenttypes.management", "create_contenttypes"),
    ("django.contrib.auth.management", "create_permissions"),
    ("motcua.accounts.roles", "after_migrate"),
}
# Per database alias: the fingerprint of the post_migrate tables right after post_migrate ran on
# an emptied database in this process.
_after_post_migrate: dict[str, str] = {}
_TRUNCATE, _DELETE, _ROW = 1 << 5, 1 << 3, 1
_superuser: dict[str, bool] = {}


def _post_migrate_tables() -> list[str]:
    from django.contrib.auth.models import Group, Permission
    from django.contrib.contenttypes.models import ContentType

    return [ContentType._meta.db_table, Permission._meta.db_table, Group._meta.db_table,
            Group.permissions.through._meta.db_table]


def _fingerprint(cursor: Any, connection: Any, tables: list[str]) -> str:
    """Every row of `tables` (all columns, by id) in one md5."""
    quote = connection.ops.quote_name
    parts = [f"(SELECT md5(coalesce(string_agg(t::text, ',' ORDER BY t.id), '')) FROM {quote(table)} t)"
             for table in tables]
    cursor.execute(f"SELECT {' || '.join(parts)}")
    return str(cursor.fetchone()[0])


_management_imported = False


def _only_known_receivers() -> bool:
    """post_migrate's receivers are the known ones, once every app's management module is
    imported (as Django's flush does before it sends the signal)."""
    global _management_imported
    from django.apps import apps
    from django.db.models.signals import post_migrate

    if not _management_imported:
        for app_config in apps.get_app_configs():
            try:
                import_module(".management", app_config.name)
            except ImportError:
                pass
        _management_imported = True
    names = set()
    for _key, receiver, *_rest in post_migrate.receivers:
        target = receiver() if isinstance(receiver, weakref.ReferenceType) else receiver
        if target is not None:
            names.add((target.__module__, target.__qualname__))
    return names <= KNOWN_POST_MIGRATE


def _truncate_triggers(cursor: Any, tables: list[str]) -> list[str] | None:
    """The tables among `tables` with a TRUNCATE trigger, or None when DELETE under the replica
    role and an empty DELETE of those tables would not fire exactly what Django's TRUNCATE
    fires: a trigger that fires under the replica role (ENABLE ALWAYS or REPLICA), a TRUNCATE
    trigger on another table (a partition: TRUNCATE of its parent fires it), or a table whose
    statement-level DELETE triggers are not its TRUNCATE triggers."""
    cursor.execute(
        "SELECT c.relname, t.tgname, t.tgtype, t.tgenabled FROM pg_trigger t"
        " JOIN pg_class c ON c.oid = t.tgrelid"
        " WHERE NOT t.tgisinternal AND t.tgenabled <> 'D' AND pg_table_is_visible(c.oid)")
    listed = set(tables)
    truncate: dict[str, set[str]] = {}
    statement_delete: dict[str, set[str]] = {}
    for table, name, kind, enabled in cursor.fetchall():
        if enabled != "O" or (kind & _TRUNCATE and table not in listed):
            return None
        if table not in listed:
            continue
        if kind & _TRUNCATE:
            truncate.setdefault(table, set()).add(name)
        if kind & _DELETE and not kind & _ROW:
            statement_delete.setdefault(table, set()).add(name)
    if any(truncate.get(table) != names for table, names in statement_delete.items()) or any(
            statement_delete.get(table) != names for table, names in truncate.items()):
        return None
    return sorted(truncate)


def flush(connection: Any) -> bool:
    """Empty the database as Django's teardown flush does; False (nothing done) when this
    schema needs Django's own flush."""
    from django.core.management.sql import emit_post_migrate_signal
    from django.db import transaction

    if connection.vendor != "postgresql":  # SQLite's flush (DELETE) is cheap; its row triggers fire
        return False
    quote = connection.ops.quote_name
    tables = connection.introspection.django_table_names(only_existing=True, include_views=False)
    if not tables:
        return False
    kept = _post_migrate_tables()
    if connection.alias not in _superuser:
        with connection.cursor() as cursor:
            cursor.execute("SELECT rolsuper FROM pg_roles WHERE rolname = current_user")
            _superuser[connection.alias] = bool(cursor.fetchone()[0])
    if not _superuser[connection.alias]:
        return False
    with transaction.atomic(using=connection.alias), connection.cursor() as cursor:
        fire = _truncate_triggers(cursor, tables)
        if fire is None:
            return False
        cursor.execute(" UNION ALL ".join(f"SELECT '{table}' WHERE EXISTS (SELECT 1 FROM {quote(table)})"
                                          for table in tables))
        filled = [row[0] for row in cursor.fetchall()]
        reference = _after_post_migrate.get(connection.alias)
        keep = (reference is not None and _only_known_receivers()
                and set(kept) <= set(tables) and _fingerprint(cursor, connection, kept) == reference)
        empty = [table for table in filled if not (keep and table in kept)]
        cursor.execute("SET LOCAL session_replication_role = replica")
        for table in empty:
            cursor.execute(f"DELETE FROM {quote(table)}")
        cursor.execute("SET LOCAL session_replication_role = origin")
        for table in fire:  # what Django's TRUNCATE of every table fires after it
            cursor.execute(f"DELETE FROM {quote(table)} WHERE false")
    if not keep:
        emit_post_migrate_signal(0, False, connection.alias)
        with connection.cursor() as cursor:
            _after_post_migrate[connection.alias] = _fingerprint(cursor, connection, kept)
    return True


# The data migrations whose rows every database test finds (the migrated test database has them):
# (module, function), run again after each flush — which empties their tables as any other.
SEEDS = [("motcua.stats.migrations.0002_seed_indicator_weights", "seed"),
         ("motcua.catalog.migrations.0003_seed_competence_rules", "seed")]


def reseed(db_name: str) -> None:
    """Write the data migrations' rows again (each seed only adds or updates its own rows), so a
    database test that runs after a transactional one on the same worker (pytest-xdist's
    worksteal can order them so) finds what the migrations left: Decision 766's weights, the
    competence rules."""
    from django.apps import apps
    from django.db import transaction

    with transaction.atomic(using=db_name):
        for module, name in SEEDS:
            getattr(import_module(module), name)(apps, None)  # the seeds use no schema editor


def install() -> None:
    """`TransactionTestCase`'s teardown uses `flush` (Django's own where it must)."""
    from django.core.management import call_command
    from django.db import connections
    from django.test import TransactionTestCase

    django_teardown = TransactionTestCase._fixture_teardown  # type: ignore[attr-defined]
    if getattr(django_teardown, "motcua_flush", False):
        return

    def _fixture_teardown(self: Any) -> None:
        if self.available_apps is not None or self.serialized_rollback:
            django_teardown(self)
            return
        for db_name in self._databases_names(include_mirrors=False):
            if not flush(connections[db_name]):
                call_command("flush", verbosity=0, interactive=False, database=db_name, reset_sequences=False)
            reseed(db_name)

    _fixture_teardown.motcua_flush = True  # type: ignore[attr-defined]
    setattr(TransactionTestCase, "_fixture_teardown", _fixture_teardown)  # noqa: B010 (a private method)
