"""A citizen account's ID number is proven at the counter only with the card *and* the code that
the signed-in account shows (motcua.accounts.verification): then the data warehouse opens."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import pytest
from django.test import Client

from motcua.accounts.models import AccountEvent, Role, User
from motcua.accounts.verification import (
    ATTEMPTS_PER_NUMBER,
    VerificationError,
    counter_code,
    verify_at_counter,
)
from motcua.dossiers.sample import World, build_world
from motcua.settings import cache_settings

NUMBER = "020190007777"
URL = "/desk/xac-thuc-dinh-danh/"


@pytest.fixture
def world(db: None) -> World:
    return build_world()


def _citizen(username: str = "congdan.quay", number: str = NUMBER) -> User:
    return User.objects.create_user(username, password="mat-khau-dai-2025", role=Role.CITIZEN,
                                    id_number=number, full_name="Hoàng Văn Quầy")


def _code_on_the_warehouse_page(citizen: User) -> str:
    client = Client()
    client.force_login(citizen)
    page = client.get("/kho-du-lieu/").content.decode()
    found = re.search(r'<p class="code"[^>]*><strong>(\d{3}) (\d{3})</strong>', page)
    assert found is not None, page
    return found.group(1) + found.group(2)


def _desk(officer: User) -> Client:
    client = Client()
    client.force_login(officer)
    return client


def test_the_card_and_the_accounts_code_prove_the_number_and_open_the_warehouse(world: World) -> None:
    citizen = _citizen()
    code = _code_on_the_warehouse_page(citizen)
    typed = {"id_number": "0201 9000 7777", "code": code, "checked": "on"}  # in groups, as on the card
    response = _desk(world.receptionist).post(URL, typed)
    assert response.status_code == 302
    citizen.refresh_from_db()
    assert citizen.verified_id_number == NUMBER and citizen.id_verified_by == "counter"
    event = AccountEvent.objects.get(action=AccountEvent.Action.ID_VERIFIED, subject_user_id=citizen.pk)
    assert event.actor == world.receptionist.username
    assert world.receptionist.agency is not None
    assert event.data == {"method": "counter", "agency": world.receptionist.agency.code}
    assert NUMBER not in str(event.data)  # the log names the method, never the number
    followed = _desk(world.receptionist).get(URL)
    assert followed.status_code == 200
    # The warehouse is open: no code any more.
    client = Client()
    client.force_login(citizen)
    assert 'class="code"' not in client.get("/kho-du-lieu/").content.decode()


def test_a_wrong_code_or_another_accounts_code_proves_nothing(world: World) -> None:
    citizen = _citizen()
    other = _citizen("congdan.khac", "020190008888")
    other_code = _code_on_the_warehouse_page(other)
    desk = _desk(world.receptionist)
    for code in (other_code, "000000" if other_code != "000000" else "111111"):
        response = desk.post(URL, {"id_number": NUMBER, "code": code, "checked": "on"})
        assert response.status_code == 400
        assert "Mã xác thực không đúng hoặc đã hết hạn" in response.content.decode()
    # A number nobody holds gets the same answer: the desk does not tell who has an account.
    unknown = desk.post(URL, {"id_number": "020190009999", "code": other_code, "checked": "on"})
    assert unknown.status_code == 400 and "Mã xác thực không đúng hoặc đã hết hạn" in unknown.content.decode()
    citizen.refresh_from_db()
    other.refresh_from_db()
    assert citizen.id_verified_at is None and other.id_verified_at is None
    assert not AccountEvent.objects.filter(action=AccountEvent.Action.ID_VERIFIED).exists()


def test_the_form_needs_twelve_digits_six_digits_and_the_ticked_card_check(world: World) -> None:
    citizen = _citizen()
    code = _code_on_the_warehouse_page(citizen)
    desk = _desk(world.receptionist)
    short = desk.post(URL, {"id_number": "02019000777", "code": code, "checked": "on"})
    assert short.status_code == 400 and "đúng 12 chữ số" in short.content.decode()
    unchecked = desk.post(URL, {"id_number": NUMBER, "code": code})
    assert unchecked.status_code == 400
    letters = desk.post(URL, {"id_number": NUMBER, "code": "12a456", "checked": "on"})
    assert letters.status_code == 400 and "gồm 6 chữ số" in letters.content.decode()
    citizen.refresh_from_db()
    assert citizen.id_verified_at is None


def test_a_code_in_full_width_digits_proves_the_number_and_other_scripts_digits_are_refused(
        world: World) -> None:
    citizen = _citizen()
    code = _code_on_the_warehouse_page(citizen)
    desk = _desk(world.receptionist)
    # "١٢٣٤٥٦" passes str.isdigit(); hmac.compare_digest then raised TypeError (a 500).
    arabic = desk.post(URL, {"id_number": NUMBER, "code": "١٢٣٤٥٦", "checked": "on"})
    assert arabic.status_code == 400 and "gồm 6 chữ số" in arabic.content.decode()
    citizen.refresh_from_db()
    assert citizen.id_verified_at is None
    full_width = "".join(chr(ord(digit) - ord("0") + ord("０")) for digit in code)
    assert desk.post(URL, {"id_number": NUMBER, "code": full_width, "checked": "on"}).status_code == 302
    citizen.refresh_from_db()
    assert citizen.verified_id_number == NUMBER


def test_a_code_serves_its_window_and_the_next_then_expires(world: World) -> None:
    citizen = _citizen()
    shown_at = dt.datetime(2026, 3, 2, 8, 1, tzinfo=dt.UTC)
    code, valid_until = counter_code(citizen, shown_at)
    assert valid_until == dt.datetime(2026, 3, 2, 8, 30, tzinfo=dt.UTC)
    with pytest.raises(VerificationError):
        verify_at_counter(world.receptionist, NUMBER, code, at=valid_until)
    user = verify_at_counter(world.receptionist, NUMBER, code, at=valid_until - dt.timedelta(seconds=1))
    assert user.pk == citizen.pk and user.verified_id_number == NUMBER


def test_a_changed_number_changes_the_code(world: World) -> None:
    citizen = _citizen()
    code, _until = counter_code(citizen)
    citizen.id_number = "020190006666"
    citizen.save(update_fields=["id_number"])
    with pytest.raises(VerificationError):
        verify_at_counter(world.receptionist, "020190006666", code)
    citizen.refresh_from_db()
    assert citizen.id_verified_at is None


@pytest.mark.parametrize("backend", ["test cache", "database cache"])
def test_wrong_codes_for_a_number_are_limited_then_even_the_right_one_waits(
    world: World, settings: Any, backend: str
) -> None:
    if backend == "database cache":
        # The production default without Redis: its counter rows live on the same connection
        # as the verification's transaction, so a refusal must not roll its count back.
        settings.CACHES = {"default": cache_settings({}, testing=False)}
    citizen = _citizen()
    right, _until = counter_code(citizen)
    wrong = str((int(right) + 1) % 10**6).zfill(6)
    for _ in range(ATTEMPTS_PER_NUMBER):
        with pytest.raises(VerificationError, match="không đúng"):
            verify_at_counter(world.receptionist, NUMBER, wrong)
    with pytest.raises(VerificationError, match="quá nhiều lần"):
        verify_at_counter(world.receptionist, NUMBER, right)
    citizen.refresh_from_db()
    assert citizen.id_verified_at is None


def test_only_counter_officers_open_the_page(world: World) -> None:
    citizen = _citizen()
    assert _desk(world.specialist).get(URL).status_code == 403
    assert _desk(citizen).get(URL).status_code == 403
    assert _desk(world.receptionist).get(URL).status_code == 200
    with pytest.raises(VerificationError, match="Chỉ cán bộ một cửa"):
        verify_at_counter(world.specialist, NUMBER, counter_code(citizen)[0])
    anonymous = Client().get(URL)
    assert anonymous.status_code == 302 and "/accounts/login/" in anonymous["Location"]


def test_every_attempt_counts_towards_the_limit_before_it_is_checked(world: World) -> None:
    """Counted first (an atomic increment), so parallel posts cannot all pass a check made
    before anyone counted: the right code is counted too."""
    citizen = _citizen()
    right, _until = counter_code(citizen)
    wrong = str((int(right) + 1) % 10**6).zfill(6)
    for _ in range(ATTEMPTS_PER_NUMBER - 1):
        with pytest.raises(VerificationError, match="không đúng"):
            verify_at_counter(world.receptionist, NUMBER, wrong)
    assert verify_at_counter(world.receptionist, NUMBER, right).pk == citizen.pk
    with pytest.raises(VerificationError, match="quá nhiều lần"):
        verify_at_counter(world.receptionist, NUMBER, wrong)
