"""The mapping tables and the outbox, for the system administrator."""

from __future__ import annotations

import copy
import json
from typing import Any

from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from motcua.accounts.privacy import mask_id_number
from motcua.nationalsync import delivery
from motcua.nationalsync.models import (
    FieldCodeMapping,
    OutboxMessage,
    ProcedureCodeMapping,
    StatusMapping,
)


@admin.register(StatusMapping)
class StatusMappingAdmin(admin.ModelAdmin):
    list_display = ["status", "national_code", "note"]


@admin.register(ProcedureCodeMapping)
class ProcedureCodeMappingAdmin(admin.ModelAdmin):
    list_display = ["procedure", "national_code", "national_name"]
    search_fields = ["procedure__code", "national_code", "procedure__name"]
    autocomplete_fields = ["procedure"]


@admin.register(FieldCodeMapping)
class FieldCodeMappingAdmin(admin.ModelAdmin):
    list_display = ["field", "national_code"]
    search_fields = ["field__name", "national_code"]
    autocomplete_fields = ["field"]


PERSONAL_FIELDS = ("MaDoiTuong", "SoDienThoai", "Email", "DiaChi")


def masked(body: dict[str, Any]) -> dict[str, Any]:
    """The body as the admin shows it: identifiers, phone, email and address masked."""
    shown = copy.deepcopy(body)
    for item in shown.get("data", []):
        for name in PERSONAL_FIELDS:
            if item.get(name):
                item[name] = mask_id_number(str(item[name])) if name == "MaDoiTuong" else "***"
    return shown


@admin.register(OutboxMessage)
class OutboxMessageAdmin(admin.ModelAdmin):
    list_display = ["key", "service", "at", "state", "attempts", "next_attempt_at", "short_error"]
    list_filter = ["state", "service"]
    search_fields = ["dossier__code"]
    date_hierarchy = "at"
    actions = ["send_again"]
    fields = ("key", "service", "at", "state", "attempts", "next_attempt_at", "sent_at", "last_error",
              "masked_body")
    readonly_fields = fields

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def get_queryset(self, request: HttpRequest) -> QuerySet[OutboxMessage]:
        return super().get_queryset(request).defer("body").select_related(None)

    @admin.display(description=_("lỗi gần nhất"))
    def short_error(self, obj: OutboxMessage) -> str:
        return obj.last_error[:120]

    @admin.display(description=_("nội dung (đã che dữ liệu cá nhân)"))
    def masked_body(self, obj: OutboxMessage) -> str:
        text = json.dumps(masked(obj.body), ensure_ascii=False, indent=2)
        return format_html("<pre>{}</pre>", text)

    @admin.action(description=_("Gửi lại các thông điệp lỗi đã chọn"))
    def send_again(self, request: HttpRequest, queryset: QuerySet[OutboxMessage]) -> None:
        count = delivery.resend(list(queryset))
        self.message_user(request, ngettext(
            "%(count)d thông điệp sẽ được gửi lại.", "%(count)d thông điệp sẽ được gửi lại.", count
        ) % {"count": count}, messages.SUCCESS)
