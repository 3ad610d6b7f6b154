from django.contrib import admin

from motcua.centre.models import Counter, Floor, Service


@admin.register(Floor)
class FloorAdmin(admin.ModelAdmin):
    list_display = ["centre", "priority_run", "slot_minutes", "bookings_per_person_per_day"]
    readonly_fields = ["version", "priority_streak"]


@admin.register(Service)
class ServiceAdmin(admin.ModelAdmin):
    list_display = ["name", "centre", "field", "procedure", "order", "is_active"]
    list_filter = ["centre"]


@admin.register(Counter)
class CounterAdmin(admin.ModelAdmin):
    list_display = ["number", "name", "centre", "officer", "is_active"]
    list_filter = ["centre"]
    filter_horizontal = ["services"]
