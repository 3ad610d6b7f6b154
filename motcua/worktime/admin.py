from django.contrib import admin

from motcua.worktime.models import CalendarOverride, WorkingPeriod


@admin.register(WorkingPeriod)
class WorkingPeriodAdmin(admin.ModelAdmin):
    list_display = ["province_code", "start", "end", "updated_at"]
    list_filter = ["province_code"]
    ordering = ["province_code", "start"]


@admin.register(CalendarOverride)
class CalendarOverrideAdmin(admin.ModelAdmin):
    list_display = ["day", "province_code", "kind", "reason", "updated_at"]
    list_filter = ["province_code", "kind"]
    search_fields = ["reason"]
    date_hierarchy = "day"
    ordering = ["-day"]
