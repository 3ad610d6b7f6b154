from django.db import migrations, models
from django.db.models import OuterRef, Subquery, Value
from django.db.models.functions import Coalesce

GENESIS_HASH = "0" * 64


def fill_chain_heads(apps, schema_editor):
    """Existing dossiers: the head is the hash of their newest event."""
    Dossier = apps.get_model("dossiers", "Dossier")
    DossierEvent = apps.get_model("dossiers", "DossierEvent")
    newest = DossierEvent.objects.filter(dossier=OuterRef("pk")).order_by("-seq").values("hash")[:1]
    Dossier.objects.update(last_event_hash=Coalesce(Subquery(newest), Value(GENESIS_HASH)))


class Migration(migrations.Migration):

    dependencies = [
        ('dossiers', '0001_initial'),
    ]

    operations = [
        migrations.AddField(
            model_name='dossier',
            name='last_event_hash',
            field=models.CharField(default=GENESIS_HASH, editable=False, max_length=64),
        ),
        migrations.RunPython(fill_chain_heads, migrations.RunPython.noop),
    ]
