"""Fixtures: the sample world with the PKI; fresh media and PKI folders per test."""

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


def _with_pki(world: World) -> World:
    pki.init_pki([(a.code, a.name) for a in (world.ward_center, world.other_center)], "CA Tỉnh Lạng Sơn")
    return world


@pytest.fixture
def world(db: None) -> World:
    return _with_pki(build_world())


@pytest.fixture
def live_world(transactional_db: None) -> World:
    return _with_pki(build_world())
