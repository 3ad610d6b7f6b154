"""Everyday readings found on fresh tuning questions: what a procedure does (its action), a
death told as "mất", the citizen's own money, events that end in "xong", "hủy" for "xóa"."""

from __future__ import annotations

from motcua.api.tests.conftest import Province
from motcua.assistant import intents
from motcua.assistant.retrieval import _unasked_qualifiers
from motcua.catalog.search import synonyms


def test_a_name_without_the_action_asked_for_is_another_procedure() -> None:
    assert _unasked_qualifiers("gia han tam tru", "Gia hạn tạm trú") == 0
    assert _unasked_qualifiers("gia han tam tru", "Đăng ký tạm trú") == 1


def test_a_name_whose_action_the_question_does_not_mean_is_another_procedure() -> None:
    assert _unasked_qualifiers("dang ky tam tru", "Xóa đăng ký tạm trú") == 1
    assert _unasked_qualifiers("huy tam tru", "Xóa đăng ký tạm trú") == 0
    assert _unasked_qualifiers("tai khoan bi khoa mo khoa lai", "Mở khóa tài khoản định danh điện tử") == 0
    assert _unasked_qualifiers("tai khoan bi khoa mo khoa lai", "Khóa tài khoản định danh điện tử") == 1


def test_mat_after_a_family_member_is_a_death_not_a_lost_paper() -> None:
    assert _unasked_qualifiers("ong noi mat khai tu", "Đăng ký lại khai tử") == 1
    assert _unasked_qualifiers("ong noi mat khai tu", "Đăng ký khai tử") == 0
    assert _unasked_qualifiers("mat giay khai tu lam lai", "Đăng ký lại khai tử") == 0


def test_huy_reads_as_xoa_and_lanh_as_linh() -> None:
    rules = synonyms().rules
    assert ("xoa",) in rules[("huy",)]
    assert ("linh",) in rules[("lanh",)]
    # a business's name is no person's name (the civil-status "đổi tên")
    assert rules[("doi", "ten", "ho", "kinh", "doanh")][0][:3] == ("thay", "doi", "noi")


def test_own_money_and_an_event_that_ends_ask_no_fee_or_time(province: Province) -> None:
    assert intents.analyse("rút bhxh 1 lần bao lâu mới có tiền").intents == ("time",)
    assert intents.analyse("nợ thuế chưa có tiền đóng một lần").intents == ()
    assert intents.analyse("sinh xong đi làm lại vẫn yếu thì làm gì").intents == ()
    assert intents.analyse("bao lâu thì xong").intents == ("time",)
    assert intents.analyse("thẻ bhyt bị mất xin lại có mất tiền không").intents == ("fee",)
    assert intents.analyse("tiến độ hồ sơ của tôi").intents == ("status",)
    assert "lam viec" not in intents.analyse("đăng ký giám hộ mất mấy ngày làm việc").topic
