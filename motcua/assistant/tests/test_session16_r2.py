"""Session 16 (r2): a name listing its actions with a slash ("Sửa đổi, bổ sung/cấp lại Giấy
chứng nhận lưu hành tự do …") offers each of them, and a licence "bị rút" or "bị tước" is one
revoked ("Thủ tục thu hồi giấy phép …"); where the pay is good is a judgement. Questions here are in
no eval file."""

from __future__ import annotations

from typing import Any

import pytest

from motcua.assistant import intents, retrieval

CFS_CHANGE = (
    "Sửa đổi, bổ sung/cấp lại Giấy chứng nhận lưu hành tự do (CFS) đối với hàng hóa xuất khẩu "
    "thuộc phạm vi quản lý của Bộ Nông nghiệp và Môi trường"
)
REVOKE = "Thủ tục thu hồi giấy phép hoạt động cung ứng dịch vụ trung gian thanh toán"
ISSUE = "Thủ tục cấp Giấy phép hoạt động cung ứng dịch vụ trung gian thanh toán"


def test_slash_separates_listed_actions() -> None:
    assert " cap lai " in retrieval._listed_actions(CFS_CHANGE)


@pytest.mark.parametrize(
    "topic",
    [
        "sửa đổi giấy chứng nhận lưu hành tự do vì công ty đổi địa chỉ",
        "bổ sung giấy chứng nhận lưu hành tự do",
    ],
)
def test_change_asked_of_a_slash_list_is_no_reissue(topic: str) -> None:
    # "cấp lại" is offered beside "sửa đổi, bổ sung": it does not count against the question
    assert retrieval._unasked_qualifiers(topic, CFS_CHANGE) == 0


@pytest.mark.parametrize(
    "topic",
    ["công ty ví điện tử bị rút giấy phép trung gian thanh toán", "bị tước giấy phép trung gian thanh toán"],
)
def test_licence_taken_away_is_revoked(topic: str) -> None:
    assert retrieval._unasked_qualifiers(topic, REVOKE) == 0
    assert retrieval._unasked_qualifiers(topic, ISSUE) == 1


@pytest.mark.parametrize(
    "question",
    [
        "đi làm công nhân ở khu công nghiệp nào lương cao",
        "lam o dau tra luong cao",
    ],
)
def test_where_the_pay_is_good_is_a_judgement(db: Any, question: str) -> None:
    # a choice among employers: the catalog ranks none ("Thủ tục cấp/cấp lại Giấy chứng nhận khu
    # công nghiệp sinh thái" offers its "cấp lại" beside "cấp" now, and no longer stays unsure)
    assert intents.analyse(question).judgement


@pytest.mark.parametrize("question", ["chứng nhận sản phẩm chất lượng cao", "bảng lương cán bộ"])
def test_quality_and_pay_scales_are_no_judgement(db: Any, question: str) -> None:
    assert not intents.analyse(question).judgement
