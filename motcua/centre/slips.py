"""The 80 mm receipt of a queue ticket (thermal receipt printers; the browser's print dialog too)."""

from __future__ import annotations

import io
from xml.sax.saxutils import escape

import qrcode
from django.utils.translation import gettext
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Image, Paragraph, SimpleDocTemplate, Spacer

from motcua.centre.models import Ticket
from motcua.centre.services import public_ticket_url, waiting_ahead
from motcua.dossiers import fonts
from motcua.worktime.core import TZ

WIDTH = 80 * mm
HEIGHT = 140 * mm
MARGIN = 4 * mm


def _p(text: str, style: ParagraphStyle) -> Paragraph:
    return Paragraph(escape(text), style)


def ticket_pdf(ticket: Ticket) -> bytes:
    """Centre, number, service, people ahead, time and a QR code to follow (and rate) the ticket."""
    font = fonts.register()
    normal = ParagraphStyle("normal", fontName=font, fontSize=10, leading=13, alignment=TA_CENTER)
    bold = ParagraphStyle("bold", parent=normal, fontName=fonts.BOLD)
    number = ParagraphStyle("number", parent=bold, fontSize=48, leading=56)
    small = ParagraphStyle("small", parent=normal, fontSize=8, leading=10)
    qr_image = qrcode.make(public_ticket_url(ticket), box_size=4, border=1)
    qr_buffer = io.BytesIO()
    qr_image.save(qr_buffer, format="PNG")
    qr_buffer.seek(0)
    issued = ticket.issued_at.astimezone(TZ)
    story = [
        _p(ticket.centre.name.upper(), bold),
        Spacer(1, 2 * mm),
        _p(gettext("SỐ THỨ TỰ"), normal),
        _p(str(ticket.number), number),
        _p(ticket.service.name, bold),
    ]
    if ticket.is_priority:
        story.append(_p(gettext("Ưu tiên: %(who)s") % {"who": ticket.get_priority_display()}, normal))
    story += [
        Spacer(1, 2 * mm),
        _p(gettext("Số người đang chờ trước bạn: %(count)s") % {"count": waiting_ahead(ticket)}, normal),
        _p(gettext("Thời gian lấy số: %(time)s") % {"time": issued.strftime("%H:%M %d/%m/%Y")}, normal),
        Spacer(1, 3 * mm),
        Image(qr_buffer, width=30 * mm, height=30 * mm),
        _p(gettext("Quét mã để theo dõi lượt của bạn và đánh giá mức độ hài lòng."), small),
    ]
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer,
        pagesize=(WIDTH, HEIGHT),
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN,
        bottomMargin=MARGIN,
        title=gettext("Số thứ tự %(number)s") % {"number": ticket.number},
        author="motcua",
    )
    doc.build(story)
    return buffer.getvalue()
