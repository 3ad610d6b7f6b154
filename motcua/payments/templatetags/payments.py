"""`{% payment_panel dossier %}`: the fee, the "Thanh toán trực tuyến" button and the receipts."""

from __future__ import annotations

from typing import Any

from django import template

from motcua.payments import receipts, services
from motcua.payments.models import PaymentOrder

register = template.Library()


@register.inclusion_tag("payments/_panel.html", takes_context=True)
def payment_panel(context: dict[str, Any], dossier: Any) -> dict[str, Any]:
    request = context.get("request")
    user = getattr(request, "user", None)
    found = receipts.receipts_of(dossier) if dossier.paid_at or dossier.fee_amount else []
    pending = (
        PaymentOrder.objects.filter(dossier=dossier, status=PaymentOrder.Status.PENDING).first()
        if dossier.fee_amount
        else None
    )
    return {
        "dossier": dossier,
        "can_pay": user is not None and services.can_pay_online(user, dossier),
        "pending": pending,
        "receipts": found,
        "amount": receipts.money(dossier.fee_amount) if dossier.fee_amount else "",
        "csrf_token": context.get("csrf_token"),
    }
