"""Session 17 (lead): "trả / nhận / lấy kết quả" beside a time or a place asked is when or where
the result is handed over, not a procedure about results. Questions here are in no eval file."""

from __future__ import annotations

import pytest

from motcua.assistant.intents import analyse


@pytest.mark.django_db
def test_the_result_handed_over_leaves_the_topic_when_a_time_or_place_is_asked(real_catalog: None) -> None:
    assert analyse("Thời gian trả kết quả đăng ký thường trú là bao lâu").topic == "dang ky thuong tru la"
    assert analyse("nhận kết quả cấp sổ đỏ ở đâu").topic == "cap so do"
    # procedures about results keep their words
    assert "xac nhan ket qua" in analyse("xác nhận kết quả thi hành án mất bao lâu").topic
    assert "kiem tra ket qua" in analyse("kiểm tra kết quả tập sự hành nghề công chứng bao lâu").topic
    # no procedure named: one's own wait, a status question
    assert analyse("bao giờ lấy được kết quả").intents == ("status",)


@pytest.mark.django_db
def test_the_procedure_after_the_result_handed_over_is_cited(real_catalog: None) -> None:
    from motcua.assistant.services import ask

    # before: "Đăng ký tham dự kiểm tra kết quả tập sự hành nghề công chứng" (1.013818) first
    for question, code in (
        ("Thời gian trả kết quả đăng ký thường trú là bao lâu", "1.004222"),
        ("trả kết quả đăng ký tạm trú mất mấy ngày", "1.004194"),
    ):
        answer = ask(question)
        assert answer.confident and answer.sources[0].code == code and answer.intents == ["time"]
    answer = ask("kiểm tra kết quả tập sự hành nghề công chứng bao lâu")
    assert answer.sources[0].code == "1.013818"
