"""The floor's figures equal a hand computation on a small scripted day (Monday 2 March 2026).

ticket  issued  called (counter)  served         outcome
1       08:00   08:10 (1)         08:12–08:22    done: waited 10 min, served 10 min
2       08:05   08:20 (2)         08:21–08:41    done: waited 15 min, served 20 min
3       08:06   08:22 (1)         —              absent at 08:25: waited 16 min
4       09:00   09:30 (3)         09:31–09:40    transferred to civil status at 09:40 (certification → civil),
                09:50 (1)         09:51–10:01    done: waited 30 + 10 = 40 min, served 9 + 10 = 19 min
5       10:30   —                 —              still waiting: no waiting time yet
"""

from __future__ import annotations

import datetime as dt
import io

import pytest
from openpyxl import load_workbook

from motcua.centre import report, services
from motcua.centre.models import Ticket
from motcua.stats import xlsx

from .conftest import Floorplan, at

DAY = at("2026-03-02 00:00").date()


def _t(hhmm: str) -> dt.datetime:
    return at(f"2026-03-02 {hhmm}")


@pytest.fixture
def scripted_day(floorplan: Floorplan) -> Floorplan:
    fp = floorplan
    centre = fp.world.ward_center
    t1 = services.take_ticket(centre, fp.civil, at=_t("08:00"))
    t2 = services.take_ticket(centre, fp.civil, at=_t("08:05"))
    t3 = services.take_ticket(centre, fp.civil, at=_t("08:06"))
    t4 = services.take_ticket(centre, fp.certification, at=_t("09:00"))
    services.call_next(fp.officer1, fp.counter1, at=_t("08:10"))
    services.start_serving(fp.officer1, t1, at=_t("08:12"))
    services.call_next(fp.officer2, fp.counter2, at=_t("08:20"))
    services.start_serving(fp.officer2, t2, at=_t("08:21"))
    services.finish_serving(fp.officer1, t1, at=_t("08:22"))
    services.call_next(fp.officer1, fp.counter1, at=_t("08:22"))
    services.skip_absent(fp.officer1, t3, at=_t("08:25"))
    services.finish_serving(fp.officer2, t2, at=_t("08:41"))
    services.call_next(fp.officer3, fp.counter3, at=_t("09:30"))
    services.start_serving(fp.officer3, t4, at=_t("09:31"))
    services.transfer(fp.officer3, t4, service=fp.civil, at=_t("09:40"))
    services.call_next(fp.officer1, fp.counter1, at=_t("09:50"))
    services.start_serving(fp.officer1, t4, at=_t("09:51"))
    services.finish_serving(fp.officer1, t4, at=_t("10:01"))
    services.take_ticket(centre, fp.civil, at=_t("10:30"))
    services.rate(ticket=Ticket.objects.get(pk=t1.pk), level="very_satisfied", at=_t("08:30"))
    services.rate(
        ticket=Ticket.objects.get(pk=t2.pk), level="not_satisfied", reasons=["waiting"], at=_t("08:45")
    )
    services.rate(ticket=Ticket.objects.get(pk=t4.pk), level="satisfied", at=_t("10:05"))
    return fp


def _facts(fp: Floorplan) -> list[report.TicketFact]:
    return report.ticket_facts([fp.world.ward_center.pk], DAY, DAY)


def test_waiting_and_service_times_per_centre_equal_the_hand_computation(scripted_day: Floorplan) -> None:
    [centre] = report.breakdown(_facts(scripted_day), "centre")
    assert centre == {
        "key": scripted_day.world.ward_center.code,
        "tickets": 5,
        "served": 3,
        "no_shows": 1,
        "waiting_median": 930.0,  # 10, 15, 16, 40 min: (15 + 16) / 2 = 15.5 min
        "waiting_p90": 2400.0,  # nearest rank ⌈0.9 × 4⌉ = 4th: 40 min
        "service_median": 1140.0,  # 10, 19, 20 min: 19 min
        "service_p90": 1200.0,  # ⌈0.9 × 3⌉ = 3rd: 20 min
    }


def test_per_counter_the_ticket_belongs_to_its_last_call(scripted_day: Floorplan) -> None:
    rows = {r["key"]: r for r in report.breakdown(_facts(scripted_day), "counter")}
    assert rows["1"]["tickets"] == 3 and rows["1"]["no_shows"] == 1
    assert (rows["1"]["waiting_median"], rows["1"]["waiting_p90"]) == (960.0, 2400.0)
    assert (rows["1"]["service_median"], rows["1"]["service_p90"]) == (870.0, 1140.0)
    assert (rows["2"]["waiting_median"], rows["2"]["service_median"]) == (900.0, 1200.0)
    assert rows["—"]["tickets"] == 1 and rows["—"]["waiting_median"] is None  # ticket 5, never called
    assert "3" not in rows  # counter 3 transferred its only ticket


def test_per_officer(scripted_day: Floorplan) -> None:
    rows = {r["key"]: r for r in report.breakdown(_facts(scripted_day), "officer")}
    assert rows["Hoàng Văn Tiếp"]["served"] == 2
    assert rows["Lục Thị Hai"]["service_p90"] == 1200.0


def test_tickets_per_day_and_hour(scripted_day: Floorplan) -> None:
    facts = _facts(scripted_day)
    assert report.tickets_per_day(facts) == [(DAY, 5)]
    assert report.tickets_per_hour(facts) == [(8, 3), (9, 1), (10, 1)]


def test_satisfaction_per_counter_and_centre(scripted_day: Floorplan) -> None:
    ids = [scripted_day.world.ward_center.pk]
    counters = {s.key: s for s in report.satisfaction(ids, DAY, DAY, "counter")}
    assert (counters["1"].very_satisfied, counters["1"].satisfied, counters["1"].satisfied_rate) == (
        1,
        1,
        1.0,
    )
    assert (counters["2"].not_satisfied, counters["2"].satisfied_rate) == (1, 0.0)
    [centre] = report.satisfaction(ids, DAY, DAY, "centre")
    assert centre.total == 3 and centre.satisfied_rate == pytest.approx(2 / 3)


def test_the_xlsx_has_a_sheet_per_breakdown_hour_and_satisfaction(scripted_day: Floorplan) -> None:
    ids = [scripted_day.world.ward_center.pk]
    data = xlsx.workbook(report.xlsx_sheets(_facts(scripted_day), ids, DAY, DAY))
    book = load_workbook(io.BytesIO(data))
    assert book.sheetnames == [
        "Theo trung tâm",
        "Theo dịch vụ",
        "Theo quầy",
        "Theo cán bộ",
        "Theo giờ",
        "Hài lòng theo quầy",
        "Hài lòng theo cán bộ",
    ]
    centre_row = [c.value for c in book["Theo trung tâm"][2]]
    assert centre_row == [scripted_day.world.ward_center.code, 5, 3, 1, 15.5, 40.0, 19.0, 20.0]


def test_the_median_and_p90_definitions() -> None:
    assert report.median([]) is None and report.p90([]) is None
    assert report.p90(list(range(1, 11))) == 9.0  # ⌈0.9 × 10⌉ = 9th
    assert report.p90([5.0]) == 5.0


def test_the_stats_page_shows_the_scripted_day_to_the_wards_leader(scripted_day: Floorplan) -> None:
    from django.test import Client

    client = Client()
    client.force_login(scripted_day.world.leader)
    page = client.get("/centre/thong-ke/?from=2026-03-02&to=2026-03-02").content.decode()
    assert scripted_day.world.ward_center.code in page
    assert "<svg" in page  # the peak-hour chart
    download = client.get("/centre/thong-ke/lay-so.xlsx?from=2026-03-02&to=2026-03-02")
    book = load_workbook(io.BytesIO(download.content))
    assert [c.value for c in book["Theo trung tâm"][4]][:4] == [scripted_day.world.ward_center.code, 5, 3, 1]


def test_another_communes_leader_does_not_see_this_centre(scripted_day: Floorplan) -> None:
    from django.test import Client

    from motcua.accounts.models import Role, User

    other = User.objects.create(username="ld.tk", role=Role.LEADER, agency=scripted_day.world.other_committee)
    client = Client()
    client.force_login(other)
    page = client.get("/centre/thong-ke/?from=2026-03-02&to=2026-03-02").content.decode()
    assert scripted_day.world.ward_center.code not in page


def test_citizens_have_no_floor_statistics(scripted_day: Floorplan) -> None:
    from django.test import Client

    client = Client()
    client.force_login(scripted_day.world.citizen)
    assert client.get("/centre/thong-ke/").status_code == 403
