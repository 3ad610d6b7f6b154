"""Booking a slot online and checking in at the kiosk with the booking code."""

from __future__ import annotations

import pytest

from motcua.centre import services
from motcua.centre.models import Booking, Floor, TicketPeriod
from motcua.centre.services import CentreError

from .conftest import Floorplan, at

ID = "020190001234"


def _book(fp: Floorplan, slot: str, id_number: str = ID, now: str = "2026-03-01 20:00") -> Booking:
    return services.book(
        fp.world.ward_center, fp.civil, at(slot), id_number=id_number, name="Nguyễn Văn An", at=at(now)
    )


def test_slots_cut_the_working_periods(floorplan: Floorplan) -> None:
    starts = services.slot_starts(floorplan.world.ward_center, at("2026-03-02 00:00").date())
    assert starts[0] == at("2026-03-02 07:00")
    assert starts[-1] == at("2026-03-02 16:30")
    assert at("2026-03-02 11:30") not in starts
    assert len(starts) == 9 + 7  # 07:00–11:30 and 13:30–17:00 in half hours


def test_no_slots_on_a_day_off(floorplan: Floorplan) -> None:
    assert services.slot_starts(floorplan.world.ward_center, at("2026-03-01 00:00").date()) == []


def test_a_person_may_book_up_to_the_daily_limit(floorplan: Floorplan) -> None:
    _book(floorplan, "2026-03-02 08:00")
    _book(floorplan, "2026-03-02 09:00")
    with pytest.raises(CentreError) as error:
        _book(floorplan, "2026-03-02 10:00")
    assert error.value.code == "booking_limit"
    assert Booking.objects.count() == 2
    _book(floorplan, "2026-03-03 10:00")  # another day is fine


def test_the_daily_limit_cannot_be_passed_by_writing_the_number_in_other_digits(floorplan: Floorplan) -> None:
    # "０２０…" passed str.isdigit() and was another number for the limit: bookings without end.
    _book(floorplan, "2026-03-02 08:00")
    _book(floorplan, "2026-03-02 09:00")
    for other_digits in ("０" + ID[1:], "٠" + ID[1:]):
        with pytest.raises(CentreError) as error:
            _book(floorplan, "2026-03-02 10:00", id_number=other_digits)
        assert error.value.code in ("booking_limit", "invalid_id_number")
    assert Booking.objects.count() == 2


def test_a_slot_holds_one_person_per_counter_serving_the_service(floorplan: Floorplan) -> None:
    _book(floorplan, "2026-03-02 08:00", "020190000001")
    _book(floorplan, "2026-03-02 08:00", "020190000002")  # counters 1 and 2 serve civil status
    with pytest.raises(CentreError) as error:
        _book(floorplan, "2026-03-02 08:00", "020190000003")
    assert error.value.code == "slot_full"


@pytest.mark.parametrize("slot", ["2026-03-02 08:10", "2026-03-02 12:00", "2026-03-01 09:00"])
def test_a_slot_that_does_not_exist_is_refused(floorplan: Floorplan, slot: str) -> None:
    with pytest.raises(CentreError) as error:
        _book(floorplan, slot, now="2026-02-28 09:00")
    assert error.value.code == "invalid_slot"


def test_a_past_slot_is_refused(floorplan: Floorplan) -> None:
    with pytest.raises(CentreError) as error:
        _book(floorplan, "2026-03-02 08:00", now="2026-03-02 08:30")
    assert error.value.code == "invalid_slot"


def test_a_bad_id_number_is_refused(floorplan: Floorplan) -> None:
    with pytest.raises(CentreError) as error:
        _book(floorplan, "2026-03-02 08:00", id_number="12345")
    assert error.value.code == "invalid_id_number"


def test_check_in_issues_a_ticket_queued_from_the_slot_start(floorplan: Floorplan) -> None:
    fp = floorplan
    booking = _book(fp, "2026-03-02 08:00")
    walk_in = services.take_ticket(fp.world.ward_center, fp.civil, at=at("2026-03-02 07:50"))
    ticket = services.check_in(fp.world.ward_center, booking.code.lower(), at=at("2026-03-02 08:10"))
    booking.refresh_from_db()
    assert booking.status == Booking.Status.CHECKED_IN
    assert booking.ticket_id == ticket.pk
    assert ticket.queued_at == at("2026-03-02 08:00")
    assert TicketPeriod.objects.get(ticket=ticket).reason == "checked_in"
    assert services.call_next(fp.officer1, fp.counter1, at=at("2026-03-02 08:11")).pk == walk_in.pk


def test_a_booking_code_works_once(floorplan: Floorplan) -> None:
    booking = _book(floorplan, "2026-03-02 08:00")
    services.check_in(floorplan.world.ward_center, booking.code, at=at("2026-03-02 08:00"))
    with pytest.raises(CentreError) as error:
        services.check_in(floorplan.world.ward_center, booking.code, at=at("2026-03-02 08:01"))
    assert error.value.code == "already_handled"


def test_check_in_far_from_the_slot_is_refused(floorplan: Floorplan) -> None:
    booking = _book(floorplan, "2026-03-02 10:00")
    with pytest.raises(CentreError) as error:
        services.check_in(floorplan.world.ward_center, booking.code, at=at("2026-03-02 08:00"))
    assert error.value.code == "outside_slot"
    booking.refresh_from_db()
    assert booking.status == Booking.Status.BOOKED


def test_an_unknown_code_is_not_found(floorplan: Floorplan) -> None:
    with pytest.raises(CentreError) as error:
        services.check_in(floorplan.world.ward_center, "ZZZZZZ", at=at("2026-03-02 08:00"))
    assert error.value.code == "not_found"


def test_the_limit_follows_the_centres_setting(floorplan: Floorplan) -> None:
    Floor.objects.filter(centre=floorplan.world.ward_center).update(bookings_per_person_per_day=1)
    _book(floorplan, "2026-03-02 08:00")
    with pytest.raises(CentreError):
        _book(floorplan, "2026-03-02 09:00")
