"""Session 7 (docs/assistant.md): life situations told in everyday words, read through the
catalog search's synonyms; variants for organisations and projects; weak matches and choices of
a private provider refused; the development set's two fixed halves."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from django.conf import settings

from motcua.api.tests.conftest import Province
from motcua.assistant import intents
from motcua.assistant.evaluation import load_rows
from motcua.assistant.retrieval import INFORMATIVE_SCORE, MIN_ABOUT, Candidate, _unasked_qualifiers
from motcua.catalog.search import SearchHit, synonyms

EVAL = Path(settings.BASE_DIR) / "eval"


def dev_halves(q: Any, prefix: str) -> dict[str, str]:
    """The fixed halves of a development questions module, by the shared shuffle."""
    sys.path.insert(0, str(EVAL))
    from assistant_dev_halves import halves  # type: ignore[import-not-found]

    extra = getattr(q, "OFF_TOPIC_TUNE_EXTRA", [])
    return halves([x for x, *_ in q.QUESTIONS], q.OFF_TOPIC, q.SEED, prefix, extra)


def test_dev7_has_120_situations_and_30_offtopic_questions_in_two_fixed_halves() -> None:
    sys.path.insert(0, str(EVAL))
    import assistant_dev7_questions as q  # type: ignore[import-not-found]

    rows = load_rows(EVAL / "assistant_dev7.jsonl")
    about = [r for r in rows if r["expected"]]
    off_topic = [r for r in rows if r["intent"] == "off_topic"]
    assert len(about) == len(q.QUESTIONS) >= 120 and len(q.OFF_TOPIC) >= 30
    assert len(off_topic) == len(q.OFF_TOPIC) + len(q.OFF_TOPIC_TUNE_EXTRA)
    assert len({r["question"] for r in rows}) == len(rows)
    # The halves come from the fixed shuffle, the late off-topic extras are tuned on only.
    half = dev_halves(q, "dev7")
    assert all(r["split"] == half[r["question"]] for r in rows)
    assert {half[x] for x in q.OFF_TOPIC_TUNE_EXTRA} == {"dev7_tune"}
    check = [r for r in about if r["split"] == "dev7_check"]
    assert abs(len(check) - len(about) / 2) <= 1
    assert sum(1 for r in about if r["facts"]) >= 0.9 * len(about)


def test_dev8_has_125_questions_and_35_offtopic_ones_in_two_fixed_halves() -> None:
    sys.path.insert(0, str(EVAL))
    import assistant_dev8_questions as q  # type: ignore[import-not-found]

    rows = load_rows(EVAL / "assistant_dev8.jsonl")
    about = [r for r in rows if r["expected"]]
    assert len(about) == len(q.QUESTIONS) >= 125 and len(q.OFF_TOPIC) >= 35
    assert len(rows) == len(q.QUESTIONS) + len(q.OFF_TOPIC) == len({r["question"] for r in rows})
    half = dev_halves(q, "dev8")
    assert all(r["split"] == half[r["question"]] for r in rows)
    check = [r for r in about if r["split"] == "dev8_check"]
    assert abs(len(check) - len(about) / 2) <= 1
    assert {r["difficulty"] for r in about} == {"plain", "colloquial", "multi"}
    assert sum(1 for r in about if r["facts"]) >= 0.9 * len(about)
    # Mostly procedures no earlier visible part uses (first accepted code).
    earlier = {code for name in ("assistant.jsonl", "assistant_tuning_extra.jsonl",
                                 "assistant_dev_offtopic.jsonl", "assistant_dev7.jsonl",
                                 "assistant_heldout2.jsonl")
               for r in load_rows(EVAL / name) for code in r["expected"]}
    assert sum(1 for r in about if r["expected"][0] not in earlier) >= 0.6 * len(about)


def test_dev9_is_drawn_from_procedures_no_earlier_visible_set_uses_in_two_fixed_halves() -> None:
    sys.path.insert(0, str(EVAL))
    import assistant_dev9_questions as q  # type: ignore[import-not-found]

    rows = load_rows(EVAL / "assistant_dev9.jsonl")
    about = [r for r in rows if r["expected"]]
    assert len(about) == len(q.QUESTIONS) >= 115 and len(q.OFF_TOPIC) >= 30
    assert len(rows) == len(q.QUESTIONS) + len(q.OFF_TOPIC) == len({r["question"] for r in rows})
    half = dev_halves(q, "dev9")
    assert all(r["split"] == half[r["question"]] for r in rows)
    check = [r for r in about if r["split"] == "dev9_check"]
    assert abs(len(check) - len(about) / 2) <= 1
    assert {r["difficulty"] for r in about} == {"plain", "colloquial", "multi"}
    assert sum(1 for r in about if r["question"].isascii()) >= 0.7 * len(about)
    # Every first accepted code is one no earlier visible part accepts.
    earlier = {code for name in ("assistant.jsonl", "assistant_tuning_extra.jsonl",
                                 "assistant_dev_offtopic.jsonl", "assistant_dev7.jsonl",
                                 "assistant_dev8.jsonl", "assistant_heldout2.jsonl")
               for r in load_rows(EVAL / name) for code in r["expected"]}
    assert not {r["expected"][0] for r in about} & earlier


def test_life_situations_read_as_their_procedure_family() -> None:
    rules = synonyms().rules
    assert ("che", "do", "tu", "tuat") in rules[("mai", "tang")]
    assert ("di", "san") in rules[("bo", "me", "de", "lai")]
    assert ("tu", "choi", "nhan", "di", "san") in rules[("khong", "muon", "nhan", "phan")]
    assert ("chuyen", "muc", "dich", "su", "dung", "dat") in rules[("dat", "vuon", "sang", "dat", "o")]
    assert ("cham", "dut") in rules[("thoi", "lam")]
    assert ("dich", "benh", "dong", "vat") in rules[("dich", "ta", "chau", "phi")]
    # Whole words only: folded, "bò" is "bố", "gà" "ga", "bão" "bảo", and "đăng ký tạm" begins
    # "đăng ký tạm trú".
    for word in (("bo",), ("ga",), ("de",), ("lon",), ("bao",), ("dang", "ky", "tam")):
        assert word not in rules, word


def test_variants_for_organisations_projects_and_the_largest_works_are_special_cases() -> None:
    name = "Tổ chức kinh tế nhận chuyển nhượng, thuê quyền sử dụng đất"
    assert _unasked_qualifiers("sang ten so do", name) == 1
    assert _unasked_qualifiers("cong ty nhan chuyen nhuong dat", name) == 0
    project = "Đăng ký, cấp Giấy chứng nhận cho người nhận chuyển nhượng nhà ở trong dự án bất động sản"
    assert _unasked_qualifiers("mua nha", project) == 2  # "trong dự án", "dự án bất động sản"
    assert _unasked_qualifiers("mua can ho chung cu", project) == 0
    largest = "Gia hạn giấy phép xây dựng đối với công trình cấp đặc biệt, cấp I, cấp II"
    assert _unasked_qualifiers("gia han giay phep xay dung", largest) == 1
    # "Điều chỉnh quyết định…" corrects a decision: not what "chuyển đất vườn sang đất ở" asks.
    adjust = "Điều chỉnh quyết định giao đất, cho phép chuyển mục đích sử dụng đất"
    assert _unasked_qualifiers("chuyen dat vuon sang dat o", adjust) == 1
    assert _unasked_qualifiers("quyet dinh giao dat bi sai dien tich", adjust) == 0


def test_a_provider_to_choose_or_a_personal_amount_is_no_catalog_fact(province: Province) -> None:
    for question in (
        "lam so do o van phong dich vu nao nhanh",
        "nen mua bao hiem nhan tho cua hang nao",
        "tinh luong huu cua toi duoc bao nhieu",
        "nghỉ thai sản được hưởng bao nhiêu",
    ):
        assert intents.analyse(question).judgement, question
    for question in ("lệ phí đăng ký kết hôn bao nhiêu", "nộp hồ sơ ở cơ quan nào", "mất bao nhiêu ngày",
                     # words that fold like a provider's or an amount's: facts the catalog states
                     "lái xe tải cần bằng lái hạng nào", "nộp hồ sơ sang tên sổ đỏ ở văn phòng nào",
                     "nghỉ thai sản được hưởng bao nhiêu tháng", "cấp bản sao trích lục được bao nhiêu bản",
                     "hộ chiếu có giá trị được bao nhiêu năm",
                     "nộp cách nào nhanh hơn trực tuyến hay trực tiếp", "nộp lệ phí qua ngân hàng nào"):
        assert not intents.analyse(question).judgement, question


def test_a_fee_word_inside_an_everyday_phrase_names_the_topic(province: Province) -> None:
    analysis = intents.analyse("lon nha bi dich ta chau phi chet het, xin ho tro")
    assert analysis.intents == () and "phi" in analysis.topic.split()
    assert intents.analyse("le phi dang ky ket hon bao nhieu").intents == ("fee",)


def test_a_weak_match_must_be_about_the_question() -> None:
    hit = SearchHit(procedure_id=1, code="3.000059", name="Giải ngân vốn vay", score=INFORMATIVE_SCORE - 15)
    # "đại học" found in a long loan programme's name: whole coverage, but a name it barely touches.
    assert not Candidate(hit, 1.0, True, 1.0, 2, 2, True, 2, about=MIN_ABOUT / 2).confident
    assert Candidate(hit, 1.0, True, 1.0, 2, 2, True, 2, about=0.4).confident
    strong = SearchHit(procedure_id=1, code="3.000059", name="Giải ngân vốn vay", score=INFORMATIVE_SCORE + 1)
    assert Candidate(strong, 1.0, True, 1.0, 2, 2, True, 2, about=MIN_ABOUT / 2).confident


def test_everyday_situations_find_their_procedure_on_the_real_catalog(real_catalog: None) -> None:
    from motcua.assistant.services import ask
    for question, code in (
        ("bo mat ko de lai di chuc, anh em muon chia dat thi lam van ban o dau", "2.001406"),
        ("lon nha bi dich ta chau phi chet het, xin ho tro thiet hai", "1.013997"),
        ("lam giay thong hanh qua cua khau mat bao lau", "1.003133"),
        ("mua o to cu chay tam ve nha chua co bien, xin dang ky tam thoi", "1.013083"),
    ):
        answer = ask(question)
        assert answer.confident and answer.sources[0].code == code, (question, answer.sources)
    assert ask("đăng ký tạm trú cho người thuê trọ").sources[0].code == "1.004194"
    for question in ("công thức làm bánh chưng", "nop ho so dai hoc online the nao"):
        assert ask(question).confident is False, question
