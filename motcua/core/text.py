"""Vietnamese text helpers shared by every app (no Django imports)."""

from __future__ import annotations

import re
import unicodedata

_SPACES = re.compile(r"\s+")


def clean(text: str | None) -> str:
    """Collapse runs of white space (including new lines) and strip the ends."""
    return _SPACES.sub(" ", text or "").strip()


def fold(text: str | None) -> str:
    """Accent-insensitive, case-insensitive form: "Thụy Hùng" -> "thuy hung".

    NFD splits letters from their marks; đ/Đ has no decomposition and is mapped by hand.
    """
    decomposed = unicodedata.normalize("NFD", clean(text).lower())
    stripped = "".join(c for c in decomposed if unicodedata.category(c) != "Mn")
    return stripped.replace("đ", "d")
