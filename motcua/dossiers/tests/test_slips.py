"""Slips render Vietnamese text that a PDF text extractor reads back."""

from __future__ import annotations

import io
import unicodedata
from collections.abc import Callable
from pathlib import Path

import pytest
from django.core.management import call_command
from django.utils import translation
from openpyxl import load_workbook
from pypdf import PdfReader

from motcua.core.cli import BadInput
from motcua.dossiers import services, slips
from motcua.dossiers.models import Dossier

from .conftest import World, at


def pdf_text(data: bytes) -> tuple[str, PdfReader]:
    reader = PdfReader(io.BytesIO(data))
    text = "\n".join(page.extract_text() for page in reader.pages)
    # Table cells wrap lines: compare with white space collapsed.
    return " ".join(unicodedata.normalize("NFC", text).split()), reader


def _received(world: World) -> Dossier:
    return services.receive_new_dossier(
        world.receptionist, world.birth, world.applicant(), at=at("2026-02-13 10:05"),
        documents=services.catalog_documents(world.birth)
    )


def test_receipt_slip_is_a5_with_vietnamese_text_code_and_due_time(world: World) -> None:
    dossier = _received(world)
    text, reader = pdf_text(slips.receipt_pdf(dossier))
    assert "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ" in text
    assert "Nguyễn Thị Hồng Nhung" in text
    assert dossier.code in text
    assert "10:05 ngày 23/02/2026" in text  # due time to the minute, after Tết
    assert "10:05 ngày 13/02/2026" in text
    assert "Giấy chứng sinh" in text
    assert "1 ngày làm việc" in text
    width, height = float(reader.pages[0].mediabox.width), float(reader.pages[0].mediabox.height)
    assert (round(width), round(height)) == (420, 595)  # A5 in points
    # The QR codes are on the page, with the public lookup and the rating addresses next to them.
    assert "/tra-cuu/?code=" in text.replace(" ", "")
    assert "/centre/danh-gia/" in text.replace(" ", "").replace("\n", "")
    assert len(reader.pages[0].images) == 2


def test_supplement_refusal_apology_stop_and_control_slips(world: World) -> None:
    dossier = _received(world)
    services.forward_dossier(world.receptionist, dossier, at=at("2026-02-13 10:30"))
    services.request_supplement(
        world.specialist,
        dossier,
        ["Bản sao giấy đăng ký kết hôn của cha mẹ"],
        "Thiếu giấy tờ chứng minh quan hệ",
        at=at("2026-02-13 14:00"),
    )
    text, _ = pdf_text(slips.supplement_pdf(dossier))
    assert "PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ" in text
    assert "Bản sao giấy đăng ký kết hôn của cha mẹ" in text

    services.receive_supplement(world.receptionist, dossier, at=at("2026-02-23 08:00"))
    services.apologize(
        world.leader, dossier, "Cần xác minh với bệnh viện", at("2026-02-26 16:00"), at=at("2026-02-23 09:00")
    )
    text, _ = pdf_text(slips.apology_pdf(dossier))
    assert "PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ" in text
    assert "16:00 ngày 26/02/2026" in text
    assert "Cần xác minh với bệnh viện" in text

    services.stop_processing(world.leader, dossier, "Trùng hồ sơ đã giải quyết", at=at("2026-02-23 10:00"))
    text, _ = pdf_text(slips.stop_notice_pdf(dossier))
    assert "THÔNG BÁO DỪNG GIẢI QUYẾT HỒ SƠ" in text and "Trùng hồ sơ đã giải quyết" in text

    text, _ = pdf_text(slips.control_slip_pdf(dossier))
    assert "PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ" in text
    assert "10:30 ngày 13/02/2026" in text
    assert "Đúng hạn" in text  # the desk handed over before its step's 11:05 due time, the same day


def test_refusal_slip_carries_the_reason(world: World) -> None:
    dossier = services.submit_online(
        world.citizen, world.birth, world.applicant(), world.ward_center, at=at("2026-03-02 08:00"),
        documents=services.catalog_documents(world.birth)
    )
    services.refuse_dossier(
        world.receptionist, dossier, "Hồ sơ không thuộc thẩm quyền", at=at("2026-03-02 09:00")
    )
    text, _ = pdf_text(slips.refusal_pdf(dossier))
    assert "PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ" in text
    assert "Hồ sơ không thuộc thẩm quyền" in text


def test_control_slip_marks_a_late_hand_over(world: World) -> None:
    dossier = services.receive_new_dossier(
        world.receptionist, world.land, world.applicant(), at=at("2026-02-10 09:00"),
        documents=services.catalog_documents(world.land)
    )
    # The desk had 4 working hours (until 15:00); it transfers the next morning.
    services.transfer_dossier(world.receptionist, dossier, world.department, at=at("2026-02-11 09:00"))
    rows = slips.control_rows(dossier)
    assert [r["classification"] for r in rows] == [None, "late", None]  # the return row: not yet


def test_tracking_book_lists_the_period_of_an_agency(world: World) -> None:
    dossier = _received(world)
    services.receive_new_dossier(
        world.other_receptionist, world.birth, world.applicant(), at=at("2026-02-13 10:00"),
        documents=services.catalog_documents(world.birth)
    )
    book = load_workbook(
        io.BytesIO(
            slips.tracking_book_xlsx(
                world.ward_center, at("2026-02-01 00:00").date(), at("2026-02-28 00:00").date()
            )
        )
    )
    sheet = book.active
    assert sheet is not None
    values = [[c.value for c in row] for row in sheet.iter_rows()]
    assert values[0][0] == "SỔ THEO DÕI HỒ SƠ"
    assert [row[1] for row in values[3:]] == [dossier.code]
    assert values[3][3] == "Nguyễn Thị Hồng Nhung"
    assert sheet.page_setup.orientation == "landscape"


def test_no_receipt_nor_control_slip_before_the_dossier_is_received(world: World) -> None:
    dossier = services.submit_online(
        world.citizen, world.birth, world.applicant(), world.ward_center, at=at("2026-03-02 07:00"),
        documents=services.catalog_documents(world.birth)
    )
    for render in (slips.receipt_pdf, slips.control_slip_pdf):
        with pytest.raises(slips.SlipNotAvailable) as caught:
            render(dossier)
        assert dossier.code in str(caught.value) and "chưa được tiếp nhận" in str(caught.value)
    assert not slips.is_available(dossier, "receipt")
    services.receive_dossier(world.receptionist, dossier, at=at("2026-03-02 08:00"))
    assert slips.is_available(dossier, "receipt")
    text, _ = pdf_text(slips.receipt_pdf(dossier))
    assert "08:00 ngày 02/03/2026" in text


@pytest.mark.parametrize(
    ("render", "expected"),
    [
        (slips.supplement_pdf, "chưa có yêu cầu bổ sung"),
        (slips.refusal_pdf, "không bị từ chối tiếp nhận"),
        (slips.apology_pdf, "chưa có phiếu xin lỗi"),
        (slips.stop_notice_pdf, "không bị dừng xử lý"),
    ],
)
def test_a_slip_for_an_act_that_did_not_happen_is_refused_with_a_clear_error(
    world: World, render: Callable[[Dossier], bytes], expected: str
) -> None:
    dossier = _received(world)
    with pytest.raises(slips.SlipNotAvailable) as caught:
        render(dossier)
    assert expected in str(caught.value)


def test_the_slip_command_refuses_a_receipt_for_an_unreceived_dossier(world: World, tmp_path: Path) -> None:
    dossier = services.submit_online(
        world.citizen, world.birth, world.applicant(), world.ward_center, at=at("2026-03-02 07:00"),
        documents=services.catalog_documents(world.birth)
    )
    output = tmp_path / "slip.pdf"
    with pytest.raises(BadInput) as caught:
        call_command("dossiers", "slip", dossier.code, "--form", "receipt", "--output", str(output))
    assert "chưa được tiếp nhận" in str(caught.value)
    assert not output.exists()


def _english_receipt(world: World) -> Dossier:
    with translation.override("en"):
        dossier = services.submit_online(
            world.citizen, world.birth, world.applicant(), world.ward_center, at=at("2026-03-02 07:00"),
            documents=services.catalog_documents(world.birth)
        )
    services.receive_dossier(world.receptionist, dossier, at=at("2026-03-02 08:00"))
    return dossier


def test_an_english_speaking_applicants_receipt_is_in_english_whoever_prints_it(world: World) -> None:
    dossier = _english_receipt(world)
    assert dossier.applicant.language == "en"
    title_vi = "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ"
    with translation.override("en"):
        title_en = translation.gettext(title_vi)
        received_en = translation.gettext("%(time)s ngày %(date)s") % {"time": "08:00", "date": "02/03/2026"}
    assert title_en != title_vi  # the English catalog translates it
    with translation.override("vi"):  # a Vietnamese-speaking receptionist prints it
        text, _ = pdf_text(slips.receipt_pdf(dossier))
    assert title_en in text and title_vi not in text
    assert received_en in text and "08:00 ngày 02/03/2026" not in text
    with translation.override("vi"):
        slips.receipt_pdf(dossier)
        assert translation.get_language() == "vi"  # the printer's language is restored


def test_a_vietnamese_applicants_slips_stay_vietnamese_under_an_english_screen(world: World) -> None:
    dossier = _received(world)
    assert dossier.applicant.language == "vi"
    with translation.override("en"):
        text, _ = pdf_text(slips.receipt_pdf(dossier))
        control, _ = pdf_text(slips.control_slip_pdf(dossier))
    assert "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ" in text
    assert "PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ" in control


def test_the_refusal_of_a_missing_slip_speaks_the_askers_language(world: World) -> None:
    with translation.override("en"):
        dossier = services.submit_online(
            world.citizen, world.birth, world.applicant(), world.ward_center, at=at("2026-03-02 07:00"),
            documents=services.catalog_documents(world.birth)
        )
    with translation.override("vi"), pytest.raises(slips.SlipNotAvailable) as caught:
        slips.receipt_pdf(dossier)
    assert "chưa được tiếp nhận" in str(caught.value)
