"""Django admin for catalog managers: procedures with versions, versions with everything inline.

Editing a version's process steps changes the template for dossiers received
afterwards only: the dossiers app copies the steps at reception.
"""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from motcua.catalog.models import (
    Channel,
    Field,
    FieldDepartment,
    LegalBasis,
    Procedure,
    ProcedureVersion,
    ProcessStep,
    Requirement,
)


class VersionInline(admin.TabularInline):
    model = ProcedureVersion
    fields = ("valid_from", "valid_to", "decision", "online_level")
    show_change_link = True
    extra = 0


@admin.register(Procedure)
class ProcedureAdmin(admin.ModelAdmin):
    list_display = ("code", "name", "field", "at_province", "at_commune", "at_ministry")
    list_filter = ("at_province", "at_commune", "at_ministry", "at_other")
    search_fields = ("code", "name", "name_folded")
    list_select_related = ("field",)
    autocomplete_fields = ("field",)
    inlines = [VersionInline]


class ChannelInline(admin.StackedInline):
    model = Channel
    extra = 0
    fields = (("kind", "time_limit_value", "time_limit_unit"), "time_limit_text", "fee_amount", "fee_text",
              "description")


class RequirementInline(admin.TabularInline):
    model = Requirement
    extra = 0
    fields = ("order", "case", "name", "originals", "certified_copies", "photocopies", "form_name")


class LegalBasisInline(admin.TabularInline):
    model = LegalBasis
    extra = 0
    fields = ("order", "number", "title", "issued", "issuer")


class ProcessStepInline(admin.TabularInline):
    model = ProcessStep
    extra = 0
    fields = ("order", "name", "role", "agency_kind", "allotted_hours")
    verbose_name_plural = _("quy trình nội bộ (chỉ áp dụng cho hồ sơ tiếp nhận sau khi sửa)")


@admin.register(ProcedureVersion)
class ProcedureVersionAdmin(admin.ModelAdmin):
    list_display = ("procedure", "valid_from", "valid_to", "decision", "online_level")
    list_filter = ("online_level",)
    search_fields = ("procedure__code", "procedure__name", "decision")
    date_hierarchy = "valid_from"
    autocomplete_fields = ("procedure",)
    readonly_fields = ("content_hash", "created_at")
    inlines = [ChannelInline, RequirementInline, LegalBasisInline, ProcessStepInline]

    def get_queryset(self, request: HttpRequest) -> QuerySet[Any]:
        return super().get_queryset(request).select_related("procedure")


@admin.register(Field)
class FieldAdmin(admin.ModelAdmin):
    list_display = ("name",)
    search_fields = ("name", "name_folded")


@admin.register(FieldDepartment)
class FieldDepartmentAdmin(admin.ModelAdmin):
    list_display = ("field", "agency", "valid_from")
    list_filter = ("valid_from",)
    search_fields = ("field__name", "agency__name", "agency__code")
    list_select_related = ("field", "agency")
    autocomplete_fields = ("field",)
    raw_id_fields = ("agency",)
