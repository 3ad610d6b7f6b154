"""The virtual assistant on the real catalog: retrieval, facts, hallucinated numbers, refusals, latency.

Run:  .venv/bin/python bench/assistant.py [--json] [--misses] [--data-dir DIR]
      .venv/bin/python bench/assistant.py --build-eval   # (re)write eval/assistant.jsonl

Imports the real national catalog into a throwaway SQLite database (or DATABASE_URL), asks
every question of eval/assistant.jsonl through `motcua.assistant.services.ask`, and reports
per split (tuning / heldout):
  recall@1, recall@3 and MRR of the cited procedure (answer source first, then its suggestions),
  fact recall (key facts copied from the catalog found word for word in the answer),
  hallucinated numbers (numbers of an answer absent from the cited procedure's catalog text),
  off-topic refusals (share of off-topic questions answered with confident = false),
  intent accuracy, p50/p95 latency;
and the same retrieval figures for the existing search (`motcua.catalog.search.search` on the
raw question) as the reference, in the same run. Goals (issue 14): recall@3 >= 0.95, fact
recall >= 0.9, hallucinated numbers = 0, every off-topic refused, p95 <= 150 ms.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
EVAL_PATH = ROOT / "eval" / "assistant.jsonl"
sys.path.insert(0, str(ROOT))

NUMBER = re.compile(r"\d+(?:[.,]\d+)*")


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))] if ordered else 0.0


def normalise(text: str) -> str:
    return " ".join(text.split()).lower()


def numbers_of(text: str) -> set[str]:
    return {n.strip(".,") for n in NUMBER.findall(text)}


# ------------------------------------------------------------------ building the eval set


def key_facts(sheet: Any, intents: list[str]) -> list[str]:
    """Short phrases copied from the catalog version in force that a good answer must contain."""
    facts: list[str] = []
    for intent in intents:
        if intent in ("fee", "overview") and sheet.channels and sheet.channels[0].fee:
            facts.append(" ".join(sheet.channels[0].fee.split()[:3]))
        if intent in ("time", "overview") and sheet.channels and sheet.channels[0].time_limit:
            facts.append(sheet.channels[0].time_limit)
        if intent == "documents":
            with_counts = [d for d in sheet.documents if d.originals or d.certified_copies or d.photocopies]
            facts += [" ".join(d.name.split()[:6]) for d in with_counts[:2]]
        if intent == "steps" and sheet.steps_text:
            facts.append(" ".join(sheet.steps_text.split()[:5]))
        if intent == "where" and sheet.channels:
            from motcua.catalog.models import ChannelKind

            facts.append(str(ChannelKind(sheet.channels[0].kind).label))
    return list(dict.fromkeys(f for f in facts if f))


def build_eval() -> list[dict[str, Any]]:
    sys.path.insert(0, str(ROOT / "eval"))
    import assistant_questions as q  # type: ignore[import-not-found]

    from motcua.assistant.knowledge import fact_sheet_by_code

    rows: list[dict[str, Any]] = []
    for split, procedures, intent_phrases, multi, status, off_topic in (
        (
            "tuning",
            q.TUNING_PROCEDURES,
            q.TUNING_INTENTS,
            q.TUNING_MULTI,
            q.STATUS_TUNING,
            q.OFF_TOPIC_TUNING,
        ),
        (
            "heldout",
            q.HELDOUT_PROCEDURES,
            q.HELDOUT_INTENTS,
            q.HELDOUT_MULTI,
            q.STATUS_HELDOUT,
            q.OFF_TOPIC_HELDOUT,
        ),
    ):
        for i, (codes, plain, colloquial) in enumerate(procedures):
            sheet = fact_sheet_by_code(codes[0])
            if sheet is None:
                sys.exit(f"{codes[0]} has no version in force")
            for j, (intent, phrasings) in enumerate(intent_phrases.items()):
                k = (i + j) % len(phrasings)
                template = phrasings[k]
                use_colloquial = (i + j) % 2 == 1 or template.endswith(
                    ("gi", "khong", "nao", "tien", "sao", "xong", "dau", "qua")
                )
                pool = colloquial if use_colloquial else plain
                need = pool[(i + j) % len(pool)]
                difficulty = (
                    "colloquial" if use_colloquial or template != template.lower() and False else "plain"
                )
                rows.append(
                    {
                        "question": template.format(need=need),
                        "intent": intent,
                        "intents": [intent],
                        "difficulty": difficulty if use_colloquial else "plain",
                        "expected": codes,
                        "facts": key_facts(sheet, [intent]),
                        "split": split,
                    }
                )
            template, intents = multi[i % len(multi)]
            need = (plain + colloquial)[i % (len(plain) + len(colloquial))]
            rows.append(
                {
                    "question": template.format(need=need),
                    "intent": intents[0],
                    "intents": intents,
                    "difficulty": "multi",
                    "expected": codes,
                    "facts": key_facts(sheet, intents),
                    "split": split,
                }
            )
        for question in status:
            rows.append(
                {
                    "question": question,
                    "intent": "status",
                    "intents": ["status"],
                    "difficulty": "plain",
                    "expected": [],
                    "facts": [],
                    "split": split,
                }
            )
        for question in off_topic:
            rows.append(
                {
                    "question": question,
                    "intent": "off_topic",
                    "intents": ["off_topic"],
                    "difficulty": "plain",
                    "expected": [],
                    "facts": [],
                    "split": split,
                }
            )
    return rows


# ------------------------------------------------------------------ measuring


def measure(rows: list[dict[str, Any]], misses: bool) -> dict[str, Any]:
    from motcua.assistant.knowledge import fact_sheet_by_code
    from motcua.assistant.services import ask
    from motcua.catalog.search import search

    report: dict[str, Any] = {}
    latencies: list[float] = []
    search_latencies: list[float] = []
    for split in ("tuning", "heldout"):
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
            intent_ok += set(answer.intents) == set(row["intents"])
            text = normalise(answer.answer)
            row_found = sum(1 for fact in row["facts"] if normalise(fact) in text)
            facts_total += len(row["facts"])
            facts_found += row_found
            if answer.sources:
                sheet = fact_sheet_by_code(answer.sources[0].code)
                allowed = numbers_of(sheet.catalog_text()) if sheet else set()
                # Procedure codes (in the text and the links) name sources; they are not facts.
                body = answer.answer
                for code in codes:
                    body = body.replace(code, " ")
                for number in numbers_of(body):
                    numbers_checked += 1
                    if number not in allowed:
                        hallucinated += 1
                        if misses:
                            missed.append(f"number {number} not in catalog: {row['question']!r}")
            if misses and (rank is None or rank > 3 or row_found < len(row["facts"])):
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


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument("--misses", action="store_true", help="list the questions missed")
    parser.add_argument("--build-eval", action="store_true", help="write eval/assistant.jsonl and stop")
    parser.add_argument("--data-dir", type=Path, default=None)
    args = parser.parse_args()

    workdir = tempfile.TemporaryDirectory(prefix="motcua-bench-")
    os.environ.setdefault("DATABASE_URL", f"sqlite:///{workdir.name}/bench.sqlite3")
    os.environ.setdefault("MOTCUA_DEBUG", "1")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "motcua.settings")
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection

    from motcua.catalog import search as catalog_search
    from motcua.catalog.importer import import_catalog
    from motcua.catalog.models import Procedure

    data_dir = args.data_dir or Path(settings.DATA_DIR)
    catalog_file = data_dir / "catalog" / "procedures-2026-07.jsonl.gz"
    if not catalog_file.exists():
        sys.exit(f"missing {catalog_file}")
    call_command("migrate", verbosity=0)
    start = time.perf_counter()
    import_catalog(catalog_file, progress=False)
    import_s = time.perf_counter() - start
    catalog_search.invalidate()
    catalog_search.get_index()

    if args.build_eval:
        rows = build_eval()
        EVAL_PATH.write_text(
            "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8"
        )
        print(f"wrote {len(rows)} questions to {EVAL_PATH.relative_to(ROOT)}")
        return

    rows = [json.loads(line) for line in EVAL_PATH.read_text(encoding="utf-8").splitlines() if line.strip()]
    report = measure(rows, args.misses)
    report["database"] = connection.vendor
    report["procedures"] = Procedure.objects.count()
    report["import_seconds"] = round(import_s, 1)
    if args.json:
        print(json.dumps(report, ensure_ascii=False))
        return
    print(f"database: {connection.vendor}; {report['procedures']} procedures imported in {import_s:.1f} s")
    for split in ("tuning", "heldout"):
        figures = {k: v for k, v in report[split].items() if k != "misses"}
        print(f"\n{split}: " + json.dumps(figures, ensure_ascii=False, indent=2))
        for line in report[split].get("misses", []):
            print("  " + line)
    print("\nlatency (ms): " + json.dumps(report["latency_ms"]))
    workdir.cleanup()


if __name__ == "__main__":
    main()
