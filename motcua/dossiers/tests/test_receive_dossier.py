"""Reception: codes, due times from the version's time limit across Tết 2026, steps, events."""

from __future__ import annotations

import pytest

from motcua.catalog.models import ChannelKind
from motcua.dossiers import services
from motcua.dossiers.models import Applicant, Dossier, DossierEvent, Handover, Status
from motcua.dossiers.services import DossierError

from .conftest import World, at


def test_counter_dossier_gets_code_due_time_across_tet_and_steps(world: World) -> None:
    dossier = services.receive_new_dossier(
        world.receptionist, world.birth, world.applicant(), at=at("2026-02-13 10:00"),
        documents=services.catalog_documents(world.birth)
    )

    assert dossier.code == "000.02.30.H37-260213-0001"
    assert dossier.status == Status.RECEIVED
    assert dossier.channel == ChannelKind.COUNTER
    assert dossier.competent_agency == world.ward_committee
    # 1 working day from Friday 13 Feb 10:00; Tết holidays run 16–20 Feb.
    assert dossier.due_at == at("2026-02-23 10:00")
    assert dossier.original_due_at == dossier.due_at
    steps = list(dossier.steps.order_by("order"))
    assert [(s.order, s.role, s.agency_id) for s in steps] == [
        (1, "receptionist", world.ward_center.pk),
        (2, "specialist", world.ward_committee.pk),
        (3, "leader", world.ward_committee.pk),
    ]
    assert steps[0].started_at == at("2026-02-13 10:00")
    assert steps[0].due_at == at("2026-02-13 11:00")
    assert steps[1].due_at == at("2026-02-23 08:00")  # 4 h on Friday, 1 h after Tết
    assert dossier.current_step_id == steps[0].pk
    assert [d.name for d in dossier.documents.all()] == ["Tờ khai đăng ký khai sinh", "Giấy chứng sinh"]
    event = DossierEvent.objects.get(dossier=dossier)
    assert (event.action, event.from_status, event.to_status, event.actor) == (
        "receive",
        None,
        Status.RECEIVED,
        world.receptionist,
    )
    assert event.data["due_at"] == "2026-02-23T10:00:00+07:00"
    assert Handover.objects.filter(dossier=dossier, kind=Handover.Kind.RECEPTION).count() == 1


def test_sequence_is_per_agency_and_per_local_day(world: World) -> None:
    first = services.receive_new_dossier(
        world.receptionist, world.birth, world.applicant(), at=at("2026-03-02 08:00"),
        documents=services.catalog_documents(world.birth)
    )
    second = services.receive_new_dossier(
        world.receptionist, world.birth, world.applicant(), at=at("2026-03-02 16:59"),
        documents=services.catalog_documents(world.birth)
    )
    other = services.receive_new_dossier(
        world.other_receptionist, world.birth, world.applicant(), at=at("2026-03-02 09:00"),
        documents=services.catalog_documents(world.birth)
    )
    # 00:30 local on 3 March is still 2 March in UTC: the day is the local one.
    next_day = services.receive_new_dossier(
        world.receptionist, world.birth, world.applicant(), at=at("2026-03-03 00:30"),
        documents=services.catalog_documents(world.birth)
    )
    assert [first.code, second.code, other.code, next_day.code] == [
        "000.02.30.H37-260302-0001",
        "000.02.30.H37-260302-0002",
        "000.02.31.H37-260302-0001",
        "000.02.30.H37-260303-0001",
    ]


def test_online_dossier_is_submitted_then_received_by_the_centre(world: World) -> None:
    dossier = services.submit_online(
        world.citizen, world.birth, world.applicant(), world.ward_center, at=at("2026-02-14 21:00"),
        documents=services.catalog_documents(world.birth)
    )
    assert dossier.status == Status.SUBMITTED
    assert dossier.code == "000.02.30.H37-260214-0001"
    assert dossier.applicant.user == world.citizen
    assert dossier.due_at is None

    services.receive_dossier(world.receptionist, dossier, at=at("2026-02-23 07:30"))
    dossier.refresh_from_db()
    assert dossier.status == Status.RECEIVED
    assert dossier.channel == ChannelKind.ONLINE
    # Submitted on a Saturday before Tết: the clock starts at the next working start, Monday
    # 23 Feb 07:00, whenever the centre accepts it; 1 working day ends that day at 17:00.
    assert dossier.due_at == at("2026-02-23 17:00")
    assert list(dossier.events.values_list("action", "from_status", "to_status")) == [
        ("submit", None, 1),
        ("receive", 1, 2),
    ]


def test_a_procedure_not_offered_online_refuses_online_submission(world: World) -> None:
    before = (Dossier.objects.count(), DossierEvent.objects.count(), Applicant.objects.count())
    with pytest.raises(DossierError) as refused:
        services.submit_online(
            world.citizen, world.certification, world.applicant(), world.ward_center,
            at=at("2026-02-13 09:00"), documents=services.catalog_documents(world.certification),
        )
    assert refused.value.code == "not_offered_online"
    assert "2.000815" in refused.value.message
    assert (Dossier.objects.count(), DossierEvent.objects.count(), Applicant.objects.count()) == before


def test_certification_received_before_15h_is_due_the_same_day(world: World) -> None:
    dossier = services.receive_new_dossier(
        world.receptionist, world.certification, world.applicant(), at=at("2026-02-13 14:30"),
        documents=services.catalog_documents(world.certification)
    )
    assert dossier.due_at == at("2026-02-13 17:00")
    assert dossier.competent_agency == world.ward_committee


def test_certification_received_after_15h_is_due_the_next_working_day_after_tet(world: World) -> None:
    dossier = services.receive_new_dossier(
        world.receptionist, world.certification, world.applicant(), at=at("2026-02-13 15:30"),
        documents=services.catalog_documents(world.certification)
    )
    assert dossier.due_at == at("2026-02-23 17:00")
    # No process template in the catalog: the catalog's default desk → specialist → leader → desk.
    steps = list(dossier.steps.values_list("role", "agency"))
    assert steps == [
        ("receptionist", world.ward_center.pk),
        ("specialist", world.ward_committee.pk),
        ("leader", world.ward_committee.pk),
        ("receptionist", world.ward_center.pk),
    ]


def test_province_level_land_procedure_is_routed_to_the_department(world: World) -> None:
    dossier = services.receive_new_dossier(
        world.receptionist, world.land, world.applicant(), at=at("2026-02-10 09:00"),
        documents=services.catalog_documents(world.land)
    )
    assert dossier.receiving_agency == world.ward_center
    assert dossier.competent_agency == world.department
    # 10 working days from Tue 10 Feb 09:00: 10–13 Feb (4), Tết off, 23 Feb – 2 Mar (6).
    assert dossier.due_at == at("2026-03-03 09:00")


def test_only_a_receptionist_of_a_centre_receives_at_the_counter(world: World) -> None:
    for actor in (world.specialist, world.citizen, None):
        with pytest.raises(DossierError) as caught:
            services.receive_new_dossier(actor, world.birth, world.applicant(), at=at("2026-03-02 08:00"),
                documents=services.catalog_documents(world.birth))
        assert caught.value.code == "forbidden_role"
    assert Dossier.objects.count() == 0


def test_another_communes_receptionist_cannot_receive_an_online_dossier(world: World) -> None:
    dossier = services.submit_online(
        world.citizen, world.birth, world.applicant(), world.ward_center, at=at("2026-03-02 08:00"),
        documents=services.catalog_documents(world.birth)
    )
    with pytest.raises(DossierError) as caught:
        services.receive_dossier(world.other_receptionist, dossier, at=at("2026-03-02 09:00"))
    assert caught.value.code == "forbidden_role"
    dossier.refresh_from_db()
    assert dossier.status == Status.SUBMITTED
    assert dossier.events.count() == 1


def test_refusal_needs_a_reason_and_records_it(world: World) -> None:
    dossier = services.submit_online(
        world.citizen, world.birth, world.applicant(), world.ward_center, at=at("2026-03-02 08:00"),
        documents=services.catalog_documents(world.birth)
    )
    with pytest.raises(DossierError) as caught:
        services.refuse_dossier(world.receptionist, dossier, "  ", at=at("2026-03-02 09:00"))
    assert caught.value.code == "reason_required"
    assert dossier.events.count() == 1

    services.refuse_dossier(
        world.receptionist, dossier, "Giấy chứng sinh không hợp lệ", at=at("2026-03-02 09:00")
    )
    assert dossier.status == Status.REFUSED
    assert dossier.refused_at == at("2026-03-02 09:00")
    assert dossier.events.last().reason == "Giấy chứng sinh không hợp lệ"  # type: ignore[union-attr]
