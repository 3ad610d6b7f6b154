# ruff: noqa: E501  (one question per line reads best)
"""Session 17, helper i17a: the intents of questions about documents, fee and time written as
templates before probing (eval/intents17/i17a.py). Each fixed question of the tune half (even
template index) reads as the citizen expects, and so do other phrasings of the same general
readings; the check half is never listed here."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from typing import Any

import pytest

from motcua.assistant import intents

EVAL = Path(__file__).resolve().parents[3] / "eval" / "intents17"

# The tune half's questions that were read wrongly before this session's changes.
FIXED = [
        ("Thành phần hồ sơ của thủ tục đăng ký thành lập hộ kinh doanh được quy định như thế nào?", {'documents'}),
        ("Thành phần hồ sơ của thủ tục thay đổi, cải chính thông tin hộ tịch được quy định như thế nào?", {'documents'}),
        ("Thành phần hồ sơ của thủ tục cấp giấy xác nhận tình trạng hôn nhân được quy định như thế nào?", {'documents'}),
        ("Thành phần hồ sơ của thủ tục cấp hộ chiếu phổ thông được quy định như thế nào?", {'documents'}),
        ("Thành phần hồ sơ của thủ tục chứng thực chữ ký trong giấy tờ, văn bản được quy định như thế nào?", {'documents'}),
        ("Thành phần hồ sơ của thủ tục đăng ký thường trú được quy định như thế nào?", {'documents'}),
        ("Cho tôi hỏi hồ sơ khai báo tạm vắng có cần bản sao chứng thực không hay chỉ cần bản photo?", {'documents'}),
        ("Cho tôi hỏi hồ sơ đăng ký khai tử có cần bản sao chứng thực không hay chỉ cần bản photo?", {'documents'}),
        ("Cho tôi hỏi hồ sơ chấm dứt hoạt động hộ kinh doanh có cần bản sao chứng thực không hay chỉ cần bản photo?", {'documents'}),
        ("Cho tôi hỏi hồ sơ chứng thực chữ ký trong giấy tờ, văn bản có cần bản sao chứng thực không hay chỉ cần bản photo?", {'documents'}),
        ("Cho tôi hỏi hồ sơ giải quyết hưởng chế độ thai sản có cần bản sao chứng thực không hay chỉ cần bản photo?", {'documents'}),
        ("Cho tôi hỏi hồ sơ đăng ký khai sinh có cần bản sao chứng thực không hay chỉ cần bản photo?", {'documents'}),
        ("Đề nghị hướng dẫn giúp tôi các giấy tờ cần thiết để chứng thực chữ ký trong giấy tờ, văn bản.", {'documents'}),
        ("Đề nghị hướng dẫn giúp tôi các giấy tờ cần thiết để cấp bản sao giấy khai sinh.", {'documents'}),
        ("Đề nghị hướng dẫn giúp tôi các giấy tờ cần thiết để đăng ký thành lập doanh nghiệp tư nhân.", {'documents'}),
        ("Đề nghị hướng dẫn giúp tôi các giấy tờ cần thiết để cấp thẻ căn cước cho người dưới 14 tuổi.", {'documents'}),
        ("Đề nghị hướng dẫn giúp tôi các giấy tờ cần thiết để cấp phiếu lý lịch tư pháp.", {'documents'}),
        ("Đề nghị hướng dẫn giúp tôi các giấy tờ cần thiết để đăng ký thường trú.", {'documents'}),
        ("Khi cấp phiếu lý lịch tư pháp có phải điền mẫu đơn, tờ khai nào không?", {'documents'}),
        ("Khi chứng thực chữ ký trong giấy tờ, văn bản có phải điền mẫu đơn, tờ khai nào không?", {'documents'}),
        ("Khi cấp giấy phép xây dựng mới đối với công trình cấp III, cấp IV có phải điền mẫu đơn, tờ khai nào không?", {'documents'}),
        ("Khi thay đổi, cải chính thông tin hộ tịch có phải điền mẫu đơn, tờ khai nào không?", {'documents'}),
        ("Khi chấm dứt hoạt động hộ kinh doanh có phải điền mẫu đơn, tờ khai nào không?", {'documents'}),
        ("Khi đăng ký thành lập hộ kinh doanh có phải điền mẫu đơn, tờ khai nào không?", {'documents'}),
        ("Mức thu phí, lệ phí khi cấp giấy phép xây dựng mới đối với công trình cấp III, cấp IV được quy định thế nào?", {'fee'}),
        ("Mức thu phí, lệ phí khi cấp hộ chiếu phổ thông được quy định thế nào?", {'fee'}),
        ("Mức thu phí, lệ phí khi khai báo tạm vắng được quy định thế nào?", {'fee'}),
        ("Mức thu phí, lệ phí khi đăng ký tạm trú được quy định thế nào?", {'fee'}),
        ("Mức thu phí, lệ phí khi chứng thực bản sao từ bản chính được quy định thế nào?", {'fee'}),
        ("Mức thu phí, lệ phí khi chứng thực di chúc được quy định thế nào?", {'fee'}),
        ("đăng ký thường trú: phí?", {'fee'}),
        ("chấm dứt hoạt động hộ kinh doanh có được giải quyết ngay trong ngày không?", {'time'}),
        ("cấp thẻ căn cước cho người dưới 14 tuổi có được giải quyết ngay trong ngày không?", {'time'}),
        ("tách hộ có được giải quyết ngay trong ngày không?", {'time'}),
        ("cấp giấy xác nhận tình trạng hôn nhân có được giải quyết ngay trong ngày không?", {'time'}),
        ("đăng ký tạm trú có được giải quyết ngay trong ngày không?", {'time'}),
        ("cấp hộ chiếu phổ thông có được giải quyết ngay trong ngày không?", {'time'}),
        ("Khi nào thì tôi có thể nhận kết quả đăng ký kết hôn?", {'time'}),
        ("Khi nào thì tôi có thể nhận kết quả cấp hộ chiếu phổ thông?", {'time'}),
        ("Khi nào thì tôi có thể nhận kết quả đăng ký khai tử?", {'time'}),
        ("Khi nào thì tôi có thể nhận kết quả khai báo tạm vắng?", {'time'}),
        ("Khi nào thì tôi có thể nhận kết quả chứng thực di chúc?", {'time'}),
        ("Khi nào thì tôi có thể nhận kết quả đăng ký thành lập hộ kinh doanh?", {'time'}),
]


@pytest.mark.parametrize(("question", "expected"), FIXED)
def test_fixed_tune_questions(db: Any, question: str, expected: set[str]) -> None:
    assert set(intents.analyse(question).intents) == expected


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        # "quy định thế nào" beside another ask is that ask
        ("thời hạn giải quyết cấp phép xây dựng được quy định ra sao", {"time"}),
        ("lệ phí đăng ký kết hôn quy định như thế nào", {"fee"}),
        # alone it is still how it goes
        ("thủ tục tách thửa quy định thế nào", {"steps"}),
        # the papers needed as a noun, the forms, the copies
        ("xin hướng dẫn hồ sơ cần thiết để làm hộ chiếu", {"documents"}),
        ("ly hôn phải điền mẫu đơn nào", {"documents"}),
        ("cần bản sao giấy khai sinh để nộp hồ sơ nhập học cho con", set()),
        ("chợ phiên họp vào ngày nào", set()),
        ("đăng ký kết hôn phải nộp kèm gì", {"documents"}),
        ("lam so do can giay ma gi", {"documents"}),
        ("làm hộ chiếu có phải mang bản chính không", {"documents"}),
        ("đăng ký kết hôn hồ sơ ra sao", {"documents"}),
        # how to file, and a dossier's progress, are not the papers
        ("nộp hồ sơ đăng ký kết hôn như thế nào", {"steps"}),
        ("hồ sơ thế nào rồi", {"status"}),
        # a bare fee in a list
        ("đăng ký kết hôn - phí", {"fee"}),
        ("cấp sổ đỏ: hồ sơ, phí?", {"documents", "fee"}),
        # the same day, at once, in time, hours
        ("làm giấy khai sinh lấy trong ngày được không", {"time"}),
        ("đăng ký kết hôn lấy liền được không", {"time"}),
        ("làm hộ chiếu có kịp không", {"time"}),
        ("chứng thực bản sao mất mấy tiếng", {"time"}),
        ("đăng ký kết hôn lúc nào có", {"time"}),
        # the sums to pay
        ("đăng ký kết hôn phải nộp những khoản phí nào", {"fee"}),
        ("lệ phí và thời gian đăng ký kết hôn", {"fee", "time"}),
        # "đem gì theo", the list of papers, papers added after another ask
        ("làm hộ chiếu đem gì theo", {"documents"}),
        ("danh sách giấy tờ làm hộ chiếu", {"documents"}),
        ("làm hộ chiếu các bước và giấy tờ", {"steps", "documents"}),
        # the price asked how; "thế nào" right after another ask is that ask
        ("làm hộ chiếu giá cả thế nào", {"fee"}),
        ("làm hộ chiếu lệ phí với thời gian thế nào", {"fee", "time"}),
        ("nop ho so dai hoc online the nao", {"where", "steps"}),
        # "bao nhiêu" before a span of time, quick or long, which day
        ("làm hộ chiếu bao nhiêu lâu", {"time"}),
        ("làm hộ chiếu bao nhiêu hôm", {"time"}),
        ("làm hộ chiếu nhanh không", {"time"}),
        ("làm hộ chiếu có lâu lắm không", {"time"}),
        ("làm hộ chiếu thì ngày nào được nhận", {"time"}),
        # the result of a named procedure is its time; one's own result stays a status
        ("khi nào tôi có thể nhận kết quả cấp hộ chiếu", {"time"}),
        ("bao giờ tôi nhận được kết quả vậy ạ", {"status"}),
        ("khi nào em nhận được kết quả hồ sơ", {"status"}),
        ("khi nao toi lay duoc can cuoc", {"status"}),
    ],
)
def test_general_readings(db: Any, question: str, expected: set[str]) -> None:
    assert set(intents.analyse(question).intents) == expected


def _module() -> Any:
    spec = importlib.util.spec_from_file_location("i17a_templates", EVAL / "i17a.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_templates_and_tsv_are_well_formed() -> None:
    module = _module()
    allowed = {"documents", "fee", "time", "where", "steps", "overview"}
    assert len(module.NEEDS) == 24
    for template, expected, difficulty in module.TEMPLATES:
        assert template.count("{need}") == 1
        assert set(expected) <= allowed and expected
        assert difficulty in {"plain", "colloquial", "multi"}
    lines = (EVAL / "i17a.tsv").read_text(encoding="utf-8").splitlines()
    assert len(lines) == 6 * len(module.TEMPLATES)
    codes = {code for code, _, _ in module.NEEDS}
    for line, (question, code, expected, half) in zip(lines, module.questions(), strict=True):
        parts = line.split("\t")
        assert len(parts) == 4
        assert parts == [question, code, ",".join(expected), half]
        assert code in codes and half in {"tune", "check"}
