"""The electronic receipt (biên lai điện tử) of every payment of a dossier's fee, as a PDF.

A payment is a `record_payment` event of the dossier (the append-only log): online, recorded
by the system after a verified gateway notification (its reference is the order id); in cash,
recorded by the officer who took the money. The receipt is rendered on demand from that event
(and the order, for an online payment), so a reprint shows exactly what was recorded; its
number is the dossier code and the event's sequence number, unique and stable.
"""

from __future__ import annotations

import datetime as dt
import io
import unicodedata
from dataclasses import dataclass
from xml.sax.saxutils import escape

from django.contrib.humanize.templatetags.humanize import intcomma
from django.utils import translation
from django.utils.translation import gettext
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.pagesizes import A5
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from motcua.dossiers import fonts
from motcua.dossiers.models import Dossier, DossierEvent
from motcua.payments.models import PaymentOrder
from motcua.worktime.core import TZ


@dataclass(frozen=True)
class Receipt:
    number: str
    seq: int
    dossier: Dossier
    amount: int
    online: bool
    paid_at: dt.datetime
    recorded_at: dt.datetime
    reference: str
    collected_by: str
    order: PaymentOrder | None

    @property
    def method(self) -> str:
        if self.online:
            return gettext("Thanh toán trực tuyến qua nền tảng thanh toán")
        return gettext("Nộp trực tiếp tại Bộ phận Một cửa")


def _verified_online(event: DossierEvent) -> bool:
    """Online only when the system recorded it (after a verified notification), never self-declared."""
    return bool(event.actor_id is None and event.data.get("online"))


def receipts_of(dossier: Dossier) -> list[Receipt]:
    events = list(dossier.events.filter(action="record_payment").select_related("actor").order_by("seq"))
    references = [str(e.data.get("reference", "")) for e in events if _verified_online(e)]
    orders = {o.order_id: o for o in PaymentOrder.objects.filter(dossier=dossier, order_id__in=references)}
    out = []
    for event in events:
        online = _verified_online(event)
        reference = str(event.data.get("reference", ""))
        order = orders.get(reference) if online else None
        actor = event.actor
        out.append(
            Receipt(
                number=f"{dossier.code}/{event.seq:03d}",
                seq=event.seq,
                dossier=dossier,
                amount=int(event.data.get("amount") or (order.amount if order else 0) or 0),
                online=online,
                paid_at=(order.paid_at if order and order.paid_at else event.at),
                recorded_at=event.at,
                reference=(order.transaction_id if order else reference),
                collected_by=(actor.full_name or actor.username) if actor else "",
                order=order,
            )
        )
    return out


def receipt_of(dossier: Dossier, seq: int) -> Receipt | None:
    return next((r for r in receipts_of(dossier) if r.seq == seq), None)


def money(amount: int) -> str:
    """ "1.250.000 đồng": Vietnamese digit grouping."""
    return gettext("%(amount)s đồng") % {"amount": intcomma(amount, use_l10n=False).replace(",", ".")}


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def _when(value: dt.datetime) -> str:
    local = value.astimezone(TZ)
    return gettext("%(time)s ngày %(date)s") % {"time": f"{local:%H:%M}", "date": f"{local:%d/%m/%Y}"}


def render(receipt: Receipt, language: str | None = None) -> bytes:
    """The receipt as an A5 PDF, in `language` (default: the active one)."""
    with translation.override(language or translation.get_language()):
        return _render(receipt)


def _render(receipt: Receipt) -> bytes:
    font = fonts.register()
    normal = ParagraphStyle("normal", fontName=font, fontSize=9, leading=12)
    small = ParagraphStyle("small", parent=normal, fontSize=7, leading=9)
    center = ParagraphStyle("center", parent=normal, alignment=TA_CENTER)
    bold_center = ParagraphStyle("bold_center", parent=center, fontName=fonts.BOLD)
    title = ParagraphStyle("title", parent=bold_center, fontSize=12, leading=15, spaceBefore=8, spaceAfter=4)
    right = ParagraphStyle("right", parent=small, alignment=TA_RIGHT)

    def p(text: str, style: ParagraphStyle = normal) -> Paragraph:
        return Paragraph(escape(_nfc(text)), style)

    dossier = receipt.dossier
    agency = dossier.receiving_agency
    rows = [
        (gettext("Số biên lai"), receipt.number),
        (gettext("Mã hồ sơ"), dossier.code),
        (gettext("Thủ tục"), dossier.version.procedure.name),
        (gettext("Người nộp tiền"), dossier.applicant.name),
        (gettext("Nội dung thu"), gettext("Phí, lệ phí giải quyết thủ tục hành chính")),
        (gettext("Số tiền"), money(receipt.amount)),
        (gettext("Hình thức thanh toán"), receipt.method),
        (gettext("Thời điểm thanh toán"), _when(receipt.paid_at)),
    ]
    if receipt.online and receipt.order is not None:
        rows.append((gettext("Mã đơn thanh toán"), receipt.order.order_id))
        rows.append((gettext("Mã giao dịch của nền tảng"), receipt.reference))
    else:
        if receipt.reference:
            rows.append((gettext("Số chứng từ"), receipt.reference))
        rows.append((gettext("Người thu tiền"), receipt.collected_by))
    table = Table([[p(k), p(v)] for k, v in rows], colWidths=[42 * mm, 82 * mm])
    table.setStyle(
        TableStyle([("GRID", (0, 0), (-1, -1), 0.4, colors.black), ("VALIGN", (0, 0), (-1, -1), "TOP")])
    )
    story = [
        p(agency.name.upper(), bold_center),
        p(gettext("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"), bold_center),
        p(gettext("Độc lập - Tự do - Hạnh phúc"), center),
        p(gettext("BIÊN LAI THU PHÍ, LỆ PHÍ ĐIỆN TỬ"), title),
        Spacer(1, 4 * mm),
        table,
        Spacer(1, 4 * mm),
        p(
            gettext("Biên lai điện tử được lập tự động bởi hệ thống motcua lúc %(at)s.")
            % {"at": _when(receipt.recorded_at)},
            small,
        ),
        p(gettext("Tra cứu hồ sơ bằng mã hồ sơ và số định danh của người nộp."), right),
    ]
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer,
        pagesize=A5,
        leftMargin=12 * mm,
        rightMargin=12 * mm,
        topMargin=10 * mm,
        bottomMargin=10 * mm,
        title=_nfc(gettext("Biên lai điện tử %(number)s") % {"number": receipt.number}),
        subject=dossier.code,
        author="motcua",
    )
    doc.build(story)
    return buffer.getvalue()
