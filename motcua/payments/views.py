"""The citizen's "Thanh toán trực tuyến" button, the return from the platform, and the receipts."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext
from django.views.decorators.http import require_POST

from motcua.dossiers.models import Dossier
from motcua.payments import receipts, services
from motcua.payments.models import PaymentOrder


def _visible(request: HttpRequest, code: str) -> Dossier:
    """The dossier if the signed-in person may see it (owner, officers of its agencies), else 404."""
    queryset = Dossier.objects.visible_to(request.user).select_related(
        "applicant", "version__procedure", "receiving_agency"
    )
    return get_object_or_404(queryset, code=code)


@login_required
@require_POST
def start(request: HttpRequest, code: str) -> HttpResponse:
    dossier = _visible(request, code)
    try:
        order = services.start_payment(request.user, dossier)
    except services.PaymentError as error:
        if error.status == 403:
            raise PermissionDenied(error.message) from None
        messages.error(request, error.message)
        return redirect("portal:dossier", code=dossier.code)
    return_url = request.build_absolute_uri(reverse("payments:returned", args=[dossier.code]))
    callback_url = request.build_absolute_uri(reverse("api:payments_callback", args=[order.gateway]))
    return redirect(services.checkout_url(order, return_url, callback_url))


@login_required
def returned(request: HttpRequest, code: str) -> HttpResponse:
    """Back from the platform: what the browser says is only a hint; the dossier moves on the callback."""
    dossier = _visible(request, code)
    order = PaymentOrder.objects.filter(dossier=dossier, order_id=request.GET.get("order_id", "")).first()
    if order is not None and order.status == PaymentOrder.Status.PAID:
        messages.success(request, gettext("Đã ghi nhận thanh toán. Cảm ơn bạn."))
    elif (
        order is not None
        and order.status == PaymentOrder.Status.PENDING
        and request.GET.get("status") == "paid"
    ):
        messages.info(
            request,
            gettext("Nền tảng thanh toán đang xác nhận giao dịch. Hồ sơ sẽ được cập nhật khi có xác nhận."),
        )
    elif request.GET.get("status") == "cancelled":
        messages.info(request, gettext("Bạn đã hủy giao dịch thanh toán."))
    return redirect("portal:dossier", code=dossier.code)


@login_required
def receipt(request: HttpRequest, code: str, seq: int) -> HttpResponse:
    dossier = _visible(request, code)
    found = receipts.receipt_of(dossier, seq)
    if found is None:
        raise Http404
    response = HttpResponse(receipts.render(found), content_type="application/pdf")
    filename = f"bien-lai-{dossier.code}-{seq}.pdf"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
