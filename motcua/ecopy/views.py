"""The electronic certification desk (/ecopy/): certify a copy, the register, downloads.

Officers only, scoped to their own agency's register (STYLE.md rule 9); the role check is
`services.may_certify`, the same predicate the service uses.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from motcua.accounts.privacy import mask_id_number
from motcua.ecopy import services
from motcua.ecopy.models import CertifiedCopy
from motcua.worktime.core import TZ

View = Callable[..., Any]
MAX_SCAN_BYTES = 20 * 1024 * 1024
MAX_SCAN_FILES = 50


def certifier_required(view: View) -> View:
    @login_required
    @functools.wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> Any:
        if not services.may_certify(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapped


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class ScansField(forms.FileField):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": ".pdf,.jpg,.jpeg,.png"}))
        super().__init__(*args, **kwargs)

    def clean(self, data: Any, initial: Any = None) -> Any:
        single = super().clean
        files = [single(item, initial) for item in data] if isinstance(data, list | tuple) else [
            single(data, initial)]
        if len(files) > MAX_SCAN_FILES:
            raise forms.ValidationError(_("Tối đa %(max)d tệp quét.") % {"max": MAX_SCAN_FILES})
        for upload in files:
            if upload.size > MAX_SCAN_BYTES:
                raise forms.ValidationError(_("Tệp quá lớn (tối đa 20 MB)."))
        return files


class CertifyForm(forms.Form):
    document_name = forms.CharField(label=gettext_lazy("Tên giấy tờ (bản chính)"), max_length=300)
    requester_name = forms.CharField(label=gettext_lazy("Họ tên người yêu cầu chứng thực"), max_length=200)
    requester_identifier = forms.RegexField(
        label=gettext_lazy("Số định danh cá nhân của người yêu cầu"), regex=r"^\d{12}$",
        error_messages={"invalid": gettext_lazy("Số định danh cá nhân gồm 12 chữ số.")},
    )
    pages = forms.IntegerField(label=gettext_lazy("Số trang của bản chính"), min_value=1, max_value=200)
    copies = forms.IntegerField(label=gettext_lazy("Số bản sao"), min_value=1,
                                max_value=services.MAX_COPIES, initial=1)
    scans = ScansField(label=gettext_lazy("Bản quét của bản chính (PDF, JPEG, PNG; theo thứ tự trang)"))


@certifier_required
def register(request: HttpRequest) -> HttpResponse:
    """The agency's electronic certification register for a year."""
    year = _year(request.GET.get("year"))
    copies = services.register_for(request.user).filter(year=year).order_by("-number")[:500]
    rows = [{"copy": c, "requester": mask_id_number(c.requester_identifier)} for c in copies]
    return render(request, "ecopy/register.html", {"rows": rows, "year": year})


def _year(value: str | None) -> int:
    if value is None:
        return timezone.localdate().year
    try:
        year = int(value)
    except ValueError:
        raise Http404 from None
    if not 2000 <= year <= 2100:
        raise Http404
    return year


@certifier_required
@require_http_methods(["GET", "POST"])
def certify(request: HttpRequest) -> HttpResponse:
    form = CertifyForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        scans = [(upload.name, upload.read()) for upload in data["scans"]]
        try:
            copy = services.certify_copy(request.user, scans, services.CopyRequest(
                document_name=data["document_name"], requester_name=data["requester_name"],
                requester_identifier=data["requester_identifier"], pages=data["pages"],
                copies=data["copies"],
            ))
        except services.CopyError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("Đã chứng thực bản sao số %(number)s. Lệ phí: %(fee)s.") % {
                "number": copy.number, "fee": services.money(copy.fee_total)})
            return redirect("ecopy:detail", pk=copy.pk)
    return render(request, "ecopy/certify.html", {"form": form}, status=400 if form.errors else 200)


def _copy(request: HttpRequest, pk: int) -> CertifiedCopy:
    copy = services.register_for(request.user).select_related("signed").filter(pk=pk).first()
    if copy is None:
        raise Http404
    return copy


@certifier_required
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    copy = _copy(request, pk)
    return render(request, "ecopy/detail.html", {
        "copy": copy, "requester": mask_id_number(copy.requester_identifier),
        "fee_per_copy": services.money(copy.fee_per_copy), "fee_total": services.money(copy.fee_total),
        "certified_at": copy.certified_at.astimezone(TZ),
    })


@certifier_required
def download(request: HttpRequest, pk: int) -> FileResponse:
    copy = _copy(request, pk)
    return FileResponse(copy.signed.file.open("rb"), content_type="application/pdf", as_attachment=True,
                        filename=f"ban-sao-chung-thuc-{copy.year}-{copy.number}.pdf")


@certifier_required
def receipt(request: HttpRequest, pk: int) -> HttpResponse:
    copy = _copy(request, pk)
    response = HttpResponse(services.receipt_pdf(copy), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="bien-lai-{copy.year}-{copy.number}.pdf"'
    return response


@certifier_required
def export(request: HttpRequest) -> HttpResponse:
    year = _year(request.GET.get("year"))
    response = HttpResponse(
        services.register_xlsx(request.user, year),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = f'attachment; filename="so-chung-thuc-dien-tu-{year}.xlsx"'
    return response
