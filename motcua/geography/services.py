"""Questions about the geography: which unit had a code on a day, names, history, children.

Every function takes the day explicitly because codes were reused on 1 July 2025
(05977 is Phường Vĩnh Trại until 30 June 2025 and Phường Đông Kinh from 1 July 2025).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext as _

from motcua.core.text import clean, fold
from motcua.geography.models import COMMUNE_LEVELS, Succession, Unit

# Levels listed from the top, for a stable order when one code names several units.
LEVEL_ORDER = {level: i for i, level in enumerate(
    ["province", "district", "ward", "commune", "township", "special_zone"])}


class GeographyError(Exception):
    """A question the geography cannot answer (unknown code, nothing on that date)."""


@dataclass(frozen=True)
class Link:
    """One edge of a unit's history: the other unit and how the territory moved."""

    unit: Unit
    kind: str
    kind_label: str
    effective: dt.date
    note: str


@dataclass(frozen=True)
class UnitHistory:
    unit: Unit
    predecessors: list[Link]
    successors: list[Link]


def _with_parent() -> Any:
    return Unit.objects.select_related("parent")


def units_with_code(code: str) -> list[Unit]:
    """Every unit that ever had `code`, oldest first."""
    code = code.strip()
    units = list(_with_parent().filter(code=code))
    return sorted(units, key=lambda u: (u.valid_from or dt.date.min, LEVEL_ORDER.get(u.level, 99)))


def unit_on(code: str, day: dt.date) -> Unit:
    """The unit that had `code` on `day`; GeographyError if none did."""
    code = code.strip()
    units = list(_with_parent().filter(code=code).on(day))
    if not units:
        if not Unit.objects.filter(code=code).exists():
            raise GeographyError(_("Không có đơn vị hành chính nào mang mã %(code)s.") % {"code": code})
        periods = "; ".join(validity_text(u) for u in units_with_code(code))
        raise GeographyError(_(
            "Mã %(code)s không thuộc đơn vị hành chính nào vào ngày %(day)s "
            "(mã này có hiệu lực: %(periods)s)."
        ) % {"code": code, "day": format_date(day), "periods": periods})
    # Codes of different levels never share digits count (2, 3, 5), so one unit is expected.
    return min(units, key=lambda u: LEVEL_ORDER.get(u.level, 99))


def find_units(name: str, on: dt.date | None = None, level: str | None = None) -> list[Unit]:
    """Units whose name contains `name`, ignoring accents and case ("thuy hung" finds Thụy Hùng).

    Names repeat across districts and across time, so every match is returned.
    """
    query = fold(name)
    if not query:
        raise GeographyError(_("Hãy nhập một phần tên đơn vị hành chính."))
    units = _with_parent().filter(name_folded__contains=query)
    if on is not None:
        units = units.on(on)
    if level:
        units = units.filter(level=level)
    # Exact names (without the prefix) first, then the newest units, then by code.
    found = list(units)
    return sorted(found, key=lambda u: (
        not (u.name_folded == query or u.name_folded.endswith(" " + query)),
        -(u.valid_from or dt.date.min).toordinal(), u.code,
    ))


def children_on(code: str, day: dt.date) -> list[Unit]:
    """Units directly under the unit with `code` on `day`."""
    parent = unit_on(code, day)
    return list(Unit.objects.filter(parent=parent).on(day).order_by("code", "level"))


def communes_of(province: Unit | str, day: dt.date) -> list[Unit]:
    """Communes, wards and special zones directly under a province on `day` (after the reform)."""
    unit = province if isinstance(province, Unit) else unit_on(province, day)
    return list(Unit.objects.filter(parent=unit, level__in=COMMUNE_LEVELS).on(day).order_by("code"))


def province_of(unit: Unit) -> Unit:
    """The province a unit lies in (itself for a province)."""
    current: Unit = unit
    while current.parent_id is not None and current.level != Unit.Level.PROVINCE:
        assert current.parent is not None
        current = current.parent
    return current


def _links(successions: Any, other: str) -> list[Link]:
    return [
        Link(getattr(s, other), s.kind, str(s.get_kind_display()), s.effective, s.note)
        for s in successions.order_by("effective", f"{other}__code")
    ]


def history_of(unit: Unit) -> UnitHistory:
    predecessors = Succession.objects.filter(successor=unit).select_related(
        "predecessor", "predecessor__parent")
    successors = Succession.objects.filter(predecessor=unit).select_related(
        "successor", "successor__parent")
    return UnitHistory(unit, _links(predecessors, "predecessor"), _links(successors, "successor"))


def history(code: str, on: dt.date | None = None) -> list[UnitHistory]:
    """Predecessors and successors of the unit with `code` on `on`, or of every unit that had it."""
    units = [unit_on(code, on)] if on is not None else units_with_code(code)
    if not units:
        raise GeographyError(_("Không có đơn vị hành chính nào mang mã %(code)s.") % {"code": clean(code)})
    return [history_of(unit) for unit in units]


# --- presentation shared by the CLI, the API and the pages ----------------------------------

def format_date(day: dt.date) -> str:
    return day.strftime("%d/%m/%Y")


def validity_text(unit: Unit) -> str:
    if unit.valid_from and unit.valid_to:
        return _("từ %(start)s đến %(end)s") % {
            "start": format_date(unit.valid_from), "end": format_date(unit.valid_to)}
    if unit.valid_from:
        return _("từ %(start)s") % {"start": format_date(unit.valid_from)}
    if unit.valid_to:
        return _("đến %(end)s") % {"end": format_date(unit.valid_to)}
    return _("không giới hạn")


def unit_to_dict(unit: Unit) -> dict[str, Any]:
    parent = unit.parent
    return {
        "code": unit.code,
        "name": unit.name,
        "level": unit.level,
        "level_label": str(unit.get_level_display()),
        "parent": {"code": parent.code, "name": parent.name, "level": parent.level} if parent else None,
        "valid_from": unit.valid_from,
        "valid_to": unit.valid_to,
    }


def link_to_dict(link: Link) -> dict[str, Any]:
    return {
        "unit": unit_to_dict(link.unit), "kind": link.kind, "kind_label": link.kind_label,
        "effective": link.effective, "note": link.note,
    }


def history_to_dict(item: UnitHistory) -> dict[str, Any]:
    return {
        "unit": unit_to_dict(item.unit),
        "predecessors": [link_to_dict(link) for link in item.predecessors],
        "successors": [link_to_dict(link) for link in item.successors],
    }


def by_name_or_code(text: str, day: dt.date) -> Unit:
    """A unit on `day` given its code or its exact name ("Phường Đông Kinh")."""
    text = clean(text)
    if text.isdigit():
        return unit_on(text, day)
    matches = [u for u in Unit.objects.filter(name_folded=fold(text)).on(day).select_related("parent")]
    if len(matches) != 1:
        raise GeographyError(_(
            "Tìm thấy %(count)s đơn vị tên “%(name)s” vào ngày %(day)s; hãy dùng mã."
        ) % {"count": len(matches), "name": text, "day": format_date(day)})
    return matches[0]


__all__ = [
    "GeographyError", "Link", "UnitHistory", "by_name_or_code", "children_on", "communes_of",
    "find_units", "format_date", "history", "history_of", "history_to_dict", "province_of",
    "unit_on", "unit_to_dict", "units_with_code", "validity_text",
]
