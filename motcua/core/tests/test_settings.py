"""Settings come from the environment and production mode refuses unsafe defaults."""

import os
import subprocess
import sys

PROBE = (
    "import django, os; os.environ['DJANGO_SETTINGS_MODULE'] = 'motcua.settings'; django.setup();"
    "from django.conf import settings as s;"
    "print(s.DEBUG, s.DATABASES['default']['ENGINE'], s.TIME_ZONE, s.LANGUAGE_CODE,"
    " ','.join(s.ALLOWED_HOSTS))"
)
ENV_PREFIXES = ("MOTCUA_", "SECRET_KEY", "DATABASE_URL")


def run_settings(**env: str) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith(ENV_PREFIXES)}
    clean.update(env)
    return subprocess.run(
        [sys.executable, "-c", PROBE], env=clean, capture_output=True, text=True, timeout=60
    )


def test_production_refuses_to_start_with_the_default_secret() -> None:
    result = run_settings()
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


def test_production_starts_with_a_secret_and_debug_off() -> None:
    result = run_settings(SECRET_KEY="x" * 50, ALLOWED_HOSTS="motcua.langson.gov.vn")
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [
        "False", "django.db.backends.sqlite3", "Asia/Ho_Chi_Minh", "vi", "motcua.langson.gov.vn",
    ]


def test_secret_key_file_is_read(tmp_path) -> None:
    secret = tmp_path / "secret"
    secret.write_text("s" * 50 + "\n")
    result = run_settings(SECRET_KEY_FILE=str(secret))
    assert result.returncode == 0, result.stderr


def test_database_url_selects_postgresql() -> None:
    result = run_settings(MOTCUA_DEBUG="1", DATABASE_URL="postgres://u@db.example:5432/motcua")
    assert result.returncode == 0, result.stderr
    assert result.stdout.split()[:2] == ["True", "django.db.backends.postgresql"]
