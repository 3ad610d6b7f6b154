"""Build the demo database: migrations, geography, agencies, accounts, catalog, dossiers.

Each app that has demo data exposes `motcua.<app>.demo.load(command, data_dir)`; they
run in dependency order. With the real files under MOTCUA_DATA_DIR they are imported in
full; without them each app falls back to its small built-in dataset.
"""

from __future__ import annotations

import importlib
import time
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

# A step that took longer than this also prints when it ended and how long it took.
SLOW_STEP_SECONDS = 3.0
DEMO_STEPS = ["geography", "agencies", "accounts", "worktime", "catalog", "dossiers", "documents", "stats",
              "centre"]


class Command(BaseCommand):
    help = "Create or refresh the demo database and print the demo accounts."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--data-dir", type=Path, default=None)
        parser.add_argument("--port", type=int, default=8000,
                            help=_("Cổng mà máy chủ demo sẽ dùng (để in địa chỉ)."))
        parser.add_argument("--host", default="127.0.0.1", help=_("Địa chỉ mà máy chủ demo sẽ dùng."))

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
            began = time.perf_counter()
            self.stdout.write(_("[%(step)d/%(steps)d] %(app)s…") % {
                "step": DEMO_STEPS.index(app) + 1, "steps": len(DEMO_STEPS), "app": app})
            self.stdout.flush()
            module.load(self, data_dir)
            seconds = time.perf_counter() - began
            if seconds >= SLOW_STEP_SECONDS:
                self.stdout.write(_("[%(step)d/%(steps)d] %(app)s: xong sau %(seconds).0f giây.") % {
                    "step": DEMO_STEPS.index(app) + 1, "steps": len(DEMO_STEPS), "app": app,
                    "seconds": seconds})
        from motcua.accounts.demo import print_accounts

        print_accounts(self)
        url = f"http://{options['host']}:{options['port']}/"
        self.stdout.write(_("→ %(url)s  (quản trị: %(url)sadmin/, API: %(url)sapi/v1/docs)") % {"url": url})
