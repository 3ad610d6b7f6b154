"""The classification the export and the statistics share (REGULATIONS.md, "Time")."""

from __future__ import annotations

from motcua.dossiers import services
from motcua.dossiers.models import Dossier, Status
from motcua.dossiers.timeliness import classify_dossier, finish_time
from motcua.worktime.core import Classification

from .conftest import World, at


def _dossier(world: World) -> Dossier:
    dossier = services.receive_new_dossier(
        world.receptionist, world.birth, world.applicant(), at=at("2026-03-02 08:00"),
        documents=services.catalog_documents(world.birth)
    )
    return services.forward_dossier(world.receptionist, dossier, at=at("2026-03-02 08:10"))


def test_result_ready_time_wins_over_return_time(world: World) -> None:
    dossier = _dossier(world)
    services.mark_result_ready(world.specialist, dossier, "Kết quả", at=at("2026-03-02 15:00"))
    services.approve_result(world.leader, dossier, at=at("2026-03-03 07:30"))
    services.return_result(world.receptionist, dossier, at=at("2026-03-09 08:00"))
    assert finish_time(dossier) == at("2026-03-03 07:30")
    assert classify_dossier(dossier) == Classification.ON_TIME  # due 3 Mar 08:00


def test_unanswered_supplement_counts_from_the_request_time(world: World) -> None:
    dossier = _dossier(world)
    services.request_supplement(world.specialist, dossier, ["Tờ khai"], "Thiếu", at=at("2026-03-02 09:00"))
    assert finish_time(dossier) == at("2026-03-02 09:00")
    # Measured long after its due time, yet early: the request (2 Mar) came before the due day (3 Mar).
    assert classify_dossier(dossier, as_of=at("2026-04-01 00:00")) == Classification.EARLY


def test_open_dossier_is_late_only_once_its_due_time_has_passed(world: World) -> None:
    dossier = _dossier(world)
    assert classify_dossier(dossier, as_of=at("2026-03-02 17:00")) is None
    assert classify_dossier(dossier, as_of=at("2026-03-03 08:01")) == Classification.LATE


def test_stopped_and_refused_dossiers_use_their_own_times(world: World) -> None:
    dossier = _dossier(world)
    services.stop_processing(world.leader, dossier, "Lý do", at=at("2026-03-04 08:00"))
    assert classify_dossier(dossier) == Classification.LATE
    online = services.submit_online(
        world.citizen, world.birth, world.applicant(), world.ward_center, at=at("2026-03-02 08:00"),
        documents=services.catalog_documents(world.birth)
    )
    services.refuse_dossier(world.receptionist, online, "Sai thủ tục", at=at("2026-03-02 09:00"))
    assert online.status == Status.REFUSED
    assert classify_dossier(online) is None  # never received: no due time to measure against
