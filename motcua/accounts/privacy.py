"""Masking personal data (ID numbers, phones) wherever it is listed rather than handled."""

from __future__ import annotations

MASK = "*"


def mask_id_number(value: str | None) -> str:
    """"020090001234" -> "********1234": enough to tell two people apart, not to reuse the number."""
    value = (value or "").strip()
    if not value:
        return ""
    visible = 4 if len(value) > 6 else 1
    return MASK * (len(value) - visible) + value[-visible:]


def mask_phone(value: str | None) -> str:
    """"0912345678" -> "09******78"."""
    value = (value or "").strip()
    if len(value) <= 4:
        return MASK * len(value)
    return value[:2] + MASK * (len(value) - 4) + value[-2:]
