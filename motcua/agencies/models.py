"""Agencies (cơ quan) identified by codes of Decision 20/2020/QĐ-TTg, e.g. 000.00.00.H37."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


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

    SERVICE_CENTER_KINDS = (Kind.PROVINCIAL_CENTER, Kind.COMMUNE_CENTER)
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
        committees = (self.Kind.PROVINCIAL_COMMITTEE, self.Kind.COMMUNE_COMMITTEE)
        if self.kind in committees or self.parent_id is None:
            return self.pk
        return self.parent_id

    @property
    def province_code(self) -> str:
        """The L1 part of the code (e.g. H37): which province the agency belongs to."""
        return self.code.rsplit(".", 1)[-1]
