"""Administrative units over time: codes are reused, so a code names a unit only with a date."""

from __future__ import annotations

import datetime as dt

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

# The two-level local government took effect on this day (Resolutions of the
# National Assembly Standing Committee, 2025); districts ended the day before.
REFORM_DATE = dt.date(2025, 7, 1)
LAST_DAY_BEFORE_REFORM = dt.date(2025, 6, 30)

# Levels that sit directly under a province after the reform (and under a district before it).
COMMUNE_LEVELS = ("commune", "ward", "township", "special_zone")


class UnitQuerySet(models.QuerySet["Unit"]):
    def on(self, day: dt.date) -> UnitQuerySet:
        """Units in force on `day` (validity bounds are inclusive; None is open)."""
        return self.filter(Q(valid_from__isnull=True) | Q(valid_from__lte=day)).filter(
            Q(valid_to__isnull=True) | Q(valid_to__gte=day)
        )


class Unit(models.Model):
    class Level(models.TextChoices):
        PROVINCE = "province", _("Tỉnh, thành phố")
        DISTRICT = "district", _("Quận, huyện, thị xã, thành phố thuộc tỉnh")
        # Townships (thị trấn) were commune-level units inside districts until 30 June 2025.
        TOWNSHIP = "township", _("Thị trấn")
        COMMUNE = "commune", _("Xã")
        WARD = "ward", _("Phường")
        SPECIAL_ZONE = "special_zone", _("Đặc khu")

    code = models.CharField(_("mã"), max_length=5, db_index=True)
    name = models.CharField(_("tên"), max_length=200)
    name_folded = models.CharField(_("tên không dấu"), max_length=200, db_index=True, editable=False)
    level = models.CharField(_("cấp"), max_length=20, choices=Level.choices)
    parent = models.ForeignKey(
        "self", verbose_name=_("đơn vị cấp trên"), null=True, blank=True,
        on_delete=models.PROTECT, related_name="children",
    )
    valid_from = models.DateField(_("hiệu lực từ"), null=True, blank=True)
    valid_to = models.DateField(_("hiệu lực đến"), null=True, blank=True)

    objects = UnitQuerySet.as_manager()

    class Meta:
        verbose_name = _("đơn vị hành chính")
        verbose_name_plural = _("đơn vị hành chính")
        ordering = ["code", "valid_from"]
        # One unit per (code, level, start). Units valid "since always" have no start, and NULLs
        # are distinct in a plain unique index, so they get their own partial index (which SQLite
        # supports, unlike NULLS NOT DISTINCT, and which needs no system-check warning).
        constraints = [
            models.UniqueConstraint(
                fields=["code", "level", "valid_from"], condition=Q(valid_from__isnull=False),
                name="unit_code_level_from_unique",
            ),
            models.UniqueConstraint(
                fields=["code", "level"], condition=Q(valid_from__isnull=True),
                name="unit_code_level_open_start_unique",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.code})"

    def save(self, *args: object, **kwargs: object) -> None:
        from motcua.core.text import fold

        self.name_folded = fold(self.name)
        super().save(*args, **kwargs)  # type: ignore[arg-type]


class Succession(models.Model):
    """How an old unit went into a new one on an effective date (whole or part of it)."""

    class Kind(models.TextChoices):
        WHOLE = "whole", _("Nhập toàn bộ")
        PARTIAL = "partial", _("Nhập một phần")
        UNCHANGED = "unchanged", _("Giữ nguyên")

    predecessor = models.ForeignKey(
        Unit, verbose_name=_("đơn vị cũ"), on_delete=models.CASCADE, related_name="successions"
    )
    successor = models.ForeignKey(
        Unit, verbose_name=_("đơn vị mới"), on_delete=models.CASCADE, related_name="predecessions"
    )
    kind = models.CharField(_("hình thức"), max_length=20, choices=Kind.choices)
    effective = models.DateField(_("ngày hiệu lực"), default=REFORM_DATE)
    note = models.CharField(_("ghi chú"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("sắp xếp đơn vị")
        verbose_name_plural = _("sắp xếp đơn vị")
        constraints = [
            models.UniqueConstraint(
                fields=["predecessor", "successor", "effective"], name="succession_unique"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.predecessor} → {self.successor} ({self.get_kind_display()})"
