from __future__ import annotations

import pytest

from motcua.agencies.services import ensure_province_agencies
from motcua.geography.fixture import load_fixture
from motcua.geography.importer import apply_plan


@pytest.fixture
def lang_son(db: None) -> None:
    """The built-in Lạng Sơn geography with its agencies."""
    apply_plan(load_fixture())
    ensure_province_agencies("20")
