"""Production serving (issue #17, item 4): gunicorn, the connection pool, the shared cache, warm-up.

The Redis and pool tests run against the real servers of the machine (127.0.0.1:6379 and
:5432, as in CI): if one is unreachable, the test fails rather than being skipped.
"""

from __future__ import annotations

import json
import os
import secrets
import socket
import subprocess
import sys
import time
import urllib.request
import uuid
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ImproperlyConfigured
from django.core.management import call_command
from django.db import connection
from django.db.backends.postgresql.base import DatabaseWrapper
from django.test import override_settings

from motcua.catalog import search
from motcua.core import ratelimit
from motcua.serving import warm_up
from motcua.settings import cache_settings, database_settings

REDIS_URL = os.environ.get("MOTCUA_TEST_REDIS_URL", "redis://127.0.0.1:6379/15")
POSTGRES_URL = os.environ.get("MOTCUA_TEST_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432/postgres")


def test_without_redis_the_shared_cache_is_the_database_cache() -> None:
    config = cache_settings({}, testing=False)
    assert config["BACKEND"] == "motcua.core.cache.DatabaseCache"  # Django's, one statement per write
    assert config["LOCATION"] == "motcua_cache"
    assert config["OPTIONS"]["MAX_ENTRIES"] >= 10_000  # not Django's 300: counters must not be culled


def test_with_a_redis_url_the_shared_cache_is_redis() -> None:
    config = cache_settings({"MOTCUA_REDIS_URL": "redis://10.0.0.5:6379/0"}, testing=False)
    assert config["BACKEND"] == "django.core.cache.backends.redis.RedisCache"
    assert config["LOCATION"] == "redis://10.0.0.5:6379/0"


def test_postgresql_gets_a_pool_from_the_environment_and_no_persistent_connections() -> None:
    database = database_settings("postgres://motcua@db:5432/motcua", {"MOTCUA_DB_POOL_MAX_SIZE": "5"})
    assert database["OPTIONS"]["pool"] == {"min_size": 2, "max_size": 5, "timeout": 10.0}
    assert database["CONN_MAX_AGE"] == 0


def test_the_pool_refuses_persistent_connections_with_a_clear_message() -> None:
    with pytest.raises(ImproperlyConfigured, match="MOTCUA_DB_CONN_MAX_AGE must be 0"):
        database_settings("postgres://motcua@db:5432/motcua", {"MOTCUA_DB_CONN_MAX_AGE": "60"})


def test_the_pool_can_be_turned_off_and_sqlite_never_has_one() -> None:
    env = {"MOTCUA_DB_POOL": "0", "MOTCUA_DB_CONN_MAX_AGE": "60"}
    off = database_settings("postgres://motcua@db:5432/motcua", env)
    assert "pool" not in off.get("OPTIONS", {}) and off["CONN_MAX_AGE"] == 60
    assert "pool" not in database_settings("sqlite:////tmp/x.sqlite3", {})["OPTIONS"]


def test_the_pool_hands_out_and_takes_back_real_postgresql_connections(django_db_blocker: Any) -> None:
    database = database_settings(POSTGRES_URL, {})
    # What Django's connection handler adds to a settings dict before it makes a wrapper.
    database.update({"TIME_ZONE": None, "CONN_HEALTH_CHECKS": False, "AUTOCOMMIT": True,
                     "ATOMIC_REQUESTS": False})
    alias = f"pool-test-{uuid.uuid4().hex[:8]}"
    wrapper = DatabaseWrapper(database, alias=alias)
    with django_db_blocker.unblock():  # another database than the test database, on purpose
        try:
            for _ in range(3):  # three "requests": each borrows a connection and gives it back
                with wrapper.cursor() as cursor:
                    cursor.execute("SELECT 1")
                    assert cursor.fetchone() == (1,)
                wrapper.close()
            stats = wrapper.pool.get_stats()
            assert stats["requests_num"] == 3
            assert stats["connections_num"] <= database["OPTIONS"]["pool"]["max_size"]
        finally:
            wrapper.close_pool()


@pytest.mark.django_db
def test_the_migrations_create_the_cache_table_and_the_rate_limits_hold_in_it() -> None:
    assert settings.CACHE_TABLE in connection.introspection.table_names()
    with override_settings(CACHES={"default": cache_settings({}, testing=False)}):
        key = f"lookup:{uuid.uuid4()}"
        assert [ratelimit.allow(key, 3, 60) for _ in range(4)] == [True, True, True, False]
        assert ratelimit.exceeded(key, 3, 60)


@pytest.mark.django_db
def test_the_database_cache_keeps_more_counters_than_djangos_default_of_300() -> None:
    with override_settings(CACHES={"default": cache_settings({}, testing=False)}):
        keys = [f"lookup-ip:10.0.{i // 250}.{i % 250}" for i in range(400)]
        for key in keys:
            ratelimit.allow(key, 1, 60)
        assert all(ratelimit.exceeded(key, 1, 60) for key in keys)


def test_the_rate_limits_hold_on_the_real_redis_server() -> None:
    config = cache_settings({"MOTCUA_REDIS_URL": REDIS_URL}, testing=False)
    with override_settings(CACHES={"default": config}):
        ping = f"motcua-test-ping-{uuid.uuid4()}"  # each pytest-xdist worker its own keys
        cache.set(ping, "pong", timeout=5)
        assert cache.get(ping) == "pong"
        key = f"lookup:{uuid.uuid4()}"
        assert [ratelimit.allow(key, 3, 60) for _ in range(4)] == [True, True, True, False]
        assert ratelimit.exceeded(key, 3, 60)


@pytest.mark.django_db(transaction=True)
def test_the_server_builds_the_search_index_at_start_up_and_closes_its_connections() -> None:
    search.invalidate()
    warm_up()
    assert search._index is not None
    assert search._index.fingerprint == search.fingerprint()
    connection.close()  # fingerprint() above reopened it; warm_up had closed it
    warm_up()
    # Django keeps SQLite's in-memory test database open on close(): it would vanish otherwise.
    in_memory = connection.vendor == "sqlite" and connection.creation.is_in_memory_db(  # type: ignore[attr-defined]
        connection.settings_dict["NAME"])
    assert connection.connection is None or in_memory


PRELOADED = """
import sys
import motcua.wsgi
from django.urls import get_resolver
print("url_patterns" in get_resolver().__dict__, "motcua.api.urls" in sys.modules)
"""


@pytest.mark.parametrize("warm", ["1", "0"])
def test_the_master_loads_the_url_configuration_before_the_workers_fork(tmp_path: Path, warm: str) -> None:
    # Loading it costs a new worker ≈ 1.5 s of CPU on its first request otherwise (measured under
    # load: 3 s, beyond the 5 s a client waits once two workers start at once).
    env = {k: v for k, v in os.environ.items() if not k.startswith(("MOTCUA_", "DJANGO_", "DATABASE_URL"))}
    env.update({"MOTCUA_DEBUG": "1", "MOTCUA_VAR_DIR": str(tmp_path), "MOTCUA_WARM_UP": warm,
                "DATABASE_URL": f"sqlite:///{tmp_path / 'empty.sqlite3'}"})
    done = subprocess.run([sys.executable, "-c", PRELOADED], cwd=settings.BASE_DIR, env=env,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    expected = "True True" if warm == "1" else "False False"
    assert done.stdout.strip().splitlines()[-1] == expected


@pytest.mark.django_db
def test_management_commands_do_not_build_the_search_index() -> None:
    search.invalidate()
    call_command("check", stdout=open(os.devnull, "w"))  # noqa: SIM115
    call_command("showmigrations", "core", stdout=open(os.devnull, "w"))  # noqa: SIM115
    assert search._index is None


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _get(url: str) -> tuple[int, Any]:
    # Generous: a worker's first request opens its pool's connections, slow on a loaded machine.
    with urllib.request.urlopen(url, timeout=20) as response:  # noqa: S310 - loopback only
        return response.status, json.loads(response.read())


def test_motcua_serve_runs_gunicorn_workers_on_a_postgresql_pool(tmp_path: Path) -> None:
    port = _free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("MOTCUA_", "DJANGO_", "DATABASE_URL"))}
    env.update({
        "SECRET_KEY": secrets.token_urlsafe(50), "ALLOWED_HOSTS": "127.0.0.1",
        "DATABASE_URL": POSTGRES_URL, "MOTCUA_VAR_DIR": str(tmp_path), "MOTCUA_SSL_REDIRECT": "1",
        "MOTCUA_PUBLIC_URL": "https://dichvucong.langson.gov.vn",
    })
    server = subprocess.Popen(
        [sys.executable, "-m", "motcua", "serve", "--bind", f"127.0.0.1:{port}", "--workers", "2"],
        cwd=settings.BASE_DIR, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )
    try:
        answer: tuple[int, Any] | None = None
        deadline = time.monotonic() + 60
        while answer is None and time.monotonic() < deadline and server.poll() is None:
            try:
                answer = _get(f"http://127.0.0.1:{port}/healthz")
            except OSError:
                time.sleep(0.2)
        assert answer == (200, {"status": "ok"}), f"server did not answer; exit code {server.poll()}"
        # Several requests over the workers' pools, all answered.
        assert {_get(f"http://127.0.0.1:{port}/healthz")[0] for _ in range(10)} == {200}
    finally:
        server.terminate()
        try:
            output, _ = server.communicate(timeout=30)
        except subprocess.TimeoutExpired:  # never left running after the test
            server.kill()
            output, _ = server.communicate(timeout=30)
    assert "Booting worker" in output or server.returncode == 0, output
    assert "Traceback" not in output, output
