"""Fresh migrated databases for the tests that run the product in processes of their own.

Backup/restore under load, crash recovery, the worker and the national-sync deliverer killed
mid-way each need a database of their own on which `motcua migrate` has run. Migrating costs
≈ 10 s of CPU each time; the result is the same every time within one test run. So `motcua
migrate` runs once per test run (in a process of its own, as the operator runs it) into a
template, and each test gets a copy: `CREATE DATABASE … TEMPLATE` on PostgreSQL, a copy of the
file on SQLite. Each copy is a new, separate database that nothing else uses.

The controller process of a run (the only process without xdist, else the one that starts the
workers) names a folder shared by its workers (`SHARED`, set in the root conftest.py); a file
lock in it lets one worker build the template while the other waits, and the controller drops
the template at the end of the run.
"""

from __future__ import annotations

import fcntl
import hashlib
import os
import shutil
import sqlite3
import subprocess
import sys
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

SHARED = "MOTCUA_TEST_MIGRATED_DIR"


def _postgres(database: dict[str, Any]) -> bool:
    return str(database["ENGINE"]).endswith("postgresql")


def _url(database: dict[str, Any], name: str) -> str:
    auth = database["USER"] + (f":{database['PASSWORD']}" if database["PASSWORD"] else "")
    return f"postgres://{auth}@{database['HOST']}:{database['PORT'] or 5432}/{name}"


def _admin(database: dict[str, Any]) -> Any:
    import psycopg

    return psycopg.connect(host=database["HOST"], port=database["PORT"] or 5432, user=database["USER"],
                           password=database["PASSWORD"] or None, dbname="postgres", autocommit=True)


def _template_name(shared: Path) -> str:
    return f"motcua_migrated_{hashlib.sha256(str(shared).encode()).hexdigest()[:12]}"


@contextmanager
def _locked(shared: Path, name: str = "lock") -> Iterator[None]:
    with (shared / name).open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def _migrate(url: str, shared: Path, base_dir: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("MOTCUA_", "DJANGO_", "DATABASE_URL"))}
    env.update({"MOTCUA_DEBUG": "1", "DATABASE_URL": url, "MOTCUA_VAR_DIR": str(shared / "var")})
    done = subprocess.run([sys.executable, "-m", "motcua", "migrate", "--noinput"], cwd=base_dir, env=env,
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stdout + done.stderr


def fresh_database(database: dict[str, Any], shared: Path, tmp_path: Path, base_dir: Path) -> tuple[str, Any]:
    """(URL, drop) of a new database of the suite's vendor with every migration applied."""
    if _postgres(database):
        template = _template_name(shared)
        name = f"motcua_fresh_{uuid.uuid4().hex[:10]}"
        with _locked(shared), _admin(database) as admin:
            if admin.execute("SELECT 1 FROM pg_database WHERE datname = %s", [template]).fetchone() is None:
                building = f"{template}_building"
                admin.execute(f'DROP DATABASE IF EXISTS "{building}" WITH (FORCE)')
                admin.execute(f'CREATE DATABASE "{building}"')
                _migrate(_url(database, building), shared, base_dir)
                admin.execute(f'ALTER DATABASE "{building}" RENAME TO "{template}"')
            admin.execute(f'CREATE DATABASE "{name}" TEMPLATE "{template}"')

        def drop() -> None:
            with _admin(database) as admin:
                admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

        return _url(database, name), drop
    template_file = shared / "migrated.sqlite3"
    target = tmp_path / "fresh.sqlite3"
    with _locked(shared):
        if not template_file.exists():
            building_file = shared / "building.sqlite3"
            building_file.unlink(missing_ok=True)
            _migrate(f"sqlite:///{building_file}", shared, base_dir)
            with sqlite3.connect(building_file) as connection:  # everything in the main file, no -wal left
                connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            connection.close()
            Path(f"{building_file}-wal").unlink(missing_ok=True)
            Path(f"{building_file}-shm").unlink(missing_ok=True)
            building_file.replace(template_file)
        shutil.copyfile(template_file, target)
    return f"sqlite:///{target}", lambda: None


def drop_template(database: dict[str, Any], shared: Path) -> None:
    """At the end of a run (controller process): the template goes, with the shared folder."""
    if _postgres(database):
        with _admin(database) as admin:
            for name in (_template_name(shared), f"{_template_name(shared)}_building"):
                admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    shutil.rmtree(shared, ignore_errors=True)


# ---------------------------------------------------------------------------------------
# pytest-django's per-worker test databases, migrated once per run


def _test_template_name(database: dict[str, Any], shared: Path) -> str:
    """The PostgreSQL template of the workers' test databases: named after the suite's database
    (so that it carries its prefix) and the run."""
    return f"{str(database['NAME'])[:30]}_testdb_{hashlib.sha256(str(shared).encode()).hexdigest()[:12]}"


def _clonable(connection: Any) -> bool:
    """PostgreSQL, or SQLite with its test database in memory (the suite's settings)."""
    if connection.vendor == "postgresql":
        return True
    test_name = connection.creation._get_test_db_name()
    return connection.vendor == "sqlite" and connection.creation.is_in_memory_db(test_name)


def _save_test_template(connection: Any, template: str, shared: Path) -> None:
    """A copy of this worker's freshly migrated test database, for the other workers."""
    if connection.vendor == "postgresql":
        test_name = connection.settings_dict["NAME"]
        connection.close()  # the source of CREATE DATABASE … TEMPLATE must have no session
        if getattr(connection, "pool", None) is not None:
            connection.close_pool()  # a pooled connection is kept open by the pool (MOTCUA_DB_POOL)
        with _admin(connection.settings_dict) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{template}" WITH (FORCE)')
            admin.execute(f'CREATE DATABASE "{template}" TEMPLATE "{test_name}"')
        (shared / "testdb.ready").write_text(template)
        return
    connection.ensure_connection()
    building = shared / "testdb.building.sqlite3"
    building.unlink(missing_ok=True)
    target = sqlite3.connect(building)
    try:
        connection.connection.backup(target)
    finally:
        target.close()
    building.replace(shared / "testdb.sqlite3")
    (shared / "testdb.ready").write_text(str(shared / "testdb.sqlite3"))


def _clone_test_db(connection: Any, template: str) -> Any:
    """A replacement for `connection.creation.create_test_db` that copies the template instead
    of migrating: the same steps as Django's otherwise (name, settings, serialisation, cache
    tables)."""
    from django.conf import settings
    from django.core.management import call_command

    creation = connection.creation

    def create_test_db(verbosity: int = 1, autoclobber: bool = False, serialize: bool = True,
                       keepdb: bool = False) -> str:
        test_name = creation._get_test_db_name()
        if connection.vendor == "postgresql":
            with _admin(connection.settings_dict) as admin:
                admin.execute(f'DROP DATABASE IF EXISTS "{test_name}" WITH (FORCE)')
                admin.execute(f'CREATE DATABASE "{test_name}" TEMPLATE "{template}"')
        connection.close()
        settings.DATABASES[connection.alias]["NAME"] = test_name
        connection.settings_dict["NAME"] = test_name
        if connection.vendor == "sqlite":
            connection.ensure_connection()  # the shared in-memory database lives while this is open
            source = sqlite3.connect(template)
            try:
                source.backup(connection.connection)
            finally:
                source.close()
        if serialize:
            connection._test_serialized_contents = creation.serialize_db_to_string()
        call_command("createcachetable", database=connection.alias)
        connection.ensure_connection()
        return str(test_name)

    return create_test_db


def setup_test_databases(shared: Path, setup: Any) -> Any:
    """pytest-django's per-worker test databases: the first worker to get here migrates its own
    (`setup()`, Django's `setup_databases`) and leaves a copy of it in `shared`; the other workers
    wait for it and get a copy (`CREATE DATABASE … TEMPLATE` on PostgreSQL, SQLite's backup into
    the in-memory database) instead of migrating again. Returns what `setup()` returns."""
    from django.db import connections

    connection = connections["default"]
    if set(connections) != {"default"} or not _clonable(connection):
        return setup()
    template = _test_template_name(connection.settings_dict, shared)
    with _locked(shared, "testdb.lock"):
        ready = shared / "testdb.ready"
        if not ready.exists():
            config = setup()
            _save_test_template(connection, template, shared)
            return config
        # Django's own create_test_db, for this call only, copies instead of migrating.
        connection.creation.create_test_db = _clone_test_db(connection, ready.read_text())  # type: ignore[method-assign]
        try:
            return setup()
        finally:
            del connection.creation.create_test_db  # the class's method again


def drop_test_template(database: dict[str, Any], shared: Path) -> None:
    """At the end of a run (controller process): the workers' PostgreSQL template goes."""
    if _postgres(database):
        with _admin(database) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{_test_template_name(database, shared)}" WITH (FORCE)')
