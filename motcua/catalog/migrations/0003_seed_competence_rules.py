"""Seed the competence rules from motcua/catalog/competence_rules.csv (catalog managers edit them after)."""

from django.db import migrations


def seed(apps, schema_editor):
    from motcua.catalog.competence import seed_rules

    seed_rules(apps.get_model("catalog", "CompetenceRule"))


class Migration(migrations.Migration):

    dependencies = [
        ("catalog", "0002_competence_rules"),
        ("agencies", "0002_central_offices"),
    ]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
