"""Due-time computations per second: motcua.worktime vs scalar numpy.busday_offset.

Both sides get the same cases (received instants in 2025–2027, limits of 1–30 working days)
and the same Vietnamese days off. motcua works to the microsecond on aware datetimes (next
working instant, periods, make-up Saturdays); numpy only moves whole days. Goal (issue #17): ratio >= 1.

    .venv/bin/python bench/worktime.py [--json]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import time
from collections.abc import Callable
from decimal import Decimal

import numpy as np

from motcua.worktime.core import TZ, LimitUnit, TimeLimit, WorkCalendar

CASES = 200_000
REPEATS = 5


def best_rate(run: Callable[[], None], count: int, repeats: int = REPEATS) -> float:
    """Computations per second of the fastest of `repeats` runs (the least disturbed)."""
    best = float("inf")
    for _ in range(repeats):
        start = time.perf_counter()
        run()
        best = min(best, time.perf_counter() - start)
    return count / best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument("--cases", type=int, default=CASES, help=f"due times per run (default {CASES:,})")
    parser.add_argument("--repeats", type=int, default=REPEATS, help="runs per side; the fastest counts")
    args = parser.parse_args()
    rng = random.Random(20260213)
    calendar = WorkCalendar()
    first = dt.datetime(2025, 1, 1, tzinfo=TZ)
    minutes = 3 * 365 * 24 * 60
    starts = [first + dt.timedelta(minutes=rng.randrange(minutes)) for _ in range(args.cases)]
    limits = [TimeLimit(Decimal(rng.randint(1, 30)), LimitUnit.WORKING_DAYS) for _ in range(args.cases)]
    cases = list(zip(starts, limits, strict=True))

    holidays = [
        d.day for year in range(2025, 2030) for d in calendar.special_days(year) if not d.working
    ]
    busdaycal = np.busdaycalendar(weekmask="1111100", holidays=holidays)
    numpy_cases = [
        (np.datetime64(start.date(), "D"), int(limit.value)) for start, limit in cases
    ]
    offset = np.busday_offset
    add = calendar.add
    add(starts[0], limits[0])  # load the year tables outside the timing, like a running server

    def ours() -> None:
        for start, limit in cases:
            add(start, limit)

    def reference() -> None:
        for day, count in numpy_cases:
            offset(day, count, roll="forward", busdaycal=busdaycal)

    ours_rate = best_rate(ours, args.cases, args.repeats)
    numpy_rate = best_rate(reference, args.cases, args.repeats)
    ratio = ours_rate / numpy_rate
    if args.json:
        print(json.dumps({"cases": args.cases, "due_times_per_s": round(ours_rate),
                          "reference": {"numpy_busday_offset_per_s": round(numpy_rate)},
                          "ratio": round(ratio, 3), "goal": ">= 1"}))
        return
    print(f"motcua.worktime  WorkCalendar.add      {ours_rate:12,.0f} due times/s")
    print(f"numpy            busday_offset scalar  {numpy_rate:12,.0f} due dates/s")
    print(f"ratio            {ratio:.2f}x (goal >= 1x)")


if __name__ == "__main__":
    main()
