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
    repeat = _data(world, submission_key=key, decision="receive_and_forward")
    again = client.post(COUNTER, repeat, follow=True)
    assert Dossier.objects.count() == 1
    assert again.redirect_chain[-1][0] == first["Location"] == f"/desk/dossiers/{dossier.code}/"
    assert f"Hồ sơ này đã được nộp trước đó (mã {dossier.code})." in again.content.decode()
    dossier.refresh_from_db()
    assert dossier.status == Status.RECEIVED  # the repeat did not forward it either


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
