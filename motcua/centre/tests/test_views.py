"""The floor's pages: kiosk, receipt, the ticket's phone page and rating, screen state and events, console."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest
import time_machine
from django.test import Client

from motcua.centre import services
from motcua.centre.models import Call, Priority, Rating, Ticket, TicketStatus

from .conftest import Floorplan, at

NOW = "2026-03-02 09:00"


@pytest.fixture(autouse=True)
def _monday_morning() -> Iterator[None]:
    with time_machine.travel(at(NOW), tick=False):
        yield


def _kiosk(fp: Floorplan) -> str:
    return f"/centre/{fp.world.ward_center.code}/kiosk/"


def test_the_kiosk_lists_the_centres_services_and_priority_groups(
    client: Client, floorplan: Floorplan
) -> None:
    page = client.get(_kiosk(floorplan)).content.decode()
    assert "Hộ tịch" in page and "Chứng thực" in page
    assert "Người cao tuổi" in page
    assert "<script>" not in page  # no inline script: static files only


def test_taking_a_ticket_at_the_kiosk_shows_the_number_and_people_ahead(
    client: Client, floorplan: Floorplan
) -> None:
    services.take_ticket(floorplan.world.ward_center, floorplan.civil)
    response = client.post(_kiosk(floorplan), {"service": floorplan.civil.pk, "priority": "elderly"})
    ticket = Ticket.objects.get(number=2)
    assert response["Location"] == f"/centre/ve/{ticket.token}/so/"
    assert ticket.priority == Priority.ELDERLY
    page = client.get(response["Location"]).content.decode()
    assert 'id="ticket-number">2<' in page
    assert "Có 1 người đang chờ trước bạn." in page


def test_a_service_of_another_centre_is_refused_at_the_kiosk(client: Client, floorplan: Floorplan) -> None:
    response = client.post(_kiosk(floorplan), {"service": "999999"})
    assert response.status_code == 400
    assert "Hãy chọn một dịch vụ." in response.content.decode()
    assert not Ticket.objects.exists()


def test_the_kiosk_refuses_tickets_outside_working_hours(client: Client, floorplan: Floorplan) -> None:
    with time_machine.travel(at("2026-03-02 12:00"), tick=False):
        response = client.post(_kiosk(floorplan), {"service": floorplan.civil.pk})
    assert response.status_code == 400
    assert "ngoài giờ làm việc" in response.content.decode()
    assert not Ticket.objects.exists()


def test_the_kiosk_of_an_agency_that_is_not_a_centre_does_not_exist(
    client: Client, floorplan: Floorplan
) -> None:
    assert client.get(f"/centre/{floorplan.world.ward_committee.code}/kiosk/").status_code == 404


def test_the_receipt_is_an_80_mm_pdf(client: Client, floorplan: Floorplan) -> None:
    ticket = services.take_ticket(floorplan.world.ward_center, floorplan.civil)
    response = client.get(f"/centre/ve/{ticket.token}/phieu.pdf")
    assert response["Content-Type"] == "application/pdf"
    body = response.content
    assert body.startswith(b"%PDF")
    assert b"/MediaBox [ 0 0 226.7717 396.8504 ]" in body  # 80 mm × 140 mm in points


def test_the_ticket_page_offers_rating_once_served_and_takes_one_rating(
    client: Client, floorplan: Floorplan
) -> None:
    fp = floorplan
    ticket = services.take_ticket(fp.world.ward_center, fp.civil)
    url = f"/centre/ve/{ticket.token}/"
    assert 'id="rating-form"' not in client.get(url).content.decode()
    services.call_next(fp.officer1, fp.counter1)
    services.start_serving(fp.officer1, ticket)
    services.finish_serving(fp.officer1, ticket)
    assert 'id="rating-form"' in client.get(url).content.decode()
    response = client.post(url, {"level": "satisfied", "reasons": ["waiting"], "comment": "Nhanh"})
    assert response.status_code == 302
    rating = Rating.objects.get()
    assert (rating.level, rating.reasons, rating.counter_id) == ("satisfied", ["waiting"], fp.counter1.pk)
    assert 'id="rated"' in client.get(url).content.decode()
    again = client.post(url, {"level": "not_satisfied"})
    assert again.status_code == 400
    assert Rating.objects.count() == 1


def test_an_invalid_rating_is_refused_with_400(client: Client, floorplan: Floorplan) -> None:
    fp = floorplan
    ticket = services.take_ticket(fp.world.ward_center, fp.civil)
    services.call_next(fp.officer1, fp.counter1)
    services.start_serving(fp.officer1, ticket)
    services.finish_serving(fp.officer1, ticket)
    assert client.post(f"/centre/ve/{ticket.token}/", {"level": "wonderful"}).status_code == 400
    assert not Rating.objects.exists()


def test_the_screen_state_shows_the_call(client: Client, floorplan: Floorplan) -> None:
    fp = floorplan
    services.take_ticket(fp.world.ward_center, fp.civil)
    services.call_next(fp.officer1, fp.counter1)
    state = client.get(f"/centre/{fp.world.ward_center.code}/screen/state.json").json()
    assert state["calls"][0]["ticket"] == 1 and state["calls"][0]["counter"] == 1
    assert state["counters"][0]["ticket"] == 1


def test_the_event_stream_starts_with_the_current_state(client: Client, floorplan: Floorplan) -> None:
    fp = floorplan
    services.take_ticket(fp.world.ward_center, fp.civil)
    response: Any = client.get(f"/centre/{fp.world.ward_center.code}/screen/events/")
    assert response["Content-Type"] == "text/event-stream"
    chunks = iter(response.streaming_content)
    assert next(chunks) == b"retry: 1000\n\n"
    event = next(chunks).decode()
    assert event.startswith(f"id: {services.floor_version(fp.world.ward_center.pk)}\nevent: floor\n")
    data = json.loads(event.split("data: ", 1)[1])
    assert data["waiting"][0] == {"service": "Hộ tịch", "service_id": fp.civil.pk, "count": 1}
    response.close()


def test_the_spoken_call_is_served_as_wav(client: Client, floorplan: Floorplan) -> None:
    fp = floorplan
    services.take_ticket(fp.world.ward_center, fp.civil)
    services.call_next(fp.officer1, fp.counter1)
    call = Call.objects.get()
    response: Any = client.get(f"/centre/{fp.world.ward_center.code}/calls/{call.pk}.wav")
    assert response["Content-Type"] == "audio/wav"
    assert b"".join(response.streaming_content).startswith(b"RIFF")
    other = client.get(f"/centre/{fp.world.other_center.code}/calls/{call.pk}.wav")
    assert other.status_code == 404


def test_the_console_calls_starts_and_finishes(client: Client, floorplan: Floorplan) -> None:
    fp = floorplan
    ticket = services.take_ticket(fp.world.ward_center, fp.civil)
    client.force_login(fp.officer1)
    assert "Gọi số tiếp theo" in client.get("/centre/quay/").content.decode()
    client.post("/centre/quay/call_next/")
    ticket.refresh_from_db()
    assert ticket.status == TicketStatus.CALLED
    client.post("/centre/quay/start_serving/", {"ticket": ticket.pk})
    page = client.get("/centre/quay/").content.decode()
    assert 'id="console-current">1<' in page and "/desk/counter/" in page
    client.post("/centre/quay/finish_serving/", {"ticket": ticket.pk})
    ticket.refresh_from_db()
    assert ticket.status == TicketStatus.DONE


def test_an_officer_without_a_counter_chooses_one(client: Client, floorplan: Floorplan) -> None:
    fp = floorplan
    fp.counter1.officer = None
    fp.counter1.save()
    client.force_login(fp.officer1)
    assert "Chọn quầy bạn ngồi hôm nay" in client.get("/centre/quay/").content.decode()
    client.post(f"/centre/quay/ngoi/{fp.counter1.pk}/")
    fp.counter1.refresh_from_db()
    assert fp.counter1.officer_id == fp.officer1.pk


def test_the_console_is_for_the_centres_officers_only(client: Client, floorplan: Floorplan) -> None:
    client.force_login(floorplan.world.citizen)
    assert client.get("/centre/quay/").status_code == 403
    client.force_login(floorplan.world.specialist)
    assert client.get("/centre/quay/").status_code == 403


def test_an_officer_of_another_centre_cannot_touch_this_centres_ticket(
    client: Client, floorplan: Floorplan
) -> None:
    fp = floorplan
    ticket = services.take_ticket(fp.world.ward_center, fp.civil)
    services.call_next(fp.officer1, fp.counter1)
    other = fp.world.other_receptionist
    services.sit_at_counter(other, _other_counter(fp))
    client.force_login(other)
    assert client.post("/centre/quay/skip_absent/", {"ticket": ticket.pk}).status_code == 404
    ticket.refresh_from_db()
    assert ticket.status == TicketStatus.CALLED


def _other_counter(fp: Floorplan) -> Any:
    from motcua.centre.models import Counter

    return Counter.objects.create(centre=fp.world.other_center, number=1)


def test_a_refused_action_is_explained(client: Client, floorplan: Floorplan) -> None:
    client.force_login(floorplan.officer1)
    response = client.post("/centre/quay/call_next/", follow=True)
    assert "Không còn ai đang chờ ở quầy này." in response.content.decode()


def test_the_desk_navigation_links_the_console(client: Client, floorplan: Floorplan) -> None:
    client.force_login(floorplan.officer1)
    assert 'href="/centre/quay/"' in client.get("/desk/").content.decode()


def test_a_dossier_received_at_the_counter_carries_the_ticket_served(
    client: Client, floorplan: Floorplan
) -> None:
    fp = floorplan
    ticket = services.take_ticket(fp.world.ward_center, fp.civil)
    services.call_next(fp.officer1, fp.counter1)
    services.start_serving(fp.officer1, ticket)
    client.force_login(fp.officer1)
    data: dict[str, Any] = {"name": "Hoàng Văn Nam", "id_number": "020188007777", "sets": "1"}
    for r in fp.world.birth.requirements.all():
        data.update(
            {
                f"brought_{r.pk}": "on",
                f"originals_{r.pk}": "1",
                f"certified_copies_{r.pk}": "0",
                f"photocopies_{r.pk}": "0",
            }
        )
    response = client.post("/desk/counter/1.001193/", data)
    assert response.status_code == 302
    ticket.refresh_from_db()
    assert ticket.dossier is not None and ticket.dossier.applicant.name == "Hoàng Văn Nam"


def test_the_lookup_kiosk_masks_the_id_number(client: Client, floorplan: Floorplan) -> None:
    from motcua.catalog.models import ChannelKind
    from motcua.dossiers import services as dossier_services

    fp = floorplan
    dossier = dossier_services.receive_new_dossier(
        fp.officer1, fp.world.birth, fp.world.applicant(), channel=ChannelKind.COUNTER
    )
    url = f"/centre/{fp.world.ward_center.code}/tra-cuu/"
    page = client.post(url, {"code": dossier.code, "id_number": "020190001234"}).content.decode()
    assert 'id="lookup-result"' in page
    assert "020190001234" not in page
    assert 'data-idle-seconds="60"' in page
    assert client.post(url, {"code": dossier.code, "id_number": "020190009999"}).status_code == 404


def test_the_lookup_kiosk_reads_a_scanned_receipt_qr_code(client: Client, floorplan: Floorplan) -> None:
    from motcua.catalog.models import ChannelKind
    from motcua.dossiers import services as dossier_services
    from motcua.dossiers.slips import lookup_url

    fp = floorplan
    dossier = dossier_services.receive_new_dossier(
        fp.officer1, fp.world.birth, fp.world.applicant(), channel=ChannelKind.COUNTER
    )
    url = f"/centre/{fp.world.ward_center.code}/tra-cuu/"
    page = client.post(url, {"code": lookup_url(dossier.code), "id_number": "020190001234"}).content.decode()
    assert 'id="lookup-result"' in page and dossier.code in page


def test_booking_online_gives_a_code(client: Client, floorplan: Floorplan) -> None:
    url = f"/centre/{floorplan.world.ward_center.code}/dat-lich/"
    response = client.post(
        url,
        {
            "service": floorplan.civil.pk,
            "slot": at("2026-03-02 10:00").isoformat(),
            "name": "Nguyễn Văn An",
            "id_number": "020190001234",
        },
    )
    assert response.status_code == 200
    assert 'id="booking-done"' in response.content.decode()


def test_english_pages_are_translated(client: Client, floorplan: Floorplan) -> None:
    from django.utils import translation

    with translation.override("vi"):  # the request activates English; give the thread Vietnamese back
        page = client.get(f"/en/centre/{floorplan.world.ward_center.code}/kiosk/").content.decode()
    assert "Choose a service to take a queue number" in page


def test_the_counters_tablet_rates_the_service_just_finished_there(
    client: Client, floorplan: Floorplan
) -> None:
    fp = floorplan
    url = f"/centre/{fp.world.ward_center.code}/quay/1/danh-gia/"
    assert 'id="tablet-idle"' in client.get(url).content.decode()
    ticket = services.take_ticket(fp.world.ward_center, fp.civil)
    services.call_next(fp.officer1, fp.counter1)
    services.start_serving(fp.officer1, ticket)
    services.finish_serving(fp.officer1, ticket)
    page = client.get(url).content.decode()
    assert ticket.token in page
    assert "Số 1: bạn có hài lòng với việc phục vụ?" in page
    assert client.post(url, {"ticket": ticket.token, "level": "very_satisfied"}).status_code == 302
    assert Rating.objects.get().ticket_id == ticket.pk
    assert 'id="tablet-idle"' in client.get(url).content.decode()  # rated: nothing more to rate


def test_the_tablet_does_not_rate_another_ticket(client: Client, floorplan: Floorplan) -> None:
    fp = floorplan
    ticket = services.take_ticket(fp.world.ward_center, fp.civil)
    services.call_next(fp.officer1, fp.counter1)
    services.start_serving(fp.officer1, ticket)
    services.finish_serving(fp.officer1, ticket)
    url = f"/centre/{fp.world.ward_center.code}/quay/2/danh-gia/"  # counter 2 served nobody
    response = client.post(url, {"ticket": ticket.token, "level": "not_satisfied"})
    assert response.status_code == 302
    assert not Rating.objects.exists()


def test_the_tablet_offers_the_rating_for_a_while_only(client: Client, floorplan: Floorplan) -> None:
    fp = floorplan
    ticket = services.take_ticket(fp.world.ward_center, fp.civil)
    services.call_next(fp.officer1, fp.counter1)
    services.start_serving(fp.officer1, ticket)
    services.finish_serving(fp.officer1, ticket)
    with time_machine.travel(at("2026-03-02 09:20"), tick=False):
        page = client.get(f"/centre/{fp.world.ward_center.code}/quay/1/danh-gia/").content.decode()
    assert 'id="tablet-idle"' in page
