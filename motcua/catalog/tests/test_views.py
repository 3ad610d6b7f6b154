"""Public catalog pages: browse with filters, read a procedure, bounded queries."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from motcua.catalog.models import Field, FieldDepartment, Procedure

from .conftest import FIRST_DAY, Province

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("catalog")]
TODAY = dt.datetime(2025, 9, 15, 9, 0, tzinfo=dt.UTC)


@pytest.fixture(autouse=True)
def _frozen() -> object:
    with time_machine.travel(TODAY, tick=False):
        yield


def test_list_shows_procedures_in_force_with_accessible_table(client: Client) -> None:
    response = client.get("/catalog/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Thủ tục đăng ký khai sinh" in html and "Đăng ký thường trú" in html
    assert '<th scope="col">' in html and 'for="filter-level"' in html
    assert response.context["page"].paginator.count == 9


def test_list_filters_by_level_field_and_online_level(client: Client) -> None:
    commune = client.get("/catalog/", {"level": "commune"}).context["page"].paginator.count
    civil_status = Field.objects.get(name="Hộ tịch")
    by_field = client.get("/catalog/", {"field": civil_status.pk}).context["page"].object_list
    offline = client.get("/catalog/", {"online": "none"}).context["page"].object_list
    assert commune == 6  # five commune-only procedures and the building permit (province and commune)
    assert {p.code for p in by_field} == {"1.001193", "1.000894", "1.000656"}
    assert {p.code for p in offline} == {"2.000815"}


def test_list_filters_by_deciding_department(client: Client, province: Province) -> None:
    FieldDepartment.objects.create(field=Field.objects.get(name="Đất đai"), agency=province.agriculture,
                                   valid_from=FIRST_DAY)
    response = client.get("/catalog/", {"agency": province.agriculture.code})
    assert [p.code for p in response.context["page"].object_list] == ["1.012786", "1.012795"]
    assert province.agriculture.name in response.content.decode()


def test_list_query_count_does_not_grow_with_the_page(client: Client) -> None:
    field = Field.objects.first()
    assert field is not None
    for i in range(30):
        Procedure.objects.create(code=f"9.{i:06d}", name=f"Thủ tục thử {i}", field=field, at_commune=True)
    with CaptureQueriesContext(connection) as small:
        client.get("/catalog/", {"level": "province"})
    with CaptureQueriesContext(connection) as full:
        client.get("/catalog/")
    assert len(full) <= len(small) + 1
    assert len(full) <= 12


def test_list_paginates(client: Client) -> None:
    field = Field.objects.first()
    assert field is not None
    procedures = [Procedure.objects.create(code=f"9.{i:06d}", name=f"Thủ tục thử {i}", field=field,
                                           at_commune=True) for i in range(30)]
    for procedure in procedures:
        procedure.versions.create(valid_from=FIRST_DAY, content_hash="x")
    first = client.get("/catalog/")
    second = client.get("/catalog/", {"page": 2})
    assert first.context["page"].paginator.num_pages == 2
    assert 'rel="next"' in first.content.decode()
    assert len(second.context["page"].object_list) == 39 - 25


def test_detail_explains_documents_time_fees_and_legal_bases(client: Client) -> None:
    response = client.get("/catalog/1.004194/")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<h1 lang="vi">Đăng ký thường trú</h1>' in html
    assert "Tờ khai thay đổi thông tin cư trú." in html and "Mẫu CT01.docx" in html
    assert "7 ngày làm việc" in html and "20.000 đồng" in html
    assert "68/2020/QH14" in html and '<th scope="row">' in html


def test_detail_offers_online_submission_only_when_the_procedure_is_online(client: Client) -> None:
    online = client.get("/catalog/1.001193/").content.decode()
    counter_only = client.get("/catalog/2.000815/").content.decode()
    assert 'href="/portal/submit/1.001193/"' in online and "Nộp trực tuyến" in online
    assert "/portal/submit/" not in counter_only
    assert "sau 15 giờ" in counter_only


def test_detail_says_where_to_submit_and_who_decides(client: Client, province: Province) -> None:
    FieldDepartment.objects.create(field=Field.objects.get(name="Đất đai"), agency=province.agriculture,
                                   valid_from=FIRST_DAY)
    html = client.get("/catalog/1.012795/").content.decode()
    assert province.center.name in html
    assert "Sở Nông nghiệp và Môi trường tỉnh Lạng Sơn" in html


def test_detail_of_an_unknown_code_or_before_its_first_version_is_404(client: Client) -> None:
    assert client.get("/catalog/0.000000/").status_code == 404
    with time_machine.travel(dt.datetime(2025, 6, 1, tzinfo=dt.UTC), tick=False):
        assert client.get("/catalog/1.001193/").status_code == 404


def test_pages_are_available_in_english(client: Client) -> None:
    response = client.get("/en/catalog/1.001193/")
    assert response.status_code == 200
    assert '<html lang="en">' in response.content.decode()
