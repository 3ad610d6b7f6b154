"""The scoring rule and the seeded configuration table of Decision 766."""

from __future__ import annotations

from decimal import Decimal

import pytest

from motcua.stats.index766 import score
from motcua.stats.models import IndicatorWeight


def test_full_points_at_or_above_the_threshold() -> None:
    assert score(0.5, Decimal(6), Decimal("0.5")) == 6.0
    assert score(0.9, Decimal(6), Decimal("0.5")) == 6.0


def test_below_the_threshold_score_is_rate_times_points_over_threshold() -> None:
    assert score(0.4, Decimal(6), Decimal("0.5")) == pytest.approx(4.8)
    assert score(0.72, Decimal(18), Decimal("0.9")) == pytest.approx(14.4)


def test_no_data_means_no_score() -> None:
    assert score(None, Decimal(20), Decimal(1)) is None


@pytest.mark.django_db
def test_seeded_groups_carry_the_decisions_points() -> None:
    by_group: dict[str, Decimal] = {}
    for weight in IndicatorWeight.objects.all():
        by_group[weight.group] = by_group.get(weight.group, Decimal(0)) + weight.max_points
    assert by_group == {
        "publicity": 18,
        "progress": 20,
        "online": 12,
        "payment": 10,
        "digitisation": 22,
        "satisfaction": 18,
    }
    assert IndicatorWeight.objects.get(code="3.1").threshold == Decimal("0.8")
    assert IndicatorWeight.objects.get(code="3.3").threshold == Decimal("0.5")
