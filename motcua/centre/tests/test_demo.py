"""The demo floor: every centre gets services and counters; demo centres get a day of tickets."""

from __future__ import annotations

import io

import time_machine
from django.core.management.base import BaseCommand

from motcua.centre import demo, report
from motcua.centre.models import Counter, Rating, Service, Ticket, TicketStatus
from motcua.stats import check

from .conftest import World, at


def _load() -> str:
    command = BaseCommand(stdout=io.StringIO())
    demo.load(command, demo.Path("/nonexistent"))
    return command.stdout.getvalue()  # type: ignore[attr-defined]


def test_the_demo_gives_every_centre_counters_and_plays_the_demo_centres_days(world: World) -> None:
    world.receptionist.username = "tiepnhan.dongkinh"
    world.receptionist.save()
    with time_machine.travel(at("2026-03-03 10:00"), tick=False):  # a Tuesday morning
        output = _load()
    for centre in (world.ward_center, world.other_center):
        assert Counter.objects.filter(centre=centre).count() == demo.COUNTERS
        assert Service.objects.filter(centre=centre).count() == 3  # Hộ tịch, Chứng thực, Đất đai
    monday = Ticket.objects.filter(centre=world.ward_center, day=at("2026-03-02 00:00").date())
    assert monday.count() == demo.TICKETS_PER_DAY
    assert not monday.filter(status__in=(TicketStatus.WAITING, TicketStatus.CALLED)).exists()
    assert Ticket.objects.filter(centre=world.ward_center, day=at("2026-03-03 00:00").date()).exists()
    assert not Ticket.objects.filter(centre=world.other_center).exists()  # no demo account there
    assert Rating.objects.exists()
    assert Counter.objects.get(centre=world.ward_center, number=1).officer_id == world.receptionist.pk
    assert [d for d in check.check() if d.where == "floor"] == []
    [line] = report.breakdown(
        report.ticket_facts([world.ward_center.pk], monday[0].day, monday[0].day), "centre"
    )
    assert line["served"] + line["no_shows"] == demo.TICKETS_PER_DAY
    assert "Quầy:" in output


def test_the_demo_is_idempotent(world: World) -> None:
    world.receptionist.username = "tiepnhan.dongkinh"
    world.receptionist.save()
    with time_machine.travel(at("2026-03-03 18:00"), tick=False):
        _load()
        first = Ticket.objects.count()
        _load()
    assert Ticket.objects.count() == first == demo.TICKETS_PER_DAY
