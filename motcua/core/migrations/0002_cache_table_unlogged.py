"""On PostgreSQL the database cache's table is UNLOGGED (motcua/core/cache.py).

Its rows are throttle counters, rate limits and look-ups that can be rebuilt: a transaction
that writes only to an unlogged table commits without waiting for the write-ahead log to reach
the disk. The price is Redis's without persistence: the table is emptied after a crash of the
database server. SQLite has no such tables; nothing changes there.
"""

from django.conf import settings
from django.db import migrations


def _alter(schema_editor, state):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"ALTER TABLE {schema_editor.quote_name(settings.CACHE_TABLE)} SET {state}")


def unlogged(apps, schema_editor):
    _alter(schema_editor, "UNLOGGED")


def logged(apps, schema_editor):
    _alter(schema_editor, "LOGGED")


class Migration(migrations.Migration):
    dependencies = [("core", "0001_cache_table")]
    operations = [migrations.RunPython(unlogged, logged, elidable=False)]
