"""Demo accounts: one or more per role, in the right agencies, with the printed password."""

from __future__ import annotations

from io import StringIO
from pathlib import Path
from types import SimpleNamespace

import pytest
from django.contrib.auth import authenticate
from django.core.management.base import OutputWrapper

from motcua.accounts import demo
from motcua.accounts.models import Role, User
from motcua.agencies.models import Agency

pytestmark = pytest.mark.usefixtures("lang_son")


def test_every_role_has_a_demo_account() -> None:
    users = demo.ensure_demo_accounts()
    assert {u.role for u in users} == set(Role.values)


def test_officers_sit_in_the_agencies_their_names_say() -> None:
    demo.ensure_demo_accounts()
    where = {u.username: (u.agency.kind, u.agency.name) if u.agency else None
             for u in User.objects.select_related("agency")}
    assert where["tiepnhan.tinh"] == (
        Agency.Kind.PROVINCIAL_CENTER, "Trung tâm Phục vụ hành chính công tỉnh Lạng Sơn")
    assert where["tiepnhan.dongkinh"] == (
        Agency.Kind.COMMUNE_CENTER, "Trung tâm Phục vụ hành chính công phường Đông Kinh")
    assert where["tiepnhan.dongdang"] == (
        Agency.Kind.COMMUNE_CENTER, "Trung tâm Phục vụ hành chính công xã Đồng Đăng")
    assert where["chuyenvien.dongkinh"] == (Agency.Kind.COMMUNE_COMMITTEE, "Ủy ban nhân dân phường Đông Kinh")
    assert where["lanhdao.sotuphap"] == (Agency.Kind.DEPARTMENT, "Sở Tư pháp tỉnh Lạng Sơn")
    assert where["chuyenvien.sonnmt"] == (
        Agency.Kind.DEPARTMENT, "Sở Nông nghiệp và Môi trường tỉnh Lạng Sơn")
    assert where["congdan.an"] is None
    assert all(u.is_officer for u in User.objects.filter(role__in=[Role.RECEPTIONIST, Role.LEADER]))


def test_the_demo_password_works_and_only_the_administrator_is_a_superuser() -> None:
    demo.ensure_demo_accounts()
    assert authenticate(username="tiepnhan.dongkinh", password=demo.DEMO_PASSWORD) is not None
    assert list(User.objects.filter(is_superuser=True).values_list("username", flat=True)) == ["quantri"]


def test_citizens_have_fabricated_12_digit_id_numbers() -> None:
    demo.ensure_demo_accounts()
    numbers = User.objects.filter(role=Role.CITIZEN).values_list("id_number", flat=True)
    assert len(numbers) == 2
    assert all(len(n) == 12 and n.isdigit() for n in numbers)


def test_loading_twice_keeps_the_same_accounts_and_prints_a_masked_table(tmp_path: Path) -> None:
    command = SimpleNamespace(stdout=OutputWrapper(StringIO()))
    demo.load(command, tmp_path)
    before = list(User.objects.order_by("pk").values_list("pk", "username", "password"))
    demo.load(command, tmp_path)
    assert list(User.objects.order_by("pk").values_list("pk", "username", "password")) == before
    out = StringIO()
    demo.print_accounts(SimpleNamespace(stdout=OutputWrapper(out)))
    text = out.getvalue()
    assert "motcua-demo" in text
    assert "tiepnhan.dongkinh" in text and "lanhdao.sonnmt" in text
    assert "********1234" in text
    assert "020090001234" not in text


def test_the_table_can_be_printed_again_from_the_database() -> None:
    demo.ensure_demo_accounts()
    out = StringIO()
    demo.print_accounts(SimpleNamespace(stdout=OutputWrapper(out)))
    lines = out.getvalue().splitlines()
    assert len(lines) == 3 + len(demo.DEMO_ACCOUNTS)
    assert lines[-1].split()[0] == "congdan.binh"
