"""The province's home page: search first, most-used procedures, centres, headline figures."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from motcua.catalog.models import Procedure
from motcua.catalog.tests.conftest import Province
from motcua.stats.models import AgencyDailyCount, DailyCount

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("catalog")]
TODAY = dt.datetime(2025, 9, 15, 9, 0, tzinfo=dt.UTC)


@pytest.fixture(autouse=True)
def _frozen() -> object:
    with time_machine.travel(TODAY, tick=False):
        yield


@pytest.fixture
def busy(province: Province) -> Province:
    """Dossiers counted in August: 30 for marriage, 10 for birth; 8 of 10 finished on time."""
    province.center.address = "Số 1 đường Hùng Vương, phường Đông Kinh"
    province.center.phone = "0205 3812 345"
    province.center.save()
    day = dt.date(2025, 8, 1)
    for code, counter, online in (("1.000894", 20, 10), ("1.001193", 4, 6)):
        DailyCount.objects.create(day=day, receiving_agency=province.center,
                                  competent_agency=province.committee_a,
                                  procedure=Procedure.objects.get(code=code), received_counter=counter,
                                  received_online=online)
    AgencyDailyCount.objects.create(day=day, receiving_agency=province.center,
                                    competent_agency=province.committee_a, received_counter=24,
                                    received_online=16, finished_on_time=8, finished_late=2)
    return province


def test_search_box_comes_first_and_sends_to_the_catalog(client: Client, province: Province) -> None:
    html = client.get("/").content.decode()
    main = html[html.index('<main'):]
    assert main.index('name="q"') < main.index("<h2")
    assert 'action="/catalog/"' in main and 'role="search"' in main
    assert 'href="/tra-cuu/"' in main


def test_most_used_procedures_come_from_the_dossiers_received(client: Client, busy: Province) -> None:
    response = client.get("/")
    assert [p.code for p in response.context["popular"]] == ["1.000894", "1.001193"]


def test_centres_show_address_hours_and_hotline(client: Client, busy: Province) -> None:
    html = client.get("/").content.decode()
    assert "Trung tâm Phục vụ hành chính công tỉnh Lạng Sơn" in html
    assert "Số 1 đường Hùng Vương, phường Đông Kinh" in html
    assert 'href="tel:02053812345"' in html
    assert "Thứ Hai – Thứ Sáu: 07:00–11:30, 13:30–17:00" in html
    assert "Trung tâm PVHCC xã Thất Khê" in html


def test_headline_figures_are_the_province_rates_of_the_year(client: Client, busy: Province) -> None:
    response = client.get("/")
    figures = response.context["headline"]
    assert figures.received == 40
    assert figures.online_rate == pytest.approx(0.4)
    assert figures.on_time_rate == pytest.approx(0.8)
    html = response.content.decode()
    assert "80 %" in html and "40 %" in html


def test_home_page_in_english_marks_vietnamese_data(client: Client, busy: Province) -> None:
    html = client.get("/en/").content.decode()
    assert "Where to submit in person" in html
    assert '<h3 lang="vi">Trung tâm Phục vụ hành chính công tỉnh Lạng Sơn</h3>' in html


def test_home_page_query_count_is_small_and_fixed(client: Client, busy: Province) -> None:
    client.get("/")  # the working-time calendar is cached per process
    with CaptureQueriesContext(connection) as queries:
        client.get("/")
    assert len(queries) <= 10
