"""schemathesis against the running API: no server error, no response outside the OpenAPI document.

The real server runs in a thread (pytest-django's `live_server`); schemathesis reads
/api/v1/openapi.json from it and sends a bounded number of generated requests per
operation, once as a receptionist (API token) and once as a citizen (session + CSRF).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import hypothesis
import pytest
import requests
import schemathesis
from django.conf import settings
from django.contrib.auth import SESSION_KEY
from django.contrib.sessions.backends.db import SessionStore
from django.core.files.base import ContentFile
from django.core.servers.basehttp import WSGIRequestHandler
from django.middleware.csrf import _get_new_csrf_string
from hypothesis import HealthCheck, Phase, given
from hypothesis.errors import Unsatisfiable
from schemathesis.checks import not_a_server_error
from schemathesis.config import SchemathesisConfig
from schemathesis.core.failures import FailureGroup
from schemathesis.generation import GenerationMode
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from motcua.accounts.models import User
from motcua.api.models import ApiToken
from motcua.api.tests.conftest import build_dossiers, build_province
from motcua.api.tokens import issue_token
from motcua.dossiers import services

# Per operation, persona and mode (valid and invalid input): about 700 requests in all.
EXAMPLES_PER_OPERATION = 5

CONFIG = SchemathesisConfig.from_dict({
    "seed": 20250701,
    "phases": {"examples": {"enabled": True}, "fuzzing": {"enabled": True},
               "coverage": {"enabled": False}, "stateful": {"enabled": False}},
    "generation": {"max-examples": EXAMPLES_PER_OPERATION},
})
CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]


@dataclass
class Persona:
    base_url: str
    session: requests.Session
    dossier_code: str
    file_id: int

    def known_path_parameters(self, path: str) -> dict[str, Any]:
        """Real values for the path, so that valid requests reach existing rows, not only 404s."""
        if path.startswith("/api/v1/dossiers/"):
            return {"code": self.dossier_code, "file_id": self.file_id}
        if path.startswith("/api/v1/catalog/procedures/"):
            return {"code": "1.001193"}
        if path.startswith("/api/v1/units/"):
            return {"code": "06001"}
        if path.startswith("/api/v1/agencies/"):
            return {"code": "000.61.01.H37"}
        return {}


def session_cookie_for(user: User) -> str:
    store = SessionStore()
    store[SESSION_KEY] = str(user.pk)
    store["_auth_user_backend"] = "django.contrib.auth.backends.ModelBackend"
    store["_auth_user_hash"] = user.get_session_auth_hash()
    store.create()
    assert store.session_key is not None
    return store.session_key


@pytest.fixture(params=["receptionist", "citizen"])
def persona(request: Any, live_server: Any, transactional_db: None, monkeypatch: Any) -> Iterator[Persona]:
    # The test server sends headers and body in two writes; with Nagle's algorithm on, each
    # response waits for the client's delayed ACK (~40 ms). TCP_NODELAY makes the run 10x faster.
    monkeypatch.setattr(WSGIRequestHandler, "disable_nagle_algorithm", True)
    province = build_province()
    dossiers = build_dossiers(province)
    # The receptionist works on the dossier received at her counter; the citizen on his own.
    dossier = dossiers.counter if request.param == "receptionist" else dossiers.mine
    actor = province.receptionist_a if request.param == "receptionist" else province.citizen
    attached = services.attach_file(actor, dossier, ContentFile(b"%PDF-1.7\n%%EOF\n", name="to-khai.pdf"))
    http = requests.Session()
    if request.param == "receptionist":
        _, raw = issue_token(province.receptionist_a, "schemathesis", scope=ApiToken.Scope.DESK)
        http.headers["Authorization"] = f"Bearer {raw}"
    else:
        csrf = _get_new_csrf_string()
        http.cookies.set(settings.SESSION_COOKIE_NAME, session_cookie_for(province.citizen))
        http.cookies.set(settings.CSRF_COOKIE_NAME, csrf)
        http.headers["X-CSRFToken"] = csrf
    base_url = live_server.url.replace("//localhost:", "//127.0.0.1:")
    assert http.get(f"{base_url}/api/v1/auth/me").json()["role"] == request.param
    yield Persona(base_url=base_url, session=http, dossier_code=dossier.code, file_id=attached.pk)
    http.close()


def run_operation(operation: Any, persona: Persona, mode: GenerationMode, answered: set[str]) -> list[str]:
    """Send up to EXAMPLES_PER_OPERATION generated requests; return the failures found.

    `answered` collects the operations that answered 2xx at least once (the run reached them).
    """
    failures: list[str] = []

    known = {name: value for name, value in persona.known_path_parameters(operation.path).items()
             if "{" + name + "}" in operation.path}
    # Valid input goes to real rows; invalid input keeps its generated path parameters.
    path_parameters = known if mode == GenerationMode.POSITIVE and known else None

    @given(case=operation.as_strategy(generation_mode=mode, path_parameters=path_parameters))
    @hypothesis.settings(max_examples=EXAMPLES_PER_OPERATION, deadline=None, database=None, derandomize=True,
                         phases=[Phase.explicit, Phase.generate], suppress_health_check=list(HealthCheck))
    def check(case: Any) -> None:
        try:
            response = case.call_and_validate(
                base_url=persona.base_url, session=persona.session, checks=CHECKS)
            if response.status_code < 300:
                answered.add(f"{operation.method.upper()} {operation.path}")
        except (AssertionError, FailureGroup) as failure:
            failures.append(f"{operation.method.upper()} {operation.path} [{mode.value}]: {failure}")

    try:
        check()
    except Unsatisfiable:
        # Negative mode on an operation with nothing to get wrong (no parameters, no body).
        assert mode == GenerationMode.NEGATIVE, operation.path
    return failures


def test_api_conforms_to_its_schema(persona: Persona) -> None:
    schema = schemathesis.openapi.from_url(f"{persona.base_url}/api/v1/openapi.json", config=CONFIG)
    # Err(InvalidSchema) has no .ok(): an invalid document fails here, loudly.
    operations = [result.ok() for result in schema.get_all_operations()]  # type: ignore[union-attr]
    assert len(operations) > 30
    failures: list[str] = []
    answered: set[str] = set()
    for operation in operations:
        # Logging out would end the citizen's session for the operations that follow.
        if operation.path == "/api/v1/auth/logout":
            continue
        for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE):
            failures += run_operation(operation, persona, mode, answered)
    assert not failures, "\n\n".join(failures[:20])
    # The run went past authentication: public and signed-in operations both answered.
    assert {"GET /api/v1/catalog/procedures", "GET /api/v1/dossiers", "GET /api/v1/auth/me"} <= answered
