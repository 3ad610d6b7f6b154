"""A read-only admin for dossiers: look, never touch.

Every change to a dossier goes through `motcua.dossiers.services` (STYLE.md rule 1), which
checks roles, locks the row and appends a hash-chained event; an admin form would do none of
that. So nothing here adds, changes or deletes: the list and the detail page are for support
staff to see a dossier with its steps and its audit trail. Staff who are not superusers see
only the dossiers of their agency (`Dossier.objects.visible_to`, rule 9); ID numbers are masked.
"""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from motcua.core.readonly_admin import ReadOnlyAdminMixin
from motcua.dossiers import deadlines
from motcua.dossiers.models import Deadline, Dossier, DossierEvent, DossierStep, Handover


class StepInline(ReadOnlyAdminMixin, admin.TabularInline):
    model = DossierStep
    fields = ("order", "name", "role", "agency", "assignee", "allotted", "started_at", "due_at",
              "finished_at", "deadline")
    readonly_fields = fields
    extra = 0
    verbose_name_plural = _("các bước xử lý")

    @admin.display(description=_("tình trạng hạn"))
    def deadline(self, step: DossierStep) -> str:
        """As the clock says now (not the sweep's stored flag): only a running, unfinished step."""
        if step.finished_at is not None or step.started_at is None or step.due_at is None:
            return ""
        if step.dossier.status not in deadlines.RUNNING:
            return ""
        th = deadlines.Thresholds.at()
        if step.due_at <= th.now:
            return str(Deadline.OVERDUE.label)
        return str(Deadline.DUE_SOON.label if step.due_at <= th.soon else Deadline.OK.label)


class HandoverInline(ReadOnlyAdminMixin, admin.TabularInline):
    model = Handover
    fields = ("at", "kind", "from_agency", "to_agency", "giver", "receiver", "due_at", "note")
    readonly_fields = fields
    extra = 0
    verbose_name_plural = _("giao nhận hồ sơ (phiếu kiểm soát)")


class EventInline(ReadOnlyAdminMixin, admin.TabularInline):
    model = DossierEvent
    fields = ("seq", "at", "action", "from_status", "to_status", "actor", "reason", "data", "hash")
    readonly_fields = fields
    ordering = ("seq",)
    extra = 0
    verbose_name_plural = _("nhật ký hồ sơ (chỉ xem)")


class DeadlineFilter(admin.SimpleListFilter):
    """Due soon / overdue as the clock says now (`dossiers.deadlines`), not a stored flag."""

    title = _("tình trạng hạn")
    parameter_name = "deadline"

    def lookups(self, request: HttpRequest, model_admin: Any) -> list[tuple[str, Any]]:
        return list(Deadline.choices)

    def queryset(self, request: HttpRequest, queryset: QuerySet[Dossier]) -> QuerySet[Dossier]:
        value = self.value()
        if value not in Deadline.values:
            return queryset
        return queryset.filter(deadlines.condition(value, deadlines.Thresholds.at()))


@admin.register(Dossier)
class DossierAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ("code", "procedure_code", "status", "applicant_name", "masked_id",
                    "receiving_agency", "competent_agency", "received_at", "due_at", "deadline")
    list_filter = ("status", DeadlineFilter, "channel", "receiving_agency", "competent_agency")
    # Dossier codes start with the receiving agency's code: a prefix finds an agency's day too.
    search_fields = ("^code",)
    list_select_related = ("version__procedure", "applicant", "receiving_agency", "competent_agency")
    ordering = ("-received_at", "-id")
    list_per_page = 50
    # Personal data (the ID number, phone, address) is left out of the detail page too.
    fields = (
        ("code", "status", "sub_state", "deadline"),
        ("version", "channel", "sets"),
        ("applicant_name", "masked_id"),
        ("receiving_agency", "competent_agency"),
        ("submitted_at", "received_at", "clock_started_at"),
        ("due_at", "original_due_at", "new_appointment_at"),
        ("current_step", "current_step_due_at"),
        ("finished_at", "returned_at", "refused_at", "stopped_at", "withdrawn_at"),
        ("supplement_count", "paused_working"),
        "result_delivery",
        ("fee_amount", "paid_at", "paid_online"),
        "result_text",
        ("revision", "last_event_hash"),
    )
    readonly_fields = tuple(
        name for group in fields for name in (group if isinstance(group, tuple) else (group,))
    )
    inlines = [StepInline, HandoverInline, EventInline]

    def get_queryset(self, request: HttpRequest) -> QuerySet[Dossier]:
        queryset = super().get_queryset(request).annotate(
            deadline=deadlines.annotation(deadlines.Thresholds.at())
        )
        user: Any = request.user
        if user.is_superuser:
            return queryset
        return queryset.filter(pk__in=Dossier.objects.visible_to(user).values("pk"))

    @admin.display(description=_("tình trạng hạn"), ordering="deadline")
    def deadline(self, dossier: Dossier) -> str:
        return dossier.get_deadline_now_display()

    @admin.display(description=_("mã thủ tục"), ordering="version__procedure__code")
    def procedure_code(self, dossier: Dossier) -> str:
        return str(dossier.version.procedure.code)

    @admin.display(description=_("chủ hồ sơ"))
    def applicant_name(self, dossier: Dossier) -> str:
        return dossier.applicant.name

    @admin.display(description=_("số định danh / mã số thuế"))
    def masked_id(self, dossier: Dossier) -> str:
        return dossier.applicant.masked_id
