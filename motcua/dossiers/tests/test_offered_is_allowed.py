"""Offered ⇔ allowed: a screen shows a transition exactly when the service would accept it.

For every status (and the sub-states that change what is allowed), every role of
`motcua.accounts` at the receiving centre, at the competent committee and at agencies with
nothing to do with the dossier, the owner, another citizen and an anonymous visitor, and every
transition of `motcua.dossiers.permissions.TRANSITIONS`:

- the API's `available_actions` (every transition) and the desk's buttons (officers) and the
  portal's forms (citizens) offer it ⇔ calling the service with valid input succeeds (each
  call runs in a savepoint that is rolled back);
- the pages themselves show exactly those buttons and forms.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from typing import Any

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.test import Client

from motcua.accounts.models import Role, User
from motcua.agencies.models import Agency
from motcua.api.dossiers import _available
from motcua.desk import views as desk_views
from motcua.desk.workspace import DESK_ACTIONS, allowed_actions
from motcua.dossiers import permissions, services
from motcua.dossiers.models import Dossier, Status
from motcua.dossiers.services import DossierError
from motcua.portal.views import PORTAL_ACTIONS, portal_actions

from .conftest import World, at

PDF = b"%PDF-1.7\n%%EOF\n"
FAR = dt.datetime(2099, 1, 5, 15, 0, tzinfo=dt.UTC)


def scan() -> SimpleUploadedFile:
    return SimpleUploadedFile("a.pdf", PDF, "application/pdf")


class Rollback(Exception):
    """Raised inside the savepoint to undo an accepted call."""


# ---------------------------------------------------------------------------------------
# The dossier in each state, reached through the services


def _submitted(world: World) -> Dossier:
    files = [(r.pk, scan()) for r in world.birth.requirements.all()]
    return services.submit_online(
        world.citizen,
        world.birth,
        world.applicant(world.citizen),
        world.ward_center,
        at=at("2026-03-02 07:00"),
        files=files,
    )


def _processing(world: World) -> Dossier:
    d = _submitted(world)
    services.receive_dossier(world.receptionist, d, at=at("2026-03-02 08:00"))
    return services.forward_dossier(world.receptionist, d, at=at("2026-03-02 08:10"))


def _awaiting_approval(world: World) -> Dossier:
    return services.mark_result_ready(
        world.specialist, _processing(world), "Giấy khai sinh", at=at("2026-03-02 09:00")
    )


def _supplement(world: World) -> Dossier:
    d = _processing(world)
    services.request_supplement(world.specialist, d, ["Giấy chứng sinh"], "Mờ", at=at("2026-03-02 09:00"))
    return d


def _after_supplement(world: World) -> Dossier:
    return services.receive_supplement(world.citizen, _supplement(world), at=at("2026-03-02 10:00"))


def _result_ready(world: World) -> Dossier:
    return services.approve_result(world.leader, _awaiting_approval(world), at=at("2026-03-02 10:00"))


STATES: dict[str, Callable[[World], Dossier]] = {
    "submitted": _submitted,
    "completion": lambda w: services.request_completion(
        w.receptionist, _submitted(w), ["Giấy chứng sinh"], "Mờ", at=at("2026-03-02 08:00")
    ),
    "received": lambda w: services.receive_dossier(w.receptionist, _submitted(w), at=at("2026-03-02 08:00")),
    "processing": _processing,
    "awaiting_approval": _awaiting_approval,
    "supplement": _supplement,
    "after_supplement": _after_supplement,
    "payment": lambda w: services.request_payment(
        w.specialist, _processing(w), 5000, at=at("2026-03-02 09:00")
    ),
    "withdrawn": lambda w: services.withdraw(w.citizen, _submitted(w), at=at("2026-03-02 08:00")),
    "stopped": lambda w: services.stop_processing(
        w.leader, _processing(w), "Dừng", at=at("2026-03-02 09:00")
    ),
    "result_ready": _result_ready,
    "returned": lambda w: services.return_result(w.receptionist, _result_ready(w), at=at("2026-03-02 11:00")),
    "refused": lambda w: services.refuse_dossier(
        w.receptionist, _submitted(w), "Sai", at=at("2026-03-02 08:00")
    ),
}


def test_the_states_cover_every_status() -> None:
    assert set(Status.values) <= {1, 2, 3, 4, 5, 6, 7, 8, 9, 10}
    assert len(STATES) >= len(Status.values)


# ---------------------------------------------------------------------------------------
# Who asks


def _actors(world: World) -> dict[str, Any]:
    """Each officer role at the receiving centre, the competent committee and two unrelated agencies."""
    agencies = {
        "centre": world.ward_center,
        "committee": world.ward_committee,
        "other_centre": world.other_center,
        "department": world.department,
    }
    existing = {(u.role, u.agency_id): u for u in User.objects.exclude(agency=None)}
    actors: dict[str, Any] = {}
    officer_roles = [r for r in Role if r not in (Role.CITIZEN, Role.SYSTEM_ADMIN)]
    for role in officer_roles:
        for place, agency in agencies.items():
            user = existing.get((role, agency.pk)) or User.objects.create(
                username=f"{role}.{place}", role=role, agency=agency, full_name=f"{role} {place}"
            )
            actors[f"{role}@{place}"] = user
    actors["system_admin"] = User.objects.create(username="quan.tri", role=Role.SYSTEM_ADMIN)
    actors["owner"] = world.citizen
    actors["other_citizen"] = world.other_citizen
    actors["anonymous"] = AnonymousUser()
    # The system (no person): the payments app after a verified gateway notification.
    actors["system"] = None
    return actors


# ---------------------------------------------------------------------------------------
# Each transition called with valid input


def _assignee(dossier: Dossier) -> User:
    step = dossier.current_step
    agency_id = step.agency_id if step else dossier.competent_agency_id
    return User.objects.filter(agency_id=agency_id, role__in=services.OFFICER_ROLES).order_by("pk")[0]


def _transfer_target(dossier: Dossier) -> Agency:
    # The provincial department: never the agency of a step of a birth registration.
    return Agency.objects.filter(kind=Agency.Kind.DEPARTMENT)[0]


def _birth_certificate(dossier: Dossier) -> int:
    return dossier.version.requirements.get(name="Giấy chứng sinh").pk


CALLS: dict[str, Callable[[Any, Dossier], Any]] = {
    "receive": lambda u, d: services.receive_dossier(u, d),
    "receive_and_forward": lambda u, d: services.receive_dossier(u, d, forward=True),
    "refuse": lambda u, d: services.refuse_dossier(u, d, "Không thuộc thẩm quyền"),
    "request_completion": lambda u, d: services.request_completion(u, d, ["Giấy chứng sinh"], "Mờ"),
    "complete_submission": lambda u, d: services.complete_submission(
        u, d, files=[(_birth_certificate(d), scan())]
    ),
    "forward": lambda u, d: services.forward_dossier(u, d),
    "assign": lambda u, d: services.assign_step(u, d, _assignee(d)),
    "transfer": lambda u, d: services.transfer_dossier(u, d, _transfer_target(d), reason="Liên thông"),
    "request_supplement": lambda u, d: services.request_supplement(
        u, d, ["Giấy chứng sinh"], "Thiếu", override_reason="Lãnh đạo quyết định"
    ),
    "receive_supplement": lambda u, d: services.receive_supplement(u, d),
    "request_payment": lambda u, d: services.request_payment(u, d, 8000),
    "record_payment": lambda u, d: services.record_payment(u, d),
    "withdraw": lambda u, d: services.withdraw(u, d, reason="Theo đơn của người nộp"),
    "stop": lambda u, d: services.stop_processing(u, d, "Dừng theo quy định"),
    "result_ready": lambda u, d: services.mark_result_ready(u, d, "Giấy khai sinh"),
    "approve": lambda u, d: services.approve_result(u, d),
    "return_result": lambda u, d: services.return_result(u, d),
    "apologize": lambda u, d: services.apologize(u, d, "Quá hạn", FAR),
}


def test_every_transition_has_a_call_and_a_screen() -> None:
    assert set(CALLS) == set(permissions.TRANSITIONS)
    assert set(desk_views.ACTIONS) == set(DESK_ACTIONS)
    # Every transition is offered on some page (record_payment online: the system only, after a
    # verified gateway notification — motcua/payments).
    assert set(DESK_ACTIONS) | set(PORTAL_ACTIONS) == set(permissions.TRANSITIONS)


def _fresh(dossier: Dossier) -> Dossier:
    return Dossier.objects.select_related(
        "version__procedure", "applicant", "receiving_agency", "competent_agency", "current_step"
    ).get(pk=dossier.pk)


def _accepts(name: str, actor: Any, dossier: Dossier) -> bool:
    try:
        with transaction.atomic():
            CALLS[name](actor, _fresh(dossier))
            raise Rollback
    except Rollback:
        return True
    except DossierError:
        return False


# ---------------------------------------------------------------------------------------
# The walk


@pytest.mark.parametrize("state", sorted(STATES))
def test_what_is_offered_is_exactly_what_the_services_accept(world: World, state: str) -> None:
    dossier = STATES[state](world)
    mismatches = []
    for who, actor in _actors(world).items():
        dossier = _fresh(dossier)
        if isinstance(actor, AnonymousUser):
            # A visitor reaches no service: every door asks to sign in first.
            assert _available(None, dossier) == [] and portal_actions(actor, dossier) == []
            assert permissions.available_actions(actor, dossier) == []
            continue
        user = actor if actor is not None else AnonymousUser()
        # The system has no screen: what it is offered is what the predicates grant it.
        api = set(
            _available(actor, dossier) if actor is not None else permissions.available_actions(None, dossier)
        )
        desk = (
            set(allowed_actions(user, dossier, desk_views._next_step(dossier)))
            if user.is_authenticated
            else set()
        )
        portal = set(portal_actions(user, dossier))
        for name in CALLS:
            accepted = _accepts(name, actor, dossier)
            if (name in api) != accepted:
                mismatches.append(("api", who, name, accepted))
            if getattr(user, "is_officer", False) and name in DESK_ACTIONS and (name in desk) != accepted:
                mismatches.append(("desk", who, name, accepted))
            if (
                isinstance(user, User)
                and user.role == Role.CITIZEN
                and name in PORTAL_ACTIONS
                and (name in portal) != accepted
            ):
                mismatches.append(("portal", who, name, accepted))
    assert mismatches == []


@pytest.mark.parametrize("state", sorted(STATES))
def test_the_pages_show_the_offered_transitions(client: Client, world: World, state: str) -> None:
    dossier = STATES[state](world)
    for who, actor in _actors(world).items():
        if actor is None or isinstance(actor, AnonymousUser) or actor.role == Role.SYSTEM_ADMIN:
            continue
        dossier = _fresh(dossier)
        client.force_login(actor)
        if actor.role == Role.CITIZEN:
            response = client.get(f"/portal/dossiers/{dossier.code}/")
            offered = portal_actions(actor, dossier)
            if response.status_code == 404:
                assert offered == [], who
                continue
            page = response.content.decode()
            shown = {
                name
                for name, url in (
                    ("withdraw", "withdraw"),
                    ("receive_supplement", "supplement"),
                    ("complete_submission", "complete"),
                )
                if f"/portal/dossiers/{dossier.code}/{url}/" in page
            }
            assert shown == set(offered), who
            continue
        response = client.get(f"/desk/dossiers/{dossier.code}/")
        offered = allowed_actions(actor, dossier, desk_views._next_step(dossier))
        if response.status_code == 404:
            assert offered == [], who
            continue
        shown = set(
            re.findall(rf"/desk/dossiers/{re.escape(dossier.code)}/act/(\w+)/", response.content.decode())
        )
        assert shown == set(offered), who
