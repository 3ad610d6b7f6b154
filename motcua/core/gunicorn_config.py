"""gunicorn settings of `motcua serve` (read with `gunicorn -c python:motcua.core.gunicorn_config`).

Sync workers behind a buffering reverse proxy (nginx): the proxy absorbs slow clients, each
worker handles one request at a time, and the database pool of a worker needs one connection.
The application is loaded once in the master (`preload_app`): the catalog search index is
built there (motcua/serving.py) and shared by the workers through fork.
"""

from __future__ import annotations

import multiprocessing
import os

wsgi_app = "motcua.wsgi:application"
bind = os.environ.get("MOTCUA_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("MOTCUA_WEB_WORKERS", 2 * multiprocessing.cpu_count() + 1))
threads = int(os.environ.get("MOTCUA_WEB_THREADS", 1))
preload_app = True
# A request that takes longer than this is killed and logged (a slow report must be a job).
timeout = int(os.environ.get("MOTCUA_WEB_TIMEOUT", 60))
graceful_timeout = 30
keepalive = 5
# Recycle workers now and then, so that a slow leak never grows without bound.
max_requests = int(os.environ.get("MOTCUA_WEB_MAX_REQUESTS", 5000))
max_requests_jitter = max_requests // 10
# No access log by default: URLs may carry what a citizen typed (a dossier code); the reverse
# proxy keeps the log the operators need. Errors go to stderr.
accesslog = os.environ.get("MOTCUA_ACCESS_LOG") or None
errorlog = "-"
loglevel = os.environ.get("MOTCUA_LOG_LEVEL", "warning").lower()
proc_name = "motcua"
