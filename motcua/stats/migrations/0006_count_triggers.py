"""Triggers on both daily tables keep the monthly stock snapshots exact (motcua.stats.snapshots):
every change of a daily row moves the snapshots of the built months after its day."""

from __future__ import annotations

from typing import Any

from django.db import migrations


def forwards(apps: Any, schema_editor: Any) -> None:
    from motcua.stats.snapshots import trigger_sql

    for statement in trigger_sql(schema_editor.connection.vendor):
        schema_editor.execute(statement, params=None)


def backwards(apps: Any, schema_editor: Any) -> None:
    from motcua.stats.snapshots import drop_trigger_sql

    for statement in drop_trigger_sql(schema_editor.connection.vendor):
        schema_editor.execute(statement, params=None)


class Migration(migrations.Migration):
    dependencies = [("stats", "0005_partition_daily_counts")]

    operations = [migrations.RunPython(forwards, backwards, elidable=False)]
