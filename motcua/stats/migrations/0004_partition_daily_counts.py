"""PostgreSQL: both daily tables become PARTITION BY RANGE (day), one partition per month
(motcua.stats.partitions). SQLite: nothing. Django's state does not change (same columns)."""

from __future__ import annotations

from typing import Any

from django.db import migrations

TABLES = {"stats_dailycount": "day", "stats_agencydailycount": "day"}


def forwards(apps: Any, schema_editor: Any) -> None:
    if schema_editor.connection.vendor != "postgresql":
        return
    from motcua.stats.partitions import partition_table

    with schema_editor.connection.cursor() as cursor:
        for table, column in TABLES.items():
            partition_table(cursor, table, column)


def backwards(apps: Any, schema_editor: Any) -> None:
    if schema_editor.connection.vendor != "postgresql":
        return
    from motcua.stats.partitions import unpartition_table

    with schema_editor.connection.cursor() as cursor:
        for table in TABLES:
            unpartition_table(cursor, table)


class Migration(migrations.Migration):
    dependencies = [("stats", "0003_stock_snapshots")]

    operations = [migrations.RunPython(forwards, backwards, elidable=False)]
