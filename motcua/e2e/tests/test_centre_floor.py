"""The centre floor in chromium, three pages open at once: kiosk, counter console, display screen.

A citizen takes a number at the kiosk (portrait 1080×1920) → the officer calls next on the
console → the TV screen (1920×1080) shows the call within 1 second, without reloading → the
officer serves and receives a dossier at the counter, which carries the ticket → the citizen
rates the service from the ticket's QR page on a phone.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from typing import Any

import pytest
import time_machine
from playwright.sync_api import expect

from motcua.centre.models import Counter, Floor, Rating, Service, Ticket, TicketStatus
from motcua.dossiers.models import Dossier
from motcua.e2e.conftest import log_in, screenshot
from motcua.e2e.world import PASSWORD, World, build_world
from motcua.worktime.core import TZ

pytestmark = pytest.mark.django_db(transaction=True)

KIOSK = {"width": 1080, "height": 1920}
TV = {"width": 1920, "height": 1080}
CONSOLE = {"width": 1366, "height": 900}


@pytest.fixture(autouse=True)
def _working_morning() -> Iterator[None]:
    # 09:00 on the next working day, just ahead of the real clock so that the cookies the browser
    # gets stay valid; the clock runs on (tick) so the stream and the timings behave as in real life.
    import datetime as dt

    from motcua.worktime.core import WorkCalendar

    calendar = WorkCalendar()
    day = dt.datetime.now(TZ).date() + dt.timedelta(days=1)
    while not calendar.is_working_day(day):
        day += dt.timedelta(days=1)
    with time_machine.travel(dt.datetime.combine(day, dt.time(9, 0), tzinfo=TZ), tick=True):
        yield


@pytest.fixture
def world(transactional_db: Any) -> World:
    world = build_world()
    Floor.objects.create(centre=world.ward_center)
    field = world.birth.procedure.field
    civil = Service.objects.create(centre=world.ward_center, name="Hộ tịch", field=field)
    Service.objects.create(centre=world.ward_center, name="Chứng thực")
    counter = Counter.objects.create(centre=world.ward_center, number=3, officer=world.receptionist)
    counter.services.set([civil])
    return world


def test_a_ticket_is_taken_called_shown_served_linked_and_rated(new_page: Any, world: World) -> None:
    code = world.ward_center.code

    screen = new_page(TV)
    screen.goto(f"/centre/{code}/screen/")
    expect(screen.locator("body")).to_have_attribute("data-version", "0")  # the stream is connected

    kiosk = new_page(KIOSK)
    kiosk.goto(f"/centre/{code}/kiosk/")
    screenshot(kiosk, "centre-kiosk")
    kiosk.get_by_role("button", name="Hộ tịch").click()
    expect(kiosk.locator("#ticket-number")).to_have_text("1")
    expect(kiosk.get_by_text("Có 0 người đang chờ trước bạn.")).to_be_visible()
    ticket = Ticket.objects.get()
    expect(screen.locator("#screen-waiting")).to_contain_text("Hộ tịch: 1")

    console = new_page(CONSOLE)
    log_in(console, "tiepnhan.dongkinh", PASSWORD)
    console.goto("/desk/")
    console.get_by_role("link", name="Gọi số tại quầy").click()
    console.get_by_role("button", name="Gọi số tiếp theo").click()
    expect(console.locator("#console-current")).to_have_text("1")
    called = time.monotonic()
    # The screen shows the call within 1 second of the call being made, without a reload.
    expect(screen.locator("#latest-number")).to_have_text("1", timeout=1000)
    assert time.monotonic() - called < 1.0
    expect(screen.locator("#latest-counter")).to_have_text("3")
    expect(screen.locator("#screen-calls")).to_contain_text("1 → 3")
    screenshot(screen, "centre-screen")

    console.get_by_role("button", name="Bắt đầu phục vụ").click()
    console.get_by_role("link", name="Tiếp nhận hồ sơ").click()
    console.goto("/desk/counter/1.001193/")
    console.fill("input[name=name]", "Hoàng Văn Nam")
    console.fill("input[name=id_number]", "020188007777")
    for box in console.locator("input[name^=brought_]").all():
        box.check()
    console.get_by_role("button", name="Tiếp nhận và lập giấy hẹn").click()
    expect(console.get_by_role("heading", level=1)).to_contain_text(code)
    dossier = Dossier.objects.get()
    ticket.refresh_from_db()
    assert ticket.dossier_id == dossier.pk  # the dossier received at that counter carries the ticket

    console.goto("/centre/quay/")
    console.get_by_role("button", name="Kết thúc phục vụ").click()
    expect(console.get_by_text("Quầy đang trống.")).to_be_visible()
    ticket.refresh_from_db()
    assert ticket.status == TicketStatus.DONE

    phone = new_page()  # the QR code of the receipt opens the ticket's page on the citizen's phone
    phone.goto(f"/centre/ve/{ticket.token}/")
    phone.get_by_label("Hài lòng", exact=True).check()
    phone.get_by_label("Chờ đợi lâu").check()
    phone.get_by_role("button", name="Gửi đánh giá").click()
    expect(phone.locator("#rated")).to_contain_text("Hài lòng")
    screenshot(phone, "centre-rating")
    rating = Rating.objects.get()
    assert (rating.level, rating.reasons, rating.dossier_id) == ("satisfied", ["waiting"], dossier.pk)


def test_the_kiosk_fits_landscape_and_portrait_screens(new_page: Any, world: World) -> None:
    for size in (KIOSK, TV):
        kiosk = new_page(size)
        kiosk.goto(f"/centre/{world.ward_center.code}/kiosk/")
        button = kiosk.get_by_role("button", name="Hộ tịch")
        box = button.bounding_box()
        assert box is not None and box["height"] >= 96  # a touch target for a finger
        width = kiosk.evaluate("document.documentElement.scrollWidth")
        assert width <= size["width"]  # nothing runs off the screen sideways


def _while_the_screen_reads(write: Any) -> Any:
    """Run a write of the test thread while the live server's stream keeps reading the floor.

    The browser tests' SQLite database is in memory with a shared cache, where a reader holds a
    table lock for the length of its statement and a writer meeting it fails at once ("database
    table is locked") instead of waiting: try again shortly, as a file database's busy timeout
    would. PostgreSQL never gets here.
    """
    from django.db import OperationalError

    for attempt in range(20):
        try:
            return write()
        except OperationalError as error:
            if "locked" not in str(error) or attempt == 19:
                raise
            time.sleep(0.05)
    return None


def test_the_screen_reconnects_after_the_stream_ends(new_page: Any, world: World) -> None:
    from motcua.centre import services, views

    views.STREAM_SECONDS, saved = 1.0, views.STREAM_SECONDS  # each response lasts a second
    try:
        screen = new_page(TV)
        screen.goto(f"/centre/{world.ward_center.code}/screen/")
        expect(screen.locator("body")).to_have_attribute("data-version", "0")
        time.sleep(2.5)  # at least two reconnections
        service = Service.objects.get(name="Hộ tịch")
        ticket = _while_the_screen_reads(lambda: services.take_ticket(world.ward_center, service))
        counter = Counter.objects.get()
        _while_the_screen_reads(lambda: services.call_next(world.receptionist, counter))
        expect(screen.locator("#latest-number")).to_have_text(str(ticket.number), timeout=3000)
    finally:
        views.STREAM_SECONDS = saved
