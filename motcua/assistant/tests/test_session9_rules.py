"""Session 9 (docs/assistant.md): a phrase borrows no legal words across a word no reading knows,
a foreign word is judged on what the question is about (not on who it is for), nouns that are
also cue words ("quy trình vận hành", "thời hạn sử dụng", "chi phí cưỡng chế"), procedures filed
abroad as a variant, and everyday readings (foreign nationals, a house added to a title, a birth
never registered; "hàng xóm" is no dispute). Questions here are in no eval file."""

from __future__ import annotations

from typing import Any

from motcua.assistant import intents
from motcua.assistant.retrieval import _unasked_qualifiers, _words
from motcua.catalog import search as catalog_search
from motcua.catalog.search import build_index, synonyms


def _row(i: int, name: str) -> dict[str, Any]:
    return {"id": i, "code": f"X{i}", "name": name, "field_name": "",
            "at_commune": True, "at_province": False, "at_ministry": False, "at_other": False}


def test_a_phrase_does_not_borrow_legal_words_across_a_word_no_reading_knows() -> None:
    index = build_index([_row(1, "Đăng ký cai nghiện ma túy tự nguyện"), _row(2, "Đăng ký khai sinh")],
                        fingerprint=("session 9",))
    addicted, app = _words("con nghien tiktok", index)[1:]
    assert {"cai", "ma", "tuy"} <= addicted.meanings  # "con nghiện" still reads as an addict
    assert app.meanings == frozenset({"tiktok"})  # the app explains nothing of it
    assert not _words("nop don len toa", index)[2].counts  # "lên": where a paper goes
    # A phrase the question spells out whole still lends its words to every word of it.
    assert all({"cai", "ma", "tuy"} <= w.meanings for w in _words("con nghien", index))


def test_procedures_filed_abroad_are_a_variant_for_who_is_abroad() -> None:
    abroad = "Nhập quốc tịch Việt Nam ở nước ngoài"
    assert _unasked_qualifiers("chong nguoi han quoc song o lang son xin nhap quoc tich", abroad) == 1
    assert _unasked_qualifiers("dang lam viec ben han quoc muon xin nhap quoc tich", abroad) == 0
    assert _unasked_qualifiers("nop qua dai su quan xin nhap quoc tich", abroad) == 0
    # "định cư ở nước ngoài" names who may apply, not where it is filed.
    land = ("Đăng ký đất đai, cấp Giấy chứng nhận lần đầu đối với hộ gia đình, cá nhân, người gốc "
            "Việt Nam định cư ở nước ngoài")
    assert _unasked_qualifiers("lam so do lan dau cho manh vuon", land) == 0


def test_everyday_readings_of_session_9() -> None:
    rules = synonyms().rules
    foreigner = ("nguoi", "nuoc", "ngoai")
    assert foreigner in rules[("nguoi", "trung", "quoc")]
    assert foreigner in rules[("nguoi", "han", "quoc")]
    # Folded, "người lào" begins "người lao động": no rule.
    assert ("nguoi", "lao") not in rules
    house = rules[("ghi", "them", "nha", "vao", "so", "do")]
    assert ("dang", "ky", "tai", "san", "gan", "lien", "voi", "thua", "dat", "da", "duoc", "cap", "giay",
            "chung", "nhan") in house
    assert ("dang", "ky", "khai", "sinh") in rules[("chua", "co", "giay", "khai", "sinh")]
    # A neighbour is no dispute: selling land to one is a sale.
    assert ("hang", "xom") not in rules
    assert ("tranh", "chap", "dat", "dai") in rules[("lan", "sang", "dat")]


def test_a_noun_classifier_inside_a_phrase_is_optional() -> None:
    syn = synonyms()
    assert syn.rule_key(("chuyen", "nhuong", "manh", "dat")) == ("chuyen", "nhuong", "dat")
    assert syn.rule_key(("mua", "lai", "lo", "dat")) == ("mua", "lai", "dat")
    assert syn.rule_key(("ghi", "them", "cai", "nha", "vao", "so", "do")) == (
        "ghi", "them", "nha", "vao", "so", "do"
    )
    # A phrase typed as a rule reads as itself ("bán lô đất" has its own rule).
    assert syn.rule_key(("ban", "lo", "dat")) == ("ban", "lo", "dat")
    # Never the first or last word: folded, "thửa" is "thừa", "cái" is "cai" (nghiện).
    assert syn.rule_key(("thua", "ke", "dat")) != ("ke", "dat")
    assert syn.rule_key(("xin", "cai")) is None
    # Only before a noun it counts: folded, "bố cãi nhau" (a quarrel) is "bo cai nhau", and "bỏ
    # nhau" (a divorce) has a rule.
    assert ("bo", "nhau") in syn.rules
    assert syn.rule_key(("bo", "cai", "nhau")) is None
    # Folded, "người nhật" is also "người nhặt (được)", the finder of something lost: no rule.
    assert ("nguoi", "nhat") not in syn.rules and ("nguoi", "nhat", "ban") in syn.rules
    assert syn.rule_key(("ban", "dat", "lo")) is None
    # The search reads the classifier's phrase as the rule's.
    index = build_index([_row(1, "Đăng ký biến động chuyển nhượng quyền sử dụng đất")], fingerprint=("s9",))
    readings = catalog_search.analyse("chuyen nhuong manh dat", index)
    assert any("quyen" in {t for t, _ in r} for r in readings), readings


def test_session_9_rules_on_the_real_catalog(real_catalog: None) -> None:
    from motcua.assistant.services import ask
    # Nouns that are cue words ask nothing where the catalog uses them as a phrase ...
    assert intents.analyse("ho chua nuoc cua thon can phe duyet quy trinh van hanh, can gi").intents == (
        "documents",
    )
    assert intents.analyse("giay phep nuoi ca het thoi han su dung thi nop o dau").intents == ("where",)
    assert "fee" not in intents.analyse("gia dinh kho khan xin giam chi phi cuong che").intents
    # ... and still ask when a question word follows them.
    assert intents.analyse("thoi han giai quyet ho so mai tang la bao lau").intents == ("time",)
    assert intents.analyse("chi phi lam so do bao nhieu").intents == ("fee",)
    assert intents.analyse("quy trinh lam giay khai sinh nhu the nao").intents == ("steps",)
    # "lên" says where a paper goes: a question counts it as no word of its own.
    answer = ask("gui don khoi kien len toa bang dich vu cong truc tuyen")
    assert answer.confident and answer.sources[0].code == "3.000163", answer.sources
    # A foreign word the name does not explain: the people a question is for do not make up
    # for it; the same question about the catalog's subject is answered.
    assert not ask("con toi nghien tiktok qua thi phai lam sao").confident
    answer = ask("con toi nghien ma tuy, muon dang ky cai nghien tu nguyen")
    assert answer.confident and answer.sources[0].code == "3.000527", answer.sources
    for question, code in (
        # A sale to a neighbour is the general transfer, not the household/public-property one.
        ("ban manh dat cho nha hang xom thi sang ten so do the nao", "1.013831"),
        # A Chinese spouse is a foreigner; living here is not filing abroad.
        ("chong toi nguoi trung quoc o lang son 12 nam muon nhap quoc tich viet nam", "2.002039"),
        ("xay xong nha muon ghi them nha vao so do thi can gi", "1.013995"),
    ):
        answer = ask(question)
        assert answer.confident and answer.sources[0].code == code, (question, answer.sources)
