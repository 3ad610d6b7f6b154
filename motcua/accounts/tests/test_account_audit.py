"""Account, role, permission and token changes leave an append-only record: who, what, when."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group
from django.db import DatabaseError, connection, transaction
from django.test import Client

from motcua.accounts.audit import acting_as
from motcua.accounts.models import AccountEvent, Role, User
from motcua.agencies.models import Agency
from motcua.api.models import ApiToken
from motcua.api.tokens import issue_token, revoke_token

pytestmark = pytest.mark.django_db

Action = AccountEvent.Action


def _admin() -> User:
    return User.objects.create_superuser("quantri.audit", password="mat-khau-dai-2025")


def _agency() -> Agency:
    from motcua.geography.models import Unit

    unit = Unit.objects.create(code="99999", name="Xã Thử Nghiệm", level=Unit.Level.COMMUNE,
                               valid_from="2025-07-01")
    return Agency.objects.create(code="H99.01", name="Trung tâm thử nghiệm", kind=Agency.Kind.COMMUNE_CENTER,
                                 unit=unit)


def test_creating_an_account_is_recorded_with_its_role_and_no_actor_from_a_command() -> None:
    user = User.objects.create_user("congdan.moi", password="mat-khau-dai-2025", role=Role.CITIZEN)
    event = AccountEvent.objects.get(action=Action.ACCOUNT_CREATED, subject_user_id=user.pk)
    assert (event.subject, event.actor, event.actor_user_id) == ("congdan.moi", "", None)
    assert event.data["role"] == Role.CITIZEN


def test_a_role_and_agency_change_records_old_and_new_values_and_the_actor() -> None:
    admin, agency = _admin(), _agency()
    user = User.objects.create_user("canbo.moi", password="mat-khau-dai-2025", role=Role.CITIZEN)
    with acting_as(admin):
        user.role, user.agency = Role.RECEPTIONIST, agency
        user.save()
    event = AccountEvent.objects.get(action=Action.ROLE_CHANGED, subject_user_id=user.pk)
    assert event.actor == admin.username and event.actor_user_id == admin.pk
    assert event.data["role"] == [Role.CITIZEN, Role.RECEPTIONIST]
    assert event.data["agency_id"] == [None, agency.pk]
    assert event.at is not None


def test_a_phone_change_records_the_field_name_never_the_number() -> None:
    user = User.objects.create_user("congdan.sdt", password="mat-khau-dai-2025", phone="0912000111",
                                    id_number="020190001234")
    user.phone = "0988777666"
    user.save()
    event = AccountEvent.objects.get(action=Action.ACCOUNT_CHANGED, subject_user_id=user.pk)
    assert event.data == {"fields": ["phone"]}
    everything = str(list(AccountEvent.objects.values_list("data", flat=True)))
    assert not {"0988777666", "0912000111", "020190001234"} & set(everything.replace("'", " ").split())
    assert "0988777666" not in everything


def test_signing_in_records_nothing(client: Client) -> None:
    User.objects.create_user("congdan.dn", password="mat-khau-dai-2025")
    before = AccountEvent.objects.count()
    assert client.login(username="congdan.dn", password="mat-khau-dai-2025")
    assert AccountEvent.objects.count() == before


def test_group_membership_changes_are_recorded() -> None:
    user = User.objects.create_user("canbo.nhom", password="mat-khau-dai-2025")
    group = Group.objects.create(name="Nhóm thử")
    user.groups.add(group)
    event = AccountEvent.objects.filter(action=Action.PERMISSIONS_CHANGED, subject_user_id=user.pk).last()
    assert event is not None and event.data == {"groups": {"added": ["Nhóm thử"]}}


def test_issuing_and_revoking_a_token_are_recorded_without_the_secret() -> None:
    admin = _admin()
    officer = User.objects.create_user("canbo.token", password="mat-khau-dai-2025", role=Role.RECEPTIONIST,
                                       agency=_agency())
    with acting_as(admin):
        token, raw = issue_token(officer, "Phần mềm văn phòng", scope=ApiToken.Scope.SUBMIT)
        assert revoke_token(token)
        assert not revoke_token(token)  # a second revocation changes nothing and records nothing
    issued = AccountEvent.objects.get(action=Action.TOKEN_ISSUED)
    revoked = AccountEvent.objects.get(action=Action.TOKEN_REVOKED)
    assert issued.subject == revoked.subject == "canbo.token"
    assert issued.actor == revoked.actor == admin.username
    assert issued.data["scope"] == "submit" and issued.data["token"] == token.prefix
    assert raw not in str(issued.data) and token.key_hash not in str(issued.data)


def test_the_admin_password_change_names_the_signed_in_administrator() -> None:
    admin = _admin()
    user = User.objects.create_user("congdan.mk", password="mat-khau-dai-2025")
    client = Client()
    client.force_login(admin)
    response = client.post(f"/admin/accounts/user/{user.pk}/password/",
                           {"password1": "mat-khau-moi-2026!", "password2": "mat-khau-moi-2026!",
                            "usable_password": "true"})
    assert response.status_code == 302, response.content
    event = AccountEvent.objects.get(action=Action.PASSWORD_CHANGED, subject_user_id=user.pk)
    assert event.actor == admin.username


def test_the_admin_revoke_action_names_the_signed_in_administrator() -> None:
    admin = _admin()
    officer = User.objects.create_user("canbo.thuhoi", password="mat-khau-dai-2025", role=Role.RECEPTIONIST,
                                       agency=_agency())
    token, _ = issue_token(officer, "Hệ thống")
    client = Client()
    client.force_login(admin)
    client.post("/admin/api/apitoken/", {"action": "revoke_selected", "_selected_action": [token.pk]})
    assert AccountEvent.objects.get(action=Action.TOKEN_REVOKED).actor == admin.username


def test_the_admin_has_no_action_that_proves_an_id_number_without_the_accounts_code() -> None:
    """Proving a number belongs to the desk (motcua.accounts.verification), where the person
    also shows their account's code: an administrator ticking accounts proved nobody's control."""
    admin = _admin()
    citizen = User.objects.create_user("congdan.xacthuc", password="mat-khau-dai-2025", role=Role.CITIZEN,
                                       id_number="020190004444")
    client = Client()
    client.force_login(admin)
    listing = client.get("/admin/accounts/user/")
    assert listing.status_code == 200 and "verify_id_number" not in listing.content.decode()
    client.post("/admin/accounts/user/",
                {"action": "verify_id_number_at_counter", "_selected_action": [citizen.pk]})
    citizen.refresh_from_db()
    assert citizen.id_verified_at is None
    assert not AccountEvent.objects.filter(action=Action.ID_VERIFIED).exists()


def test_the_admin_shows_the_log_read_only() -> None:
    admin = _admin()
    client = Client()
    client.force_login(admin)
    listing = client.get("/admin/accounts/accountevent/")
    assert listing.status_code == 200
    assert "quantri.audit" in listing.content.decode()
    assert client.get("/admin/accounts/accountevent/add/").status_code == 403
    event = AccountEvent.objects.first()
    assert event is not None
    assert client.post(f"/admin/accounts/accountevent/{event.pk}/delete/", {"post": "yes"}).status_code == 403
    assert AccountEvent.objects.filter(pk=event.pk).exists()


def test_events_cannot_be_changed_or_deleted_through_the_orm() -> None:
    event = AccountEvent.objects.create(action=Action.ACCOUNT_CHANGED, subject="x", data={})
    event.subject = "y"
    with pytest.raises(ValueError):
        event.save()
    with pytest.raises(ValueError):
        event.delete()


def test_the_database_refuses_an_update_of_an_event() -> None:
    event = AccountEvent.objects.create(action=Action.ACCOUNT_CHANGED, subject="x", data={})
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(f"UPDATE {AccountEvent._meta.db_table} SET subject = 'y' WHERE id = %s", [event.pk])
    event.refresh_from_db()
    assert event.subject == "x"


def test_deleting_an_account_keeps_its_history() -> None:
    user = User.objects.create_user("congdan.xoa", password="mat-khau-dai-2025")
    user_id = user.pk
    user.delete()
    actions = list(AccountEvent.objects.filter(subject_user_id=user_id).values_list("action", flat=True))
    assert Action.ACCOUNT_CREATED in actions and Action.ACCOUNT_DELETED in actions
