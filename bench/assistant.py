"""The virtual assistant on the real catalog: retrieval, facts, hallucinated numbers, refusals, latency.

Run:  .venv/bin/python bench/assistant.py [--json] [--misses] [--data-dir DIR]
      .venv/bin/python bench/assistant.py --build-eval   # (re)write eval/assistant.jsonl
      .venv/bin/python bench/assistant.py --build-tuning-extra2   # append the 2nd tuning extras
      .venv/bin/python bench/assistant.py --build-tuning-extra3   # append the 3rd tuning extras

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
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
EVAL_PATH = ROOT / "eval" / "assistant.jsonl"
HELDOUT2_PATH = ROOT / "eval" / "assistant_heldout2.jsonl"
# Written by another engineer who never saw or ran the assistant, before any tuning (split "heldout3").
HELDOUT3_PATH = ROOT / "eval" / "assistant_heldout3.jsonl"
# Questions written while improving the assistant (off-topic and long colloquial ones), tuned on.
TUNING_EXTRA_PATH = ROOT / "eval" / "assistant_tuning_extra.jsonl"
sys.path.insert(0, str(ROOT))


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


def build_heldout2() -> list[dict[str, Any]]:
    """eval/assistant_heldout2.jsonl from eval/assistant_heldout2_questions.py (split "heldout2")."""
    sys.path.insert(0, str(ROOT / "eval"))
    import assistant_heldout2_questions as q  # type: ignore[import-not-found]

    from motcua.assistant.knowledge import fact_sheet_by_code

    rows: list[dict[str, Any]] = []

    def row(question: str, intents: list[str], difficulty: str, codes: list[str], facts: list[str]) -> None:
        rows.append(
            {
                "question": question,
                "intent": intents[0],
                "intents": intents,
                "difficulty": difficulty,
                "expected": codes,
                "facts": facts,
                "split": "heldout2",
            }
        )

    for i, (codes, plain, colloquial) in enumerate(q.PROCEDURES):
        sheet = fact_sheet_by_code(codes[0])
        if sheet is None:
            sys.exit(f"{codes[0]} has no version in force")
        for j, (intent, phrasings) in enumerate(q.INTENTS.items()):
            template = phrasings[(i + j) % len(phrasings)]
            unaccented = template.isascii()
            use_colloquial = unaccented or (i + j) % 2 == 1
            pool = colloquial if use_colloquial else plain
            need = pool[(i + j) % len(pool)]
            difficulty = "colloquial" if use_colloquial else "plain"
            row(template.format(need=need), [intent], difficulty, codes, key_facts(sheet, [intent]))
        template, intents = q.MULTI[i % len(q.MULTI)]
        names = plain + colloquial
        row(template.format(need=names[i % len(names)]), intents, "multi", codes, key_facts(sheet, intents))
    for question in q.STATUS:
        row(question, ["status"], "plain", [], [])
    for question in q.OFF_TOPIC:
        row(question, ["off_topic"], "plain", [], [])
    return rows


def build_tuning_extra2(module: str = "assistant_tuning_extra2_questions") -> list[dict[str, Any]]:
    """The rows of eval/<module>.py (split "tuning_extra"), key facts copied from the catalog
    version in force."""
    import importlib

    sys.path.insert(0, str(ROOT / "eval"))
    q = importlib.import_module(module)

    from motcua.assistant.knowledge import fact_sheet_by_code

    rows: list[dict[str, Any]] = []
    for question, intents, difficulty, codes in q.QUESTIONS:
        sheet = fact_sheet_by_code(codes[0])
        if sheet is None:
            sys.exit(f"{codes[0]} has no version in force")
        rows.append(
            {
                "question": question,
                "intent": intents[0],
                "intents": intents,
                "difficulty": difficulty,
                "expected": codes,
                "facts": key_facts(sheet, intents),
                "split": "tuning_extra",
            }
        )
    for question in q.OFF_TOPIC:
        rows.append(
            {
                "question": question,
                "intent": "off_topic",
                "intents": ["off_topic"],
                "difficulty": "plain",
                "expected": [],
                "facts": [],
                "split": "tuning_extra",
            }
        )
    return rows


def build_heldout3() -> list[dict[str, Any]]:
    """eval/assistant_heldout3.jsonl from eval/assistant_heldout3_questions.py (split "heldout3"):
    the writer's rows as they are, the key facts copied from the catalog version in force of
    the first accepted code (as for the other parts)."""
    sys.path.insert(0, str(ROOT / "eval"))
    import assistant_heldout3_questions as q  # type: ignore[import-not-found]

    from motcua.assistant.knowledge import fact_sheet_by_code

    rows: list[dict[str, Any]] = []
    for row in q.ROWS:
        sheet = fact_sheet_by_code(row["expected"][0])
        if sheet is None:
            sys.exit(f"{row['expected'][0]} has no version in force")
        rows.append({"question": row["question"], "intent": row["intents"][0], "intents": row["intents"],
                     "difficulty": row["difficulty"], "expected": row["expected"],
                     "facts": key_facts(sheet, row["intents"]), "split": "heldout3"})
    for intent, questions in (("status", q.STATUS), ("off_topic", q.OFF_TOPIC)):
        rows += [{"question": question, "intent": intent, "intents": [intent], "difficulty": "plain",
                  "expected": [], "facts": [], "split": "heldout3"} for question in questions]
    return rows


# ------------------------------------------------------------------ measuring


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument("--misses", action="store_true", help="list the questions missed")
    parser.add_argument("--build-eval", action="store_true", help="write eval/assistant.jsonl and stop")
    parser.add_argument(
        "--build-heldout2", action="store_true", help="write eval/assistant_heldout2.jsonl and stop"
    )
    parser.add_argument(
        "--build-heldout3", action="store_true", help="write eval/assistant_heldout3.jsonl and stop"
    )
    parser.add_argument(
        "--build-tuning-extra2",
        action="store_true",
        help="append eval/assistant_tuning_extra2_questions.py to eval/assistant_tuning_extra.jsonl",
    )
    parser.add_argument(
        "--build-tuning-extra3",
        action="store_true",
        help="append eval/assistant_tuning_extra3_questions.py to eval/assistant_tuning_extra.jsonl",
    )
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
    if args.build_heldout3:
        rows = build_heldout3()
        HELDOUT3_PATH.write_text(
            "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8"
        )
        print(f"wrote {len(rows)} questions to {HELDOUT3_PATH.relative_to(ROOT)}")
        return
    if args.build_heldout2:
        rows = build_heldout2()
        HELDOUT2_PATH.write_text(
            "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8"
        )
        print(f"wrote {len(rows)} questions to {HELDOUT2_PATH.relative_to(ROOT)}")
        return

    from motcua.assistant.evaluation import load_rows, measure

    if args.build_tuning_extra2 or args.build_tuning_extra3:
        which = 3 if args.build_tuning_extra3 else 2
        new = build_tuning_extra2(f"assistant_tuning_extra{which}_questions")
        questions = {r["question"] for r in new}
        kept = [r for r in load_rows(TUNING_EXTRA_PATH) if r["question"] not in questions]
        TUNING_EXTRA_PATH.write_text(
            "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in kept + new), encoding="utf-8"
        )
        print(f"wrote {len(kept)} + {len(new)} questions to {TUNING_EXTRA_PATH.relative_to(ROOT)}")
        return

    rows = load_rows(EVAL_PATH)
    for extra in (TUNING_EXTRA_PATH, HELDOUT2_PATH, HELDOUT3_PATH):
        rows += load_rows(extra) if extra.exists() else []
    report = measure(rows, args.misses)
    report["database"] = connection.vendor
    report["procedures"] = Procedure.objects.count()
    report["import_seconds"] = round(import_s, 1)
    # Assistant / reference (the catalog search on the raw question), in the same run.
    ratios: dict[str, float] = {}
    for split, figures in list(report.items()):
        if isinstance(figures, dict) and (figures.get("reference_search") or {}).get("recall_at_3"):
            reference = figures["reference_search"]["recall_at_3"]
            ratios[f"{split}_recall_at_3"] = round(figures["recall_at_3"] / reference, 3)
    latency = report["latency_ms"]
    if latency["search_p95"]:
        ratios["latency_p95"] = round(latency["assistant_p95"] / latency["search_p95"], 3)
    report["ratio"] = ratios
    if args.json:
        print(json.dumps(report, ensure_ascii=False))
        return
    print(f"database: {connection.vendor}; {report['procedures']} procedures imported in {import_s:.1f} s")
    for split in report["splits"]:
        figures = {k: v for k, v in report[split].items() if k != "misses"}
        print(f"\n{split}: " + json.dumps(figures, ensure_ascii=False, indent=2))
        for line in report[split].get("misses", []):
            print("  " + line)
    print("\nlatency (ms): " + json.dumps(report["latency_ms"]))
    workdir.cleanup()


if __name__ == "__main__":
    main()
