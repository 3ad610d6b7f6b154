"""Decision 766 digitisation indicators (issue #13): dossiers and results digitised, reuse of
digitised data, certified electronic copies per agency; on the dashboard and in `stats check`."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from motcua.accounts.models import Role, User
from motcua.agencies.models import Agency
from motcua.documents import pki
from motcua.documents.models import DigitisedDocument
from motcua.documents.sample import BIRTH_CERTIFICATE, render_pdf
from motcua.dossiers import services
from motcua.dossiers.models import Dossier, DossierDocument
from motcua.dossiers.sample import World, at
from motcua.ecopy import services as ecopy
from motcua.stats import check, index766
from motcua.stats.digitisation import digitisation
from motcua.stats.scope import province_scope, unit_scope

from .helpers import day

SCAN = render_pdf(BIRTH_CERTIFICATE)


@pytest.fixture(autouse=True)
def _pki(tmp_path: Path, settings: Any) -> None:
    settings.MOTCUA_PKI_DIR = tmp_path / "pki"
    settings.MOTCUA_TSA_URL = ""


def upload(name: str, content: bytes = SCAN) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, "application/pdf")


@pytest.fixture
def scene(world: World) -> dict[str, Dossier]:
    """March 2026: A scanned at the counter (its result signed and digitised), B received on paper
    only, C submitted online reusing A's scan; one certified copy at the ward centre."""
    pki.init_pki([(a.code, a.name) for a in (world.ward_committee, world.ward_center)], "CA Tỉnh Lạng Sơn")
    certificate = world.birth.requirements.get(name="Giấy chứng sinh")
    form = world.birth.requirements.get(name="Tờ khai đăng ký khai sinh")
    a = services.receive_new_dossier(
        world.receptionist, world.birth, world.applicant(), at=at("2026-03-02 08:00"),
        documents=services.catalog_documents(world.birth), files=[(certificate.pk, upload("cs.pdf"))])
    services.forward_dossier(world.receptionist, a, at=at("2026-03-02 08:10"))
    services.mark_result_ready(world.specialist, a, "Giấy khai sinh", at=at("2026-03-02 14:00"),
                               result_file=upload("kq.pdf", render_pdf(["GIẤY KHAI SINH"])), electronic=True)
    services.approve_result(world.leader, a, at=at("2026-03-02 15:00"))
    paper = services.catalog_documents(world.birth)
    b = services.receive_new_dossier(world.receptionist, world.birth, world.applicant(),
                                     at=at("2026-03-03 08:00"), documents=paper)
    scan = DigitisedDocument.objects.get(dossier_code=a.code, origin="counter_scan")
    c = services.submit_online(world.prove_citizen(), world.birth, world.applicant(), world.ward_center,
                               at=at("2026-03-04 08:00"), files=[(form.pk, upload("tk.pdf"))],
                               reused=[(certificate.pk, scan.pk)], competent_agency=world.ward_committee)
    services.receive_dossier(world.receptionist, c, at=at("2026-03-04 09:00"))
    request = ecopy.CopyRequest("Giấy khai sinh", "Nguyễn Thị Hồng Nhung", "020190001234", pages=1, copies=2)
    ecopy.certify_copy(world.receptionist, [("bc.pdf", SCAN)], request, at=at("2026-03-05 09:00"))
    return {"a": a, "b": b, "c": c}


def test_the_digitisation_figures_count_what_was_digitised_and_reused(world: World, scene: Any) -> None:
    figures = digitisation(province_scope(), day("2026-03-01"), day("2026-03-31"))
    assert (figures.dossiers_received, figures.dossiers_digitised) == (3, 2)  # A scanned, C reused
    assert (figures.results_issued, figures.results_digitised) == (1, 1)
    assert (figures.documents_handed_in, figures.documents_reused) == (6, 1)
    # To date: A's scan, A's signed result, the certified copy kept in the requester's warehouse.
    assert figures.records_digitised == 3
    assert figures.copies_by_agency == [(world.ward_center.code, world.ward_center.name, 1)]


def test_the_766_indicators_4_2_to_4_4_have_rates(world: World, scene: Any) -> None:
    from motcua.stats.report import figures as report_figures

    scope = province_scope()
    start, end = day("2026-03-01"), day("2026-03-31")
    index = index766.compute(scope, report_figures(scope, start, end), end, start=start)
    assert (index.indicator("4.2").numerator, index.indicator("4.2").denominator) == (3, 4)
    assert index.indicator("4.3").rate == 1.0
    assert (index.indicator("4.4").numerator, index.indicator("4.4").denominator) == (1, 6)
    assert not index.indicator("4.5").has_data


def test_a_period_without_certified_copies_scores_no_copy_service(world: World, scene: Any) -> None:
    figures = digitisation(province_scope(), day("2026-04-01"), day("2026-04-30"))
    assert figures.indicators() == {"4.3": (0, 1)}


def test_a_commune_scope_does_not_count_another_communes_copies(world: World, scene: Any) -> None:
    from motcua.stats.scope import unit_scope

    figures = digitisation(unit_scope(world.other_center), day("2026-03-01"), day("2026-03-31"))
    assert figures.copies_by_agency == [] and figures.dossiers_received == 0


def test_the_dashboard_shows_the_digitisation_figures(world: World, scene: Any) -> None:
    committee = Agency.objects.get(code="000.00.00.H37")
    leader = User.objects.create(username="lanh.dao.tinh", role=Role.LEADER, agency=committee)
    client = Client()
    client.force_login(leader)
    body = client.get(reverse("stats:dashboard") + "?from=2026-03-01&to=2026-03-31").content.decode()
    assert 'id="digitisation"' in body and 'id="ecopies"' in body
    assert "2 / 3" in body and "1 / 6" in body
    assert world.ward_center.name in body.split('id="ecopies"')[1]


def test_stats_check_finds_a_reused_document_of_another_holder(world: World, scene: Any) -> None:
    assert [d for d in check.check() if d.where == "digitisation"] == []
    DossierDocument.objects.filter(warehouse_document__isnull=False).update(
        warehouse_document=DigitisedDocument.objects.get(origin="result"))
    DigitisedDocument.objects.filter(origin="result").update(holder_identifier="020185004321")
    found = [d for d in check.check() if d.where == "digitisation"]
    assert [(d.key, d.column) for d in found] == [(scene["c"].code, "reused_holder")]
    assert "020185004321" not in str(found[0].stored)  # masked


def test_stats_check_finds_a_digitised_scan_of_a_missing_dossier(world: World, scene: Any) -> None:
    DigitisedDocument.objects.filter(origin="counter_scan").update(dossier_code="000.02.30.H37-260399-9999")
    found = [d for d in check.check() if d.where == "digitisation"]
    assert [(d.key, d.column) for d in found] == [("000.02.30.H37-260399-9999", "dossier")]


def test_figures_from_the_counters_give_the_same_digitisation(scene: Any, world: World) -> None:
    """The dashboard passes its figures: received and issued come from the counters, same numbers."""
    from motcua.stats import report

    for scope in (province_scope(), unit_scope(world.ward_center), unit_scope(world.other_center)):
        for start, end in (("2026-03-01", "2026-03-31"), ("2026-03-03", "2026-03-04")):
            figures = report.figures(scope, day(start), day(end))
            direct = digitisation(scope, day(start), day(end))
            assert digitisation(scope, day(start), day(end), figures) == direct
    march = digitisation(province_scope(), day("2026-03-01"), day("2026-03-31"))
    assert (march.dossiers_received, march.results_issued) == (3, 1)
