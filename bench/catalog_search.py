"""Catalog search over the full real catalog: quality (recall@1/@3) and latency (p50/p95).

Run:  .venv/bin/python bench/catalog_search.py [--rounds 5] [--data-dir DIR]

Imports the real national catalog into a throwaway SQLite database (or the
database of DATABASE_URL when it is set), runs every query of
eval/catalog_search.jsonl, and times each search against the reference a
developer would write first, `Procedure.objects.filter(name_folded__icontains=…)`,
in the same run. Goals (issue 4): recall@3 ≥ 0.9, p95 ≤ 20 ms.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HOLDOUT_PATH = ROOT / "eval" / "catalog_search_holdout.jsonl"
sys.path.insert(0, str(ROOT))


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def timed(fn: Callable[[], object]) -> float:
    start = time.perf_counter()
    fn()
    return (time.perf_counter() - start) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rounds", type=int, default=5, help="times each query is run (default 5)")
    parser.add_argument("--data-dir", type=Path, default=None,
                        help="folder with catalog/procedures-2026-07.jsonl.gz")
    parser.add_argument("--misses", action="store_true", help="list the queries missed in the top 3")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    args = parser.parse_args()
    say = (lambda *_a, **_k: None) if args.json else print
    figures: dict[str, object] = {}

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
    from motcua.catalog.search_eval import EVAL_PATH, evaluate, load_cases
    from motcua.core.text import fold

    data_dir = args.data_dir or Path(settings.DATA_DIR)
    catalog_file = data_dir / "catalog" / "procedures-2026-07.jsonl.gz"
    if not catalog_file.exists():
        sys.exit(f"missing {catalog_file}")

    say(f"database: {connection.vendor} ({connection.settings_dict['NAME']})")
    call_command("migrate", verbosity=0)
    start = time.perf_counter()
    import_catalog(catalog_file)
    say(f"import of the real catalog: {Procedure.objects.count()} procedures in "
          f"{time.perf_counter() - start:.1f} s")

    catalog_search.invalidate()
    build_ms = timed(catalog_search.get_index)
    check_ms = statistics.median(timed(catalog_search.fingerprint) for _ in range(20))
    say(f"index build: {build_ms:.0f} ms (once per process and after each catalog change); "
          f"fingerprint check: {check_ms:.2f} ms (at most every {catalog_search._check_interval():.0f} s)")

    cases = load_cases()
    for path, label in ((EVAL_PATH, "tuning set"), (HOLDOUT_PATH, "held-out set, see docs/search.md")):
        if not path.exists():
            continue
        report = evaluate(load_cases(path))
        say(f"\nquality on {report.total} citizen queries ({path.relative_to(ROOT)}, {label}):")
        figures[f"recall_{'tuning' if path == EVAL_PATH else 'holdout'}"] = {
            "at1": round(report.recall(1), 3), "at3": round(report.recall(3), 3), "queries": report.total}
        say(f"  recall@1 = {report.recall(1):.3f}")
        say(f"  recall@3 = {report.recall(3):.3f}   (goal >= 0.9)")
        if args.misses:
            for case, hits in report.misses:
                got = [h.code for h in hits[:3]]
                say(f"  miss: {case.query!r} expected {sorted(case.expected)} got {got}")

    reference_found = 0
    for case in cases:
        qs = Procedure.objects.filter(name_folded__icontains=fold(case.query))
        if case.level:
            qs = qs.filter(**{f"at_{case.level}": True})
        if case.expected & set(qs.values_list("code", flat=True)[:3]):
            reference_found += 1
    say(f"  reference icontains recall@3 on the tuning set = {reference_found / len(cases):.3f}")

    search_ms: list[float] = []
    reference_ms: list[float] = []
    for _ in range(args.rounds):
        for case in cases:
            search_ms.append(timed(partial(catalog_search.search, case.query, level=case.level, limit=10)))
            reference = Procedure.objects.filter(name_folded__icontains=fold(case.query))[:10]
            reference_ms.append(timed(partial(list, reference.all())))

    s50, s95 = percentile(search_ms, 50), percentile(search_ms, 95)
    r50, r95 = percentile(reference_ms, 50), percentile(reference_ms, 95)
    total = Procedure.objects.count()
    say(f"\nlatency over {len(search_ms)} searches of the full catalog ({total} procedures):")
    say(f"  search()            p50 = {s50:6.2f} ms   p95 = {s95:6.2f} ms   (goal p95 <= 20 ms)")
    say(f"  icontains reference p50 = {r50:6.2f} ms   p95 = {r95:6.2f} ms")
    say(f"  ratio search/reference: p50 x{s50 / r50:.2f}, p95 x{s95 / r95:.2f}")
    if args.json:
        figures.update({
            "database": connection.vendor, "procedures": total, "index_build_ms": round(build_ms, 1),
            "search_ms": {"p50": round(s50, 3), "p95": round(s95, 3)},
            "reference": {"icontains_ms": {"p50": round(r50, 3), "p95": round(r95, 3)},
                          "icontains_recall_at3": round(reference_found / len(cases), 3)},
            "ratio": {"p50": round(s50 / r50, 3), "p95": round(s95 / r95, 3)},
        })
        print(json.dumps(figures))
    workdir.cleanup()


if __name__ == "__main__":
    main()
