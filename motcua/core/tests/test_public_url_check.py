"""Slip links: MOTCUA_PUBLIC_URL is checked at start-up in production (issue #19)."""

from __future__ import annotations

import os
import secrets
import subprocess
import sys
from pathlib import Path
from typing import Any

from django.conf import settings as django_settings

from motcua.core.checks import check_public_url


def _production(settings: Any, url: str) -> None:
    settings.DEBUG = False
    settings.TESTING = False
    settings.MOTCUA_PUBLIC_URL = url


def test_the_development_default_is_an_error_in_production(settings: Any) -> None:
    _production(settings, "http://127.0.0.1:8000")
    assert [e.id for e in check_public_url()] == ["motcua.E001"]
    _production(settings, "https://localhost")
    assert [e.id for e in check_public_url()] == ["motcua.E001"]


def test_a_plain_http_address_is_an_error_in_production(settings: Any) -> None:
    _production(settings, "http://dichvucong.langson.gov.vn")
    assert [e.id for e in check_public_url()] == ["motcua.E002"]


def test_an_https_public_address_passes(settings: Any) -> None:
    _production(settings, "https://dichvucong.langson.gov.vn")
    assert check_public_url() == []


def test_development_keeps_the_local_default(settings: Any) -> None:
    _production(settings, "http://127.0.0.1:8000")
    settings.DEBUG = True
    assert check_public_url() == []


def test_motcua_serve_refuses_to_start_with_the_default_public_url(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("MOTCUA_", "DJANGO_", "DATABASE_URL"))}
    env.update({"SECRET_KEY": secrets.token_urlsafe(50), "ALLOWED_HOSTS": "127.0.0.1",
                "MOTCUA_VAR_DIR": str(tmp_path)})
    result = subprocess.run([sys.executable, "-m", "motcua", "serve", "--bind", "127.0.0.1:1"],
                            cwd=django_settings.BASE_DIR, env=env, capture_output=True, text=True,
                            timeout=120)
    assert result.returncode != 0
    assert "motcua.E001" in result.stderr + result.stdout
    assert "Booting worker" not in result.stderr + result.stdout
