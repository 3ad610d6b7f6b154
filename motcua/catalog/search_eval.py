"""Measure the search against the evaluation set (eval/catalog_search.jsonl).

Each line of the set is a citizen's query with the procedure code(s) they mean
and optionally a level; recall@k is the share of queries whose expected code is
among the first k results. Used by bench/catalog_search.py and the tests.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings

from .search import SearchHit, search

EVAL_PATH = Path(settings.BASE_DIR) / "eval" / "catalog_search.jsonl"


@dataclass(frozen=True)
class EvalCase:
    query: str
    expected: frozenset[str]
    level: str | None = None


@dataclass
class EvalReport:
    total: int = 0
    found_at: dict[int, int] = field(default_factory=dict)  # k → number of queries found in the top k
    misses: list[tuple[EvalCase, list[SearchHit]]] = field(default_factory=list)

    def recall(self, k: int) -> float:
        return self.found_at.get(k, 0) / self.total if self.total else 0.0


def load_cases(path: Path = EVAL_PATH) -> list[EvalCase]:
    cases = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        row = json.loads(line)
        expected = row.get("expected")
        if not row.get("query") or not expected:
            raise ValueError(f"{path}:{number}: query and expected are required")
        cases.append(EvalCase(row["query"], frozenset(expected), row.get("level")))
    return cases


def evaluate(cases: Iterable[EvalCase], ks: tuple[int, ...] = (1, 3)) -> EvalReport:
    """Run every query; a miss is a query whose expected code is not in the top max(ks)."""
    report = EvalReport(found_at={k: 0 for k in ks})
    depth = max(ks)
    for case in cases:
        hits = search(case.query, level=case.level, limit=max(depth, 5))
        codes = [h.code for h in hits]
        report.total += 1
        for k in ks:
            if case.expected & set(codes[:k]):
                report.found_at[k] += 1
        if not case.expected & set(codes[:depth]):
            report.misses.append((case, hits))
    return report
