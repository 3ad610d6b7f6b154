"""PDFs rendered from known Vietnamese text (Open Sans, as on the slips): tests, bench and demo."""

from __future__ import annotations

import io

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from motcua.dossiers import fonts

BIRTH_CERTIFICATE = [
    "ỦY BAN NHÂN DÂN PHƯỜNG ĐÔNG KINH",
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "Độc lập - Tự do - Hạnh phúc",
    "Số: 125/2025/KS",
    "GIẤY KHAI SINH",
    "Họ, chữ đệm, tên: Nguyễn Thị Hồng Nhung",
    "Ngày, tháng, năm sinh: 17/05/1990",
    "Giới tính: Nữ. Dân tộc: Tày. Quốc tịch: Việt Nam",
    "Nơi sinh: Bệnh viện Đa khoa tỉnh Lạng Sơn",
    "Số định danh cá nhân: 020190001234",
    "Họ, chữ đệm, tên người mẹ: Hoàng Thị Thủy",
    "Nơi cư trú: số 12, đường Lê Lợi, phường Đông Kinh",
    "Lạng Sơn, ngày 14 tháng 3 năm 2025",
    "Người ký giấy khai sinh: Trần Văn Đức",
]


def render_pdf(lines: list[str], size: int = 13) -> bytes:
    """One A4 page with the lines in Open Sans, as a scanner would see a clean print."""
    font = fonts.register()
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4)
    width, height = A4
    pdf.setFont(font, size)
    y = height - 120
    for line in lines:
        pdf.drawString(60, y, line)
        y -= size * 2
    pdf.showPage()
    pdf.save()
    return buffer.getvalue()
