"""Backups of the database and the uploaded files, and their restore (issue #18: data that survives).

A backup is one `.tar` file:

* `manifest.json` — when, which database vendor, the applied migrations, the files and their sizes;
* `database.dump` (PostgreSQL, `pg_dump --format=custom`: one consistent snapshot, taken while
  the server keeps running) or `database.sqlite3` (SQLite's online backup API, also consistent);
* `uploads/…` — every file under MEDIA_ROOT, listed after the snapshot, so every file a row of
  the snapshot names is in it (a file uploaded during the backup may come along as an orphan,
  which `motcua dossiers check-files` reports and the cleanup removes).

`restore` refuses a database that already holds dossiers unless told to replace it, restores the
snapshot (`pg_restore --clean --if-exists --no-owner` / the backup API) and the files, and checks
the manifest's migrations against the code. The audit checkpoints and their key are not in the
backup: they live on other storage precisely so that a restored database can be checked against
them (`motcua dossiers verify-audit`).
"""

from __future__ import annotations

import datetime as dt
import io
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db import connection, connections
from django.db.migrations.executor import MigrationExecutor
from django.db.migrations.recorder import MigrationRecorder
from django.utils import timezone
from django.utils.translation import gettext as _

FORMAT = 1


class BackupError(Exception):
    """The backup cannot be made or restored; the message is translated."""


@dataclass(frozen=True)
class Summary:
    path: Path
    vendor: str
    files: int
    size: int


def _pg_env() -> tuple[list[str], dict[str, str]]:
    params = connection.get_connection_params()
    env = dict(os.environ)
    args = []
    if params.get("host"):
        args += ["--host", str(params["host"])]
    if params.get("port"):
        args += ["--port", str(params["port"])]
    if params.get("user"):
        args += ["--username", str(params["user"])]
    if params.get("password"):
        env["PGPASSWORD"] = str(params["password"])
    return [*args, "--dbname", str(params.get("dbname") or settings.DATABASES["default"]["NAME"])], env


def _run(command: list[str], env: dict[str, str]) -> None:
    result = subprocess.run(command, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        raise BackupError(_("%(tool)s thất bại: %(error)s") % {
            "tool": command[0], "error": result.stderr.strip()[-500:]})


def _media_files() -> list[Path]:
    root = Path(settings.MEDIA_ROOT)
    return sorted(p for p in root.rglob("*") if p.is_file()) if root.is_dir() else []


def backup(out: Path) -> Summary:
    """Write a backup archive to `out` (written under a temporary name, renamed when complete)."""
    vendor = connection.vendor
    if vendor not in ("postgresql", "sqlite"):
        raise BackupError(_("Chưa hỗ trợ sao lưu cơ sở dữ liệu %(vendor)s.") % {"vendor": vendor})
    out.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="motcua-backup-") as work:
        folder = Path(work)
        if vendor == "postgresql":
            dump = folder / "database.dump"
            args, env = _pg_env()
            _run(["pg_dump", "--format=custom", "--no-owner", "--file", str(dump), *args], env)
        else:
            dump = folder / "database.sqlite3"
            connection.ensure_connection()
            target = sqlite3.connect(dump)
            with target:
                connection.connection.backup(target)  # type: ignore[union-attr]
            target.close()
        migrations = sorted(f"{app}.{name}" for app, name in
                            MigrationRecorder(connection).applied_migrations())
        files = _media_files()
        root = Path(settings.MEDIA_ROOT)
        manifest = {
            "format": FORMAT, "created_at": timezone.now().isoformat(), "vendor": vendor,
            "database": dump.name, "migrations": migrations,
            "files": [{"path": str(p.relative_to(root)), "size": p.stat().st_size} for p in files],
        }
        partial = out.with_name(out.name + ".part")
        with tarfile.open(partial, "w") as archive:
            data = json.dumps(manifest, ensure_ascii=False, indent=1).encode("utf-8")
            info = tarfile.TarInfo("manifest.json")
            info.size = len(data)
            info.mtime = int(dt.datetime.now().timestamp())
            archive.addfile(info, io.BytesIO(data))
            archive.add(dump, arcname=dump.name)
            for path in files:
                archive.add(path, arcname=f"uploads/{path.relative_to(root)}")
        os.replace(partial, out)
    return Summary(out, vendor, len(files), out.stat().st_size)


def _safe_members(archive: tarfile.TarFile) -> list[tarfile.TarInfo]:
    members = archive.getmembers()
    for member in members:
        name = Path(member.name)
        if name.is_absolute() or ".." in name.parts or not (member.isfile() or member.isdir()):
            raise BackupError(_("Tệp sao lưu có mục không hợp lệ: %(name)s") % {"name": member.name})
    return members


def _has_dossiers() -> bool:
    with connection.cursor() as cursor:
        tables = connection.introspection.table_names(cursor)
    if "dossiers_dossier" not in tables:
        return False
    from motcua.dossiers.models import Dossier

    return Dossier.objects.exists()


def restore(archive_path: Path, *, replace: bool = False) -> dict[str, Any]:
    """Restore a backup into the configured database and MEDIA_ROOT; returns the manifest."""
    if not archive_path.is_file():
        raise BackupError(_("Không có tệp sao lưu %(path)s.") % {"path": archive_path})
    with tempfile.TemporaryDirectory(prefix="motcua-restore-") as work:
        folder = Path(work)
        try:
            with tarfile.open(archive_path) as archive:
                archive.extractall(folder, members=_safe_members(archive), filter="data")
            manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
        except (tarfile.TarError, OSError, ValueError, KeyError) as error:
            raise BackupError(_("Tệp sao lưu hỏng: %(error)s") % {"error": error}) from None
        if manifest.get("format") != FORMAT:
            raise BackupError(_("Định dạng sao lưu không được hỗ trợ."))
        if manifest["vendor"] != connection.vendor:
            raise BackupError(_("Bản sao lưu của %(backup)s, cơ sở dữ liệu hiện tại là %(current)s.") % {
                "backup": manifest["vendor"], "current": connection.vendor})
        if _has_dossiers() and not replace:
            raise BackupError(_("Cơ sở dữ liệu đã có hồ sơ; dùng --replace để thay thế toàn bộ."))
        dump = folder / manifest["database"]
        if connection.vendor == "postgresql":
            args, env = _pg_env()
            connection.close()
            _run(["pg_restore", "--clean", "--if-exists", "--no-owner", "--single-transaction", *args,
                  str(dump)], env)
        else:
            connection.ensure_connection()
            source = sqlite3.connect(dump)
            with source:
                source.backup(connection.connection)  # type: ignore[arg-type]
            source.close()
        for alias in connections:
            connections[alias].close()
        root = Path(settings.MEDIA_ROOT)
        for entry in manifest["files"]:
            target = root / entry["path"]
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(folder / "uploads" / entry["path"], target)
    executor = MigrationExecutor(connection)
    plan = executor.migration_plan(executor.loader.graph.leaf_nodes())
    manifest["pending_migrations"] = [f"{m.app_label}.{m.name}" for m, _backwards in plan]
    return manifest
