"""CSP without inline script, HSTS as a setting, `check --deploy` clean in production (issue #18, 11)."""

from __future__ import annotations

import os
import re
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client

PACKAGE = Path(settings.BASE_DIR) / "motcua"
INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*type=\"application/json\")[^>]*>", re.I)
EVENT_HANDLER = re.compile(r"\son[a-z]+\s*=\s*[\"']", re.I)


@pytest.mark.parametrize("path", ["/", "/tra-cuu/", "/api/v1/docs", "/admin/login/", "/api/v1/openapi.json"])
def test_every_response_forbids_inline_and_foreign_scripts(db: None, path: str) -> None:
    policy = Client().get(path)["Content-Security-Policy"]
    directives = dict(d.strip().split(" ", 1) for d in policy.split(";"))
    assert directives["script-src"] == "'self'"
    assert directives["object-src"] == "'none'" and directives["frame-ancestors"] == "'none'"


def test_no_template_has_an_inline_script_or_event_handler() -> None:
    offenders = []
    for template in PACKAGE.rglob("templates/**/*.html"):
        text = template.read_text(encoding="utf-8")
        if INLINE_SCRIPT.search(text) or EVENT_HANDLER.search(text):
            offenders.append(str(template.relative_to(PACKAGE)))
    assert offenders == []


def test_check_deploy_is_clean_with_the_documented_production_settings(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("MOTCUA_", "DJANGO_"))}
    env.update({
        "SECRET_KEY": secrets.token_urlsafe(50), "ALLOWED_HOSTS": "dichvucong.langson.gov.vn",
        "MOTCUA_HSTS_SECONDS": "31536000", "MOTCUA_SSL_REDIRECT": "1", "MOTCUA_TRUSTED_PROXIES": "1",
        "MOTCUA_VAR_DIR": str(tmp_path), "MOTCUA_PUBLIC_URL": "https://dichvucong.langson.gov.vn",
    })
    result = subprocess.run([sys.executable, "-m", "motcua", "check", "--deploy", "--fail-level", "WARNING"],
                            cwd=settings.BASE_DIR, env=env, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_https_redirect_and_hsts_follow_the_settings(db: None, settings: object) -> None:
    settings.SECURE_SSL_REDIRECT = True  # type: ignore[attr-defined]
    settings.SECURE_HSTS_SECONDS = 31536000  # type: ignore[attr-defined]
    assert Client().get("/tra-cuu/").status_code == 301
    secure = Client().get("/tra-cuu/", secure=True)
    assert secure["Strict-Transport-Security"] == "max-age=31536000"
    assert Client().get("/healthz").status_code != 301  # the load balancer's probe stays on HTTP
