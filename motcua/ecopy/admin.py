"""The electronic certification register, read-only (entries are made by `certify_copy` only)."""

from __future__ import annotations

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from motcua.accounts.privacy import mask_id_number
from motcua.core.readonly_admin import ReadOnlyAdminMixin
from motcua.ecopy.models import CertifiedCopy


@admin.register(CertifiedCopy)
class CertifiedCopyAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ("number", "book", "agency", "certified_at", "requester_name", "masked_requester",
                    "pages", "copies", "fee_total")
    exclude = ("requester_identifier",)
    list_filter = ("agency", "year")

    @admin.display(description=_("số định danh người yêu cầu"))
    def masked_requester(self, obj: CertifiedCopy) -> str:
        return mask_id_number(obj.requester_identifier)
