"""The system administrator's view of notifications: the outbox (failed ones with their error),
the sandbox's messages (demo), the citizens' choices. Addresses are masked in lists."""

from __future__ import annotations

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from motcua.core.readonly_admin import ReadOnlyAdminMixin
from motcua.notify.models import OutboxMessage, Preference, SandboxMessage, mask_recipient


class ReadOnly(ReadOnlyAdminMixin, admin.ModelAdmin):
    pass


@admin.register(OutboxMessage)
class OutboxMessageAdmin(ReadOnly):
    list_display = [
        "id",
        "created_at",
        "channel",
        "masked",
        "dossier",
        "subject",
        "state",
        "attempts",
        "sent_at",
        "last_error",
    ]
    list_filter = ["state", "channel"]
    search_fields = ["key", "event__dossier__code"]
    list_select_related = ["event__dossier"]
    exclude = ["recipient", "claim_token"]
    readonly_fields = ["masked"]

    @admin.display(description=_("người nhận"))
    def masked(self, obj: OutboxMessage) -> str:
        return obj.masked_recipient

    @admin.display(description=_("hồ sơ"))
    def dossier(self, obj: OutboxMessage) -> str:
        return obj.event.dossier.code if obj.event is not None else "—"


@admin.register(SandboxMessage)
class SandboxMessageAdmin(ReadOnly):
    list_display = ["id", "received_at", "channel", "masked", "subject", "body"]
    list_filter = ["channel"]
    exclude = ["recipient"]
    readonly_fields = ["masked"]

    @admin.display(description=_("người nhận"))
    def masked(self, obj: SandboxMessage) -> str:
        return mask_recipient(obj.recipient)


@admin.register(Preference)
class PreferenceAdmin(ReadOnly):
    list_display = ["user", "email", "sms", "zalo", "updated_at"]
