"""PostgreSQL: the dossier events become PARTITION BY RANGE (at), one partition per local month
(motcua.core.partitions), with the append-only trigger re-created on the parent (PostgreSQL
clones it onto every partition, present and future). The primary key becomes (id, at) and the
unique (dossier, seq) becomes (dossier, seq, at): the database requires the partition key in
both; `seq` stays unique per dossier because every transition appends under the dossier's row
lock (seq = last + 1) and `verify-audit` would find a duplicate (the hash chain breaks).
SQLite: nothing. Django's state does not change."""

from __future__ import annotations

from typing import Any

from django.db import migrations
from django.utils import timezone

from motcua.core.partitions import Spec, partition_table, unpartition_table

SPEC = Spec("dossiers_dossierevent", "at", timestamp=True)


def forwards(apps: Any, schema_editor: Any) -> None:
    if schema_editor.connection.vendor != "postgresql":
        return
    with schema_editor.connection.cursor() as cursor:
        partition_table(cursor, SPEC, timezone.localdate())


def backwards(apps: Any, schema_editor: Any) -> None:
    if schema_editor.connection.vendor != "postgresql":
        return
    with schema_editor.connection.cursor() as cursor:
        unpartition_table(cursor, SPEC)


class Migration(migrations.Migration):
    dependencies = [("dossiers", "0010_applicant_identifier_validators")]

    operations = [migrations.RunPython(forwards, backwards, elidable=False)]
