"""After a transactional test's teardown (motcua/core/tests/flush.py), on either database, the
rows the data migrations wrote are there again for the database tests that follow."""

from __future__ import annotations

import pytest


@pytest.mark.django_db(transaction=True)
def test_after_a_transactional_tests_teardown_the_data_migrations_rows_are_back() -> None:
    # Decision 766's weights come from a data migration; a teardown empties their table as any
    # other, and a database test the worker runs next must still find them.
    from django.test import TransactionTestCase

    from motcua.catalog.competence import read_rules_file
    from motcua.catalog.models import CompetenceRule
    from motcua.stats.models import IndicatorWeight

    seeded = sorted(IndicatorWeight.objects.values_list("code", "max_points"))
    assert len(seeded) == 11
    def rules_now() -> list[tuple[str, ...]]:
        return sorted(CompetenceRule.objects.values_list("pattern", "field_pattern", "level", "agency_kind"))

    rules = rules_now()
    assert len(rules) == len(read_rules_file()) > 100  # the competence rules' seed
    IndicatorWeight.objects.filter(code="1.1").update(max_points=1)  # an edit a test made
    CompetenceRule.objects.filter(pattern="chi cuc hai quan").delete()
    TransactionTestCase("__init__")._fixture_teardown()  # type: ignore[attr-defined]  # Django's private teardown
    assert sorted(IndicatorWeight.objects.values_list("code", "max_points")) == seeded
    # without them, a customs dossier received at a commune centre would stay at the commune
    assert rules_now() == rules
