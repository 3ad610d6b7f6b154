"""Only running or submitted dossiers in the due-time indexes: every query on `due_at` or
`current_step_due_at` asks for those statuses (sweeps, late list, digests, deadline filters, the
officer's day), so a dossier that stops running writes no entry there (docs/scale.md, session 9)."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("agencies", "0003_validity_and_successions"),
        ("catalog", "0005_generation"),
        ("documents", "0002_ocr_progress_and_confirmation"),
        ("dossiers", "0012_redundant_indexes"),
        ("geography", "0003_unique_units_without_nulls_distinct"),
    ]

    operations = [
        migrations.RemoveIndex(
            model_name="dossier",
            name="dossier_status_due",
        ),
        migrations.RemoveIndex(
            model_name="dossier",
            name="dossier_status_step_due",
        ),
        migrations.AddIndex(
            model_name="dossier",
            index=models.Index(
                condition=models.Q(("status__in", (1, 2, 4, 6))),
                fields=["status", "due_at"],
                name="dossier_status_due",
            ),
        ),
        migrations.AddIndex(
            model_name="dossier",
            index=models.Index(
                condition=models.Q(("status__in", (1, 2, 4, 6))),
                fields=["status", "current_step_due_at"],
                name="dossier_status_step_due",
            ),
        ),
    ]
