"""Production's queue: with MOTCUA_REDIS_URL set, `motcua worker` takes its jobs from Redis (db 4 here)
and a transition's messages, handed over after commit, reach the SMTP server."""

from __future__ import annotations

import json
import os
import secrets
import time
from pathlib import Path

import pytest

from motcua.notify.tests.servers import SmtpSink
from motcua.notify.tests.test_worker_crash import _kill, _run, _worker

# The test empties its database: .ci/run gives the PostgreSQL suite, which runs at the same time
# as the SQLite suite, another one (MOTCUA_TEST_REDIS_QUEUE_URL).
REDIS_URL = os.environ.get("MOTCUA_TEST_REDIS_QUEUE_URL") or os.environ.get(
    "MOTCUA_TEST_REDIS_URL", "redis://127.0.0.1:6379/4"
)

SEED = """
import django
django.setup()
from django.conf import settings
from motcua.dossiers import services
from motcua.dossiers.sample import at, build_world
assert settings.Q_CLUSTER["redis"] and "orm" not in settings.Q_CLUSTER
world = build_world()
for n in range(3):
    services.receive_new_dossier(
        world.receptionist, world.birth, world.applicant(), at=at("2026-03-02 08:00"),
        documents=services.catalog_documents(world.birth))
"""


@pytest.mark.slow
def test_with_redis_the_worker_takes_the_jobs_from_redis(tmp_path: Path, migrated_database: str) -> None:
    import redis

    queue = redis.Redis.from_url(REDIS_URL)
    queue.flushdb()
    smtp = SmtpSink().start()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("MOTCUA_", "DJANGO_", "DATABASE_URL"))}
    env.update({
        "DJANGO_SETTINGS_MODULE": "motcua.settings", "MOTCUA_DEBUG": "1",
        "SECRET_KEY": secrets.token_urlsafe(50), "DATABASE_URL": migrated_database,
        "MOTCUA_VAR_DIR": str(tmp_path / "var"),
        "MOTCUA_REDIS_URL": REDIS_URL,
        "MOTCUA_EMAIL_HOST": "127.0.0.1", "MOTCUA_EMAIL_PORT": str(smtp.port), "MOTCUA_JOBS_WORKERS": "1",
    })
    worker = None
    try:
        _run(env, "-c", SEED)
        # The three transitions' hand-overs wait in Redis (no worker yet), not in the database.
        assert queue.llen("django_q:motcua:q") == 3
        count = _run(env, "-c", "import django; django.setup(); from django_q.models import OrmQ; "
                     "print(OrmQ.objects.count())")
        assert count.strip().splitlines()[-1] == "0"
        worker = _worker(env, tmp_path / "worker.log")
        received = smtp.wait_for(3, timeout=60)
        assert len(received) == 3 and all("đã được tiếp nhận" in m.subject for m in received)
        deadline = time.monotonic() + 10
        while queue.llen("django_q:motcua:q") and time.monotonic() < deadline:
            time.sleep(0.1)
        assert queue.llen("django_q:motcua:q") == 0
        print(json.dumps({"delivered": len(received)}))
    finally:
        if worker is not None:
            _kill(worker)
        smtp.stop()
        queue.flushdb()
