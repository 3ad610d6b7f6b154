"""Financial obligations at the desk: the competent agency asks for a payment, the desk records it."""

from __future__ import annotations

from django.test import Client

from motcua.dossiers import services
from motcua.dossiers.models import Dossier, Status, SubState
from motcua.e2e.world import World, submit_birth


def _processing(world: World) -> Dossier:
    dossier = submit_birth(world)
    services.receive_dossier(world.receptionist, dossier)
    services.forward_dossier(world.receptionist, dossier)
    return dossier


def _page(client: Client, dossier: Dossier) -> str:
    return client.get(f"/desk/dossiers/{dossier.code}/").content.decode()


def _request(client: Client, dossier: Dossier, **data: object) -> object:
    return client.post(f"/desk/dossiers/{dossier.code}/act/request_payment/",
                       {"revision": dossier.revision, **data})


def test_the_specialist_on_the_step_is_offered_the_payment_request(client: Client, world: World) -> None:
    dossier = _processing(world)
    client.force_login(world.specialist)
    page = _page(client, dossier)
    assert "/act/request_payment/" in page and 'name="request_payment-amount"' in page
    assert "/act/record_payment/" not in page


def test_the_receptionist_and_another_commune_are_not_offered_the_payment_request(
    client: Client, world: World
) -> None:
    dossier = _processing(world)
    client.force_login(world.receptionist)
    assert "/act/request_payment/" not in _page(client, dossier)
    client.force_login(world.other_receptionist)
    assert _request(client, dossier, **{"request_payment-amount": 8000,  # type: ignore[attr-defined]
                                        "request_payment-description": "Lệ phí"}).status_code == 404
    dossier.refresh_from_db()
    assert dossier.status == Status.PROCESSING


def test_requesting_a_payment_asks_for_an_amount_and_what_it_is_for(client: Client, world: World) -> None:
    dossier = _processing(world)
    client.force_login(world.specialist)
    for bad in ({}, {"request_payment-amount": 0, "request_payment-description": "Lệ phí"},
                {"request_payment-amount": 8000}):
        assert _request(client, dossier, **bad).status_code == 400  # type: ignore[attr-defined]
    dossier.refresh_from_db()
    assert dossier.status == Status.PROCESSING and dossier.fee_amount is None


def test_the_payment_round_trip_through_the_desk(client: Client, world: World) -> None:
    dossier = _processing(world)
    client.force_login(world.specialist)
    response = _request(client, dossier, **{"request_payment-amount": 8000,
                                            "request_payment-description": "Lệ phí đăng ký khai sinh muộn"})
    assert response.status_code == 302  # type: ignore[attr-defined]
    dossier.refresh_from_db()
    assert dossier.status == Status.PAYMENT_REQUESTED and dossier.sub_state == SubState.PAYMENT_PENDING
    assert dossier.fee_amount == 8000
    assert dossier.events.last().reason == "Lệ phí đăng ký khai sinh muộn"  # type: ignore[union-attr]

    # The desk sees it waiting for payment and records the receipt handed in at the counter.
    client.force_login(world.receptionist)
    assert dossier.code in client.get("/desk/?box=waiting_payment").content.decode()
    page = _page(client, dossier)
    assert "/act/record_payment/" in page and "/act/request_payment/" not in page
    assert "8.000 đồng" in page and "chưa nộp" in page
    client.post(f"/desk/dossiers/{dossier.code}/act/record_payment/",
                {"revision": dossier.revision, "record_payment-reference": "BL-0042"})
    dossier.refresh_from_db()
    assert dossier.status == Status.PROCESSING and dossier.paid_at is not None
    assert dossier.paid_online is False
    assert dossier.events.last().data["reference"] == "BL-0042"  # type: ignore[union-attr]
    assert dossier.code not in client.get("/desk/?box=waiting_payment").content.decode()
    assert "đã nộp lúc" in _page(client, dossier)


def test_the_competent_agency_may_record_the_payment_too(client: Client, world: World) -> None:
    dossier = _processing(world)
    services.request_payment(world.specialist, dossier, 5000, reason="Lệ phí")
    client.force_login(world.leader)
    assert "/act/record_payment/" in _page(client, dossier)
    client.force_login(world.other_receptionist)
    assert client.get(f"/desk/dossiers/{dossier.code}/").status_code == 404


def test_no_payment_request_while_the_result_awaits_approval(client: Client, world: World) -> None:
    dossier = _processing(world)
    services.mark_result_ready(world.specialist, dossier, "Giấy khai sinh")
    client.force_login(world.leader)
    page = _page(client, dossier)
    assert "/act/approve/" in page and "/act/request_payment/" not in page


def test_every_role_has_the_waiting_for_payment_box(client: Client, world: World) -> None:
    dossier = _processing(world)
    services.request_payment(world.specialist, dossier, 5000, reason="Lệ phí")
    for officer in (world.receptionist, world.specialist, world.leader):
        client.force_login(officer)
        page = client.get("/desk/?box=waiting_payment").content.decode()
        assert "Chờ thực hiện nghĩa vụ tài chính" in page and dossier.code in page
