"""The electronic certification register (Decree 23/2015/NĐ-CP; Decree 45/2020/NĐ-CP art. 4).

Electronic certifications have their own register and numbering, per agency and per year.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class RegisterSequence(models.Model):
    """The counter behind certification numbers: one row per (agency, year), bumped under a row lock."""

    agency = models.ForeignKey("agencies.Agency", on_delete=models.PROTECT, related_name="+")
    year = models.PositiveIntegerField()
    last = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["agency", "year"], name="ecopy_sequence_unique")]

    def __str__(self) -> str:
        return f"{self.agency_id} {self.year}: {self.last}"


class CertifiedCopy(models.Model):
    """One entry of the electronic certification register: a copy certified from the original."""

    agency = models.ForeignKey("agencies.Agency", verbose_name=_("cơ quan chứng thực"),
                               on_delete=models.PROTECT, related_name="+")
    year = models.PositiveIntegerField(_("năm"))
    number = models.PositiveIntegerField(_("số chứng thực"))
    book = models.CharField(_("quyển số"), max_length=40)
    certified_at = models.DateTimeField(_("thời gian chứng thực"))
    certifier = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("người chứng thực"),
                                  on_delete=models.PROTECT, related_name="+")
    certifier_name = models.CharField(_("họ tên người chứng thực"), max_length=200)
    document_name = models.CharField(_("tên giấy tờ"), max_length=300)
    requester_name = models.CharField(_("người yêu cầu chứng thực"), max_length=200)
    # Personal data: masked in the register's screens; kept whole for the warehouse.
    requester_identifier = models.CharField(_("số định danh người yêu cầu"), max_length=20)
    pages = models.PositiveIntegerField(_("số trang"))
    copies = models.PositiveIntegerField(_("số bản"))
    fee_per_copy = models.PositiveIntegerField(_("lệ phí mỗi bản (đồng)"))
    fee_total = models.PositiveIntegerField(_("tổng lệ phí (đồng)"))
    signed = models.ForeignKey("documents.SignedDocument", verbose_name=_("bản sao đã ký số"),
                               on_delete=models.PROTECT, related_name="+")
    digitised = models.ForeignKey("documents.DigitisedDocument", verbose_name=_("trong kho dữ liệu"),
                                  on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = _("bản sao chứng thực điện tử")
        verbose_name_plural = _("sổ chứng thực bản sao điện tử")
        ordering = ["-year", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["agency", "year", "number"], name="ecopy_number_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.number}/{self.book}"
