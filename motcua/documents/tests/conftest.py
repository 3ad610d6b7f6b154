"""Fixtures: the sample world, a fresh PKI folder and media folder per test."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from django.utils import translation

from motcua.documents import pki
from motcua.dossiers.sample import World, build_world


@pytest.fixture(autouse=True)
def _isolated_files(tmp_path: Path, settings: Any) -> None:
    settings.MEDIA_ROOT = str(tmp_path / "media")
    settings.MOTCUA_PKI_DIR = tmp_path / "pki"
    settings.MOTCUA_TSA_URL = ""


@pytest.fixture(autouse=True)
def _vietnamese() -> Iterator[None]:
    """Messages in Vietnamese, whatever language an earlier request in this thread activated."""
    with translation.override("vi"):
        yield


@pytest.fixture
def world(db: None) -> World:
    return build_world()


@pytest.fixture
def signing_world(world: World) -> World:
    """The world with the province's CA and certificates for the two agencies that sign."""
    pki.init_pki(
        [(agency.code, agency.name) for agency in (world.ward_committee, world.ward_center)],
        "CA Tỉnh Lạng Sơn",
    )
    return world
