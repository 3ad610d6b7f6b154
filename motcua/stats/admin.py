from django.contrib import admin

from motcua.stats.models import IndicatorWeight


@admin.register(IndicatorWeight)
class IndicatorWeightAdmin(admin.ModelAdmin):
    """Decision 766's sub-weights and thresholds (to confirm): edited here, never in code."""

    list_display = ("code", "name", "group", "max_points", "threshold", "order")
    list_editable = ("max_points", "threshold")
    list_filter = ("group",)
    ordering = ("order", "code")
