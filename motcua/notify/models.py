"""Notifications: the citizen's channel choices, the outbox, and what the sandbox gateway received."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from motcua.accounts.privacy import mask_phone
from motcua.core.rows import FlushingQuerySet


class Channel(models.TextChoices):
    EMAIL = "email", _("Thư điện tử")
    SMS = "sms", _("Tin nhắn SMS")
    ZALO = "zalo", _("Zalo OA")


class Preference(models.Model):
    """The channels a citizen chose in their profile (without a row: email only)."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="notification_preference",
        verbose_name=_("tài khoản"),
    )
    email = models.BooleanField(_("thư điện tử"), default=True)
    sms = models.BooleanField(_("tin nhắn SMS"), default=False)
    zalo = models.BooleanField(_("Zalo OA"), default=False)
    updated_at = models.DateTimeField(_("cập nhật lúc"), auto_now=True)

    class Meta:
        verbose_name = _("lựa chọn kênh thông báo")
        verbose_name_plural = _("lựa chọn kênh thông báo")

    def __str__(self) -> str:
        return str(self.user)

    def channels(self) -> list[str]:
        return [
            c
            for c, on in ((Channel.EMAIL, self.email), (Channel.SMS, self.sms), (Channel.ZALO, self.zalo))
            if on
        ]


class State(models.TextChoices):
    PENDING = "pending", _("Chờ gửi")
    SENDING = "sending", _("Đang gửi")
    SENT = "sent", _("Đã gửi")
    FAILED = "failed", _("Gửi không được")


class OutboxMessage(models.Model):
    """One message to one address on one channel, written in the transaction of its cause.

    `key` is unique: `event:<event id>:<channel>` for a dossier event (so one event never has two
    messages on a channel), `digest:<date>:<user id>` for an officer's daily digest. A worker
    claims a row (state `sending`, a fresh `claim_token`, `lease_until`); only the holder of the
    token may mark it sent, and a row whose lease ran out (its worker died) is claimed again.
    """

    key = models.CharField(max_length=120, unique=True)
    # Events are append-only and never deleted; no database constraint, so that the audit tests'
    # simulated tampering (raw deletes of events) is reported by verify-audit, not stopped here.
    event = models.ForeignKey(
        "dossiers.DossierEvent",
        null=True,
        blank=True,
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        related_name="+",
        verbose_name=_("sự kiện"),
    )
    channel = models.CharField(_("kênh"), max_length=10, choices=Channel.choices)
    # Personal data (an email address or a phone number): masked in the admin, never logged.
    recipient = models.CharField(_("người nhận"), max_length=254)
    language = models.CharField(_("ngôn ngữ"), max_length=10, default="vi")
    subject = models.CharField(_("tiêu đề"), max_length=300, blank=True)
    body = models.TextField(_("nội dung"), blank=True)
    state = models.CharField(_("trạng thái"), max_length=10, choices=State.choices, default=State.PENDING)
    attempts = models.PositiveSmallIntegerField(_("số lần gửi"), default=0)
    next_attempt_at = models.DateTimeField(_("gửi từ"), auto_now_add=True)
    lease_until = models.DateTimeField(null=True, blank=True)
    claim_token = models.CharField(max_length=32, blank=True)
    created_at = models.DateTimeField(_("tạo lúc"), auto_now_add=True)
    sent_at = models.DateTimeField(_("gửi lúc"), null=True, blank=True)
    provider_ref = models.CharField(_("mã của nhà cung cấp"), max_length=200, blank=True)
    last_error = models.TextField(_("lỗi gần nhất"), blank=True)

    # Queued inside a batch (`motcua.core.rows.batch`): a read writes the queue first.
    objects = FlushingQuerySet["OutboxMessage"].as_manager()

    class Meta:
        verbose_name = _("thông báo (hàng đợi gửi)")
        verbose_name_plural = _("thông báo (hàng đợi gửi)")
        ordering = ["-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["event", "channel"],
                condition=Q(event__isnull=False),
                name="notify_one_message_per_event_channel",
            ),
        ]
        indexes = [
            # The claim: rows due now, by state and time.
            models.Index(fields=["state", "next_attempt_at"], name="notify_outbox_due"),
            models.Index(fields=["state", "lease_until"], name="notify_outbox_lease"),
        ]

    def __str__(self) -> str:
        return self.key

    @property
    def masked_recipient(self) -> str:
        return mask_recipient(self.recipient)


def mask_recipient(value: str) -> str:
    if "@" in value:
        local, _at, domain = value.partition("@")
        return f"{local[:1]}***@{domain}"
    return mask_phone(value)


class SandboxMessage(models.Model):
    """What the sandbox gateway "sent" (demo, development): one row per outbox message at most."""

    outbox = models.OneToOneField(
        OutboxMessage, on_delete=models.CASCADE, related_name="sandbox", verbose_name=_("thông báo")
    )
    channel = models.CharField(_("kênh"), max_length=10, choices=Channel.choices)
    recipient = models.CharField(_("người nhận"), max_length=254)
    subject = models.CharField(_("tiêu đề"), max_length=300, blank=True)
    body = models.TextField(_("nội dung"))
    received_at = models.DateTimeField(_("nhận lúc"), auto_now_add=True)

    class Meta:
        verbose_name = _("tin nhắn hộp cát")
        verbose_name_plural = _("tin nhắn hộp cát")
        ordering = ["-id"]

    def __str__(self) -> str:
        return f"{self.channel} {self.outbox_id}"
