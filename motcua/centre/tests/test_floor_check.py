"""`motcua stats check` covers the floor: open periods, contiguous periods, numbers and sequences."""

from __future__ import annotations

from motcua.centre import services
from motcua.centre.models import TicketPeriod, TicketSequence
from motcua.stats import check

from .conftest import Floorplan, at


def _busy_morning(fp: Floorplan) -> None:
    centre = fp.world.ward_center
    first = services.take_ticket(centre, fp.civil, at=at("2026-03-02 08:00"))
    services.take_ticket(centre, fp.civil, at=at("2026-03-02 08:01"))
    services.call_next(fp.officer1, fp.counter1, at=at("2026-03-02 08:05"))
    services.start_serving(fp.officer1, first, at=at("2026-03-02 08:06"))
    services.finish_serving(fp.officer1, first, at=at("2026-03-02 08:16"))


def test_a_floor_run_by_the_services_has_no_difference(floorplan: Floorplan) -> None:
    _busy_morning(floorplan)
    assert [d for d in check.check() if d.where == "floor"] == []


def test_a_gap_between_periods_is_reported(floorplan: Floorplan) -> None:
    _busy_morning(floorplan)
    period = TicketPeriod.objects.filter(state="serving").get()
    TicketPeriod.objects.filter(pk=period.pk).update(started_at=at("2026-03-02 08:07"))
    found = [(d.where, d.column) for d in check.check() if d.where == "floor"]
    assert found == [("floor", "period_start")]


def test_a_ticket_without_its_open_period_is_reported(floorplan: Floorplan) -> None:
    _busy_morning(floorplan)
    TicketPeriod.objects.filter(ended_at__isnull=True, state="done").delete()
    assert [d.column for d in check.check() if d.where == "floor"] == ["open_period"]


def test_a_sequence_out_of_step_is_reported(floorplan: Floorplan) -> None:
    _busy_morning(floorplan)
    TicketSequence.objects.update(last=7)
    differences = [d for d in check.check() if d.where == "floor"]
    assert [(d.column, d.stored, d.expected) for d in differences] == [("sequence", 7, 2)]
