from __future__ import annotations

from collections.abc import Iterator

import pytest

from motcua.dossiers.sample import World, build_world
from motcua.nationalsync.tests import portal as portal_module
from motcua.nationalsync.tests.portal import Portal


@pytest.fixture
def world(db: None) -> World:
    return build_world()


@pytest.fixture(autouse=True)
def _fresh_calendar(tmp_path: object, settings: object) -> Iterator[None]:
    from motcua.worktime.calendars import clear_calendar_cache

    settings.MEDIA_ROOT = str(tmp_path)  # type: ignore[attr-defined]
    clear_calendar_cache()
    yield
    clear_calendar_cache()


@pytest.fixture
def sync_on(settings: object) -> None:
    settings.MOTCUA_SYNC_ENABLED = True  # type: ignore[attr-defined]


@pytest.fixture
def portal(settings: object) -> Iterator[Portal]:
    """The local portal, running, with motcua pointed at it."""
    state = Portal()
    server, thread = portal_module.start(state)
    settings.MOTCUA_SYNC_URL = state.url  # type: ignore[attr-defined]
    settings.MOTCUA_SYNC_TOKEN = "token-of-the-province"  # type: ignore[attr-defined]
    settings.MOTCUA_SYNC_TIMEOUT_SECONDS = 5  # type: ignore[attr-defined]
    yield state
    server.shutdown()
    server.server_close()
    thread.join(5)
