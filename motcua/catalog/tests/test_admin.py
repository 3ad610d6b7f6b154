"""The admin a catalog manager uses: versions with everything inline, field → department."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

import pytest
from django.test import Client

from motcua.accounts.models import Role, User
from motcua.catalog.models import ProcedureVersion

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("catalog")]


@pytest.fixture
def manager_client(client: Client) -> Client:
    # A real catalog manager (staff through the role, catalog permissions only), not a superuser.
    user = User.objects.create_user("catalog-manager", password="a-long-password-1",
                                    role=Role.CATALOG_MANAGER)
    client.force_login(user)
    return client


def test_version_page_shows_channels_documents_legal_bases_and_process_steps(manager_client: Client) -> None:
    version = ProcedureVersion.objects.get(procedure__code="1.004194")
    response = manager_client.get(f"/admin/catalog/procedureversion/{version.pk}/change/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Tờ khai thay đổi thông tin cư trú." in html and "68/2020/QH14" in html
    assert "Thẩm định, xử lý hồ sơ" in html and 'name="channels-0-time_limit_value"' in html


@pytest.mark.parametrize("path", ["/admin/catalog/procedure/", "/admin/catalog/fielddepartment/",
                                  "/admin/catalog/procedureversion/?q=1.001193", "/admin/catalog/field/"])
def test_catalog_admin_lists_open(manager_client: Client, path: str) -> None:
    assert manager_client.get(path).status_code == 200


# ------------------------------------------------------------------ editing a version's template

def _formset(prefix: str, rows: Iterable[Mapping[str, Any]], version_id: int) -> dict[str, object]:
    rows = [dict(row) for row in rows]
    data: dict[str, object] = {f"{prefix}-TOTAL_FORMS": len(rows), f"{prefix}-INITIAL_FORMS": len(rows),
                               f"{prefix}-MIN_NUM_FORMS": 0, f"{prefix}-MAX_NUM_FORMS": 1000}
    for i, row in enumerate(rows):
        data.update({f"{prefix}-{i}-{key}": "" if value is None else value for key, value in row.items()})
        data[f"{prefix}-{i}-version"] = version_id
    return data


def _change_data(version: ProcedureVersion, hours: list[str]) -> dict[str, object]:
    """The version's change form as the admin shows it, with the steps' hours replaced."""
    data: dict[str, object] = {
        "procedure": version.procedure_id, "valid_from": version.valid_from.isoformat(), "valid_to": "",
        "decision": version.decision, "online_level": version.online_level, "steps_text": version.steps_text,
        "conditions": version.conditions, "results": version.results,
        "implementing_agency": version.implementing_agency,
    }
    data |= _formset("channels", list(version.channels.values(
        "id", "kind", "time_limit_value", "time_limit_unit", "time_limit_text", "fee_amount", "fee_text",
        "description")), version.pk)
    data |= _formset("requirements", list(version.requirements.values(
        "id", "order", "case", "name", "originals", "certified_copies", "photocopies", "form_name")),
        version.pk)
    data |= _formset("legal_bases", list(version.legal_bases.values(
        "id", "order", "number", "title", "issued", "issuer")), version.pk)
    steps: list[dict[str, Any]] = [dict(step) for step in version.process_steps.values(
        "id", "order", "name", "role", "agency_kind", "allotted_hours")]
    for step, value in zip(steps, hours, strict=True):
        step["allotted_hours"] = value
    data |= _formset("process_steps", steps, version.pk)
    return data


def test_a_catalog_manager_can_rebalance_the_steps_within_the_legal_limit(manager_client: Client) -> None:
    version = ProcedureVersion.objects.get(procedure__code="1.004194")  # 7 working days = 56 h
    url = f"/admin/catalog/procedureversion/{version.pk}/change/"
    response = manager_client.post(url, _change_data(version, ["1", "40", "14", "1"]))
    assert response.status_code == 302
    assert [str(s.allotted_hours) for s in version.process_steps.all()] == ["1.00", "40.00", "14.00", "1.00"]


def test_steps_that_do_not_add_up_to_the_legal_limit_are_refused(manager_client: Client) -> None:
    version = ProcedureVersion.objects.get(procedure__code="1.004194")
    before = [s.allotted_hours for s in version.process_steps.all()]
    response = manager_client.post(f"/admin/catalog/procedureversion/{version.pk}/change/",
                                   _change_data(version, ["1", "40", "20", "1"]))
    assert response.status_code == 200
    assert "Tổng thời gian các bước là 62 giờ làm việc, phải bằng thời hạn giải quyết 56 giờ làm việc." in (
        response.content.decode())
    assert [s.allotted_hours for s in version.process_steps.all()] == before


def test_the_limit_edited_in_the_same_form_is_the_one_checked(manager_client: Client) -> None:
    version = ProcedureVersion.objects.get(procedure__code="1.004194")
    data = _change_data(version, ["1", "40", "22", "1"])  # 64 h = 8 working days
    for i in range(int(str(data["channels-TOTAL_FORMS"]))):
        data[f"channels-{i}-time_limit_value"] = "8"
    response = manager_client.post(f"/admin/catalog/procedureversion/{version.pk}/change/", data)
    assert response.status_code == 302


def test_step_roles_and_agency_kinds_are_chosen_from_their_lists(manager_client: Client) -> None:
    version = ProcedureVersion.objects.get(procedure__code="1.004194")
    data = _change_data(version, ["1", "40", "14", "1"])
    data["process_steps-1-role"] = "chuyen vien"
    response = manager_client.post(f"/admin/catalog/procedureversion/{version.pk}/change/", data)
    assert response.status_code == 200
    assert version.process_steps.get(order=2).role == "specialist"
    html = manager_client.get(f"/admin/catalog/procedureversion/{version.pk}/change/").content.decode()
    assert '<option value="leader"' in html and '<option value="commune_committee"' in html
