"""eval/assistant.jsonl on the full real catalog (settings.DATA_DIR): the issue's targets."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

from django.conf import settings

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


def test_assistant_meets_the_targets_on_the_tuning_part_of_the_real_catalog(db: Any) -> None:
    from motcua.catalog.importer import import_catalog

    import_catalog(CATALOG_FILE, progress=False)
    catalog_search.invalidate()
    knowledge.invalidate()
    report = measure(load_rows(), misses=True)
    tuning = report["tuning"]
    assert tuning["recall_at_3"] >= 0.95, tuning["misses"]
    assert tuning["fact_recall"] >= 0.9, tuning["misses"]
    assert tuning["hallucinated_numbers"] == 0 and report["heldout"]["hallucinated_numbers"] == 0
    refused, total = tuning["off_topic_refused"].split("/")
    assert refused == total
    assert tuning["status_recognised"].split("/")[0] == tuning["status_recognised"].split("/")[1]
