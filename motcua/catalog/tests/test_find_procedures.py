"""The one catalog search (search.find_procedures) behind the home page and /catalog/."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine
from django.test import Client

from motcua.catalog.importer import procedure_name
from motcua.catalog.models import Field, Procedure
from motcua.catalog.search import CatalogQuery, find_procedures

from .conftest import FIRST_DAY, Province

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("catalog", "province")]
TODAY = dt.datetime(2025, 9, 15, 9, 0, tzinfo=dt.UTC)


@pytest.fixture(autouse=True)
def _frozen() -> object:
    with time_machine.travel(TODAY, tick=False):
        yield


def _ministry_only() -> Procedure:
    procedure = Procedure.objects.create(code="9.000001",
                                         name="Cấp giấy phép khai sinh hàng không dân dụng",
                                         field=Field.objects.get(name="Hộ tịch"), at_ministry=True)
    procedure.versions.create(valid_from=FIRST_DAY, content_hash="x",
                              competent_agency_text="Bộ Giao thông vận tải")
    return procedure


def test_catalog_honours_the_query_and_ranks_the_best_match_first(client: Client) -> None:
    response = client.get("/catalog/", {"q": "dang ky khai sinh"})
    codes = [p.code for p in response.context["page"].object_list]
    assert codes[0] == "1.001193"
    html = response.content.decode()
    assert 'name="q"' in html and 'value="dang ky khai sinh"' in html


def test_query_combines_with_the_level_filter(client: Client) -> None:
    response = client.get("/catalog/", {"q": "đăng ký", "level": "province"})
    codes = {p.code for p in response.context["page"].object_list}
    assert codes and "1.001193" not in codes
    assert all(Procedure.objects.get(code=code).at_province for code in codes)


def test_ministry_only_procedures_are_hidden_unless_asked_for() -> None:
    ministry = _ministry_only()
    today = TODAY.date()
    by_default = find_procedures(CatalogQuery(text="khai sinh"), today)
    everywhere = find_procedures(CatalogQuery(text="khai sinh", everywhere=True), today)
    assert ministry not in list(by_default)
    assert ministry in list(everywhere)
    assert ministry not in list(find_procedures(CatalogQuery(), today))


def test_scope_all_in_the_query_string_shows_ministry_procedures(client: Client) -> None:
    ministry = _ministry_only()
    shown = client.get("/catalog/", {"scope": "all"}).context["page"].paginator.count
    hidden = client.get("/catalog/").context["page"].paginator.count
    assert shown == hidden + 1
    assert ministry.code in client.get("/catalog/", {"scope": "all", "q": "hàng không"}).content.decode()


def test_online_action_only_for_procedures_offered_online(client: Client) -> None:
    html = client.get("/catalog/", {"q": "chứng thực bản sao"}).content.decode()
    row = html[html.index("2.000815"):]
    row = row[:row.index("</tr>")]
    assert "Nộp tại Trung tâm" in row and "/portal/submit/" not in row
    birth = client.get("/catalog/", {"q": "khai sinh"}).content.decode()
    assert "/portal/submit/1.001193/" in birth


def test_unknown_filter_values_are_ignored_not_errors(client: Client) -> None:
    response = client.get("/catalog/", {"level": "galaxy", "online": "x", "field": "abc", "page": "zz"})
    assert response.status_code == 200
    assert response.context["page"].paginator.count == 9


def test_query_results_are_paged(client: Client, province: Province) -> None:
    field = Field.objects.get(name="Hộ tịch")
    for i in range(30):
        p = Procedure.objects.create(code=f"9.1{i:05d}", name=f"Thủ tục khai sinh thử {i}", field=field,
                                     at_commune=True)
        p.versions.create(valid_from=FIRST_DAY, content_hash="x",
                          competent_agency_text="Ủy ban nhân dân cấp xã")
    first = client.get("/catalog/", {"q": "khai sinh"})
    second = client.get("/catalog/", {"q": "khai sinh", "page": "2"})
    count = first.context["page"].paginator.count
    assert count >= 31  # the 30 new ones and 1.001193 (khai tử may match "khai" too)
    assert "q=khai+sinh&amp;page=2" in first.content.decode()
    assert len(second.context["page"].object_list) == count - 25


def test_importer_drops_the_stray_leading_full_stop_of_the_national_file() -> None:
    name = "Đăng ký thuế đối với trường hợp chuyển đổi"
    assert procedure_name(". " + name) == name
    assert procedure_name("  Thủ tục đăng ký khai sinh ") == "Thủ tục đăng ký khai sinh"


@pytest.mark.parametrize(("query", "code"), [
    ("birth registration", "1.001193"),
    ("How to register a marriage", "1.000894"),
    ("criminal record certificate", "1.001756"),
    ("building permit", "1.001612"),
    ("permanent residence", "1.004194"),
])
def test_english_queries_find_the_procedure(query: str, code: str) -> None:
    found = find_procedures(CatalogQuery(text=query), TODAY.date())
    assert [p.code for p in found][:1] == [code]


def test_default_scope_is_exactly_the_procedures_the_centres_receive() -> None:
    from motcua.catalog.services import reception_agencies

    central = Procedure.objects.create(code="9.000002", name="Cấp giấy phép hoạt động cảng thủy nội địa",
                                       field=Field.objects.get(name="Hộ tịch"), at_province=True)
    central.versions.create(valid_from=FIRST_DAY, content_hash="x", competent_agency_text="Cục Hàng hải")
    _ministry_only()
    listed = {p.code for p in find_procedures(CatalogQuery(), TODAY.date())}
    received = {p.code for p in Procedure.objects.all() if reception_agencies(p, "20").exists()}
    assert listed == received
    assert "9.000002" not in listed and "1.001193" in listed


def test_reimport_cleans_a_name_stored_before_without_a_new_version() -> None:
    from motcua.catalog.importer import import_catalog
    from motcua.catalog.tests.conftest import FIXTURE

    procedure = Procedure.objects.get(code="1.001193")
    # As the importer stored "2.000733" before it cleaned names: the record itself is unchanged.
    Procedure.objects.filter(pk=procedure.pk).update(name=". " + procedure.name)
    versions = procedure.versions.count()
    import_catalog(FIXTURE)
    procedure.refresh_from_db()
    assert procedure.name == "Thủ tục đăng ký khai sinh"
    assert procedure.versions.count() == versions
