"""The triggers made by hand in migrations are all there after every migration has run.

On SQLite a migration that alters a table remakes it (new table, rows copied, old one dropped),
and the new table has none of the old one's triggers: the append-only refusal of dossier events
and account events, or the stock figures kept by the daily counts, would be lost without a word.
Such a migration must install them again; this test fails when one does not. (The catalog's
generation triggers have their own test: api/tests/test_submit_catalog_kept.py.)
"""

from __future__ import annotations

import pytest
from django.db import connection

from motcua.stats.snapshots import PAIRS

APPEND_ONLY = {
    "dossiers_dossierevent": "dossier_event_append_only",
    "accounts_accountevent": "account_event_append_only",
}


def _triggers() -> set[tuple[str, str]]:
    """(table, trigger) of every trigger on a table of this schema (clones on partitions left out)."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "SELECT c.relname, t.tgname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid "
                "WHERE NOT t.tgisinternal AND t.tgparentid = 0 "
                "AND c.relnamespace = current_schema()::regnamespace"
            )
        else:
            cursor.execute("SELECT tbl_name, name FROM sqlite_master WHERE type = 'trigger'")
        return {(table, name) for table, name in cursor.fetchall()}


@pytest.mark.django_db
def test_the_append_only_and_stock_triggers_are_all_there_after_all_migrations() -> None:
    found = _triggers()
    expected = set(APPEND_ONLY.items())
    for pair in PAIRS:
        daily = pair.daily_table
        if connection.vendor == "postgresql":
            expected.add((daily, f"{daily}_stock"))
        else:
            expected |= {(daily, f"{daily}_stock_{kind}") for kind in ("insert", "delete", "update", "rekey")}
    assert expected <= found, sorted(expected - found)
