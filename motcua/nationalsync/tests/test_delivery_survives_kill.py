"""`motcua sync deliver --loop` killed with SIGKILL mid-way and started again: the portal has
one valid message per change, in order per dossier (done-when of issue #16, item 4).

Everything runs as the operator would: separate `motcua` processes on a freshly migrated database of
their own (`migrated_database`: a SQLite file, or a new PostgreSQL database when the suite runs on
PostgreSQL); the test
process only runs the local portal (a real HTTP server that validates every field).
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.conf import settings

from motcua.nationalsync.tests import portal as portal_module
from motcua.nationalsync.tests.portal import Portal

SEED = """
import json
from motcua.dossiers.models import DossierEvent
from motcua.dossiers.sample import build_world
from motcua.nationalsync.models import OutboxMessage
from motcua.nationalsync.tests.scenario import walk
world = build_world()
dossiers = [d for week in range(3) for d in walk(world, week=week)]
out = {}
for d in dossiers:
    out[d.code] = {
        "keys": [m.key for m in OutboxMessage.objects.filter(dossier=d).order_by("position")],
        "statuses": [str(s) for s in DossierEvent.objects.filter(dossier=d).order_by("seq")
                     .values_list("to_status", flat=True)],
    }
print("SEED" + json.dumps(out))
"""

STATES = """
from django.db.models import Count
from motcua.nationalsync.models import OutboxMessage
print("STATES" + repr(sorted(OutboxMessage.objects.values_list("state").annotate(n=Count("id")))))
"""


def _motcua(env: dict[str, str], *args: str) -> str:
    result = subprocess.run([sys.executable, "-m", "motcua", *args], env=env, capture_output=True, text=True,
                            timeout=600, cwd=settings.BASE_DIR)
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


def _deliverer(env: dict[str, str], log: Path) -> subprocess.Popen[bytes]:
    return subprocess.Popen([sys.executable, "-m", "motcua", "sync", "deliver", "--loop"], env=env,
                            cwd=settings.BASE_DIR, stdout=log.open("ab"), stderr=subprocess.STDOUT,
                            start_new_session=True)


def _wait(condition: object, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():  # type: ignore[operator]
            return True
        time.sleep(0.05)
    return False


@pytest.mark.slow
def test_a_deliverer_killed_mid_way_and_restarted_leaves_one_valid_message_per_change_in_order(
    tmp_path: Path, migrated_database: str
) -> None:
    state = Portal(delay=0.03)
    server, thread = portal_module.start(state)
    env = {k: v for k, v in os.environ.items() if not k.startswith("MOTCUA_")}
    env.update({
        "MOTCUA_DEBUG": "1", "DATABASE_URL": migrated_database, "MOTCUA_VAR_DIR": str(tmp_path / "var"),
        "MOTCUA_AUDIT_DIR": str(tmp_path / "audit"), "MOTCUA_AUDIT_KEY_FILE": str(tmp_path / "audit.key"),
        "MOTCUA_SYNC_ENABLED": "1", "MOTCUA_SYNC_URL": state.url, "MOTCUA_SYNC_TIMEOUT_SECONDS": "1",
        "MOTCUA_SYNC_RETRY_SECONDS": "1", "MOTCUA_SYNC_POLL_SECONDS": "1",
    })
    log = tmp_path / "deliver.log"
    try:
        seeded = _motcua(env, "shell", "-c", SEED)
        expected = json.loads(seeded.split("SEED", 1)[1])
        total = sum(len(d["keys"]) for d in expected.values())
        assert len(expected) == 12 and total > 100

        first = _deliverer(env, log)
        assert _wait(lambda: len(state.accepted()) >= total // 3, 120), log.read_text()
        os.killpg(first.pid, signal.SIGKILL)
        first.wait(10)
        at_kill = len(state.distinct())
        assert 0 < at_kill < total  # killed mid-way

        second = _deliverer(env, log)
        try:
            assert _wait(lambda: len(state.distinct()) == total, 180), log.read_text()
            time.sleep(1.5)  # a duplicate would arrive now, if the deliverer were to send one
        finally:
            os.killpg(second.pid, signal.SIGTERM)
            second.wait(15)
        states = _motcua(env, "shell", "-c", STATES)
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)

    received = state.accepted()
    assert [(r.key, r.problems) for r in received if r.problems] == []
    assert f"[('sent', {total})]" in states
    # At least once: only a message in flight at the kill may arrive twice, and then identical.
    repeated = [r for r in received if sum(1 for o in received if o.key == r.key) > 1]
    assert len({r.key for r in repeated}) <= 1
    assert all(r.body == state.distinct()[r.key].body for r in repeated)
    for code, want in expected.items():
        mine = [r for r in received if r.body["data"][0]["MaHoSo"] == code]
        order: list[str] = []
        for r in mine:
            if r.key not in order:
                order.append(r.key)
            else:
                assert order[-1] == r.key  # a resend comes right after itself, never after a later one
        assert order == want["keys"]
        syncs = [state.distinct()[k].body for k in want["keys"] if k in state.distinct()
                 and state.distinct()[k].body["service"] == "DongBoHoSoMC"]
        assert [b["data"][0]["TrangThaiHoSo"] for b in syncs] == want["statuses"]
