"""A citizen who double-clicks "Nộp hồ sơ" (or whose phone resends the POST) has one dossier.

The form carries a one-time key issued with the page; the second POST with it creates nothing
and leads to the first dossier's receipt. A key issued to another account is refused (409),
nothing created, nothing said about that account's dossier.
"""

from __future__ import annotations

import re
from typing import Any

from django.test import Client

from motcua.dossiers.forms import issue_submission_key
from motcua.dossiers.models import Dossier
from motcua.e2e.world import World, pdf

from .test_submit import _post

SUBMIT = "/portal/submit/1.001193/"


def _key_on(page: str) -> str:
    found = re.search(r'name="submission_key" value="([^"]+)"', page)
    assert found, "the form carries no submission key"
    return found.group(1)


def _post_with(world: World, key: str, **overrides: Any) -> dict[str, Any]:
    return _post(world, submission_key=key, **overrides)


def test_each_rendering_of_the_form_carries_a_fresh_key(client: Client, world: World) -> None:
    client.force_login(world.citizen)
    first = _key_on(client.get(SUBMIT).content.decode())
    second = _key_on(client.get(SUBMIT).content.decode())
    assert first != second


def test_the_same_form_posted_twice_creates_one_dossier_and_shows_its_receipt(
        client: Client, world: World) -> None:
    client.force_login(world.citizen)
    key = _key_on(client.get(SUBMIT).content.decode())
    first = client.post(SUBMIT, _post_with(world, key))
    dossier = Dossier.objects.get()
    again = client.post(SUBMIT, _post_with(world, key), follow=True)
    assert Dossier.objects.count() == 1
    assert again.redirect_chain[-1][0] == first["Location"] == f"/portal/dossiers/{dossier.code}/receipt/"
    page = again.content.decode()
    assert f"Hồ sơ này đã được nộp trước đó (mã {dossier.code})." in page
    assert "msg-info" in page


def test_the_repeat_message_is_in_english_for_an_english_page(client: Client, world: World) -> None:
    client.force_login(world.citizen)
    key = _key_on(client.get(SUBMIT).content.decode())
    client.post(SUBMIT, _post_with(world, key))
    code = Dossier.objects.get().code
    page = client.post("/en" + SUBMIT, _post_with(world, key), follow=True).content.decode()
    assert f"This dossier was already submitted (code {code})." in page


def test_a_key_issued_to_another_account_is_refused_and_reveals_nothing(client: Client, world: World) -> None:
    other = Client()
    other.force_login(world.other_citizen)
    stolen = issue_submission_key(world.other_citizen)
    other.post(SUBMIT, _post(world, submission_key=stolen, name=world.other_citizen.full_name,
                             id_number=world.other_citizen.id_number))
    theirs = Dossier.objects.get()
    client.force_login(world.citizen)
    response = client.post(SUBMIT, _post_with(world, stolen))
    assert response.status_code == 409
    page = response.content.decode()
    assert "Biểu mẫu này không được cấp cho tài khoản của bạn" in page
    assert theirs.code not in page
    assert Dossier.objects.count() == 1
    fresh = _key_on(page)  # the page comes back with a key of this account's own
    assert fresh != stolen
    assert client.post(SUBMIT, _post_with(world, fresh)).status_code == 302
    assert Dossier.objects.count() == 2


def test_a_forged_key_is_refused(client: Client, world: World) -> None:
    client.force_login(world.citizen)
    response = client.post(SUBMIT, _post_with(world, f"{world.citizen.pk}.made-up:signature"))
    assert response.status_code == 409
    assert not Dossier.objects.exists()


def test_back_and_other_data_with_the_used_key_creates_nothing_and_asks_again(
        client: Client, world: World) -> None:
    client.force_login(world.citizen)
    key = _key_on(client.get(SUBMIT).content.decode())
    client.post(SUBMIT, _post_with(world, key), follow=True)  # the receipt shows its "Đã nộp" message
    first = Dossier.objects.get()
    response = client.post(SUBMIT, _post_with(world, key, request_text="Khai sinh cho con thứ hai"))
    assert response.status_code == 409
    page = response.content.decode()
    assert "Biểu mẫu này đã được dùng để nộp một hồ sơ khác" in page
    assert first.code not in page and Dossier.objects.count() == 1
    fresh = _key_on(page)
    assert fresh != key
    again = client.post(SUBMIT, _post_with(world, fresh, request_text="Khai sinh cho con thứ hai"))
    assert again.status_code == 302
    assert Dossier.objects.count() == 2


def test_the_same_key_with_another_file_is_another_submission(client: Client, world: World) -> None:
    client.force_login(world.citizen)
    key = _key_on(client.get(SUBMIT).content.decode())
    client.post(SUBMIT, _post_with(world, key))
    requirement = world.birth.requirements.all()[0]
    other = pdf("giay-khac.pdf")  # the same bytes under another name: another document
    response = client.post(SUBMIT, _post_with(world, key, **{f"doc_{requirement.pk}": other}))
    assert response.status_code == 409 and Dossier.objects.count() == 1


def test_the_submission_page_is_not_kept_by_the_browser(client: Client, world: World) -> None:
    client.force_login(world.citizen)
    assert "no-store" in client.get(SUBMIT)["Cache-Control"]
