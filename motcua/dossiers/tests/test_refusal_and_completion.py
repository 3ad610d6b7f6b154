"""Refusal where the law needs one, and completion before reception (issue #11, finding 4).

A counter or postal dossier can be refused (form 03) — it gets a code and status 3, never a
clock; an online dossier can be refused, or sent back for completion, before reception:
its clock has not started and no supplement is counted.
"""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from motcua.catalog.models import ChannelKind
from motcua.desk.workspace import box_dossiers
from motcua.dossiers import services, slips
from motcua.dossiers.models import Dossier, DossierEvent, Status, SubState
from motcua.dossiers.services import DossierError, Supplied

from .conftest import World, at

PDF = b"%PDF-1.7\n%%EOF\n"


def scan(name: str = "scan.pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, PDF, "application/pdf")


@pytest.mark.parametrize("channel", [ChannelKind.COUNTER, ChannelKind.POSTAL])
def test_a_paper_dossier_is_refused_with_a_code_and_a_refusal_slip(world: World, channel: str) -> None:
    form = world.birth.requirements.get(name="Tờ khai đăng ký khai sinh")
    dossier = services.refuse_new_dossier(
        world.receptionist,
        world.birth,
        world.applicant(),
        "Người nộp không mang giấy chứng sinh",
        channel=channel,
        at=at("2026-03-02 08:00"),
        request="Khai sinh cho con",
        documents=[Supplied(form.name, originals=1, requirement_id=form.pk)],
    )
    dossier.refresh_from_db()
    assert dossier.status == Status.REFUSED and dossier.channel == channel
    assert dossier.code.startswith(world.ward_center.code)
    assert dossier.received_at is None and dossier.due_at is None
    assert dossier.refused_at == at("2026-03-02 08:00")
    event = DossierEvent.objects.get(dossier=dossier)
    assert (event.action, event.to_status, event.reason) == (
        "refuse",
        Status.REFUSED,
        "Người nộp không mang giấy chứng sinh",
    )
    assert slips.is_available(dossier, "refusal") and not slips.is_available(dossier, "receipt")
    assert slips.refusal_pdf(dossier).startswith(b"%PDF")


def test_a_paper_refusal_needs_a_reason_and_a_receptionist(world: World) -> None:
    with pytest.raises(DossierError) as no_reason:
        services.refuse_new_dossier(world.receptionist, world.birth, world.applicant(), "  ")
    with pytest.raises(DossierError) as not_desk:
        services.refuse_new_dossier(world.specialist, world.birth, world.applicant(), "Sai thủ tục")
    assert (no_reason.value.code, not_desk.value.code) == ("reason_required", "forbidden_role")
    assert not Dossier.objects.exists()


@pytest.fixture
def submitted(world: World) -> Dossier:
    files = [(r.pk, scan()) for r in world.birth.requirements.all()]
    return services.submit_online(
        world.citizen,
        world.birth,
        world.applicant(world.citizen),
        world.ward_center,
        at=at("2026-03-02 07:00"),
        files=files,
    )


def test_an_online_dossier_is_refused_before_reception_without_a_clock(
    world: World, submitted: Dossier
) -> None:
    services.refuse_dossier(
        world.receptionist, submitted, "Không thuộc thẩm quyền", at=at("2026-03-02 08:00")
    )
    submitted.refresh_from_db()
    assert submitted.status == Status.REFUSED
    assert submitted.received_at is None and submitted.due_at is None
    assert slips.is_available(submitted, "refusal")


def test_an_online_dossier_sent_back_for_completion_waits_for_the_citizen_without_a_clock(
    world: World, submitted: Dossier
) -> None:
    services.request_completion(
        world.receptionist,
        submitted,
        ["Giấy chứng sinh (bản rõ nét)"],
        "Bản chụp không đọc được",
        at=at("2026-03-02 08:00"),
    )
    submitted.refresh_from_db()
    assert submitted.status == Status.SUBMITTED
    assert submitted.sub_state == SubState.COMPLETION_WAITING_APPLICANT
    assert submitted.received_at is None and submitted.due_at is None
    assert submitted.supplement_count == 0 and not submitted.supplement_requests.exists()
    event = DossierEvent.objects.get(dossier=submitted, action="request_completion")
    assert event.data["items"] == ["Giấy chứng sinh (bản rõ nét)"]
    # It waits for the citizen: not in the desk's "to receive" box, and it cannot be received.
    assert submitted not in list(box_dossiers(world.receptionist, "to_receive"))
    with pytest.raises(DossierError) as caught:
        services.receive_dossier(world.receptionist, submitted, at=at("2026-03-02 09:00"))
    assert caught.value.code == "invalid_transition"


def test_the_citizen_completes_and_the_desk_then_receives(world: World, submitted: Dossier) -> None:
    services.request_completion(
        world.receptionist, submitted, ["Giấy chứng sinh"], "Mờ", at=at("2026-03-02 08:00")
    )
    birth_certificate = world.birth.requirements.get(name="Giấy chứng sinh")
    with pytest.raises(DossierError) as stranger:
        services.complete_submission(world.other_citizen, submitted, files=[(birth_certificate.pk, scan())])
    assert stranger.value.code == "forbidden_role"
    services.complete_submission(
        world.citizen, submitted, at=at("2026-03-03 10:00"), files=[(birth_certificate.pk, scan("ro.pdf"))]
    )
    submitted.refresh_from_db()
    assert submitted.sub_state == SubState.NONE and submitted.status == Status.SUBMITTED
    document = submitted.documents.get(requirement=birth_certificate)
    assert "ro.pdf" in [f.original_name for f in document.files.all()]
    assert submitted in list(box_dossiers(world.receptionist, "to_receive"))
    services.receive_dossier(world.receptionist, submitted, at=at("2026-03-03 11:00"))
    assert submitted.received_at == at("2026-03-03 11:00")


def test_completion_is_asked_only_before_reception(world: World, submitted: Dossier) -> None:
    services.receive_dossier(world.receptionist, submitted, at=at("2026-03-02 08:00"))
    with pytest.raises(DossierError) as caught:
        services.request_completion(world.receptionist, submitted, ["Giấy chứng sinh"], "Mờ")
    assert caught.value.code == "invalid_transition"


def test_after_completion_the_clock_counts_from_the_complete_submission(
    world: World, submitted: Dossier
) -> None:
    services.request_completion(
        world.receptionist, submitted, ["Giấy chứng sinh"], "Mờ", at=at("2026-03-02 08:00")
    )
    birth_certificate = world.birth.requirements.get(name="Giấy chứng sinh")
    services.complete_submission(
        world.citizen, submitted, at=at("2026-03-04 10:00"), files=[(birth_certificate.pk, scan())]
    )
    services.receive_dossier(world.receptionist, submitted, at=at("2026-03-04 11:00"))
    submitted.refresh_from_db()
    assert submitted.clock_started_at == at("2026-03-04 10:00")


def test_a_dossier_waiting_for_the_citizen_is_not_late_at_the_centre(
    world: World, submitted: Dossier
) -> None:
    from motcua.dossiers import deadlines

    services.request_completion(
        world.receptionist, submitted, ["Giấy chứng sinh"], "Mờ", at=at("2026-03-02 08:00")
    )
    later = deadlines.Thresholds.at(at("2026-03-20 08:00"))
    assert deadlines.state_of(submitted, later) == "ok"
    assert not Dossier.objects.filter(deadlines.condition("overdue", later)).exists()
