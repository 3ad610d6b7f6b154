"""`motcua dossiers sweep|verify-audit|seal-audit|check-files|export|slip|book`: the command line."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from typing import IO, Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _

from motcua.agencies.models import Agency
from motcua.core.cli import BadInput, parse_date, to_json
from motcua.dossiers import anchor, audit, export, files, slips, sweeps
from motcua.dossiers.models import Dossier
from motcua.worktime.core import parse_datetime


def _agency(code: str | None) -> Agency | None:
    if not code:
        return None
    agency = Agency.objects.filter(code=code).first()
    if agency is None:
        raise BadInput(_("Không có cơ quan mã %(code)s.") % {"code": code})
    return agency


class Command(BaseCommand):
    help = "Dossiers: deadline sweep, audit-trail check, export, slips and the tracking book."

    def add_arguments(self, parser: CommandParser) -> None:
        actions = parser.add_subparsers(dest="action", required=True)
        sweep = actions.add_parser(
            "sweep",
            help="Optional: store a snapshot of the due-soon/overdue flags (pages compute them when "
            "read) and list the dossiers needing an apology.",
        )
        sweep.add_argument(
            "--at", default=None, help='Instant to sweep at (default now), e.g. "2026-02-13 10:00".'
        )
        sweep.add_argument("--json", action="store_true")
        verify = actions.add_parser(
            "verify-audit", help="Verify every dossier's hash chain and the heads sealed in the checkpoints."
        )
        verify.add_argument("--json", action="store_true")
        seal = actions.add_parser(
            "seal-audit", help="Append a checkpoint of the chain heads (MOTCUA_AUDIT_DIR, HMAC)."
        )
        seal.add_argument("--json", action="store_true")
        check = actions.add_parser(
            "check-files", help="Report uploads without a row (orphans) and rows without their file; "
            "--clean removes orphans older than the grace period."
        )
        check.add_argument("--clean", action="store_true")
        check.add_argument("--grace-minutes", type=int, default=60,
                           help="Younger orphans may belong to a running transaction (default 60).")
        check.add_argument("--json", action="store_true")
        exp = actions.add_parser("export", help="One row per dossier received in a period.")
        exp.add_argument("--from", dest="start", required=True)
        exp.add_argument("--to", dest="end", required=True)
        exp.add_argument("--agency", default=None, help="Agency code (receiving or competent).")
        exp.add_argument("--format", choices=["csv", "xlsx", "jsonl"], default="csv")
        exp.add_argument("--output", type=Path, default=None, help="File (default: standard output).")
        slip = actions.add_parser("slip", help="Write a slip (PDF) of a dossier.")
        slip.add_argument("code")
        slip.add_argument("--form", choices=sorted(slips.SLIPS), default="receipt")
        slip.add_argument("--output", type=Path, required=True)
        book = actions.add_parser("book", help="Write the tracking book (XLSX) of an agency for a period.")
        book.add_argument("--agency", required=True)
        book.add_argument("--from", dest="start", required=True)
        book.add_argument("--to", dest="end", required=True)
        book.add_argument("--output", type=Path, required=True)

    def handle(self, *args: Any, **options: Any) -> None:
        getattr(self, "handle_" + options["action"].replace("-", "_"))(options)

    def handle_sweep(self, options: dict[str, Any]) -> None:
        at = None
        if options["at"]:
            try:
                at = parse_datetime(options["at"])
            except ValueError as error:
                raise BadInput(str(error)) from None
        report = sweeps.sweep(at)
        if options["json"]:
            self.stdout.write(to_json(report.__dict__))
            return
        self.stdout.write(
            _("Quá hạn: %(n)s hồ sơ, %(s)s bước; sắp đến hạn: %(m)s hồ sơ, %(t)s bước.")
            % {
                "n": report.dossiers_overdue,
                "s": report.steps_overdue,
                "m": report.dossiers_due_soon,
                "t": report.steps_due_soon,
            }
        )
        for code in report.need_apology:
            self.stdout.write(_("Cần xin lỗi và hẹn lại: %(code)s") % {"code": code})

    def handle_seal_audit(self, options: dict[str, Any]) -> None:
        try:
            sealed = anchor.seal()
        except anchor.CheckpointError as error:
            message = _("Không thể ghi điểm niêm phong: %(error)s") % {"error": error}
            raise CommandError(message, returncode=1) from None
        if options["json"]:
            self.stdout.write(to_json({"checkpoint": sealed.number, "dossiers": sealed.dossiers,
                                       "file": str(sealed.path)}))
        else:
            self.stdout.write(_("Điểm niêm phong số %(n)s: %(count)s hồ sơ, ghi vào %(file)s.")
                              % {"n": sealed.number, "count": sealed.dossiers, "file": sealed.path})

    def handle_verify_audit(self, options: dict[str, Any]) -> None:
        try:
            sealed = list(anchor.verify())
        except anchor.CheckpointError as error:
            message = _("Các điểm niêm phong nhật ký không đáng tin cậy: %(error)s") % {"error": error}
            raise CommandError(message, returncode=1) from None
        chained = list(audit.verify_chains())
        seen = {b.dossier_code for b in sealed}
        broken = sealed + [b for b in chained if b.dossier_code not in seen]
        if options["json"]:
            self.stdout.write(to_json([b.__dict__ for b in broken]))
        else:
            for b in broken:
                self.stdout.write(
                    _("Chuỗi nhật ký của hồ sơ %(code)s bị phá vỡ tại sự kiện %(seq)s (%(problem)s).")
                    % {"code": b.dossier_code, "seq": b.seq, "problem": b.problem}
                )
            if not broken:
                self.stdout.write(_("Nhật ký của mọi hồ sơ toàn vẹn."))
        if broken:
            raise CommandError(_("%(n)s chuỗi nhật ký bị phá vỡ.") % {"n": len(broken)}, returncode=1)

    def handle_check_files(self, options: dict[str, Any]) -> None:
        if options["grace_minutes"] < 0:
            raise BadInput(_("Thời gian chờ không được âm."))
        grace = dt.timedelta(minutes=options["grace_minutes"])
        report = files.check_files(clean=options["clean"], grace=grace)
        if options["json"]:
            self.stdout.write(to_json({
                "files": report.files, "rows": report.rows, "orphans": report.orphans,
                "recent_orphans": report.recent_orphans, "removed": report.removed,
                "missing": [m.__dict__ for m in report.missing],
            }))
        else:
            self.stdout.write(_("Tệp: %(files)s; tệp được hồ sơ ghi nhận: %(rows)s.")
                              % {"files": report.files, "rows": report.rows})
            for name in report.orphans:
                line = _("Đã xóa tệp không thuộc hồ sơ nào: %(name)s") if name in report.removed else _(
                    "Tệp không thuộc hồ sơ nào: %(name)s")
                self.stdout.write(line % {"name": name})
            for name in report.recent_orphans:
                self.stdout.write(_("Tệp mới ghi, chưa thuộc hồ sơ nào (để lại): %(name)s") % {"name": name})
            for missing in report.missing:
                self.stdout.write(_("Hồ sơ %(code)s thiếu tệp: %(name)s")
                                  % {"code": missing.dossier_code, "name": missing.name})
            if report.consistent:
                self.stdout.write(_("Tệp và hồ sơ khớp nhau."))
        if not report.consistent:
            raise CommandError(_("Tệp và hồ sơ không khớp: %(orphans)s tệp thừa, %(missing)s tệp thiếu.")
                               % {"orphans": len(report.orphans) - len(report.removed),
                                  "missing": len(report.missing)}, returncode=1)

    def handle_export(self, options: dict[str, Any]) -> None:
        start, end = parse_date(options["start"]), parse_date(options["end"])
        if end < start:
            raise BadInput(_("Ngày kết thúc phải sau ngày bắt đầu."))
        if (problem := export.outside_calendar(start, end)) is not None:
            raise BadInput(problem)
        rows = export.rows(start, end, _agency(options["agency"]))
        output: Path | None = options["output"]
        if output is None:
            stream: IO[bytes] = sys.stdout.buffer
            count = export.write(options["format"], rows, stream)
            stream.flush()
        else:
            with output.open("wb") as handle:
                count = export.write(options["format"], rows, handle)
            self.stderr.write(_("Đã ghi %(n)s hồ sơ vào %(path)s.") % {"n": count, "path": output})

    def handle_slip(self, options: dict[str, Any]) -> None:
        dossier = Dossier.objects.filter(code=options["code"]).first()
        if dossier is None:
            raise BadInput(_("Không tìm thấy hồ sơ %(code)s.") % {"code": options["code"]})
        try:
            data = slips.SLIPS[options["form"]](dossier)
        except ValueError as error:
            raise BadInput(str(error)) from None
        options["output"].write_bytes(data)
        self.stdout.write(str(options["output"]))

    def handle_book(self, options: dict[str, Any]) -> None:
        agency = _agency(options["agency"])
        assert agency is not None
        data = slips.tracking_book_xlsx(agency, parse_date(options["start"]), parse_date(options["end"]))
        options["output"].write_bytes(data)
        self.stdout.write(str(options["output"]))
