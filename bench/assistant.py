"""The virtual assistant on the real catalog: retrieval, facts, hallucinated numbers, refusals, latency.

Run:  .venv/bin/python bench/assistant.py [--json] [--misses] [--data-dir DIR] [--splits a,b,...]
      .venv/bin/python bench/assistant.py \
          --splits tuning,tuning_extra,heldout,heldout2,dev_offtopic,dev7_tune,dev7_check  # development
      .venv/bin/python bench/assistant.py --build-eval   # (re)write eval/assistant.jsonl
      .venv/bin/python bench/assistant.py --build-tuning-extra2   # append the 2nd tuning extras
      .venv/bin/python bench/assistant.py --build-tuning-extra3   # append the 3rd tuning extras
      .venv/bin/python bench/assistant.py --build-dev-offtopic   # (re)write the off-topic dev split
      .venv/bin/python bench/assistant.py --build-dev7   # (re)write session 7's two dev halves
      .venv/bin/python bench/assistant.py --build-dev8   # (re)write session 8's two dev halves
      .venv/bin/python bench/assistant.py --build-dev9   # (re)write session 9's two dev halves
      .venv/bin/python bench/assistant.py --build-dev10  # (re)write session 10's two dev halves
      .venv/bin/python bench/assistant.py --build-dev11  # (re)write session 12's two dev halves

Imports the real national catalog into a throwaway SQLite database (or DATABASE_URL), asks
every question of eval/assistant.jsonl through `motcua.assistant.services.ask`, and reports
per split (tuning / tuning_extra / dev_offtopic / dev7_tune / dev7_check / dev8_tune / dev8_check /
dev9_tune / dev9_check / dev10_tune / dev10_check / dev11_tune / dev11_check /
heldout / heldout2 /
heldoutN; `--splits` names the ones to measure, and a held-out file whose split is not named is not opened):
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
# Written by a fourth engineer who never saw or ran the assistant, before any measurement on it
# (split "heldout4").
HELDOUT4_PATH = ROOT / "eval" / "assistant_heldout4.jsonl"
# Session 12: written by a helper who never saw the assistant, its code or any earlier set, before
# that session's sealed measurement (split "heldout5").
HELDOUT5_PATH = ROOT / "eval" / "assistant_heldout5.jsonl"
# Questions written while improving the assistant (off-topic and long colloquial ones), tuned on.
TUNING_EXTRA_PATH = ROOT / "eval" / "assistant_tuning_extra.jsonl"
# Off-topic questions of many kinds and situation-phrased guards, written before the refusal rule
# (split "dev_offtopic", tuned on).
DEV_OFFTOPIC_PATH = ROOT / "eval" / "assistant_dev_offtopic.jsonl"
# Session 7's everyday questions of Lạng Sơn citizens, written before that session's changes, in two
# fixed halves: "dev7_tune" (tuned on) and "dev7_check" (measured as an aggregate only).
DEV7_PATH = ROOT / "eval" / "assistant_dev7.jsonl"
# Session 8's questions on procedures and situations the earlier sets do not use, written before that
# session's changes, in two fixed halves: "dev8_tune" (tuned on) and "dev8_check" (aggregate only).
DEV8_PATH = ROOT / "eval" / "assistant_dev8.jsonl"
# Session 9's questions on procedures drawn at random (seeded) among those no earlier visible set
# uses, written before that session's changes: "dev9_tune" (tuned on) and "dev9_check" (aggregate only).
DEV9_PATH = ROOT / "eval" / "assistant_dev9.jsonl"
# Session 10's questions (drawn procedures no earlier visible set uses, plus a seeded draw of everyday
# commune-level procedures asked in new words), written before that session's changes: "dev10_tune"
# (tuned on) and "dev10_check" (aggregate only).
DEV10_PATH = ROOT / "eval" / "assistant_dev10.jsonl"
# Session 12's colloquial everyday questions (a seeded draw of everyday procedures plus chosen situations
# told with the everyday names of papers), written before that session's changes: "dev11_tune" (tuned on)
# and "dev11_check" (aggregate only).
DEV11_PATH = ROOT / "eval" / "assistant_dev11.jsonl"
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



def fact_sheet(code: str) -> Any:
    """The catalog version in force of `code`, whose key facts a row copies (exits if none)."""
    from motcua.assistant.knowledge import fact_sheet_by_code

    sheet = fact_sheet_by_code(code)
    if sheet is None:
        sys.exit(f"{code} has no version in force")
    return sheet


def row(question: str, intents: list[str], difficulty: str, codes: list[str], split: str) -> dict[str, Any]:
    """One question about a procedure, with the key facts of its first accepted code."""
    return {"question": question, "intent": intents[0], "intents": intents, "difficulty": difficulty,
            "expected": codes, "facts": key_facts(fact_sheet(codes[0]), intents), "split": split}


def about_nothing(questions: list[str], intent: str, split: str) -> list[dict[str, Any]]:
    """Status or off-topic questions: no procedure, no facts."""
    return [{"question": question, "intent": intent, "intents": [intent], "difficulty": "plain",
             "expected": [], "facts": [], "split": split} for question in questions]


def write_rows(path: Path, rows: list[dict[str, Any]]) -> None:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    print(f"wrote {len(rows)} questions to {path.relative_to(ROOT)}")

def build_eval() -> list[dict[str, Any]]:
    sys.path.insert(0, str(ROOT / "eval"))
    import assistant_questions as q  # type: ignore[import-not-found]

    rows: list[dict[str, Any]] = []
    for split, procedures, intent_phrases, multi, status, off_topic in (
        ("tuning", q.TUNING_PROCEDURES, q.TUNING_INTENTS, q.TUNING_MULTI, q.STATUS_TUNING,
         q.OFF_TOPIC_TUNING),
        ("heldout", q.HELDOUT_PROCEDURES, q.HELDOUT_INTENTS, q.HELDOUT_MULTI, q.STATUS_HELDOUT,
         q.OFF_TOPIC_HELDOUT),
    ):
        for i, (codes, plain, colloquial) in enumerate(procedures):
            for j, (intent, phrasings) in enumerate(intent_phrases.items()):
                template = phrasings[(i + j) % len(phrasings)]
                use_colloquial = (i + j) % 2 == 1 or template.endswith(
                    ("gi", "khong", "nao", "tien", "sao", "xong", "dau", "qua")
                )
                pool = colloquial if use_colloquial else plain
                need = pool[(i + j) % len(pool)]
                rows.append(row(template.format(need=need), [intent],
                                "colloquial" if use_colloquial else "plain", codes, split))
            template, intents = multi[i % len(multi)]
            need = (plain + colloquial)[i % (len(plain) + len(colloquial))]
            rows.append(row(template.format(need=need), intents, "multi", codes, split))
        rows += about_nothing(status, "status", split) + about_nothing(off_topic, "off_topic", split)
    return rows


def build_heldout2() -> list[dict[str, Any]]:
    """eval/assistant_heldout2.jsonl from eval/assistant_heldout2_questions.py (split "heldout2")."""
    sys.path.insert(0, str(ROOT / "eval"))
    import assistant_heldout2_questions as q  # type: ignore[import-not-found]

    rows: list[dict[str, Any]] = []
    for i, (codes, plain, colloquial) in enumerate(q.PROCEDURES):
        for j, (intent, phrasings) in enumerate(q.INTENTS.items()):
            template = phrasings[(i + j) % len(phrasings)]
            use_colloquial = template.isascii() or (i + j) % 2 == 1
            pool = colloquial if use_colloquial else plain
            need = pool[(i + j) % len(pool)]
            rows.append(row(template.format(need=need), [intent],
                            "colloquial" if use_colloquial else "plain", codes, "heldout2"))
        template, intents = q.MULTI[i % len(q.MULTI)]
        names = plain + colloquial
        rows.append(row(template.format(need=names[i % len(names)]), intents, "multi", codes, "heldout2"))
    return rows + about_nothing(q.STATUS, "status", "heldout2") + about_nothing(
        q.OFF_TOPIC, "off_topic", "heldout2")


def build_tuning_extra2(
    module: str = "assistant_tuning_extra2_questions", split: str = "tuning_extra"
) -> list[dict[str, Any]]:
    """The rows of eval/<module>.py (QUESTIONS and OFF_TOPIC, split `split`), key facts copied
    from the catalog version in force."""
    import importlib

    sys.path.insert(0, str(ROOT / "eval"))
    q = importlib.import_module(module)
    rows = [row(question, intents, difficulty, codes, split)
            for question, intents, difficulty, codes in q.QUESTIONS]
    return rows + about_nothing(q.OFF_TOPIC, "off_topic", split)


def build_dev_offtopic() -> list[dict[str, Any]]:
    """eval/assistant_dev_offtopic.jsonl (split "dev_offtopic") from
    eval/assistant_dev_offtopic_questions.py."""
    return build_tuning_extra2("assistant_dev_offtopic_questions", "dev_offtopic")


def build_dev(n: int) -> list[dict[str, Any]]:
    """eval/assistant_dev<n>.jsonl from eval/assistant_dev<n>_questions.py (sessions 7 to 12), each
    row in the half ("dev<n>_tune" / "dev<n>_check") the shared fixed shuffle
    (`eval/assistant_dev_halves.halves`, seeded by the module's SEED) gives it."""
    import importlib

    sys.path.insert(0, str(ROOT / "eval"))
    q = importlib.import_module(f"assistant_dev{n}_questions")
    from assistant_dev_halves import halves

    extra = getattr(q, "OFF_TOPIC_TUNE_EXTRA", [])
    half = halves([question for question, *_ in q.QUESTIONS], q.OFF_TOPIC, q.SEED, f"dev{n}", extra)
    rows = [row(question, intents, difficulty, codes, half[question])
            for question, intents, difficulty, codes in q.QUESTIONS]
    for question in q.OFF_TOPIC + extra:
        rows += about_nothing([question], "off_topic", half[question])
    return rows


def build_sealed(split: str) -> list[dict[str, Any]]:
    """eval/assistant_<split>.jsonl from eval/assistant_<split>_questions.py (the sealed sets
    "heldout3", "heldout4", "heldout5", written by engineers who never saw the assistant): the writer's rows
    as they are, the key facts copied from the catalog version in force of the first accepted
    code (as for the other parts)."""
    import importlib

    sys.path.insert(0, str(ROOT / "eval"))
    q = importlib.import_module(f"assistant_{split}_questions")
    rows = [row(r["question"], r["intents"], r["difficulty"], r["expected"], split) for r in q.ROWS]
    return rows + about_nothing(q.STATUS, "status", split) + about_nothing(q.OFF_TOPIC, "off_topic", split)


# ------------------------------------------------------------------ measuring


# Session 17's phrasing sets, written before probing (eval/intents17/*.tsv).
INTENTS17_DIR = ROOT / "eval" / "intents17"


def intents17_rows(splits: set[str] | None) -> list[dict[str, Any]]:
    """Session 17's sets of phrasings: each `eval/intents17/NAME.tsv` line is question, accepted
    codes (comma-separated, "-" for a status or off-topic question), intents (comma-separated;
    empty for an off-topic question or a guard whose intent was not labelled) and half (tune,
    check, guard); its split is "NAME_HALF" ("i17a_check"). Retrieval and intents only: no key
    facts. The check halves were never read by whoever tuned on the tune halves."""
    rows = []
    for path in sorted(INTENTS17_DIR.glob("*.tsv")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip() or line.startswith("#"):
                continue
            question, codes, intents, half = (line.split("\t") + ["", "", ""])[:4]
            split = f"{path.stem}_{half.strip() or 'tune'}"
            if splits is not None and split not in splits:
                continue
            labels = [i.strip() for i in intents.split(",") if i.strip()]
            if codes.strip() == "-":
                labels = labels if labels == ["status"] else ["off_topic"]
            rows.append({"question": question.strip(), "intent": (labels or ["overview"])[0],
                         "intents": labels or ["overview"], "difficulty": "plain",
                         "expected": [] if codes.strip() == "-" else codes.strip().split(","),
                         "facts": [], "split": split})
    return rows


def eval_files(splits: set[str] | None) -> list[Path]:
    """The eval files holding `splits` (all when None). eval/assistant.jsonl holds "tuning" and
    "heldout", eval/assistant_tuning_extra.jsonl "tuning_extra",
    eval/assistant_dev_offtopic.jsonl "dev_offtopic", eval/assistant_dev7.jsonl "dev7_tune" and
    "dev7_check", eval/assistant_dev8.jsonl "dev8_tune" and "dev8_check", eval/assistant_dev9.jsonl
    "dev9_tune" and "dev9_check", eval/assistant_dev10.jsonl "dev10_tune" and "dev10_check",
    eval/assistant_dev11.jsonl "dev11_tune" and "dev11_check", and each
    eval/assistant_heldoutN.jsonl the split "heldoutN": a held-out file is opened only when its
    split is asked for, so tuning runs never read the sealed ones."""
    files = [EVAL_PATH, TUNING_EXTRA_PATH, DEV_OFFTOPIC_PATH, DEV7_PATH, DEV8_PATH, DEV9_PATH, DEV10_PATH,
             DEV11_PATH]
    for path in sorted((ROOT / "eval").glob("assistant_heldout*.jsonl")):
        if splits is None or path.stem.removeprefix("assistant_") in splits:
            files.append(path)
    return [path for path in files if path.exists()]


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
        "--build-heldout4", action="store_true", help="write eval/assistant_heldout4.jsonl and stop"
    )
    parser.add_argument(
        "--build-heldout5", action="store_true", help="write eval/assistant_heldout5.jsonl and stop"
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
    parser.add_argument(
        "--build-dev-offtopic",
        action="store_true",
        help="write eval/assistant_dev_offtopic.jsonl from eval/assistant_dev_offtopic_questions.py",
    )
    parser.add_argument(
        "--build-dev7",
        action="store_true",
        help="write eval/assistant_dev7.jsonl from eval/assistant_dev7_questions.py",
    )
    parser.add_argument(
        "--build-dev8",
        action="store_true",
        help="write eval/assistant_dev8.jsonl from eval/assistant_dev8_questions.py",
    )
    parser.add_argument(
        "--build-dev9",
        action="store_true",
        help="write eval/assistant_dev9.jsonl from eval/assistant_dev9_questions.py",
    )
    parser.add_argument(
        "--build-dev10",
        action="store_true",
        help="write eval/assistant_dev10.jsonl from eval/assistant_dev10_questions.py",
    )
    parser.add_argument(
        "--build-dev11",
        action="store_true",
        help="write eval/assistant_dev11.jsonl from eval/assistant_dev11_questions.py",
    )
    parser.add_argument(
        "--splits",
        default=None,
        help="evaluate only these splits (comma-separated, e.g. tuning,tuning_extra,heldout,heldout2); "
        "a held-out file whose split is not named is not even opened",
    )
    parser.add_argument("--data-dir", type=Path, default=None)
    args = parser.parse_args()
    wanted_splits = set(args.splits.split(",")) if args.splits else None

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

    for wanted, build, path in ((args.build_eval, build_eval, EVAL_PATH),
                                (args.build_heldout2, build_heldout2, HELDOUT2_PATH),
                                (args.build_heldout3, lambda: build_sealed("heldout3"), HELDOUT3_PATH),
                                (args.build_heldout4, lambda: build_sealed("heldout4"), HELDOUT4_PATH),
                                (args.build_heldout5, lambda: build_sealed("heldout5"), HELDOUT5_PATH),
                                (args.build_dev_offtopic, build_dev_offtopic, DEV_OFFTOPIC_PATH),
                                (args.build_dev7, lambda: build_dev(7), DEV7_PATH),
                                (args.build_dev8, lambda: build_dev(8), DEV8_PATH),
                                (args.build_dev9, lambda: build_dev(9), DEV9_PATH),
                                (args.build_dev10, lambda: build_dev(10), DEV10_PATH),
                                (args.build_dev11, lambda: build_dev(11), DEV11_PATH)):
        if wanted:
            write_rows(path, build())
            return

    from motcua.assistant.evaluation import load_rows, measure

    if args.build_tuning_extra2 or args.build_tuning_extra3:
        which = 3 if args.build_tuning_extra3 else 2
        new = build_tuning_extra2(f"assistant_tuning_extra{which}_questions")
        questions = {r["question"] for r in new}
        kept = [r for r in load_rows(TUNING_EXTRA_PATH) if r["question"] not in questions]
        write_rows(TUNING_EXTRA_PATH, kept + new)
        return

    rows = []
    for path in eval_files(wanted_splits):
        rows += load_rows(path)
    rows += intents17_rows(wanted_splits)
    if wanted_splits is not None:
        rows = [r for r in rows if r["split"] in wanted_splits]
        unknown = wanted_splits - {r["split"] for r in rows}
        if unknown:
            sys.exit(f"no question in split(s): {', '.join(sorted(unknown))}")
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
