"""`motcua province setup`: a province's agencies from its own list, or from motcua's scheme.

The file (CSV or XLSX, docs/province.md) has one agency per row: the official code as
registered with the national portal (Decision 20/2020/QĐ-TTg), the name, the kind, the
administrative unit, the parent agency and the validity period; optionally the code the
agency had before (`Mã cũ`, e.g. the scheme's code given by `motcua demo`), so an agency
keeps its dossiers and officers when it gets its official code.

All or nothing: every row is checked first and every problem reported with its line; only
a file without problems is written, in one transaction. Idempotent: a second run of the same
file changes nothing.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from motcua.agencies import services as agencies
from motcua.agencies.models import Agency
from motcua.core.tables import Column, TableError, find_header, parse_day, read_cells, rows_after
from motcua.core.text import fold
from motcua.geography import services as geography
from motcua.geography.models import REFORM_DATE, Unit

COLUMNS = (
    Column("code", ("ma dinh danh", "ma co quan", "ma")),
    Column("name", ("ten co quan", "ten")),
    Column("kind", ("loai", "loai co quan")),
    Column("unit", ("ma don vi hanh chinh", "don vi hanh chinh", "ma dvhc")),
    Column("parent", ("ma co quan cap tren", "co quan cap tren"), required=False),
    Column("valid_from", ("hieu luc tu", "tu ngay"), required=False),
    Column("valid_to", ("hieu luc den", "den ngay"), required=False),
    Column("previous_code", ("ma cu",), required=False),
    Column("address", ("dia chi",), required=False),
    Column("phone", ("dien thoai", "so dien thoai"), required=False),
)
MAX_CODE = Agency._meta.get_field("code").max_length or 32
KIND_BY_LABEL = {fold(str(label)): value for value, label in Agency.Kind.choices}


class SetupError(Exception):
    """The file has problems; nothing was changed. `problems` name their lines."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems


@dataclass
class AgencyRow:
    line: int
    code: str
    name: str
    kind: str
    unit: Unit
    parent_code: str
    valid_from: dt.date | None
    valid_to: dt.date | None
    previous_code: str
    address: str
    phone: str


@dataclass
class SetupResult:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    renamed: list[tuple[str, str]] = field(default_factory=list)  # (previous code, official code)

    def as_dict(self) -> dict[str, Any]:
        return {
            "created": self.created,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "renamed": [{"from": a, "to": b} for a, b in self.renamed],
        }


def _kind(text: str) -> str | None:
    if text in Agency.Kind.values:
        return text
    return KIND_BY_LABEL.get(fold(text))


def _problem(line: int, message: str) -> str:
    return _("dòng %(line)s: %(message)s") % {"line": line, "message": message}


def read_agencies(path: Path, province_code: str) -> list[AgencyRow]:
    """Every row checked; SetupError listing every problem with its line."""
    try:
        cells = read_cells(path)
        header, positions = find_header(cells, COLUMNS)
    except TableError as error:
        raise SetupError(error.problems) from None
    prefix = agencies.province_prefix(province_code)
    province = geography.unit_on(province_code, max(timezone.localdate(), REFORM_DATE))
    problems: list[str] = []
    rows: list[AgencyRow] = []
    seen: dict[str, int] = {}
    for row in rows_after(cells, header, positions):
        errors: list[str] = []
        code, name = row.get("code"), row.get("name")
        if not code:
            errors.append(_("thiếu mã định danh."))
        elif len(code) > MAX_CODE or len(code.split(".")) != 4:
            errors.append(
                _("mã định danh “%(code)s” phải có 4 phần (L4.L3.L2.L1, Quyết định 20/2020/QĐ-TTg).")
                % {"code": code}
            )
        elif not code.endswith("." + prefix):
            errors.append(
                _("mã định danh “%(code)s” không thuộc tỉnh (phải kết thúc bằng .%(prefix)s).")
                % {"code": code, "prefix": prefix}
            )
        elif code in seen:
            errors.append(_("mã %(code)s trùng với dòng %(first)s.") % {"code": code, "first": seen[code]})
        if not name:
            errors.append(_("thiếu tên cơ quan."))
        kind = _kind(row.get("kind"))
        if kind is None:
            errors.append(_("loại cơ quan không hợp lệ: “%(kind)s”.") % {"kind": row.get("kind")})
        valid_from = valid_to = None
        for key in ("valid_from", "valid_to"):
            text = row.get(key)
            day = parse_day(text) if text else None
            if text and day is None:
                errors.append(_("ngày không hợp lệ: “%(value)s” (dùng DD/MM/YYYY).") % {"value": text})
            if key == "valid_from":
                valid_from = day
            else:
                valid_to = day
        if valid_from and valid_to and valid_to < valid_from:
            errors.append(_("hiệu lực đến trước hiệu lực từ."))
        unit: Unit | None = None
        unit_day = valid_to or max(valid_from or REFORM_DATE, timezone.localdate())
        try:
            unit = geography.unit_on(row.get("unit"), unit_day)
            if geography.province_of(unit).pk != province.pk:
                errors.append(_("đơn vị hành chính %(unit)s không thuộc tỉnh.") % {"unit": unit})
        except geography.GeographyError as error:
            errors.append(str(error))
        if errors:
            problems.extend(_problem(row.line, message) for message in errors)
            continue
        assert kind is not None and unit is not None
        seen[code] = row.line
        rows.append(
            AgencyRow(
                line=row.line,
                code=code,
                name=name,
                kind=kind,
                unit=unit,
                parent_code=row.get("parent"),
                valid_from=valid_from,
                valid_to=valid_to,
                previous_code=row.get("previous_code"),
                address=row.get("address"),
                phone=row.get("phone"),
            )
        )
    if not rows and not problems:
        problems.append(_("tệp không có dòng dữ liệu nào."))
    problems.extend(_check_references(rows, seen))
    if problems:
        raise SetupError(problems)
    return rows


def _check_references(rows: list[AgencyRow], in_file: dict[str, int]) -> list[str]:
    """Parents named in the file or already in the database; previous codes that exist."""
    problems: list[str] = []
    named = {r.parent_code for r in rows if r.parent_code} | {
        r.previous_code for r in rows if r.previous_code
    }
    existing = set(Agency.objects.filter(code__in=named).values_list("code", flat=True))
    official = {r.code for r in rows}
    for row in rows:
        if row.parent_code and row.parent_code not in in_file and row.parent_code not in existing:
            problems.append(
                _problem(row.line, _("không có cơ quan cấp trên mã %(code)s.") % {"code": row.parent_code})
            )
        if row.parent_code == row.code:
            problems.append(_problem(row.line, _("cơ quan không thể là cấp trên của chính nó.")))
        if row.previous_code and row.previous_code != row.code:
            if row.previous_code not in existing and not Agency.objects.filter(code=row.code).exists():
                problems.append(
                    _problem(row.line, _("không có cơ quan mã cũ %(code)s.") % {"code": row.previous_code})
                )
            elif row.previous_code in official:
                problems.append(
                    _problem(
                        row.line,
                        _("mã cũ %(code)s cũng là mã định danh của một dòng khác.")
                        % {"code": row.previous_code},
                    )
                )
    return problems


def _values(row: AgencyRow) -> dict[str, Any]:
    today = timezone.localdate()
    active = (row.valid_from is None or row.valid_from <= today) and (
        row.valid_to is None or row.valid_to >= today
    )
    values: dict[str, Any] = {
        "name": row.name,
        "kind": row.kind,
        "unit_id": row.unit.pk,
        "valid_from": row.valid_from,
        "valid_to": row.valid_to,
        "is_active": active,
    }
    if row.address:
        values["address"] = row.address
    if row.phone:
        values["phone"] = row.phone
    return values


def write_agencies(rows: list[AgencyRow]) -> SetupResult:
    """Create or update the rows' agencies in one transaction (parents after every row exists)."""
    result = SetupResult()
    touched: set[str] = set()
    with transaction.atomic():
        by_code: dict[str, Agency] = {}
        for row in rows:
            agency = Agency.objects.select_for_update().filter(code=row.code).first()
            if agency is None and row.previous_code:
                agency = Agency.objects.select_for_update().filter(code=row.previous_code).first()
                if agency is not None:
                    result.renamed.append((agency.code, row.code))
                    agency.code = row.code
                    agency.save(update_fields=["code"])
                    touched.add(row.code)
            values = _values(row)
            if agency is None:
                by_code[row.code] = Agency.objects.create(code=row.code, **values)
                touched.add(row.code)
                result.created += 1
                continue
            changed = [name for name, value in values.items() if getattr(agency, name) != value]
            for name in changed:
                setattr(agency, name, values[name])
            if changed:
                agency.save(update_fields=changed)
                touched.add(row.code)
            by_code[row.code] = agency
        for row in rows:
            agency = by_code[row.code]
            parent_id = None
            if row.parent_code:
                parent = by_code.get(row.parent_code) or Agency.objects.get(code=row.parent_code)
                parent_id = parent.pk
            if agency.parent_id != parent_id:
                agency.parent_id = parent_id
                agency.save(update_fields=["parent"])
                touched.add(row.code)
    result.updated = len(touched) - result.created
    result.unchanged = len(rows) - len(touched)
    return result


def setup_from_file(province_code: str, path: Path) -> SetupResult:
    """Read and write a province's agency file (SetupError: nothing changed)."""
    return write_agencies(read_agencies(path, province_code))


def setup_by_scheme(province_code: str) -> SetupResult:
    """No file: motcua's deterministic scheme (agencies.services), as `motcua demo` does."""
    ensured = agencies.ensure_province_agencies(province_code)
    return SetupResult(created=ensured.created, updated=ensured.updated, unchanged=ensured.unchanged)
