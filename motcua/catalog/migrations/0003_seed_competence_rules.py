"""Seed the competence rules from motcua/catalog/competence_rules.csv (catalog managers edit them after)."""

from django.db import migrations


def seed(apps, schema_editor):
    from motcua.catalog.competence import read_rules_file

    CompetenceRule = apps.get_model("catalog", "CompetenceRule")
    for row in read_rules_file():
        CompetenceRule.objects.get_or_create(
            pattern=row["pattern"], field_pattern=row["field_pattern"], level=row["level"],
            defaults={k: v for k, v in row.items() if k not in ("pattern", "field_pattern", "level")})


class Migration(migrations.Migration):

    dependencies = [
        ("catalog", "0002_competence_rules"),
        ("agencies", "0002_central_offices"),
    ]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
