"""The online submission reads the catalog it keeps per process only while the catalog's
generation token says it is the one in force (catalog.services.snapshot).

Each change below is made without any signal — raw SQL or a queryset `.update()`, as another
server process, the importer or an operator would make it — and must be seen by the very next
submission.
"""

from __future__ import annotations

from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection, connections, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext

from motcua.api.tests.conftest import Province
from motcua.api.tests.test_dossiers_write import PDF, session
from motcua.catalog import services as catalog_services
from motcua.catalog.models import OnlineLevel, ProcedureVersion, Requirement
from motcua.core import rows
from motcua.dossiers.models import Dossier, DossierFile

pytestmark = pytest.mark.django_db

INSERT_REQUIREMENT = (
    "INSERT INTO catalog_requirement (version_id, \"order\", \"case\", name, originals, certified_copies,"
    " photocopies, form_name) VALUES (%s, 2, '', 'Giấy chứng sinh', 1, 0, 0, '')")


def submit(client: Client, headers: dict[str, str], province: Province, form: int) -> Any:
    """The birth registration with a file for its form (the one requirement of the fixture)."""
    data: dict[str, object] = {
        "procedure_code": "1.001193", "receiving_agency": province.center_a.code, "request": "Khai sinh",
        "files": [SimpleUploadedFile("to-khai.pdf", PDF, "application/pdf")],
        "requirement_ids": [form]}
    return client.post("/api/v1/dossiers", data, headers=headers)


@pytest.fixture
def form(province: Province) -> int:
    return province.birth_version.requirements.get().pk


def test_a_requirement_added_and_removed_by_raw_sql_is_seen_by_the_next_submission(
        province: Province, form: int) -> None:
    client, csrf = session(province.citizen)
    assert submit(client, csrf, province, form).status_code == 201  # the process keeps the version
    with connection.cursor() as cursor:
        cursor.execute(INSERT_REQUIREMENT, [province.birth_version.pk])
    refused = submit(client, csrf, province, form)
    assert refused.status_code == 422, refused.content
    assert refused.json()["code"] == "documents_missing"
    assert "Giấy chứng sinh" in refused.json()["message"]
    assert Dossier.objects.count() == 1
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM catalog_requirement WHERE name = 'Giấy chứng sinh'")
    assert submit(client, csrf, province, form).status_code == 201
    assert Dossier.objects.count() == 2


def test_a_version_withdrawn_from_online_service_by_update_is_refused_at_once(
        province: Province, form: int) -> None:
    client, csrf = session(province.citizen)
    assert submit(client, csrf, province, form).status_code == 201
    ProcedureVersion.objects.filter(pk=province.birth_version.pk).update(online_level=OnlineLevel.NONE)
    refused = submit(client, csrf, province, form)
    assert refused.status_code == 422, refused.content
    assert refused.json()["code"] == "not_offered_online"
    assert Dossier.objects.count() == 1


def test_an_agency_deactivated_by_raw_sql_no_longer_receives(province: Province, form: int) -> None:
    client, csrf = session(province.citizen)
    assert submit(client, csrf, province, form).status_code == 201
    with connection.cursor() as cursor:
        cursor.execute("UPDATE agencies_agency SET is_active = %s WHERE id = %s",
                       [False, province.center_a.pk])
    response = submit(client, csrf, province, form)
    assert response.status_code == 404, response.content
    assert province.center_a.code in response.json()["message"]
    assert Dossier.objects.count() == 1


def test_an_unchanged_catalog_costs_one_statement_and_no_catalog_row(province: Province, form: int) -> None:
    client, csrf = session(province.citizen)
    assert submit(client, csrf, province, form).status_code == 201
    with CaptureQueriesContext(connection) as queries:
        assert submit(client, csrf, province, form).status_code == 201
    statements = [rows.expand(q["sql"]) for q in queries.captured_queries]
    assert sum("catalog_generation" in sql for sql in statements) == 1
    assert not [sql for sql in statements if "FROM \"catalog_" in sql or "FROM \"agencies_agency\"" in sql]
    assert DossierFile.objects.count() == 2


@pytest.mark.django_db(transaction=True)
def test_a_change_committed_by_another_connection_is_seen_by_the_next_submission(
        province: Province, form: int) -> None:
    # Another server process: its own connection, its own committed transaction.
    client, csrf = session(province.citizen)
    assert submit(client, csrf, province, form).status_code == 201
    other = connections.create_connection("default")
    try:
        assert other.get_autocommit()
        with other.cursor() as cursor:  # committed at once
            cursor.execute(INSERT_REQUIREMENT, [province.birth_version.pk])
    finally:
        other.close()
    refused = submit(client, csrf, province, form)
    assert refused.status_code == 422, refused.content
    assert refused.json()["code"] == "documents_missing"


def _token() -> Any:
    return catalog_services.generation()


def test_every_kind_of_write_to_the_kept_tables_changes_the_token(province: Province) -> None:
    version = province.birth_version
    seen = {_token()}
    field, agency = type(province.birth.field), type(province.center_a)
    writes = [
        lambda: Requirement.objects.create(version=version, order=3, name="Bản sao", photocopies=1),
        lambda: Requirement.objects.filter(version=version).update(form_name="Mẫu 01"),
        lambda: Requirement.objects.filter(order=3).delete(),
        lambda: version.channels.update(fee_text="Miễn lệ phí"),
        lambda: version.process_steps.filter(order=1).update(name="Tiếp nhận hồ sơ"),
        lambda: ProcedureVersion.objects.filter(pk=version.pk).update(decision="Quyết định mới"),
        lambda: type(province.birth).objects.filter(pk=province.birth.pk).update(name="Đăng ký khai sinh"),
        lambda: field.objects.filter(pk=province.birth.field_id).update(name="Hộ tịch mới"),
        lambda: agency.objects.filter(pk=province.center_a.pk).update(phone="0205"),
    ]
    for write in writes:
        write()
        token = _token()
        assert token not in seen
        seen.add(token)


def test_a_change_rolled_back_leaves_the_token_it_found(province: Province) -> None:
    before = _token()
    with pytest.raises(RuntimeError), transaction.atomic():
        Requirement.objects.filter(version=province.birth_version).update(name="Tờ khai (sửa)")
        assert _token() != before  # the writer's own transaction sees its change at once
        raise RuntimeError("rolled back")
    assert _token() == before


def test_every_kept_table_has_its_trigger_after_all_migrations() -> None:
    # On SQLite a migration that alters one of these tables remakes it, and the new table has no
    # trigger: such a migration must install them again (catalog migration 0005's `install`).
    from importlib import import_module

    watched = import_module("motcua.catalog.migrations.0005_generation").WATCHED
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SELECT c.relname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid"
                           " WHERE t.tgname LIKE %s", ["%_generation"])
            found = sorted(name for (name,) in cursor.fetchall())
            assert found == sorted(watched)
        else:
            cursor.execute("SELECT tbl_name, name FROM sqlite_master WHERE type = 'trigger'"
                           " AND name LIKE %s", ["%_generation_%"])
            found = sorted(cursor.fetchall())
            assert found == sorted((table, f"{table}_generation_{operation}") for table in watched
                                   for operation in ("insert", "update", "delete"))
