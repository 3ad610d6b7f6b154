"""People and roles: officers belong to an agency; citizens own their dossiers."""

from __future__ import annotations

from collections.abc import Collection
from typing import Any

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class Role(models.TextChoices):
    RECEPTIONIST = "receptionist", _("Cán bộ một cửa")
    SPECIALIST = "specialist", _("Chuyên viên xử lý")
    LEADER = "leader", _("Lãnh đạo")
    CENTER_MANAGER = "center_manager", _("Quản lý trung tâm")
    CATALOG_MANAGER = "catalog_manager", _("Quản trị danh mục thủ tục")
    SYSTEM_ADMIN = "system_admin", _("Quản trị hệ thống")
    CITIZEN = "citizen", _("Công dân")


OFFICER_ROLES = frozenset(
    {Role.RECEPTIONIST, Role.SPECIALIST, Role.LEADER, Role.CENTER_MANAGER, Role.CATALOG_MANAGER}
)


class IdVerification(models.TextChoices):
    NATIONAL_IDENTITY = "vneid", _("Tài khoản định danh điện tử (VNeID)")
    COUNTER = "counter", _("Cán bộ đối chiếu căn cước tại bộ phận một cửa")


class User(AbstractUser):
    role = models.CharField(_("vai trò"), max_length=20, choices=Role.choices, default=Role.CITIZEN)
    agency = models.ForeignKey(
        "agencies.Agency", verbose_name=_("cơ quan"), null=True, blank=True,
        on_delete=models.PROTECT, related_name="officers",
    )
    full_name = models.CharField(_("họ và tên"), max_length=200, blank=True)
    # Personal data: shown only to the person and to officers handling their dossiers; never logged.
    id_number = models.CharField(_("số định danh cá nhân"), max_length=12, blank=True, db_index=True)
    phone = models.CharField(_("số điện thoại"), max_length=20, blank=True)
    # When the ID number was proven to be this person's (a national identity sign-in, or an
    # officer who saw the ID card). A number typed at registration proves nothing: the personal
    # data warehouse and the reuse of its documents open only to a verified number.
    id_verified_at = models.DateTimeField(_("xác thực số định danh lúc"), null=True, blank=True)
    id_verified_by = models.CharField(_("xác thực số định danh bằng"), max_length=20, blank=True,
                                      choices=IdVerification.choices)

    _loaded_role: str | None = None
    _loaded_id_number: str | None = None
    _verifying = False

    class Meta:
        verbose_name = _("người dùng")
        verbose_name_plural = _("người dùng")
        constraints = [
            # One account per person: sign-in by the national identity links by this number, so
            # two accounts with one number would let one person into the other's dossiers.
            # The database refuses the second one even when two registrations race.
            models.UniqueConstraint(
                fields=["id_number"], condition=~models.Q(id_number=""),
                name="accounts_user_id_number_unique",
                violation_error_message=_("Số định danh cá nhân này đã có tài khoản."),
            ),
        ]

    def __str__(self) -> str:
        return self.full_name or self.username

    @classmethod
    def from_db(cls, db: str | None, field_names: Collection[str], values: Collection[Any],
                **kwargs: Any) -> User:
        user = super().from_db(db, field_names, values, **kwargs)
        user._loaded_role = user.__dict__.get("role")  # to notice a change of role on save
        user._loaded_id_number = user.__dict__.get("id_number")
        return user

    @property
    def verified_id_number(self) -> str:
        """The ID number when it is proven to be this person's, else ""."""
        return self.id_number if self.id_number and self.id_verified_at is not None else ""

    def mark_id_verified(self, method: str) -> None:
        """Record that the person proved the ID number (`IdVerification`); the caller saves."""
        self.id_verified_at = timezone.now()
        self.id_verified_by = method
        self._verifying = True  # the number saved with it is the one proven

    def save(self, *args: Any, **kwargs: Any) -> None:
        """Save, keeping staff status and the role's permission group in line with the role."""
        from motcua.accounts import roles

        update_fields = kwargs.get("update_fields")
        if (self._loaded_id_number is not None and self.id_number != self._loaded_id_number
                and self.id_verified_at is not None and not self._verifying
                and (update_fields is None or "id_number" in update_fields)):
            # A changed number is not the proven one any more.
            self.id_verified_at, self.id_verified_by = None, ""
            if update_fields is not None:
                kwargs["update_fields"] = update_fields = {*update_fields, "id_verified_at", "id_verified_by"}
        previous = None if self._state.adding else getattr(self, "_loaded_role", None)
        left_role = previous if previous != self.role else None
        if update_fields is None or {"role", "is_staff"} & set(update_fields):
            roles.apply_role(self, left_role)
            if update_fields is not None:
                kwargs["update_fields"] = {*update_fields, "is_staff"}
        super().save(*args, **kwargs)
        if (update_fields is None or "role" in update_fields) and (
            self.role in roles.ROLE_PERMISSIONS or left_role in roles.ROLE_PERMISSIONS
        ):
            roles.sync_role_groups(self)
        self._loaded_role = self.role
        self._loaded_id_number = self.id_number
        self._verifying = False

    @property
    def is_officer(self) -> bool:
        return self.role in OFFICER_ROLES and self.agency_id is not None

    def has_role(self, *roles: str) -> bool:
        return self.role in roles


class AccountEvent(models.Model):
    """Append-only: who changed which account, role, permission or API token, and when.

    Written by motcua.accounts.audit whatever the door (admin, API, shell, management command).
    People are kept by id *and* username, without foreign keys: deleting an account leaves its
    history as it was (and the PostgreSQL trigger of migration 0003 refuses UPDATE and DELETE).
    No ID number or phone is ever written here, only the names of the fields that changed.
    """

    class Action(models.TextChoices):
        ACCOUNT_CREATED = "account_created", pgettext_lazy("account log", "Tạo tài khoản")
        ACCOUNT_CHANGED = "account_changed", _("Sửa thông tin tài khoản")
        ROLE_CHANGED = "role_changed", _("Đổi vai trò, cơ quan hoặc trạng thái")
        PASSWORD_CHANGED = "password_changed", _("Đổi mật khẩu")
        PERMISSIONS_CHANGED = "permissions_changed", _("Đổi nhóm hoặc quyền")
        ACCOUNT_DELETED = "account_deleted", _("Xóa tài khoản")
        TOKEN_ISSUED = "token_issued", _("Cấp mã truy cập API")
        TOKEN_CHANGED = "token_changed", _("Sửa mã truy cập API")
        TOKEN_REVOKED = "token_revoked", _("Thu hồi mã truy cập API")
        TOKEN_DELETED = "token_deleted", _("Xóa mã truy cập API")
        ID_VERIFIED = "id_verified", _("Xác thực số định danh cá nhân")

    at = models.DateTimeField(_("thời điểm"), default=timezone.now, db_index=True)
    action = models.CharField(_("thao tác"), max_length=24, choices=Action.choices)
    actor_user_id = models.IntegerField(null=True, blank=True, db_index=True)
    actor = models.CharField(_("người thực hiện"), max_length=150, blank=True)
    subject_user_id = models.IntegerField(null=True, blank=True, db_index=True)
    subject = models.CharField(_("tài khoản"), max_length=150, blank=True)
    data = models.JSONField(_("nội dung"), default=dict, blank=True)

    class Meta:
        verbose_name = _("nhật ký tài khoản")
        verbose_name_plural = _("nhật ký tài khoản")
        ordering = ["-at", "-pk"]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.action} {self.subject}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self._state.adding:
            raise ValueError("account events are append-only")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> Any:
        raise ValueError("account events are append-only")
