"""The desk's digitised scans: recognition progress and the officer's confirmation of the
metadata that OCR proposes (issue #13, digitisation at reception)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import messages
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_POST

from motcua.documents import services as warehouse
from motcua.documents.models import DigitisedDocument, OcrState, Origin
from motcua.dossiers.models import Dossier

# The proposal's fields the officer confirms, in the order of the form.
FIELDS = ("document_type", "number", "issuer", "issue_date", "valid_until")


class ConfirmForm(forms.Form):
    document_type = forms.CharField(label=gettext_lazy("Loại giấy tờ"), max_length=200)
    number = forms.CharField(label=gettext_lazy("Số, ký hiệu"), max_length=100, required=False)
    issuer = forms.CharField(label=gettext_lazy("Cơ quan ban hành"), max_length=300, required=False)
    issue_date = forms.DateField(label=gettext_lazy("Ngày ban hành"), required=False,
                                 widget=forms.DateInput(attrs={"type": "date"}))
    valid_until = forms.DateField(label=gettext_lazy("Có hiệu lực đến"), required=False,
                                  widget=forms.DateInput(attrs={"type": "date"}))


def scans_of(dossier: Dossier) -> list[DigitisedDocument]:
    """The documents digitised from this dossier's counter scans, oldest first."""
    return list(DigitisedDocument.objects.filter(
        dossier_code=dossier.code, origin=Origin.COUNTER_SCAN, deleted_at__isnull=True).order_by("pk"))


def _initial(document: DigitisedDocument) -> dict[str, Any]:
    """Confirmed values once confirmed; before that the proposal, over the requirement's name."""
    if document.confirmed_at is not None:
        return {name: getattr(document, name) for name in FIELDS}
    proposal = document.proposal or {}
    return {
        "document_type": proposal.get("document_type") or document.document_type,
        "number": proposal.get("number", ""),
        "issuer": proposal.get("issuer", ""),
        "issue_date": proposal.get("issue_date") or None,
        "valid_until": None,
    }


def panel(dossier: Dossier) -> list[dict[str, Any]]:
    """What the dossier page shows for each digitised scan."""
    return [{"document": d, "form": ConfirmForm(initial=_initial(d), prefix=f"scan{d.pk}"),
             "working": d.ocr_state in (OcrState.PENDING, OcrState.RUNNING)} for d in scans_of(dossier)]


def _state(document: DigitisedDocument) -> dict[str, Any]:
    return {"id": document.pk, "state": document.ocr_state, "label": str(document.get_ocr_state_display()),
            "pages": document.pages, "pages_done": document.ocr_pages_done,
            "confirmed": document.confirmed_at is not None}


@require_GET
def status(request: HttpRequest, dossier: Dossier) -> HttpResponse:
    """Recognition progress of the dossier's scans (polled by the page while some are running)."""
    return JsonResponse({"documents": [_state(d) for d in scans_of(dossier)]})


@require_POST
def confirm(request: HttpRequest, dossier: Dossier, pk: int) -> HttpResponse:
    """The officer confirms or corrects one scan's metadata."""
    document = next((d for d in scans_of(dossier) if d.pk == pk), None)
    if document is None:
        messages.error(request, _("Không tìm thấy giấy tờ số hóa của hồ sơ này."))
        return redirect("desk:dossier", code=dossier.code)
    form = ConfirmForm(request.POST, prefix=f"scan{pk}")
    if not form.is_valid():
        messages.error(request, " ".join(str(e) for errors in form.errors.values() for e in errors))
        return redirect("desk:dossier", code=dossier.code)
    try:
        warehouse.confirm_metadata(request.user, pk, warehouse.Metadata(**form.cleaned_data))
    except warehouse.WarehouseError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("Đã xác nhận thông tin giấy tờ số hóa."))
    return redirect("desk:dossier", code=dossier.code)
