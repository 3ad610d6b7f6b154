"""The database itself refuses changes to the account audit log (as dossiers 0007 does for events).

PostgreSQL: a trigger refuses UPDATE and DELETE. SQLite: a trigger refuses UPDATE; DELETE stays
guarded by the ORM, because Django empties SQLite tables with DELETE when tests flush the database.
"""

from django.db import migrations

CREATE = """
CREATE OR REPLACE FUNCTION motcua_account_event_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'account events are append-only (% refused)', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER account_event_append_only
    BEFORE UPDATE OR DELETE ON accounts_accountevent
    FOR EACH ROW EXECUTE FUNCTION motcua_account_event_append_only();
"""

SQLITE_CREATE = """
CREATE TRIGGER account_event_append_only BEFORE UPDATE ON accounts_accountevent
BEGIN
    SELECT RAISE(ABORT, 'account events are append-only (UPDATE refused)');
END;
"""

DROP = """
DROP TRIGGER IF EXISTS account_event_append_only ON accounts_accountevent;
DROP FUNCTION IF EXISTS motcua_account_event_append_only();
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
        schema_editor.execute("DROP TRIGGER IF EXISTS account_event_append_only;")


class Migration(migrations.Migration):
    dependencies = [("accounts", "0002_account_event")]

    operations = [migrations.RunPython(create, drop)]
