"""Online submission: the applicant is the signed-in citizen's own identity, unless the citizen
declares "on behalf of" (a parent for a child, an authorised person), which is recorded."""

from __future__ import annotations

from django.test import Client

from motcua.dossiers.models import Dossier
from motcua.e2e.world import CITIZEN_ID, World

from .test_submit import _post

CHILD_ID = "020224001122"


def test_without_a_declaration_the_applicant_is_the_accounts_own_identity(
    client: Client, world: World
) -> None:
    client.force_login(world.citizen)
    response = client.post("/portal/submit/1.001193/", _post(world, name="Tên Gõ Khác"))
    assert response.status_code == 302
    dossier = Dossier.objects.get()
    assert dossier.applicant.id_number == CITIZEN_ID and dossier.applicant.user == world.citizen
    assert dossier.applicant.name == world.citizen.full_name
    assert "Nộp thay" not in dossier.request


def test_another_persons_id_number_without_a_declaration_is_refused_and_nothing_is_created(
    client: Client, world: World
) -> None:
    client.force_login(world.citizen)
    response = client.post("/portal/submit/1.001193/", _post(world, id_number=CHILD_ID))
    assert response.status_code == 400
    assert "Số định danh khác với số của tài khoản đang đăng nhập" in response.content.decode()
    assert not Dossier.objects.exists()


def test_a_declared_submission_on_behalf_records_who_submitted_and_the_relationship(
    client: Client, world: World
) -> None:
    client.force_login(world.citizen)
    response = client.post("/portal/submit/1.001193/", _post(
        world, name="Trần Minh Khôi", id_number=CHILD_ID, on_behalf="on",
        on_behalf_relationship="mẹ của trẻ"))
    assert response.status_code == 302
    dossier = Dossier.objects.get()
    assert dossier.applicant.name == "Trần Minh Khôi" and dossier.applicant.id_number == CHILD_ID
    assert dossier.applicant.user == world.citizen  # the account that submitted
    assert dossier.request.splitlines() == [f"Nộp thay: {world.citizen.full_name} (mẹ của trẻ)",
                                            "Khai sinh cho con"]
    submitted = dossier.events.get(action="submit")
    assert submitted.data["on_behalf"] == {"account": world.citizen.pk, "relationship": "mẹ của trẻ"}


def test_a_declaration_needs_the_relationship_and_another_persons_number(
    client: Client, world: World
) -> None:
    client.force_login(world.citizen)
    response = client.post("/portal/submit/1.001193/", _post(world, on_behalf="on"))
    page = response.content.decode()
    assert response.status_code == 400
    assert "Vui lòng ghi rõ quan hệ với người có hồ sơ." in page
    assert "Đây là số định danh của chính bạn." in page
    assert not Dossier.objects.exists()


def test_the_form_offers_the_declaration(client: Client, world: World) -> None:
    client.force_login(world.citizen)
    page = client.get("/portal/submit/1.001193/").content.decode()
    assert "Tôi nộp thay cho người khác" in page and 'name="on_behalf_relationship"' in page
