"""Off-topic refusal (docs/assistant.md, step 3 and "Session 6"): a question
asking for a judgement is never answered from the catalog, and a name that leaves part of a
question unexplained must explain its informative words."""

from __future__ import annotations

from motcua.api.tests.conftest import Province
from motcua.assistant import intents
from motcua.assistant.retrieval import INFORMATIVE_SCORE, Candidate
from motcua.catalog.search import SearchHit


def test_a_question_asking_whether_to_or_which_is_better_asks_for_a_judgement(province: Province) -> None:
    for question in (
        "có nên mua nhà lúc này không",
        "nen mua dat o que hay mua chung cu tren thanh pho",
        "gửi tiết kiệm hay mua đất thì lời hơn",
        "đăng ký học lái xe ở trung tâm nào tốt",
        "mua bảo hiểm xe máy ở đâu rẻ",
        "mua bảo hiểm nhân thọ có tốt không",
        "thợ sửa điều hòa nào uy tín",
        "nên mua nhà không?",
        "xin lời khuyên nên học ngành gì",
    ):
        assert intents.analyse(question).judgement, question
    # "nên" alone, a fee asked as "giá", "đăng ký" typed "dang k": no judgement.
    for question in (
        "tôi nên nộp hồ sơ khai sinh ở đâu",
        "chứng thực chữ ký giá bao nhiêu",
        "dang k tam tru can giay to gi",
        "mất sổ đỏ thì nên làm gì",
        "quỹ khuyến học của xã",
        "hồ sơ có đang được xử lý không",
        "nộp online bị lỗi không gửi được",
        "nộp ở xã hay ở tỉnh thì tốt hơn",
    ):
        assert not intents.analyse(question).judgement, question


def _candidate(score: float, coverage: float, explained: int, counted: int) -> Candidate:
    hit = SearchHit(procedure_id=1, code="1.000001", name="Đăng ký khai tử", score=score)
    return Candidate(hit, coverage, True, 1.0, explained, counted, True, counted)


def test_under_the_informative_score_every_word_must_be_explained() -> None:
    # "khai tử cho người thân": everything explained, a modest score.
    assert _candidate(21.3, 1.0, 2, 2).confident
    # "làm lại sim điện thoại bị mất": the common words explained, the object not.
    assert not _candidate(23.1, 4 / 6, 4, 6).confident
    # The same share with informative words explained is answered.
    assert _candidate(INFORMATIVE_SCORE + 1, 4 / 6, 4, 6).confident


def test_an_advice_question_is_not_answered_but_lists_close_procedures(province: Province) -> None:
    from motcua.assistant.services import ask

    assert ask("đăng ký kết hôn cần giấy tờ gì").confident is True
    answer = ask("có nên đăng ký kết hôn sớm không")
    assert answer.confident is False and answer.intent == "off_topic" and not answer.sources
    assert answer.suggestions[0]["code"] == "1.000894"


def test_a_foreign_name_is_a_word_with_vowels_that_is_no_vietnamese_syllable() -> None:
    from motcua.assistant.retrieval import _SYLLABLE, _VOWEL

    for word in ("chuot", "que", "nghieng", "khuya", "quyen", "sim", "giay"):
        assert _SYLLABLE.fullmatch(word), word
    for word in ("facebook", "game", "zalo", "iphone", "gta"):
        assert _VOWEL.search(word) and not _SYLLABLE.fullmatch(word), word
    # Abbreviations are no names.
    assert not _VOWEL.search("pccc") and not _VOWEL.search("bhyt")
