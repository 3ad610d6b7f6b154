"""The forms of Circular 03/2025/TT-VPCP as PDF (A5) and the tracking book as XLSX (A4).

Slips are rendered on demand from the dossier and its rows (steps, hand-overs, supplement
requests, events), so a reprint shows exactly what was recorded. Text goes through gettext
with Vietnamese msgids and is NFC-normalised (precomposed letters, as the font expects).
"""

from __future__ import annotations

import datetime as dt
import functools
import io
import unicodedata
from collections.abc import Callable, Sequence
from typing import Any, TypeVar
from urllib.parse import quote
from xml.sax.saxutils import escape

import qrcode
from django.conf import settings
from django.core import signing
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.pagesizes import A5
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Image, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from motcua.agencies.models import Agency
from motcua.dossiers import fonts
from motcua.dossiers.models import (
    Dossier,
    DossierDocument,
    DossierEvent,
    DossierStep,
    Handover,
    ResultDelivery,
    Status,
    SupplementRequest,
)
from motcua.dossiers.services import time_limit_of
from motcua.worktime.calendars import calendar_for
from motcua.worktime.core import TZ, Classification, LimitUnit, TimeLimit

# ---------------------------------------------------------------------------------------
# Text helpers


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def when(value: dt.datetime | None) -> str:
    """ "14:30 ngày 13/02/2026": the receipt slip shows times to the minute."""
    if value is None:
        return ""
    local = value.astimezone(TZ)
    return gettext("%(time)s ngày %(date)s") % {
        "time": local.strftime("%H:%M"),
        "date": local.strftime("%d/%m/%Y"),
    }


def limit_text(limit: TimeLimit) -> str:
    value = format(limit.value.normalize(), "f")
    if limit.unit == LimitUnit.WORKING_DAYS:
        return gettext("%(value)s ngày làm việc") % {"value": value}
    if limit.unit == LimitUnit.WORKING_HOURS:
        return gettext("%(value)s giờ làm việc") % {"value": value}
    if limit.unit == LimitUnit.CALENDAR_DAYS:
        return gettext("%(value)s ngày") % {"value": value}
    return gettext("Trong ngày (tiếp nhận sau 15 giờ thì trả vào ngày làm việc tiếp theo)")


def classification_label(value: Classification | None) -> str:
    labels = {
        Classification.EARLY: gettext("Trước hạn"),
        Classification.ON_TIME: gettext("Đúng hạn"),
        Classification.LATE: gettext("Quá hạn"),
    }
    return labels.get(value, "") if value else ""


def lookup_url(code: str) -> str:
    base = str(settings.MOTCUA_PUBLIC_URL).rstrip("/")
    return f"{base}/tra-cuu/?code={quote(code)}"


# The receipt's second QR code opens the satisfaction rating of the dossier (the centre floor's
# page). Codes are sequential, so the link carries the code signed, not the code alone.
RATING_SALT = "motcua.dossier-rating"


def rating_url(code: str) -> str:
    base = str(settings.MOTCUA_PUBLIC_URL).rstrip("/")
    token = signing.Signer(salt=RATING_SALT).sign(code)
    return base + reverse("centre:rate_dossier", kwargs={"token": token})


# ---------------------------------------------------------------------------------------
# Which slips exist


class SlipNotAvailable(ValueError):
    """The act a slip records has not happened (e.g. a receipt before the dossier is received)."""


# A slip exists once the act it records has happened: form 01 and the control slip from
# reception on (an online dossier in status 1 has no received time nor appointment yet).
_AVAILABLE: dict[str, Callable[[Dossier], bool]] = {
    "receipt": lambda d: d.received_at is not None,
    "supplement": lambda d: d.supplement_count > 0,
    "refusal": lambda d: d.status == Status.REFUSED,
    "apology": lambda d: d.apologized_at is not None,
    "stop": lambda d: d.status == Status.STOPPED,
    "control": lambda d: d.received_at is not None,
}


def is_available(dossier: Dossier, kind: str) -> bool:
    """Whether the slip `kind` exists for this dossier in its present state."""
    check = _AVAILABLE.get(kind)
    return check is not None and check(dossier)


def _unavailable_message(dossier: Dossier, kind: str) -> str:
    code = {"code": dossier.code}
    if kind == "receipt":
        return gettext(
            "Hồ sơ %(code)s chưa được tiếp nhận nên chưa có giấy tiếp nhận hồ sơ và hẹn trả kết quả."
        ) % code
    if kind == "control":
        return gettext(
            "Hồ sơ %(code)s chưa được tiếp nhận nên chưa có phiếu kiểm soát quá trình giải quyết."
        ) % code
    if kind == "supplement":
        return gettext("Hồ sơ %(code)s chưa có yêu cầu bổ sung, hoàn thiện hồ sơ.") % code
    if kind == "refusal":
        return gettext("Hồ sơ %(code)s không bị từ chối tiếp nhận nên không có phiếu từ chối.") % code
    if kind == "apology":
        return gettext("Hồ sơ %(code)s chưa có phiếu xin lỗi và hẹn lại ngày trả kết quả.") % code
    return gettext("Hồ sơ %(code)s không bị dừng xử lý nên không có thông báo dừng giải quyết.") % code


def _require(dossier: Dossier, kind: str) -> None:
    if not is_available(dossier, kind):
        raise SlipNotAvailable(_unavailable_message(dossier, kind))


Render = TypeVar("Render", bound=Callable[..., bytes])


def _slip(kind: str) -> Callable[[Render], Render]:
    """A dossier's slip: refused (in the asker's language) if its act did not happen, then
    written in the applicant's language (STYLE.md rule 10), whoever prints it."""

    def decorate(render: Render) -> Render:
        @functools.wraps(render)
        def wrapper(dossier: Dossier, *args: Any, **kwargs: Any) -> bytes:
            _require(dossier, kind)
            with translation.override(dossier.applicant.language or settings.LANGUAGE_CODE):
                return render(dossier, *args, **kwargs)

        return wrapper  # type: ignore[return-value]

    return decorate


# ---------------------------------------------------------------------------------------
# Layout


class _Styles:
    def __init__(self) -> None:
        font = fonts.register()
        self.normal = ParagraphStyle("normal", fontName=font, fontSize=9, leading=12)
        self.small = ParagraphStyle("small", parent=self.normal, fontSize=7, leading=9)
        self.right_small = ParagraphStyle("right_small", parent=self.small, alignment=TA_RIGHT)
        self.center = ParagraphStyle("center", parent=self.normal, alignment=TA_CENTER)
        self.center_bold = ParagraphStyle("center_bold", parent=self.center, fontName=fonts.BOLD)
        self.title = ParagraphStyle(
            "title", parent=self.center_bold, fontSize=11, leading=14, spaceBefore=6, spaceAfter=6
        )


def _p(text: str, style: ParagraphStyle) -> Paragraph:
    return Paragraph(escape(_nfc(text)).replace("\n", "<br/>"), style)


# The form numbers of the slips (REGULATIONS.md "Forms": 01 receipt … 05 control slip,
# 06 tracking book), printed at the top right as the forms require.
FORM_NUMBERS = {
    "receipt": "01",
    "supplement": "02",
    "refusal": "03",
    "apology": "04",
    "control": "05",
    "book": "06",
}


def form_label(kind: str) -> str:
    """ "Mẫu số 01" for a slip with a numbered form, "" for one without (the stop notice)."""
    number = FORM_NUMBERS.get(kind)
    return gettext("Mẫu số %(number)s") % {"number": number} if number else ""


def _form_number(kind: str, s: _Styles) -> Flowable:
    label = form_label(kind)
    return _p(label, s.right_small) if label else Spacer(1, 0)


def _top(kind: str, agency: Agency, title: str, dossier: Dossier, s: _Styles) -> list[Flowable]:
    """Form number, agency header, title and dossier code: how every slip begins."""
    return [_form_number(kind, s), _header(agency, s), _p(title, s.title), _code_line(dossier, s)]


def _header(agency: Agency, s: _Styles) -> Table:
    parent = agency.parent.name if agency.parent else ""
    left = (
        [_p(parent.upper(), s.small), _p(agency.name.upper(), s.center_bold)]
        if parent
        else [_p(agency.name.upper(), s.center_bold)]
    )
    right = [
        _p(gettext("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"), s.center_bold),
        _p(gettext("Độc lập - Tự do - Hạnh phúc"), s.center),
    ]
    table = Table([[left, right]], colWidths=[52 * mm, 72 * mm])
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP")]))
    return table


def _signatures(left: str, right: str, s: _Styles) -> Table:
    sub = gettext("(Ký và ghi rõ họ tên)")
    table = Table(
        [[[_p(left, s.center_bold), _p(sub, s.small)], [_p(right, s.center_bold), _p(sub, s.small)]]],
        colWidths=[62 * mm, 62 * mm],
    )
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("ALIGN", (0, 0), (-1, -1), "CENTER")]))
    return table


def _qr(code: str, url: str | None = None) -> Image:
    image = qrcode.make(url or lookup_url(code), box_size=4, border=1)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    buffer.seek(0)
    return Image(buffer, width=22 * mm, height=22 * mm)


def _grid(rows: Sequence[Sequence[Any]], widths: Sequence[float]) -> Table:
    # splitInRow: a cell taller than the page (a requirement quoted in full from the
    # national catalog) flows onto the next page instead of failing the whole slip.
    table = Table(list(rows), colWidths=list(widths), repeatRows=1, splitInRow=1)
    table.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.4, colors.black),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("BACKGROUND", (0, 0), (-1, 0), colors.whitesmoke),
            ]
        )
    )
    return table


def _build(title: str, story: list[Flowable], dossier: Dossier) -> bytes:
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer,
        pagesize=A5,
        leftMargin=12 * mm,
        rightMargin=12 * mm,
        topMargin=10 * mm,
        bottomMargin=10 * mm,
        title=_nfc(title),
        subject=dossier.code,
        author="motcua",
    )
    doc.build(story)
    return buffer.getvalue()


def _applicant_lines(dossier: Dossier, s: _Styles) -> list[Flowable]:
    a = dossier.applicant
    lines = [
        gettext("Ông/Bà/Tổ chức: %(name)s") % {"name": a.name},
        gettext("Số định danh cá nhân/Mã số thuế: %(id)s") % {"id": a.id_number},
        gettext("Địa chỉ: %(address)s") % {"address": a.address},
        gettext("Số điện thoại: %(phone)s   Email: %(email)s") % {"phone": a.phone, "email": a.email},
    ]
    return [_p(line, s.normal) for line in lines]


def _code_line(dossier: Dossier, s: _Styles) -> Paragraph:
    return _p(gettext("Mã hồ sơ: %(code)s") % {"code": dossier.code}, s.center_bold)


def _request_line(dossier: Dossier, s: _Styles) -> Paragraph:
    return _p(
        gettext("Nội dung yêu cầu giải quyết: %(procedure)s") % {"procedure": dossier.version.procedure.name},
        s.normal,
    )


def handed_in(dossier: Dossier) -> list[DossierDocument]:
    """The papers recorded as handed in: a row with no original nor copy was not handed in."""
    return [
        d
        for d in dossier.documents.all()
        if d.originals + d.certified_copies + d.photocopies > 0
    ]


def delivery_text(dossier: Dossier) -> str:
    """Where the applicant gets the result, as chosen at submission (form 01)."""
    if dossier.result_delivery == ResultDelivery.POST:
        address = dossier.applicant.address
        if address:
            text = gettext("Qua dịch vụ bưu chính công ích, đến địa chỉ: %(address)s")
            return text % {"address": address}
        return gettext("Qua dịch vụ bưu chính công ích")
    if dossier.result_delivery == ResultDelivery.ONLINE:
        return gettext("Trực tuyến, trên Cổng dịch vụ công")
    return gettext("Tại %(place)s") % {"place": dossier.receiving_agency.name}


def contact_phone(dossier: Dossier) -> str:
    """The phone the applicant calls: the receiving centre's, else the competent agency's, else ""."""
    for agency in (dossier.receiving_agency, dossier.competent_agency):
        if agency.phone.strip():
            return str(agency.phone.strip())
    return ""


# ---------------------------------------------------------------------------------------
# The forms


@_slip("receipt")
def receipt_pdf(dossier: Dossier) -> bytes:
    """Form 01: receipt and appointment, with a QR code to the public lookup."""
    s = _Styles()
    title = gettext("GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ")
    story: list[Flowable] = _top("receipt", dossier.receiving_agency, title, dossier, s)
    story.append(
        _p(gettext("%(agency)s tiếp nhận hồ sơ của:") % {"agency": dossier.receiving_agency.name}, s.normal)
    )
    story += _applicant_lines(dossier, s)
    story.append(_request_line(dossier, s))
    if dossier.request.strip():
        request_text = gettext("Nội dung đề nghị: %(request)s") % {"request": dossier.request.strip()}
        story.append(_p(request_text, s.normal))
    rows: list[list[Any]] = [
        [
            _p(h, s.small)
            for h in (
                gettext("TT"),
                gettext("Tên giấy tờ"),
                gettext("Bản chính"),
                gettext("Bản sao chứng thực"),
                gettext("Bản sao"),
            )
        ]
    ]
    for i, d in enumerate(handed_in(dossier), start=1):
        rows.append(
            [
                _p(str(i), s.small),
                _p(d.name, s.small),
                _p(str(d.originals), s.small),
                _p(str(d.certified_copies), s.small),
                _p(str(d.photocopies), s.small),
            ]
        )
    story += [Spacer(1, 2 * mm), _grid(rows, [8 * mm, 64 * mm, 16 * mm, 20 * mm, 16 * mm]), Spacer(1, 2 * mm)]
    limit = time_limit_of(dossier.version, dossier.channel)
    story += [
        _p(gettext("Số lượng hồ sơ: %(sets)s bộ") % {"sets": dossier.sets}, s.normal),
        _p(
            gettext("Thời gian giải quyết hồ sơ theo quy định: %(limit)s") % {"limit": limit_text(limit)},
            s.normal,
        ),
        _p(gettext("Thời gian nhận hồ sơ: %(at)s") % {"at": when(dossier.received_at)}, s.normal),
        _p(
            gettext("Thời gian trả kết quả giải quyết hồ sơ: %(at)s") % {"at": when(dossier.original_due_at)},
            s.normal,
        ),
        _p(
            gettext("Hình thức nhận kết quả: %(delivery)s") % {"delivery": delivery_text(dossier)},
            s.normal,
        ),
    ]
    phone = contact_phone(dossier)
    if phone:
        story.append(
            _p(
                gettext("Số điện thoại liên hệ: %(phone)s (%(agency)s)")
                % {"phone": phone, "agency": dossier.receiving_agency.name},
                s.normal,
            )
        )
    story.append(Spacer(1, 3 * mm))
    rate = rating_url(dossier.code)
    qr = Table(
        [
            [
                _qr(dossier.code),
                _p(gettext("Tra cứu tình trạng hồ sơ: %(url)s") % {"url": lookup_url(dossier.code)}, s.small),
            ],
            [
                _qr(dossier.code, rate),
                _p(gettext("Đánh giá mức độ hài lòng về việc tiếp nhận hồ sơ: %(url)s") % {"url": rate},
                   s.small),
            ],
        ],
        colWidths=[26 * mm, 98 * mm],
    )
    story += [
        qr,
        Spacer(1, 3 * mm),
        _signatures(gettext("NGƯỜI NỘP HỒ SƠ"), gettext("NGƯỜI TIẾP NHẬN HỒ SƠ"), s),
    ]
    return _build(title, story, dossier)


@_slip("supplement")
def supplement_pdf(dossier: Dossier, request: SupplementRequest | None = None) -> bytes:
    """Form 02: everything missing, in one written request."""
    request = request or dossier.supplement_requests.order_by("-number").first()
    if request is None:
        raise SlipNotAvailable(_unavailable_message(dossier, "supplement"))
    s = _Styles()
    title = gettext("PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ")
    story: list[Flowable] = _top("supplement", dossier.competent_agency, title, dossier, s)
    story += _applicant_lines(dossier, s)
    story.append(_request_line(dossier, s))
    story.append(_p(gettext("Ngày tiếp nhận: %(at)s") % {"at": when(dossier.received_at)}, s.normal))
    story.append(_p(gettext("Yêu cầu bổ sung, hoàn thiện hồ sơ gồm những nội dung sau:"), s.normal))
    story += [_p(f"{i}. {item}", s.normal) for i, item in enumerate(request.items, start=1)]
    story.append(_p(gettext("Lý do: %(reason)s") % {"reason": request.reason}, s.normal))
    if request.override_reason:
        story.append(
            _p(
                gettext("Lý do yêu cầu bổ sung lần %(number)s: %(reason)s")
                % {"number": request.number, "reason": request.override_reason},
                s.normal,
            )
        )
    agency = dossier.receiving_agency
    phone = contact_phone(dossier)
    if phone:
        contact = gettext("Mọi thắc mắc xin liên hệ: %(agency)s, điện thoại %(phone)s.") % {
            "agency": agency.name,
            "phone": phone,
        }
    else:  # no phone recorded for either agency: never print a placeholder
        contact = gettext("Mọi thắc mắc xin liên hệ: %(agency)s.") % {"agency": agency.name}
    story.append(_p(contact, s.normal))
    story.append(_p(gettext("Ngày yêu cầu: %(at)s") % {"at": when(request.requested_at)}, s.normal))
    story += [Spacer(1, 4 * mm), _signatures(gettext("NGƯỜI NỘP HỒ SƠ"), gettext("NGƯỜI HƯỚNG DẪN"), s)]
    return _build(title, story, dossier)


def _last_event(dossier: Dossier, action: str) -> DossierEvent | None:
    return dossier.events.filter(action=action).order_by("-seq").first()


@_slip("refusal")
def refusal_pdf(dossier: Dossier) -> bytes:
    """Form 03: refusal, with the reason."""
    s = _Styles()
    event = _last_event(dossier, "refuse")
    title = gettext("PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ")
    story: list[Flowable] = _top("refusal", dossier.receiving_agency, title, dossier, s)
    story += _applicant_lines(dossier, s)
    story.append(_request_line(dossier, s))
    story.append(
        _p(
            gettext("Cơ quan không tiếp nhận, giải quyết hồ sơ này với lý do: %(reason)s")
            % {"reason": event.reason if event else ""},
            s.normal,
        )
    )
    story.append(_p(gettext("Ngày từ chối: %(at)s") % {"at": when(dossier.refused_at)}, s.normal))
    story += [Spacer(1, 4 * mm), _signatures(gettext("NGƯỜI NỘP HỒ SƠ"), gettext("NGƯỜI TIẾP NHẬN HỒ SƠ"), s)]
    return _build(title, story, dossier)


@_slip("apology")
def apology_pdf(dossier: Dossier) -> bytes:
    """Form 04: apology and new appointment, signed by the head of the responsible agency."""
    s = _Styles()
    event = _last_event(dossier, "apologize")
    title = gettext("PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ")
    story: list[Flowable] = _top("apology", dossier.competent_agency, title, dossier, s)
    story.append(
        _p(
            gettext(
                "%(agency)s xin lỗi Ông/Bà/Tổ chức %(name)s vì hồ sơ giải quyết quá hạn so với "
                "ngày hẹn trả kết quả."
            )
            % {"agency": dossier.competent_agency.name, "name": dossier.applicant.name},
            s.normal,
        )
    )
    story.append(_request_line(dossier, s))
    story.append(
        _p(gettext("Ngày hẹn trả kết quả ban đầu: %(at)s") % {"at": when(dossier.original_due_at)}, s.normal)
    )
    story.append(
        _p(gettext("Lý do chậm trễ: %(reason)s") % {"reason": event.reason if event else ""}, s.normal)
    )
    story.append(
        _p(
            gettext("Thời gian hẹn trả kết quả mới: %(at)s") % {"at": when(dossier.new_appointment_at)},
            s.normal,
        )
    )
    story += [Spacer(1, 4 * mm), _signatures("", gettext("THỦ TRƯỞNG CƠ QUAN"), s)]
    return _build(title, story, dossier)


@_slip("stop")
def stop_notice_pdf(dossier: Dossier) -> bytes:
    """Notice that processing stops, with the reason."""
    s = _Styles()
    event = _last_event(dossier, "stop")
    title = gettext("THÔNG BÁO DỪNG GIẢI QUYẾT HỒ SƠ")
    story: list[Flowable] = _top("stop", dossier.competent_agency, title, dossier, s)
    story += _applicant_lines(dossier, s)
    story.append(_request_line(dossier, s))
    story.append(
        _p(
            gettext("Hồ sơ dừng giải quyết với lý do: %(reason)s")
            % {"reason": event.reason if event else ""},
            s.normal,
        )
    )
    story.append(_p(gettext("Thời điểm dừng: %(at)s") % {"at": when(dossier.stopped_at)}, s.normal))
    story += [Spacer(1, 4 * mm), _signatures("", gettext("THỦ TRƯỞNG CƠ QUAN"), s)]
    return _build(title, story, dossier)


def _handler(step: DossierStep | None) -> str:
    """Who handled a step: its assignee, else whoever finished it."""
    if step is None:
        return ""
    person = step.assignee or step.finished_by
    return _person(person)


def _person(user: Any) -> str:
    """An officer's full name (else the username), "" for nobody."""
    return str(user) if user is not None else ""


def control_rows(dossier: Dossier) -> list[dict[str, Any]]:
    """Every hand-over with its time, giver and receiver, and whether the step before it
    finished early, on time or late; the last row is the hand-over of the result to the
    applicant (empty until it happens)."""
    cal = calendar_for()
    steps = list(dossier.steps.select_related("assignee", "finished_by").order_by("order"))

    def receiving_step(h: Handover) -> DossierStep | None:
        after = h.from_step.order if h.from_step else 0
        return next((step for step in steps if step.order > after), None)

    returned = _last_event(dossier, "return_result") if dossier.returned_at else None
    rows = []
    handovers = dossier.handovers.select_related("from_agency", "to_agency", "giver", "receiver", "from_step")
    for h in handovers:
        classification = cal.classify(h.at, h.due_at) if h.due_at else None
        if h.kind == Handover.Kind.RECEPTION:
            # The applicant hands the dossier in; the receptionist receives it.
            giver, receiver, origin = dossier.applicant.name, _person(h.giver), dossier.applicant.name
        else:
            giver = _person(h.giver) or _handler(h.from_step)
            # Who took it over: named at the hand-over, else the handler of the next step;
            # the signed result goes to the desk officer who then returned it.
            receiver = _person(h.receiver) or _handler(receiving_step(h))
            if not receiver and h.kind == Handover.Kind.RESULT and returned is not None:
                receiver = _person(returned.actor)
            origin = h.from_agency.name if h.from_agency else ""
        rows.append(
            {
                "kind": h.kind,
                "from": origin,
                "to": h.to_agency.name if h.to_agency else "",
                "step": h.from_step.name if h.from_step else "",
                "at": h.at,
                "giver": giver,
                "receiver": receiver,
                "classification": classification,
            }
        )
    rows.append(_return_row(dossier, cal, returned))
    return rows


def _return_row(dossier: Dossier, cal: Any, event: DossierEvent | None) -> dict[str, Any]:
    """The hand-over of the result to the applicant (return_result), blank until it happens."""
    returned = dossier.returned_at
    return {
        "kind": "return",
        "from": dossier.receiving_agency.name,
        "to": dossier.applicant.name,
        "step": gettext("Trả kết quả cho tổ chức, cá nhân"),
        "at": returned,
        "giver": _person(event.actor) if event else "",
        "receiver": dossier.applicant.name if returned else "",
        "classification": cal.classify(returned, dossier.due_at) if returned and dossier.due_at else None,
    }


@_slip("control")
def control_slip_pdf(dossier: Dossier) -> bytes:
    """Form 05: the control slip of the whole process."""
    s = _Styles()
    title = gettext("PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ")
    story: list[Flowable] = _top("control", dossier.receiving_agency, title, dossier, s)
    story.append(_p(gettext("Ông/Bà/Tổ chức: %(name)s") % {"name": dossier.applicant.name}, s.normal))
    story.append(_request_line(dossier, s))
    story.append(_p(gettext("Thời gian nhận hồ sơ: %(at)s") % {"at": when(dossier.received_at)}, s.normal))
    story.append(
        _p(gettext("Thời gian trả kết quả giải quyết hồ sơ: %(at)s") % {"at": when(dossier.due_at)}, s.normal)
    )
    header = [
        gettext("Tên cơ quan, bước"),
        gettext("Thời gian giao, nhận hồ sơ"),
        gettext("Người giao"),
        gettext("Người nhận"),
        gettext("Kết quả giải quyết"),
    ]
    rows: list[list[Any]] = [[_p(h, s.small) for h in header]]
    for r in control_rows(dossier):
        route = gettext("Giao: %(from)s\nNhận: %(to)s") % {"from": r["from"] or "—", "to": r["to"] or "—"}
        if r["step"]:
            route = f"{r['step']}\n{route}"
        rows.append(
            [
                _p(route, s.small),
                _p(when(r["at"]), s.small),
                _p(r["giver"], s.small),
                _p(r["receiver"], s.small),
                _p(classification_label(r["classification"]), s.small),
            ]
        )
    story += [Spacer(1, 2 * mm), _grid(rows, [42 * mm, 24 * mm, 20 * mm, 20 * mm, 18 * mm])]
    return _build(title, story, dossier)


SLIPS = {
    "receipt": receipt_pdf,
    "supplement": supplement_pdf,
    "refusal": refusal_pdf,
    "apology": apology_pdf,
    "stop": stop_notice_pdf,
    "control": control_slip_pdf,
}


# ---------------------------------------------------------------------------------------
# Form 06: the tracking book


def tracking_book_xlsx(agency: Agency, start: dt.date, end: dt.date) -> bytes:
    """The register of an agency's dossiers received in a period, laid out for A4 landscape."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    from motcua.core.spreadsheet import xlsx_row
    from motcua.dossiers.export import dossiers_in_period

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "So theo doi"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.fitToWidth = 1
    # The title in A1, the form number at the right end of the row (column L).
    sheet.append([_nfc(gettext("SỔ THEO DÕI HỒ SƠ")), *[""] * 10, _nfc(form_label("book"))])
    sheet["A1"].font = Font(bold=True, size=14)
    sheet.append(
        [
            _nfc(
                gettext("%(agency)s, từ ngày %(start)s đến ngày %(end)s")
                % {
                    "agency": agency.name,
                    "start": start.strftime("%d/%m/%Y"),
                    "end": end.strftime("%d/%m/%Y"),
                }
            )
        ]
    )
    header = [
        gettext("STT"),
        gettext("Mã hồ sơ"),
        gettext("Thủ tục hành chính"),
        gettext("Chủ hồ sơ"),
        gettext("Cơ quan giải quyết"),
        gettext("Ngày, giờ nhận"),
        gettext("Ngày, giờ hẹn trả"),
        gettext("Chuyển hồ sơ"),
        gettext("Xử lý xong"),
        gettext("Trả kết quả"),
        gettext("Ký nhận"),
        gettext("Ghi chú"),
    ]
    sheet.append([_nfc(h) for h in header])
    for cell in sheet[3]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    dossiers = (
        dossiers_in_period(start, end, agency).select_related("applicant").prefetch_related("handovers")
    )
    for number, d in enumerate(dossiers, start=1):
        transfers = [
            h.at for h in d.handovers.all() if h.kind in (Handover.Kind.TRANSFER, Handover.Kind.STEP)
        ]
        sheet.append(xlsx_row(sheet,
            [
                number,
                d.code,
                _nfc(f"{d.version.procedure.code} {d.version.procedure.name}"),
                _nfc(d.applicant.name),
                _nfc(d.competent_agency.name),
                when(d.received_at),
                when(d.due_at),
                when(transfers[0]) if transfers else "",
                when(d.finished_at),
                when(d.returned_at),
                "",
                _nfc(d.get_status_display()),
            ]
        ))
    for column, width in zip("ABCDEFGHIJKL", [5, 28, 40, 22, 26, 16, 16, 16, 16, 16, 10, 18], strict=True):
        sheet.column_dimensions[column].width = width
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
