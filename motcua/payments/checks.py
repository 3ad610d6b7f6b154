"""The rule that keeps indicator 3.6 honest: only the system marks a payment "online".

`dossiers.services.record_payment` takes an `online` flag from its caller. The system passes it
after a verified gateway notification (`payments.services`); a person (an officer through the
API) must not be able to declare a payment online, or Decision 766's indicator 3.6 would count
self-declared payments. This handler of the dossiers hook (run inside the transition's
transaction, before it commits) refuses such a transition; it reads only the event in memory.
"""

from __future__ import annotations

from django.utils.translation import gettext

from motcua.dossiers.models import Dossier, DossierEvent
from motcua.dossiers.services import DossierError


def refuse_unverified_online_payment(dossier: Dossier, event: DossierEvent) -> None:
    if event.action == "record_payment" and event.data.get("online") and event.actor_id is not None:
        raise DossierError(
            "forbidden_role",
            gettext(
                "Chỉ nền tảng thanh toán (sau khi motcua xác thực thông báo của nền tảng) mới ghi nhận "
                "được thanh toán trực tuyến; tại quầy, hãy ghi nhận khoản nộp trực tiếp."
            ),
        )
