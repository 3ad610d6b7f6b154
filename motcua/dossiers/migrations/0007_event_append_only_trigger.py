"""The database itself refuses changes to dossier events, not only the ORM.

PostgreSQL: a trigger refuses UPDATE and DELETE (only the table's owner can disable it, and the
audit checkpoints of motcua/dossiers/anchor.py catch what such an owner rewrites). SQLite: a
trigger refuses UPDATE; DELETE stays guarded by the ORM alone, because Django empties SQLite
tables with DELETE when tests flush the database (PostgreSQL uses TRUNCATE, which row triggers
do not see).
"""

from django.db import migrations

CREATE = """
CREATE OR REPLACE FUNCTION motcua_dossier_event_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'dossier events are append-only (% refused)', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER dossier_event_append_only
    BEFORE UPDATE OR DELETE ON dossiers_dossierevent
    FOR EACH ROW EXECUTE FUNCTION motcua_dossier_event_append_only();
"""

SQLITE_CREATE = """
CREATE TRIGGER dossier_event_append_only BEFORE UPDATE ON dossiers_dossierevent
BEGIN
    SELECT RAISE(ABORT, 'dossier events are append-only (UPDATE refused)');
END;
"""

DROP = """
DROP TRIGGER IF EXISTS dossier_event_append_only ON dossiers_dossierevent;
DROP FUNCTION IF EXISTS motcua_dossier_event_append_only();
"""


def create(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        schema_editor.execute(CREATE, params=None)
    elif vendor == "sqlite":
        schema_editor.execute(SQLITE_CREATE)


def drop(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        schema_editor.execute(DROP)
    elif vendor == "sqlite":
        schema_editor.execute("DROP TRIGGER IF EXISTS dossier_event_append_only;")


class Migration(migrations.Migration):
    dependencies = [("dossiers", "0006_clock_started_at_result_delivery")]

    operations = [migrations.RunPython(create, drop)]
