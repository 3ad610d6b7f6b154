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
def _locked(shared: Path) -> Iterator[None]:
    with (shared / "lock").open("w") as lock:
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
