"""Done-when of issue #15: the worker is killed (SIGKILL) in the middle of sending; after a restart
every event has exactly one message per channel.

A real `motcua worker` (django-q2 cluster, database broker) runs on a freshly migrated database of
its own (`migrated_database`: PostgreSQL when DATABASE_URL names one, else a SQLite file). 20 online
dossiers are submitted and received (40 events); the citizen chose email, SMS and Zalo, so 120
messages wait: email to a real local SMTP server (which answers each message slowly, so the kill
lands mid-conversation), SMS to a real local HTTP provider that checks signatures and keeps one
message per idempotency key, Zalo to the sandbox. Once some emails have arrived the worker's whole
process group is killed with SIGKILL, then a worker is started again; its scheduler also seals the
audit checkpoint (a periodic job nobody started by hand). At the end the SMTP server holds exactly
one message per event (counted as received, not deduplicated), the provider one per event, the
sandbox one per event, and every outbox row is sent.
"""

from __future__ import annotations

import json
import os
import secrets
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.conf import settings

from motcua.notify.tests.servers import ProviderServer, SmtpSink

DOSSIERS = 20
SECRET = "bi-mat-nha-cung-cap-sms"

SEED = """
import django
django.setup()
from motcua.dossiers import services
from motcua.dossiers.sample import at, build_world
from motcua.notify.models import Preference
world = build_world()
world.citizen.email, world.citizen.phone = "nhung@example.vn", "0987654321"
world.citizen.save()
Preference.objects.create(user=world.citizen, email=True, sms=True, zalo=True)
for n in range(%(dossiers)d):
    dossier = services.submit_online(
        world.citizen, world.birth, world.applicant(world.citizen), world.ward_center,
        at=at("2026-03-02 07:00"), documents=services.catalog_documents(world.birth))
    services.receive_dossier(world.receptionist, dossier, at=at("2026-03-02 08:00"))
"""

STATE = """
import json
import django
django.setup()
from django.db.models import Count
from motcua.notify.gateways import message_id
from motcua.notify.models import OutboxMessage, SandboxMessage
rows = OutboxMessage.objects.all()
print(json.dumps({
    "states": dict(rows.values_list("state").annotate(n=Count("id")).order_by()),
    "email_ids": {message_id(r): r.key for r in rows.filter(channel="email")},
    "sms_keys": sorted(rows.filter(channel="sms").values_list("key", flat=True)),
    "sandbox": list(SandboxMessage.objects.values_list("outbox__key", flat=True)),
    "events": sorted({r.event_id for r in rows}),
}))
"""


def _run(env: dict[str, str], *args: str) -> str:
    done = subprocess.run(
        [sys.executable, *args], cwd=settings.BASE_DIR, env=env, capture_output=True, text=True, timeout=600
    )
    assert done.returncode == 0, done.stdout + done.stderr
    return done.stdout


def _worker(env: dict[str, str], log: Path) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "motcua", "worker"],
        cwd=settings.BASE_DIR,
        env=env,
        stdout=log.open("ab"),
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )  # its own group: SIGKILL reaches the cluster's processes


def _kill(worker: subprocess.Popen[bytes]) -> None:
    if worker.poll() is None:
        os.killpg(worker.pid, signal.SIGKILL)
    worker.wait(timeout=30)


@pytest.mark.slow
def test_after_a_kill_9_mid_sending_every_event_has_exactly_one_message_per_channel(
    tmp_path: Path, migrated_database: str
) -> None:
    smtp = SmtpSink(delay=0.05).start()
    provider = ProviderServer(SECRET).start()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("MOTCUA_", "DJANGO_", "DATABASE_URL"))}
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": "motcua.settings",
            "MOTCUA_DEBUG": "1",
            "SECRET_KEY": secrets.token_urlsafe(50),
            "DATABASE_URL": migrated_database,
            "MOTCUA_VAR_DIR": str(tmp_path / "var"),
            "MOTCUA_EMAIL_HOST": "127.0.0.1",
            "MOTCUA_EMAIL_PORT": str(smtp.port),
            "MOTCUA_NOTIFY_SMS": "http",
            "MOTCUA_SMS_URL": provider.url,
            "MOTCUA_SMS_SECRET": SECRET,
            "MOTCUA_NOTIFY_ZALO": "sandbox",
            "MOTCUA_JOBS_WORKERS": "2",
            "MOTCUA_JOBS_TIMEOUT": "20",
            "MOTCUA_JOBS_REDELIVER_SECONDS": "25",
            "MOTCUA_NOTIFY_LEASE_SECONDS": "3",
        }
    )
    log = tmp_path / "worker.log"
    worker: subprocess.Popen[bytes] | None = None
    try:
        _run(env, "-c", SEED % {"dossiers": DOSSIERS})  # the transitions queue their sending after commit
        events = 2 * DOSSIERS
        worker = _worker(env, log)
        deadline = time.monotonic() + 90
        while smtp.count() < 6 and time.monotonic() < deadline and worker.poll() is None:
            time.sleep(0.01)
        assert smtp.count() >= 6, log.read_text()[-3000:]
        _kill(worker)
        at_kill = json.loads(_run(env, "-c", STATE).strip().splitlines()[-1])
        assert at_kill["states"].get("sent", 0) < 3 * events, "the kill came after everything was sent"
        assert smtp.count() < events

        worker = _worker(env, log)
        deadline = time.monotonic() + 150
        while time.monotonic() < deadline and (smtp.count() < events or len(provider.messages) < events):
            time.sleep(0.2)
        time.sleep(1)  # anything still arriving would be a duplicate
        state = json.loads(_run(env, "-c", STATE).strip().splitlines()[-1])
        # Meanwhile the scheduler ran the periodic jobs that were due, with nobody typing a command:
        # the audit checkpoint of the 40 dossiers' chains is sealed.
        audit = tmp_path / "var" / "audit"
        deadline = time.monotonic() + 90
        while not list(audit.glob("checkpoints-*.jsonl")) and time.monotonic() < deadline:
            time.sleep(0.5)
        _kill(worker)
        worker = None
        [checkpoints] = list(audit.glob("checkpoints-*.jsonl"))
        assert len(json.loads(checkpoints.read_text().splitlines()[0])["heads"]) == DOSSIERS

        assert len(state["events"]) == events
        assert state["states"] == {"sent": 3 * events}, (state["states"], log.read_text()[-3000:])
        # Email: every message the server accepted, one per event, each the row it was sent for.
        received = [m.message_id for m in smtp.messages]
        assert len(received) == events and sorted(received) == sorted(state["email_ids"])
        assert len({state["email_ids"][mid] for mid in received}) == events
        # SMS: one message per event at the provider (a repeated request, if any, was recognised).
        assert provider.refused == []
        assert sorted(m["reference"] for m in provider.messages.values()) == state["sms_keys"]
        # Zalo: one sandbox record per event.
        assert len(state["sandbox"]) == len(set(state["sandbox"])) == events
        print(
            f"\nat the kill: {at_kill['states']}; SMTP requests after restart delivered {len(received)} "
            f"messages; provider requests {len(provider.requests)} for {len(provider.messages)} messages"
        )
    finally:
        if worker is not None:
            _kill(worker)
        smtp.stop()
        provider.stop()
