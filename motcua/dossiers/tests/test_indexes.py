"""The dossier tables carry only the indexes a query needs (docs/scale.md, session 9)."""

from __future__ import annotations

import importlib
from typing import Any

import pytest
from django.db import connection

from motcua.dossiers.models import Dossier

pytestmark = pytest.mark.django_db

REDUNDANT = importlib.import_module("motcua.dossiers.migrations.0012_redundant_indexes")


def _indexes(table: str) -> dict[str, Any]:
    with connection.cursor() as cursor:
        found = connection.introspection.get_constraints(cursor, table)
    return {name: c for name, c in found.items() if c["index"] or c["unique"]}


@pytest.mark.parametrize(("table", "column"), REDUNDANT.FOREIGN_KEYS)
def test_a_foreign_key_leading_a_composite_has_no_index_of_its_own(table: str, column: str) -> None:
    indexes = _indexes(table)
    assert not [name for name, c in indexes.items() if c["columns"] == [column]], indexes
    # …and the composite that serves its queries is there.
    assert [name for name, c in indexes.items() if len(c["columns"]) > 1 and c["columns"][0] == column]


def test_the_dossier_code_keeps_its_unique_index_only() -> None:
    on_code = [name for name, c in _indexes(Dossier._meta.db_table).items() if c["columns"] == ["code"]]
    assert len(on_code) == 1, on_code
