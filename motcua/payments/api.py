"""/api/v1/payments/<gateway>/callback: the platform's signed notification (server to server).

No session, no token, no CSRF: the notification is trusted only for its signature, nonce,
timestamp, order, amount and currency, all checked by `services.receive_callback`.
"""

from __future__ import annotations

from django.http import HttpRequest
from ninja import Router, Schema
from ninja import Status as HttpStatus

router = Router(tags=["payments"])


class CallbackOut(Schema):
    code: str
    order_id: str = ""


@router.post(
    "/{gateway}/callback",
    response={code: CallbackOut for code in (200, 400, 404, 409, 422, 503)},
    summary="Thông báo kết quả thanh toán từ nền tảng thanh toán (có chữ ký)",
    auth=None,
    url_name="payments_callback",
)
def callback(request: HttpRequest, gateway: str) -> HttpStatus:
    from motcua.payments import services

    result = services.receive_callback(gateway, request.body)
    return HttpStatus(result.status, {"code": result.code, "order_id": result.order_id})
