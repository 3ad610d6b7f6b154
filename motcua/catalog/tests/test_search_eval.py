"""The evaluation set against the full real catalog: recall@3 must stay at 0.9 or above."""

from __future__ import annotations

import gzip
import json
import os
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings

from motcua.catalog import search as search_module
from motcua.catalog.search_eval import EVAL_PATH, evaluate, load_cases

CATALOG_FILE = Path(settings.DATA_DIR) / "catalog" / "procedures-2026-07.jsonl.gz"
needs_real_catalog = pytest.mark.skipif(
    not Path(settings.DATA_DIR).exists() and not os.environ.get("CI"),
    reason="the real catalog (settings.DATA_DIR) is not on this machine",
)


def test_eval_set_has_at_least_60_queries_each_with_expected_codes() -> None:
    cases = load_cases(EVAL_PATH)
    assert len(cases) >= 60
    assert all(case.expected for case in cases)
    assert len({case.query for case in cases}) == len(cases)


def test_eval_levels_are_known_levels() -> None:
    levels = {case.level for case in load_cases(EVAL_PATH)}
    assert levels <= {None, "commune", "province", "ministry", "other"}


@needs_real_catalog
def test_every_expected_code_exists_in_the_real_catalog() -> None:
    with gzip.open(CATALOG_FILE, "rt", encoding="utf-8") as lines:
        real_codes = {json.loads(line)["ma_thu_tuc"].strip() for line in lines if line.strip()}
    unknown = {code for case in load_cases(EVAL_PATH) for code in case.expected} - real_codes
    assert not unknown


@needs_real_catalog
@pytest.mark.slow
def test_recall_at_3_is_at_least_0_9_on_the_full_real_catalog(db: Any) -> None:
    from motcua.catalog.importer import import_catalog

    import_catalog(CATALOG_FILE)
    search_module.invalidate()
    report = evaluate(load_cases(EVAL_PATH))
    misses = [(case.query, sorted(case.expected), [h.code for h in hits[:3]]) for case, hits in report.misses]
    assert report.recall(3) >= 0.9, misses
    assert report.recall(1) >= 0.7, misses
