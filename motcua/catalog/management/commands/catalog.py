"""`motcua catalog import|show|search`: the procedure catalog from the command line.

Sub-commands live in a registry: each is (add_arguments, handler). `search` is
provided by motcua.catalog.search, which defines `add_arguments(parser)` and
`cli(options, stdout)`; it appears here as soon as that module exists.
"""

from __future__ import annotations

import datetime as dt
import importlib
import sys
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, OutputWrapper
from django.utils import timezone
from django.utils.translation import gettext, gettext_lazy

from motcua.catalog.importer import CatalogFileError, ImportResult, import_catalog
from motcua.catalog.models import Level, ProcedureVersion
from motcua.catalog.services import CompetenceError, decide_competence, version_in_force
from motcua.core.cli import BadInput, parse_date, to_json

Handler = Callable[[dict[str, Any], OutputWrapper], None]

PART_LABELS = {
    "channels": gettext_lazy("cách thức thực hiện"),
    "time_limit": gettext_lazy("thời hạn giải quyết"),
    "fee": gettext_lazy("phí, lệ phí"),
    "requirements": gettext_lazy("thành phần hồ sơ"),
    "legal_bases": gettext_lazy("căn cứ pháp lý"),
    "results": gettext_lazy("kết quả"),
    "levels": gettext_lazy("cấp thực hiện"),
}


# ------------------------------------------------------------------ import

def add_import_arguments(parser: Any) -> None:
    parser.add_argument("path", type=Path, help=gettext("Tệp danh mục .jsonl hoặc .jsonl.gz"))
    parser.add_argument("--effective", type=parse_date, default=None,
                        help=gettext("Ngày hiệu lực của phiên bản mới (mặc định: hôm nay)."))
    parser.add_argument("--report", type=Path, default=None,
                        help=gettext("Tệp ghi những nội dung không phân tích được."))
    parser.add_argument("--json", action="store_true", help=gettext("In tóm tắt dạng JSON."))
    parser.add_argument("--no-progress", action="store_true", help=gettext("Không hiện thanh tiến trình."))


def print_summary(result: ImportResult, stdout: Any) -> None:
    stdout.write(gettext("Đã đọc %(read)s thủ tục: tạo mới %(created)s, phiên bản mới %(new)s, "
                         "không đổi %(unchanged)s.") % {
        "read": result.read, "created": result.created, "new": result.new_versions,
        "unchanged": result.unchanged})
    if result.conflicts:
        stdout.write(gettext("Xung đột ngày hiệu lực (không nhập): %(count)s.") % {"count": result.conflicts})
    stdout.write(gettext("Phân tích từng phần (số thủ tục có phần đó → số phân tích được):"))
    for name, stats in result.parts.items():
        stdout.write(f"  {PART_LABELS.get(name, name)}: {stats.had} → {stats.parsed} ({stats.rate:.1%})")
    stdout.write(gettext("Tỷ lệ thủ tục có thời hạn được cấu trúc: %(rate)s (mục tiêu ≥ 95%%).") % {
        "rate": f"{result.time_limit_rate:.2%}"})
    decided = result.local - len(result.undecided)
    stdout.write(gettext("Thẩm quyền: quy tắc xác định được %(decided)s/%(local)s thủ tục cấp tỉnh, cấp xã "
                         "(%(rate)s).") % {
        "decided": decided, "local": result.local,
        "rate": f"{decided / result.local:.2%}" if result.local else "—"})
    if result.undecided:
        stdout.write(gettext("Thủ tục chưa có quy tắc thẩm quyền (mã, tên, cơ quan theo danh mục):"))
        for item in result.undecided:
            stdout.write(f"  {item['code']}\t{item['name'][:100]}\t{item['agency'] or '—'}")
    if result.report_path:
        stdout.write(gettext("Những phần không phân tích được: %(path)s") % {"path": result.report_path})


def handle_import(options: dict[str, Any], stdout: OutputWrapper) -> None:
    try:
        result = import_catalog(options["path"], effective=options.get("effective"),
                                report_path=options.get("report"),
                                progress=not options.get("no_progress"))
    except CatalogFileError as exc:
        # Every bad line, then exit 2 with nothing changed (the import is one transaction).
        stderr = OutputWrapper(sys.stderr)
        for error in exc.errors[:50]:
            stderr.write(error)
        if len(exc.errors) > 50:
            stderr.write(gettext("… và %(count)s lỗi khác.") % {"count": len(exc.errors) - 50})
        raise BadInput(gettext("Tệp có %(count)s lỗi, không nhập gì: %(first)s") % {
            "count": len(exc.errors), "first": exc.errors[0]}) from exc
    if options.get("json"):
        stdout.write(to_json(result.as_dict()))
    else:
        print_summary(result, stdout)


# ------------------------------------------------------------------ show

def add_show_arguments(parser: Any) -> None:
    parser.add_argument("code", help=gettext("Mã thủ tục, ví dụ 1.001193"))
    parser.add_argument("--on", type=parse_date, default=None,
                        help=gettext("Ngày tra cứu (mặc định: hôm nay)."))
    parser.add_argument("--json", action="store_true", help=gettext("In kết quả dạng JSON."))


def _decimal(value: Decimal | None) -> float | int | None:
    if value is None:
        return None
    return int(value) if value == value.to_integral_value() else float(value)


def version_as_dict(version: ProcedureVersion) -> dict[str, Any]:
    procedure = version.procedure
    return {
        "code": procedure.code, "name": procedure.name, "field": procedure.field.name,
        "levels": procedure.levels, "kind": procedure.kind,
        "valid_from": version.valid_from, "valid_to": version.valid_to, "decision": version.decision,
        "online_level": version.online_level,
        "channels": [
            {"kind": c.kind, "time_limit_value": _decimal(c.time_limit_value),
             "time_limit_unit": c.time_limit_unit or None, "time_limit_text": c.time_limit_text,
             "fee_amount": c.fee_amount, "fee_text": c.fee_text}
            for c in version.channels.all()
        ],
        "requirements": [
            {"order": r.order, "case": r.case, "name": r.name, "originals": r.originals,
             "certified_copies": r.certified_copies, "photocopies": r.photocopies, "form_name": r.form_name}
            for r in version.requirements.all()
        ],
        "legal_bases": [
            {"number": b.number, "title": b.title, "issued": b.issued, "issuer": b.issuer}
            for b in version.legal_bases.all()
        ],
        "process_steps": [
            {"order": s.order, "name": s.name, "role": s.role, "agency_kind": s.agency_kind,
             "allotted_hours": _decimal(s.allotted_hours)}
            for s in version.process_steps.all()
        ],
    }


def handle_show(options: dict[str, Any], stdout: OutputWrapper) -> None:
    on: dt.date = options.get("on") or timezone.localdate()
    version = version_in_force(options["code"], on)
    if version is None:
        raise BadInput(gettext("Không có thủ tục %(code)s có hiệu lực ngày %(day)s.") % {
            "code": options["code"], "day": f"{on:%d/%m/%Y}"})
    data = version_as_dict(version)
    if options.get("json"):
        stdout.write(to_json(data))
        return
    stdout.write(f"{data['code']} {data['name']}")
    levels = ", ".join(str(Level(level).label) for level in data["levels"])
    line = gettext("Lĩnh vực: %(field)s · %(levels)s · hiệu lực từ %(day)s · quyết định %(decision)s")
    stdout.write(line % {
        "field": data["field"], "levels": levels, "day": f"{version.valid_from:%d/%m/%Y}",
        "decision": data["decision"] or "—"})
    for channel in version.channels.all():
        if channel.time_limit_unit == "same_day_15h":
            limit = str(channel.get_time_limit_unit_display())
        elif channel.time_limit_unit:
            limit = f"{_decimal(channel.time_limit_value)} {channel.get_time_limit_unit_display()}"
        else:
            limit = "—"
        if channel.fee_amount is None:
            fee = "—"
        elif channel.fee_amount == 0:
            fee = gettext("miễn phí")
        else:
            fee = gettext("%(amount)s đồng") % {"amount": f"{channel.fee_amount:,}".replace(",", ".")}
        stdout.write("  " + gettext("%(channel)s: thời hạn %(limit)s; phí, lệ phí %(fee)s") % {
            "channel": channel.get_kind_display(), "limit": limit, "fee": fee})
    for requirement in version.requirements.all():
        stdout.write("  - " + gettext(
            "%(name)s (bản chính %(originals)s, bản sao có chứng thực %(certified)s, bản sao %(copies)s)") % {
            "name": requirement.name[:100], "originals": requirement.originals,
            "certified": requirement.certified_copies, "copies": requirement.photocopies})
    for basis in version.legal_bases.all():
        stdout.write(f"  § {basis.number} {basis.title[:100]}")


# ------------------------------------------------------------------ competence

def add_competence_arguments(parser: Any) -> None:
    parser.add_argument("codes", nargs="+", metavar="CODE", help=gettext("Mã thủ tục, ví dụ 1.000005"))
    parser.add_argument("--received-at", required=True, metavar="AGENCY_CODE",
                        help=gettext("Mã cơ quan tiếp nhận, ví dụ 059.77.91.H37"))
    parser.add_argument("--applicant-unit", default=None, metavar="UNIT_CODE",
                        help=gettext("Mã xã, phường nơi người nộp cư trú."))
    parser.add_argument("--land-unit", default=None, metavar="UNIT_CODE",
                        help=gettext("Mã xã, phường nơi có thửa đất."))
    parser.add_argument("--on", type=parse_date, default=None,
                        help=gettext("Ngày tiếp nhận (mặc định: hôm nay)."))
    parser.add_argument("--json", action="store_true", help=gettext("In kết quả dạng JSON."))


def _unit_option(code: str | None, on: dt.date) -> Any:
    from motcua.geography.services import GeographyError, unit_on

    if not code:
        return None
    try:
        return unit_on(code, on)
    except GeographyError as error:
        raise BadInput(str(error)) from None


def handle_competence(options: dict[str, Any], stdout: OutputWrapper) -> None:
    from motcua.agencies.services import AgencyError, agency_by_code

    on: dt.date = options.get("on") or timezone.localdate()
    try:
        receiving = agency_by_code(options["received_at"])
    except AgencyError as error:
        raise BadInput(str(error)) from None
    applicant_unit = _unit_option(options.get("applicant_unit"), on)
    land_unit = _unit_option(options.get("land_unit"), on)
    rows = []
    for code in options["codes"]:
        version = version_in_force(code, on)
        if version is None:
            raise BadInput(gettext("Không có thủ tục %(code)s có hiệu lực ngày %(day)s.") % {
                "code": code, "day": f"{on:%d/%m/%Y}"})
        try:
            decided = decide_competence(version, receiving, on, applicant_unit, land_unit)
        except CompetenceError as error:
            rows.append({"code": code, "agency": None, "rule": None, "refusal": str(error)})
            continue
        agency = decided.agency
        rows.append({"code": code, "agency": {"code": agency.code, "name": agency.name, "kind": agency.kind},
                     "rule": decided.rule, "refusal": None})
    if options.get("json"):
        stdout.write(to_json(rows))
        return
    for row in rows:
        if row["agency"] is None:
            stdout.write(f"{row['code']}\t{row['refusal']}")
        else:
            stdout.write(f"{row['code']}\t{row['agency']['code']}\t{row['agency']['name']}\t{row['rule']}")


# ------------------------------------------------------------------ registry

SUBCOMMANDS: dict[str, tuple[Callable[[Any], None], Handler, Any]] = {
    "import": (add_import_arguments, handle_import, gettext_lazy("Nhập danh mục thủ tục từ tệp JSON Lines")),
    "show": (add_show_arguments, handle_show, gettext_lazy("Xem phiên bản thủ tục có hiệu lực")),
    "competence": (add_competence_arguments, handle_competence,
                   gettext_lazy("Cơ quan giải quyết thủ tục theo quy tắc thẩm quyền")),
}


def _register_search() -> None:
    """`search` comes from motcua.catalog.search (add_arguments + cli) when it exists."""
    try:
        search_module = importlib.import_module("motcua.catalog.search")
    except ModuleNotFoundError:
        return
    add = getattr(search_module, "add_arguments", None)
    cli = getattr(search_module, "cli", None)
    if add is not None and cli is not None:
        SUBCOMMANDS["search"] = (add, cli, gettext_lazy("Tìm thủ tục theo cách người dân diễn đạt"))


_register_search()


class Command(BaseCommand):
    help = "Danh mục thủ tục hành chính: import, show, search."

    def add_arguments(self, parser: Any) -> None:
        subparsers = parser.add_subparsers(dest="subcommand", required=True)
        for name, (add, _, help_text) in SUBCOMMANDS.items():
            add(subparsers.add_parser(name, help=help_text))

    def handle(self, *args: Any, **options: Any) -> None:
        _, handler, _ = SUBCOMMANDS[options["subcommand"]]
        handler(options, self.stdout)
