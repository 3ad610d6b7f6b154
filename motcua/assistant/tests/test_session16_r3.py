"""Session 16 (r3, rarely asked procedures): a phrase does not start inside "hoạt động", a name's
"(trừ …)" is the case it leaves out, and the reasons a name lists after "do" are no action of
its own. Questions here are in no eval file."""

from __future__ import annotations

from typing import Any

from motcua.assistant import retrieval
from motcua.catalog import search


def test_no_phrase_starts_inside_hoat_dong() -> None:
    assert not search.phrase_may_start("hoat", "dong")
    assert search.phrase_may_start(None, "dong")
    assert search.phrase_may_start("muon", "dong")


def test_excluded_case_pairs() -> None:
    name = ("Cấp lại Giấy chứng nhận cơ sở an toàn dịch bệnh động vật (trừ cơ sở an toàn dịch bệnh "
            "theo yêu cầu của nước nhập khẩu)")
    pairs = retrieval._excluded_pairs(name)
    assert " nhap khau " in pairs
    # words the rest of the name says are no excluded case
    assert " dich benh " not in pairs and " an toan " not in pairs
    assert retrieval._excluded_pairs("Cấp Giấy phép xây dựng") == ()
    asked = " cap lai giay chung nhan co so an toan dich benh theo yeu cau cua nuoc nhap khau "
    assert retrieval._asks_excluded(name, asked, ())
    assert not retrieval._asks_excluded(name, " cap lai giay chung nhan co so an toan dich benh ", ())


def test_reasons_after_do_are_no_action() -> None:
    name = ("Điều chỉnh Giấy phép thành lập và hoạt động công ty đầu tư chứng khoán do tăng, giảm vốn "
            "điều lệ, thay đổi tên công ty, người đại diện theo pháp luật, ngân hàng lưu ký, giám sát")
    acting = retrieval._acting(name)
    assert " dieu chinh " in acting
    assert " giam sat " not in acting and " doi ten " not in acting
    # folded "do" of "thăm dò" cuts nothing
    assert " gia han " in retrieval._acting("Gia hạn giấy phép thăm dò khoáng sản")
    topic = "dieu chinh giay phep thanh lap va hoat dong cong ty dau tu chung khoan"
    assert retrieval._unasked_qualifiers(topic, name) == 0


def test_on_the_real_catalog(real_catalog: Any) -> None:
    from motcua.catalog.search import analyse, get_index

    index = get_index()
    words = {t for reading in analyse("dieu chinh giay phep hoat dong cong ty", index) for t, _ in reading}
    assert "giai" not in words  # "hoạt động công ty" is no "đóng công ty" (giải thể doanh nghiệp)
    top = retrieval.retrieve(
        "cap lai giay chung nhan co so an toan dich benh dong vat theo yeu cau cua nuoc nhap khau"
    )
    assert top[0].hit.code == "1.011473"
    top = retrieval.retrieve("dieu chinh giay phep thanh lap va hoat dong cong ty dau tu chung khoan")
    assert top[0].hit.code == "1.009522"


def test_another_country_counts_against_a_name() -> None:
    case = " cap giay phep van tai duong bo quoc te giua viet nam va trung quoc "
    assert retrieval._other_country(case, " xe campuchia qua han giay phep lien van ")
    assert not retrieval._other_country(case, " xe trung quoc qua han ")
    assert not retrieval._other_country(case, " giay phep lien van ")  # no country asked
    # "Trung Hoa" is China too
    tem = " cap tem ab sang cong hoa nhan dan trung hoa "
    assert not retrieval._other_country(tem, " tem ab trung quoc ")
    # a vessel's variant is not a car's
    name = "Gia hạn thời gian lưu lại lãnh thổ Việt Nam cho phương tiện vận tải thủy của Campuchia"
    assert retrieval._unasked_qualifiers("xe campuchia gia han", name) == 1
    assert retrieval._unasked_qualifiers("tau campuchia gia han", name) == 0
