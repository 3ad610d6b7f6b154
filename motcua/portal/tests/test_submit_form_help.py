"""The submission form helps before it refuses: required marks, limits up front, the citizen's own
commune's centre as default, ID numbers typed in groups accepted, a specific message otherwise."""

from __future__ import annotations

import re

from django.test import Client, override_settings

from motcua.dossiers.models import Dossier
from motcua.e2e.world import CITIZEN_ID, World, submit_birth
from motcua.portal.tests.test_submit import _post


def _selected_centre(page: str) -> str | None:
    select = re.search(r'<select name="receiving_agency".*?</select>', page, re.S)
    assert select is not None
    chosen = re.search(r'<option value="(\d*)" selected', select.group(0))
    return chosen.group(1) if chosen else None


def test_required_fields_and_always_required_documents_are_marked(client: Client, world: World) -> None:
    client.force_login(world.citizen)
    page = client.get("/portal/submit/1.001193/").content.decode()
    assert "Mục có dấu * là bắt buộc." in page
    assert re.search(r'<label for="id_name" class="required">', page)
    assert page.count('class="doc-row required"') >= 1
    assert '<label class="required"><input type="checkbox" name="confirm"' in page


@override_settings(MOTCUA_UPLOAD_MAX_BYTES=5 * 1024 * 1024)
def test_the_upload_limits_are_stated_before_any_upload(client: Client, world: World) -> None:
    client.force_login(world.citizen)
    page = client.get("/portal/submit/1.001193/").content.decode()
    assert "Tệp đính kèm: PDF, JPEG hoặc PNG, mỗi tệp tối đa 5 MB." in page


def test_a_first_submission_has_no_silent_default_centre(client: Client, world: World) -> None:
    client.force_login(world.citizen)
    page = client.get("/portal/submit/1.001193/").content.decode()
    assert _selected_centre(page) in (None, "")


def test_the_citizens_own_commune_centre_is_the_default_afterwards(client: Client, world: World) -> None:
    submit_birth(world)  # the applicant's residence: the ward of world.ward_center
    client.force_login(world.citizen)
    page = client.get("/portal/submit/1.001193/").content.decode()
    assert _selected_centre(page) == str(world.ward_center.pk)


def test_an_id_number_typed_in_groups_is_accepted_without_spaces(client: Client, world: World) -> None:
    client.force_login(world.citizen)
    spaced = f"{CITIZEN_ID[:4]} {CITIZEN_ID[4:8]} {CITIZEN_ID[8:]}"
    response = client.post("/portal/submit/1.001193/", _post(world, id_number=spaced))
    assert response.status_code == 302
    assert Dossier.objects.get().applicant.id_number == CITIZEN_ID


def test_a_13_digit_id_number_gets_a_specific_message_and_nothing_is_stored(
        client: Client, world: World) -> None:
    client.force_login(world.citizen)
    response = client.post("/portal/submit/1.001193/", _post(world, id_number=CITIZEN_ID + "7"))
    page = response.content.decode()
    assert response.status_code == 400
    assert "Số định danh cá nhân gồm đúng 12 chữ số; số bạn nhập có 13 chữ số." in page
    assert "Đảm bảo" not in page  # not Django's generic length message
    assert not Dossier.objects.exists()


def test_letters_in_an_id_number_get_their_own_message(client: Client, world: World) -> None:
    client.force_login(world.citizen)
    response = client.post("/portal/submit/1.001193/", _post(world, id_number="0200 9000 12A4"))
    assert response.status_code == 400
    assert "Số định danh cá nhân chỉ gồm chữ số" in response.content.decode()
    assert not Dossier.objects.exists()
