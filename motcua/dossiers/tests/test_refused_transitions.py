"""Every refused transition raises its own error code, with a message, and changes nothing."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.forms.models import model_to_dict

from motcua.dossiers import services
from motcua.dossiers.models import Dossier, DossierEvent, DossierStep, Handover, SupplementRequest
from motcua.dossiers.services import DossierError

from .conftest import World, at


def _snapshot(dossier: Dossier) -> dict[str, Any]:
    fresh = Dossier.objects.get(pk=dossier.pk)
    return {
        "dossier": model_to_dict(fresh, exclude=["result_file"]),
        "events": DossierEvent.objects.count(),
        "steps": list(DossierStep.objects.filter(dossier=dossier).values()),
        "handovers": Handover.objects.count(),
        "supplements": SupplementRequest.objects.count(),
    }


def assert_refused(dossier: Dossier, code: str, call: Callable[[], object]) -> DossierError:
    before = _snapshot(dossier)
    with pytest.raises(DossierError) as caught:
        call()
    assert caught.value.code == code
    assert caught.value.message.strip()
    assert _snapshot(dossier) == before
    return caught.value


@pytest.fixture
def received(world: World) -> Dossier:
    return services.receive_new_dossier(
        world.receptionist, world.birth, world.applicant(world.citizen), at=at("2026-03-02 08:00"),
        documents=services.catalog_documents(world.birth)
    )


@pytest.fixture
def processing(world: World, received: Dossier) -> Dossier:
    return services.forward_dossier(world.receptionist, received, at=at("2026-03-02 08:30"))


def test_returning_a_result_that_is_not_ready_is_an_invalid_transition(
    world: World, processing: Dossier
) -> None:
    error = assert_refused(
        processing,
        "invalid_transition",
        lambda: services.return_result(world.receptionist, processing, at=at("2026-03-02 09:00")),
    )
    assert processing.code in error.message


def test_receiving_an_already_received_dossier_is_an_invalid_transition(
    world: World, received: Dossier
) -> None:
    assert_refused(
        received,
        "invalid_transition",
        lambda: services.receive_dossier(world.receptionist, received, at=at("2026-03-02 09:00")),
    )


def test_answering_a_supplement_that_was_not_requested_is_refused(world: World, processing: Dossier) -> None:
    assert_refused(
        processing,
        "invalid_transition",
        lambda: services.receive_supplement(world.citizen, processing, at=at("2026-03-02 09:00")),
    )


def test_recording_a_payment_that_was_not_requested_is_refused(world: World, processing: Dossier) -> None:
    assert_refused(
        processing,
        "invalid_transition",
        lambda: services.record_payment(world.receptionist, processing, at=at("2026-03-02 09:00")),
    )


def test_a_specialist_cannot_approve_the_result(world: World, processing: Dossier) -> None:
    services.mark_result_ready(world.specialist, processing, "Giấy khai sinh", at=at("2026-03-02 10:00"))
    assert_refused(
        processing,
        "forbidden_role",
        lambda: services.approve_result(world.specialist, processing, at=at("2026-03-02 11:00")),
    )


def test_an_officer_of_another_commune_cannot_forward(world: World, received: Dossier) -> None:
    assert_refused(
        received,
        "forbidden_role",
        lambda: services.forward_dossier(world.other_receptionist, received, at=at("2026-03-02 09:00")),
    )


def test_another_citizen_cannot_withdraw_the_dossier(world: World, processing: Dossier) -> None:
    assert_refused(
        processing,
        "forbidden_role",
        lambda: services.withdraw(world.other_citizen, processing, at=at("2026-03-02 09:00")),
    )


def test_a_department_leader_cannot_stop_a_communes_dossier(world: World, processing: Dossier) -> None:
    assert_refused(
        processing,
        "forbidden_role",
        lambda: services.stop_processing(
            world.department_leader, processing, "Không thuộc thẩm quyền", at=at("2026-03-02 09:00")
        ),
    )


def test_a_citizen_cannot_refuse_an_online_dossier(world: World) -> None:
    dossier = services.submit_online(
        world.citizen, world.birth, world.applicant(), world.ward_center, at=at("2026-03-02 08:00"),
        documents=services.catalog_documents(world.birth)
    )
    assert_refused(
        dossier,
        "forbidden_role",
        lambda: services.refuse_dossier(world.citizen, dossier, "Không", at=at("2026-03-02 09:00")),
    )


def test_second_supplement_request_is_refused(world: World, processing: Dossier) -> None:
    services.request_supplement(
        world.specialist, processing, ["Giấy chứng sinh"], "Thiếu", at=at("2026-03-02 09:00")
    )
    services.receive_supplement(world.citizen, processing, at=at("2026-03-02 10:00"))
    error = assert_refused(
        processing,
        "supplement_already_requested",
        lambda: services.request_supplement(
            world.specialist, processing, ["Tờ khai"], "Thiếu", at=at("2026-03-02 11:00")
        ),
    )
    assert "một lần" in error.message


def test_a_leaders_second_request_needs_a_reason(world: World, processing: Dossier) -> None:
    services.request_supplement(
        world.specialist, processing, ["Giấy chứng sinh"], "Thiếu", at=at("2026-03-02 09:00")
    )
    services.receive_supplement(world.citizen, processing, at=at("2026-03-02 10:00"))
    assert_refused(
        processing,
        "reason_required",
        lambda: services.request_supplement(
            world.leader, processing, ["Tờ khai"], "Thiếu", at=at("2026-03-02 11:00")
        ),
    )


def test_a_supplement_request_must_list_what_is_missing(world: World, processing: Dossier) -> None:
    assert_refused(
        processing,
        "items_required",
        lambda: services.request_supplement(
            world.specialist, processing, ["  "], "Thiếu", at=at("2026-03-02 09:00")
        ),
    )


def test_stopping_without_a_reason_is_refused(world: World, processing: Dossier) -> None:
    assert_refused(
        processing,
        "reason_required",
        lambda: services.stop_processing(world.leader, processing, "", at=at("2026-03-02 09:00")),
    )


def test_an_apology_without_a_reason_is_refused(world: World, processing: Dossier) -> None:
    assert_refused(
        processing,
        "reason_required",
        lambda: services.apologize(
            world.leader, processing, " ", at("2026-03-10 09:00"), at=at("2026-03-02 09:00")
        ),
    )


def test_a_new_appointment_before_the_due_time_is_refused(world: World, processing: Dossier) -> None:
    assert_refused(
        processing,
        "invalid_appointment",
        lambda: services.apologize(
            world.leader, processing, "Chậm xác minh", at("2026-03-02 10:00"), at=at("2026-03-02 09:00")
        ),
    )


def test_acting_on_a_stale_copy_is_already_handled(world: World, received: Dossier) -> None:
    stale = Dossier.objects.get(pk=received.pk)
    services.forward_dossier(world.receptionist, received, at=at("2026-03-02 08:30"))
    assert_refused(
        received,
        "already_handled",
        lambda: services.forward_dossier(world.receptionist, stale, at=at("2026-03-02 08:31")),
    )


def test_an_unknown_dossier_is_not_found(world: World, received: Dossier) -> None:
    ghost = Dossier.objects.get(pk=received.pk)
    ghost.pk = 999_999
    with pytest.raises(DossierError) as caught:
        services.forward_dossier(world.receptionist, ghost, at=at("2026-03-02 08:30"))
    assert caught.value.code == "not_found"


def test_the_last_step_cannot_be_forwarded(world: World, processing: Dossier) -> None:
    # A process whose last step is the specialist's (no approval step after it).
    assert processing.current_step is not None
    processing.steps.filter(order__gt=processing.current_step.order).delete()
    assert_refused(
        processing,
        "no_next_step",
        lambda: services.forward_dossier(world.specialist, processing, at=at("2026-03-02 10:00")),
    )


def test_the_approval_step_is_reached_by_submitting_the_result_not_by_forwarding(
    world: World, processing: Dossier
) -> None:
    assert_refused(
        processing,
        "result_first",
        lambda: services.forward_dossier(world.specialist, processing, at=at("2026-03-02 09:00")),
    )


def test_messages_are_translated(world: World, processing: Dossier) -> None:
    from django.utils import translation

    with translation.override("vi"), pytest.raises(DossierError) as caught:
        services.return_result(world.receptionist, processing, at=at("2026-03-02 09:00"))
    assert "Đang xử lý" in caught.value.message
