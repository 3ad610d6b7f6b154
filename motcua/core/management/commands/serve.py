"""`motcua serve`: the production server (gunicorn, settings in motcua/core/gunicorn_config.py)."""

from __future__ import annotations

import os
import sys
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from motcua.core.checks import PUBLIC_URL_TAG


class Command(BaseCommand):
    help = "Run the production server (gunicorn, preloaded application, N worker processes)."
    requires_system_checks: list[str] = []  # the server's own start-up checks the settings

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--bind", help="address:port (default MOTCUA_BIND or 127.0.0.1:8000)")
        parser.add_argument("--workers", type=int,
                            help="worker processes (default MOTCUA_WEB_WORKERS or 2×CPU+1)")
        parser.add_argument("--threads", type=int,
                            help="threads per worker (default MOTCUA_WEB_THREADS or 1)")

    def handle(self, *args: Any, **options: Any) -> None:
        # Refuse to start with settings that would print wrong links on slips (core/checks.py).
        self.check(tags=[PUBLIC_URL_TAG])
        argv = [sys.executable, "-m", "gunicorn", "--config", "python:motcua.core.gunicorn_config"]
        if options["bind"]:
            argv += ["--bind", options["bind"]]
        if options["workers"]:
            argv += ["--workers", str(options["workers"])]
        if options["threads"]:
            argv += ["--threads", str(options["threads"])]
        sys.stdout.flush()
        # Replace this process: the service manager's signals (TERM, HUP to reload) reach gunicorn.
        os.execv(sys.executable, argv)
