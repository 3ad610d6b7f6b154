"""A receptionist who presses "Tiếp nhận" twice (or whose browser resends it) receives one dossier."""

from __future__ import annotations

import re

from django.test import Client

from motcua.dossiers.forms import issue_submission_key
from motcua.dossiers.models import Dossier, Status
from motcua.e2e.world import World

from .test_counter import _data

COUNTER = "/desk/counter/1.001193/"


def _key(client: Client) -> str:
    found = re.search(r'name="submission_key" value="([^"]+)"', client.get(COUNTER).content.decode())
    assert found, "the form carries no submission key"
    return found.group(1)


def test_pressing_receive_twice_creates_one_dossier_and_opens_it(client: Client, world: World) -> None:
    client.force_login(world.receptionist)
    key = _key(client)
    first = client.post(COUNTER, _data(world, submission_key=key))
    dossier = Dossier.objects.get()
    again = client.post(COUNTER, _data(world, submission_key=key), follow=True)
    assert Dossier.objects.count() == 1
    assert again.redirect_chain[-1][0] == first["Location"] == f"/desk/dossiers/{dossier.code}/"
    assert f"Hồ sơ này đã được nộp trước đó (mã {dossier.code})." in again.content.decode()


def test_the_used_key_with_another_decision_creates_nothing_and_asks_again(
        client: Client, world: World) -> None:
    """Same key, other data: not a repeat (which would hide the change) but a new submission,
    which needs the fresh key the page comes back with."""
    client.force_login(world.receptionist)
    key = _key(client)
    client.post(COUNTER, _data(world, submission_key=key))
    dossier = Dossier.objects.get()
    again = client.post(COUNTER, _data(world, submission_key=key, decision="receive_and_forward"))
    assert again.status_code == 409
    assert "Biểu mẫu này đã được dùng để nộp một hồ sơ khác" in again.content.decode()
    assert Dossier.objects.count() == 1
    dossier.refresh_from_db()
    assert dossier.status == Status.RECEIVED  # the repeat did not forward it


def test_back_to_the_posted_page_and_another_applicant_receives_that_applicant(
        client: Client, world: World) -> None:
    """Applicant A received, Back (the old key on the page), applicant B typed in: B is not
    folded into A's dossier — the page asks once more, with a fresh key, and then B is received."""
    client.force_login(world.receptionist)
    key = _key(client)
    client.post(COUNTER, _data(world, submission_key=key), follow=True)  # its "Đã tiếp nhận" message shown
    first = Dossier.objects.get()
    b = {"name": "Trần Thị Bích", "id_number": "020190008888"}
    response = client.post(COUNTER, _data(world, submission_key=key, **b))
    assert response.status_code == 409
    page = response.content.decode()
    assert first.code not in page and Dossier.objects.count() == 1
    fresh = re.search(r'name="submission_key" value="([^"]+)"', page)
    assert fresh and fresh.group(1) != key
    done = client.post(COUNTER, _data(world, submission_key=fresh.group(1), **b))
    second = Dossier.objects.exclude(pk=first.pk).get()
    assert done["Location"] == f"/desk/dossiers/{second.code}/"
    assert second.applicant.name == "Trần Thị Bích"


def test_the_reception_page_is_not_kept_by_the_browser(client: Client, world: World) -> None:
    client.force_login(world.receptionist)
    assert "no-store" in client.get(COUNTER)["Cache-Control"]


def test_a_refusal_sent_twice_is_one_refusal(client: Client, world: World) -> None:
    client.force_login(world.receptionist)
    key = _key(client)
    data = _data(world, submission_key=key, decision="refuse", refusal_reason="Sai thủ tục")
    client.post(COUNTER, data)
    client.post(COUNTER, _data(world, submission_key=key, decision="refuse", refusal_reason="Sai thủ tục"))
    assert Dossier.objects.filter(status=Status.REFUSED).count() == 1


def test_another_receptionists_key_is_refused_and_reveals_nothing(client: Client, world: World) -> None:
    colleague = type(world.receptionist).objects.create(
        username="mot.cua.2", role=world.receptionist.role, agency=world.ward_center, full_name="Lục Thị Hai")
    theirs_key = issue_submission_key(colleague)
    other = Client()
    other.force_login(colleague)
    other.post(COUNTER, _data(world, submission_key=theirs_key))
    theirs = Dossier.objects.get()
    client.force_login(world.receptionist)
    response = client.post(COUNTER, _data(world, submission_key=theirs_key))
    assert response.status_code == 409
    page = response.content.decode()
    assert theirs.code not in page and "Biểu mẫu này không được cấp cho tài khoản của bạn" in page
    assert Dossier.objects.count() == 1


def test_the_used_key_message_is_in_english_for_an_english_page(client: Client, world: World) -> None:
    client.force_login(world.receptionist)
    key = _key(client)
    client.post(COUNTER, _data(world, submission_key=key))
    page = client.post("/en" + COUNTER, _data(world, submission_key=key, sets="2")).content.decode()
    assert "This form was already used to submit another dossier" in page
