"""The officer's side of the assistant (the desk page): dossiers due today, and the rules.

"Hồ sơ nào của tôi đến hạn hôm nay" lists the open dossiers in the officer's scope (the desk
inbox's scope, `desk.workspace.scoped`) whose due time, or whose current step's due time when
the step is the officer's, falls today. Rules questions are answered from the short texts in
`rules/*.md` (written from the project's REGULATIONS notes), always with their source.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import time_format
from django.utils.translation import gettext

from motcua.core.text import fold

RULES_DIR = Path(__file__).with_name("rules")
MAX_DUE = 30


@dataclass(frozen=True)
class Rule:
    slug: str
    title: str
    cues: tuple[str, ...]  # folded phrases
    source: str
    text: str


def _parse_rule(path: Path) -> Rule:
    lines = path.read_text(encoding="utf-8").splitlines()
    title = lines[0].lstrip("# ").strip()
    cues: tuple[str, ...] = ()
    source = ""
    body: list[str] = []
    for line in lines[1:]:
        if line.startswith("cues:"):
            cues = tuple(" ".join(fold(c).split()) for c in line[5:].split(",") if c.strip())
        elif line.startswith("source:"):
            source = line[7:].strip()
        elif line.strip():
            body.append(line.strip().replace("**", ""))
    return Rule(path.stem, title, cues, source, " ".join(body))


@cache
def rules() -> tuple[Rule, ...]:
    return tuple(_parse_rule(p) for p in sorted(RULES_DIR.glob("*.md")))


@cache
def _cue_pattern(cue: str) -> re.Pattern[str]:
    """The cue's words in order, with up to two other words between them
    ("bổ sung hồ sơ lần thứ hai" matches "bổ sung lần thứ hai")."""
    gap = r"(?:\s+\S+){0,2}\s+"
    return re.compile(r"(?<![a-z0-9])" + gap.join(re.escape(w) for w in cue.split()) + r"(?![a-z0-9])")


def find_rule(question: str) -> Rule | None:
    """The rule whose cue phrases the question contains (the longest cue wins)."""
    folded = " ".join(re.sub(r"[^a-z0-9:\s]", " ", fold(question)).split())
    best: tuple[int, Rule] | None = None
    for rule in rules():
        for cue in rule.cues:
            if _cue_pattern(cue).search(folded) and (best is None or len(cue) > best[0]):
                best = (len(cue), rule)
    return best[1] if best else None


def due_today(user: Any, now: dt.datetime | None = None) -> list[Any]:
    """Open dossiers in the officer's scope due today (the dossier, or the officer's current step)."""
    from motcua.desk.workspace import RUNNING, scoped

    now = timezone.localtime(now or timezone.now())
    start = now.replace(hour=0, minute=0, second=0, microsecond=0)
    end = start + dt.timedelta(days=1)
    my_step = Q(current_step__agency_id=user.agency_id) & (
        Q(current_step__role=user.role) | Q(current_step__assignee=user)
    )
    due = Q(due_at__gte=start, due_at__lt=end) | (
        my_step & Q(current_step_due_at__gte=start, current_step_due_at__lt=end)
    )
    return list(
        scoped(user)
        .filter(status__in=RUNNING)
        .filter(due)
        .select_related("version__procedure")
        .order_by("due_at", "code")[:MAX_DUE]
    )


def officer_answer(question: str, intents: tuple[str, ...], user: Any, now: dt.datetime | None = None) -> Any:
    """An answer for the desk, or None when the question is about a procedure."""
    from . import intents as I
    from .services import Answer

    # A rule first: "quá hạn thì làm gì" asks for the apology rule, not for a list.
    rule = find_rule(question)
    if rule is not None:
        text = "\n".join([rule.title, rule.text, gettext("Căn cứ: %(source)s") % {"source": rule.source}])
        return Answer(
            text,
            I.RULES,
            True,
            intents=[I.RULES],
            suggestions=[{"code": rule.slug, "name": rule.source, "url": ""}],
        )
    if I.DUE_TODAY in intents:
        dossiers = due_today(user, now)
        if not dossiers:
            return Answer(
                gettext("Hôm nay không có hồ sơ nào của bạn đến hạn."),
                I.DUE_TODAY,
                True,
                intents=[I.DUE_TODAY],
            )
        lines = [gettext("Hồ sơ của bạn đến hạn hôm nay:")]
        for dossier in dossiers:
            due = dossier.due_at
            lines.append(
                gettext("• %(code)s — %(procedure)s — hạn %(time)s")
                % {
                    "code": dossier.code,
                    "procedure": dossier.version.procedure.name,
                    "time": time_format(timezone.localtime(due), "H:i") if due else "",
                }
            )
        links = [
            {
                "code": d.code,
                "name": d.version.procedure.name,
                "url": reverse("desk:dossier", kwargs={"code": d.code}),
            }
            for d in dossiers
        ]
        return Answer("\n".join(lines), I.DUE_TODAY, True, intents=[I.DUE_TODAY], suggestions=links)
    return None
