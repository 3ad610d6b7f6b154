"""A backup taken while dossiers are being submitted restores into a fresh database that verifies.

Everything runs as the operator would: separate `motcua` processes on databases of their own
(SQLite files, or new PostgreSQL databases when the suite runs on PostgreSQL: the source freshly
migrated, `migrated_database`; the target empty), one of them
submitting and receiving dossiers with files while another takes the backup.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest
from django.conf import settings

LOAD = """
import os, pathlib
from motcua.dossiers import services
from motcua.e2e.world import build_world, submit_birth
world = build_world()
stop, ready = pathlib.Path(os.environ["LOAD_STOP"]), pathlib.Path(os.environ["LOAD_READY"])
made = 0
while not stop.exists() and made < 400:
    dossier = submit_birth(world)
    if made % 2:
        services.receive_dossier(world.receptionist, dossier)
    made += 1
    if made == 5:
        ready.write_text("ok")
print(made)
"""


def _motcua(env: dict[str, str], *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
    result = subprocess.run([sys.executable, "-m", "motcua", *args], env=env, capture_output=True, text=True,
                            timeout=600, cwd=settings.BASE_DIR)
    if check:
        assert result.returncode == 0, result.stdout + result.stderr
    return result


@pytest.fixture
def target(tmp_path: Path) -> Iterator[str]:
    """An empty database (never migrated) of the vendor the suite runs on, to restore into."""
    if settings.DATABASES["default"]["ENGINE"].endswith("postgresql"):
        base = settings.DATABASES["default"]
        name = f"motcua_backup_target_{uuid.uuid4().hex[:8]}"
        admin = psycopg.connect(host=base["HOST"], port=base["PORT"] or 5432, user=base["USER"],
                                password=base["PASSWORD"] or None, dbname="postgres", autocommit=True)
        admin.execute(f'CREATE DATABASE "{name}"')
        auth = base["USER"] + (f":{base['PASSWORD']}" if base["PASSWORD"] else "")
        yield f"postgres://{auth}@{base['HOST']}:{base['PORT'] or 5432}/{name}"
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.close()
    else:
        yield f"sqlite:///{tmp_path / 'target.sqlite3'}"


@pytest.mark.slow
def test_a_backup_taken_under_load_restores_into_a_fresh_database_that_verifies(
    tmp_path: Path, migrated_database: str, target: str
) -> None:
    source = migrated_database  # the source: freshly migrated, as `motcua migrate` leaves it
    base = {k: v for k, v in os.environ.items() if not k.startswith("MOTCUA_")}
    base.update({"MOTCUA_DEBUG": "1", "MOTCUA_AUDIT_DIR": str(tmp_path / "audit"),
                 "MOTCUA_AUDIT_KEY_FILE": str(tmp_path / "audit.key")})
    src = {**base, "DATABASE_URL": source, "MOTCUA_VAR_DIR": str(tmp_path / "source")}
    dst = {**base, "DATABASE_URL": target, "MOTCUA_VAR_DIR": str(tmp_path / "target")}

    stop, ready, archive = tmp_path / "stop", tmp_path / "ready", tmp_path / "motcua.tar"
    load = subprocess.Popen([sys.executable, "-m", "motcua", "shell", "-c", LOAD],
                            env={**src, "LOAD_STOP": str(stop), "LOAD_READY": str(ready)},
                            cwd=settings.BASE_DIR, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 300
        while not ready.exists():
            assert load.poll() is None, load.communicate()
            assert time.monotonic() < deadline
            time.sleep(0.2)
        _motcua(src, "dossiers", "seal-audit")
        backup = json.loads(_motcua(src, "backup", "--output", str(archive), "--json").stdout)
    finally:
        stop.write_text("stop")
        out, err = load.communicate(timeout=300)
    assert load.returncode == 0, err
    made = int(out.strip().splitlines()[-1])
    assert backup["files"] >= 5 and archive.stat().st_size == backup["bytes"]

    restored = json.loads(_motcua(dst, "restore", str(archive), "--json").stdout)
    assert restored["pending_migrations"] == [] and restored["files"] == backup["files"]
    shown = _motcua(dst, "shell", "-c",
                    "from motcua.dossiers.models import Dossier, DossierFile; "
                    "import os; print(Dossier.objects.count()); "
                    "print(all(os.path.exists(f.file.path) for f in DossierFile.objects.all()))")
    count = shown.stdout.split()[-2:]
    assert 5 <= int(count[0]) <= made and count[1] == "True"
    assert _motcua(dst, "dossiers", "verify-audit").returncode == 0
    assert _motcua(dst, "stats", "check").returncode == 0
    # A second restore into a database with dossiers needs --replace.
    refused = _motcua(dst, "restore", str(archive), check=False)
    assert refused.returncode == 1 and "--replace" in refused.stderr
