"""Statistics kept as events happen: one fact row per dossier and daily counters.

`DossierFact` is a pure function of a dossier's current state (motcua.stats.facts.fact_of):
its times reduced to local days, its 766 classification, the small integer keys the reports
group by. Every appended DossierEvent recomputes the dossier's fact in the same transaction
and adds the difference to the daily counters, so a report for any period reads at most one
row per (day, agency pair[, procedure]) instead of scanning dossiers.

Flows (received, finished, …) are sums over the days of the period; stocks (carried over,
open at the end, overdue at the end) are prefix sums from the first day:
open at the end of day B = Σ_{day ≤ B} (received − finished − withdrawn after reception).
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class ChannelCode(models.IntegerChoices):
    COUNTER = 1, _("Trực tiếp")
    ONLINE = 2, _("Trực tuyến")
    POSTAL = 3, _("Dịch vụ bưu chính")


class Outcome(models.IntegerChoices):
    """Where the dossier stands for the statistics (not the national status)."""

    NOT_RECEIVED = 0, _("Chưa tiếp nhận")
    OPEN = 1, _("Đang giải quyết")
    FINISHED = 2, _("Đã giải quyết")
    WITHDRAWN = 3, _("Rút hồ sơ")


class Timeliness(models.IntegerChoices):
    NONE = 0, _("Chưa phân loại")
    EARLY = 1, _("Trước hạn")
    ON_TIME = 2, _("Đúng hạn")
    LATE = 3, _("Quá hạn")


class DossierFact(models.Model):
    """One row per dossier, recomputed from the dossier at every transition."""

    dossier = models.OneToOneField(
        "dossiers.Dossier", primary_key=True, on_delete=models.CASCADE, related_name="stats_fact"
    )
    receiving_agency = models.ForeignKey("agencies.Agency", on_delete=models.PROTECT, related_name="+")
    competent_agency = models.ForeignKey("agencies.Agency", on_delete=models.PROTECT, related_name="+")
    procedure = models.ForeignKey("catalog.Procedure", on_delete=models.PROTECT, related_name="+")
    field = models.ForeignKey("catalog.Field", on_delete=models.PROTECT, related_name="+")
    channel = models.PositiveSmallIntegerField(choices=ChannelCode.choices)
    submitted_on = models.DateField(null=True)
    received_at = models.DateTimeField(null=True)
    received_on = models.DateField(null=True)
    outcome = models.PositiveSmallIntegerField(choices=Outcome.choices)
    # The 766 finish time (9, else 10, else stopped/refused, else an unanswered supplement
    # request) or the withdrawal time: when the dossier left the open set.
    ended_at = models.DateTimeField(null=True)
    ended_on = models.DateField(null=True)
    timeliness = models.PositiveSmallIntegerField(choices=Timeliness.choices, default=Timeliness.NONE)
    due_at = models.DateTimeField(null=True)
    # From this instant until ended_at the dossier is open and overdue (its due time passed,
    # or a second supplement request made it late); null if it never is.
    overdue_at = models.DateTimeField(null=True)
    overdue_on = models.DateField(null=True)
    refused_on = models.DateField(null=True)
    stopped_on = models.DateField(null=True)
    returned_on = models.DateField(null=True)
    supplement_count = models.PositiveSmallIntegerField(default=0)
    # Working time from reception to the finish, minus the supplement pauses (whole minutes).
    working_minutes = models.PositiveIntegerField(default=0)
    has_fee = models.BooleanField(default=False)
    paid_online = models.BooleanField(default=False)
    has_result = models.BooleanField(default=False)
    result_electronic = models.BooleanField(default=False)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("số liệu hồ sơ")
        verbose_name_plural = _("số liệu hồ sơ")
        indexes = [
            # The detail lists behind a figure: a period of one agency, by reception or by end.
            models.Index(fields=["competent_agency", "received_on"], name="fact_competent_received"),
            models.Index(fields=["receiving_agency", "received_on"], name="fact_receiving_received"),
            models.Index(fields=["received_on"], name="fact_received"),
            models.Index(fields=["ended_on"], name="fact_ended"),
        ]

    def __str__(self) -> str:
        return f"{self.dossier_id}"


class Counters(models.Model):
    """Daily counters; every column is additive over days and over keys."""

    day = models.DateField()
    receiving_agency = models.ForeignKey(
        "agencies.Agency", on_delete=models.PROTECT, related_name="+", db_constraint=False
    )
    competent_agency = models.ForeignKey(
        "agencies.Agency", on_delete=models.PROTECT, related_name="+", db_constraint=False
    )
    received_counter = models.IntegerField(default=0)
    received_online = models.IntegerField(default=0)
    received_postal = models.IntegerField(default=0)
    received_with_supplement = models.IntegerField(default=0)
    finished_early = models.IntegerField(default=0)
    finished_on_time = models.IntegerField(default=0)
    finished_late = models.IntegerField(default=0)
    withdrawn = models.IntegerField(default=0)  # after reception (leaves the open set)
    withdrawn_unreceived = models.IntegerField(default=0)  # online, before reception
    refused = models.IntegerField(default=0)
    stopped = models.IntegerField(default=0)
    returned = models.IntegerField(default=0)
    became_overdue = models.IntegerField(default=0)
    ended_overdue = models.IntegerField(default=0)
    working_minutes = models.BigIntegerField(default=0)
    fee_dossiers = models.IntegerField(default=0)
    paid_online = models.IntegerField(default=0)
    results_issued = models.IntegerField(default=0)
    electronic_results = models.IntegerField(default=0)

    class Meta:
        abstract = True


COUNTER_COLUMNS: tuple[str, ...] = (
    "received_counter",
    "received_online",
    "received_postal",
    "received_with_supplement",
    "finished_early",
    "finished_on_time",
    "finished_late",
    "withdrawn",
    "withdrawn_unreceived",
    "refused",
    "stopped",
    "returned",
    "became_overdue",
    "ended_overdue",
    "working_minutes",
    "fee_dossiers",
    "paid_online",
    "results_issued",
    "electronic_results",
)


class DailyCount(Counters):
    """Per day × receiving agency × competent agency × procedure: reports by procedure and field."""

    procedure = models.ForeignKey(
        "catalog.Procedure", on_delete=models.PROTECT, related_name="+", db_constraint=False
    )

    class Meta:
        verbose_name = _("số liệu theo ngày và thủ tục")
        verbose_name_plural = _("số liệu theo ngày và thủ tục")
        constraints = [
            models.UniqueConstraint(
                fields=["day", "receiving_agency", "competent_agency", "procedure"], name="stats_daily_key"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.day} {self.receiving_agency_id}→{self.competent_agency_id} {self.procedure_id}"


class AgencyDailyCount(Counters):
    """Per day × receiving agency × competent agency: the province dashboard reads only this."""

    class Meta:
        verbose_name = _("số liệu theo ngày và cơ quan")
        verbose_name_plural = _("số liệu theo ngày và cơ quan")
        constraints = [
            models.UniqueConstraint(
                fields=["day", "receiving_agency", "competent_agency"], name="stats_agency_daily_key"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.day} {self.receiving_agency_id}→{self.competent_agency_id}"


class MonthlyCount(Counters):
    """The daily counters added up per month (`day` is the month's first day), per procedure.

    Kept equal to Σ `DailyCount` of the month by database triggers (migration 0006), whoever
    writes the daily rows: a report over a long period reads its whole months here and only
    the days of its first and last partial months in `DailyCount`.
    """

    procedure = models.ForeignKey(
        "catalog.Procedure", on_delete=models.PROTECT, related_name="+", db_constraint=False
    )

    class Meta:
        verbose_name = _("số liệu theo tháng và thủ tục")
        verbose_name_plural = _("số liệu theo tháng và thủ tục")
        constraints = [
            models.UniqueConstraint(
                fields=["day", "receiving_agency", "competent_agency", "procedure"], name="stats_monthly_key"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.day:%m/%Y} {self.receiving_agency_id}→{self.competent_agency_id} {self.procedure_id}"


class AgencyMonthlyCount(Counters):
    """The agency daily counters added up per month (`day` is the month's first day)."""

    class Meta:
        verbose_name = _("số liệu theo tháng và cơ quan")
        verbose_name_plural = _("số liệu theo tháng và cơ quan")
        constraints = [
            models.UniqueConstraint(
                fields=["day", "receiving_agency", "competent_agency"], name="stats_agency_monthly_key"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.day:%m/%Y} {self.receiving_agency_id}→{self.competent_agency_id}"


class ProcedureMonthlyCount(models.Model):
    """The counters per month × procedure, all agencies together: a province-wide report by
    procedure or field reads ~600 rows a month here. Kept by the same triggers as `MonthlyCount`."""

    day = models.DateField()  # the month's first day
    procedure = models.ForeignKey(
        "catalog.Procedure", on_delete=models.PROTECT, related_name="+", db_constraint=False
    )
    received_counter = models.IntegerField(default=0)
    received_online = models.IntegerField(default=0)
    received_postal = models.IntegerField(default=0)
    received_with_supplement = models.IntegerField(default=0)
    finished_early = models.IntegerField(default=0)
    finished_on_time = models.IntegerField(default=0)
    finished_late = models.IntegerField(default=0)
    withdrawn = models.IntegerField(default=0)
    withdrawn_unreceived = models.IntegerField(default=0)
    refused = models.IntegerField(default=0)
    stopped = models.IntegerField(default=0)
    returned = models.IntegerField(default=0)
    became_overdue = models.IntegerField(default=0)
    ended_overdue = models.IntegerField(default=0)
    working_minutes = models.BigIntegerField(default=0)
    fee_dossiers = models.IntegerField(default=0)
    paid_online = models.IntegerField(default=0)
    results_issued = models.IntegerField(default=0)
    electronic_results = models.IntegerField(default=0)

    class Meta:
        verbose_name = _("số liệu toàn tỉnh theo tháng và thủ tục")
        verbose_name_plural = _("số liệu toàn tỉnh theo tháng và thủ tục")
        constraints = [
            models.UniqueConstraint(fields=["day", "procedure"], name="stats_procedure_monthly_key"),
        ]

    def __str__(self) -> str:
        return f"{self.day:%m/%Y} {self.procedure_id}"


class Stock(models.Model):
    """Opening stock on the first day of `month`: the prefix sums of the daily counters before it.

    open_count = Σ_{day < month} (received − finished − withdrawn after reception);
    overdue_count = Σ_{day < month} (became overdue − ended while overdue).
    A report's stock figures read the snapshot of the latest built month on or before the
    day they need and add the daily rows from that month on: never more than a month of rows
    besides the period itself (motcua.stats.snapshots).

    The snapshots follow the daily counters exactly: database triggers on both daily tables
    move every built month after a changed day (migration 0005); which months are built is
    told by one marker row per month whose agencies are 0.
    """

    month = models.DateField()
    receiving_agency = models.ForeignKey(
        "agencies.Agency", on_delete=models.DO_NOTHING, related_name="+", db_constraint=False
    )
    competent_agency = models.ForeignKey(
        "agencies.Agency", on_delete=models.DO_NOTHING, related_name="+", db_constraint=False
    )
    open_count = models.IntegerField(default=0)
    overdue_count = models.IntegerField(default=0)

    class Meta:
        abstract = True


class StockSnapshot(Stock):
    """Opening stock per month × receiving agency × competent agency × procedure."""

    procedure = models.ForeignKey(
        "catalog.Procedure", on_delete=models.DO_NOTHING, related_name="+", db_constraint=False
    )

    class Meta:
        verbose_name = _("tồn đầu tháng theo thủ tục")
        verbose_name_plural = _("tồn đầu tháng theo thủ tục")
        constraints = [
            models.UniqueConstraint(
                fields=["month", "receiving_agency", "competent_agency", "procedure"], name="stats_stock_key"
            ),
        ]
        indexes = [
            models.Index(fields=["month"], condition=models.Q(receiving_agency=0), name="stats_stock_months"),
        ]

    def __str__(self) -> str:
        return f"{self.month} {self.receiving_agency_id}→{self.competent_agency_id} {self.procedure_id}"


class AgencyStockSnapshot(Stock):
    """Opening stock per month × receiving agency × competent agency (the dashboard's)."""

    class Meta:
        verbose_name = _("tồn đầu tháng theo cơ quan")
        verbose_name_plural = _("tồn đầu tháng theo cơ quan")
        constraints = [
            models.UniqueConstraint(
                fields=["month", "receiving_agency", "competent_agency"], name="stats_agency_stock_key"
            ),
        ]
        indexes = [
            models.Index(
                fields=["month"], condition=models.Q(receiving_agency=0), name="stats_agency_stock_months"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.month} {self.receiving_agency_id}→{self.competent_agency_id}"


class IndicatorWeight(models.Model):
    """Decision 766's indicators with their points and full-score thresholds.

    The sub-weights inside a group differ between sources (to confirm): they live here,
    editable in the admin, never in code. Seeded by migration 0002.
    """

    class Group(models.TextChoices):
        PUBLICITY = "publicity", _("Công khai, minh bạch")
        PROGRESS = "progress", _("Tiến độ giải quyết")
        ONLINE = "online", _("Dịch vụ công trực tuyến")
        PAYMENT = "payment", _("Thanh toán trực tuyến")
        DIGITISATION = "digitisation", _("Số hóa hồ sơ")
        SATISFACTION = "satisfaction", _("Mức độ hài lòng")

    code = models.CharField(_("mã chỉ số"), max_length=10, unique=True)
    group = models.CharField(_("nhóm"), max_length=20, choices=Group.choices)
    name = models.CharField(_("tên chỉ số"), max_length=300)
    max_points = models.DecimalField(_("điểm tối đa"), max_digits=5, decimal_places=2)
    # Rate (0–1) at or above which the indicator scores its full points; below it the score
    # is rate × max points ÷ threshold.
    threshold = models.DecimalField(_("ngưỡng đạt điểm tối đa"), max_digits=4, decimal_places=3, default=1)
    order = models.PositiveSmallIntegerField(_("thứ tự"), default=0)
    note = models.TextField(_("ghi chú"), blank=True)

    class Meta:
        verbose_name = _("trọng số chỉ số 766")
        verbose_name_plural = _("trọng số chỉ số 766")
        ordering = ["order", "code"]

    def __str__(self) -> str:
        return f"{self.code} {self.name}"
