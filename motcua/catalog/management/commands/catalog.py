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
from django.utils.translation import gettext

from motcua.catalog.importer import CatalogFileError, ImportResult, import_catalog
from motcua.catalog.models import ProcedureVersion
from motcua.catalog.services import version_in_force
from motcua.core.cli import BadInput, parse_date, to_json

Handler = Callable[[dict[str, Any], OutputWrapper], None]

PART_LABELS = {
    "channels": "cách thức thực hiện / channels",
    "time_limit": "thời hạn giải quyết / time limits",
    "fee": "phí, lệ phí / fees",
    "requirements": "thành phần hồ sơ / required documents",
    "legal_bases": "căn cứ pháp lý / legal bases",
    "levels": "cấp thực hiện / levels",
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
    stdout.write(f"Đọc / read: {result.read}")
    stdout.write(f"Tạo mới / created: {result.created}")
    stdout.write(f"Phiên bản mới / new versions: {result.new_versions}")
    stdout.write(f"Không đổi / unchanged: {result.unchanged}")
    if result.conflicts:
        stdout.write(f"Xung đột ngày hiệu lực / effective-date conflicts: {result.conflicts}")
    stdout.write("Phân tích / parsed (có / had → phân tích được / parsed):")
    for name, stats in result.parts.items():
        stdout.write(f"  {PART_LABELS.get(name, name)}: {stats.had} → {stats.parsed} "
                     f"({stats.rate:.1%})")
    stdout.write(f"Tỷ lệ thời hạn có cấu trúc / structured time-limit rate: {result.time_limit_rate:.2%}"
                 f" (mục tiêu / goal ≥ 95%)")
    if result.report_path:
        stdout.write(f"Báo cáo / report: {result.report_path}")


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
            stderr.write(f"… {len(exc.errors) - 50} lỗi khác / more errors")
        raise BadInput(f"{len(exc.errors)} lỗi, không nhập gì / errors, nothing imported: "
                       f"{exc.errors[0]}") from exc
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
        raise BadInput(f"Không có thủ tục {options['code']} có hiệu lực ngày {on:%d/%m/%Y} / "
                       f"no version in force on {on.isoformat()}")
    data = version_as_dict(version)
    if options.get("json"):
        stdout.write(to_json(data))
        return
    stdout.write(f"{data['code']} {data['name']}")
    stdout.write(f"Lĩnh vực: {data['field']} · Cấp: {', '.join(data['levels'])} · "
                 f"Hiệu lực từ {version.valid_from:%d/%m/%Y} · QĐ {data['decision']}")
    for channel in version.channels.all():
        if channel.time_limit_unit == "same_day_15h":
            limit = str(channel.get_time_limit_unit_display())
        elif channel.time_limit_unit:
            limit = f"{_decimal(channel.time_limit_value)} {channel.get_time_limit_unit_display()}"
        else:
            limit = "—"
        fee = f"{channel.fee_amount:,} đồng".replace(",", ".") if channel.fee_amount is not None else "—"
        stdout.write(f"  {channel.get_kind_display()}: {limit}; phí {fee}")
    for requirement in version.requirements.all():
        stdout.write(f"  - {requirement.name[:100]} (chính {requirement.originals}, "
                     f"sao chứng thực {requirement.certified_copies}, sao {requirement.photocopies})")
    for basis in version.legal_bases.all():
        stdout.write(f"  § {basis.number} {basis.title[:100]}")


# ------------------------------------------------------------------ registry

SUBCOMMANDS: dict[str, tuple[Callable[[Any], None], Handler, str]] = {
    "import": (add_import_arguments, handle_import, "Nhập danh mục thủ tục từ tệp JSON Lines"),
    "show": (add_show_arguments, handle_show, "Xem phiên bản thủ tục có hiệu lực"),
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
        SUBCOMMANDS["search"] = (add, cli, "Tìm thủ tục theo cách người dân diễn đạt")


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
