"""Session 15 (code pass): intents read from colloquial cues, procedure questions that were read
as a dossier's status, "trợ giúp" kept in the topic, same-named procedures of two fields, and
"nhập khẩu" next to goods. Questions here are in no eval file."""

from __future__ import annotations

from typing import Any

import pytest

from motcua.assistant import intents


def _asked(question: str) -> set[str]:
    return set(intents.analyse(question).intents)


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        # the money goes with its verb: no "mất" (lost, died) left in the topic
        ("khai sinh cho con có mất tiền không", {"fee"}),
        ("chứng thực bản sao có mất đồng nào không", {"fee"}),
        ("làm căn cước cho con có tốn tiền không", {"fee"}),
        # "hết bao nhiêu" stays the fee beside a time cue
        ("đăng ký xe máy hết bao nhiêu và bao lâu có", {"fee", "time"}),
        ("chứng thực bản sao hết bao nhiêu và bao lâu có", {"fee", "time"}),
        ("đổi bằng lái mất bao nhiêu ngày", {"time"}),
        # going up to the province, then how ("phải lên tỉnh thế nào"): a place and the steps
        ("làm hộ chiếu phải lên tỉnh thế nào", {"where", "steps"}),
        ("chuyển hộ khẩu về tỉnh thế nào", {"steps"}),
        ("phí trước bạ tính thế nào", {"fee"}),
        # who deals with it; police or committee
        ("cấp đổi sổ đỏ ai giải quyết", {"where"}),
        ("làm hộ chiếu làm ở công an hay ủy ban", {"where"}),
        # whether it is quick
        ("đăng ký xe máy có nhanh không", {"time"}),
        # review: "mất bao nhiêu thời gian" is time only; a branch ("chi nhánh không") is no
        # "nhanh không"; Egypt ("Ai Cập") is no "ai cấp"
        ("làm hộ chiếu mất bao nhiêu thời gian", {"time"}),
        ("công ty có được mở chi nhánh không", set()),
        ("kết hôn với người Ai Cập", set()),
        ("giấy phép lái xe ai cấp cho", {"where"}),
    ],
)
def test_colloquial_cues(db: Any, question: str, expected: set[str]) -> None:
    assert _asked(question) == expected


@pytest.mark.parametrize(
    "question",
    [
        "hồ sơ cấp đổi sổ đỏ cho bố mình mất bao lâu",
        "hồ sơ làm căn cước cho mẹ tôi mất bao lâu",
        "thủ tục tách thửa bây giờ thế nào rồi",
        "nộp hồ sơ mà không có giấy khai sinh thì sao",
        "nộp hồ sơ kết hôn mà không có giấy xác nhận độc thân thì sao",
    ],
)
def test_procedure_questions_are_no_status(db: Any, question: str) -> None:
    assert "status" not in intents.analyse(question).intents


@pytest.mark.parametrize(
    "question",
    [
        "hồ sơ sổ đỏ của bố tôi thế nào rồi",
        "hồ sơ của tôi thế nào rồi",
        "thủ tục tách thửa của tôi thế nào rồi",
        "nộp hồ sơ 3 tháng rồi mà không có kết quả",
        "nộp hồ sơ rồi mà chưa có sổ",
        "nộp hồ sơ mà không thấy ai gọi",
    ],
)
def test_status_questions_stay(db: Any, question: str) -> None:
    assert intents.analyse(question).intents == ("status",)


def test_legal_aid_keeps_its_help(real_catalog: None) -> None:
    # "trợ giúp" names legal aid, not a call for help (`OVERVIEW_CUES`)
    assert intents.analyse("trợ giúp pháp lý ở đâu").topic == "tro giup phap ly"
    assert intents.analyse("tro giup phap ly can giay to gi").topic == "tro giup phap ly"
    assert intents.analyse("giúp tôi làm hộ chiếu").topic == "lam ho chieu"


def test_same_named_siblings_of_two_fields(db: Any) -> None:
    from motcua.assistant.retrieval import _sibling_key

    assert _sibling_key("Thủ tục gia hạn nộp thuế") == _sibling_key("Gia hạn nộp thuế") == "gia han nop thue"


def test_the_bonus_does_not_decide_between_siblings(real_catalog: None) -> None:
    from motcua.assistant.retrieval import retrieve

    # the tax office's "Gia hạn nộp thuế" and the customs' "Thủ tục gia hạn nộp thuế"
    assert retrieve("gia han nop thue")[0].hit.code == "1.008590"
    assert retrieve("gia han nop thue hai quan")[0].hit.code == "1.013490"


def test_import_next_to_goods_is_no_residence(real_catalog: None) -> None:
    from motcua.catalog.search import analyse, get_index

    index = get_index()

    def words(query: str) -> set[str]:
        return {t for reading in analyse(query, index) for t, _ in reading}

    assert "thuong" not in words("nhap khau may moc da qua su dung")
    assert "thuong" not in words("xe o to nhap khau")
    assert "thuong" in words("nhap khau cho con")
    assert "thuong" not in words("nhap khau thiet bi y te")
    assert "thuong" not in words("vat tu nhap khau")
    # review: a syllable of a goods word is an ordinary word of a residence question
    for question in ("nhập khẩu từ quê lên thành phố cho con", "nhập khẩu mấy ngày thì xong",
                     "con tôi nhập khẩu thuộc diện nào", "nhập khẩu hai con vào hộ bố",
                     "lo nhập khẩu cho con"):
        assert "thuong" in words(question), question
