"""Indicator 3.6 of Decision 766 counts verified online payments only, and the statistics stay exact."""

from __future__ import annotations

import pytest
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from motcua.dossiers import services as dossier_services
from motcua.e2e.world import World
from motcua.payments import services
from motcua.stats import check, index766, report
from motcua.stats.scope import province_scope
from motcua.worktime.core import TZ

from .conftest import CALLBACK, awaiting_payment, notification


def test_only_the_verified_online_payment_counts_for_3_6(client: Client, world: World) -> None:
    online = awaiting_payment(world)
    cash = awaiting_payment(world)
    order = services.start_payment(world.citizen, online)
    assert client.post(CALLBACK, notification(order), content_type="application/json").status_code == 200
    dossier_services.record_payment(world.receptionist, cash, reference="BL-0042")
    # The citizen's own declaration is refused: it can never count.
    forged = awaiting_payment(world)
    with pytest.raises(dossier_services.DossierError):
        dossier_services.record_payment(world.citizen, forged, online=True, reference="bịa ra")

    today = timezone.now().astimezone(TZ).date()
    scope = province_scope()
    figures = report.figures(scope, today, today)
    assert (figures.fee_dossiers, figures.paid_online) == (3, 1)
    indicator = next(
        i for g in index766.compute(scope, figures, today).groups for i in g.indicators if i.code == "3.6"
    )
    assert (indicator.numerator, indicator.denominator) == (1, 3)
    assert check.check() == []
    call_command("stats", "check")  # exits 1 on any difference
