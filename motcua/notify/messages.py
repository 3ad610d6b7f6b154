"""What each dossier event tells the applicant, in the applicant's language.

Whole sentences through gettext (Vietnamese source, English in the .po). `render` returns the
email's subject and body and the short text of an SMS or Zalo message.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from motcua.dossiers.models import Dossier, DossierEvent, ResultDelivery

# The events that concern the applicant (services.py actions), and only those, are notified.
NOTIFIED_ACTIONS = frozenset(
    {
        "submit",
        "receive",
        "request_completion",
        "request_supplement",
        "request_payment",
        "approve_result",
        "apologize",
        "stop",
        "refuse",
        "rehome",
    }
)


@dataclass(frozen=True)
class Rendered:
    subject: str
    body: str
    short: str


def _when(value: dt.datetime | str | None) -> str:
    if value is None or value == "":
        return ""
    if isinstance(value, str):
        value = dt.datetime.fromisoformat(value)
    local = timezone.localtime(value)
    return _("%(time)s ngày %(date)s") % {"time": local.strftime("%H:%M"), "date": local.strftime("%d/%m/%Y")}


def _items(items: list[str]) -> str:
    return "\n".join(f"  - {item}" for item in items)


def lookup_url() -> str:
    with translation.override(settings.LANGUAGE_CODE):
        path = reverse("portal:lookup")
    return settings.MOTCUA_PUBLIC_URL.rstrip("/") + path


def _how_to_collect(dossier: Dossier) -> str:
    if dossier.result_delivery == ResultDelivery.POST:
        return _("Kết quả sẽ được gửi qua dịch vụ bưu chính công ích đến địa chỉ ông/bà đã đăng ký.")
    if dossier.result_delivery == ResultDelivery.ONLINE:
        return _("Ông/bà tải kết quả điện tử tại mục “Hồ sơ của tôi” trên Cổng dịch vụ công.")
    return _(
        "Ông/bà vui lòng mang Giấy tiếp nhận hồ sơ và hẹn trả kết quả đến %(centre)s để nhận kết quả."
    ) % {"centre": dossier.receiving_agency.name}


def _content(event: DossierEvent, dossier: Dossier) -> tuple[str, str, str]:
    """(subject, the body's main paragraph, the short text) of one event."""
    data: dict[str, Any] = event.data or {}
    code = dossier.code
    reason = event.reason
    action = event.action
    if action == "submit":
        return (
            _("Hồ sơ %(code)s đã được nộp trực tuyến") % {"code": code},
            _(
                "Hồ sơ của ông/bà đã được gửi đến %(centre)s với mã hồ sơ %(code)s. Trung tâm sẽ kiểm tra "
                "và tiếp nhận; ông/bà sẽ được báo ngày hẹn trả kết quả."
            )
            % {"centre": dossier.receiving_agency.name, "code": code},
            _("Hồ sơ %(code)s đã được nộp trực tuyến, đang chờ tiếp nhận.") % {"code": code},
        )
    if action == "receive":
        due = _when(data.get("due_at") or dossier.due_at)
        return (
            _("Hồ sơ %(code)s đã được tiếp nhận") % {"code": code},
            _("%(centre)s đã tiếp nhận hồ sơ %(code)s. Ngày hẹn trả kết quả: %(due)s.")
            % {"centre": dossier.receiving_agency.name, "code": code, "due": due},
            _("Hồ sơ %(code)s đã được tiếp nhận. Hẹn trả kết quả: %(due)s.") % {"code": code, "due": due},
        )
    if action in {"request_supplement", "request_completion"}:
        items = _items(list(data.get("items", [])))
        if action == "request_supplement":
            subject = _("Hồ sơ %(code)s cần bổ sung giấy tờ") % {"code": code}
        else:
            subject = _("Hồ sơ %(code)s cần hoàn thiện trước khi tiếp nhận") % {"code": code}
        return (
            subject,
            _(
                "Hồ sơ %(code)s cần bổ sung các giấy tờ sau:\n%(items)s\nLý do: %(reason)s\n"
                "Ông/bà nộp bổ sung "
                "tại mục “Hồ sơ của tôi” hoặc tại Trung tâm."
            )
            % {"code": code, "items": items, "reason": reason},
            _("Hồ sơ %(code)s cần bổ sung giấy tờ. Xem chi tiết trên Cổng dịch vụ công.") % {"code": code},
        )
    if action == "request_payment":
        amount = f"{int(data.get('amount') or dossier.fee_amount or 0):,}".replace(",", ".")
        return (
            _("Hồ sơ %(code)s: đề nghị nộp phí, lệ phí") % {"code": code},
            _("Đề nghị ông/bà nộp %(amount)s đồng phí, lệ phí cho hồ sơ %(code)s.")
            % {"amount": amount, "code": code},
            _("Hồ sơ %(code)s: đề nghị nộp %(amount)s đồng phí, lệ phí.") % {"code": code, "amount": amount},
        )
    if action == "approve_result":
        return (
            _("Hồ sơ %(code)s đã có kết quả") % {"code": code},
            _("Hồ sơ %(code)s đã có kết quả giải quyết.") % {"code": code} + " " + _how_to_collect(dossier),
            _("Hồ sơ %(code)s đã có kết quả.") % {"code": code},
        )
    if action == "apologize":
        new = _when(data.get("new_appointment") or dossier.new_appointment_at)
        return (
            _("Thư xin lỗi: hồ sơ %(code)s được hẹn lại") % {"code": code},
            _(
                "Chúng tôi xin lỗi vì hồ sơ %(code)s chưa giải quyết kịp hạn. Lý do: %(reason)s\n"
                "Ngày hẹn trả kết quả mới: %(new)s."
            )
            % {"code": code, "reason": reason, "new": new},
            _("Xin lỗi: hồ sơ %(code)s chậm hẹn. Hẹn mới: %(new)s.") % {"code": code, "new": new},
        )
    if action == "stop":
        return (
            _("Hồ sơ %(code)s bị dừng xử lý") % {"code": code},
            _("Hồ sơ %(code)s đã bị dừng xử lý. Lý do: %(reason)s") % {"code": code, "reason": reason},
            _("Hồ sơ %(code)s bị dừng xử lý. Xem lý do trên Cổng dịch vụ công.") % {"code": code},
        )
    if action == "refuse":
        return (
            _("Hồ sơ %(code)s không được tiếp nhận") % {"code": code},
            _("Hồ sơ %(code)s không được tiếp nhận. Lý do: %(reason)s") % {"code": code, "reason": reason},
            _("Hồ sơ %(code)s không được tiếp nhận. Xem lý do trên Cổng dịch vụ công.") % {"code": code},
        )
    if action == "rehome":
        # A reorganisation moved the dossier to the successor agencies (services.rehome_dossier).
        return (
            _("Hồ sơ %(code)s được chuyển sang cơ quan kế thừa") % {"code": code},
            _(
                "Do sắp xếp đơn vị hành chính và tổ chức bộ máy, hồ sơ %(code)s được chuyển sang %(agency)s "
                "tiếp tục giải quyết. Mã hồ sơ và ngày hẹn trả kết quả không thay đổi; ông/bà nhận kết quả "
                "tại %(centre)s."
            )
            % {"code": code, "agency": dossier.competent_agency.name if dossier.competent_agency else "",
               "centre": dossier.receiving_agency.name},
            _("Hồ sơ %(code)s được chuyển sang cơ quan kế thừa; mã hồ sơ không đổi.") % {"code": code},
        )
    raise ValueError(f"No message for the action {action!r}.")


def render(event: DossierEvent, dossier: Dossier, language: str) -> Rendered:
    with translation.override(language):
        subject, paragraph, short = _content(event, dossier)
        body = "\n\n".join(
            [
                _("Kính gửi %(name)s,") % {"name": dossier.applicant.name},
                _("Thủ tục: %(procedure)s") % {"procedure": dossier.version.procedure.name},
                paragraph,
                _("Tra cứu hồ sơ: %(url)s (mã hồ sơ %(code)s)") % {"url": lookup_url(), "code": dossier.code},
                _("Đây là thư tự động, vui lòng không trả lời."),
            ]
        )
        return Rendered(subject=subject, body=body, short=short)
