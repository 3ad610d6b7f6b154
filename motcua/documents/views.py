"""Public verification (/xac-thuc/) and the citizen's data warehouse (/kho-du-lieu/).

Thin views: they check who asks and what was sent, call the verification or warehouse
service and turn its error into a message.
"""

from __future__ import annotations

import uuid
from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST

from motcua.accounts.privacy import mask_id_number
from motcua.accounts.verification import counter_code
from motcua.documents import services
from motcua.documents.models import DigitisedDocument, SignedDocument
from motcua.documents.verification import verify_bytes

MAX_VERIFY_BYTES = 20 * 1024 * 1024


class VerifyForm(forms.Form):
    file = forms.FileField(label=gettext_lazy("Tệp PDF cần xác thực"))

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        if upload.size > MAX_VERIFY_BYTES:
            raise forms.ValidationError(_("Tệp quá lớn (tối đa 20 MB)."))
        return upload


def _registered(value: str | None) -> SignedDocument | None:
    try:
        document_id = uuid.UUID(value or "")
    except ValueError:
        return None
    return SignedDocument.objects.select_related("agency").filter(pk=document_id).first()


@require_http_methods(["GET", "POST"])
def verify(request: HttpRequest) -> HttpResponse:
    """Upload a PDF, or open the QR code's link (?id=…) to check the document the system issued."""
    form = VerifyForm(request.POST or None, request.FILES or None)
    result = None
    document = None
    status = 200
    if request.method == "POST":
        if form.is_valid():
            data = form.cleaned_data["file"].read()
            result = verify_bytes(data)
            import hashlib

            document = SignedDocument.objects.select_related("agency").filter(
                sha256=hashlib.sha256(data).hexdigest()).first()
        else:
            status = 400
    elif "id" in request.GET:
        document = _registered(request.GET.get("id"))
        if document is None:
            status = 404
        else:
            with document.file.open("rb") as handle:
                result = verify_bytes(handle.read())
    return render(request, "documents/verify.html", {
        "form": form, "result": result, "document": document, "searched": "id" in request.GET,
        "holder": mask_id_number(document.holder_identifier) if document else "",
    }, status=status)


# ---------------------------------------------------------------------------------------
# The citizen's data warehouse


def _identifier(request: HttpRequest) -> str:
    """The signed-in person's ID number when it is proven theirs (accounts.User.verified_id_number):
    a number typed at registration opens nobody's documents."""
    return getattr(request.user, "verified_id_number", "") or ""


@login_required
def warehouse(request: HttpRequest) -> HttpResponse:
    """“Kho dữ liệu của tôi”: the holder's documents and every officer access to them."""
    identifier = _identifier(request)
    documents = (services.warehouse_of(identifier).select_related("agency")[:500]
                 if identifier else DigitisedDocument.objects.none())
    accesses = services.accesses_of(identifier)[:200] if identifier else []
    has_identifier = bool(getattr(request.user, "id_number", ""))
    # Not proven yet: the code the person reads to the officer with their ID card in hand.
    code, code_valid_until = (counter_code(request.user) if has_identifier and not identifier  # type: ignore[arg-type]
                              else ("", None))
    return render(request, "documents/warehouse.html", {
        "documents": documents, "accesses": accesses,
        "has_identifier": has_identifier, "verified": bool(identifier),
        "counter_code": code, "counter_code_valid_until": code_valid_until,
    })


@login_required
@require_POST
def warehouse_action(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    try:
        if action == "hide":
            services.set_hidden(request.user, pk, True)
            messages.success(request, _("Đã ẩn giấy tờ: cán bộ không xem và không dùng lại được nữa."))
        elif action == "show":
            services.set_hidden(request.user, pk, False)
            messages.success(request, _("Giấy tờ lại được dùng cho các hồ sơ sau."))
        elif action == "delete":
            services.delete(request.user, pk)
            messages.success(request, _("Đã xóa giấy tờ khỏi kho dữ liệu."))
        else:
            raise Http404
    except services.WarehouseError as error:
        messages.error(request, str(error))
        response = redirect("documents:warehouse")
        response.status_code = 303
        return response
    return redirect("documents:warehouse")


@login_required
@require_POST
def officer_file(request: HttpRequest, pk: int) -> HttpResponse | FileResponse:
    """An officer opens a citizen's warehouse document for a dossier their agency handles (POST
    `dossier`: its code); the access is logged first."""
    if not getattr(request.user, "is_officer", False):
        raise PermissionDenied
    dossier_code = request.POST.get("dossier", "")
    if "\x00" in dossier_code:  # PostgreSQL refuses NUL in text: a 500 (forms refuse it; this reads the POST)
        return HttpResponse(_("Dữ liệu gửi lên không hợp lệ."), status=400,
                            content_type="text/plain; charset=utf-8")
    try:
        document = services.open_for_officer(request.user, pk, dossier_code)
    except services.WarehouseError as error:
        status = 404 if error.code == "not_found" else 400
        return HttpResponse(str(error), status=status, content_type="text/plain; charset=utf-8")
    return FileResponse(document.file.open("rb"), content_type="application/pdf",
                        filename=f"giay-to-{document.pk}.pdf")


@login_required
def warehouse_file(request: HttpRequest, pk: int) -> FileResponse:
    """The holder downloads their own document (officers go through `open_for_officer`)."""
    document = services.warehouse_of(_identifier(request)).filter(pk=pk).first()
    if document is None or not _identifier(request):
        raise Http404
    return FileResponse(document.file.open("rb"), content_type="application/pdf",
                        filename=f"giay-to-{document.pk}.pdf")
