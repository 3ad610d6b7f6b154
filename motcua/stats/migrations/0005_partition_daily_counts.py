"""PostgreSQL: both daily tables become PARTITION BY RANGE (day), one partition per month
(motcua.core.partitions). SQLite: nothing. Django's state does not change (same columns)."""

from __future__ import annotations

from typing import Any

from django.db import migrations
from django.utils import timezone

from motcua.core.partitions import Spec, partition_table, unpartition_table

SPECS = [Spec("stats_dailycount", "day"), Spec("stats_agencydailycount", "day")]


def forwards(apps: Any, schema_editor: Any) -> None:
    if schema_editor.connection.vendor != "postgresql":
        return
    with schema_editor.connection.cursor() as cursor:
        for spec in SPECS:
            partition_table(cursor, spec, timezone.localdate())


def backwards(apps: Any, schema_editor: Any) -> None:
    if schema_editor.connection.vendor != "postgresql":
        return
    with schema_editor.connection.cursor() as cursor:
        for spec in SPECS:
            unpartition_table(cursor, spec)


class Migration(migrations.Migration):
    dependencies = [("stats", "0004_monthly_counts")]

    operations = [migrations.RunPython(forwards, backwards, elidable=False)]
