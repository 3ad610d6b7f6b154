"""The API campaign of issue #18: schemathesis with a dossier in every state, as every role.

    .venv/bin/python scripts/api_campaign.py [--examples 3] [--report campaign.json]

Not part of the test suite (pytest collects `motcua/` only; the run takes minutes): run it
before a release. A live server (pytest-django's `live_server`, a test database) serves
the sample province of `motcua.dossiers.sample` with one dossier in each state of
`motcua.dossiers.tests.test_offered_is_allowed.STATES`; schemathesis sends generated valid
and invalid requests to every operation as a receptionist, a specialist, a leader (API tokens,
scope desk) and a citizen (session + CSRF). Operations on a dossier run once per dossier, so
transitions are tried in every state, not only answered with 404. It prints the figures and
exits 1 on any server error or response outside the OpenAPI document.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
OPTIONS: dict[str, Any] = {"examples": 3, "report": None}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--examples", type=int, default=3, help="Examples per operation, persona and mode.")
    parser.add_argument("--report", type=Path, default=None, help="Write the figures as JSON here.")
    args = parser.parse_args()
    os.environ["MOTCUA_TESTING"] = "1"
    os.environ["MOTCUA_CAMPAIGN_EXAMPLES"] = str(args.examples)
    if args.report:
        os.environ["MOTCUA_CAMPAIGN_REPORT"] = str(args.report.resolve())
    os.chdir(ROOT)
    sys.path.insert(0, str(ROOT))
    return int(pytest.main([str(Path(__file__).resolve()), "-q", "-s", "-p", "no:cacheprovider",
                            "--rootdir", str(ROOT)]))


# ------------------------------------------------------------------------------ the campaign

@pytest.fixture
def campaign(live_server: Any, transactional_db: None, monkeypatch: Any) -> Iterator[dict[str, Any]]:
    import requests
    from django.conf import settings
    from django.core.servers.basehttp import WSGIRequestHandler
    from django.middleware.csrf import _get_new_csrf_string

    from motcua.api.models import ApiToken
    from motcua.api.tests.test_schemathesis import session_cookie_for
    from motcua.api.tokens import issue_token
    from motcua.dossiers.sample import build_world
    from motcua.dossiers.tests.test_offered_is_allowed import STATES
    from motcua.worktime.calendars import clear_calendar_cache

    monkeypatch.setattr(WSGIRequestHandler, "disable_nagle_algorithm", True)
    clear_calendar_cache()
    world = build_world()
    dossiers = {state: build(world) for state, build in STATES.items()}
    statuses: Counter[str] = Counter()

    def count(response: Any, *args: Any, **kwargs: Any) -> None:
        statuses[f"{response.status_code // 100}xx"] += 1
        statuses["requests"] += 1

    sessions: dict[str, requests.Session] = {}
    for role, user in (("receptionist", world.receptionist), ("specialist", world.specialist),
                       ("leader", world.leader)):
        http = requests.Session()
        _, raw = issue_token(user, f"campaign {role}", scope=ApiToken.Scope.DESK)
        http.headers["Authorization"] = f"Bearer {raw}"
        sessions[role] = http
    citizen = requests.Session()
    csrf = _get_new_csrf_string()
    citizen.cookies.set(settings.SESSION_COOKIE_NAME, session_cookie_for(world.citizen))
    citizen.cookies.set(settings.CSRF_COOKIE_NAME, csrf)
    citizen.headers["X-CSRFToken"] = csrf
    sessions["citizen"] = citizen
    for http in sessions.values():
        http.hooks["response"].append(count)
    yield {"world": world, "dossiers": dossiers, "sessions": sessions, "statuses": statuses,
           "base_url": live_server.url.replace("//localhost:", "//127.0.0.1:")}
    for http in sessions.values():
        http.close()
    clear_calendar_cache()


def test_campaign(campaign: dict[str, Any]) -> None:
    import schemathesis
    from schemathesis.config import SchemathesisConfig
    from schemathesis.generation import GenerationMode

    from motcua.api.tests import test_schemathesis as single
    from motcua.dossiers.models import Dossier

    examples = int(os.environ.get("MOTCUA_CAMPAIGN_EXAMPLES", "3"))
    single.EXAMPLES_PER_OPERATION = examples  # run_operation reads it
    world, base_url = campaign["world"], campaign["base_url"]
    config = SchemathesisConfig.from_dict({
        "seed": 20250701, "generation": {"max-examples": examples},
        "phases": {"examples": {"enabled": True}, "fuzzing": {"enabled": True},
                   "coverage": {"enabled": False}, "stateful": {"enabled": False}},
    })
    schema = schemathesis.openapi.from_url(f"{base_url}/api/v1/openapi.json", config=config)
    operations = [result.ok() for result in schema.get_all_operations()]
    failures: list[str] = []
    answered: set[str] = set()
    started = time.monotonic()
    for role, http in campaign["sessions"].items():
        for state, dossier in campaign["dossiers"].items():
            dossier = Dossier.objects.get(pk=dossier.pk)
            attached = dossier.files.order_by("pk").first()

            class Persona(single.Persona):
                def known_path_parameters(self, path: str) -> dict[str, Any]:
                    if path.startswith("/api/v1/dossiers/"):
                        return {"code": self.dossier_code, "file_id": self.file_id}
                    if path.startswith("/api/v1/catalog/procedures/"):
                        return {"code": "1.001193"}
                    if path.startswith("/api/v1/units/"):
                        return {"code": world.ward.code}
                    if path.startswith("/api/v1/agencies/"):
                        return {"code": world.ward_center.code}
                    return {}

            persona = Persona(base_url=base_url, session=http, dossier_code=dossier.code,
                              file_id=attached.pk if attached else 1)
            first_state = state == next(iter(campaign["dossiers"]))
            for operation in operations:
                if operation.path == "/api/v1/auth/logout":
                    continue  # would end the citizen's session for what follows
                # Operations on a dossier: once per state; the others: once per persona.
                if "{code}" not in operation.path or not operation.path.startswith("/api/v1/dossiers/"):
                    if not first_state:
                        continue
                for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE):
                    failures += [f"[{role}, {state}] {failure}"
                                 for failure in single.run_operation(operation, persona, mode, answered)]
    statuses = campaign["statuses"]
    figures = {
        "operations": len(operations), "personas": len(campaign["sessions"]),
        "states": len(campaign["dossiers"]), "examples_per_operation": examples,
        "requests": statuses["requests"], "by_status": {k: v for k, v in sorted(statuses.items())
                                                        if k != "requests"},
        "server_errors": statuses["5xx"], "failures": len(failures),
        "operations_answered_2xx": len(answered), "seconds": round(time.monotonic() - started),
    }
    print("\n" + json.dumps(figures, indent=2))
    for failure in failures[:30]:
        print(failure[:2000], "\n")
    if os.environ.get("MOTCUA_CAMPAIGN_REPORT"):
        Path(os.environ["MOTCUA_CAMPAIGN_REPORT"]).write_text(
            json.dumps({**figures, "failure_list": failures}, indent=2, ensure_ascii=False), encoding="utf-8")
    assert statuses["5xx"] == 0 and not failures, f"{len(failures)} failures"


if __name__ == "__main__":
    sys.exit(main())
