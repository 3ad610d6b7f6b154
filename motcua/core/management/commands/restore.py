"""`motcua restore FILE.tar [--replace]`: a backup back into the configured database and MEDIA_ROOT."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _

from motcua.core import backup
from motcua.core.cli import to_json


class Command(BaseCommand):
    help = "Restore a backup made by `motcua backup` (refuses a database with dossiers unless --replace)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("archive", type=Path)
        parser.add_argument("--replace", action="store_true",
                            help="Replace a database that already holds dossiers.")
        parser.add_argument("--json", action="store_true")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            manifest = backup.restore(options["archive"], replace=options["replace"])
        except backup.BackupError as error:
            raise CommandError(str(error), returncode=1) from None
        pending = manifest["pending_migrations"]
        if options["json"]:
            self.stdout.write(to_json({"created_at": manifest["created_at"], "vendor": manifest["vendor"],
                                       "files": len(manifest["files"]), "pending_migrations": pending}))
            return
        self.stdout.write(_("Đã khôi phục bản sao lưu lúc %(at)s: %(files)s tệp.")
                          % {"at": manifest["created_at"], "files": len(manifest["files"])})
        if pending:
            self.stdout.write(_("Cơ sở dữ liệu cần cập nhật cấu trúc: chạy “motcua migrate”."))
        self.stdout.write(_("Hãy kiểm tra: motcua dossiers verify-audit; motcua stats check."))
