"""Writes eval/intents17/s17.tsv from eval/intents17/s17.py (question, codes, intents, half).

A template with `{need}` gives 6 questions: `random.Random(<template index>)` picks 6 of the 24
needs; plain templates use the plain name, colloquial ones the colloquial name, multi ones
alternate. A template without `{need}` is one question. Status questions have codes "-".
Even template index → tune, odd → check.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from s17 import NEEDS, TEMPLATES  # noqa: E402


def rows() -> list[tuple[str, str, str, str]]:
    out = []
    for i, entry in enumerate(TEMPLATES):
        template, intents, difficulty = entry[:3]
        half = "tune" if i % 2 == 0 else "check"
        status = intents == ["status"]
        if "{need}" not in template:
            codes = "-" if status else ",".join(entry[3])
            out.append((template, codes, ",".join(intents), half))
            continue
        picks = random.Random(i).sample(NEEDS, 6)
        for k, (code, plain, colloquial) in enumerate(picks):
            if difficulty == "plain":
                name = plain
            elif difficulty == "colloquial":
                name = colloquial
            else:
                name = plain if k % 2 == 0 else colloquial
            question = template.replace("{need}", name)
            out.append((question, "-" if status else code, ",".join(intents), half))
    return out


if __name__ == "__main__":
    target = Path(__file__).resolve().parent / "s17.tsv"
    target.write_text("".join("\t".join(r) + "\n" for r in rows()), encoding="utf-8")
    print(target, len(rows()))
