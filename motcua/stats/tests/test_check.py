"""`motcua stats check` recomputes everything and finds any difference; refresh repairs it."""

from __future__ import annotations

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db.models import F

from motcua.dossiers import services
from motcua.dossiers.sample import World, at
from motcua.stats import check, facts
from motcua.stats.models import COUNTER_COLUMNS, AgencyDailyCount, DailyCount, DossierFact

from .helpers import approve, received


def _a_few_transitions(world: World) -> None:
    first = received(world, "2026-03-02 08:00")
    services.request_supplement(
        world.specialist, first, ["Tờ khai"], "Thiếu tờ khai", at=at("2026-03-02 09:00")
    )
    services.receive_supplement(world.receptionist, first, at=at("2026-03-03 08:00"))
    approve(world, first, "2026-03-03 16:00")
    services.return_result(world.receptionist, first, at=at("2026-03-04 08:00"))
    second = received(world, "2026-03-02 10:00", land=True)
    services.forward_dossier(world.receptionist, second, at=at("2026-03-02 11:00"))
    services.transfer_dossier(
        world.department_specialist,
        second,
        world.ward_committee,
        at=at("2026-03-03 09:00"),
        reason="Chuyển theo thẩm quyền",
    )


def test_aggregates_equal_a_recomputation_after_a_sequence_of_transitions(world: World) -> None:
    _a_few_transitions(world)
    assert DossierFact.objects.count() == 2
    assert check.check() == []


def test_check_finds_a_tampered_counter_and_exits_non_zero(world: World) -> None:
    _a_few_transitions(world)
    AgencyDailyCount.objects.filter(received_counter__gt=0).update(received_counter=F("received_counter") + 1)
    differences = check.check()
    # The monthly row follows its days (trigger): both differ from the recomputation.
    assert [(d.where, d.column) for d in differences] == [
        ("agency_daily", "received_counter"),
        ("agency_monthly", "received_counter"),
    ]
    with pytest.raises(CommandError) as error:
        call_command("stats", "check", "--json")
    assert error.value.returncode == 1


def test_check_finds_a_stale_fact_and_a_missing_counter(world: World) -> None:
    _a_few_transitions(world)
    DossierFact.objects.filter(timeliness=2).update(timeliness=3)
    DailyCount.objects.all().delete()
    wheres = {d.where for d in check.check()}
    assert wheres == {"fact", "daily", "monthly", "procedure_monthly"}


def test_refresh_rebuild_repairs_everything(world: World) -> None:
    _a_few_transitions(world)
    DailyCount.objects.all().delete()
    DossierFact.objects.all().update(working_minutes=0)
    assert check.check() != []
    call_command("stats", "refresh", "--rebuild")
    assert check.check() == []


def _rows() -> list[tuple[object, ...]]:
    rows = DailyCount.objects.values_list(
        "day", "receiving_agency_id", "competent_agency_id", "procedure_id", *COUNTER_COLUMNS
    )
    return sorted(row for row in rows if any(row[4:]))


def test_a_rebuild_gives_the_same_counters_as_the_live_hook(world: World) -> None:
    _a_few_transitions(world)
    live = _rows()
    facts.rebuild()
    assert _rows() == live
