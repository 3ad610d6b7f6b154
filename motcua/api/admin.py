"""Admin for API tokens: the raw token is displayed once, on the page after creation."""

from __future__ import annotations

from typing import Any

from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from motcua.api.models import ApiToken
from motcua.api.tokens import fill_new_token, revoke_token


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    list_display = ["name", "purpose", "scope", "user", "prefix", "created_at", "expires_at", "last_used_at",
                    "revoked_at"]
    list_filter = ["purpose", "scope", "revoked_at"]
    search_fields = ["name", "prefix", "user__username", "user__full_name"]
    raw_id_fields = ["user"]
    readonly_fields = ["prefix", "created_at", "created_by", "last_used_at", "revoked_at"]
    actions = ["revoke_selected"]

    def get_fields(self, request: HttpRequest, obj: ApiToken | None = None) -> list[Any]:
        if obj is None:
            return ["name", "purpose", "scope", "expires_at", "user"]
        return ["name", "purpose", "scope", "expires_at", "user", *self.readonly_fields]

    def get_readonly_fields(self, request: HttpRequest, obj: ApiToken | None = None) -> list[Any]:
        # A token's owner never changes: a new owner gets a new token.
        if obj is None:
            return []
        return ["user", "scope", *self.readonly_fields]

    def save_model(self, request: HttpRequest, obj: ApiToken, form: Any, change: bool) -> None:
        if not change:
            request._motcua_new_token = fill_new_token(obj)  # type: ignore[attr-defined]
            obj.created_by = request.user  # type: ignore[assignment]
        super().save_model(request, obj, form, change)

    def response_add(self, request: HttpRequest, obj: ApiToken, post_url_continue: str | None = None
                     ) -> HttpResponse:
        raw = getattr(request, "_motcua_new_token", None)
        if raw is None:
            return super().response_add(request, obj, post_url_continue)
        context = {
            **self.admin_site.each_context(request),
            "title": gettext("Mã truy cập đã được tạo"),
            "opts": self.opts,
            "token": obj,
            "raw_token": raw,
        }
        response = TemplateResponse(request, "admin/api/apitoken/token_created.html", context)
        # The page holds a secret: no cache may keep it.
        response["Cache-Control"] = "no-store"
        return response

    @admin.action(description=_("Thu hồi các mã truy cập đã chọn"))
    def revoke_selected(self, request: HttpRequest, queryset: QuerySet[ApiToken]) -> None:
        revoked = sum(1 for token in queryset if revoke_token(token))
        self.message_user(request, gettext("Đã thu hồi %(count)d mã truy cập.") % {"count": revoked},
                          messages.SUCCESS)
