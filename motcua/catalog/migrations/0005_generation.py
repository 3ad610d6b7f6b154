"""The catalog's generation token (catalog.models.Generation) and the triggers that change it.

Every write to a table whose rows a process keeps (catalog.services.snapshot) gives the one
row of catalog_generation a new random token, in the writer's transaction: on PostgreSQL one
statement-level trigger per table (a bulk insert of 500 rows bumps it once; TRUNCATE too), on
SQLite a row-level trigger per table and operation. Random rather than a counter: a counter
restarts when the table is emptied (a test database flushed) and could meet an old value again.
"""

from django.db import migrations, models

WATCHED = [
    "catalog_field", "catalog_procedure", "catalog_procedureversion", "catalog_requirement",
    "catalog_channel", "catalog_processstep", "agencies_agency",
]
PG_FUNCTION = """
CREATE OR REPLACE FUNCTION catalog_generation_bump() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO catalog_generation (id, token) VALUES (1, md5(random()::text || clock_timestamp()::text))
    ON CONFLICT (id) DO UPDATE SET token = EXCLUDED.token;
    RETURN NULL;
END $$
"""
SQLITE_BUMP = "INSERT OR REPLACE INTO catalog_generation (id, token) VALUES (1, lower(hex(randomblob(16))))"


def install(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        schema_editor.execute(PG_FUNCTION)
        for table in WATCHED:
            schema_editor.execute(
                f"CREATE TRIGGER {table}_generation AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON {table}"
                " FOR EACH STATEMENT EXECUTE FUNCTION catalog_generation_bump()")
    elif vendor == "sqlite":
        for table in WATCHED:
            for operation in ("INSERT", "UPDATE", "DELETE"):
                schema_editor.execute(
                    f"CREATE TRIGGER {table}_generation_{operation.lower()} AFTER {operation} ON {table}"
                    f" FOR EACH ROW BEGIN {SQLITE_BUMP}; END")
    else:  # without triggers, a kept catalog could be stale: refuse rather than serve it
        raise RuntimeError(f"catalog_generation has no triggers for the {vendor} database")
    schema_editor.execute("INSERT INTO catalog_generation (id, token) VALUES (1, 'initial')")


def uninstall(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        for table in WATCHED:
            schema_editor.execute(f"DROP TRIGGER IF EXISTS {table}_generation ON {table}")
        schema_editor.execute("DROP FUNCTION IF EXISTS catalog_generation_bump()")
    elif vendor == "sqlite":
        for table in WATCHED:
            for operation in ("insert", "update", "delete"):
                schema_editor.execute(f"DROP TRIGGER IF EXISTS {table}_generation_{operation}")


class Migration(migrations.Migration):
    dependencies = [
        ("catalog", "0004_local_decisions"),
        ("agencies", "0003_validity_and_successions"),
    ]

    operations = [
        migrations.CreateModel(
            name="Generation",
            fields=[
                ("id", models.PositiveSmallIntegerField(primary_key=True, serialize=False)),
                ("token", models.CharField(max_length=64)),
            ],
            options={"db_table": "catalog_generation"},
        ),
        migrations.RunPython(install, uninstall, elidable=False),
    ]
