"""The procedure catalog as data with history.

A Procedure has Versions with effective dates (the announcing decision); a dossier
points at the version in force when it was received, so a later decision never
changes what an applicant was promised.
"""

from __future__ import annotations

import datetime as dt

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from motcua.agencies.models import Agency
from motcua.catalog.competence import Rule
from motcua.core.text import fold


class Level(models.TextChoices):
    MINISTRY = "ministry", _("Cấp bộ")
    PROVINCE = "province", _("Cấp tỉnh")
    COMMUNE = "commune", _("Cấp xã")
    OTHER = "other", _("Cơ quan khác")


class ChannelKind(models.TextChoices):
    COUNTER = "counter", _("Trực tiếp")
    ONLINE = "online", _("Trực tuyến")
    POSTAL = "postal", _("Dịch vụ bưu chính")


class OnlineLevel(models.TextChoices):
    FULL = "full", _("Toàn trình")
    PARTIAL = "partial", _("Một phần")
    NONE = "none", _("Không cung cấp trực tuyến")


class TimeLimitUnit(models.TextChoices):
    """Mirrors motcua.worktime.core.LimitUnit values."""

    WORKING_DAYS = "working_days", _("ngày làm việc")
    WORKING_HOURS = "working_hours", _("giờ làm việc")
    CALENDAR_DAYS = "calendar_days", _("ngày")
    SAME_DAY_15H = "same_day_15h", _("trong ngày (sau 15 giờ: ngày làm việc tiếp theo)")


class Field(models.Model):
    name = models.CharField(_("tên lĩnh vực"), max_length=300, unique=True)
    name_folded = models.CharField(max_length=300, db_index=True, editable=False)

    class Meta:
        verbose_name = _("lĩnh vực")
        verbose_name_plural = _("lĩnh vực")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def save(self, *args: object, **kwargs: object) -> None:
        self.name_folded = fold(self.name)
        super().save(*args, **kwargs)  # type: ignore[arg-type]


class Procedure(models.Model):
    code = models.CharField(_("mã thủ tục"), max_length=64, unique=True)
    name = models.CharField(_("tên thủ tục"), max_length=1000)
    name_folded = models.CharField(max_length=1000, editable=False)
    field = models.ForeignKey(Field, verbose_name=_("lĩnh vực"), on_delete=models.PROTECT,
                              related_name="procedures")
    # A procedure can be carried out at several levels ("Cấp tỉnh, Cấp xã").
    at_ministry = models.BooleanField(_("cấp bộ"), default=False)
    at_province = models.BooleanField(_("cấp tỉnh"), default=False, db_index=True)
    at_commune = models.BooleanField(_("cấp xã"), default=False, db_index=True)
    at_other = models.BooleanField(_("cơ quan khác"), default=False)
    kind = models.CharField(_("loại thủ tục"), max_length=200, blank=True)
    applicants = models.TextField(_("đối tượng thực hiện"), blank=True)
    detail_url = models.URLField(_("nguồn"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("thủ tục hành chính")
        verbose_name_plural = _("thủ tục hành chính")
        ordering = ["code"]

    def __str__(self) -> str:
        return f"{self.code} {self.name}"

    def save(self, *args: object, **kwargs: object) -> None:
        self.name_folded = fold(self.name)
        super().save(*args, **kwargs)  # type: ignore[arg-type]

    @property
    def levels(self) -> list[str]:
        flags = [(Level.MINISTRY, self.at_ministry), (Level.PROVINCE, self.at_province),
                 (Level.COMMUNE, self.at_commune), (Level.OTHER, self.at_other)]
        return [level.value for level, on in flags if on]

    def version_on(self, day: dt.date) -> ProcedureVersion | None:
        return self.versions.in_force_on(day).first()


class VersionQuerySet(models.QuerySet["ProcedureVersion"]):
    def in_force_on(self, day: dt.date) -> VersionQuerySet:
        return self.filter(valid_from__lte=day).filter(
            Q(valid_to__isnull=True) | Q(valid_to__gte=day)
        ).order_by("-valid_from")


class ProcedureVersion(models.Model):
    procedure = models.ForeignKey(Procedure, on_delete=models.CASCADE, related_name="versions")
    valid_from = models.DateField(_("hiệu lực từ"))
    valid_to = models.DateField(_("hiệu lực đến"), null=True, blank=True)
    decision = models.CharField(_("quyết định công bố"), max_length=500, blank=True)
    online_level = models.CharField(_("mức độ trực tuyến"), max_length=10, choices=OnlineLevel.choices,
                                    default=OnlineLevel.NONE)
    steps_text = models.TextField(_("trình tự thực hiện"), blank=True)
    conditions = models.TextField(_("yêu cầu, điều kiện"), blank=True)
    results = models.TextField(_("kết quả"), blank=True)
    implementing_agency = models.TextField(_("cơ quan thực hiện"), blank=True)
    competent_agency_text = models.TextField(_("cơ quan có thẩm quyền"), blank=True)
    # Hash of the source content: re-importing unchanged content changes nothing.
    content_hash = models.CharField(max_length=64, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = VersionQuerySet.as_manager()

    class Meta:
        verbose_name = _("phiên bản thủ tục")
        verbose_name_plural = _("phiên bản thủ tục")
        ordering = ["procedure", "-valid_from"]
        constraints = [
            models.UniqueConstraint(fields=["procedure", "valid_from"], name="version_procedure_from_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.procedure.code} @ {self.valid_from}"

    def channel(self, kind: str) -> Channel | None:
        return next((c for c in self.channels.all() if c.kind == kind), None)


class Channel(models.Model):
    """One way to submit (counter, online, postal) with its own time limit and fee."""

    version = models.ForeignKey(ProcedureVersion, on_delete=models.CASCADE, related_name="channels")
    kind = models.CharField(_("hình thức nộp"), max_length=10, choices=ChannelKind.choices)
    time_limit_value = models.DecimalField(_("thời hạn"), max_digits=8, decimal_places=2, null=True,
                                           blank=True)
    time_limit_unit = models.CharField(_("đơn vị thời hạn"), max_length=20, choices=TimeLimitUnit.choices,
                                       blank=True)
    time_limit_text = models.CharField(_("thời hạn (nguyên văn)"), max_length=500, blank=True)
    fee_amount = models.BigIntegerField(_("phí, lệ phí (đồng)"), null=True, blank=True)
    fee_text = models.TextField(_("phí, lệ phí (nguyên văn)"), blank=True)
    description = models.TextField(_("mô tả"), blank=True)

    class Meta:
        verbose_name = _("cách thức thực hiện")
        verbose_name_plural = _("cách thức thực hiện")
        ordering = ["version", "kind"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.time_limit_value} {self.time_limit_unit}"


class Requirement(models.Model):
    """A document the applicant supplies (thành phần hồ sơ)."""

    version = models.ForeignKey(ProcedureVersion, on_delete=models.CASCADE, related_name="requirements")
    order = models.PositiveIntegerField(_("thứ tự"), default=0)
    case = models.CharField(_("trường hợp"), max_length=1000, blank=True)
    name = models.TextField(_("tên giấy tờ"))
    originals = models.PositiveSmallIntegerField(_("bản chính"), default=0)
    certified_copies = models.PositiveSmallIntegerField(_("bản sao chứng thực"), default=0)
    photocopies = models.PositiveSmallIntegerField(_("bản sao"), default=0)
    form_name = models.CharField(_("mẫu đơn, tờ khai"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("thành phần hồ sơ")
        verbose_name_plural = _("thành phần hồ sơ")
        ordering = ["version", "order"]

    def __str__(self) -> str:
        return self.name


class LegalBasis(models.Model):
    version = models.ForeignKey(ProcedureVersion, on_delete=models.CASCADE, related_name="legal_bases")
    order = models.PositiveIntegerField(default=0)
    number = models.CharField(_("số ký hiệu"), max_length=200, blank=True)
    title = models.TextField(_("trích yếu"), blank=True)
    issued = models.CharField(_("ngày ban hành"), max_length=50, blank=True)
    issuer = models.CharField(_("cơ quan ban hành"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("căn cứ pháp lý")
        verbose_name_plural = _("căn cứ pháp lý")
        ordering = ["version", "order"]

    def __str__(self) -> str:
        return f"{self.number} {self.title}".strip()


class FieldDepartment(models.Model):
    """Which provincial department decides a field's province-level procedures, from a date."""

    field = models.ForeignKey(Field, verbose_name=_("lĩnh vực"), on_delete=models.CASCADE,
                              related_name="departments")
    agency = models.ForeignKey("agencies.Agency", verbose_name=_("cơ quan"), on_delete=models.PROTECT)
    valid_from = models.DateField(_("hiệu lực từ"))

    class Meta:
        verbose_name = _("cơ quan giải quyết theo lĩnh vực")
        verbose_name_plural = _("cơ quan giải quyết theo lĩnh vực")
        ordering = ["field", "-valid_from"]
        constraints = [
            models.UniqueConstraint(fields=["field", "agency", "valid_from"], name="field_department_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.field} → {self.agency}"


class CompetenceRule(models.Model):
    """Maps the catalog's agency text (and/or field) to the kind and level of the deciding office.

    Catalog managers edit the table in the admin; it is seeded from competence_rules.csv
    (catalog.competence). A rule matches when its pattern occurs as whole words in the folded
    agency text (`co_quan_co_tham_quyen`, else `co_quan_thuc_hien`) and its field pattern in
    the folded field name; a rule without pattern speaks only for procedures of its level.
    """

    class RuleLevel(models.TextChoices):
        PROVINCE = "province", _("Cấp tỉnh")
        COMMUNE = "commune", _("Cấp xã")
        CENTRAL = "central", _("Trung ương (không tiếp nhận tại tỉnh)")

    class Basis(models.TextChoices):
        RECEIVING = "", _("Xã, phường tiếp nhận")
        RESIDENCE = "residence", _("Xã, phường nơi người nộp cư trú")
        LAND = "land", _("Xã, phường nơi có thửa đất")

    priority = models.PositiveSmallIntegerField(_("thứ tự ưu tiên"), default=50,
                                                help_text=_("Số nhỏ được xét trước."))
    pattern = models.CharField(_("mẫu tên cơ quan"), max_length=200, blank=True,
                               help_text=_("Không dấu, chữ thường, ví dụ “chi cuc hai quan”."))
    field_pattern = models.CharField(_("mẫu tên lĩnh vực"), max_length=200, blank=True)
    agency_kind = models.CharField(_("loại cơ quan giải quyết"), max_length=32, blank=True,
                                   choices=Agency.Kind.choices,
                                   help_text=_("Để trống khi cơ quan ở trung ương."))
    level = models.CharField(_("cấp cơ quan giải quyết"), max_length=10, choices=RuleLevel.choices)
    basis = models.CharField(_("xã, phường giải quyết"), max_length=10, choices=Basis.choices, blank=True)
    department = models.CharField(_("sở, ngành"), max_length=40, blank=True,
                                  help_text=_("Khóa sở, ngành khi loại là sở, ví dụ “justice”."))
    note = models.CharField(_("ghi chú"), max_length=300, blank=True)
    is_active = models.BooleanField(_("đang áp dụng"), default=True)

    class Meta:
        verbose_name = _("quy tắc thẩm quyền")
        verbose_name_plural = _("quy tắc thẩm quyền")
        ordering = ["priority", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["pattern", "field_pattern", "level"],
                                    name="competence_rule_unique"),
            models.CheckConstraint(condition=~Q(pattern="", field_pattern=""),
                                   name="competence_rule_matches"),
        ]

    def __str__(self) -> str:
        return self.describe()

    def describe(self) -> str:
        """Stable short text: what matched and where it sends (used by the CLI and dossier events)."""
        return self.as_rule().describe()

    def as_rule(self) -> Rule:
        return Rule(pk=self.pk, priority=self.priority, pattern=self.pattern,
                    field_pattern=self.field_pattern, agency_kind=self.agency_kind, level=self.level,
                    basis=self.basis, department=self.department)

    def clean(self) -> None:
        from django.core.exceptions import ValidationError

        self.pattern = fold(self.pattern)
        self.field_pattern = fold(self.field_pattern)
        if not self.pattern and not self.field_pattern:
            raise ValidationError(_("Cần mẫu tên cơ quan hoặc mẫu tên lĩnh vực."))
        if self.level != self.RuleLevel.CENTRAL and not self.agency_kind:
            raise ValidationError(_("Cần loại cơ quan giải quyết cho quy tắc cấp tỉnh, cấp xã."))


class ProcessStep(models.Model):
    """One step of a version's internal process template (quy trình nội bộ).

    Dossiers copy the steps when they are received, so editing a template never
    changes dossiers already in progress.
    """

    version = models.ForeignKey(ProcedureVersion, on_delete=models.CASCADE, related_name="process_steps")
    order = models.PositiveSmallIntegerField(_("thứ tự"))
    name = models.CharField(_("tên bước"), max_length=300)
    role = models.CharField(_("vai trò"), max_length=20)  # motcua.accounts.models.Role
    agency_kind = models.CharField(_("loại cơ quan"), max_length=32)  # motcua.agencies.models.Agency.Kind
    allotted_hours = models.DecimalField(_("thời gian (giờ làm việc)"), max_digits=8, decimal_places=2)

    class Meta:
        verbose_name = _("bước xử lý")
        verbose_name_plural = _("quy trình nội bộ")
        ordering = ["version", "order"]
        constraints = [
            models.UniqueConstraint(fields=["version", "order"], name="process_step_order_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.order}. {self.name}"


class LocalDecision(models.Model):
    """A province's decision announcing its own list of procedures (quyết định công bố danh mục
    thủ tục hành chính của tỉnh): the national procedures it applies, with its local time
    limits, fees and approved internal processes, effective on the decision's date
    (catalog.local imports it as versions on top of the national catalog)."""

    province_suffix = models.CharField(_("mã tỉnh (L1)"), max_length=8)  # "H37"
    number = models.CharField(_("số quyết định"), max_length=200)
    signed_on = models.DateField(_("ngày quyết định"))
    source_name = models.CharField(_("tệp nguồn"), max_length=300, blank=True)
    imported_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("quyết định công bố của tỉnh")
        verbose_name_plural = _("quyết định công bố của tỉnh")
        ordering = ["-signed_on", "number"]
        constraints = [
            models.UniqueConstraint(fields=["province_suffix", "number"], name="local_decision_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.number} ({self.signed_on:%d/%m/%Y})"


class LocalProcedure(models.Model):
    """One procedure of a province's decision: its local version and the national limit it reduces.

    The national limit is kept as it stood on the decision's date (the counter channel's, the
    legal reference), so the reduction stays what the province reported even when the
    national catalog changes later.
    """

    decision = models.ForeignKey(LocalDecision, verbose_name=_("quyết định"), on_delete=models.CASCADE,
                                 related_name="procedures")
    procedure = models.ForeignKey(Procedure, verbose_name=_("thủ tục"), on_delete=models.CASCADE,
                                  related_name="local_announcements")
    version = models.OneToOneField(ProcedureVersion, verbose_name=_("phiên bản của tỉnh"),
                                   on_delete=models.CASCADE, related_name="local")
    national_version = models.ForeignKey(ProcedureVersion, verbose_name=_("phiên bản quốc gia"),
                                         on_delete=models.PROTECT, related_name="+")
    national_limit_value = models.DecimalField(_("thời hạn quốc gia"), max_digits=8, decimal_places=2,
                                               null=True, blank=True)
    national_limit_unit = models.CharField(_("đơn vị thời hạn quốc gia"), max_length=20,
                                           choices=TimeLimitUnit.choices, blank=True)
    local_limit_value = models.DecimalField(_("thời hạn của tỉnh"), max_digits=8, decimal_places=2)
    local_limit_unit = models.CharField(_("đơn vị thời hạn của tỉnh"), max_length=20,
                                        choices=TimeLimitUnit.choices)
    local_fee_amount = models.BigIntegerField(_("phí, lệ phí của tỉnh (đồng)"), null=True, blank=True)
    local_fee_text = models.CharField(_("phí, lệ phí của tỉnh (nguyên văn)"), max_length=500, blank=True)
    line = models.PositiveIntegerField(_("dòng trong tệp"), default=0)

    class Meta:
        verbose_name = _("thủ tục công bố của tỉnh")
        verbose_name_plural = _("thủ tục công bố của tỉnh")
        ordering = ["decision", "procedure__code"]
        constraints = [
            models.UniqueConstraint(fields=["decision", "procedure"], name="local_procedure_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.procedure.code} @ {self.decision}"


class Generation(models.Model):
    """One row whose token changes with every write to what a process keeps of the catalog.

    Database triggers (migration 0005) give it a new random token after any insert, update,
    delete or truncate of the catalog's tables and of the agencies — by the admin, the
    importer's `bulk_create`, a queryset `.update()` or raw SQL alike, and in the writer's own
    transaction: the new token becomes visible exactly when the change commits. A process keeps
    catalog rows under the token it read before loading them (`catalog.services.snapshot`), so
    one statement tells it whether what it keeps is still the catalog in force.
    """

    id = models.PositiveSmallIntegerField(primary_key=True)
    token = models.CharField(max_length=64)

    class Meta:
        db_table = "catalog_generation"

    def __str__(self) -> str:
        return self.token
