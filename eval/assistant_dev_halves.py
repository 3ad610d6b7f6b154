"""The fixed split of a development set in two halves (sessions 7, 8, 9 of issue #14).

`halves(questions, off_topic, seed, prefix)` maps each question to "<prefix>_tune" (tuned on) or
"<prefix>_check" (measured as an aggregate only): each pool (the procedure questions, the
off-topic ones) is shuffled with `random.Random(seed)` and dealt alternately, so half of each pool
goes to each side. Questions of `tune_only` (written after a first measurement) all go to the tuned
half.
"""

import random
from collections.abc import Iterable


def halves(
    questions: Iterable[str], off_topic: Iterable[str], seed: int, prefix: str, tune_only: Iterable[str] = ()
) -> dict[str, str]:
    """Question → f"{prefix}_tune" or f"{prefix}_check", by a fixed shuffle of each pool."""
    out: dict[str, str] = {}
    for pool in (list(questions), list(off_topic)):
        order = list(pool)
        random.Random(seed).shuffle(order)
        for i, question in enumerate(order):
            out[question] = f"{prefix}_tune" if i % 2 == 0 else f"{prefix}_check"
    out.update(dict.fromkeys(tune_only, f"{prefix}_tune"))
    return out
