"""Online payment: orders sent to a gateway, the notifications it sent back, and the sandbox platform.

`PaymentOrder` is motcua's side: one order per attempt to pay a dossier's fee online, with a
unique order id the gateway echoes back. `Notification` keeps every notification (callback or
query answer) received, accepted or not, and its nonce: a nonce seen once is never accepted
again. `SandboxTransaction` is the *platform's* side of the local sandbox (what the national
payment platform keeps): it lives here only so that the sandbox needs no second server.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class PaymentOrder(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("Chờ thanh toán")
        PAID = "paid", _("Đã thanh toán")
        # Paid at the platform, but the dossier no longer waited for it (paid at the counter
        # meanwhile, withdrawn…): the money must be refunded or handled by hand.
        PAID_UNAPPLIED = "paid_unapplied", _("Đã thanh toán, chưa ghi nhận vào hồ sơ")
        CANCELLED = "cancelled", _("Đã hủy")
        FAILED = "failed", _("Không thành công")

    order_id = models.CharField(_("mã đơn thanh toán"), max_length=32, unique=True)
    dossier = models.ForeignKey(
        "dossiers.Dossier", verbose_name=_("hồ sơ"), on_delete=models.PROTECT, related_name="payment_orders"
    )
    gateway = models.CharField(_("cổng thanh toán"), max_length=32)
    amount = models.BigIntegerField(_("số tiền (đồng)"))
    currency = models.CharField(_("đơn vị tiền tệ"), max_length=3, default="VND")
    status = models.CharField(_("trạng thái"), max_length=16, choices=Status.choices, default=Status.PENDING)
    created_at = models.DateTimeField(_("thời điểm tạo"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    # What the platform said: its transaction id and when the payer paid.
    transaction_id = models.CharField(_("mã giao dịch của nền tảng"), max_length=64, blank=True)
    paid_at = models.DateTimeField(_("thời điểm thanh toán"), null=True, blank=True)
    # When motcua settled the order, and how it learnt the outcome ("callback" or "query").
    settled_at = models.DateTimeField(null=True, blank=True)
    settled_via = models.CharField(max_length=16, blank=True)

    class Meta:
        verbose_name = _("đơn thanh toán trực tuyến")
        verbose_name_plural = _("đơn thanh toán trực tuyến")
        ordering = ["-created_at"]
        constraints = [
            # One open order per dossier: pressing "pay" twice reuses it, so a citizen cannot
            # pay the same fee twice through two orders.
            models.UniqueConstraint(
                fields=["dossier"],
                condition=Q(status="pending"),
                name="payments_one_pending_order_per_dossier",
            ),
        ]
        indexes = [models.Index(fields=["status", "created_at"], name="payments_order_status_idx")]

    def __str__(self) -> str:
        return self.order_id


class Notification(models.Model):
    """Every notification a gateway sent (callback) or answered (query), kept for audit."""

    class Outcome(models.TextChoices):
        ACCEPTED = "accepted", _("Đã ghi nhận")
        DUPLICATE = "duplicate", _("Trùng, đã ghi nhận trước đó")
        REJECTED = "rejected", _("Bị từ chối")

    gateway = models.CharField(max_length=32)
    received_at = models.DateTimeField()
    via = models.CharField(max_length=16)  # callback | query
    order_id = models.CharField(max_length=64, blank=True)
    # Unique per gateway when the signature was valid: a replayed notification is refused.
    nonce = models.CharField(max_length=64, null=True, blank=True)  # noqa: DJ001 (NULL: not unique-checked)
    outcome = models.CharField(max_length=16, choices=Outcome.choices)
    reason = models.CharField(max_length=64, blank=True)
    body = models.TextField(blank=True)

    class Meta:
        verbose_name = _("thông báo từ cổng thanh toán")
        verbose_name_plural = _("thông báo từ cổng thanh toán")
        constraints = [
            models.UniqueConstraint(fields=["gateway", "nonce"], name="payments_notification_nonce_once"),
        ]

    def __str__(self) -> str:
        return f"{self.gateway} {self.order_id} {self.outcome}"


class SandboxTransaction(models.Model):
    """The local sandbox platform's own record of a payment (what the national platform keeps)."""

    class Status(models.TextChoices):
        CREATED = "created", _("Chờ người nộp thanh toán")
        PAID = "paid", _("Thành công")
        CANCELLED = "cancelled", _("Người nộp đã hủy")

    transaction_id = models.CharField(max_length=32, unique=True)
    merchant_code = models.CharField(max_length=32)
    order_id = models.CharField(max_length=64)
    amount = models.BigIntegerField()
    currency = models.CharField(max_length=3)
    description = models.CharField(max_length=255, blank=True)
    return_url = models.CharField(max_length=500)
    callback_url = models.CharField(max_length=500)
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.CREATED)
    created_at = models.DateTimeField()
    paid_at = models.DateTimeField(null=True, blank=True)
    # The last notification sent (its exact body) and motcua's answer, for the merchant tools.
    last_notification = models.TextField(blank=True)
    notified_at = models.DateTimeField(null=True, blank=True)
    notify_status = models.IntegerField(null=True, blank=True)

    class Meta:
        verbose_name = _("giao dịch (nền tảng thử nghiệm)")
        verbose_name_plural = _("giao dịch (nền tảng thử nghiệm)")
        constraints = [
            models.UniqueConstraint(fields=["merchant_code", "order_id"], name="payments_sandbox_order_once"),
        ]

    def __str__(self) -> str:
        return self.transaction_id
