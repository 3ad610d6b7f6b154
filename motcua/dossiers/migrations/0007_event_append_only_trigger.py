"""The database itself refuses changes to dossier events, not only the ORM (core/append_only.py)."""

from django.db import migrations

from motcua.core.append_only import append_only


class Migration(migrations.Migration):
    dependencies = [("dossiers", "0006_clock_started_at_result_delivery")]

    operations = [append_only("dossiers_dossierevent", "dossier_event_append_only", "dossier events")]
