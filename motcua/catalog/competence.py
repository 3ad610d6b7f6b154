"""Who decides, from the catalog's own words: the rules that map agency text to an office.

The national catalog names the deciding body in `co_quan_co_tham_quyen` (else
`co_quan_thuc_hien`). A rule (CompetenceRule, seeded from competence_rules.csv, edited by
catalog managers in the admin) matches words of that text, or the procedure's field when the
text says nothing, and names the kind and level of the deciding office. This module is pure
matching: it reads rule rows and texts and never touches agencies (catalog.services does).
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

from motcua.core.text import fold

RULES_FILE = Path(__file__).with_name("competence_rules.csv")
NO_INFORMATION = "khong co thong tin"
LOCAL_LEVELS = ("province", "commune")


@dataclass(frozen=True)
class Rule:
    """One row of the rules table (a CompetenceRule or a line of the rules file)."""

    pk: int | None
    priority: int
    pattern: str
    field_pattern: str
    agency_kind: str
    level: str
    basis: str
    department: str

    def describe(self) -> str:
        what = " + ".join(part for part in (
            f"“{self.pattern}”" if self.pattern else "",
            f"lĩnh vực “{self.field_pattern}”" if self.field_pattern else "") if part)
        target = self.department or self.agency_kind or "central"
        basis = f", {self.basis}" if self.basis else ""
        number = f"#{self.pk} " if self.pk is not None else ""
        return f"{number}{what} → {target} ({self.level}{basis})"


def read_rules_file(path: Path = RULES_FILE) -> list[dict[str, Any]]:
    """The rules file as CompetenceRule field values (the seed of the table)."""
    with path.open(encoding="utf-8", newline="") as handle:
        return [{
            "priority": int(row["priority"]), "pattern": fold(row["pattern"]),
            "field_pattern": fold(row["field"]), "agency_kind": row["kind"].strip(),
            "level": row["level"].strip(), "basis": row["basis"].strip(),
            "department": row["department"].strip(), "note": row["note"].strip(),
        } for row in csv.DictReader(handle)]


def seed_rules(model: Any) -> int:
    """Add the rules file's rules missing from the table (`model`: CompetenceRule, or its historical
    version in a migration); never changes a rule a catalog manager edited. Returns how many were added."""
    rows = read_rules_file()
    if not model.objects.exists():  # a new database, or a test database emptied by a flush
        model.objects.bulk_create(model(**row) for row in rows)
        return len(rows)
    added = 0
    for row in rows:
        _, created = model.objects.get_or_create(
            pattern=row["pattern"], field_pattern=row["field_pattern"], level=row["level"],
            defaults={k: v for k, v in row.items() if k not in ("pattern", "field_pattern", "level")})
        added += created
    return added


def rules_from_file(path: Path = RULES_FILE) -> list[Rule]:
    return [Rule(pk=None, **{k: v for k, v in row.items() if k != "note"}) for row in read_rules_file(path)]


def agency_texts(competent: str | None, implementing: str | None) -> list[str]:
    """The texts that name who handles a procedure, the implementing office first.

    `co_quan_thuc_hien` names the office that handles the dossier (1.014064: "Công an cấp
    Xã"), `co_quan_co_tham_quyen` the body in whose name it is decided (there: the police's
    central department). Both are read; the implementing one wins a tie at the same level.
    """
    texts = []
    for text in (implementing, competent):
        folded = fold(text)
        if folded and folded.rstrip(".") != NO_INFORMATION:
            texts.append(" ".join((text or "").split()))
    return texts


def agency_text(competent: str | None, implementing: str | None) -> str:
    """Both texts as one line for people (the importer's report, the CLI)."""
    texts = agency_texts(competent, implementing)
    return " | ".join(dict.fromkeys(texts))


@lru_cache(maxsize=512)
def _words(pattern: str) -> re.Pattern[str]:
    return re.compile(r"(?<![a-z0-9])" + re.escape(pattern) + r"(?![a-z0-9])")


@dataclass(frozen=True)
class Match:
    rule: Rule
    source: int  # which text matched (0: the implementing office; 1: the competent body; 2: none)
    position: int  # where the pattern starts in that text (earlier names come first)

    @property
    def rank(self) -> tuple[int, int, int]:
        return self.source, self.rule.priority, self.position


def _find(pattern: str, texts: list[str]) -> tuple[int, int] | None:
    for source, text in enumerate(texts):
        hit = _words(pattern).search(text)
        if hit is not None:
            return source, hit.start()
    return None


def matching_rules(rules: Iterable[Rule], texts: Sequence[str], field: str,
                   levels: Iterable[str]) -> list[Match]:
    """Every rule that speaks for these agency texts (agency_texts), field and procedure levels."""
    folded_texts, folded_field, level_set = [fold(t) for t in texts], fold(field), set(levels)
    found = []
    for rule in rules:
        source, position = 2, 0
        if rule.pattern:
            hit = _find(rule.pattern, folded_texts)
            if hit is None:
                continue
            source, position = hit
        elif rule.level not in level_set:
            continue  # a field-only rule speaks only for procedures of its own level
        if rule.field_pattern and not _words(rule.field_pattern).search(folded_field):
            continue
        found.append(Match(rule, source, position))
    return found


def choose(matches: Sequence[Match], at_commune_desk: bool) -> Rule | None:
    """The rule that decides for a desk of this level, or None when no local office is named.

    A multi-agency text ("Sở Xây dựng, UBND cấp xã") decides at the receiving level when it
    names an office there, else at the province, else at the commune. A text naming only
    central bodies gives the first central rule (the caller refuses the dossier).
    """
    local = [m for m in matches if m.rule.level in LOCAL_LEVELS]
    if not local:
        central = sorted(matches, key=lambda m: m.rank)
        return central[0].rule if central else None
    # What the text names beats what the field suggests (field-only rules fill silent texts).
    named = [m for m in local if m.rule.pattern]
    order = ("commune", "province") if at_commune_desk else ("province", "commune")
    for level in order:
        at_level = [m for m in named or local if m.rule.level == level]
        if at_level:
            return _with_department(min(at_level, key=lambda m: m.rank).rule,
                                    [m for m in local if m.rule.level == level])
    return None


def _with_department(rule: Rule, matches: Sequence[Match]) -> Rule:
    """A generic department rule ("Cơ quan chuyên môn thuộc UBND tỉnh") takes the department
    that a field rule of the same level names for the procedure's field."""
    if rule.agency_kind != "department" or rule.department:
        return rule
    hint = next((m.rule.department for m in sorted(matches, key=lambda m: m.rank)
                 if m.rule.agency_kind == "department" and m.rule.department), "")
    return replace(rule, department=hint) if hint else rule
