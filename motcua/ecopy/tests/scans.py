from __future__ import annotations

import io

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from motcua.dossiers import fonts


def original(pages: int) -> list[tuple[str, bytes]]:
    """A scanned original of `pages` pages (one PDF)."""
    font = fonts.register()
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4)
    for number in range(1, pages + 1):
        pdf.setFont(font, 14)
        pdf.drawString(72, 700, f"Bằng tốt nghiệp trung học phổ thông — trang {number}")
        pdf.showPage()
    pdf.save()
    return [("ban-chinh.pdf", buffer.getvalue())]
