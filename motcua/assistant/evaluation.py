"""Measure the assistant against eval/assistant.jsonl (used by bench/assistant.py and the tests).

Per split (tuning / heldout): recall@1, recall@3 and MRR of the cited procedure (the answer's
source, then its suggestions), fact recall (key facts copied from the catalog found word for
word in the answer), hallucinated numbers (numbers of an answer absent from the cited
procedure's catalog text, procedure codes excepted), off-topic questions refused
(confident = false), status questions recognised, intent accuracy; the existing search
(`motcua.catalog.search.search` on the raw question) as the reference; p50/p95 latency.
"""

from __future__ import annotations

import json
import re
import time
from pathlib import Path
from typing import Any

from django.conf import settings

EVAL_PATH = Path(settings.BASE_DIR) / "eval" / "assistant.jsonl"
NUMBER = re.compile(r"\d+(?:[.,]\d+)*")


def load_rows(path: Path = EVAL_PATH) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))] if ordered else 0.0


def normalise(text: str) -> str:
    return " ".join(text.split()).lower()


def numbers_of(text: str) -> set[str]:
    return {n.strip(".,") for n in NUMBER.findall(text)}


# ------------------------------------------------------------------ building the eval set


def measure(rows: list[dict[str, Any]], misses: bool) -> dict[str, Any]:
    from motcua.assistant.knowledge import fact_sheet_by_code
    from motcua.assistant.services import ask
    from motcua.catalog.search import search

    report: dict[str, Any] = {}
    latencies: list[float] = []
    search_latencies: list[float] = []
    splits = list(dict.fromkeys(r["split"] for r in rows))
    report["splits"] = splits
    for split in splits:
        cases = [r for r in rows if r["split"] == split]
        found1 = found3 = 0
        rr = 0.0
        ref1 = ref3 = 0
        ref_rr = 0.0
        retrieval = 0
        facts_total = facts_found = 0
        hallucinated = 0
        numbers_checked = 0
        off_topic = refused = 0
        intent_ok = 0
        status_ok = status_total = 0
        missed: list[str] = []
        # Aggregate categories (what to look at without reading held-out questions one by one).
        by_difficulty: dict[str, list[int]] = {}  # difficulty -> [questions, first right, facts found, facts]
        failures = {"not_confident": 0, "wrong_first_procedure": 0, "intent_mismatch": 0, "fact_missing": 0}
        for row in cases:
            start = time.perf_counter()
            answer = ask(row["question"])
            latencies.append((time.perf_counter() - start) * 1000)
            codes = [s.code for s in answer.sources] + [
                s["code"] for s in answer.suggestions if s["code"] not in {x.code for x in answer.sources}
            ]
            if row["intent"] == "off_topic":
                off_topic += 1
                refused += not answer.confident
                if answer.confident and misses:
                    missed.append(f"off-topic answered: {row['question']!r} -> {codes[:1]}")
                continue
            if row["intent"] == "status":
                status_total += 1
                status_ok += answer.intent == "status" and "dossier_code" in answer.needs
                if misses and answer.intent != "status":
                    missed.append(f"status missed: {row['question']!r} -> {answer.intent}")
                continue
            retrieval += 1
            expected = set(row["expected"])
            rank = next((n for n, code in enumerate(codes[:10], 1) if code in expected), None)
            found1 += rank == 1
            found3 += rank is not None and rank <= 3
            rr += 1 / rank if rank else 0.0
            start = time.perf_counter()
            hits = [h.code for h in search(row["question"], limit=10)]
            search_latencies.append((time.perf_counter() - start) * 1000)
            ref_rank = next((n for n, code in enumerate(hits, 1) if code in expected), None)
            ref1 += ref_rank == 1
            ref3 += ref_rank is not None and ref_rank <= 3
            ref_rr += 1 / ref_rank if ref_rank else 0.0
            intent_right = set(answer.intents) == set(row["intents"])
            intent_ok += intent_right
            text = normalise(answer.answer)
            row_found = sum(1 for fact in row["facts"] if normalise(fact) in text)
            facts_total += len(row["facts"])
            facts_found += row_found
            bucket = by_difficulty.setdefault(row.get("difficulty", "plain"), [0, 0, 0, 0])
            bucket[0] += 1
            bucket[1] += rank == 1
            bucket[2] += row_found
            bucket[3] += len(row["facts"])
            if not answer.confident:
                failures["not_confident"] += 1
            elif rank != 1:
                failures["wrong_first_procedure"] += 1
            elif not intent_right:
                failures["intent_mismatch"] += 1
            elif row_found < len(row["facts"]):
                failures["fact_missing"] += 1
            if answer.sources:
                sheet = fact_sheet_by_code(answer.sources[0].code)
                allowed = numbers_of(sheet.catalog_text()) if sheet else set()
                # Procedure codes (in the text and the links) name sources; they are not facts.
                # The names of the close procedures listed ("Thủ tục có tên gần giống") are copied
                # from the catalog and cite their own procedure: their numbers ("trước ngày 01
                # tháng 7 năm 2014") are taken out before the body is checked.
                body = answer.answer
                for suggestion in answer.suggestions:
                    body = body.replace(suggestion["name"], " ")
                for code in codes:
                    body = body.replace(code, " ")
                for number in numbers_of(body):
                    numbers_checked += 1
                    if number not in allowed:
                        hallucinated += 1
                        if misses:
                            missed.append(f"number {number} not in catalog: {row['question']!r}")
            if misses and (
                rank is None
                or rank > 3
                or row_found < len(row["facts"])
                or not answer.confident
                or not intent_right
            ):
                missed.append(
                    f"{row['question']!r} expected {row['expected']} got {codes[:3]} "
                    f"confident={answer.confident} facts {row_found}/{len(row['facts'])}"
                )
        report[split] = {
            "questions": len(cases),
            "retrieval_questions": retrieval,
            "recall_at_1": round(found1 / retrieval, 3) if retrieval else None,
            "recall_at_3": round(found3 / retrieval, 3) if retrieval else None,
            "mrr": round(rr / retrieval, 3) if retrieval else None,
            "fact_recall": round(facts_found / facts_total, 3) if facts_total else None,
            "hallucinated_numbers": hallucinated,
            "numbers_checked": numbers_checked,
            "off_topic_refused": f"{refused}/{off_topic}",
            "status_recognised": f"{status_ok}/{status_total}",
            "intent_accuracy": round(intent_ok / retrieval, 3) if retrieval else None,
            "by_difficulty": {
                name: {
                    "questions": n,
                    "recall_at_1": round(first / n, 3),
                    "fact_recall": round(found / facts, 3) if facts else None,
                }
                for name, (n, first, found, facts) in sorted(by_difficulty.items())
            },
            "failures": failures,
            "reference_search": {
                "recall_at_1": round(ref1 / retrieval, 3) if retrieval else None,
                "recall_at_3": round(ref3 / retrieval, 3) if retrieval else None,
                "mrr": round(ref_rr / retrieval, 3) if retrieval else None,
            },
        }
        if misses:
            report[split]["misses"] = missed
    report["latency_ms"] = {
        "assistant_p50": round(percentile(latencies, 50), 2),
        "assistant_p95": round(percentile(latencies, 95), 2),
        "search_p50": round(percentile(search_latencies, 50), 2),
        "search_p95": round(percentile(search_latencies, 95), 2),
    }
    return report
