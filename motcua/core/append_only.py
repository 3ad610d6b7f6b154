"""A migration operation that makes the database itself refuse changes to an append-only table.

PostgreSQL: a trigger refuses UPDATE and DELETE (only the table's owner can switch it off; the
audit checkpoints catch what such an owner rewrites). SQLite: a trigger refuses UPDATE; DELETE
stays guarded by the ORM alone, because Django empties SQLite tables with DELETE when tests flush
the database (PostgreSQL uses TRUNCATE, which row triggers do not see).
Used by the dossier events (dossiers 0007) and the account audit log (accounts 0003).
"""

from __future__ import annotations

from typing import Any

from django.db import migrations


def append_only(table: str, name: str, what: str) -> migrations.RunPython:
    """RunPython creating (and, backwards, dropping) trigger `name` on `table`."""
    function = f"motcua_{name}"
    postgres = f"""
CREATE OR REPLACE FUNCTION {function}() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION '{what} are append-only (% refused)', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER {name}
    BEFORE UPDATE OR DELETE ON {table}
    FOR EACH ROW EXECUTE FUNCTION {function}();
"""
    sqlite = f"""
CREATE TRIGGER {name} BEFORE UPDATE ON {table}
BEGIN
    SELECT RAISE(ABORT, '{what} are append-only (UPDATE refused)');
END;
"""

    def create(apps: Any, schema_editor: Any) -> None:
        vendor = schema_editor.connection.vendor
        if vendor == "postgresql":
            schema_editor.execute(postgres, params=None)  # the SQL's % is PL/pgSQL's, not a parameter
        elif vendor == "sqlite":
            schema_editor.execute(sqlite)

    def drop(apps: Any, schema_editor: Any) -> None:
        vendor = schema_editor.connection.vendor
        if vendor == "postgresql":
            schema_editor.execute(f"DROP TRIGGER IF EXISTS {name} ON {table};")
            schema_editor.execute(f"DROP FUNCTION IF EXISTS {function}();")
        elif vendor == "sqlite":
            schema_editor.execute(f"DROP TRIGGER IF EXISTS {name};")

    return migrations.RunPython(create, drop)
