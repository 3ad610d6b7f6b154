"""The flattened tables of the national catalog, on hand-written rows with the real quirks."""

from __future__ import annotations

from decimal import Decimal

from motcua.catalog import parsing as p

H = p.CHANNEL_HEADER
DOCS = "Tên giấy tờMẫu đơn, tờ khaiSố lượng"
LAWS = "Tên văn bản pháp lýMã văn bản"


# ------------------------------------------------------------------ channels and time limits

def test_three_channels_with_working_days_and_free_fee() -> None:
    table = p.parse_channels(f"{H}Trực tuyến4 Ngày làm việcMiễn phíDịch vụ bưu chính6 Ngày làm việcMiễn phí"
                             "Trực tiếp6 Ngày làm việcMiễn phí")
    assert [(r.kind, r.time_limit.value, r.time_limit.unit, r.fee.amount) for r in table.rows] == [
        ("online", 4, p.WORKING_DAYS, 0), ("postal", 6, p.WORKING_DAYS, 0), ("counter", 6, p.WORKING_DAYS, 0),
    ]


def test_calendar_days_and_description_that_starts_with_a_channel_word() -> None:
    table = p.parse_channels(f"{H}Trực tiếp15 NgàyMiễn phíTrực tiếp tại Bộ phận Một cửa của Sở;"
                             "Trực tuyến12 NgàyMiễn phí")
    assert [(r.kind, r.time_limit.value, r.time_limit.unit) for r in table.rows] == [
        ("counter", 15, p.CALENDAR_DAYS), ("online", 12, p.CALENDAR_DAYS)]
    assert table.rows[0].description == "Trực tiếp tại Bộ phận Một cửa của Sở;"


def test_bare_number_is_working_days_and_marked_as_inferred() -> None:
    row = p.parse_channels(f"{H}Trực tuyến3Miễn phí").rows[0]
    assert (row.time_limit.value, row.time_limit.unit, row.time_limit.inferred) == (3, p.WORKING_DAYS,
                                                                                   "bare_number")


def test_hours_months_and_decimal_days() -> None:
    rows = p.parse_channels(f"{H}Trực tiếp24 GiờMiễn phíTrực tuyến2 Tháng1,200,000 VNĐ(đồng/hồ sơ)"
                            "Dịch vụ bưu chính2.5 Ngày làm việcMiễn phí").rows
    assert (rows[0].time_limit.value, rows[0].time_limit.unit) == (24, p.WORKING_HOURS)
    assert (rows[1].time_limit.value, rows[1].time_limit.unit) == (60, p.CALENDAR_DAYS)
    assert rows[1].fee.amount == 1_200_000
    assert (rows[2].time_limit.value, rows[2].time_limit.unit) == (Decimal("2.5"), p.WORKING_DAYS)


def test_no_information_means_no_time_limit_stated() -> None:
    row = p.parse_channels(f"{H}Trực tiếpKhông có thông tinKhông có thông tin").rows[0]
    assert row.time_limit.stated is False and row.time_limit.value is None
    assert row.fee.stated is False


def test_free_text_instead_of_a_time_is_not_a_limit() -> None:
    rows = p.parse_channels(f"{H}Trực tuyếnKhông phải trả kết quả cho người nộp thuếMiễn phí"
                            "Qua Cổng dịch vụ côngTrực tiếpKhôngKhông có thông tinTại Trung tâm").rows
    assert [r.time_limit.stated for r in rows] == [False, False]
    assert rows[0].fee.amount == 0 and rows[0].description == "Qua Cổng dịch vụ công"


def test_time_glued_to_a_fee_without_unit_is_split_using_the_note() -> None:
    # "1" day glued to "20 VNĐ", which the note says is 20.000 đồng.
    row = p.parse_channels(f"{H}Trực tuyến120 VNĐ(20.000 đồng/tờ khai)").rows[0]
    assert (row.time_limit.value, row.time_limit.unit) == (1, p.WORKING_DAYS)
    assert row.fee.amount == 20_000


def test_time_glued_to_a_thousands_fee_without_a_note() -> None:
    row = p.parse_channels(f"{H}Trực tiếp1100,000 VNĐ").rows[0]
    assert row.time_limit.value == 1 and row.fee.amount == 100_000


def test_same_day_cell_is_the_same_day_rule() -> None:
    row = p.parse_channels(f"{H}Trực tiếpTrong ngàyMiễn phí").rows[0]
    assert (row.time_limit.value, row.time_limit.unit) == (1, p.SAME_DAY_15H)


def test_fifteen_hour_text_turns_a_missing_or_one_day_limit_into_the_same_day_rule() -> None:
    steps = ("Trường hợp hồ sơ hợp lệ, nếu tiếp nhận hồ sơ sau 15 giờ thì trả kết quả trong ngày "
             "làm việc tiếp theo.")
    one_day = p.parse_time_cell("1")
    missing = p.parse_time_cell("Không có thông tin")
    five_days = p.parse_time_cell("5 Ngày làm việc")
    assert p.apply_same_day_rule(one_day, steps).unit == p.SAME_DAY_15H
    assert p.apply_same_day_rule(missing, steps).unit == p.SAME_DAY_15H
    assert p.apply_same_day_rule(five_days, steps).unit == p.WORKING_DAYS
    assert p.apply_same_day_rule(missing, "Trả kết quả ngay trong ngày.").value is None


def test_law_can_set_the_same_day_rule_when_nothing_is_stated() -> None:
    limit = p.apply_same_day_rule(p.parse_time_cell("Không có thông tin"), "", law_says_same_day=True)
    assert (limit.unit, limit.inferred) == (p.SAME_DAY_15H, "law")


def test_same_channel_twice_keeps_both_rows_in_order() -> None:
    rows = p.parse_channels(f"{H}Trực tiếp18 Ngày làm việcKhông có thông tinTrường hợp A"
                            "Trực tiếp27 Ngày làm việcKhông có thông tinTrường hợp B").rows
    assert [(r.kind, r.time_limit.value) for r in rows] == [("counter", 18), ("counter", 27)]


def test_channels_text_without_any_row_is_not_ok() -> None:
    table = p.parse_channels(f"{H}Trực tiếpHệ thống phản hồi tự động.Không có thông tin")
    assert table.ok is False and table.rows == []


# ------------------------------------------------------------------ fees

def test_fee_with_vietnamese_dong_and_note() -> None:
    fee = p.parse_fee_cell("135,000 Việt Nam Đồng", "(Lệ phí : 135.000 Đồng)")
    assert fee.amount == 135_000 and "Lệ phí : 135.000 Đồng" in fee.text


def test_fee_stated_only_in_the_note() -> None:
    assert p.parse_fee_cell("Không có thông tin", "(Lệ phí : 135.000 Đồng)").amount == 135_000


def test_free_with_a_varying_schedule_has_no_single_amount() -> None:
    fee = p.parse_fee_cell("Miễn phí", "(- Dưới 5 tấn: 50.000 đồng/giấy; - Trên 15 tấn: 150.000 đồng/giấy.)")
    assert fee.amount is None and fee.stated


def test_free_with_an_exemption_note_is_free() -> None:
    assert p.parse_fee_cell("Miễn phí", "(Miễn lệ phí cho người thuộc hộ nghèo)").amount == 0
    assert p.parse_fee_cell("Miễn phí", "(Không)").amount == 0


def test_free_with_a_no_fee_collected_note_is_free() -> None:
    assert p.parse_fee_cell("Miễn phí", "(Không thu lệ phí)").amount == 0
    assert p.parse_fee_cell("Miễn phí", "(không thu phí, lệ phí.)").amount == 0


def test_fee_written_out_in_the_cell_is_read() -> None:
    row = p.parse_channels(f"{H}Trực tiếp3 Ngày làm việcLệ phí : 135.000 Đồng"
                           "Nộp tại Bộ phận Một cửa.").rows[0]
    assert (row.fee.amount, row.fee.text) == (135_000, "Lệ phí : 135.000 Đồng")
    assert row.description == "Nộp tại Bộ phận Một cửa."


def test_fee_in_usd_keeps_text_only() -> None:
    fee = p.parse_fee_cell("10 USD", "(/bản)")
    assert fee.amount is None and fee.text == "10 USD(/bản)"


def test_fee_parenthesis_is_balanced_and_the_rest_is_description() -> None:
    row = p.parse_channels(f"{H}Trực tiếp5 Ngày làm việc50,000 Việt Nam Đồng(50.000đ/tem (Thông tư 25/2021))"
                           "+ Nộp tại cơ quan xuất nhập cảnh.").rows[0]
    assert row.fee.amount == 50_000
    assert row.description == "+ Nộp tại cơ quan xuất nhập cảnh."


# ------------------------------------------------------------------ required documents

def test_documents_with_counts_and_glued_form_files() -> None:
    table = p.parse_requirements(
        f"--{DOCS}Tờ khai đề nghị cấp giấy phépMẫu số 01.docx1 bản chính"
        "Bản sao có chứng thực giấy chứng nhận đăng ký doanh nghiệp0 bản chính,1 bản sao"
        "Bản chụp căn cước của người đại diện0 bản chính,2 bản sao"
    )
    assert table.ok
    first, second, third = table.rows
    assert (first.name, first.form_name, first.originals) == (
        "Tờ khai đề nghị cấp giấy phép", "Mẫu số 01.docx", 1)
    assert (second.certified_copies, second.photocopies) == (1, 0)
    assert (third.certified_copies, third.photocopies) == (0, 2)


def test_documents_in_cases_keep_their_case_title() -> None:
    table = p.parse_requirements(
        f"* Giấy tờ phải nộp:{DOCS}- Tờ khai theo mẫu.1 bản chính"
        f"* Giấy tờ phải xuất trình:{DOCS}- Giấy tờ tùy thân.1 bản chính"
    )
    assert [(r.case, r.name) for r in table.rows] == [
        ("* Giấy tờ phải nộp:", "Tờ khai theo mẫu."), ("* Giấy tờ phải xuất trình:", "Giấy tờ tùy thân.")]


def test_zero_padded_counts_in_prose_are_not_cells() -> None:
    table = p.parse_requirements(f"--{DOCS}- Thông báo kết quả: 01 bản chính (theo mẫu 04)0 bản chính")
    assert len(table.rows) == 1
    assert table.rows[0].name == "Thông báo kết quả: 01 bản chính (theo mẫu 04)"
    assert table.rows[0].originals == 0


def test_a_count_glued_to_a_name_starting_with_a_vietnamese_capital_ends_the_document() -> None:
    # Đ, Ả, Ủ are capitals outside ASCII; the next name starts right after the count.
    table = p.parse_requirements(f"--{DOCS}Tờ khai theo mẫu.1 bản chínhĐơn đề nghị cấp lại.1 bản chính"
                                 "Ảnh 4x6 cm.2 bản chínhỦy quyền (nếu có).0 bản chính,1 bản sao")
    assert [(r.name, r.originals) for r in table.rows] == [
        ("Tờ khai theo mẫu.", 1), ("Đơn đề nghị cấp lại.", 1), ("Ảnh 4x6 cm.", 2), ("Ủy quyền (nếu có).", 0)]


def test_a_list_marker_glued_to_a_count_starts_the_next_document_or_case() -> None:
    table = p.parse_requirements(
        f"a) Trường hợp mất Giấy chứng nhận:{DOCS}(1) Đơn đăng ký biến động.1 bản chính"
        f"(2) Mảnh trích đo thửa đất.1 bản chính,1 bản saob) Trường hợp mất Trang bổ sung:{DOCS}"
        "c) Đối với tổ chức: Quyết định thành lập.1 bản chính"
        "đ) Đối với hộ kinh doanh: Giấy đăng ký.1 bản chính"
    )
    assert [(r.case, r.name) for r in table.rows] == [
        ("a) Trường hợp mất Giấy chứng nhận:", "(1) Đơn đăng ký biến động."),
        ("a) Trường hợp mất Giấy chứng nhận:", "(2) Mảnh trích đo thửa đất."),
        ("b) Trường hợp mất Trang bổ sung:", "c) Đối với tổ chức: Quyết định thành lập."),
        ("b) Trường hợp mất Trang bổ sung:", "đ) Đối với hộ kinh doanh: Giấy đăng ký."),
    ]
    assert table.rows[1].photocopies == 1


def test_a_count_followed_by_lower_case_words_is_prose() -> None:
    table = p.parse_requirements(f"--{DOCS}Văn bản đề nghị, nộp 1 bản chính hoặc bản điện tử.1 bản chính")
    assert len(table.rows) == 1 and table.rows[0].name.startswith("Văn bản đề nghị, nộp 1 bản chính hoặc")


def test_note_after_the_last_count_belongs_to_the_last_document() -> None:
    table = p.parse_requirements(f"--{DOCS}Bản sao bản án0 bản chính,1 bản sao"
                                 "(trừ khi đã có trong cơ sở dữ liệu)")
    assert table.ok and table.rows[0].name.endswith("(trừ khi đã có trong cơ sở dữ liệu)")


def test_documents_without_a_table_are_reported() -> None:
    table = p.parse_requirements("Bước 1. Nộp hồ sơ cho cơ quan bảo hiểm xã hội.")
    assert table.ok is False


# ------------------------------------------------------------------ legal bases

def test_legal_bases_titles_and_glued_numbers() -> None:
    table = p.parse_legal_bases(
        f"{LAWS}Thông tư hướng dẫn về phí thuộc thẩm quyền của Hội đồng nhân dân tỉnh85/2019/TT-BTC"
        "Nghị định số 123/2015/NĐ-CP ngày 15/11/2015 của Chính phủ quy định chi tiết Luật Hộ tịch"
        "123/2015/NĐ-CP"
        "Luật 60/2014/QH1360/2014/QH13"
    )
    assert table.ok
    assert [b.number for b in table.rows] == ["85/2019/TT-BTC", "123/2015/NĐ-CP", "60/2014/QH13"]
    assert table.rows[1].issued == "15/11/2015" and table.rows[1].issuer == "Chính phủ"
    assert table.rows[2].title == "Luật 60/2014/QH13" and table.rows[2].issuer == "Quốc hội"


def test_legal_basis_with_prime_minister_decision_and_repeated_number() -> None:
    table = p.parse_legal_bases(f"{LAWS}Quyết định 290/2005/QĐ-TTg290/2005/QĐ-TTgThông tư 12/2016/TT-NHNN"
                                "12/2016/TT-NHNN")
    assert [(b.number, b.issuer) for b in table.rows] == [
        ("290/2005/QĐ-TTg", "Thủ tướng Chính phủ"), ("12/2016/TT-NHNN", "Ngân hàng Nhà nước Việt Nam")]


def test_last_title_without_number_is_kept_but_reported() -> None:
    table = p.parse_legal_bases(f"{LAWS}Luật Cư trú68/2020/QH14Quy định của Ủy ban nhân dân tỉnh về phí")
    assert [b.number for b in table.rows] == ["68/2020/QH14", ""]
    assert table.ok is False


# ------------------------------------------------------------------ levels and online level

def test_levels_are_read_from_the_comma_list() -> None:
    assert p.parse_levels("Cấp bộ, Cấp tỉnh, Cấp xã") == {"ministry", "province", "commune"}
    assert p.parse_levels("Cơ quan khác") == {"other"}
    assert p.parse_levels("Cấp huyện") == {"commune"}


def test_online_level_is_partial_unless_full_process_is_stated() -> None:
    rows = p.parse_channels(f"{H}Trực tuyến5 Ngày làm việcMiễn phí").rows
    assert p.online_level(rows, "") == "partial"
    assert p.online_level(rows, "Dịch vụ công trực tuyến toàn trình") == "full"
    assert p.online_level(p.parse_channels(f"{H}Trực tiếp5 Ngày làm việcMiễn phí").rows, "") == "none"


# ------------------------------------------------------------------ results

WIDGETS = ("Chọn cơ quan thực hiệnTỉnh/ Thành phốBộ ngành-- Chọn Tỉnh/ Thành phố --Phường/ XãSở"
           "-- Chọn Phường/ Xã --Hệ thống chỉ hiển thị những cơ quan đã áp dụng dịch vụ công trực tuyến"
           "Nộp hồ sơ")


def test_results_keep_names_and_codes_and_drop_the_portal_widgets() -> None:
    results = p.parse_results(f"Giấy khai sinhMã: KQ.G15.000031Từ khóaKhông có thông tinMô tả"
                              f"Không có thông tin{WIDGETS}")
    assert results.ok and [(r.name, r.code) for r in results.rows] == [("Giấy khai sinh", "KQ.G15.000031")]
    assert results.as_text() == "Giấy khai sinh (KQ.G15.000031)"
    assert "Chọn" not in results.as_text() and results.keywords == results.description == ""


def test_several_results_with_agency_style_codes_and_a_description() -> None:
    results = p.parse_results("Giấy chứng nhận đăng ký xeMã: KQ.G01.000014"
                              "Biển số xeMã: 000.00.00.G01-KQ0015Văn bản trả lờiMã: KQ.G01.000016"
                              "...văn bản từ chối nêu rõ lý doMã: KQ.G01.000017"
                              "Từ khóađăng ký xeMô tảCấp trong ngày nếu đủ hồ sơ.")
    assert [(r.name, r.code) for r in results.rows] == [
        ("Giấy chứng nhận đăng ký xe", "KQ.G01.000014"), ("Biển số xe", "000.00.00.G01-KQ0015"),
        ("Văn bản trả lời", "KQ.G01.000016"), ("văn bản từ chối nêu rõ lý do", "KQ.G01.000017")]
    assert (results.keywords, results.description) == ("đăng ký xe", "Cấp trong ngày nếu đủ hồ sơ.")
    assert results.as_text().endswith("\nCấp trong ngày nếu đủ hồ sơ.")


def test_a_result_code_that_is_prose_stays_in_the_text_and_is_reported() -> None:
    results = p.parse_results(f"Mã số cơ sở chăn nuôiMã: Chưa xác định"
                              f"Từ khóaKhông có thông tinMô tả{WIDGETS}")
    assert results.ok is False
    assert results.as_text() == "Mã số cơ sở chăn nuôiMã: Chưa xác định"
