"""Full import of the real national catalog: time of a first import and of an unchanged re-import.

Run:  .venv/bin/python bench/catalog_import.py [--data-dir DIR]

Uses a throwaway SQLite database (or DATABASE_URL when set). The reference, in
the same run, is the floor any importer pays: reading and JSON-decoding the file.
Also reports the parse-only time (no database) and the structured time-limit rate.
Goal (issue 4): a full import well under 60 s on these machines.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data-dir", type=Path, default=None)
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    args = parser.parse_args()

    workdir = tempfile.TemporaryDirectory(prefix="motcua-bench-")
    os.environ.setdefault("DATABASE_URL", f"sqlite:///{workdir.name}/bench.sqlite3")
    os.environ.setdefault("MOTCUA_DEBUG", "1")
    os.environ.setdefault("MOTCUA_VAR_DIR", workdir.name)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "motcua.settings")
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection

    from motcua.catalog.importer import ImportResult, import_catalog, parse_record, read_records

    data_dir = args.data_dir or Path(settings.DATA_DIR)
    path = data_dir / "catalog" / "procedures-2026-07.jsonl.gz"
    if not path.exists():
        sys.exit(f"missing {path}")
    if not args.json:
        print(f"database: {connection.vendor} ({connection.settings_dict['NAME']})")
    call_command("migrate", verbosity=0)

    start = time.perf_counter()
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        decoded = [json.loads(line) for line in handle if line.strip()]
    reference = time.perf_counter() - start

    start = time.perf_counter()
    scratch = ImportResult()
    for _, record in read_records(path):
        parse_record(record, scratch)
    parse_only = time.perf_counter() - start

    start = time.perf_counter()
    first = import_catalog(path)
    first_s = time.perf_counter() - start
    start = time.perf_counter()
    again = import_catalog(path)
    again_s = time.perf_counter() - start

    if args.json:
        print(json.dumps({
            "database": connection.vendor, "records": len(decoded), "first_import_s": round(first_s, 3),
            "reimport_unchanged_s": round(again_s, 3), "parse_only_s": round(parse_only, 3),
            "time_limit_rate": round(first.time_limit_rate, 4),
            "reference": {"read_and_json_decode_s": round(reference, 3)},
            "ratio": round(first_s / reference, 3), "goal": "first import < 60 s",
        }))
        return
    print(f"records: {len(decoded)}")
    print(f"reference (read + JSON decode):  {reference:6.2f} s")
    print(f"parse only (no database):        {parse_only:6.2f} s")
    print(f"first import:                    {first_s:6.2f} s  (created {first.created}; goal < 60 s)")
    print(f"re-import, unchanged:            {again_s:6.2f} s  (unchanged {again.unchanged})")
    print(f"ratio first import / reference:  x{first_s / reference:.1f}")
    print(f"structured time limits: {first.parts['time_limit'].parsed}/{first.parts['time_limit'].had} "
          f"= {first.time_limit_rate:.2%} (goal >= 95%)")


if __name__ == "__main__":
    main()
