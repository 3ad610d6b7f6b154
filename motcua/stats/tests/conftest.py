"""Fixtures: the dossiers app's sample world (real procedure codes, made-up people)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from motcua.dossiers.sample import World, at, build_world

__all__ = ["World", "at", "build_world"]


@pytest.fixture
def world(db: None) -> World:
    return build_world()


@pytest.fixture(autouse=True)
def _fresh_caches() -> Iterator[None]:
    from motcua.stats.facts import clear_cache
    from motcua.worktime.calendars import clear_calendar_cache

    clear_calendar_cache()
    clear_cache()
    yield
    clear_calendar_cache()
    clear_cache()


@pytest.fixture(autouse=True)
def _media(tmp_path: object, settings: object) -> None:
    settings.MEDIA_ROOT = str(tmp_path)  # type: ignore[attr-defined]
