"""Admin for people: roles and agencies visible, ID numbers and phones masked in lists."""

from __future__ import annotations

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.utils.translation import gettext_lazy as _

from motcua.accounts.models import User
from motcua.accounts.privacy import mask_id_number, mask_phone


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    list_display = (
        "username", "full_name", "role", "agency", "masked_id_number", "masked_phone", "is_active")
    list_filter = ("role", "is_active", "is_staff", "agency__kind")
    # Searching by exact ID number is allowed (an officer may have it on paper); it is never shown in full.
    search_fields = ("username", "full_name", "=id_number", "agency__name", "agency__code")
    list_select_related = ("agency",)
    raw_id_fields = ("agency",)
    fieldsets = (
        *DjangoUserAdmin.fieldsets,  # type: ignore[misc]
        (_("Vai trò và cơ quan"), {"fields": ("role", "agency", "full_name", "id_number", "phone")}),
    )
    add_fieldsets = (
        *DjangoUserAdmin.add_fieldsets,
        (_("Vai trò và cơ quan"), {"fields": ("role", "agency", "full_name")}),
    )

    @admin.display(description=_("số định danh cá nhân"))
    def masked_id_number(self, user: User) -> str:
        return mask_id_number(user.id_number)

    @admin.display(description=_("số điện thoại"))
    def masked_phone(self, user: User) -> str:
        return mask_phone(user.phone)
