"""API tokens for integrations: stored hashed, shown once, revocable."""

from __future__ import annotations

import re

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

# What a "submit" token may write: counter/postal reception and the files of a dossier.
SUBMIT_PATHS = re.compile(r"/api/v1/dossiers/(counter|[^/]+/files)/?")


class ApiToken(models.Model):
    """A bearer token that acts as one officer account.

    An agency's system (e-office, land registry, the national portal) gets a
    dedicated account of that agency and a token for it, so every action it takes
    is attributed to someone in the dossier's audit trail (STYLE.md rule 4).
    Only a SHA-256 hash of the token is stored: tokens carry 256 random bits, so a
    fast hash is enough and lets us look them up by equality.
    """

    class Purpose(models.TextChoices):
        SYSTEM = "system", _("Hệ thống của cơ quan")
        OFFICER = "officer", _("Cán bộ")

    class Scope(models.TextChoices):
        READ = "read", _("Chỉ đọc")
        SUBMIT = "submit", _("Đọc và nộp, tiếp nhận hồ sơ")
        DESK = "desk", _("Mọi thao tác của cán bộ")

    name = models.CharField(
        _("tên"), max_length=200,
        help_text=_("Hệ thống hoặc mục đích dùng mã truy cập, ví dụ: Phần mềm văn phòng điện tử."),
    )
    purpose = models.CharField(_("dùng cho"), max_length=10, choices=Purpose.choices, default=Purpose.SYSTEM)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("tài khoản"), on_delete=models.CASCADE,
        related_name="api_tokens",
        help_text=_("Tài khoản cán bộ mà mã truy cập thay mặt; "
                    "quyền xem và thao tác là quyền của tài khoản này."),
    )
    scope = models.CharField(
        _("phạm vi"), max_length=10, choices=Scope.choices, default=Scope.READ,
        help_text=_("Chỉ đọc: chỉ xem. Đọc và nộp: thêm tiếp nhận hồ sơ và đính kèm tệp. "
                    "Mọi thao tác: mọi bước xử lý mà tài khoản được phép."),
    )
    expires_at = models.DateTimeField(
        _("hết hạn lúc"), null=True, blank=True,
        help_text=_("Để trống: hết hạn sau số ngày mặc định (MOTCUA_TOKEN_DAYS)."),
    )
    prefix = models.CharField(_("tiền tố"), max_length=16, editable=False)
    key_hash = models.CharField(max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(_("tạo lúc"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("người tạo"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+", editable=False,
    )
    last_used_at = models.DateTimeField(_("dùng lần cuối"), null=True, blank=True, editable=False)
    revoked_at = models.DateTimeField(_("thu hồi lúc"), null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("mã truy cập API")
        verbose_name_plural = _("mã truy cập API")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"

    @property
    def is_revoked(self) -> bool:
        return self.revoked_at is not None

    def allows(self, method: str, path: str) -> bool:
        """Whether the scope covers a request (the account's own permissions still apply)."""
        if method in ("GET", "HEAD", "OPTIONS"):
            return True
        if self.scope == self.Scope.DESK:
            return True
        return self.scope == self.Scope.SUBMIT and method == "POST" and bool(SUBMIT_PATHS.fullmatch(path))
