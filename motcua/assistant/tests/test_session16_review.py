"""Session 16 review: the day's new readings and refusals misread ordinary questions. Each case
was answered wrongly by the merged code (confident wrong, or refused) before its fix."""

from __future__ import annotations

import pytest

from motcua.assistant import intents
from motcua.assistant.services import ask


@pytest.mark.parametrize("question", [
    "cách dừng hoạt động hộ kinh doanh",  # "dừng" (stop) folds like "dùng" (use)
    "hướng dẫn dừng kinh doanh",
    "thủ tục cấp giấy xác nhận đủ điều kiện làm tổng đại lý kinh doanh xăng dầu",  # no "tổng đài"
    "tra cứu hồ sơ bằng số điện thoại",  # the number is a key, not a contact
])
def test_no_refusal_as_a_contact_or_a_how_to_use(db: None, question: str) -> None:
    assert not intents.analyse(question).beyond


def test_how_to_use_is_still_refused_with_its_accent_or_su_dung(db: None) -> None:
    assert intents.analyse("cách dùng bình chữa cháy").beyond
    assert intents.analyse("huong dan su dung binh chua chay").beyond


@pytest.mark.parametrize("question", [
    "xem tuổi được hưởng lương hưu", "xem tuổi của con có đủ đi học lớp 1 chưa",
])
def test_an_age_a_procedure_states_is_no_fortune_telling(db: None, question: str) -> None:
    assert not intents.analyse(question).judgement


def test_fortune_telling_is_still_a_judgement(db: None) -> None:
    assert intents.analyse("xem tuổi mở công ty năm nay").judgement


@pytest.mark.parametrize(("question", "code"), [
    ("thủ tục nhập khẩu cho con mới sinh", {"1.004222", "2.000986", "1.001193"}),  # residence, not customs
    ("thủ tục nhập khẩu về nhà chồng", {"1.004222"}),
    ("đổi sổ nhà cũ sang sổ mới", {"1.012783"}),  # "sổ nhà" is the land certificate
    ("cách dừng hoạt động hộ kinh doanh", {"1.001266"}),
    ("xem tuổi được hưởng lương hưu", {"2.000605"}),
])
def test_ordinary_questions_keep_their_procedure(real_catalog: None, question: str, code: set[str]) -> None:
    answer = ask(question)
    assert answer.confident and answer.sources[0].code in code


def test_a_fishing_vessel_that_stops_is_no_mine(real_catalog: None) -> None:
    answer = ask("tàu cá thôi khai thác thủy sản thì làm thủ tục gì")
    assert not answer.sources or answer.sources[0].code != "1.014269"  # the mining licence's return
