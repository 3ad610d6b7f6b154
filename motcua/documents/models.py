"""Signed electronic documents, digitised documents (the citizen's data warehouse) and its access log."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class SignedDocument(models.Model):
    """A PDF signed by an agency through motcua; its id is in the QR code's verification link."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    agency = models.ForeignKey("agencies.Agency", verbose_name=_("cơ quan ký"), on_delete=models.PROTECT,
                               related_name="+")
    name = models.CharField(_("tên giấy tờ"), max_length=300)
    dossier_code = models.CharField(_("mã hồ sơ"), max_length=64, blank=True)
    procedure_code = models.CharField(_("mã thủ tục"), max_length=64, blank=True)
    # Personal data: printed in the QR code as Circular 01/2023 asks; masked on every page.
    holder_identifier = models.CharField(_("số định danh của chủ giấy tờ"), max_length=20, blank=True)
    issued_at = models.DateTimeField(_("thời gian ban hành"))
    sha256 = models.CharField(_("mã băm SHA-256"), max_length=64, db_index=True)
    file = models.FileField(_("tệp"), upload_to="documents/signed/", max_length=300)

    class Meta:
        verbose_name = _("giấy tờ đã ký số")
        verbose_name_plural = _("giấy tờ đã ký số")
        ordering = ["-issued_at"]

    def __str__(self) -> str:
        return self.name


class Origin(models.TextChoices):
    COUNTER_SCAN = "counter_scan", _("Số hóa tại bộ phận một cửa")
    RESULT = "result", _("Kết quả giải quyết thủ tục")
    CERTIFIED_COPY = "certified_copy", _("Bản sao chứng thực điện tử")
    CITIZEN_UPLOAD = "citizen_upload", _("Công dân tự tải lên")


# What the holder may delete rather than only hide: what they put there themselves. Documents the
# administration issued or digitised stay (Circular 01/2023: they are reused, once-only), hidden.
DELETABLE_ORIGINS = frozenset({Origin.CITIZEN_UPLOAD})


class OcrState(models.TextChoices):
    """Where the recognition of a digitised document stands (it runs in the background)."""

    NONE = "", _("Không nhận dạng")
    PENDING = "pending", _("Đang chờ nhận dạng")
    RUNNING = "running", _("Đang nhận dạng")
    DONE = "done", _("Đã nhận dạng")
    FAILED = "failed", _("Nhận dạng không thành công")


class DigitisedDocument(models.Model):
    """A paper or result made digital: one PDF with its metadata, kept in the holder's warehouse."""

    file = models.FileField(_("tệp PDF"), upload_to="documents/digitised/", max_length=300)
    pages = models.PositiveIntegerField(_("số trang"))
    requirement = models.ForeignKey(
        "catalog.Requirement", verbose_name=_("thành phần hồ sơ"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )
    document_type = models.CharField(_("loại giấy tờ"), max_length=200, blank=True)
    number = models.CharField(_("số, ký hiệu"), max_length=100, blank=True)
    issuer = models.CharField(_("cơ quan ban hành"), max_length=300, blank=True)
    issue_date = models.DateField(_("ngày ban hành"), null=True, blank=True)
    holder_identifier = models.CharField(_("số định danh của chủ giấy tờ"), max_length=20, db_index=True)
    holder_name = models.CharField(_("tên chủ giấy tờ"), max_length=200, blank=True)
    valid_until = models.DateField(_("có hiệu lực đến"), null=True, blank=True)
    origin = models.CharField(_("nguồn gốc"), max_length=20, choices=Origin.choices)
    dossier_code = models.CharField(_("mã hồ sơ"), max_length=64, blank=True)
    agency = models.ForeignKey("agencies.Agency", verbose_name=_("cơ quan số hóa"), null=True, blank=True,
                               on_delete=models.PROTECT, related_name="+")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("người số hóa"), null=True,
                                   blank=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(_("thời gian số hóa"), auto_now_add=True)
    signed = models.ForeignKey(SignedDocument, verbose_name=_("bản ký số"), null=True, blank=True,
                               on_delete=models.SET_NULL, related_name="+")
    ocr_text = models.TextField(_("văn bản nhận dạng (OCR)"), blank=True)
    # Background recognition (documents/ocr_jobs.py): progress by pages, the proposal the officer
    # confirms, and who confirmed the metadata (until then it is the proposal, not a fact).
    ocr_state = models.CharField(_("nhận dạng"), max_length=10, choices=OcrState.choices, blank=True,
                                 default=OcrState.NONE, db_index=True)
    ocr_pages_done = models.PositiveIntegerField(_("số trang đã nhận dạng"), default=0)
    ocr_started_at = models.DateTimeField(_("bắt đầu nhận dạng lúc"), null=True, blank=True)
    ocr_error = models.CharField(_("lỗi nhận dạng"), max_length=300, blank=True)
    proposal = models.JSONField(_("đề xuất từ nhận dạng"), default=dict, blank=True)
    confirmed_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("người xác nhận thông tin"),
                                     null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    confirmed_at = models.DateTimeField(_("xác nhận thông tin lúc"), null=True, blank=True)
    hidden_at = models.DateTimeField(_("ẩn lúc"), null=True, blank=True)
    deleted_at = models.DateTimeField(_("xóa lúc"), null=True, blank=True)

    class Meta:
        verbose_name = _("giấy tờ số hóa")
        verbose_name_plural = _("giấy tờ số hóa")
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return self.document_type or str(self.file.name)

    @property
    def deletable(self) -> bool:
        return self.origin in DELETABLE_ORIGINS


class WarehouseAccess(models.Model):
    """Every time an officer opens a document of a citizen's warehouse (Personal Data Protection Law)."""

    document = models.ForeignKey(DigitisedDocument, on_delete=models.CASCADE, related_name="accesses")
    officer = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    agency = models.ForeignKey("agencies.Agency", null=True, on_delete=models.PROTECT, related_name="+")
    at = models.DateTimeField(_("thời gian"), auto_now_add=True)
    purpose = models.CharField(_("mục đích"), max_length=300)

    class Meta:
        verbose_name = _("lượt truy cập kho dữ liệu")
        verbose_name_plural = _("lượt truy cập kho dữ liệu")
        ordering = ["-at", "-id"]

    def __str__(self) -> str:
        return f"{self.officer_id} {self.document_id} {self.at}"
