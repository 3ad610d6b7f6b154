"""People and roles: officers belong to an agency; citizens own their dossiers."""

from __future__ import annotations

from collections.abc import Collection
from typing import Any

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _


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

    _loaded_role: str | None = None

    class Meta:
        verbose_name = _("người dùng")
        verbose_name_plural = _("người dùng")

    def __str__(self) -> str:
        return self.full_name or self.username

    @classmethod
    def from_db(cls, db: str | None, field_names: Collection[str], values: Collection[Any],
                **kwargs: Any) -> User:
        user = super().from_db(db, field_names, values, **kwargs)
        user._loaded_role = user.__dict__.get("role")  # to notice a change of role on save
        return user

    def save(self, *args: Any, **kwargs: Any) -> None:
        """Save, keeping staff status and the role's permission group in line with the role."""
        from motcua.accounts import roles

        update_fields = kwargs.get("update_fields")
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

    @property
    def is_officer(self) -> bool:
        return self.role in OFFICER_ROLES and self.agency_id is not None

    def has_role(self, *roles: str) -> bool:
        return self.role in roles
