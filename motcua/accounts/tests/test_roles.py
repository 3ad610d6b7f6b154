"""A catalog manager can log into /admin/ and edit the catalog, and nothing else; the role decides."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group
from django.test import Client

from motcua.accounts import demo
from motcua.accounts.models import Role, User
from motcua.accounts.roles import ensure_role_groups

pytestmark = pytest.mark.django_db


def test_a_user_given_the_catalog_manager_role_becomes_staff_with_catalog_permissions() -> None:
    user = User.objects.create_user("danhmuc", password="a-long-password-1", role=Role.CATALOG_MANAGER)

    user = User.objects.get(pk=user.pk)  # fresh: no permission cache
    assert user.is_staff and not user.is_superuser
    assert user.has_perm("catalog.change_procedureversion")
    assert user.has_perm("catalog.add_processstep") and user.has_perm("catalog.change_fielddepartment")
    assert user.has_perm("agencies.view_agency") and not user.has_perm("agencies.change_agency")
    assert not user.has_perm("accounts.change_user") and not user.has_perm("dossiers.change_dossier")


def test_other_officers_and_citizens_are_not_staff() -> None:
    for role in (Role.RECEPTIONIST, Role.SPECIALIST, Role.LEADER, Role.CENTER_MANAGER, Role.CITIZEN):
        user = User.objects.create_user(f"u-{role}", password="a-long-password-1", role=role)
        assert not user.is_staff
        assert not user.groups.exists()


def test_taking_the_role_away_takes_staff_status_and_permissions_away() -> None:
    user = User.objects.create_user("danhmuc", password="a-long-password-1", role=Role.CATALOG_MANAGER)
    user.role = Role.RECEPTIONIST
    user.save()

    user = User.objects.get(pk=user.pk)
    assert not user.is_staff and not user.groups.exists()
    assert not user.has_perm("catalog.change_procedure")


def test_saving_only_other_fields_keeps_the_role_groups() -> None:
    user = User.objects.create_user("danhmuc", password="a-long-password-1", role=Role.CATALOG_MANAGER)
    user = User.objects.get(pk=user.pk)
    user.full_name = "Vi Văn Thành"
    user.save(update_fields=["full_name"])
    assert User.objects.get(pk=user.pk).groups.filter(name="catalog_manager").exists()


def test_role_groups_are_rebuilt_with_exactly_their_permissions() -> None:
    group = Group.objects.get(name="catalog_manager")  # made by post_migrate
    group.permissions.clear()
    ensure_role_groups()
    codenames = set(group.permissions.values_list("codename", flat=True))
    assert {"change_procedure", "delete_requirement", "view_agency"} <= codenames
    assert not any(name.endswith("_user") or name.endswith("_dossier") for name in codenames)


def test_the_demo_catalog_manager_logs_into_the_admin_and_edits_a_procedure(lang_son: object) -> None:
    from motcua.catalog.models import Field, Procedure

    demo.ensure_demo_accounts()
    field = Field.objects.create(name="Hộ tịch")
    procedure = Procedure.objects.create(code="1.001193", name="Thủ tục đăng ký khai sinh", field=field,
                                         at_commune=True)
    client = Client()
    assert client.login(username="quantri.danhmuc", password=demo.DEMO_PASSWORD)

    index = client.get("/admin/")
    assert index.status_code == 200
    assert "/admin/catalog/procedure/" in index.content.decode()
    assert "/admin/accounts/user/" not in index.content.decode()
    page = client.get(f"/admin/catalog/procedure/{procedure.pk}/change/")
    assert page.status_code == 200
    response = client.post(f"/admin/catalog/procedure/{procedure.pk}/change/", {
        "code": "1.001193", "name": "Thủ tục đăng ký khai sinh (sửa)", "field": field.pk, "at_commune": "on",
        "kind": "", "applicants": "", "detail_url": "",
        "versions-TOTAL_FORMS": "0", "versions-INITIAL_FORMS": "0",
        "versions-MIN_NUM_FORMS": "0", "versions-MAX_NUM_FORMS": "1000",
    })
    assert response.status_code == 302, response.content.decode()[:2000]
    assert Procedure.objects.get(pk=procedure.pk).name == "Thủ tục đăng ký khai sinh (sửa)"
    assert client.get("/admin/accounts/user/").status_code == 403


def test_a_receptionist_cannot_log_into_the_admin(lang_son: object) -> None:
    demo.ensure_demo_accounts()
    client = Client()
    client.post("/admin/login/", {"username": "tiepnhan.tinh", "password": demo.DEMO_PASSWORD})
    assert client.get("/admin/").status_code == 302  # back to the login page
