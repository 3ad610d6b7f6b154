"""Real procedures walked from reception to the returned result, across Tết 2026."""

from __future__ import annotations

import datetime as dt

from motcua.dossiers import services
from motcua.dossiers.models import Handover, Status, SubState
from motcua.dossiers.timeliness import classify_dossier
from motcua.worktime.core import Classification

from .conftest import World, at


def test_birth_registration_online_from_submission_to_returned_result(world: World) -> None:
    dossier = services.submit_online(
        world.citizen, world.birth, world.applicant(), world.ward_center, at=at("2026-02-12 20:00"),
        documents=services.catalog_documents(world.birth)
    )
    services.receive_dossier(world.receptionist, dossier, at=at("2026-02-13 08:00"))
    # Submitted Thursday evening: the clock starts Friday 13 Feb 07:00, not at the acceptance
    # at 08:00, so 1 working day ends that Friday at 17:00 (before Tết, 16–20 Feb).
    assert dossier.due_at == at("2026-02-13 17:00")
    assert dossier.clock_started_at == at("2026-02-13 07:00")

    services.forward_dossier(
        world.receptionist, dossier, at=at("2026-02-13 08:30"), assignee=world.specialist
    )
    assert dossier.status == Status.PROCESSING
    step = dossier.current_step
    assert step is not None and step.order == 2 and step.assignee == world.specialist

    services.mark_result_ready(
        world.specialist, dossier, "Giấy khai sinh số 15/2026", at=at("2026-02-13 14:00")
    )
    assert dossier.sub_state == SubState.AWAITING_APPROVAL
    assert dossier.current_step is not None and dossier.current_step.role == "leader"

    services.approve_result(world.leader, dossier, at=at("2026-02-13 16:00"))
    assert dossier.status == Status.RESULT_READY
    assert dossier.finished_at == at("2026-02-13 16:00")

    services.return_result(world.receptionist, dossier, at=at("2026-02-23 09:00"))
    assert dossier.status == Status.RETURNED
    assert dossier.returned_at == at("2026-02-23 09:00")
    # Finished at 16:00 on the due day (returned after Tết): on time, measured at the result-ready time.
    assert classify_dossier(dossier) == Classification.ON_TIME
    assert list(dossier.events.values_list("action", flat=True)) == [
        "submit",
        "receive",
        "forward",
        "result_ready",
        "approve_result",
        "return_result",
    ]
    assert list(dossier.events.values_list("seq", flat=True)) == [1, 2, 3, 4, 5, 6]
    assert dossier.revision == 6


def test_certification_received_after_15h_finished_after_tet_is_on_time(world: World) -> None:
    dossier = services.receive_new_dossier(
        world.receptionist, world.certification, world.applicant(), at=at("2026-02-13 15:10"),
        documents=services.catalog_documents(world.certification)
    )
    assert dossier.due_at == at("2026-02-23 17:00")
    services.forward_dossier(world.receptionist, dossier, at=at("2026-02-13 15:20"))
    services.mark_result_ready(world.specialist, dossier, "Bản sao đã chứng thực", at=at("2026-02-23 10:00"))
    services.approve_result(world.leader, dossier, at=at("2026-02-23 16:30"))
    services.return_result(world.receptionist, dossier, at=at("2026-02-23 16:45"))
    assert classify_dossier(dossier) == Classification.ON_TIME


def test_land_dossier_received_at_a_commune_is_transferred_to_the_department_and_back(world: World) -> None:
    dossier = services.receive_new_dossier(
        world.receptionist, world.land, world.applicant(), at=at("2026-02-10 09:00"),
        documents=services.catalog_documents(world.land)
    )
    code = dossier.code
    services.transfer_dossier(
        world.receptionist,
        dossier,
        world.department,
        at=at("2026-02-10 11:00"),
        reason="Chuyển Sở Nông nghiệp và Môi trường giải quyết",
    )
    assert dossier.code == code
    assert dossier.status == Status.PROCESSING
    assert dossier.competent_agency == world.department
    step = dossier.current_step
    assert step is not None and step.agency == world.department and step.role == "specialist"

    services.request_payment(
        world.department_specialist,
        dossier,
        50_000,
        at=at("2026-02-11 09:00"),
        reason="Lệ phí cấp lại Giấy chứng nhận",
    )
    assert dossier.status == Status.PAYMENT_REQUESTED
    services.record_payment(world.receptionist, dossier, at=at("2026-02-11 10:00"))
    assert dossier.status == Status.PROCESSING
    assert dossier.paid_at == at("2026-02-11 10:00")

    services.mark_result_ready(
        world.department_specialist,
        dossier,
        "Giấy chứng nhận cấp lại",
        at=at("2026-02-24 10:00"),
        electronic=False,
    )
    services.approve_result(world.department_leader, dossier, at=at("2026-02-25 10:00"))
    assert dossier.status == Status.RESULT_READY
    # The desk's return step at the commune centre starts when the department approves.
    assert dossier.current_step is not None and dossier.current_step.agency == world.ward_center
    services.return_result(world.receptionist, dossier, at=at("2026-02-26 08:00"))

    handovers = list(dossier.handovers.values_list("kind", "from_agency__code", "to_agency__code"))
    assert handovers == [
        (Handover.Kind.RECEPTION, None, world.ward_center.code),
        (Handover.Kind.TRANSFER, world.ward_center.code, world.department.code),
        (Handover.Kind.STEP, world.department.code, world.department.code),
        (Handover.Kind.RESULT, world.department.code, world.ward_center.code),
    ]
    assert classify_dossier(dossier) == Classification.EARLY


def test_supplement_pauses_the_clock_and_gives_back_the_remaining_working_time(world: World) -> None:
    dossier = services.receive_new_dossier(
        world.receptionist, world.land, world.applicant(), at=at("2026-02-10 09:00"),
        documents=services.catalog_documents(world.land)
    )
    assert dossier.due_at == at("2026-03-03 09:00")
    services.transfer_dossier(world.receptionist, dossier, world.department, at=at("2026-02-10 11:00"))
    request = services.request_supplement(
        world.department_specialist,
        dossier,
        ["Bản sao Căn cước của người đề nghị", "Sơ đồ thửa đất"],
        "Thiếu giấy tờ theo quy định",
        at=at("2026-02-12 09:00"),
    )
    assert request.number == 1 and request.items == ["Bản sao Căn cước của người đề nghị", "Sơ đồ thửa đất"]
    assert dossier.status == Status.SUPPLEMENT_REQUESTED
    assert dossier.sub_state == SubState.SUPPLEMENT_WAITING_APPLICANT
    # From Thu 12 Feb 09:00 to Tue 3 Mar 09:00: 8 working days are left.
    assert dossier.remaining_at_pause == dt.timedelta(hours=64)

    services.receive_supplement(
        world.receptionist,
        dossier,
        at=at("2026-02-25 09:00"),
        documents=[services.Supplied("Sơ đồ thửa đất", originals=1)],
    )
    assert dossier.status == Status.PROCESSING
    assert dossier.supplement_count == 1
    # Wed 25 Feb 09:00 + 64 working hours = Mon 9 Mar 09:00; the receipt's appointment is unchanged.
    assert dossier.due_at == at("2026-03-09 09:00")
    assert dossier.original_due_at == at("2026-03-03 09:00")
    # 12 Feb 09:00 → 25 Feb 09:00 paused: 12, 13, 23, 24 Feb = 4 working days.
    assert dossier.paused_working == dt.timedelta(hours=32)
    assert dossier.documents.filter(supplied_in_supplement=True).count() == 1

    services.mark_result_ready(
        world.department_specialist, dossier, "Giấy chứng nhận", at=at("2026-03-04 09:00")
    )
    services.approve_result(world.department_leader, dossier, at=at("2026-03-05 09:00"))
    # Later than the first appointment, but the paused time is excluded: early.
    assert classify_dossier(dossier) == Classification.EARLY


def test_a_leaders_second_supplement_request_makes_the_dossier_late(world: World) -> None:
    dossier = services.receive_new_dossier(
        world.receptionist, world.birth, world.applicant(world.citizen), at=at("2026-03-02 08:00"),
        documents=services.catalog_documents(world.birth)
    )
    services.forward_dossier(world.receptionist, dossier, at=at("2026-03-02 08:10"))
    services.request_supplement(
        world.specialist, dossier, ["Giấy chứng sinh"], "Thiếu giấy chứng sinh", at=at("2026-03-02 09:00")
    )
    services.receive_supplement(world.citizen, dossier, at=at("2026-03-03 09:00"))
    services.request_supplement(
        world.leader,
        dossier,
        ["Bản sao giấy đăng ký kết hôn"],
        "Thiếu giấy tờ",
        at=at("2026-03-03 10:00"),
        override_reason="Phát sinh theo quy định mới",
    )
    assert dossier.supplement_count == 2
    services.receive_supplement(world.receptionist, dossier, at=at("2026-03-03 11:00"))
    services.mark_result_ready(world.specialist, dossier, "Giấy khai sinh", at=at("2026-03-03 13:30"))
    services.approve_result(world.leader, dossier, at=at("2026-03-03 14:00"))
    assert classify_dossier(dossier) == Classification.LATE


def test_apology_records_a_new_appointment_without_changing_the_due_time(world: World) -> None:
    dossier = services.receive_new_dossier(
        world.receptionist, world.birth, world.applicant(), at=at("2026-03-02 08:00"),
        documents=services.catalog_documents(world.birth)
    )
    services.forward_dossier(world.receptionist, dossier, at=at("2026-03-02 08:10"))
    due = dossier.due_at
    services.apologize(
        world.leader,
        dossier,
        "Cần xác minh thông tin với nơi sinh",
        at("2026-03-05 10:00"),
        at=at("2026-03-02 16:00"),
    )
    assert dossier.new_appointment_at == at("2026-03-05 10:00")
    assert dossier.due_at == due
    services.mark_result_ready(world.specialist, dossier, "Giấy khai sinh", at=at("2026-03-05 08:00"))
    services.approve_result(world.leader, dossier, at=at("2026-03-05 09:00"))
    # Before the new appointment, but after the legal due time: still late.
    assert classify_dossier(dossier) == Classification.LATE


def test_applicant_withdraws_while_waiting_for_the_supplement(world: World) -> None:
    dossier = services.receive_new_dossier(
        world.receptionist, world.birth, world.applicant(world.citizen), at=at("2026-03-02 08:00"),
        documents=services.catalog_documents(world.birth)
    )
    services.forward_dossier(world.receptionist, dossier, at=at("2026-03-02 08:10"))
    services.request_supplement(
        world.specialist, dossier, ["Giấy chứng sinh"], "Thiếu", at=at("2026-03-02 09:00")
    )
    services.withdraw(world.citizen, dossier, at=at("2026-03-04 09:00"), reason="Không bổ sung được")
    assert dossier.status == Status.WITHDRAWN
    assert dossier.withdrawn_at == at("2026-03-04 09:00")
    assert classify_dossier(dossier) is None


def test_leader_stops_processing_with_a_notice(world: World) -> None:
    dossier = services.receive_new_dossier(
        world.receptionist, world.birth, world.applicant(), at=at("2026-03-02 08:00"),
        documents=services.catalog_documents(world.birth)
    )
    services.forward_dossier(world.receptionist, dossier, at=at("2026-03-02 08:10"))
    services.stop_processing(
        world.leader, dossier, "Người yêu cầu đã đăng ký khai sinh ở nơi khác", at=at("2026-03-02 10:00")
    )
    assert dossier.status == Status.STOPPED
    assert dossier.stopped_at == at("2026-03-02 10:00")
    assert classify_dossier(dossier) == Classification.EARLY
