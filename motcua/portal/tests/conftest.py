from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from motcua.e2e.world import World, build_world


@pytest.fixture(autouse=True)
def media_root(settings: Any, tmp_path: Path) -> Path:
    """Uploads of a test go to its own folder, never to var/."""
    settings.MEDIA_ROOT = tmp_path / "uploads"
    return Path(settings.MEDIA_ROOT)


@pytest.fixture
def world(db: Any) -> World:
    return build_world()
