"""Start the local OpenID provider (node + oidc-provider, motcua/e2e/oidc_provider.mjs) for a test,
and point motcua's OpenID Connect settings at it."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = Path(__file__).with_name("oidc_provider.mjs")
CLIENT_ID = "motcua-portal"
CLIENT_SECRET = "bi-mat-cua-cong-dich-vu-cong-trong-thu-nghiem"
START_SECONDS = 60


@dataclass
class Provider:
    issuer: str
    process: subprocess.Popen[str]

    def settings(self) -> dict[str, Any]:
        """The values of motcua's settings that use this provider."""
        return {
            "MOTCUA_OIDC_ENABLED": True,
            "OIDC_RP_CLIENT_ID": CLIENT_ID,
            "OIDC_RP_CLIENT_SECRET": CLIENT_SECRET,
            "OIDC_OP_AUTHORIZATION_ENDPOINT": f"{self.issuer}/auth",
            "OIDC_OP_TOKEN_ENDPOINT": f"{self.issuer}/token",
            "OIDC_OP_USER_ENDPOINT": f"{self.issuer}/me",
            "OIDC_OP_JWKS_ENDPOINT": f"{self.issuer}/jwks",
            "MOTCUA_LOGIN_METHODS": [{
                "key": "vneid", "label": "Đăng nhập bằng tài khoản định danh điện tử (VNeID)",
                "url_name": "oidc_authentication_init",
            }],
        }


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def running_provider(redirect_uris: list[str], accounts: dict[str, dict[str, str]]) -> Iterator[Provider]:
    port = free_port()
    env = {**os.environ, "OP_PORT": str(port), "OP_CLIENT_ID": CLIENT_ID, "OP_CLIENT_SECRET": CLIENT_SECRET,
           "OP_REDIRECT_URIS": " ".join(redirect_uris),
           "OP_ACCOUNTS": json.dumps(accounts, ensure_ascii=False),
           "NODE_PATH": str(ROOT / "node_modules")}
    process = subprocess.Popen(["node", str(SCRIPT)], cwd=ROOT, env=env, stdout=subprocess.PIPE,
                               stderr=subprocess.STDOUT, text=True)
    try:
        # A reader thread keeps draining what it writes (a full pipe would block it) and signals
        # its "READY" line (warnings, e.g. about the Node.js version, come first); a provider
        # not ready START_SECONDS after its start fails the test with what it wrote instead of hanging it.
        seen: list[str] = []
        ready = threading.Event()

        def read() -> None:
            for line in process.stdout:  # type: ignore[union-attr]
                if not ready.is_set():
                    seen.append(line)
                    if "READY" in line:
                        ready.set()

        reader = threading.Thread(target=read, daemon=True)
        reader.start()
        deadline = time.monotonic() + START_SECONDS
        while not ready.wait(0.1):
            if process.poll() is not None or time.monotonic() > deadline:
                reader.join(1)  # what an exited provider wrote last
                raise RuntimeError("the OpenID provider did not start: " + "".join(seen))
        yield Provider(issuer=f"http://127.0.0.1:{port}", process=process)
    finally:
        process.terminate()
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            process.kill()


def sign_in_at_provider(authorization_url: str, login: str, redirect_prefix: str) -> str:
    """Do what a person does at the provider (its login page, then its consent page) without a
    browser; return the URL the provider sends the browser back to (our callback, with the code)."""
    import re
    from html import unescape
    from urllib.parse import urljoin

    import requests

    session = requests.Session()
    url, method, data = authorization_url, "GET", None
    for _step in range(12):
        response = session.request(method, url, data=data, allow_redirects=False, timeout=10)
        location = response.headers.get("Location")
        if location:
            location = urljoin(url, location)
            if location.startswith(redirect_prefix):
                return location
            url, method, data = location, "GET", None
            continue
        form = re.search(r'<form[^>]*action="([^"]+)"[^>]*method="post"', response.text)
        if form is None:
            raise AssertionError(
                f"unexpected page at the provider ({response.status_code}): {response.text[:500]}")
        action = urljoin(url, unescape(form.group(1)))
        prompt = re.search(r'name="prompt" value="(\w+)"', response.text)
        fields = {"prompt": prompt.group(1) if prompt else ""}
        if 'name="login"' in response.text:
            fields.update({"login": login, "password": "mat-khau-bat-ky"})
        url, method, data = action, "POST", fields
    raise AssertionError("the provider never sent the browser back")
