"""The exact number of queries of every transition and of the main pages (zulip's
`assert_database_query_count` style): a query added to one of them must be a decision, not an
accident — the simulator drives hundreds of thousands of dossiers through these functions.

A transition's count is every query it sends inside the caller's transaction (the test's,
as in the simulator's batches, where a transition takes no savepoint), every subscriber of the
one hook included: the statistics, and the notifications (for an event that concerns the
applicant: the outbox row, and their channels when they have an account — the lock reads the
applicant row; none for the others). The national sync is off
by default (it queues its messages only with MOTCUA_SYNC_ENABLED). Each count is taken after a
first run of the same kind (caches warm: the working calendar, the version's rules, the
competence rules and the offices they name (catalog.services), the statistics' version table),
so the numbers are those of a running server. Pinned per database
vendor where they differ (on PostgreSQL a query may carry several statements: `rows.combining`).

`MOTCUA_QUERY_COUNTS=print` prints the counts instead of checking them (to update this table
after a deliberate change).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from django.core.files.base import ContentFile
from django.db import connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from motcua.catalog.models import ProcedureVersion
from motcua.core import rows
from motcua.dossiers import services
from motcua.dossiers.models import Dossier, Status
from motcua.stats import facts

from .conftest import World, at

PDF = b"%PDF-1.4 scan"
PRINT = os.environ.get("MOTCUA_QUERY_COUNTS") == "print"

# name: count, or {vendor: count} where SQLite and PostgreSQL differ. On PostgreSQL the statistics
# write the fact and both counter tables in one statement, and a transition's writes that need no
# answer at once travel ahead of its next statement or together at its end (`rows.combining`: a
# count there is of round trips, some carrying several statements); its event's key is reserved
# by its lock; inside a batch a dossier the batch holds is not locked again (`rows.held`). A
# new dossier's statement that numbers it also reserves the keys of its applicant, its row, its
# documents and its steps, whose INSERTs then travel together with the transition's other
# writes (PostgreSQL: receive_new_dossier 6 → 2, submit_online 7 → 4).
EXPECTED: dict[str, int | dict[str, int]] = {
    # transitions
    "submit_online": {"sqlite": 9, "postgresql": 4},
    # With a one-time submission key (every form of the portal and the desk sends one): the
    # look-up of the key before anything is written (a repeat answered at once, without storing
    # its files again), and on SQLite the key's INSERT (on PostgreSQL it travels with the
    # dossier's writes). A call without a key (the simulator, the batches) pays nothing.
    "submit_online with a key": {"sqlite": 11, "postgresql": 5},
    "receive_new_dossier with a key": {"sqlite": 14, "postgresql": 3},
    "request_completion": {"sqlite": 5, "postgresql": 3},
    "complete_submission": {"sqlite": 6, "postgresql": 5},
    "receive_dossier": {"sqlite": 10, "postgresql": 4},
    "receive_dossier+forward": {"sqlite": 14, "postgresql": 4},
    "receive_new_dossier": {"sqlite": 12, "postgresql": 2},
    "receive_new_dossier+forward": {"sqlite": 16, "postgresql": 2},
    "refuse_new_dossier": {"sqlite": 8, "postgresql": 2},
    "refuse_dossier": {"sqlite": 8, "postgresql": 3},
    "forward_dossier": {"sqlite": 5, "postgresql": 2},
    "assign_step": {"sqlite": 4, "postgresql": 2},
    "transfer_dossier": {"sqlite": 9, "postgresql": 6},
    "request_supplement": {"sqlite": 8, "postgresql": 3},
    "receive_supplement": {"sqlite": 11, "postgresql": 6},
    "request_payment": {"sqlite": 7, "postgresql": 2},
    "record_payment": {"sqlite": 3, "postgresql": 2},
    "withdraw": {"sqlite": 6, "postgresql": 2},
    "stop_processing": {"sqlite": 8, "postgresql": 2},
    "mark_result_ready": {"sqlite": 5, "postgresql": 2},
    "approve_result": {"sqlite": 9, "postgresql": 2},
    "return_result": {"sqlite": 6, "postgresql": 2},
    "apologize": {"sqlite": 4, "postgresql": 2},
    "attach_file": {"sqlite": 4, "postgresql": 3},
    # batches (`stats.facts.deferred()` inside the caller's transaction, as the simulator and
    # bench/lifecycle.py run them): N full lifecycles (reception at the counter, forward,
    # result, approval, return). The events, hand-overs and outbox rows are inserted once per
    # table at the end (their keys reserved in one statement), then the statistics refreshed.
    # The SAVEPOINT and RELEASE of the test's nested block included. SQLite: 17 per lifecycle
    # and 11 per batch (41 per lifecycle one by one); PostgreSQL: 1 per lifecycle (the
    # statement that numbers the new dossier and reserves the keys of its rows, which then
    # travel with the next statement; the batch holds the new dossier, so its first forward
    # does not lock it) and 11 per batch (20 per lifecycle one by one).
    "batch of 1 lifecycle": {"sqlite": 28, "postgresql": 12},
    "batch of 4 lifecycles": {"sqlite": 79, "postgresql": 15},
    # pages (3 dossiers in each list)
    "desk inbox": 7,
    "desk dossier page": 13,  # + the scans digitised at reception (OCR progress, confirmation)
    "portal my dossiers": 3,
    "portal dossier page": 7,
    "portal submission page": 8,  # the version in force and its procedure in one query
    "api dossiers list": 4,
    "api dossier detail": 7,
    # The HTTP scenarios of bench/http_load.py, whole requests (session and user included; the
    # throttles' and rate limits' statements are the cache's: none with the tests' memory cache,
    # one or two each with the database cache, pinned in core/tests/test_cache.py).
    # Its answer built from the rows it wrote (no read after them); the receiving agency and the
    # version in force with its requirements are the process's, for one read of the catalog's
    # generation token (catalog.services.snapshot): 13 → 11; on PostgreSQL the transition's
    # writes travel together (rows.combining).
    "api online submission": {"sqlite": 11, "postgresql": 6},
    "api public lookup": 1,
    "api catalog search": 1,  # the page's procedures with their field and version in force
}


@contextmanager
def assert_database_query_count(name: str) -> Iterator[None]:
    """Exactly EXPECTED[name] queries in the block (the list of them when it is not)."""
    with CaptureQueriesContext(connection) as captured:
        yield
    expected = EXPECTED[name]
    if isinstance(expected, dict):
        expected = expected[connection.vendor]
    actual = len(captured.captured_queries)
    if PRINT:
        print(f"QUERY COUNT {connection.vendor} {name!r}: {actual}")
        return
    listing = "\n".join(f"  {rows.expand(q['sql'])[:200]}" for q in captured.captured_queries)
    assert actual == expected, f"{name}: {actual} queries, expected {expected}:\n{listing}"


def _received(world: World, minute: int = 0, forward: bool = False) -> Dossier:
    return services.receive_new_dossier(
        world.receptionist, world.birth, world.applicant(), at=at(f"2026-03-02 08:{minute:02d}"),
        documents=services.catalog_documents(world.birth), forward=forward,
    )


def _submitted(world: World, once: services.SubmissionOnce | None = None) -> Dossier:
    return services.submit_online(
        world.citizen, world.birth, world.applicant(world.citizen), world.ward_center,
        at=at("2026-03-02 07:00"), files=[(None, ContentFile(PDF, name="don.pdf"))],
        documents=services.catalog_documents(world.birth), once=once,
    )


@pytest.fixture
def warm(world: World) -> World:
    """Caches of a running server: the calendar, the version's rules, the statistics' versions."""
    services.calendar()
    dossier = _received(world, forward=True)
    services.mark_result_ready(world.specialist, dossier, "Giấy khai sinh", at=at("2026-03-02 09:00"))
    return world


def test_reception_at_the_counter_and_online(warm: World) -> None:
    world = warm
    with assert_database_query_count("receive_new_dossier"):
        _received(world, 1)
    with assert_database_query_count("receive_new_dossier+forward"):
        _received(world, 2, forward=True)
    with assert_database_query_count("refuse_new_dossier"):
        services.refuse_new_dossier(
            world.receptionist, world.birth, world.applicant(), "Không thuộc thẩm quyền",
            at=at("2026-03-02 08:03"),
        )
    with assert_database_query_count("submit_online"):
        online = _submitted(world)
    with assert_database_query_count("submit_online with a key"):
        _submitted(world, services.SubmissionOnce("form-key"))
    with assert_database_query_count("receive_new_dossier with a key"):
        services.receive_new_dossier(
            world.receptionist, world.birth, world.applicant(), at=at("2026-03-02 08:04"),
            documents=services.catalog_documents(world.birth), once=services.SubmissionOnce("counter-key"))
    with assert_database_query_count("request_completion"):
        services.request_completion(
            world.receptionist, online, ["Giấy chứng sinh"], "Ảnh mờ", at=at("2026-03-02 07:30")
        )
    with assert_database_query_count("complete_submission"):
        services.complete_submission(
            world.citizen, online, files=[(None, ContentFile(PDF, name="chung-sinh.pdf"))],
            at=at("2026-03-02 07:40"),
        )
    with assert_database_query_count("receive_dossier"):
        services.receive_dossier(world.receptionist, online, at=at("2026-03-02 08:00"))
    assert online.status == Status.RECEIVED and online.revision == 4

    second = _submitted(world)
    with assert_database_query_count("receive_dossier+forward"):
        services.receive_dossier(world.receptionist, second, at=at("2026-03-02 08:05"), forward=True)
    assert second.status == Status.PROCESSING and second.revision == 3
    third = _submitted(world)
    with assert_database_query_count("refuse_dossier"):
        services.refuse_dossier(world.receptionist, third, "Sai thủ tục", at=at("2026-03-02 08:06"))
    assert third.status == Status.REFUSED


def test_processing_supplement_payment_and_result(warm: World) -> None:
    world = warm
    dossier = _received(world, 10)
    with assert_database_query_count("forward_dossier"):
        services.forward_dossier(world.receptionist, dossier, at=at("2026-03-02 08:30"))
    with assert_database_query_count("assign_step"):
        services.assign_step(world.leader, dossier, world.specialist, at=at("2026-03-02 08:40"))
    with assert_database_query_count("attach_file"):
        services.attach_file(
            world.receptionist, dossier, ContentFile(PDF, name="a.pdf"), at=at("2026-03-02 08:45")
        )
    with assert_database_query_count("request_supplement"):
        services.request_supplement(
            world.specialist, dossier, ["Giấy chứng sinh"], "Thiếu giấy chứng sinh", at=at("2026-03-02 09:00")
        )
    with assert_database_query_count("receive_supplement"):
        services.receive_supplement(
            world.receptionist, dossier, documents=[services.Supplied("Giấy chứng sinh", originals=1)],
            files=[(0, ContentFile(PDF, name="chung-sinh.pdf"))], at=at("2026-03-03 09:00"),
        )
    with assert_database_query_count("request_payment"):
        services.request_payment(world.specialist, dossier, 8000, at=at("2026-03-03 10:00"))
    with assert_database_query_count("record_payment"):
        services.record_payment(world.receptionist, dossier, at=at("2026-03-03 11:00"))
    with assert_database_query_count("apologize"):
        services.apologize(
            world.leader, dossier, "Chờ xác minh", at("2026-03-09 10:00"), at=at("2026-03-03 11:30")
        )
    with assert_database_query_count("mark_result_ready"):
        services.mark_result_ready(world.specialist, dossier, "Giấy khai sinh", at=at("2026-03-03 12:00"))
    with assert_database_query_count("approve_result"):
        services.approve_result(world.leader, dossier, at=at("2026-03-03 14:00"))
    with assert_database_query_count("return_result"):
        services.return_result(world.receptionist, dossier, at=at("2026-03-03 15:00"))
    assert Dossier.objects.get(pk=dossier.pk).status == Status.RETURNED


def _lifecycle(world: World, minute: int) -> None:
    dossier = _received(world, minute)
    services.forward_dossier(world.receptionist, dossier, at=at(f"2026-03-02 09:{minute:02d}"))
    services.mark_result_ready(
        world.specialist, dossier, "Giấy khai sinh", at=at(f"2026-03-02 10:{minute:02d}")
    )
    services.approve_result(world.leader, dossier, at=at(f"2026-03-02 11:{minute:02d}"))
    services.return_result(world.receptionist, dossier, at=at(f"2026-03-02 12:{minute:02d}"))


def test_a_batch_of_lifecycles(warm: World) -> None:
    world = warm
    with transaction.atomic(), facts.deferred():
        _lifecycle(world, 0)  # warm: on PostgreSQL the name of the events' key sequence is read once
    with assert_database_query_count("batch of 1 lifecycle"):
        with transaction.atomic(), facts.deferred():
            _lifecycle(world, 1)
    with assert_database_query_count("batch of 4 lifecycles"):
        with transaction.atomic(), facts.deferred():
            for minute in range(2, 6):
                _lifecycle(world, minute)
    assert Dossier.objects.filter(status=Status.RETURNED).count() == 6


def test_transfer_withdraw_and_stop(warm: World) -> None:
    world = warm
    land = services.receive_new_dossier(
        world.receptionist, world.land, world.applicant(), at=at("2026-02-10 09:00"),
        documents=services.catalog_documents(world.land)
    )
    services.transfer_dossier(world.receptionist, land, world.department, at=at("2026-02-10 10:00"))
    other = services.receive_new_dossier(
        world.receptionist, world.land, world.applicant(), at=at("2026-02-10 09:30"),
        documents=services.catalog_documents(world.land)
    )
    with assert_database_query_count("transfer_dossier"):
        services.transfer_dossier(world.receptionist, other, world.department, at=at("2026-02-10 11:00"))
    assert other.competent_agency_id == world.department.pk
    online = _submitted(world)
    with assert_database_query_count("withdraw"):
        services.withdraw(world.citizen, online, at=at("2026-03-02 07:30"))
    dossier = _received(world, 20, forward=True)
    with assert_database_query_count("stop_processing"):
        services.stop_processing(world.leader, dossier, "Đã đăng ký ở nơi khác", at=at("2026-03-02 10:00"))
    assert (online.status, dossier.status) == (Status.WITHDRAWN, Status.STOPPED)


def test_a_freshly_loaded_version_reads_its_rules_fresh(warm: World) -> None:
    world = warm
    fresh = ProcedureVersion.objects.get(pk=world.birth.pk)
    fresh.channels.update(time_limit_value=2)
    dossier = services.receive_new_dossier(
        world.receptionist, fresh, world.applicant(), at=at("2026-03-02 08:00"),
        documents=services.catalog_documents(fresh)
    )
    assert dossier.due_at == at("2026-03-04 08:00")


def _three(world: World) -> list[Dossier]:
    online = [_submitted(world) for _ in range(3)]
    for index, dossier in enumerate(online):
        services.receive_dossier(
            world.receptionist, dossier, at=at(f"2026-03-02 08:{index:02d}"), forward=True
        )
    return online


def _client(user: object) -> Client:
    client = Client()
    client.force_login(user)  # type: ignore[arg-type]
    return client


def test_desk_pages(warm: World) -> None:
    world = warm
    dossiers = _three(world)
    client = _client(world.specialist)
    client.get(reverse("desk:inbox"))  # the session's first request (language, session row)
    with assert_database_query_count("desk inbox"):
        response = client.get(reverse("desk:inbox"))
    assert response.status_code == 200 and dossiers[0].code in response.content.decode()
    with assert_database_query_count("desk dossier page"):
        response = client.get(reverse("desk:dossier", args=[dossiers[0].code]))
    assert response.status_code == 200


def test_portal_pages(warm: World) -> None:
    world = warm
    dossiers = _three(world)
    client = _client(world.citizen)
    client.get(reverse("portal:my_dossiers"))
    with assert_database_query_count("portal my dossiers"):
        response = client.get(reverse("portal:my_dossiers"))
    assert response.status_code == 200 and dossiers[0].code in response.content.decode()
    with assert_database_query_count("portal dossier page"):
        response = client.get(reverse("portal:dossier", args=[dossiers[0].code]))
    assert response.status_code == 200
    with assert_database_query_count("portal submission page"):
        response = client.get(reverse("portal:submit", args=[world.birth.procedure.code]))
    assert response.status_code == 200


def test_api_reads(warm: World) -> None:
    world = warm
    dossiers = _three(world)
    client = _client(world.specialist)
    client.get("/api/v1/dossiers")
    with assert_database_query_count("api dossiers list"):
        response = client.get("/api/v1/dossiers")
    assert response.status_code == 200 and response.json()["count"] >= 3
    with assert_database_query_count("api dossier detail"):
        response = client.get(f"/api/v1/dossiers/{dossiers[0].code}")
    assert response.status_code == 200 and response.json()["code"] == dossiers[0].code


def test_api_online_submission_lookup_and_search(warm: World, settings: object) -> None:
    from django.core.files.uploadedfile import SimpleUploadedFile

    world = warm
    settings.CATALOG_SEARCH_CHECK_SECONDS = 3600  # type: ignore[attr-defined]  # as in production
    client = _client(world.citizen)
    documents = services.catalog_documents(world.birth)

    def submit() -> dict[str, object]:
        files = [SimpleUploadedFile(f"{i}.pdf", PDF, "application/pdf") for i, _d in enumerate(documents)]
        form = {"procedure_code": world.birth.procedure.code, "receiving_agency": world.ward_center.code,
                "requirement_ids": [d.requirement_id for d in documents], "files": files,
                "applicant_id_number": "020190001234"}
        response = client.post("/api/v1/dossiers", form)
        assert response.status_code == 201, response.content
        return response.json()  # type: ignore[no-any-return]

    submit()  # the session's first request, the version's rules
    with assert_database_query_count("api online submission"):
        answer = submit()
    assert len(answer["files"]) == len(documents) == 2  # type: ignore[arg-type]
    anonymous = Client()
    lookup = {"code": answer["code"], "id_number": "020190001234"}
    anonymous.post("/api/v1/lookup", lookup, content_type="application/json")
    with assert_database_query_count("api public lookup"):
        response = anonymous.post("/api/v1/lookup", lookup, content_type="application/json")
    assert response.status_code == 200 and response.json()["code"] == answer["code"]
    anonymous.get("/api/v1/catalog/procedures", {"q": "khai sinh"})  # the index, built once
    with assert_database_query_count("api catalog search"):
        response = anonymous.get("/api/v1/catalog/procedures", {"q": "đăng ký khai sinh", "page_size": "5"})
    assert world.birth.procedure.code in [p["code"] for p in response.json()["items"]]
