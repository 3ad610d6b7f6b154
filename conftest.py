import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

os.environ.setdefault("MOTCUA_TESTING", "1")


@pytest.fixture(autouse=True)
def _fresh_rate_limits() -> None:
    """Rate-limit counters live in the cache (per process in tests): each test starts with none."""
    from django.core.cache import cache

    cache.clear()


@pytest.fixture(autouse=True)
def _no_event_loop_left_running(request: pytest.FixtureRequest) -> None:
    """A browser test's event loop (Playwright) must be closed before a test of another module
    runs in the same process: code that calls `asyncio.run` (pyhanko's signing) fails in a thread
    where a loop is running, and the failure would show far from its cause."""
    import asyncio

    if "browser" in request.fixturenames:
        return
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return
    pytest.fail("an event loop is still running in this thread (a browser fixture left open?)")


@pytest.fixture(autouse=True)
def _default_language() -> Iterator[None]:
    """Each test starts in Vietnamese: a page visited in English must not leak into the next test
    (the test client's requests leave their language active in the thread)."""
    from django.conf import settings
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


def pytest_configure(config: pytest.Config) -> None:
    """The controller of a run (not an xdist worker) names the folder its workers share for the
    migrated template of `migrated_database` (motcua/core/tests/migrated.py)."""
    import tempfile

    from motcua.core.tests.migrated import SHARED

    if not hasattr(config, "workerinput") and SHARED not in os.environ:
        os.environ[SHARED] = tempfile.mkdtemp(prefix="motcua-migrated-")
        config.stash[_template_owner] = os.environ[SHARED]
    from motcua.core.tests import flush, sqlite_sharing

    flush.install()  # a transactional test's teardown: Django's flush's state, for less (flush.py)
    sqlite_sharing.install()  # a live server's threads share the in-memory SQLite connection safely


_template_owner = pytest.StashKey[str]()


def pytest_unconfigure(config: pytest.Config) -> None:
    import shutil
    import tempfile

    # This process's audit checkpoints and PKI (settings: a folder per test process).
    shutil.rmtree(Path(tempfile.gettempdir()) / f"motcua-audit-{os.getpid()}", ignore_errors=True)
    shared = config.stash.get(_template_owner, None)
    if shared is not None:
        from django.conf import settings

        from motcua.core.tests.migrated import SHARED, drop_template, drop_test_template

        drop_test_template(settings.DATABASES["default"], Path(shared))
        drop_template(settings.DATABASES["default"], Path(shared))
        os.environ.pop(SHARED, None)


@pytest.fixture
def migrated_database(tmp_path: Path) -> Iterator[str]:
    """The URL of a new database of the suite's vendor (SQLite, or PostgreSQL when the suite runs
    on it) on which `motcua migrate` has run — a copy of a template migrated once per run — for a
    test that runs the product in processes of its own. Dropped after the test."""
    from django.conf import settings

    from motcua.core.tests.migrated import SHARED, fresh_database

    url, drop = fresh_database(settings.DATABASES["default"], Path(os.environ[SHARED]), tmp_path,
                               Path(settings.BASE_DIR))
    try:
        yield url
    finally:
        drop()


@pytest.fixture(scope="session")
def django_db_setup(  # noqa: PLR0913 (pytest-django's own fixture's arguments)
    request: pytest.FixtureRequest,
    django_test_environment: None,
    django_db_blocker: Any,
    django_db_use_migrations: bool,
    django_db_keepdb: bool,
    django_db_createdb: bool,
    django_db_modify_db_settings: None,
) -> Iterator[None]:
    """pytest-django's `django_db_setup`, except that under xdist the per-worker test databases
    are migrated once per run: the first worker migrates its own and the others get a copy of it
    (`setup_test_databases`, motcua/core/tests/migrated.py). The same tables, rows and settings
    as migrating each; ≈ 7–10 s of CPU less per extra worker. Without xdist, with --reuse-db or
    --no-migrations, it is pytest-django's fixture unchanged."""
    from django.test.utils import setup_databases, teardown_databases
    from pytest_django.fixtures import _disable_migrations, _get_databases_for_setup

    from motcua.core.tests.migrated import SHARED, setup_test_databases

    if not django_db_use_migrations:
        _disable_migrations()
    keepdb = django_db_keepdb and not django_db_createdb
    aliases, serialized_aliases = _get_databases_for_setup(request.session.items)

    def setup() -> Any:
        return setup_databases(verbosity=request.config.option.verbose, interactive=False, aliases=aliases,
                               serialized_aliases=serialized_aliases, **({"keepdb": True} if keepdb else {}))

    shared = os.environ.get(SHARED)
    xdist = hasattr(request.config, "workerinput")
    with django_db_blocker.unblock():
        if shared is not None and xdist and django_db_use_migrations and not keepdb:
            db_cfg = setup_test_databases(Path(shared), setup)
        else:
            db_cfg = setup()
    yield
    if not django_db_keepdb:
        with django_db_blocker.unblock():
            try:
                teardown_databases(db_cfg, verbosity=request.config.option.verbose)
            except Exception as exc:  # pytest-django's own warning
                message = f"Error when trying to teardown test databases: {exc!r}"
                request.node.warn(pytest.PytestWarning(message))


def _transactional(item: pytest.Item) -> bool:
    marker = item.get_closest_marker("django_db")
    fixtures = getattr(item, "fixturenames", [])
    return bool(marker and (marker.kwargs.get("transaction") or marker.kwargs.get("reset_sequences"))) or (
        "transactional_db" in fixtures or "live_server" in fixtures
    )


def _deselect_postgresql_only(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Tests marked `postgresql` (several connections writing at once, partitions) are not
    collected on SQLite — deselected, not skipped: CI's PostgreSQL suite runs every one of them."""
    from django.conf import settings

    if settings.DATABASES["default"]["ENGINE"].endswith("postgresql"):
        return
    dropped = {id(item) for item in items if item.get_closest_marker("postgresql")}
    if dropped:
        config.hook.pytest_deselected(items=[item for item in items if id(item) in dropped])
        items[:] = [item for item in items if id(item) not in dropped]


@pytest.hookimpl(trylast=True)  # after pytest-django's order (database tests, transactional, others)
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """The long tests (marked slow; none is skipped) start first on every xdist worker.

    --dist worksteal hands each of the n workers a consecutive n-th of the collection, then moves
    tests from the end of a busy worker's queue to an idle one. With the long tests at the head
    of each worker's share (dealt in turn, a module's together), no worker is left running a
    40-second test alone at the end. Only the order changes; every test still runs. A
    transactional test is never moved (it empties the tables the database tests after it would
    find seeded), and the moved ones run before any transactional test of their worker, as
    pytest-django's order wants.
    """
    _deselect_postgresql_only(config, items)
    workers = int(getattr(config, "workerinput", {}).get("workercount", 1))
    slow = [item for item in items if item.get_closest_marker("slow") and not _transactional(item)]
    if workers < 2 or not slow:
        return
    moved = {id(item) for item in slow}
    rest = [item for item in items if id(item) not in moved]
    # A module's slow tests stay together, on one worker, in their order: they may share a
    # module-scoped fixture (one import of the real catalog for the assistant's evaluations).
    modules: dict[str, list[pytest.Item]] = {}
    for item in slow:
        modules.setdefault(item.nodeid.split("::")[0], []).append(item)
    shares: list[list[pytest.Item]] = [[] for _ in range(workers)]
    for tests in modules.values():
        min(shares, key=len).extend(tests)
    ordered: list[pytest.Item] = []
    left = len(items)
    for k in range(workers):
        size = left // (workers - k)  # what worksteal sends to the k-th idle worker
        take = max(size - len(shares[k]), 0)
        ordered += shares[k] + rest[:take]
        rest = rest[take:]
        left -= size
    items[:] = ordered + rest
