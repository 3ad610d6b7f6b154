"""The sweep flags due-soon and overdue dossiers and steps and lists those needing an apology."""

from __future__ import annotations

import io
import json

from django.core.management import call_command

from motcua.dossiers import services
from motcua.dossiers.models import Deadline, Dossier, DossierStep
from motcua.dossiers.sweeps import sweep

from .conftest import World, at


def test_sweep_marks_due_soon_then_overdue_and_lists_apologies(world: World, settings: object) -> None:
    settings.MOTCUA_DUE_SOON_HOURS = 4  # type: ignore[attr-defined]
    settings.MOTCUA_APOLOGY_LEAD_HOURS = 4  # type: ignore[attr-defined]
    dossier = services.receive_new_dossier(
        world.receptionist, world.birth, world.applicant(), at=at("2026-03-02 08:00"),
        documents=services.catalog_documents(world.birth)
    )  # due Tue 3 Mar 08:00
    later = services.receive_new_dossier(
        world.receptionist, world.land, world.applicant(), at=at("2026-03-02 08:00"),
        documents=services.catalog_documents(world.land)
    )

    report = sweep(at("2026-03-02 09:00"))
    assert report.dossiers_due_soon == 0 and report.dossiers_overdue == 0
    assert report.steps_overdue == 1  # the desk's 1-hour step of the birth registration ended at 09:00

    report = sweep(at("2026-03-02 14:00"))
    assert report.dossiers_due_soon == 1
    assert report.need_apology == [dossier.code]
    assert Dossier.objects.get(pk=dossier.pk).deadline_state == Deadline.DUE_SOON

    report = sweep(at("2026-03-03 08:30"))
    assert report.dossiers_overdue == 1
    assert Dossier.objects.get(pk=dossier.pk).deadline_state == Deadline.OVERDUE
    assert Dossier.objects.get(pk=later.pk).deadline_state == Deadline.OK
    assert DossierStep.objects.filter(deadline_state=Deadline.OVERDUE).count() == 2

    assert sweep(at("2026-03-03 08:45")).need_apology == [dossier.code]


def test_an_apology_before_the_due_time_takes_the_dossier_off_the_list(world: World) -> None:
    dossier = services.receive_new_dossier(
        world.receptionist, world.birth, world.applicant(), at=at("2026-03-02 08:00"),
        documents=services.catalog_documents(world.birth)
    )  # due Tue 3 Mar 08:00
    assert sweep(at("2026-03-02 14:00")).need_apology == [dossier.code]
    services.apologize(
        world.leader, dossier, "Chờ xác minh", at("2026-03-04 10:00"), at=at("2026-03-02 16:00")
    )
    assert sweep(at("2026-03-03 08:45")).need_apology == []


def test_a_paused_dossier_is_not_flagged(world: World) -> None:
    dossier = services.receive_new_dossier(
        world.receptionist, world.birth, world.applicant(), at=at("2026-03-02 08:00"),
        documents=services.catalog_documents(world.birth)
    )
    services.forward_dossier(world.receptionist, dossier, at=at("2026-03-02 08:10"))
    services.request_supplement(
        world.specialist, dossier, ["Giấy chứng sinh"], "Thiếu", at=at("2026-03-02 09:00")
    )
    report = sweep(at("2026-03-10 09:00"))
    assert report.dossiers_overdue == 0 and report.need_apology == []


def test_sweep_command_prints_json(world: World) -> None:
    services.receive_new_dossier(
        world.receptionist, world.birth, world.applicant(), at=at("2026-03-02 08:00"),
        documents=services.catalog_documents(world.birth)
    )
    out = io.StringIO()
    call_command("dossiers", "sweep", "--at", "2026-03-04 08:00", "--json", stdout=out)
    assert json.loads(out.getvalue())["dossiers_overdue"] == 1
