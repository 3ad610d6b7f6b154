"""Vietnamese text helpers shared by every app (no Django imports)."""

from __future__ import annotations

import re
import unicodedata

_SPACES = re.compile(r"\s+")


def clean(text: str | None) -> str:
    """Collapse runs of white space (including new lines) and strip the ends."""
    return _SPACES.sub(" ", text or "").strip()


# Vietnamese marks decompose (NFD) into the block of combining diacritical marks, all of
# category Mn; nothing below it is Mn. Those go in one regular-expression pass; only the runs of
# characters beyond it (typographic quotes and dashes, other scripts) are looked at one by one.
_COMBINING = re.compile("[\u0300-\u036f]+")
_BEYOND_LATIN = re.compile("[^\u0000-\u036f]+")


def _unmarked(run: re.Match[str]) -> str:
    return "".join(c for c in run.group() if unicodedata.category(c) != "Mn")


def fold(text: str | None) -> str:
    """Accent-insensitive, case-insensitive form: "Thụy Hùng" -> "thuy hung".

    NFD splits letters from their marks (every mark, category Mn, is dropped); đ/Đ has no
    decomposition and is mapped by hand.
    """
    decomposed = unicodedata.normalize("NFD", clean(text).lower())
    stripped = _BEYOND_LATIN.sub(_unmarked, _COMBINING.sub("", decomposed))
    return stripped.replace("đ", "d")
