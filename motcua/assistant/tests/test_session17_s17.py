"""Session 17, branch s17: status questions written as whole questions before any probe
(eval/intents17/s17.py), and their look-alikes about a procedure. What one's own dossier lacks,
a dossier being processed however far back it is named, a dossier sent back with the procedure
and its owner in between, and a result brought home ("trả kết quả tận nhà", a where question)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from motcua.assistant.intents import analyse

TSV = Path(__file__).resolve().parents[3] / "eval" / "intents17" / "s17.tsv"


def _asked(question: str) -> set[str]:
    analysis = analyse(question)
    return {"status"} if analysis.dossier_code else set(analysis.intents)


# The tune half's questions that were read wrong before this branch.
FIXED_TUNE = [
    ("Hồ sơ của tôi còn phải bổ sung thêm giấy tờ nào nữa không?", {"status"}),
    ("Tôi nhận được tin nhắn yêu cầu bổ sung hồ sơ, cần bổ sung những gì?", {"status"}),
    *[
        (f"Hồ sơ {need} mà tôi gửi qua dịch vụ công trực tuyến đang được xử lý thế nào?", {"status"})
        for need in (
            "đăng ký kết hôn",
            "chứng thực bản sao từ bản chính",
            "đăng ký thường trú",
            "đăng ký lại khai sinh",
            "đăng ký thành lập hộ kinh doanh",
            "cấp hộ chiếu phổ thông",
        )
    ],
    ("ho so huong thai san khi sinh con cua nha em bi tra lai la sao", {"status"}),
    ("hs nop tu thang truoc sao chua xong, con thieu giay to gi khong", {"status"}),
    ("xoa tam tru có trả kết quả tận nhà ko", {"where"}),
    ("tách khẩu ra ở riêng có trả kết quả tận nhà ko", {"where"}),
    ("đăng ký kinh doanh hộ cá thể có trả kết quả tận nhà ko", {"where"}),
    ("xin con nuôi có trả kết quả tận nhà ko", {"where"}),
    ("làm hộ chiếu có trả kết quả tận nhà ko", {"where"}),
    ("dang ky giam ho có trả kết quả tận nhà ko", {"where"}),
]


@pytest.mark.parametrize(("question", "expected"), FIXED_TUNE)
def test_fixed_tune_questions(db: Any, question: str, expected: set[str]) -> None:
    assert _asked(question) == expected, (question, analyse(question))


@pytest.mark.parametrize(
    "question",
    [
        # what one's own dossier lacks, no procedure named
        "hồ sơ của mẹ tôi còn thiếu giấy gì nữa",
        "xã gọi điện yêu cầu bổ sung hồ sơ, phải bổ sung cái gì",
        "em nhận được thông báo yêu cầu bổ sung, bổ sung gì ạ",
        # a dossier being processed, named far back
        "hồ sơ xin cấp giấy phép xây dựng nhà ở riêng lẻ của gia đình tôi hiện đang được giải quyết ra sao",
        # sent back, the procedure and whose in between
        "hồ sơ đăng ký biến động đất đai của bố mẹ tôi bị trả lại vì sao",
        # one's own dossier accepted or not; its result, how it stands; a long wait for it
        "hồ sơ của tôi có được chấp nhận không",
        "kết quả hồ sơ của tôi thế nào",
        "tôi đợi kết quả hồ sơ lâu quá",
        "hồ sơ của tôi có phải bổ sung không",
        # asked about, nothing else said; sent on, where it is now; sent back actively; a code forgotten
        "em muốn hỏi kết quả hồ sơ",
        "mình hỏi hồ sơ với",
        "hồ sơ của tôi được chuyển đi đâu rồi",
        "cán bộ trả hồ sơ về cho tôi mà không nói lý do",
        "em nộp hồ sơ mà quên mất mã, giờ tra sao",
        # an appointment against the time gone
        "hẹn 5 ngày mà nay đã 10 ngày",
        # "tiến trình" of a dossier (no fee); one's own paper "lúc nào được nhận"
        "tôi muốn hỏi tiến trình giải quyết hồ sơ",
        "cho em hỏi sổ đỏ của nhà em lúc nào được nhận",
    ],
)
def test_more_status_phrasings(db: Any, question: str) -> None:
    assert _asked(question) == {"status"}, (question, analyse(question))


def test_the_same_words_about_a_procedure_are_no_status(db: Any) -> None:
    # a procedure named: its list of papers answers what to add
    assert _asked("tôi đã nộp hồ sơ xin cấp sổ đỏ, cần bổ sung giấy tờ gì") == {"documents"}
    # nobody's dossier: the procedure's rule
    assert _asked("hồ sơ cần bổ sung những gì") == {"documents"}
    assert "status" not in _asked("nếu hồ sơ của tôi thiếu giấy tờ thì bổ sung thế nào")
    assert _asked("thong bao bo sung nganh nghe kinh doanh can gi") == {"documents"}
    # a wait that is no dossier's, a procedure's rule for a dossier being processed, a place asked
    assert "status" not in _asked("đợi kết quả xét nghiệm lâu quá")
    assert "status" not in _asked("hồ sơ đang được thẩm định thì có được bổ sung không")
    assert _asked("kết quả hồ sơ đăng ký kết hôn trả ở đâu") == {"where"}
    assert _asked("hồ sơ của tôi có được miễn lệ phí không") == {"fee"}
    assert "status" not in _asked("quên mã số thuế thì tra ở đâu")
    assert _asked("hỏi hồ sơ đăng ký kết hôn gồm những gì") == {"documents"}
    # an officer coming to the home is no delivery of the result
    assert "where" not in _asked("can bo xa xuong tan nha lam giay khai sinh cho be dc ko")
    # a home delivery asked of a procedure is a where question
    assert _asked("cấp hộ chiếu có gửi kết quả về nhà không") == {"where"}


def test_the_tsv_is_well_formed() -> None:
    lines = TSV.read_text(encoding="utf-8").splitlines()
    assert len(lines) > 300
    known = {"documents", "fee", "time", "where", "steps", "overview", "status"}
    for line in lines:
        question, codes, asked, half = line.split("\t")
        assert question and half in {"tune", "check"}
        assert set(asked.split(",")) <= known
        if asked == "status":
            assert codes == "-"
        else:
            assert all(code.count(".") == 1 for code in codes.split(","))
