"""`motcua stats report|check|refresh|partitions`: the operational report and the 766 index from the
command line, the full check, the refresh, and the daily upkeep of partitions and stock snapshots."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _

from motcua.agencies.models import Agency
from motcua.core.cli import BadInput, parse_date, to_json
from motcua.stats import check, facts, index766, partitions, snapshots
from motcua.stats.report import BREAKDOWNS, Figures, report
from motcua.stats.scope import province_scope


def _percent(value: float | None) -> str:
    return "—" if value is None else f"{value * 100:.2f}%"


def _days(value: float | None) -> str:
    return "—" if value is None else f"{value:.2f}"


class Command(BaseCommand):
    help = "Statistics: the operational report and service index, a full check, a refresh."

    def add_arguments(self, parser: CommandParser) -> None:
        actions = parser.add_subparsers(dest="action", required=True)
        rep = actions.add_parser("report", help="The operational report and the 766 index of a period.")
        rep.add_argument("--province", default=None, help="Province unit code (default: the one served).")
        rep.add_argument("--from", dest="start", required=True)
        rep.add_argument("--to", dest="end", required=True)
        rep.add_argument("--agency", default=None, help="Only dossiers received or decided by this agency.")
        rep.add_argument("--by", choices=BREAKDOWNS, default=None)
        rep.add_argument("--json", action="store_true")
        chk = actions.add_parser(
            "check", help="Recompute from the dossiers and their events; exit 1 on a difference."
        )
        chk.add_argument(
            "--export",
            type=Path,
            default=None,
            help="Also compare, dossier by dossier, with a `motcua dossiers export` file (csv/jsonl).",
        )
        chk.add_argument("--from", dest="start", default=None, help="The export's period (with --export).")
        chk.add_argument("--to", dest="end", default=None)
        chk.add_argument("--json", action="store_true")
        ref = actions.add_parser(
            "refresh", help="Recompute every dossier's figures (after a bulk load or a repair)."
        )
        ref.add_argument(
            "--rebuild", action="store_true", help="Drop the aggregates and rebuild them from scratch."
        )
        part = actions.add_parser(
            "partitions",
            help="Create the monthly partitions ahead (PostgreSQL) and the stock snapshots of begun "
            "months; the job runner runs it daily.",
        )
        part.add_argument("--ahead", type=int, default=2, help="Months after the current one (default 2).")
        part.add_argument("--json", action="store_true")

    def handle(self, *args: Any, **options: Any) -> None:
        getattr(self, "handle_" + options["action"])(options)

    # --- report ---------------------------------------------------------------------------

    def handle_report(self, options: dict[str, Any]) -> None:
        start, end = parse_date(options["start"]), parse_date(options["end"])
        if end < start:
            raise BadInput(_("Ngày kết thúc phải sau ngày bắt đầu."))
        scope = province_scope(options["province"])
        agency = None
        if options["agency"]:
            agency = Agency.objects.filter(code=options["agency"]).first()
            if agency is None:
                raise BadInput(_("Không có cơ quan mã %(code)s.") % {"code": options["agency"]})
            scope.narrow(agency)
        result = report(scope, start, end, options["by"], agency=agency)
        index = index766.compute(scope, result.total, end, start=start)
        if options["json"]:
            self.stdout.write(
                to_json(
                    {
                        "scope": scope.label,
                        "agency": agency.code if agency else None,
                        "from": start,
                        "to": end,
                        "total": result.total.as_dict(),
                        "index": [
                            {
                                "code": i.code,
                                "group": i.group,
                                "rate": i.rate,
                                "score": i.score,
                                "max_points": float(i.max_points),
                                "numerator": i.numerator,
                                "denominator": i.denominator,
                            }
                            for g in index.groups
                            for i in g.indicators
                        ],
                        "index_score": index.score,
                        "index_covered_points": index.covered_points,
                        "lines": [
                            {"code": line.code, "name": line.label, **line.figures.as_dict()}
                            for line in result.lines
                        ],
                    }
                )
            )
            return
        title = agency.name if agency else scope.label
        self.stdout.write(
            _("Báo cáo tình hình giải quyết hồ sơ: %(scope)s, từ %(start)s đến %(end)s")
            % {"scope": title, "start": start.strftime("%d/%m/%Y"), "end": end.strftime("%d/%m/%Y")}
        )
        self._figures(result.total)
        self.stdout.write("")
        self.stdout.write(
            _("Bộ chỉ số 766 (điểm trên các chỉ số có dữ liệu: %(score).2f / %(covered).0f)")
            % {"score": index.score, "covered": index.covered_points}
        )
        for group in index.groups:
            for indicator in group.indicators:
                value = (
                    _("Chưa có dữ liệu")
                    if indicator.rate is None
                    else f"{_percent(indicator.rate)} → {indicator.score:.2f}/{indicator.max_points:g}"
                )
                self.stdout.write(f"  {indicator.code:<4} {indicator.name}: {value}")
        if result.lines:
            self.stdout.write("")
            header = [
                _("Mã"),
                _("Tên"),
                _("Tiếp nhận"),
                _("Trực tuyến"),
                _("Đã giải quyết"),
                _("Quá hạn"),
                _("Đang giải quyết"),
                _("Đúng hạn"),
                _("Chỉ số 2.1"),
            ]
            self.stdout.write("\t".join(header))
            for line in result.lines:
                f = line.figures
                self.stdout.write(
                    "\t".join(
                        [
                            line.code,
                            line.label[:60],
                            str(f.handled),
                            _percent(f.online_rate),
                            str(f.finished),
                            str(f.late_total),
                            str(f.open_total),
                            _percent(f.on_time_rate),
                            _percent(f.progress_rate),
                        ]
                    )
                )

    def _figures(self, f: Figures) -> None:
        rows = [
            (_("Tổng số hồ sơ tiếp nhận và đang giải quyết"), f.handled),
            (_("  Kỳ trước chuyển sang"), f.carried_over),
            (_("  Tiếp nhận mới trong kỳ"), f.received),
            (_("    trực tuyến"), f.received_online),
            (_("    trực tiếp"), f.received_counter),
            (_("    qua bưu chính"), f.received_postal),
            (_("Đã giải quyết"), f.finished),
            (_("  trước hạn"), f.finished_early),
            (_("  đúng hạn"), f.finished_on_time),
            (_("  quá hạn"), f.finished_late),
            (_("Đang giải quyết cuối kỳ"), f.open_total),
            (_("  còn hạn"), f.open_within),
            (_("  quá hạn"), f.open_overdue),
            (_("Đã trả kết quả"), f.returned),
            (_("Rút hồ sơ"), f.withdrawn_total),
            (_("Từ chối tiếp nhận"), f.refused),
            (_("Dừng xử lý"), f.stopped),
        ]
        width = max(len(label) for label, _value in rows)
        for label, value in rows:
            self.stdout.write(f"{label:<{width}}  {value:>10,}".replace(",", "."))
        self.stdout.write(_("Tỷ lệ trực tuyến: %(v)s") % {"v": _percent(f.online_rate)})
        self.stdout.write(_("Tỷ lệ giải quyết trước hạn, đúng hạn: %(v)s") % {"v": _percent(f.on_time_rate)})
        self.stdout.write(
            _("Thời gian giải quyết trung bình: %(v)s ngày làm việc") % {"v": _days(f.average_working_days)}
        )
        self.stdout.write(_("Tỷ lệ hồ sơ phải bổ sung: %(v)s") % {"v": _percent(f.supplement_rate)})

    # --- check ----------------------------------------------------------------------------

    def handle_check(self, options: dict[str, Any]) -> None:
        differences = check.check(progress=not options["json"])
        comparison = None
        if options["export"] is not None:
            if not options["start"] or not options["end"]:
                raise BadInput(_("Cần --from và --to của tệp kết xuất."))
            if not options["export"].is_file():
                raise BadInput(_("Không đọc được tệp %(path)s.") % {"path": options["export"]})
            start, end = parse_date(options["start"]), parse_date(options["end"])
            comparison = check.compare_export(options["export"], start, end)
            differences.extend(comparison.differences)
            total = report(province_scope(), start, end).total
            derived = {
                "received_online": comparison.channels["online"],
                "received_counter": comparison.channels["counter"],
                "received_postal": comparison.channels["postal"],
                "finished_early": comparison.categories["finished_early"],
                "finished_on_time": comparison.categories["finished_on_time"],
                "finished_late": comparison.categories["finished_late"],
                "open_within": comparison.categories["open_within"],
                "open_overdue": comparison.categories["open_overdue"],
                "refused": comparison.categories["refused"],
                "withdrawn": comparison.categories["withdrawn"],
            }
            for name, value in derived.items():
                have = total.as_dict()[name]
                if have != value:
                    differences.append(check.Difference("export", "report", name, have, value))
        if options["json"]:
            self.stdout.write(
                to_json(
                    {
                        "differences": [d.as_dict() for d in differences[:1000]],
                        "count": len(differences),
                        "export_rows": comparison.rows if comparison else None,
                    }
                )
            )
        else:
            for d in differences[:50]:
                self.stdout.write(
                    _("Khác biệt [%(where)s] %(key)s %(column)s: đang lưu %(stored)s, tính lại %(expected)s")
                    % d.as_dict()
                )
            if comparison is not None:
                self.stdout.write(_("Đã so sánh %(n)s hồ sơ trong tệp kết xuất.") % {"n": comparison.rows})
            if not differences:
                self.stdout.write(_("Số liệu thống kê khớp với hồ sơ và nhật ký sự kiện."))
        if differences:
            raise CommandError(_("Có %(n)s khác biệt.") % {"n": len(differences)}, returncode=1)

    # --- refresh --------------------------------------------------------------------------

    def handle_refresh(self, options: dict[str, Any]) -> None:
        if options["rebuild"]:
            count = facts.rebuild(progress=True)  # the stock snapshots too
            self.stdout.write(_("Đã tính lại số liệu của %(n)s hồ sơ.") % {"n": count})
            return
        from motcua.dossiers.models import Dossier

        ids = list(Dossier.objects.order_by("pk").values_list("pk", flat=True))
        changed = facts.refresh_ids(ids)
        months = snapshots.rebuild()
        self.stdout.write(_("Đã kiểm tra %(n)s hồ sơ, cập nhật %(c)s.") % {"n": len(ids), "c": changed})
        self.stdout.write(_("Đã dựng lại số tồn đầu tháng của %(n)s tháng.") % {"n": len(months)})

    # --- partitions -----------------------------------------------------------------------

    def handle_partitions(self, options: dict[str, Any]) -> None:
        if options["ahead"] < 0:
            raise BadInput(_("--ahead phải là số tháng không âm."))
        done = partitions.maintain(options["ahead"])
        if options["json"]:
            self.stdout.write(
                to_json({"created": done.created, "moved": done.moved, "snapshot_months": done.months})
            )
            return
        for name in done.created:
            self.stdout.write(_("Đã tạo phân vùng %(name)s.") % {"name": name})
        if done.moved:
            self.stdout.write(_("Đã chuyển %(n)s dòng khỏi phân vùng mặc định.") % {"n": done.moved})
        for month in done.months:
            self.stdout.write(_("Đã dựng số tồn đầu tháng %(month)s.") % {"month": month.strftime("%m/%Y")})
        if not done.created and not done.months:
            self.stdout.write(_("Phân vùng và số tồn đầu tháng đã đủ."))
