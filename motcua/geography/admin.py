"""Admin for administrative units and successions; searching ignores accents."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest

from motcua.core.text import fold
from motcua.geography.models import Succession, Unit


class SuccessionInline(admin.TabularInline):
    model = Succession
    fk_name = "predecessor"
    extra = 0
    raw_id_fields = ("successor",)


@admin.register(Unit)
class UnitAdmin(admin.ModelAdmin):
    list_display = ("code", "name", "level", "parent", "valid_from", "valid_to")
    list_filter = ("level", "valid_from", "valid_to")
    search_fields = ("code", "name_folded")
    list_select_related = ("parent",)
    raw_id_fields = ("parent",)
    inlines = [SuccessionInline]

    def get_search_results(
        self, request: HttpRequest, queryset: QuerySet[Unit], search_term: str
    ) -> tuple[QuerySet[Unit], bool]:
        # name_folded holds the accent-free name, so fold the query the same way.
        return super().get_search_results(request, queryset, fold(search_term))


@admin.register(Succession)
class SuccessionAdmin(admin.ModelAdmin):
    list_display = ("predecessor", "successor", "kind", "effective", "note")
    list_filter = ("kind", "effective")
    search_fields = ("predecessor__code", "successor__code", "predecessor__name_folded",
                     "successor__name_folded")
    list_select_related = ("predecessor", "successor")
    raw_id_fields = ("predecessor", "successor")

    def get_search_results(
        self, request: HttpRequest, queryset: QuerySet[Succession], search_term: str
    ) -> tuple[QuerySet[Succession], Any]:
        return super().get_search_results(request, queryset, fold(search_term))
