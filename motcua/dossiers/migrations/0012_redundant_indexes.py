"""Indexes every written dossier row paid for and no query needs (docs/scale.md, session 9).

- The single-column indexes of foreign keys that lead a composite index or unique constraint
  (the dossier's two agencies, the step's, event's and supplement request's dossier, the
  sequence's agency): any query on the column alone uses the composite.
- PostgreSQL: the `varchar_pattern_ops` copy of the dossier code's unique index, which serves
  only `LIKE 'prefix%'`; dossier codes are searched by equality (the unique index) or by
  `contains`/`iexact`, which no btree serves.
"""

from typing import Any

import django.db.models.deletion
from django.db import migrations, models

LIKE_INDEX = "dossiers_dossier_code_6d68c351_like"

# (table, column) of each foreign key whose own index goes. The indexes are dropped by name, not
# by AlterField: SQLite would rebuild each table, and a rebuilt table loses its triggers (the
# events' append-only trigger).
FOREIGN_KEYS = (
    ("dossiers_dossier", "receiving_agency_id"),
    ("dossiers_dossier", "competent_agency_id"),
    ("dossiers_dossierstep", "dossier_id"),
    ("dossiers_dossierevent", "dossier_id"),
    ("dossiers_supplementrequest", "dossier_id"),
    ("dossiers_dossiersequence", "agency_id"),
)


def _name(schema_editor: Any, table: str, column: str) -> str:
    # The name Django gave the index of a ForeignKey (BaseDatabaseSchemaEditor._create_index_sql).
    return str(schema_editor._create_index_name(table, [column], suffix=""))


def drop(apps: Any, schema_editor: Any) -> None:
    for table, column in FOREIGN_KEYS:
        schema_editor.execute(
            f"DROP INDEX IF EXISTS {schema_editor.quote_name(_name(schema_editor, table, column))}"
        )
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {LIKE_INDEX}")


def create(apps: Any, schema_editor: Any) -> None:
    q = schema_editor.quote_name
    for table, column in FOREIGN_KEYS:
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {q(_name(schema_editor, table, column))} ON {q(table)} ({q(column)})"
        )
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {LIKE_INDEX} ON dossiers_dossier (code varchar_pattern_ops)"
        )


class Migration(migrations.Migration):
    dependencies = [
        ("agencies", "0003_validity_and_successions"),
        ("dossiers", "0011_partition_events"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[migrations.RunPython(drop, create, elidable=False)],
            state_operations=[
                migrations.AlterField(
                    model_name="dossier",
                    name="competent_agency",
                    field=models.ForeignKey(
                        db_index=False,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to="agencies.agency",
                        verbose_name="cơ quan giải quyết",
                    ),
                ),
                migrations.AlterField(
                    model_name="dossier",
                    name="receiving_agency",
                    field=models.ForeignKey(
                        db_index=False,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to="agencies.agency",
                        verbose_name="nơi tiếp nhận",
                    ),
                ),
                migrations.AlterField(
                    model_name="dossierevent",
                    name="dossier",
                    field=models.ForeignKey(
                        db_index=False,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="events",
                        to="dossiers.dossier",
                    ),
                ),
                migrations.AlterField(
                    model_name="dossiersequence",
                    name="agency",
                    field=models.ForeignKey(
                        db_index=False,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to="agencies.agency",
                    ),
                ),
                migrations.AlterField(
                    model_name="dossierstep",
                    name="dossier",
                    field=models.ForeignKey(
                        db_index=False,
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="steps",
                        to="dossiers.dossier",
                    ),
                ),
                migrations.AlterField(
                    model_name="supplementrequest",
                    name="dossier",
                    field=models.ForeignKey(
                        db_index=False,
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="supplement_requests",
                        to="dossiers.dossier",
                    ),
                ),
            ],
        ),
    ]
