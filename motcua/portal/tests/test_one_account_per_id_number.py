"""One account per personal ID number: registration refuses a second one (also when two
registrations race), the database refuses it at every door, and a command lists the duplicates
an older database may hold (the migration that adds the constraint refuses to run over them)."""

from __future__ import annotations

import pytest
from django.core.management import call_command
from django.db import IntegrityError, connection, transaction
from django.db.migrations.executor import MigrationExecutor
from django.test import Client

from motcua.accounts.models import Role, User
from motcua.core.tests.racing import run_at_once

FORM = {"full_name": "Nguyễn Thị Thu", "id_number": "0201 9000 9999", "phone": "0912000111", "email": "",
        "password1": "mot-mat-khau-dai-2026", "password2": "mot-mat-khau-dai-2026"}


@pytest.mark.django_db
def test_registering_with_an_id_number_that_has_an_account_is_refused(client: Client) -> None:
    User.objects.create_user("thu.cu", password="x", role=Role.CITIZEN, id_number="020190009999")
    response = client.post("/accounts/register/", {**FORM, "username": "thu.moi"})
    assert response.status_code == 200
    assert "Số định danh cá nhân này đã có tài khoản" in response.content.decode()
    assert not User.objects.filter(username="thu.moi").exists()
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_an_id_number_in_full_width_digits_is_the_same_number_and_other_scripts_digits_are_refused(
        client: Client) -> None:
    # `\d` and str.isdigit() take "０" and "٠": the number was stored as typed, so a second
    # account of the same number passed the one-account check.
    User.objects.create_user("thu.cu", password="x", role=Role.CITIZEN, id_number="020190009999")
    full_width = {**FORM, "username": "thu.moi", "id_number": "０２０１９０００９９９９"}
    response = client.post("/accounts/register/", full_width)
    assert "Số định danh cá nhân này đã có tài khoản" in response.content.decode()
    arabic_indic = {**FORM, "username": "thu.moi", "id_number": "٠٢٠١٩٠٠٠٩٩٩٩"}
    response = client.post("/accounts/register/", arabic_indic)
    assert "Số định danh cá nhân chỉ gồm chữ số" in response.content.decode()
    assert not User.objects.filter(username="thu.moi").exists()
    assert User.objects.count() == 1


@pytest.mark.django_db
def test_the_database_refuses_a_second_account_with_the_same_id_number() -> None:
    User.objects.create_user("mot", password=None, id_number="020190009999")
    User.objects.create_user("khong-so-1", password=None)  # accounts without a number are many
    User.objects.create_user("khong-so-2", password=None)
    with pytest.raises(IntegrityError), transaction.atomic():
        User.objects.create_user("hai", password=None, id_number="020190009999")
    assert User.objects.filter(id_number="020190009999").count() == 1


@pytest.mark.postgresql  # concurrent writers need PostgreSQL (in-memory SQLite locks tables)
@pytest.mark.django_db(transaction=True)
def test_two_registrations_racing_for_one_id_number_make_one_account() -> None:
    names = ("dua.mot", "dua.hai")
    statuses = run_at_once(
        2, lambda index: Client().post("/accounts/register/", {**FORM, "username": names[index]}).status_code,
        join_timeout=30)
    assert all(isinstance(status, int) for status in statuses), statuses
    assert sorted(statuses) == [200, 302]
    assert User.objects.filter(id_number="020190009999").count() == 1


@pytest.mark.django_db(transaction=True)
def test_existing_duplicates_are_listed_masked_and_block_the_constraint_until_resolved(capsys) -> None:
    executor = MigrationExecutor(connection)
    executor.migrate([("accounts", "0003_account_event_append_only_trigger")])
    try:
        # The accounts table as it was then (the model of today has later columns).
        then = executor.loader.project_state(("accounts", "0003_account_event_append_only_trigger"))
        old_user = then.apps.get_model("accounts", "User")
        for username, number in (("cu.mot", "020190009999"), ("cu.hai", "020190009999"),
                                 ("khac", "020190001111")):
            old_user.objects.create(username=username, password="!", id_number=number)
        call_command("accounts", "duplicate-ids")
        out = capsys.readouterr().out
        assert "********9999: cu.mot" in out and "cu.hai" in out
        assert "020190009999" not in out and "khac" not in out

        executor = MigrationExecutor(connection)
        with pytest.raises(RuntimeError, match="duplicate-ids"):
            executor.migrate([("accounts", "0004_user_id_number_unique")])
        User.objects.filter(username="cu.hai").update(id_number="")
    finally:
        executor = MigrationExecutor(connection)
        executor.migrate(executor.loader.graph.leaf_nodes())
    call_command("accounts", "duplicate-ids")
    assert "Không có số định danh nào dùng cho nhiều tài khoản." in capsys.readouterr().out
