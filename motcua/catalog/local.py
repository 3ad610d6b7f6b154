"""A province's own catalog: its announcement imported as versions on top of the national catalog.

The province announces (quyết định công bố) which national procedures it applies, with its
local time limits (usually shorter: Lạng Sơn reports a 30.29 % reduction), local fees and the
approved internal process. `motcua province catalog FILE` reads that announcement (XLSX or CSV,
docs/province.md) and, for each procedure, opens a new version from the decision's date:
the national version in force that day is copied (documents, legal bases, channels), with
the local limit on every channel, the local fee where given, and the approved process steps
(or the default template for the local limit). The national version ends the day before.

The local version keeps the national version's content hash, so re-importing an unchanged
national catalog leaves it in force; a changed national record opens a newer national
version (the province then announces again). All or nothing, problems by line; importing
the same announcement again changes nothing.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from motcua.catalog.models import (
    Channel,
    LegalBasis,
    LocalDecision,
    LocalProcedure,
    Procedure,
    ProcedureVersion,
    ProcessStep,
    Requirement,
    TimeLimitUnit,
)
from motcua.catalog.services import default_process_steps, limit_in_working_hours
from motcua.core.tables import Column, TableError, find_header, read_cells, rows_after
from motcua.core.text import clean, fold

COLUMNS = (
    Column("code", ("ma thu tuc", "ma tthc", "ma thu tuc hanh chinh")),
    Column("name", ("ten thu tuc", "ten thu tuc hanh chinh"), required=False),
    Column("limit", ("thoi han giai quyet", "thoi han giai quyet cua tinh", "thoi han")),
    Column("unit", ("don vi thoi han", "don vi"), required=False),
    Column("fee", ("phi, le phi", "phi le phi", "le phi"), required=False),
    Column("process", ("quy trinh noi bo", "quy trinh noi bo da phe duyet"), required=False),
)
_NUMBER = re.compile(r"[Ss]ố\s*:?\s*([0-9A-Za-zĐđ]+/[^\s,;]+)")
_DATE = re.compile(r"[Nn]gày\s*:?\s*(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})")
_AMOUNT = re.compile(r"^\s*(\d+(?:[.,]\d+)?)\s*(.*)$")
_STEP = re.compile(r"^(?P<name>.+?)\s*\((?P<role>[^)]+)\)\s*:\s*(?P<amount>\d+(?:[.,]\d+)?)\s*(?P<unit>.*)$")
UNIT_WORDS = (
    ("ngay lam viec", TimeLimitUnit.WORKING_DAYS),
    ("gio lam viec", TimeLimitUnit.WORKING_HOURS),
    ("gio", TimeLimitUnit.WORKING_HOURS),
    ("ngay", TimeLimitUnit.CALENDAR_DAYS),
)
ROLE_WORDS = (
    ("mot cua", "receptionist"),
    ("tiep nhan", "receptionist"),
    ("chuyen vien", "specialist"),
    ("lanh dao", "leader"),
)
FREE = ("mien phi", "khong", "khong thu", "0")


class LocalCatalogError(Exception):
    """The announcement cannot be imported; nothing changed. `problems` name their lines."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems


@dataclass
class AnnouncedRow:
    line: int
    procedure: Procedure
    limit_value: Decimal
    limit_unit: str
    fee_amount: int | None
    fee_text: str
    steps: list[dict[str, Any]]  # the approved process, or [] for the default template


@dataclass
class LocalImportResult:
    number: str
    signed_on: dt.date
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    codes: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {
            "decision": self.number,
            "date": self.signed_on,
            "created": self.created,
            "updated": self.updated,
            "unchanged": self.unchanged,
        }


def _problem(line: int, message: str) -> str:
    return _("dòng %(line)s: %(message)s") % {"line": line, "message": message}


def _decimal(text: str) -> Decimal | None:
    try:
        return Decimal(text.replace(",", "."))
    except InvalidOperation:
        return None


def parse_limit(text: str, unit_text: str) -> tuple[Decimal, str] | None:
    """ "3", "3 ngày làm việc", "0,5" + "ngày làm việc" → (3, working_days); None if unreadable."""
    match = _AMOUNT.match(text)
    if not match:
        return None
    value = _decimal(match[1])
    words = fold(f"{match[2]} {unit_text}").strip()
    unit = (
        TimeLimitUnit.WORKING_DAYS
        if not words
        else next((u for w, u in UNIT_WORDS if words.startswith(w)), None)
    )
    if value is None or value <= 0 or unit is None:
        return None
    return value, unit


def parse_fee(text: str) -> tuple[int | None, str] | None:
    """ "50.000" / "50.000 đồng" → 50000; "Miễn phí" → 0; "" → (None, "") (the national fee stays)."""
    if not text:
        return None, ""
    if fold(text) in FREE:
        return 0, text
    digits = re.sub(r"(?i)\s*(đồng|dong|vnđ|vnd|đ)\s*$", "", text).replace(".", "").replace(",", "").strip()
    if not digits.isdigit():
        return None
    return int(digits), text


def parse_process(text: str, level: str, limit: tuple[Decimal, str]) -> list[dict[str, Any]] | str:
    """The approved steps ("Tiếp nhận (một cửa): 4 giờ; Thẩm định (chuyên viên): 2 ngày; …"),
    or a message when a step is unreadable or the steps do not add up to the local limit."""
    desk_kind, deciding_kind = (
        ("commune_center", "commune_committee") if level == "commune" else ("provincial_center", "department")
    )
    steps: list[dict[str, Any]] = []
    for order, part in enumerate((p for p in re.split(r"[;\n]", text) if p.strip()), start=1):
        match = _STEP.match(clean(part))
        role = next((r for w, r in ROLE_WORDS if match and w in fold(match["role"])), None)
        amount = _decimal(match["amount"]) if match else None
        unit = fold(match["unit"]) if match else ""
        if match is None or role is None or amount is None or not unit.startswith(("gio", "ngay")):
            return _(
                "bước “%(step)s” phải có dạng “Tên bước (một cửa | chuyên viên | lãnh đạo): số giờ hoặc "
                "số ngày”."
            ) % {"step": clean(part)}
        hours = amount if unit.startswith("gio") else amount * 8
        steps.append(
            {
                "order": order,
                "name": clean(match["name"]),
                "role": role,
                "agency_kind": desk_kind if role == "receptionist" else deciding_kind,
                "allotted_hours": hours,
            }
        )
    total = sum((s["allotted_hours"] for s in steps), Decimal(0))
    expected = limit_in_working_hours(*limit)
    if abs(total - expected) > Decimal("0.01"):
        return _(
            "quy trình nội bộ cộng lại %(total)s giờ, thời hạn của tỉnh là %(expected)s giờ làm việc."
        ) % {"total": f"{total.normalize():f}", "expected": f"{expected.normalize():f}"}
    return steps


def _decision(cells: list[list[str]], header: int) -> tuple[str, dt.date | None]:
    text = " ".join(cell for row in cells[:header] for cell in row if cell)
    number = _NUMBER.search(text)
    date = _DATE.search(text)
    day = None
    if date:
        try:
            day = dt.date(int(date[3]), int(date[2]), int(date[1]))
        except ValueError:
            day = None
    return (number[1] if number else ""), day


def read_announcement(path: Path) -> tuple[str, dt.date, list[AnnouncedRow]]:
    try:
        cells = read_cells(path)
        header, positions = find_header(cells, COLUMNS)
    except TableError as error:
        raise LocalCatalogError(error.problems) from None
    number, day = _decision(cells, header)
    problems: list[str] = []
    if not number:
        problems.append(_("không tìm thấy số quyết định (“Quyết định số …”) ở các dòng trên tiêu đề."))
    if day is None:
        problems.append(_("không tìm thấy ngày quyết định (“ngày DD/MM/YYYY”) ở các dòng trên tiêu đề."))
    rows: list[AnnouncedRow] = []
    seen: dict[str, int] = {}
    data = list(rows_after(cells, header, positions))
    procedures = {p.code: p for p in Procedure.objects.filter(code__in=[r.get("code") for r in data])}
    for row in data:
        errors: list[str] = []
        code = row.get("code")
        procedure = procedures.get(code)
        if procedure is None:
            errors.append(_("không có thủ tục mã “%(code)s” trong danh mục quốc gia.") % {"code": code})
        elif code in seen:
            errors.append(_("mã %(code)s trùng với dòng %(first)s.") % {"code": code, "first": seen[code]})
        limit = parse_limit(row.get("limit"), row.get("unit"))
        if limit is None:
            errors.append(
                _("thời hạn giải quyết không đọc được: “%(text)s”.")
                % {"text": f"{row.get('limit')} {row.get('unit')}".strip()}
            )
        fee = parse_fee(row.get("fee"))
        if fee is None:
            errors.append(
                _("phí, lệ phí không đọc được: “%(text)s” (ghi số tiền bằng đồng hoặc “Miễn phí”).")
                % {"text": row.get("fee")}
            )
        steps: list[dict[str, Any]] | str = []
        if procedure is not None and limit is not None and row.get("process"):
            level = "commune" if procedure.at_commune else "province"
            steps = parse_process(row.get("process"), level, limit)
            if isinstance(steps, str):
                errors.append(steps)
        if errors:
            problems.extend(_problem(row.line, message) for message in errors)
            continue
        assert procedure is not None and limit is not None and fee is not None and not isinstance(steps, str)
        seen[code] = row.line
        rows.append(AnnouncedRow(row.line, procedure, limit[0], limit[1], fee[0], fee[1], steps))
    if not data:
        problems.append(_("tệp không có thủ tục nào."))
    if problems:
        raise LocalCatalogError(problems)
    assert day is not None
    return number, day, rows


# --- writing --------------------------------------------------------------------------------


def _baseline(row: AnnouncedRow, day: dt.date, decision: LocalDecision | None) -> tuple[Any, ...] | str:
    """(version in force, national version, national limit value, unit), or why it cannot be."""
    versions = list(ProcedureVersion.objects.filter(procedure=row.procedure).order_by("valid_from"))
    current = next(
        (v for v in reversed(versions) if v.valid_from <= day and (v.valid_to is None or v.valid_to >= day)),
        None,
    )
    if current is None:
        return _("thủ tục %(code)s chưa có phiên bản nào có hiệu lực ngày %(day)s.") % {
            "code": row.procedure.code,
            "day": f"{day:%d/%m/%Y}",
        }
    if any(v.valid_from > day for v in versions):
        return _("thủ tục %(code)s đã có phiên bản mới hơn ngày quyết định.") % {"code": row.procedure.code}
    earlier = LocalProcedure.objects.filter(version=current).first()
    if earlier is not None:  # a second announcement: the reduction is still against the national limit
        return current, earlier.national_version, earlier.national_limit_value, earlier.national_limit_unit
    if current.valid_from == day:
        return _("phiên bản quốc gia của %(code)s bắt đầu cùng ngày quyết định.") % {
            "code": row.procedure.code
        }
    counter = sorted(current.channels.all(), key=lambda c: c.kind != "counter")
    stated = next((c for c in counter if c.time_limit_value is not None and c.time_limit_unit), None)
    return (
        current,
        current,
        stated.time_limit_value if stated else None,
        stated.time_limit_unit if stated else "",
    )


def _steps(row: AnnouncedRow) -> list[dict[str, Any]]:
    if row.steps:
        return row.steps
    level = "commune" if row.procedure.at_commune else "province"
    return default_process_steps(level, (row.limit_value, row.limit_unit))


def _limit_text(row: AnnouncedRow) -> str:
    return f"{row.limit_value.normalize():f} {TimeLimitUnit(row.limit_unit).label}"


def _same(local: LocalProcedure, row: AnnouncedRow) -> bool:
    steps = [
        (s.order, s.name, s.role, s.agency_kind, Decimal(s.allotted_hours))
        for s in local.version.process_steps.order_by("order")
    ]
    wanted = [
        (s["order"], s["name"], s["role"], s["agency_kind"], Decimal(s["allotted_hours"]))
        for s in _steps(row)
    ]
    return (
        local.local_limit_value == row.limit_value
        and local.local_limit_unit == row.limit_unit
        and local.local_fee_amount == row.fee_amount
        and local.local_fee_text == row.fee_text
        and steps == wanted
    )


def _write_channels_and_steps(
    version: ProcedureVersion, national: ProcedureVersion, row: AnnouncedRow
) -> None:
    version.channels.all().delete()
    version.process_steps.all().delete()
    Channel.objects.bulk_create(
        [
            Channel(
                version=version,
                kind=c.kind,
                time_limit_value=row.limit_value,
                time_limit_unit=row.limit_unit,
                time_limit_text=_limit_text(row),
                fee_amount=row.fee_amount if row.fee_text else c.fee_amount,
                fee_text=row.fee_text if row.fee_text else c.fee_text,
                description=c.description,
            )
            for c in national.channels.all()
        ]
    )
    ProcessStep.objects.bulk_create([ProcessStep(version=version, **step) for step in _steps(row)])


def _new_version(
    row: AnnouncedRow, current: ProcedureVersion, national: ProcedureVersion, decision: LocalDecision
) -> ProcedureVersion:
    version = ProcedureVersion.objects.create(
        procedure=row.procedure,
        valid_from=decision.signed_on,
        valid_to=current.valid_to,
        decision=f"{decision.number} ngày {decision.signed_on:%d/%m/%Y}"[:500],
        online_level=current.online_level,
        steps_text=current.steps_text,
        conditions=current.conditions,
        results=current.results,
        implementing_agency=current.implementing_agency,
        competent_agency_text=current.competent_agency_text,
        content_hash=current.content_hash,
    )
    current.valid_to = decision.signed_on - dt.timedelta(days=1)
    current.save(update_fields=["valid_to"])
    Requirement.objects.bulk_create(
        [
            Requirement(
                version=version,
                order=r.order,
                case=r.case,
                name=r.name,
                originals=r.originals,
                certified_copies=r.certified_copies,
                photocopies=r.photocopies,
                form_name=r.form_name,
            )
            for r in current.requirements.all()
        ]
    )
    LegalBasis.objects.bulk_create(
        [
            LegalBasis(
                version=version,
                order=b.order,
                number=b.number,
                title=b.title,
                issued=b.issued,
                issuer=b.issuer,
            )
            for b in current.legal_bases.all()
        ]
    )
    _write_channels_and_steps(version, current, row)
    return version


def import_announcement(path: Path, province_suffix: str) -> LocalImportResult:
    """Import a province's announcement (LocalCatalogError: nothing changed)."""
    number, day, rows = read_announcement(path)
    result = LocalImportResult(number, day)
    problems: list[str] = []
    with transaction.atomic():
        decision, _created = LocalDecision.objects.get_or_create(
            province_suffix=province_suffix,
            number=number,
            defaults={"signed_on": day, "source_name": path.name},
        )
        if decision.signed_on != day:
            raise LocalCatalogError(
                [
                    _("quyết định %(number)s đã nhập với ngày %(day)s.")
                    % {"number": number, "day": f"{decision.signed_on:%d/%m/%Y}"}
                ]
            )
        for row in rows:
            existing = (
                LocalProcedure.objects.filter(decision=decision, procedure=row.procedure)
                .select_related("version", "national_version")
                .first()
            )
            if existing is not None:
                if _same(existing, row):
                    result.unchanged += 1
                    continue
                if existing.version.dossiers.exists():
                    problems.append(
                        _problem(
                            row.line,
                            _(
                                "đã có hồ sơ theo phiên bản của quyết định này: không sửa được, "
                                "hãy ban hành quyết định mới."
                            ),
                        )
                    )
                    continue
                _write_channels_and_steps(existing.version, existing.national_version, row)
                existing.local_limit_value, existing.local_limit_unit = row.limit_value, row.limit_unit
                existing.local_fee_amount, existing.local_fee_text = row.fee_amount, row.fee_text
                existing.line = row.line
                existing.save()
                result.updated += 1
                continue
            baseline = _baseline(row, day, decision)
            if isinstance(baseline, str):
                problems.append(_problem(row.line, baseline))
                continue
            current, national, national_value, national_unit = baseline
            version = _new_version(row, current, national, decision)
            LocalProcedure.objects.create(
                decision=decision,
                procedure=row.procedure,
                version=version,
                national_version=national,
                national_limit_value=national_value,
                national_limit_unit=national_unit,
                local_limit_value=row.limit_value,
                local_limit_unit=row.limit_unit,
                local_fee_amount=row.fee_amount,
                local_fee_text=row.fee_text[:500],
                line=row.line,
            )
            result.created += 1
            result.codes.append(row.procedure.code)
        if problems:
            transaction.set_rollback(True)
            raise LocalCatalogError(problems)
    return result
