"""eval/assistant.jsonl on the full real catalog (settings.DATA_DIR): the issue's targets."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from django.db import transaction

from motcua.assistant import knowledge
from motcua.assistant.evaluation import load_rows, measure
from motcua.catalog import search as catalog_search

CATALOG_FILE = Path(settings.DATA_DIR) / "catalog" / "procedures-2026-07.jsonl.gz"
INTENTS = {"documents", "fee", "time", "where", "steps", "status", "overview", "off_topic"}


def test_eval_set_has_200_questions_over_every_intent_difficulty_and_a_heldout_part() -> None:
    rows = load_rows()
    assert len(rows) >= 200
    assert {r["intent"] for r in rows} == INTENTS
    assert {r["difficulty"] for r in rows} == {"plain", "colloquial", "multi"}
    splits = Counter(r["split"] for r in rows)
    assert set(splits) == {"tuning", "heldout"} and splits["heldout"] >= 50
    about_procedures = [r for r in rows if r["intent"] not in {"status", "off_topic"}]
    assert all(r["expected"] for r in about_procedures)
    # A few procedures state no fee or time limit in the catalog: nothing to copy for those.
    assert sum(1 for r in about_procedures if r["facts"]) >= 0.95 * len(about_procedures)


HELDOUT2 = Path(settings.BASE_DIR) / "eval" / "assistant_heldout2.jsonl"
TUNING_EXTRA = Path(settings.BASE_DIR) / "eval" / "assistant_tuning_extra.jsonl"


def test_second_heldout_set_has_60_questions_on_procedures_no_other_part_uses() -> None:
    rows = load_rows(HELDOUT2)
    assert {r["split"] for r in rows} == {"heldout2"}
    about_procedures = [r for r in rows if r["intent"] not in {"status", "off_topic"}]
    assert len(about_procedures) >= 60
    assert sum(1 for r in rows if r["intent"] == "off_topic") >= 10
    assert {r["difficulty"] for r in about_procedures} == {"plain", "colloquial", "multi"}
    assert {r["intent"] for r in rows} == INTENTS
    others = {code for r in load_rows() + load_rows(TUNING_EXTRA) for code in r["expected"]}
    assert not others & {code for r in about_procedures for code in r["expected"]}
    # Some procedures state no time limit in the catalog: nothing to copy for those.
    assert sum(1 for r in about_procedures if r["facts"]) >= 0.9 * len(about_procedures)



HELDOUT3 = Path(settings.BASE_DIR) / "eval" / "assistant_heldout3.jsonl"


def test_third_heldout_set_is_on_procedures_the_earlier_parts_do_not_use() -> None:
    rows = load_rows(HELDOUT3)
    assert {r["split"] for r in rows} == {"heldout3"}
    about_procedures = [r for r in rows if r["intent"] not in {"status", "off_topic"}]
    assert len(about_procedures) >= 100 and sum(1 for r in rows if r["intent"] == "off_topic") >= 15
    assert {r["difficulty"] for r in about_procedures} == {"plain", "colloquial", "multi"}
    # Disjoint from the parts written before it. The session-4 tuning extras, drawn at the same
    # time by the tuner (who could not see this set), share 14 of its 32 procedures (docs/assistant.md).
    earlier = load_rows() + load_rows(HELDOUT2)
    others = {code for r in earlier for code in r["expected"]}
    assert not others & {code for r in about_procedures for code in r["expected"]}
    assert sum(1 for r in about_procedures if r["facts"]) >= 0.95 * len(about_procedures)


def test_third_tuning_extras_are_60_fresh_questions_on_procedures_no_heldout_part_uses() -> None:
    fresh = [r for r in load_rows(TUNING_EXTRA) if r["split"] == "tuning_extra"]
    questions = {r["question"] for r in fresh}
    import sys

    sys.path.insert(0, str(Path(settings.BASE_DIR) / "eval"))
    import assistant_tuning_extra3_questions as extra3  # type: ignore[import-not-found]

    rows = [r for r in fresh if r["question"] in {q for q, *_ in extra3.QUESTIONS}]
    assert len(rows) == len(extra3.QUESTIONS) == 60 and len(questions) == len(fresh)
    heldout = [r for r in load_rows() if r["split"] == "heldout"] + load_rows(HELDOUT2) + load_rows(HELDOUT3)
    assert not {c for r in heldout for c in r["expected"]} & {c for r in rows for c in r["expected"]}
    assert sum(1 for r in rows if r["facts"]) >= 0.9 * len(rows)


DEV_OFFTOPIC = Path(settings.BASE_DIR) / "eval" / "assistant_dev_offtopic.jsonl"


def test_offtopic_dev_split_has_60_offtopic_questions_and_60_guards_off_the_visible_heldout_parts() -> None:
    rows = load_rows(DEV_OFFTOPIC)
    assert {r["split"] for r in rows} == {"dev_offtopic"}
    off_topic = [r for r in rows if r["intent"] == "off_topic"]
    guards = [r for r in rows if r["intent"] != "off_topic"]
    assert len(off_topic) >= 60 and len(guards) == 60 and all(r["expected"] for r in guards)
    assert len({r["question"] for r in rows}) == len(rows)
    # Some with diacritics, some without.
    assert 15 <= sum(1 for r in off_topic if r["question"].isascii()) <= len(off_topic) - 15
    heldout = [r for r in load_rows() if r["split"] == "heldout"] + load_rows(HELDOUT2)
    assert not {c for r in heldout for c in r["expected"]} & {c for r in guards for c in r["expected"]}
    assert sum(1 for r in guards if r["facts"]) >= 0.9 * len(guards)


@pytest.fixture(scope="module")
def real_catalog(django_db_setup: None, django_db_blocker: Any) -> Iterator[None]:
    """The real catalog, imported once for the tests of this module that take it (≈ 7 s of CPU
    each time on SQLite) into the test database, inside a transaction rolled back after them. Each test
    runs in a savepoint of it (pytest-django's `db`, rolled back after the test), so each finds
    the database exactly as right after the import, as when each test imported it."""
    from motcua.catalog.importer import import_catalog

    outer = transaction.atomic()
    with django_db_blocker.unblock():
        outer.__enter__()
        try:
            import_catalog(CATALOG_FILE, progress=False)
        except BaseException:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)
            raise
    yield
    with django_db_blocker.unblock():
        transaction.set_rollback(True)
        outer.__exit__(None, None, None)


def _real_catalog() -> None:
    """The module's import (`real_catalog`), seen afresh by the search and the assistant."""
    catalog_search.invalidate()
    knowledge.invalidate()


@pytest.mark.slow
@pytest.mark.usefixtures("real_catalog")
def test_close_variants_go_to_the_general_procedure_unless_the_special_case_is_asked(db: Any) -> None:
    from motcua.assistant.services import ask

    _real_catalog()
    # "có yếu tố nước ngoài", "dưới 14 tuổi", "theo yêu cầu của cơ quan tiến hành tố tụng" are
    # special cases: a question that does not mention them gets the general procedure.
    assert ask("đăng ký khai tử có làm online được không?").sources[0].code == "1.000656"
    assert ask("làm cccd có mất phí không").sources[0].code in {"1.014061", "2.000200"}
    assert ask("lý lịch tư pháp mất bao nhiêu tiền?").sources[0].code == "3.000333"
    assert ask("đăng ký kết hôn với người nước ngoài").sources[0].code == "2.000806"
    # "phải làm sao" asks what to do: the overview (time, fee, where, documents), not the steps.
    answer = ask("Tôi muốn đăng ký kết hôn thì phải làm sao?")
    assert answer.intents == ["overview"] and answer.sources[0].code == "1.000894"
    # One folded word read through a synonym is not a match for a longer question.
    assert ask("mua bảo hiểm xe máy ở đâu rẻ").confident is False


@pytest.mark.slow
@pytest.mark.usefixtures("real_catalog")
def test_what_the_catalog_cannot_answer_is_refused_on_the_real_catalog(db: Any) -> None:
    from motcua.assistant.services import ask

    _real_catalog()
    # A judgement, a name explaining only the common words, a game: refused.
    assert ask("có nên mua xe ô tô cũ không hay mua xe mới").confident is False
    assert ask("làm lại sim điện thoại bị mất cần mang gì").confident is False
    assert ask("giấy phép lái xe trong game GTA lấy ở đâu").confident is False
    # Short questions explained whole, typed words run together, situations: answered.
    assert ask("khai tử cho người thân hết bao nhiêu tiền, bao lâu thì có?").sources[0].code == "1.000656"
    assert ask("dangky tam tru can giay to gi").sources[0].code == "1.004194"
    answer = ask("cuốn sổ đỏ nhà tôi bị chuột cắn rách nát, muốn đổi sổ mới")
    assert answer.confident is True and answer.sources[0].code == "1.012783"
    # A paragraph-long name ("Giao đất ở … công nhân …") no longer comes first for a situation.
    answer = ask("tôi mới thuê phòng trọ để đi làm công nhân, phải báo công an ra sao")
    assert answer.sources[0].code == "1.004194"


@pytest.mark.slow
@pytest.mark.usefixtures("real_catalog")
def test_assistant_meets_the_targets_on_the_tuning_part_of_the_real_catalog(db: Any) -> None:
    _real_catalog()
    report = measure(load_rows() + load_rows(HELDOUT2), misses=True)
    tuning = report["tuning"]
    assert tuning["recall_at_3"] >= 0.95, tuning["misses"]
    assert tuning["fact_recall"] >= 0.9, tuning["misses"]
    assert all(report[split]["hallucinated_numbers"] == 0 for split in ("tuning", "heldout", "heldout2"))
    refused, total = tuning["off_topic_refused"].split("/")
    assert refused == total
    assert tuning["status_recognised"].split("/")[0] == tuning["status_recognised"].split("/")[1]
