"""Slips as the forms require: form numbers, what was handed in, the handler of every step."""

from __future__ import annotations

import pytest

from motcua.dossiers import services, slips
from motcua.dossiers.models import Dossier, ResultDelivery
from motcua.dossiers.services import Supplied

from .conftest import World, at
from .test_slips import pdf_text


def _received(world: World, **kwargs: object) -> Dossier:
    return services.receive_new_dossier(
        world.receptionist, world.birth, world.applicant(),
        at=at("2026-03-02 08:00"), **kwargs,  # type: ignore[arg-type]
    )


def _finished(world: World) -> Dossier:
    """Received, checked by the specialist, approved by the leader, returned to the applicant."""
    dossier = _received(world)
    services.forward_dossier(
        world.receptionist, dossier, assignee=world.specialist, at=at("2026-03-02 08:30")
    )
    services.mark_result_ready(world.specialist, dossier, "Giấy khai sinh", at=at("2026-03-02 10:00"))
    services.approve_result(world.leader, dossier, at=at("2026-03-02 14:00"))
    services.return_result(world.receptionist, dossier, at=at("2026-03-02 15:00"))
    return dossier


def test_every_slip_prints_its_form_number(world: World) -> None:
    dossier = _received(world)
    services.forward_dossier(world.receptionist, dossier, at=at("2026-03-02 08:30"))
    services.request_supplement(
        world.specialist, dossier, ["Giấy chứng sinh"], "Mờ", at=at("2026-03-02 09:00")
    )
    services.receive_supplement(world.receptionist, dossier, at=at("2026-03-02 10:00"))
    services.apologize(
        world.leader, dossier, "Chờ xác minh", at("2026-03-05 10:00"), at=at("2026-03-02 11:00")
    )
    for render, number in [
        (slips.receipt_pdf, "01"),
        (slips.supplement_pdf, "02"),
        (slips.apology_pdf, "04"),
        (slips.control_slip_pdf, "05"),
    ]:
        text, _ = pdf_text(render(dossier))
        assert f"Mẫu số {number}" in text, render.__name__
    online = services.submit_online(
        world.citizen, world.birth, world.applicant(user=world.citizen), world.ward_center,
        at=at("2026-03-02 08:00"), documents=services.catalog_documents(world.birth),
    )
    services.refuse_dossier(world.receptionist, online, "Sai thủ tục", at=at("2026-03-02 09:00"))
    text, _ = pdf_text(slips.refusal_pdf(online))
    assert "Mẫu số 03" in text


def test_the_receipt_lists_only_the_papers_handed_in(world: World) -> None:
    dossier = _received(world, documents=[
        Supplied("Tờ khai đăng ký khai sinh", originals=1),
        Supplied("Giấy chứng nhận kết hôn của cha mẹ", originals=0, certified_copies=0, photocopies=0),
    ])
    text, reader = pdf_text(slips.receipt_pdf(dossier))
    assert "Tờ khai đăng ký khai sinh" in text
    assert "Giấy chứng nhận kết hôn của cha mẹ" not in text
    assert len(reader.pages) == 1


def test_the_receipt_prints_the_request_the_result_delivery_and_the_contact_phone(world: World) -> None:
    dossier = _received(world, request="Đăng ký khai sinh cho con thứ hai, sinh ngày 01/02/2026")
    text, _ = pdf_text(slips.receipt_pdf(dossier))
    assert "Đăng ký khai sinh cho con thứ hai, sinh ngày 01/02/2026" in text
    assert "Tại Trung tâm Phục vụ hành chính công phường Đông Kinh" in text
    assert "0205 3812 345" in text  # the receiving centre's phone

    Dossier.objects.filter(pk=dossier.pk).update(result_delivery=ResultDelivery.POST)
    dossier.refresh_from_db()
    text, _ = pdf_text(slips.receipt_pdf(dossier))
    assert "Qua dịch vụ bưu chính công ích" in text
    assert "Số 12, đường Lê Lợi" in text  # posted to the applicant's address


def test_the_supplement_slip_prints_a_real_phone_never_an_ellipsis(world: World) -> None:
    dossier = _received(world)
    services.forward_dossier(world.receptionist, dossier, at=at("2026-03-02 08:30"))
    services.request_supplement(
        world.specialist, dossier, ["Giấy chứng sinh"], "Mờ", at=at("2026-03-02 09:00")
    )
    text, _ = pdf_text(slips.supplement_pdf(dossier))
    assert "điện thoại 0205 3812 345" in text
    world.ward_center.phone = ""
    world.ward_center.save(update_fields=["phone"])
    dossier = Dossier.objects.get(pk=dossier.pk)
    text, _ = pdf_text(slips.supplement_pdf(dossier))
    assert "…" not in text and "..." not in text
    assert "Mọi thắc mắc xin liên hệ: Trung tâm Phục vụ hành chính công phường Đông Kinh." in text


def test_the_control_slip_names_the_handler_of_every_step_and_ends_with_the_return(world: World) -> None:
    dossier = _finished(world)
    rows = slips.control_rows(dossier)
    assert [r["giver"] for r in rows] == [
        "Nguyễn Thị Hồng Nhung",  # the applicant hands the dossier in
        "Hoàng Văn Tiếp",  # the desk hands it to the specialist
        "Lý Thị Thẩm",  # the specialist submits the result to the leader
        "Vi Văn Duyệt",  # the leader sends the signed result back to the desk
        "Hoàng Văn Tiếp",  # the desk hands the result to the applicant
    ]
    assert all(r["receiver"] for r in rows), rows
    assert rows[1]["receiver"] == "Lý Thị Thẩm" and rows[2]["receiver"] == "Vi Văn Duyệt"
    assert rows[-1]["kind"] == "return" and rows[-1]["receiver"] == "Nguyễn Thị Hồng Nhung"
    text, _ = pdf_text(slips.control_slip_pdf(dossier))
    assert "Trả kết quả cho tổ chức, cá nhân" in text
    assert "15:00 ngày 02/03/2026" in text
    for name in ("Hoàng Văn Tiếp", "Lý Thị Thẩm", "Vi Văn Duyệt"):
        assert name in text


def test_the_control_slip_of_an_open_dossier_keeps_the_return_row_blank(world: World) -> None:
    dossier = _received(world)
    rows = slips.control_rows(dossier)
    assert rows[-1]["kind"] == "return"
    assert rows[-1]["at"] is None and rows[-1]["giver"] == "" and rows[-1]["receiver"] == ""


@pytest.mark.parametrize("language", ["en"])
def test_form_numbers_are_translated(world: World, language: str) -> None:
    dossier = _received(world)
    dossier.applicant.language = language
    dossier.applicant.save(update_fields=["language"])
    text, _ = pdf_text(slips.receipt_pdf(Dossier.objects.get(pk=dossier.pk)))
    assert "Form No. 01" in text


def test_a_paper_quoted_at_length_from_the_catalog_flows_onto_the_next_page(world: World) -> None:
    long_name = "Giấy tờ chứng minh nơi cư trú trong trường hợp không khai thác được dữ liệu dân cư. " * 120
    dossier = _received(world, documents=[Supplied(long_name.strip(), originals=1)])
    text, reader = pdf_text(slips.receipt_pdf(dossier))  # a cell taller than A5 used to fail the slip
    assert len(reader.pages) >= 2
    assert "Mẫu số 01" in text and "Thời gian trả kết quả giải quyết hồ sơ" in text
