"""Vietnamese OCR (Tesseract with the `vie` data) and the metadata proposal for the officer.

Pages are rasterised with PDFium (pypdfium2) and read by the `tesseract` program (Debian
`tesseract-ocr tesseract-ocr-vie`, installed by scripts/test.sh, scripts/demo.sh and .ci/run).
`searchable_pdf` adds a text layer with OCRmyPDF when it is installed. The proposal only
suggests: the officer confirms each field.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import shutil
import subprocess
import unicodedata
from dataclasses import asdict, dataclass
from typing import Any

from django.conf import settings
from django.utils.translation import gettext
from PIL import Image, UnidentifiedImageError
from pypdf import PdfReader, PdfWriter
from pypdf.errors import PdfReadError

RENDER_DPI = 300
MAX_PAGES = 200
OCR_TIMEOUT_SECONDS = 120


class OcrError(Exception):
    """A translated message: unreadable scan, Tesseract missing…"""


# ---------------------------------------------------------------------------------------
# Scans -> one PDF


def _image_pdf(data: bytes) -> bytes:
    try:
        image = Image.open(io.BytesIO(data))
        image.load()
    except (UnidentifiedImageError, OSError):
        raise OcrError(gettext("Tệp quét không phải PDF, JPEG hay PNG.")) from None
    if image.format not in {"JPEG", "PNG"}:
        raise OcrError(gettext("Tệp quét không phải PDF, JPEG hay PNG."))
    out = io.BytesIO()
    image.convert("RGB").save(out, format="PDF", resolution=float(image.info.get("dpi", (300, 300))[0]))
    return out.getvalue()


def scans_to_pdf(files: list[tuple[str, bytes]]) -> tuple[bytes, int]:
    """Several scans (PDF, JPEG, PNG; in order) as one PDF; returns (pdf, pages)."""
    if not files:
        raise OcrError(gettext("Chưa có tệp quét nào."))
    writer = PdfWriter()
    for _name, data in files:
        pdf = data if data.startswith(b"%PDF") else _image_pdf(data)
        try:
            reader = PdfReader(io.BytesIO(pdf))
            if reader.is_encrypted:
                raise OcrError(gettext("Tệp PDF có mật khẩu: không số hóa được."))
            for page in reader.pages:
                writer.add_page(page)
        except (PdfReadError, ValueError, OSError):
            raise OcrError(gettext("Tệp quét không phải PDF, JPEG hay PNG.")) from None
    pages = len(writer.pages)
    if pages == 0 or pages > MAX_PAGES:
        raise OcrError(gettext("Số trang không hợp lệ (từ 1 đến %(max)d).") % {"max": MAX_PAGES})
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue(), pages


# ---------------------------------------------------------------------------------------
# OCR


def tesseract_available() -> bool:
    return shutil.which("tesseract") is not None


def page_images(pdf: bytes, dpi: int = RENDER_DPI) -> list[Image.Image]:
    import pypdfium2 as pdfium

    try:
        document = pdfium.PdfDocument(pdf)
    except pdfium.PdfiumError:
        raise OcrError(gettext("Tệp quét không phải PDF, JPEG hay PNG.")) from None
    try:
        return [document[i].render(scale=dpi / 72).to_pil() for i in range(len(document))]
    finally:
        document.close()


def ocr_image(image: Image.Image, lang: str | None = None) -> str:
    """The text of one page image (Tesseract, page segmentation for a uniform block of text)."""
    if not tesseract_available():
        raise OcrError(gettext("Chưa cài Tesseract (apt-get install tesseract-ocr tesseract-ocr-vie)."))
    png = io.BytesIO()
    image.convert("L").save(png, format="PNG")
    try:
        done = subprocess.run(
            ["tesseract", "stdin", "stdout", "-l", lang or settings.MOTCUA_OCR_LANG, "--psm", "4"],
            input=png.getvalue(), capture_output=True, timeout=OCR_TIMEOUT_SECONDS, check=False,
        )
    except subprocess.TimeoutExpired:
        raise OcrError(gettext("Nhận dạng quá lâu: thử lại với bản quét nhỏ hơn.")) from None
    if done.returncode != 0:
        raise OcrError(gettext("Tesseract không đọc được trang (thiếu dữ liệu tiếng Việt?)."))
    return unicodedata.normalize("NFC", done.stdout.decode("utf-8", "replace"))


def ocr_pdf(pdf: bytes) -> str:
    """The text of every page, pages separated by a form feed."""
    return "\f".join(ocr_image(image).strip() for image in page_images(pdf))


def searchable_pdf(pdf: bytes) -> bytes | None:
    """The PDF with an invisible text layer (OCRmyPDF), or None when OCRmyPDF is unavailable."""
    try:
        import ocrmypdf
    except ImportError:
        return None
    source, target = io.BytesIO(pdf), io.BytesIO()
    try:
        ocrmypdf.ocr(source, target, language=[settings.MOTCUA_OCR_LANG], output_type="pdf",
                     skip_text=True, progress_bar=False, optimize=0)
    except Exception:  # missing helper programs on this machine: the scan stays as it is
        return None
    return target.getvalue()


# ---------------------------------------------------------------------------------------
# Metadata proposal

KNOWN_TYPES = [
    "GIẤY KHAI SINH", "TRÍCH LỤC KHAI SINH", "GIẤY CHỨNG NHẬN KẾT HÔN", "TRÍCH LỤC KẾT HÔN",
    "GIẤY CHỨNG TỬ", "TRÍCH LỤC KHAI TỬ", "GIẤY XÁC NHẬN TÌNH TRẠNG HÔN NHÂN",
    "GIẤY CHỨNG NHẬN QUYỀN SỬ DỤNG ĐẤT", "GIẤY CHỨNG NHẬN ĐĂNG KÝ DOANH NGHIỆP",
    "GIẤY CHỨNG NHẬN ĐĂNG KÝ HỘ KINH DOANH", "GIẤY PHÉP XÂY DỰNG", "GIẤY PHÉP LÁI XE",
    "CĂN CƯỚC", "CĂN CƯỚC CÔNG DÂN", "QUYẾT ĐỊNH", "GIẤY CHỨNG NHẬN", "GIẤY PHÉP", "GIẤY XÁC NHẬN",
    "CHỨNG CHỈ", "BẰNG TỐT NGHIỆP", "HỢP ĐỒNG", "VĂN BẰNG",
]
_ISSUER_START = ("ỦY BAN NHÂN DÂN", "UỶ BAN NHÂN DÂN", "UBND", "SỞ ", "CÔNG AN", "BỘ ", "TRƯỜNG ",
                 "BỆNH VIỆN", "CHI CỤC", "VĂN PHÒNG", "TRUNG TÂM", "CỤC ", "TÒA ÁN", "PHÒNG ")
_NUMBER = re.compile(r"\bSố\s*[:.]?\s*([0-9][0-9A-Za-zĐđ./\-]*)", re.IGNORECASE)
_DATE_WORDS = re.compile(r"ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})", re.IGNORECASE)
_DATE_SLASH = re.compile(r"\b(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})\b")
_ID_NUMBER = re.compile(r"(?<!\d)(\d{12})(?!\d)")


@dataclass
class Proposal:
    document_type: str = ""
    number: str = ""
    issuer: str = ""
    issue_date: dt.date | None = None
    holder_identifier: str = ""

    def as_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["issue_date"] = self.issue_date.isoformat() if self.issue_date else ""
        return data


def _date(day: str, month: str, year: str) -> dt.date | None:
    try:
        return dt.date(int(year), int(month), int(day))
    except ValueError:
        return None


def propose_metadata(text: str) -> Proposal:
    """Guess type, number, issuing body, issue date and the holder's ID number from OCR text."""
    text = unicodedata.normalize("NFC", text)
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    proposal = Proposal()
    upper_lines = [line.upper() for line in lines]
    for known in KNOWN_TYPES:  # the most specific title first
        if any(line.startswith(known) for line in upper_lines):
            proposal.document_type = known.capitalize()
            break
    if match := _NUMBER.search(text):
        proposal.number = match.group(1).rstrip(".")
    for line in lines[:8]:
        if line.upper().startswith(_ISSUER_START):
            proposal.issuer = line
            break
    if match := _DATE_WORDS.search(text):
        proposal.issue_date = _date(*match.groups())
    elif match := _DATE_SLASH.search(text):
        proposal.issue_date = _date(*match.groups())
    if match := _ID_NUMBER.search(text):
        proposal.holder_identifier = match.group(1)
    return proposal
