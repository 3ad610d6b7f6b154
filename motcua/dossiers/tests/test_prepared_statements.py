"""The services' statements as prepared statements (`rows._prepared`, PostgreSQL): a connection
PREPAREs a statement's shape once and then sends EXECUTE with the values; a round trip that
fails after its PREPAREs leaves the connection able to go on; off, everything is sent as text."""

from __future__ import annotations

import datetime as dt
import json
import zoneinfo
from decimal import Decimal
from typing import Any

import pytest
from django.db import DatabaseError, connection, transaction
from django.test import override_settings
from django.test.utils import CaptureQueriesContext

from motcua.core import rows
from motcua.dossiers import services
from motcua.dossiers.audit import verify_chains
from motcua.dossiers.models import Dossier, Status
from motcua.dossiers.sample import World, at
from motcua.stats import check

pytestmark = pytest.mark.postgresql


def _received(world: World, minute: int = 0) -> Dossier:
    return services.receive_new_dossier(
        world.receptionist, world.birth, world.applicant(), at=at(f"2026-03-02 08:{minute:02d}"),
        documents=services.catalog_documents(world.birth),
    )


def _prepared_names() -> set[str]:
    with connection.cursor() as cursor:
        cursor.execute("SELECT name FROM pg_prepared_statements WHERE name LIKE 'motcua%%'")
        return {name for (name,) in cursor.fetchall()}


def _sent(captured: CaptureQueriesContext) -> str:
    return ";\n".join(q["sql"] for q in captured.captured_queries)


def test_a_transition_prepares_its_statements_once_then_executes_them(world: World) -> None:
    # A shape is prepared the second time the process sends it: the first forward's are sent
    # as text (or prepared, if other tests in this process sent them already).
    first, second, warm = _received(world, 0), _received(world, 1), _received(world, 2)
    services.forward_dossier(world.receptionist, warm, at=at("2026-03-02 08:29"))
    with CaptureQueriesContext(connection) as once:
        services.forward_dossier(world.receptionist, first, at=at("2026-03-02 08:30"))
    with CaptureQueriesContext(connection) as again:
        services.forward_dossier(world.receptionist, second, at=at("2026-03-02 08:31"))
    # The second forward sends no PREPARE and no statement text: EXECUTEs with values.
    assert "PREPARE motcua_" not in _sent(again)
    lock = again.captured_queries[0]["sql"]
    assert lock.startswith("EXECUTE motcua_") and "FOR UPDATE" in rows.expand(lock)
    assert len(again.captured_queries) == len(once.captured_queries)
    assert _prepared_names() >= {name.split("(")[0] for name in _sent(again).split("EXECUTE ")[1:]}
    for dossier in (first, second):
        fresh = Dossier.objects.get(pk=dossier.pk)
        assert (fresh.status, fresh.revision) == (Status.PROCESSING, 2)
    assert list(verify_chains()) == [] and check.check() == []


def test_after_a_failed_round_trip_that_prepared_a_statement_the_same_statement_runs_again(
    world: World,
) -> None:
    sql = "SELECT 10 / %s, %s"  # a shape no other statement has
    with transaction.atomic(), connection.cursor() as cursor:
        rows.execute(cursor, sql, [1, "zero"])  # its first sending: as text (prepared from the next)
    with pytest.raises(DatabaseError, match="division by zero"):
        with transaction.atomic(), connection.cursor() as cursor:
            rows.execute(cursor, sql, [0, "one"])
    # Its PREPARE ran before the failing EXECUTE (prepared statements outlive a rollback):
    # the connection must not PREPARE the same name again, nor believe it has it if it had not.
    with transaction.atomic(), connection.cursor() as cursor:
        rows.execute(cursor, sql, [5, "two"])
        assert cursor.fetchone() == (2, "two")
    with transaction.atomic(), connection.cursor() as cursor:
        rows.execute(cursor, sql, [2, "three"])
        assert cursor.fetchone() == (5, "three")


def test_a_prepare_that_failed_is_not_taken_for_done(world: World) -> None:
    sql = "SELECT 20 / %s, %s"  # a shape no other statement has
    with transaction.atomic(), connection.cursor() as cursor:
        rows.execute(cursor, sql, [1, "zero"])  # its first sending: as text (prepared from the next)
    with transaction.atomic(), connection.cursor() as cursor:
        with pytest.raises(DatabaseError):
            cursor.execute("SELECT 1 / 0")
        # The transaction is aborted: the PREPARE sent ahead of the EXECUTE fails too.
        with pytest.raises(DatabaseError, match="aborted"):
            rows.execute(cursor, sql, [4, "one"])
        transaction.set_rollback(True)
    with transaction.atomic(), connection.cursor() as cursor:
        rows.execute(cursor, sql, [4, "two"])
        assert cursor.fetchone() == (5, "two")


def test_a_shape_the_server_cannot_prepare_fails_once_then_runs_unprepared(world: World) -> None:
    sql = "SELECT %s IS NULL, %s"  # the server cannot infer the type of a NULL tested alone
    for attempt in range(4):
        with transaction.atomic(), connection.cursor() as cursor:
            if attempt == 1:  # the second sending PREPAREs it: refused, the round trip fails
                with pytest.raises(DatabaseError, match="could not determine data type"):
                    rows.execute(cursor, sql, [None, attempt])
                transaction.set_rollback(True)
                continue
            rows.execute(cursor, sql, [None, attempt])
            assert cursor.fetchone() == (True, attempt)
    with CaptureQueriesContext(connection) as captured:
        with connection.cursor() as cursor:
            rows.execute(cursor, sql, [None, 9])
    assert "motcua_" not in _sent(captured)


def test_a_connection_whose_statements_the_server_dropped_prepares_them_again(world: World) -> None:
    sql = "SELECT %s + 1"
    for value in (1, 2):  # sent as text, then prepared
        with transaction.atomic(), connection.cursor() as cursor:
            rows.execute(cursor, sql, [value])
    with connection.cursor() as cursor:
        cursor.execute("DEALLOCATE ALL")  # what a pooler in transaction mode does behind our back
    with transaction.atomic(), connection.cursor() as cursor:
        with pytest.raises(DatabaseError, match="does not exist"):
            rows.execute(cursor, sql, [3])
        transaction.set_rollback(True)
    with transaction.atomic(), connection.cursor() as cursor:
        rows.execute(cursor, sql, [4])
        assert cursor.fetchone() == (5,)


def test_a_value_and_a_null_in_the_same_place_are_two_shapes_that_both_run(world: World) -> None:
    dossier = _received(world)
    table = rows.table(Dossier)
    for value in (None, at("2026-03-03 10:00"), None, at("2026-03-04 10:00")):
        dossier.new_appointment_at = value
        with transaction.atomic(), rows.combining():
            table.update(dossier, ["new_appointment_at"])
        assert Dossier.objects.get(pk=dossier.pk).new_appointment_at == value


@pytest.mark.django_db(transaction=True)
def test_a_new_connection_prepares_again_what_it_lacks(world: World) -> None:
    first = _received(world, 0)
    services.forward_dossier(world.receptionist, first, at=at("2026-03-02 08:30"))
    connection.close()  # the statements die with the session
    second = _received(world, 1)
    with CaptureQueriesContext(connection) as captured:
        services.forward_dossier(world.receptionist, second, at=at("2026-03-02 08:31"))
    assert "PREPARE motcua_" in _sent(captured)
    assert Dossier.objects.get(pk=second.pk).status == Status.PROCESSING


def test_turned_off_the_statements_are_sent_as_text(world: World) -> None:
    dossier = _received(world)
    with override_settings(MOTCUA_DB_PREPARE=False), CaptureQueriesContext(connection) as captured:
        services.forward_dossier(world.receptionist, dossier, at=at("2026-03-02 08:30"))
    assert "motcua_" not in _sent(captured)
    assert "FOR UPDATE" in captured.captured_queries[0]["sql"]
    assert Dossier.objects.get(pk=dossier.pk).status == Status.PROCESSING


def test_expand_shows_the_statement_behind_each_execute(world: World) -> None:
    dossier = _received(world)
    services.forward_dossier(world.receptionist, dossier, at=at("2026-03-02 08:30"))
    dossier = _received(world, 1)
    with CaptureQueriesContext(connection) as captured:
        services.forward_dossier(world.receptionist, dossier, at=at("2026-03-02 08:31"))
    writes = rows.expand(captured.captured_queries[-1]["sql"])
    assert "EXECUTE" not in writes and "PREPARE" not in writes
    assert 'UPDATE "dossiers_dossier" SET' in writes and 'INSERT INTO "dossiers_dossierevent"' in writes
    # A literal holding the separator does not split a statement.
    assert rows.expand("SELECT ';\n'") == "SELECT ';\n'"


def test_the_values_of_an_execute_reach_the_server_as_given(world: World) -> None:
    # The EXECUTE's values are merged as literals by the driver's dumpers (`_Prepared.text`):
    # quotes, backslashes, negative numbers, NULLs, JSON, odd offsets and more than 50 values
    # (the driver parses templates of at most 50) come back from the server as they were sent.
    from psycopg.types.json import Jsonb

    saigon_1900 = dt.datetime(1900, 1, 1, 8, 0, tzinfo=zoneinfo.ZoneInfo("Asia/Ho_Chi_Minh"))  # +07:06:40
    values: list[Any] = [
        "it's", "a\\b", "; DROP TABLE x; --", "Nguyễn", "", None, -1, 0, 2**40, -(2**40), True, False,
        1.5, Decimal("-12.340"), dt.date(2026, 3, 2), at("2026-03-02 08:00"), saigon_1900,
        dt.timedelta(hours=-1, seconds=1), Jsonb({"a": ["x'y", None, 1]}),
    ]
    values += list(range(-30, 30))  # 79 values in all
    sql = "SELECT " + ", ".join(["%s"] * len(values))
    for _ in range(3):  # sent as text the first time, prepared and executed after
        with CaptureQueriesContext(connection) as captured, transaction.atomic():
            with connection.cursor() as cursor:
                rows.execute(cursor, sql, values)
                got = list(cursor.fetchone())
        # jsonb comes back as text (Django decodes it in JSONField).
        got = [json.loads(g) if isinstance(v, Jsonb) else g for g, v in zip(got, values, strict=True)]
        assert got == [v.obj if isinstance(v, Jsonb) else v for v in values]
    assert any(q["sql"].startswith("EXECUTE motcua_") for q in captured.captured_queries)
