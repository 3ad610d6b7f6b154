"""Build the demo database: migrations, geography, agencies, accounts, catalog, dossiers.

Each app that has demo data exposes `motcua.<app>.demo.load(command, data_dir)`; they
run in dependency order. With the real files under MOTCUA_DATA_DIR they are imported in
full; without them each app falls back to its small built-in dataset.
"""

from __future__ import annotations

import importlib
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

DEMO_STEPS = ["geography", "agencies", "accounts", "worktime", "catalog", "dossiers", "documents", "stats",
              "centre"]


class Command(BaseCommand):
    help = "Create or refresh the demo database and print the demo accounts."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--data-dir", type=Path, default=None)

    def handle(self, *args: Any, **options: Any) -> None:
        Path(settings.VAR_DIR).mkdir(parents=True, exist_ok=True)
        call_command("migrate", interactive=False, verbosity=0)
        data_dir: Path = options["data_dir"] or Path(settings.DATA_DIR)
        if not data_dir.is_dir():
            self.stdout.write(
                _("Không thấy %(path)s: dùng bộ dữ liệu mẫu tích hợp.") % {"path": data_dir}
            )
        for app in DEMO_STEPS:
            try:
                module = importlib.import_module(f"motcua.{app}.demo")
            except ModuleNotFoundError as error:
                if error.name not in (f"motcua.{app}", f"motcua.{app}.demo"):
                    raise  # a broken import inside the demo module must not skip the step silently
                continue
            module.load(self, data_dir)
        from motcua.accounts.demo import print_accounts

        print_accounts(self)
        self.stdout.write("→ http://127.0.0.1:8000/  (admin: /admin/, API: /api/v1/docs)")
