"""Shared steps for the statistics tests: dossiers moved through the real services."""

from __future__ import annotations

import datetime as dt

from motcua.dossiers import services
from motcua.dossiers.models import Dossier
from motcua.dossiers.sample import World, at
from motcua.stats import check, report
from motcua.stats.models import DossierFact
from motcua.stats.report import METRICS, Figures, metric_q, metric_value
from motcua.stats.scope import province_scope

MINUTE = dt.timedelta(minutes=1)


def day(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


def figures(start: str, end: str) -> Figures:
    return report.figures(province_scope(), day(start), day(end))


def received(world: World, when: str, *, land: bool = False) -> Dossier:
    """Received at the ward's counter and handed from the desk to the specialist ten minutes later."""
    version = world.land if land else world.birth
    dossier = services.receive_new_dossier(world.receptionist, version, world.applicant(), at=at(when),
        documents=services.catalog_documents(version))
    if not land:
        services.forward_dossier(world.receptionist, dossier, at=at(when) + 10 * MINUTE)
    return dossier


def approve(world: World, dossier: Dossier, when: str) -> Dossier:
    """The specialist submits the result half an hour before the leader approves it (status 9)."""
    services.mark_result_ready(world.specialist, dossier, "Đã cấp giấy khai sinh.", at=at(when) - 30 * MINUTE)
    return services.approve_result(world.leader, dossier, at=at(when))


def assert_consistent(start: str, end: str) -> Figures:
    """The lists behind every figure add up to it, and a full recomputation finds no difference."""
    totals = figures(start, end)
    assert report.overview(province_scope(), day(start), day(end)).total == totals
    for metric in METRICS:
        listed = DossierFact.objects.filter(metric_q(metric, day(start), day(end))).count()
        assert listed == metric_value(totals, metric), metric
    assert check.check() == []
    return totals
