"""The national portal's dossier sync: mapping tables and the outbox of messages to send."""

from __future__ import annotations

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from motcua.dossiers.models import Status


class Service(models.TextChoices):
    """The portal's two services a provincial system calls for each change of a dossier."""

    SYNC_DOSSIER = "DongBoHoSoMC", _("Đồng bộ hồ sơ")
    UPDATE_PROGRESS = "CapNhatTienDoHoSoMC", _("Cập nhật tiến độ xử lý hồ sơ")


class StatusMapping(models.Model):
    """Local status → the portal's status code (identity when a status has no row)."""

    status = models.PositiveSmallIntegerField(_("trạng thái trong hệ thống"), choices=Status.choices,
                                              unique=True)
    national_code = models.PositiveSmallIntegerField(
        _("mã trạng thái trên Cổng DVCQG"), validators=[MinValueValidator(1), MaxValueValidator(10)]
    )
    note = models.CharField(_("ghi chú"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("ánh xạ trạng thái")
        verbose_name_plural = _("ánh xạ trạng thái")
        ordering = ["status"]

    def __str__(self) -> str:
        return f"{self.status} → {self.national_code}"


class ProcedureCodeMapping(models.Model):
    """Local procedure → the portal's procedure code (MaTTHC); the local code when absent."""

    procedure = models.OneToOneField("catalog.Procedure", verbose_name=_("thủ tục"), on_delete=models.CASCADE,
                                     related_name="+")
    national_code = models.CharField(_("mã thủ tục trên Cổng DVCQG"), max_length=64)
    national_name = models.CharField(_("tên thủ tục trên Cổng DVCQG"), max_length=1000, blank=True)

    class Meta:
        verbose_name = _("ánh xạ mã thủ tục")
        verbose_name_plural = _("ánh xạ mã thủ tục")
        ordering = ["procedure__code"]

    def __str__(self) -> str:
        return f"{self.procedure_id} → {self.national_code}"


class FieldCodeMapping(models.Model):
    """Local field → the portal's field code (MaLinhVuc): our fields have no national code."""

    field = models.OneToOneField("catalog.Field", verbose_name=_("lĩnh vực"), on_delete=models.CASCADE,
                                 related_name="+")
    national_code = models.CharField(_("mã lĩnh vực trên Cổng DVCQG"), max_length=64)

    class Meta:
        verbose_name = _("ánh xạ mã lĩnh vực")
        verbose_name_plural = _("ánh xạ mã lĩnh vực")
        ordering = ["field__name"]

    def __str__(self) -> str:
        return f"{self.field_id} → {self.national_code}"


class MessageState(models.TextChoices):
    PENDING = "pending", _("Chờ gửi")
    SENT = "sent", _("Đã gửi")
    FAILED = "failed", _("Gửi lỗi, đã dừng thử lại")


class OutboxMessage(models.Model):
    """One request to the portal, written in the transaction of the event it reports.

    `position` orders a dossier's messages (event seq × 2, then 0 for the dossier sync and 1
    for the progress update): they are sent in that order, and a message waits until every
    earlier one of its dossier was accepted.
    """

    dossier = models.ForeignKey("dossiers.Dossier", on_delete=models.PROTECT, related_name="+")
    # No database constraint: on PostgreSQL the events table is partitioned by month and its key
    # is (id, at), which a foreign key cannot reference; events are append-only (a trigger).
    event = models.ForeignKey("dossiers.DossierEvent", on_delete=models.DO_NOTHING, related_name="+",
                              db_constraint=False)
    position = models.PositiveIntegerField()
    service = models.CharField(_("dịch vụ"), max_length=40, choices=Service.choices)
    body = models.JSONField(_("nội dung"))
    at = models.DateTimeField(_("thời điểm thay đổi"), db_index=True)
    state = models.CharField(_("tình trạng"), max_length=10, choices=MessageState.choices,
                             default=MessageState.PENDING)
    attempts = models.PositiveSmallIntegerField(_("số lần gửi"), default=0)
    next_attempt_at = models.DateTimeField(_("gửi lần tới"), null=True, blank=True)
    # A sender owns the message until then (the send happens outside any transaction); a
    # sender that died leaves it to the next one once the lease has passed.
    leased_until = models.DateTimeField(null=True, blank=True)
    last_error = models.TextField(_("lỗi gần nhất"), blank=True)
    sent_at = models.DateTimeField(_("thời điểm gửi thành công"), null=True, blank=True)

    class Meta:
        verbose_name = _("thông điệp đồng bộ")
        verbose_name_plural = _("thông điệp đồng bộ")
        ordering = ["dossier_id", "position"]
        constraints = [
            models.UniqueConstraint(fields=["dossier", "position"], name="sync_message_position_unique"),
        ]
        indexes = [models.Index(fields=["state", "next_attempt_at"], name="sync_message_due")]

    def __str__(self) -> str:
        return self.key

    @property
    def key(self) -> str:
        """Stable across retries: the receiver can recognise a message it already has."""
        return f"{self.body_code}#{self.position}"

    @property
    def body_code(self) -> str:
        data = self.body.get("data") or [{}]
        return str(data[0].get("MaHoSo", self.dossier_id))
