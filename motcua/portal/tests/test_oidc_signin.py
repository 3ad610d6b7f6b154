"""Sign-in through a real local OpenID provider (node + oidc-provider): the account is the one
with the provider's ID number, or a new citizen account; never an officer's, never two."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from urllib.parse import urlsplit

import pytest
from django.test import Client

from motcua.accounts.models import AccountEvent, Role, User
from motcua.e2e.oidc import Provider, running_provider, sign_in_at_provider

CALLBACK = "http://testserver/oidc/callback/"
ACCOUNTS = {
    "nhung": {"name": "Nguyễn Thị Hồng Nhung", "id_number": "020190001234", "email": "nhung@example.vn"},
    "canbo": {"name": "Hoàng Văn Bình", "id_number": "020180009999"},
    "khongso": {"name": "Không Có Số"},
}


@pytest.fixture(scope="module")
def provider() -> Iterator[Provider]:
    with running_provider([CALLBACK], ACCOUNTS) as running:
        yield running


@pytest.fixture
def oidc_on(provider: Provider, settings: object) -> Provider:
    for name, value in provider.settings().items():
        setattr(settings, name, value)
    return provider


def _sign_in(client: Client, login: str, start: str = "/oidc/authenticate/") -> str:
    """The whole round trip; returns where motcua sends the person at the end."""
    to_provider = client.get(start)
    assert to_provider.status_code == 302
    back = sign_in_at_provider(to_provider["Location"], login, CALLBACK)
    parts = urlsplit(back)
    landed = client.get(f"{parts.path}?{parts.query}")
    assert landed.status_code == 302
    return landed["Location"]


def test_a_first_sign_in_creates_one_citizen_account_with_the_providers_id_number(
    oidc_on: Provider, db: None
) -> None:
    client = Client()
    assert _sign_in(client, "nhung") == "/portal/dossiers/"
    user = User.objects.get(id_number="020190001234")
    assert user.role == Role.CITIZEN and user.full_name == "Nguyễn Thị Hồng Nhung"
    assert not user.has_usable_password()
    assert user.verified_id_number == "020190001234"  # proven by the provider: the warehouse opens
    page = client.get("/portal/dossiers/")
    assert page.status_code == 200 and "Hồ sơ của tôi" in page.content.decode()
    # A second sign-in is the same account.
    assert _sign_in(Client(), "nhung") == "/portal/dossiers/"
    assert User.objects.filter(id_number="020190001234").count() == 1


def test_an_existing_account_with_the_id_number_is_the_one_signed_in(oidc_on: Provider, db: None) -> None:
    mine = User.objects.create_user("nhung.local", password="mat-khau-dai-123", role=Role.CITIZEN,
                                    id_number="020190001234", full_name="Nhung")
    client = Client()
    _sign_in(client, "nhung")
    assert client.session["_auth_user_id"] == str(mine.pk)
    mine.refresh_from_db()
    assert mine.full_name == "Nguyễn Thị Hồng Nhung"  # the provider's verified name


def test_the_national_identity_takes_over_an_account_registered_with_a_typed_number(
    oidc_on: Provider, db: None
) -> None:
    # Someone registered with Nhung's number (anyone can type a number) and their own e-mail,
    # and is signed in; their warehouse stays closed: the number is not proven.
    squatter = User.objects.create_user("ke.mao.danh", password="mat-khau-dai-123", role=Role.CITIZEN,
                                        id_number="020190001234", email="kemao@example.vn")
    theirs = Client()
    assert theirs.login(username="ke.mao.danh", password="mat-khau-dai-123")
    assert squatter.verified_id_number == ""
    # The owner signs in with the national identity: the account is hers now.
    mine = Client()
    _sign_in(mine, "nhung")
    assert mine.session["_auth_user_id"] == str(squatter.pk)
    squatter.refresh_from_db()
    assert squatter.verified_id_number == "020190001234" and squatter.id_verified_by == "vneid"
    assert not squatter.has_usable_password()  # the typed password opens nothing any more
    assert squatter.email == "nhung@example.vn"  # no reset e-mail goes to the old address
    assert not Client().login(username="ke.mao.danh", password="mat-khau-dai-123")
    assert theirs.get("/portal/dossiers/").status_code == 302  # their session ended
    assert mine.get("/portal/dossiers/").status_code == 200
    logged = AccountEvent.objects.filter(action=AccountEvent.Action.ID_VERIFIED, subject_user_id=squatter.pk)
    assert logged.count() == 1 and "020190001234" not in str(logged.get().data)
    # A later sign-in changes nothing more.
    _sign_in(Client(), "nhung")
    assert logged.count() == 1


def test_the_national_identity_never_opens_an_officers_account(oidc_on: Provider, db: None) -> None:
    User.objects.create_user("canbo", password="x", role=Role.SPECIALIST, id_number="020180009999")
    client = Client()
    assert _sign_in(client, "canbo") == "/accounts/login/"
    assert "_auth_user_id" not in client.session
    page = client.get("/accounts/login/").content.decode()
    assert "Không đăng nhập được bằng tài khoản định danh điện tử" in page


def test_an_identity_without_an_id_number_is_refused_and_creates_nothing(oidc_on: Provider, db: None) -> None:
    client = Client()
    assert _sign_in(client, "khongso") == "/accounts/login/"
    assert "_auth_user_id" not in client.session
    assert not User.objects.exists()


def test_the_place_the_person_was_going_is_kept(oidc_on: Provider, db: None) -> None:
    client = Client()
    assert _sign_in(client, "nhung", "/oidc/authenticate/?next=/portal/") == "/portal/"


def test_the_login_page_offers_the_national_identity(oidc_on: Provider, db: None) -> None:
    page = Client().get("/accounts/login/").content.decode()
    assert "Đăng nhập bằng tài khoản định danh điện tử (VNeID)" in page
    assert 'href="/oidc/authenticate/' in page


def test_without_configuration_there_is_no_national_identity_sign_in(db: None) -> None:
    assert Client().get("/oidc/authenticate/").status_code == 404
    assert "VNeID" not in Client().get("/accounts/login/").content.decode()


def test_a_first_sign_in_that_loses_the_race_signs_in_to_the_account_just_created(
    oidc_on: Provider, db: None
) -> None:
    from motcua.portal.oidc import IdNumberBackend

    winner = User.objects.create_user("vneid-winner", password=None, role=Role.CITIZEN,
                                      id_number="020190001234")
    assert IdNumberBackend().create_user(ACCOUNTS["nhung"]) == winner
    assert User.objects.filter(id_number="020190001234").count() == 1


@pytest.mark.postgresql  # concurrent writers need PostgreSQL (in-memory SQLite locks tables)
@pytest.mark.django_db(transaction=True)
def test_two_first_sign_ins_racing_make_one_account(oidc_on: Provider) -> None:
    callbacks = []
    clients = [Client(), Client()]
    for client in clients:  # both at the provider before either comes back
        start = client.get("/oidc/authenticate/")
        callbacks.append(urlsplit(sign_in_at_provider(start["Location"], "nhung", CALLBACK)))
    results: list[str] = []

    def back(client: Client, parts: object) -> None:
        from django.db import connection
        results.append(client.get(f"{parts.path}?{parts.query}")["Location"])  # type: ignore[attr-defined]
        connection.close()

    threads = [threading.Thread(target=back, args=pair) for pair in zip(clients, callbacks, strict=True)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    assert results == ["/portal/dossiers/", "/portal/dossiers/"]
    assert User.objects.filter(id_number="020190001234").count() == 1


def test_a_session_opened_by_the_national_identity_ends_after_the_idle_time(
    oidc_on: Provider, db: None, settings: object
) -> None:
    import datetime as dt

    import time_machine

    settings.MOTCUA_SESSION_IDLE_MINUTES = 30  # type: ignore[attr-defined]
    client = Client()
    _sign_in(client, "nhung")
    assert client.get("/portal/dossiers/").status_code == 200
    with time_machine.travel(dt.datetime.now(dt.UTC) + dt.timedelta(minutes=31)):
        response = client.get("/portal/dossiers/")
    assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")


def test_a_national_identity_session_survives_turning_the_sign_in_off(oidc_on: Provider, db: None,
                                                                      settings: object) -> None:
    client = Client()
    _sign_in(client, "nhung")
    settings.MOTCUA_OIDC_ENABLED = False  # type: ignore[attr-defined]
    settings.OIDC_RP_CLIENT_ID = ""  # type: ignore[attr-defined]
    assert client.get("/portal/dossiers/").status_code == 200  # the session's backend still loads it
