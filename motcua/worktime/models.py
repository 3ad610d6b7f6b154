"""A province's own working-time configuration: working periods and day overrides."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _


class WorkingPeriod(models.Model):
    """One working period of a province's day (07:00–11:30, 13:30–17:00 when none are set)."""

    province_code = models.CharField(_("mã tỉnh"), max_length=5, db_index=True)
    start = models.TimeField(_("bắt đầu"))
    end = models.TimeField(_("kết thúc"))
    updated_at = models.DateTimeField(_("cập nhật lúc"), auto_now=True)

    class Meta:
        verbose_name = _("khoảng thời gian làm việc")
        verbose_name_plural = _("khoảng thời gian làm việc")
        ordering = ["province_code", "start"]
        constraints = [
            models.UniqueConstraint(fields=["province_code", "start"], name="worktime_period_unique_start"),
            models.CheckConstraint(
                condition=models.Q(end__gt=models.F("start")), name="worktime_period_ends_after_start"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.province_code}: {self.start:%H:%M}–{self.end:%H:%M}"

    def clean(self) -> None:
        if self.start is not None and self.end is not None and self.end <= self.start:
            raise ValidationError(_("Giờ kết thúc phải sau giờ bắt đầu."))
        overlapping = WorkingPeriod.objects.filter(
            province_code=self.province_code, start__lt=self.end, end__gt=self.start
        ).exclude(pk=self.pk)
        if self.start is not None and self.end is not None and overlapping.exists():
            raise ValidationError(
                _("Khoảng thời gian này trùng với một khoảng thời gian làm việc khác của tỉnh.")
            )


class CalendarOverride(models.Model):
    """A province's own announcement about one day: an extra day off or an extra working day."""

    class Kind(models.TextChoices):
        DAY_OFF = "day_off", _("Ngày nghỉ")
        WORKING_DAY = "working_day", _("Ngày làm việc")

    province_code = models.CharField(_("mã tỉnh"), max_length=5, db_index=True)
    day = models.DateField(_("ngày"))
    kind = models.CharField(_("loại"), max_length=20, choices=Kind.choices)
    reason = models.CharField(
        _("lý do"), max_length=300, help_text=_("Ví dụ: số và ngày của văn bản thông báo.")
    )
    updated_at = models.DateTimeField(_("cập nhật lúc"), auto_now=True)

    class Meta:
        verbose_name = _("ngày nghỉ, ngày làm việc riêng của tỉnh")
        verbose_name_plural = _("ngày nghỉ, ngày làm việc riêng của tỉnh")
        ordering = ["province_code", "day"]
        constraints = [
            models.UniqueConstraint(fields=["province_code", "day"], name="worktime_override_unique_day"),
        ]

    def __str__(self) -> str:
        return f"{self.province_code} {self.day:%d/%m/%Y}: {self.get_kind_display()}"
