"""Session 16 (r5): a syllable of "hoạt động", "lao động", "hợp đồng" starts no everyday phrase
("đóng công ty"), "rồi" is no "rời", "trung tâm tư vấn" names a thing, fortune-telling is a
judgement, and a branch's variant is not the centre's own procedure. Questions here are in no eval
file."""

from __future__ import annotations

from typing import Any

import pytest

from motcua.assistant import intents


@pytest.mark.parametrize(
    ("question", "judgement"),
    [
        ("xem tuổi mở công ty năm nay có hợp không", True),
        ("tuổi tôi có hợp tuổi làm nhà năm nay không", True),
        ("chọn ngày đẹp đăng ký kết hôn", True),
        ("ngày tốt để khai trương cửa hàng", True),
        # the age of retirement is a pension's fact; a graduation date no lucky day; "xem ngay" is now
        ("xem tuổi nghỉ hưu của tôi", False),
        ("ngày tốt nghiệp ghi sai trên bằng", False),
        ("cho tôi xem ngay hồ sơ đăng ký kết hôn", False),
    ],
)
def test_fortune_telling_is_a_judgement(db: Any, question: str, judgement: bool) -> None:
    assert intents.analyse(question).judgement is judgement


def test_advice_centre_stays_in_the_topic(real_catalog: None) -> None:
    # "tư vấn" after "trung tâm", "chi phí", "công ty"… names a thing; alone it asks for advice
    assert intents.analyse("thành lập trung tâm tư vấn pháp luật cần giấy tờ gì").topic == (
        "thanh lap trung tam tu van phap luat"
    )
    assert "tu van" in intents.analyse("chi phí tư vấn pháp luật cho doanh nghiệp được hỗ trợ không").topic
    assert intents.analyse("tư vấn giúp em về làm sổ đỏ").topic == "lam so do"


def test_already_is_no_leaving(real_catalog: None) -> None:
    # "rồi" folds like "rời": only before what one leaves ("rời cảng", "rời khỏi") is it kept
    topic = intents.analyse("tàu nước ngoài đã nhập cảnh rồi giờ vào cảng biển khác").topic
    assert "roi" not in topic.split()
    assert "roi" in intents.analyse("tàu rời cảng biển làm thủ tục gì").topic.split()


def test_a_bound_syllable_starts_no_phrase(real_catalog: None) -> None:
    from motcua.catalog.search import analyse, get_index

    index = get_index()

    def words(query: str) -> set[str]:
        return {t for reading in analyse(query, index) for t, _ in reading}

    # "động" of "hoạt động" folds like "đóng": no "đóng công ty" (dissolving), "đóng chi nhánh"
    assert "giai" not in words("giấy phép hoạt động công ty")
    assert "cham" not in words("đăng ký hoạt động chi nhánh")
    assert "giai" not in words("người lao động công ty bị nợ lương")
    # the phrase itself still reads
    assert "giai" in words("đóng công ty")
    assert "cham" in words("đóng chi nhánh")


def test_centre_not_its_branch(real_catalog: None) -> None:
    from motcua.assistant.retrieval import retrieve

    # a branch's variant only when the branch is asked ("… của Chi nhánh Trung tâm …")
    question = "trung tam hoa giai thuong mai chuyen dia chi tu ha noi len lang son dang ky hoat dong lai"
    assert retrieve(question)[0].hit.code == "1.008910"
    assert retrieve("dang ky hoat dong chi nhanh trung tam hoa giai thuong mai")[0].hit.code == "2.001716"
    # a name listing procedures with "/" is a branch's only when its first one is
    assert retrieve("hoa don dien tu cho ho kinh doanh")[0].hit.code in {"1.010337", "1.010339"}
