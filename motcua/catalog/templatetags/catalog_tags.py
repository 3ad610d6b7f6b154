"""Template helpers for the catalog pages."""

from __future__ import annotations

from django import template

register = template.Library()


@register.filter
def dong(amount: int | None) -> str:
    """20000 → "20.000": amounts in đồng are written with dots in Vietnam, whatever the page language."""
    if amount is None:
        return ""
    return f"{int(amount):,}".replace(",", ".")
