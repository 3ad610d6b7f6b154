from django.contrib import admin

from motcua.core.readonly_admin import ReadOnlyAdminMixin
from motcua.payments.models import Notification, PaymentOrder


@admin.register(PaymentOrder)
class PaymentOrderAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    """Read-only: orders change only through verified notifications and the settlement."""

    list_display = ("order_id", "dossier", "amount", "status", "created_at", "paid_at", "settled_via")
    list_filter = ("status", "gateway")
    search_fields = ("order_id", "transaction_id", "dossier__code")


@admin.register(Notification)
class NotificationAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ("received_at", "gateway", "via", "order_id", "outcome", "reason")
    list_filter = ("outcome", "gateway", "via")
    search_fields = ("order_id",)
