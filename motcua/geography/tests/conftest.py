from __future__ import annotations

from pathlib import Path

import pytest

from motcua.geography.importer import import_conversion_table
from motcua.geography.tests import samples


@pytest.fixture
def imported(db: None, tmp_path: Path) -> None:
    """The hand-written quirks table, imported."""
    import_conversion_table(samples.write(tmp_path))
