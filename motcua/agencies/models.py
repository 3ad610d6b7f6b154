"""Agencies (cơ quan) identified by codes of Decision 20/2020/QĐ-TTg, e.g. 000.00.00.H37."""

from __future__ import annotations

import datetime as dt

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class AgencyQuerySet(models.QuerySet["Agency"]):
    def on(self, day: dt.date) -> AgencyQuerySet:
        """Agencies in existence on `day` (validity bounds are inclusive; None is open), like units."""
        return self.filter(Q(valid_from__isnull=True) | Q(valid_from__lte=day)).filter(
            Q(valid_to__isnull=True) | Q(valid_to__gte=day)
        )


class Agency(models.Model):
    class Kind(models.TextChoices):
        PROVINCIAL_COMMITTEE = "provincial_committee", _("UBND tỉnh")
        DEPARTMENT = "department", _("Sở, ban, ngành")
        PROVINCIAL_CENTER = "provincial_center", _("Trung tâm Phục vụ hành chính công tỉnh")
        COMMUNE_COMMITTEE = "commune_committee", _("UBND xã, phường")
        COMMUNE_CENTER = "commune_center", _("Trung tâm Phục vụ hành chính công xã, phường")
        # Offices of central agencies organised vertically in the province (REGULATIONS.md,
        # "Who decides"): they decide many procedures that the province's centres receive.
        POLICE = "police", _("Công an tỉnh")
        COMMUNE_POLICE = "commune_police", _("Công an xã, phường")
        CUSTOMS = "customs", _("Hải quan")
        TAX = "tax", _("Thuế")
        SOCIAL_INSURANCE = "social_insurance", _("Bảo hiểm xã hội")
        STATE_BANK = "state_bank", _("Ngân hàng Nhà nước")
        TREASURY = "treasury", _("Kho bạc Nhà nước")
        JUDGMENT_ENFORCEMENT = "judgment_enforcement", _("Thi hành án dân sự")
        LAND_REGISTRATION = "land_registration", _("Văn phòng đăng ký đất đai")
        FOREST_PROTECTION = "forest_protection", _("Kiểm lâm")
        ZONE_BOARD = "zone_board", _("Ban quản lý khu kinh tế, khu công nghiệp")
        # Districts ended on 30 June 2025: their committees and one-stop desks exist only in
        # the history (dossiers received before the reform, `motcua reorg`).
        DISTRICT_COMMITTEE = "district_committee", _("UBND huyện (đến 30/6/2025)")
        DISTRICT_CENTER = "district_center", _("Bộ phận một cửa cấp huyện (đến 30/6/2025)")

    SERVICE_CENTER_KINDS = (Kind.PROVINCIAL_CENTER, Kind.COMMUNE_CENTER, Kind.DISTRICT_CENTER)
    # Kinds with one office per commune, ward or special zone.
    COMMUNE_KINDS = (Kind.COMMUNE_COMMITTEE, Kind.COMMUNE_CENTER, Kind.COMMUNE_POLICE)

    code = models.CharField(_("mã định danh"), max_length=32, unique=True)
    name = models.CharField(_("tên cơ quan"), max_length=300)
    kind = models.CharField(_("loại"), max_length=32, choices=Kind.choices)
    unit = models.ForeignKey(
        "geography.Unit", verbose_name=_("đơn vị hành chính"), on_delete=models.PROTECT,
        related_name="agencies",
    )
    parent = models.ForeignKey(
        "self", verbose_name=_("cơ quan cấp trên"), null=True, blank=True,
        on_delete=models.PROTECT, related_name="children",
    )
    address = models.CharField(_("địa chỉ"), max_length=300, blank=True)
    phone = models.CharField(_("điện thoại"), max_length=30, blank=True)
    is_active = models.BooleanField(_("đang hoạt động"), default=True)
    # Like units (geography.Unit): an agency exists from a day to a day; a reorganisation
    # (`motcua reorg apply`) closes it (valid_to, is_active off) and records its successors.
    valid_from = models.DateField(_("hiệu lực từ"), null=True, blank=True)
    valid_to = models.DateField(_("hiệu lực đến"), null=True, blank=True)

    objects = AgencyQuerySet.as_manager()

    class Meta:
        verbose_name = _("cơ quan")
        verbose_name_plural = _("cơ quan")
        ordering = ["code"]

    def __str__(self) -> str:
        return self.name

    @property
    def is_service_center(self) -> bool:
        return self.kind in self.SERVICE_CENTER_KINDS

    @property
    def administration_id(self) -> int:
        """The People's Committee this agency belongs to (itself for a committee, else its parent).

        A centre and the committee above it are one administration; a department belongs to
        the provincial committee; an office without a parent (police, customs, tax…) is its own.
        """
        committees = (
            self.Kind.PROVINCIAL_COMMITTEE, self.Kind.COMMUNE_COMMITTEE, self.Kind.DISTRICT_COMMITTEE
        )
        if self.kind in committees or self.parent_id is None:
            return self.pk
        return self.parent_id

    @property
    def province_code(self) -> str:
        """The L1 part of the code (e.g. H37): which province the agency belongs to."""
        return self.code.rsplit(".", 1)[-1]


class AgencySuccession(models.Model):
    """How an agency went into another on an effective date, mirroring geography.Succession.

    An agency whose code the new unit keeps (a new commune takes the code of one of its old
    communes, so the scheme gives the same agency code) continues: its row now names the new
    unit, and a succession from itself to itself keeps what it was before (`predecessor_unit`,
    `predecessor_name`), so statistics can still group its earlier dossiers by the old unit.
    """

    class Kind(models.TextChoices):
        WHOLE = "whole", _("Nhập toàn bộ")
        PARTIAL = "partial", _("Nhập một phần")
        UNCHANGED = "unchanged", _("Giữ nguyên")
        CONTINUED = "continued", _("Tiếp tục (giữ mã, đổi tên hoặc địa bàn)")

    predecessor = models.ForeignKey(
        Agency, verbose_name=_("cơ quan cũ"), on_delete=models.CASCADE, related_name="successions"
    )
    successor = models.ForeignKey(
        Agency, verbose_name=_("cơ quan mới"), on_delete=models.CASCADE, related_name="predecessions"
    )
    kind = models.CharField(_("hình thức"), max_length=20, choices=Kind.choices)
    effective = models.DateField(_("ngày hiệu lực"))
    predecessor_unit = models.ForeignKey(
        "geography.Unit", verbose_name=_("đơn vị hành chính cũ"), null=True, blank=True,
        on_delete=models.PROTECT, related_name="+",
    )
    predecessor_name = models.CharField(_("tên cũ"), max_length=300, blank=True)
    note = models.CharField(_("ghi chú"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("sắp xếp cơ quan")
        verbose_name_plural = _("sắp xếp cơ quan")
        ordering = ["effective", "predecessor__code"]
        constraints = [
            models.UniqueConstraint(
                fields=["predecessor", "successor", "effective"], name="agency_succession_unique"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.predecessor_name or self.predecessor} → {self.successor} ({self.get_kind_display()})"
