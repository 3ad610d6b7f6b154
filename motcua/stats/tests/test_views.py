"""Dashboards: who may see what, figures one click from their dossiers, bounded queries, XLSX."""

from __future__ import annotations

import io
import re
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from openpyxl import load_workbook

from motcua.accounts.models import Role, User
from motcua.agencies.models import Agency
from motcua.dossiers import services
from motcua.dossiers.sample import World, at

from .helpers import approve, received

PERIOD = "from=2026-03-01&to=2026-03-31"


@pytest.fixture
def scene(world: World) -> dict[str, Any]:
    ward = received(world, "2026-03-02 08:00")
    approve(world, ward, "2026-03-02 15:00")
    resident = world.applicant()
    resident.address_unit = world.other_commune  # a birth is decided where the family lives
    other = services.receive_new_dossier(
        world.other_receptionist, world.birth, resident, at=at("2026-03-03 08:00"),
        documents=services.catalog_documents(world.birth),
    )
    committee = Agency.objects.get(code="000.00.00.H37")
    province_leader = User.objects.create(username="lanh.dao.tinh", role=Role.LEADER, agency=committee)
    return {"world": world, "ward": ward, "other": other, "province_leader": province_leader}


def _client(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_province_leader_sees_figures_index_and_charts(scene: dict[str, Any]) -> None:
    response = _client(scene["province_leader"]).get(reverse("stats:dashboard") + "?" + PERIOD)
    assert response.status_code == 200
    body = response.content.decode()
    assert "Chưa có dữ liệu" in body  # 766 indicators without data
    assert "<svg" in body and 'role="img"' in body and "<desc" in body
    assert "Xếp hạng theo chỉ số 2.1" in body
    assert scene["other"].code in body  # overdue, needs action


def test_every_figure_links_to_the_dossiers_it_counts(scene: dict[str, Any]) -> None:
    client = _client(scene["province_leader"])
    body = client.get(reverse("stats:dashboard") + "?" + PERIOD).content.decode()
    links = set(re.findall(r'href="(/stats/dossiers/\?[^"]*metric=finished_early[^"]*)"', body))
    assert links
    listed = client.get(links.pop().replace("&amp;", "&")).content.decode()
    assert scene["ward"].code in listed and scene["other"].code not in listed


def test_commune_leader_sees_only_his_commune(scene: dict[str, Any]) -> None:
    world: World = scene["world"]
    client = _client(world.leader)
    listed = client.get(reverse("stats:dossiers") + "?" + PERIOD + "&metric=received").content.decode()
    assert scene["ward"].code in listed
    assert scene["other"].code not in listed
    outside = client.get(reverse("stats:dashboard") + "?" + PERIOD + "&agency=" + world.other_center.code)
    assert outside.status_code == 404


def test_department_leader_sees_his_department_only(scene: dict[str, Any]) -> None:
    world: World = scene["world"]
    response = _client(world.department_leader).get(
        reverse("stats:dossiers") + "?" + PERIOD + "&metric=received"
    )
    assert response.status_code == 200
    assert scene["ward"].code not in response.content.decode()


def test_receptionists_citizens_and_visitors_are_refused(scene: dict[str, Any]) -> None:
    world: World = scene["world"]
    url = reverse("stats:dashboard")
    assert _client(world.receptionist).get(url).status_code == 403
    assert _client(world.citizen).get(url).status_code == 403
    assert Client().get(url).status_code == 302


def test_the_navigation_offers_statistics_to_leaders_only(scene: dict[str, Any]) -> None:
    world: World = scene["world"]
    link = f'href="{reverse("stats:dashboard")}"'
    assert link in _client(world.leader).get("/").content.decode()
    assert link not in _client(world.receptionist).get("/").content.decode()
    assert link not in _client(world.citizen).get("/").content.decode()


@pytest.mark.parametrize("name", ["stats:dashboard", "stats:report", "stats:dossiers"])
def test_query_count_does_not_grow_with_the_dossiers(
    scene: dict[str, Any], name: str, django_assert_max_num_queries: Any
) -> None:
    world: World = scene["world"]
    client = _client(scene["province_leader"])
    url = reverse(name) + "?" + PERIOD
    with django_assert_max_num_queries(30) as few:
        assert client.get(url).status_code == 200
    for hour in range(8, 11):
        approve(world, received(world, f"2026-03-04 {hour:02d}:00"), f"2026-03-04 {hour + 3:02d}:00")
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert client.get(url).status_code == 200


@pytest.mark.parametrize(
    ("table", "extra", "header"),
    [
        ("report", "&by=agency", "Tiếp nhận mới"),
        ("report", "&by=field", "Đang giải quyết quá hạn"),
        ("index", "", "Tên chỉ số"),
        ("trend", "&step=week", "Đã giải quyết"),
        ("dossiers", "&metric=received", "Mã hồ sơ"),
    ],
)
def test_xlsx_exports_open_with_vietnamese_headers(
    scene: dict[str, Any], table: str, extra: str, header: str
) -> None:
    response = _client(scene["province_leader"]).get(
        reverse("stats:export", args=[table]) + "?" + PERIOD + extra
    )
    assert response.status_code == 200
    book = load_workbook(io.BytesIO(response.content))
    values = [cell for row in book.active.iter_rows(values_only=True) for cell in row if cell is not None]
    assert header in values
    assert any("Báo cáo tình hình giải quyết hồ sơ" in str(v) for v in values)


def test_each_figure_of_the_dashboard_has_its_own_label(scene: dict[str, Any]) -> None:
    response = _client(scene["province_leader"]).get(reverse("stats:dashboard") + "?" + PERIOD)
    labels = [str(label) for label, _value, _key in response.context["key"]]
    body = response.content.decode()
    assert "Quá hạn, kể cả đang giải quyết" in labels
    assert "Giải quyết quá hạn" in body
    # "Quá hạn" alone named two different figures (late and still open, or finished late only).
    assert not re.search(r">\s*Quá hạn\s*<", body)


@pytest.mark.parametrize(
    "extra",
    [{}, {"agency": "000.00.30.H37"}, {"procedure": "1.001193"}, {"field": 7}, {"procedure": None}],
)
def test_a_report_links_cells_with_the_same_urls_as_before(world: World, extra: dict[str, Any]) -> None:
    import datetime as dt

    from motcua.catalog.models import Procedure
    from motcua.stats.views import Period

    for agency, procedure in ((None, None), (world.ward_center, Procedure.objects.get(code="1.001193"))):
        period = Period(dt.date(2026, 3, 1), dt.date(2026, 3, 31), agency, procedure, None)
        link = period.linker(**extra)
        for metric in ("received", "open_overdue"):
            assert link(metric) == reverse("stats:dossiers") + "?" + period.params(metric=metric, **extra)
