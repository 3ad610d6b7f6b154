"""Import of the whole country's conversion table: bulk writes vs the row-by-row reference.

Run:  .venv/bin/python bench/units_import.py [--data-dir DIR]

Uses a throwaway SQLite database, or the database of DATABASE_URL when it is set (it must be
a scratch database: its units and successions are deleted). In the same run it times

* the reference a developer would write first: the same plan written with one
  `Unit.objects.create()` / `Succession.objects.create()` per row, in one transaction;
* motcua's import (`import_conversion_table`: parse + bulk_create in one transaction);
* a second import of the same file (idempotent: reads and compares, writes nothing).

Goal (issue 2): the whole country well under 60 s on SQLite.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", type=Path, default=None)
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    args = parser.parse_args()

    scratch = tempfile.mkdtemp(prefix="motcua-bench-units-")
    os.environ.setdefault("MOTCUA_VAR_DIR", scratch)
    os.environ.setdefault("MOTCUA_DEBUG", "1")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "motcua.settings")
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection, transaction

    from motcua.geography.conversion import read_conversion_table
    from motcua.geography.importer import import_conversion_table
    from motcua.geography.models import Succession, Unit

    table = (args.data_dir or Path(settings.DATA_DIR)) / "units" / "conversion-2025-07-01.csv"
    if not table.is_file():
        sys.exit(f"missing {table}")
    call_command("migrate", interactive=False, verbosity=0)

    def wipe() -> None:
        Succession.objects.all().delete()
        # Children before parents (parent is PROTECT).
        for level in ("commune", "ward", "township", "special_zone", "district", "province"):
            Unit.objects.filter(level=level).delete()

    def reference() -> None:
        plan = read_conversion_table(table)
        ids = {}
        with transaction.atomic():
            pending = list(plan.units.values())
            while pending:  # parents first
                later = []
                for spec in pending:
                    if spec.parent is not None and spec.parent not in ids:
                        later.append(spec)
                        continue
                    unit = Unit.objects.create(
                        code=spec.code, name=spec.name, level=spec.level, valid_from=spec.valid_from,
                        valid_to=spec.valid_to, parent_id=ids.get(spec.parent) if spec.parent else None)
                    ids[spec.key] = unit.pk
                pending = later
            for link in plan.successions.values():
                Succession.objects.create(
                    predecessor_id=ids[link.predecessor], successor_id=ids[link.successor],
                    kind=link.kind, note=link.note, effective=link.effective)

    def timed(label: str, fn: object) -> float:
        start = time.perf_counter()
        fn()  # type: ignore[operator]
        seconds = time.perf_counter() - start
        if not args.json:
            print(f"{label:<44} {seconds:7.2f} s")
        return seconds

    if not args.json:
        print(f"database: {connection.vendor} ({settings.DATABASES['default']['NAME']})")
    wipe()
    ref = timed("reference: one create() per unit/succession", reference)
    counts = (Unit.objects.count(), Succession.objects.count())
    wipe()
    ours = timed("motcua: units import (parse + bulk)", lambda: import_conversion_table(table))
    assert (Unit.objects.count(), Succession.objects.count()) == counts, "both write the same rows"
    again = timed("motcua: second import (nothing to change)", lambda: import_conversion_table(table))
    if args.json:
        print(json.dumps({"database": connection.vendor, "units": counts[0], "successions": counts[1],
                          "import_s": round(ours, 3), "second_import_s": round(again, 3),
                          "reference": {"create_per_row_s": round(ref, 3)},
                          "ratio": round(ref / ours, 3), "goal": "import < 60 s"}))
        return
    print(f"{counts[0]} units, {counts[1]} successions")
    print(f"ratio reference / motcua: {ref / ours:.1f}x; budget 60 s, used {ours / 60:.0%}; "
          f"second run {again:.2f} s")


if __name__ == "__main__":
    main()
