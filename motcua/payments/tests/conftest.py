from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings as django_settings

from motcua.dossiers import services as dossier_services
from motcua.dossiers.models import Dossier
from motcua.e2e.world import World, build_world, submit_birth
from motcua.payments import signing
from motcua.payments.models import PaymentOrder

FEE = 8_000


@pytest.fixture(autouse=True)
def media_root(settings: Any, tmp_path: Path) -> Path:
    settings.MEDIA_ROOT = tmp_path / "uploads"
    return Path(settings.MEDIA_ROOT)


@pytest.fixture
def world(db: Any) -> World:
    return build_world()


def awaiting_payment(world: World, amount: int = FEE) -> Dossier:
    """An online birth registration received, at the specialist, waiting for a fee (status 6)."""
    dossier = submit_birth(world)
    dossier_services.receive_dossier(world.receptionist, dossier)
    dossier_services.forward_dossier(world.receptionist, dossier)
    dossier_services.request_payment(world.specialist, dossier, amount, reason="Lệ phí đăng ký khai sinh")
    return Dossier.objects.select_related("applicant", "version__procedure", "receiving_agency").get(
        pk=dossier.pk
    )


def notification(order: PaymentOrder, **changes: Any) -> bytes:
    """The platform's signed notification that `order` was paid (fields changed before signing)."""
    fields = {
        "merchant": django_settings.MOTCUA_PAYMENT_MERCHANT_CODE,
        "order_id": order.order_id,
        "transaction_id": "PG2603020000000042",
        "amount": str(order.amount),
        "currency": "VND",
        "status": "paid",
        "paid_at": "20260302100000",
        **changes,
    }
    return json.dumps(signing.signed(fields, django_settings.MOTCUA_PAYMENT_SECRET)).encode()


CALLBACK = "/api/v1/payments/sandbox/callback"
