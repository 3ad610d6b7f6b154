"""Admin for agencies (codes of Decision 20/2020/QĐ-TTg)."""

from __future__ import annotations

from django.contrib import admin

from motcua.agencies.models import Agency, AgencySuccession


@admin.register(Agency)
class AgencyAdmin(admin.ModelAdmin):
    list_display = ("code", "name", "kind", "unit", "parent", "is_active", "valid_from", "valid_to")
    list_filter = ("kind", "is_active")
    search_fields = ("code", "name", "unit__code", "unit__name")
    list_select_related = ("unit", "parent")
    raw_id_fields = ("unit", "parent")
    ordering = ("code",)


@admin.register(AgencySuccession)
class AgencySuccessionAdmin(admin.ModelAdmin):
    list_display = ("predecessor", "successor", "kind", "effective", "predecessor_name")
    list_filter = ("kind", "effective")
    search_fields = ("predecessor__code", "successor__code", "predecessor_name")
    list_select_related = ("predecessor", "successor")
    raw_id_fields = ("predecessor", "successor", "predecessor_unit")
