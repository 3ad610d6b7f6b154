"""`motcua backup --output FILE.tar`: the database (consistent snapshot) and the uploaded files."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _

from motcua.core import backup
from motcua.core.cli import to_json


class Command(BaseCommand):
    help = "Back up the database and the uploaded files into one .tar file."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--output", type=Path, required=True, help="The .tar file to write.")
        parser.add_argument("--json", action="store_true")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            summary = backup.backup(options["output"])
        except backup.BackupError as error:
            raise CommandError(str(error), returncode=1) from None
        if options["json"]:
            self.stdout.write(to_json({"file": str(summary.path), "vendor": summary.vendor,
                                       "files": summary.files, "bytes": summary.size}))
        else:
            message = _("Đã sao lưu vào %(file)s: cơ sở dữ liệu %(vendor)s, %(files)s tệp, %(mb).1f MB.")
            self.stdout.write(message % {"file": summary.path, "vendor": summary.vendor,
                                         "files": summary.files, "mb": summary.size / 1e6})
