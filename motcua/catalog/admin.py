"""Django admin for catalog managers: procedures with versions, versions with everything inline.

Editing a version's process steps changes the template for dossiers received
afterwards only: the dossiers app copies the steps at reception.
"""

from __future__ import annotations

from decimal import Decimal
from types import SimpleNamespace
from typing import Any

from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from motcua.accounts.models import Role
from motcua.agencies.models import Agency
from motcua.catalog.models import (
    Channel,
    CompetenceRule,
    Field,
    FieldDepartment,
    LegalBasis,
    Procedure,
    ProcedureVersion,
    ProcessStep,
    Requirement,
)
from motcua.catalog.services import legal_limit_hours


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
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}


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


class ProcessStepForm(forms.ModelForm):
    """Roles and agency kinds from their lists, not free text (dossiers route steps by them)."""

    role = forms.ChoiceField(label=_("vai trò"), choices=Role.choices)
    agency_kind = forms.ChoiceField(label=_("loại cơ quan"), choices=Agency.Kind.choices)

    class Meta:
        model = ProcessStep
        fields = ("order", "name", "role", "agency_kind", "allotted_hours")


class ProcessStepFormSet(forms.BaseInlineFormSet):
    """The steps must add up to the legal time limit of the channels saved with them."""

    channel_formset: forms.BaseInlineFormSet | None = None

    def clean(self) -> None:
        super().clean()
        steps = [f.cleaned_data for f in self.forms
                 if getattr(f, "cleaned_data", None) and not f.cleaned_data.get("DELETE")]
        if not steps or any(s.get("allotted_hours") is None for s in steps):
            return
        total = sum((s["allotted_hours"] for s in steps), Decimal(0))
        expected = legal_limit_hours(self._channels())
        if total != expected:
            raise ValidationError(gettext(
                "Tổng thời gian các bước là %(total)s giờ làm việc, phải bằng thời hạn giải quyết "
                "%(expected)s giờ làm việc."
            ) % {"total": f"{total.normalize():f}", "expected": f"{expected.normalize():f}"})

    def _channels(self) -> list[Any]:
        """The channels as submitted in the same form when it is valid, else as saved."""
        channels = self.channel_formset
        if channels is not None and channels.is_valid():
            return [SimpleNamespace(**f.cleaned_data) for f in channels.forms
                    if f.cleaned_data and not f.cleaned_data.get("DELETE") and f.cleaned_data.get("kind")]
        return list(self.instance.channels.all()) if self.instance.pk else []


class ProcessStepInline(admin.TabularInline):
    model = ProcessStep
    form = ProcessStepForm
    formset = ProcessStepFormSet
    extra = 0
    fields = ("order", "name", "role", "agency_kind", "allotted_hours")
    verbose_name_plural = _("quy trình nội bộ (chỉ áp dụng cho hồ sơ tiếp nhận sau khi sửa; tổng thời gian "
                             "phải bằng thời hạn giải quyết)")


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

    def _create_formsets(self, request: HttpRequest, obj: Any, change: bool) -> Any:
        # The steps' total is checked against the channels edited in the same submission.
        formsets, inlines = super()._create_formsets(request, obj, change)  # type: ignore[misc]
        channels = next((f for f in formsets if f.model is Channel), None)
        for formset in formsets:
            if isinstance(formset, ProcessStepFormSet):
                formset.channel_formset = channels
        return formsets, inlines


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


@admin.register(CompetenceRule)
class CompetenceRuleAdmin(admin.ModelAdmin):
    """Who decides: the catalog's agency text → kind and level of the deciding office."""

    list_display = ("priority", "pattern", "field_pattern", "agency_kind", "level", "basis", "department",
                    "is_active")
    list_editable = ("is_active",)
    list_filter = ("level", "agency_kind", "basis", "is_active")
    search_fields = ("pattern", "field_pattern", "note")
    ordering = ("priority", "pk")
