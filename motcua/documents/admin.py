"""Read-only admin views: documents are written by the services only; ID numbers stay masked."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from motcua.accounts.privacy import mask_id_number
from motcua.core.readonly_admin import ReadOnlyAdminMixin
from motcua.documents.models import DigitisedDocument, SignedDocument, WarehouseAccess


class ReadOnlyAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    pass


@admin.display(description=_("số định danh của chủ giấy tờ"))
def masked_holder(obj: Any) -> str:
    return mask_id_number(obj.holder_identifier)


@admin.register(SignedDocument)
class SignedDocumentAdmin(ReadOnlyAdmin):
    list_display = ("name", "agency", "dossier_code", masked_holder, "issued_at")
    exclude = ("holder_identifier",)
    list_filter = ("agency",)


@admin.register(DigitisedDocument)
class DigitisedDocumentAdmin(ReadOnlyAdmin):
    list_display = ("document_type", "number", "origin", masked_holder, "agency", "created_at")
    exclude = ("holder_identifier", "ocr_text")
    list_filter = ("origin",)


@admin.register(WarehouseAccess)
class WarehouseAccessAdmin(ReadOnlyAdmin):
    list_display = ("at", "officer", "agency", "purpose")
