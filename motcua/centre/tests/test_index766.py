"""Decision 766's satisfaction indicator (5.4) is fed by the ratings of dossiers."""

from __future__ import annotations

import pytest

from motcua.catalog.models import ChannelKind
from motcua.centre import services
from motcua.dossiers import services as dossier_services
from motcua.stats import index766
from motcua.stats.report import Figures
from motcua.stats.scope import province_scope

from .conftest import Floorplan, at

DAY = at("2026-03-02 00:00").date()
# 10 dossiers handled: 7 finished (1 late), 3 open (1 overdue): late rate 2/10.
FIGURES = Figures(received_counter=10, finished_on_time=6, finished_late=1, open_overdue=1)


def _rated_dossier(fp: Floorplan, level: str) -> None:
    ticket = services.take_ticket(fp.world.ward_center, fp.civil, at=at("2026-03-02 08:00"))
    services.call_next(fp.officer1, fp.counter1, at=at("2026-03-02 08:05"))
    services.start_serving(fp.officer1, ticket, at=at("2026-03-02 08:06"))
    dossier = dossier_services.receive_new_dossier(
        fp.officer1,
        fp.world.birth,
        fp.world.applicant(),
        channel=ChannelKind.COUNTER,
        at=at("2026-03-02 08:10"),
    )
    services.link_serving_ticket(fp.officer1, dossier)
    services.finish_serving(fp.officer1, ticket, at=at("2026-03-02 08:15"))
    services.rate(ticket=ticket, level=level, at=at("2026-03-02 08:20"))


def test_satisfaction_is_100_percent_minus_late_and_dissatisfied_rates(floorplan: Floorplan) -> None:
    _rated_dossier(floorplan, "not_satisfied")
    index = index766.compute(province_scope(), FIGURES, DAY, start=DAY)
    indicator = index.indicator("5.4")
    assert (indicator.numerator, indicator.denominator) == (7, 10)  # 10 − 2 late − 1 dissatisfied
    assert indicator.score == pytest.approx(0.7 * 18 / 0.9)


def test_without_any_rating_satisfaction_has_no_data(floorplan: Floorplan) -> None:
    index = index766.compute(province_scope(), FIGURES, DAY, start=DAY)
    assert not index.indicator("5.4").has_data


def test_ratings_outside_the_period_do_not_count(floorplan: Floorplan) -> None:
    _rated_dossier(floorplan, "satisfied")
    later = at("2026-03-03 00:00").date()
    index = index766.compute(province_scope(), FIGURES, later, start=later)
    assert not index.indicator("5.4").has_data
