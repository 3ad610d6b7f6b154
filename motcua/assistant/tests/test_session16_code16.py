"""Session 16 (code16): structural misreadings. Rules beginning with "thủ tục" fire, rules written
with an abbreviation the catalog writes out hold, "mã HS" of goods is no dossier code, "đổi số …"
is no "đổi sổ", and contacts, how-to-use questions and tax-code look-ups are not answered.
Questions here are in no eval file."""

from __future__ import annotations

from typing import Any

import pytest

from motcua.assistant import intents
from motcua.catalog import search


def test_rules_beginning_with_thu_tuc_reach_the_search(db: Any) -> None:
    # "thủ tục thuế khi sáp nhập" is a rule of the synonyms file
    assert intents.analyse("thủ tục thuế khi sáp nhập").topic == "thu tuc thue khi sap nhap"
    assert intents.analyse("tt thuế khi sáp nhập doanh nghiệp").topic.startswith("thu tuc thue khi sap nhap")
    # no rule: "thủ tục" says nothing and is dropped as before
    assert intents.analyse("thủ tục làm hộ chiếu").topic == "lam ho chieu"
    assert "thu tuc" not in intents.analyse("thủ tục đăng ký kết hôn").topic


def test_rules_written_with_an_abbreviation_hold_written_out() -> None:
    syn = search.parse_synonyms(
        ["sổ bhxh bị sai => cấp lại sổ", "bhxh => bảo hiểm xã hội", "giá trị gia tăng => gtgt"]
    )
    spelled = search.spelled_rules(syn, {"bhxh": "bao hiem xa hoi"})
    assert spelled.rules[("so", "bao", "hiem", "xa", "hoi", "bi", "sai")] == (("cap", "lai", "so"),)
    assert ("so", "bhxh", "bi", "sai") in spelled.rules  # as written, too
    # "bhxh => bảo hiểm xã hội" says what the writing out did: no rule of the phrase to itself
    assert ("bao", "hiem", "xa", "hoi") not in spelled.rules
    assert spelled.longest == 7
    assert search.spelled_rules(syn, {}) is syn


def test_hs_code_of_goods_is_no_dossier_code(db: Any) -> None:
    for question in ("mã HS của máy xúc là gì", "áp mã hs cho hàng nhập khẩu", "tra mã hs hàng hóa"):
        analysis = intents.analyse(question)
        assert "status" not in analysis.intents, question
        assert " hs " in f" {analysis.topic} ", question
    assert intents.analyse("mã hs của tôi").intents == ("status",)
    assert intents.analyse("mã hs của tôi mấy ngày có kết quả").intents == ("status",)
    assert intents.analyse("mã hs của tôi bên hải quan").intents == ("status",)


def test_a_number_changed_is_no_land_certificate() -> None:
    assert search._numbered(("doi", "so"), ["doi", "so", "dien", "thoai"], 0, 2)
    assert search._numbered(("cap", "doi", "so"), ["cap", "doi", "so", "khung", "xe"], 0, 3)
    assert not search._numbered(("doi", "so"), ["muon", "doi", "so", "nha"], 1, 2)  # "sổ nhà"
    assert not search._numbered(("doi", "so"), ["doi", "so", "do"], 0, 2)
    assert not search._numbered(("doi", "so"), ["doi", "so"], 0, 2)
    assert not search._numbered(("ho", "so"), ["ho", "so", "nha", "dat"], 0, 2)


@pytest.mark.parametrize(
    ("question", "beyond"),
    [
        ("số điện thoại chi cục hải quan", True),
        ("sđt bhxh huyện", True),
        ("hotline bảo hiểm xã hội", True),
        ("cách dùng bình chữa cháy", True),
        ("hướng dẫn sử dụng bình chữa cháy", True),
        ("tra cứu mã số thuế", True),
        ("quên mã số thuế cá nhân", True),
        # a number changed or registered is a procedure; so are a procedure's steps
        ("đổi số điện thoại trên sổ bảo hiểm", False),
        ("số điện thoại đăng ký thuế bị sai", False),
        ("cách làm hộ chiếu", False),
        ("cách làm căn cước cho con", False),
        ("khôi phục mã số thuế", False),
        ("chuyển mục đích sử dụng đất", False),
    ],
)
def test_questions_no_procedure_answers(db: Any, question: str, beyond: bool) -> None:
    assert intents.analyse(question).beyond is beyond


def test_readings_on_the_real_catalog(real_catalog: None) -> None:
    from motcua.assistant.services import ask

    index = search.get_index()

    def words(query: str) -> set[str]:
        return {t for reading in search.analyse(query, index) for t, _ in reading}

    # "công ty tnhh 2 thành viên => … hai thành viên trở lên", written with "tnhh"
    assert "tro" in words("cong ty tnhh 2 thanh vien")
    # "đổi sổ" is the land certificate ("đổi sổ nhà" too: a house number is rarely renumbered)
    assert "chung" in words("doi so do")
    assert "chung" in words("doi so nha")
    assert "chung" not in words("doi so dien thoai")
    assert not ask("số điện thoại chi cục hải quan").confident
    assert ask("cách làm hộ chiếu").confident


def test_thu_tuc_gives_way_to_a_longer_phrase_beginning_after_it(monkeypatch: pytest.MonkeyPatch) -> None:
    # "thủ tục nhập khẩu cho con" is a residence's "nhập khẩu cho con", not customs' "thủ tục nhập khẩu"
    rules = search.parse_synonyms([
        "thủ tục nhập khẩu => thủ tục hải quan", "nhập khẩu cho con => đăng ký thường trú",
    ])
    monkeypatch.setattr(intents, "synonyms", lambda: rules)
    assert intents.analyse("thủ tục nhập khẩu cho con").topic == "nhap khau cho con"
    assert intents.analyse("thủ tục nhập khẩu cà phê").topic == "thu tuc nhap khau ca phe"
