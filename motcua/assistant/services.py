"""The assistant: a question in, a short answer grounded in the catalog out (docs/assistant.md).

`ask()` is the one entry point of the CLI, the API, the portal panel and the desk page.
Answers are composed from the fact sheet of the catalog version in force
(`knowledge.fact_sheet`): the texts are the catalog's own words, so every fee, time limit and
count in an answer is the catalog's. When retrieval is not confident the answer says so and
points to the catalog search and the centre's hotline instead of guessing.

A conversation is a signed token that carries the procedure being discussed, so a follow-up
("còn lệ phí thì sao?") keeps it; it never carries personal data. The status of a dossier is
shown only for its code plus the applicant's ID number, or to a signed-in user whose scope
includes it — the rules of the public lookup (`motcua.portal.views.lookup`, `/api/v1/lookup`).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlencode

from django.conf import settings
from django.core import signing
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext, pgettext

from motcua.catalog.models import ChannelKind, Level, OnlineLevel
from motcua.core.text import fold
from motcua.dossiers import lookup as public_lookup

from . import intents as I
from .knowledge import FactSheet, fact_sheet, online_offered
from .retrieval import Candidate, retrieve
from .spelling import respell

CONVERSATION_SALT = "motcua.assistant.conversation"
# A conversation is forgotten after this many seconds without a question.
CONVERSATION_MAX_AGE = 2 * 60 * 60
MAX_QUESTION = 500
MAX_DOCUMENTS = 8  # for everybody
MAX_CASE_DOCUMENTS = 6  # then, only in some cases
MAX_TEXT = 260
MAX_STEPS = 700


class AssistantError(Exception):
    """A question the assistant refuses to take (empty, too long); the message is translated."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


@dataclass
class Source:
    code: str
    name: str
    field: str  # the procedure's field (lĩnh vực)
    url: str
    parts: list[str]  # which parts of the catalog record the answer quotes

    def as_dict(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "name": self.name,
            "field": self.field,
            "url": self.url,
            "parts": self.parts,
        }


@dataclass
class Answer:
    answer: str
    intent: str
    confident: bool
    sources: list[Source] = field(default_factory=list)
    intents: list[str] = field(default_factory=list)
    suggestions: list[dict[str, str]] = field(default_factory=list)
    conversation: str = ""
    # What the assistant needs to go on ("dossier_code", "id_number"): the panel asks for them.
    needs: list[str] = field(default_factory=list)
    dossier: dict[str, Any] | None = None

    def as_dict(self) -> dict[str, Any]:
        return {
            "answer": self.answer,
            "intent": self.intent,
            "intents": self.intents,
            "confident": self.confident,
            "sources": [s.as_dict() for s in self.sources],
            "suggestions": self.suggestions,
            "conversation": self.conversation,
            "needs": self.needs,
            "dossier": self.dossier,
        }


# ------------------------------------------------------------------ conversation


def _dump_conversation(procedure_code: str) -> str:
    return signing.dumps({"p": procedure_code}, salt=CONVERSATION_SALT, compress=True)


def _load_conversation(token: str | None) -> str:
    """The procedure code a conversation is about; "" when absent, expired or tampered with."""
    if not token:
        return ""
    try:
        data = signing.loads(token, salt=CONVERSATION_SALT, max_age=CONVERSATION_MAX_AGE)
    except signing.BadSignature:
        return ""
    return str(data.get("p", "")) if isinstance(data, dict) else ""


# ------------------------------------------------------------------ text helpers


def _shorten(text: str, limit: int = MAX_TEXT) -> str:
    """Cut at a word boundary, so a number is never cut in two."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0]
    return cut.rstrip(",;:") + " …"


def _procedure_url(code: str) -> str:
    return reverse("catalog:detail", kwargs={"code": code})


def hotline() -> str:
    return str(getattr(settings, "ASSISTANT_HOTLINE", "") or "")


def _not_sure(question_topic: str, candidates: list[Candidate]) -> Answer:
    search_url = reverse("catalog:index") + ("?" + urlencode({"q": question_topic}) if question_topic else "")
    lines = [
        gettext(
            "Xin lỗi, tôi chưa chắc chắn câu hỏi này thuộc thủ tục hành chính nào nên không trả lời "
            "để tránh sai sót."
        )
    ]
    lines.append(gettext("Bạn có thể tìm thủ tục trong danh mục: %(url)s") % {"url": search_url})
    number = hotline()
    if number:
        lines.append(
            gettext("hoặc gọi đường dây nóng của Trung tâm Phục vụ hành chính công: %(hotline)s.")
            % {"hotline": number}
        )
    else:
        lines.append(gettext("hoặc liên hệ đường dây nóng của Trung tâm Phục vụ hành chính công."))
    suggestions = [
        {"code": c.hit.code, "name": c.hit.name, "url": _procedure_url(c.hit.code)}
        for c in candidates[:3]
        if c.shares_word
    ]
    if suggestions:
        lines.append(gettext("Có phải bạn muốn hỏi về một trong các thủ tục sau?"))
        lines += [f"• {s['name']} ({s['code']})" for s in suggestions]
    return Answer("\n".join(lines), I.OFF_TOPIC, False, suggestions=suggestions)


# ------------------------------------------------------------------ sections of an answer


def _channel_label(kind: str) -> str:
    return str(ChannelKind(kind).label) if kind in ChannelKind.values else kind


def _copies(doc: Any) -> str:
    counts = [
        (doc.originals, pgettext("document copies", "bản chính")),
        (doc.certified_copies, pgettext("document copies", "bản sao chứng thực")),
        (doc.photocopies, pgettext("document copies", "bản sao")),
    ]
    return ", ".join(f"{n} {label}" for n, label in counts if n)


def _conditional(name: str) -> bool:
    """A document only some applicants bring: its first clause is a case ("Trường hợp trẻ em bị
    bỏ rơi …", "Văn bản ủy quyền … trong trường hợp ủy quyền …"). What follows a ";" or a "."
    and what is in brackets are alternatives and remarks ("Giấy chứng sinh; trường hợp không có
    …", "Tờ khai … (nếu nộp trực tiếp)"): the document itself is still for everybody."""
    first = re.split(r"[;.]", re.sub(r"\([^)]*\)", " ", fold(name)), maxsplit=1)[0]
    first = f" {' '.join(first.split())} "
    return first.startswith((" truong hop ", " neu ")) or " trong truong hop " in first or " neu " in first


def _documents(sheet: FactSheet) -> list[str]:
    if not sheet.documents:
        return [gettext("Danh mục không ghi thành phần hồ sơ cho thủ tục này.")]
    # What everybody brings first, then what only some cases need ("Trường hợp trẻ em bị bỏ rơi
    # …"); within each, the rows with a count before those without, then catalog order.
    ordered = sorted(
        sheet.documents,
        key=lambda d: (_conditional(d.name), not (d.originals or d.certified_copies or d.photocopies)),
    )
    lines = [gettext("Giấy tờ cần có (theo danh mục):")]
    some_cases = False
    main = [d for d in ordered if not _conditional(d.name)][:MAX_DOCUMENTS]
    cases = [d for d in ordered if _conditional(d.name)][:MAX_CASE_DOCUMENTS]
    shown = [d for d in ordered if d in main or d in cases]
    for doc in shown:
        if not some_cases and _conditional(doc.name):
            some_cases = True
            lines.append(gettext("Chỉ trong một số trường hợp:"))
        copies = _copies(doc)
        lines.append(f"• {_shorten(doc.name)}" + (f" — {copies}" if copies else ""))
    if len(ordered) > len(shown):
        lines.append(gettext("… và các giấy tờ khác trong trang thủ tục."))
    return lines


def _by_channel(sheet: FactSheet, attribute: str) -> list[tuple[str, str]]:
    """(channel labels, value) with channels that say the same thing grouped together."""
    grouped: dict[str, list[str]] = {}
    for channel in sheet.channels:
        value = getattr(channel, attribute)
        if value:
            grouped.setdefault(value, []).append(_channel_label(channel.kind))
    return [(", ".join(kinds), value) for value, kinds in grouped.items()]


def _fee(sheet: FactSheet) -> list[str]:
    rows = _by_channel(sheet, "fee")
    if not rows:
        return [gettext("Phí, lệ phí: danh mục không ghi thông tin.")]
    if len(rows) == 1:
        return [gettext("Phí, lệ phí: %(fee)s") % {"fee": _shorten(rows[0][1])}]
    return [gettext("Phí, lệ phí:")] + [f"• {kinds}: {_shorten(value)}" for kinds, value in rows]


def _time(sheet: FactSheet) -> list[str]:
    rows = _by_channel(sheet, "time_limit")
    if not rows:
        return [gettext("Thời hạn giải quyết: danh mục không ghi thông tin.")]
    if len(rows) == 1:
        return [gettext("Thời hạn giải quyết: %(limit)s") % {"limit": rows[0][1]}]
    return [gettext("Thời hạn giải quyết:")] + [f"• {kinds}: {value}" for kinds, value in rows]


def _where(sheet: FactSheet) -> list[str]:
    levels = ", ".join(str(Level(level).label) for level in sheet.levels if level in Level.values)
    lines = []
    if sheet.implementing_agency:
        lines.append(
            gettext("Cơ quan thực hiện: %(agency)s") % {"agency": _shorten(sheet.implementing_agency)}
        )
    if levels:
        lines.append(
            gettext(
                "Cấp thực hiện: %(levels)s. Bạn có thể nộp tại Trung tâm Phục vụ hành chính công "
                "bất kỳ trong tỉnh."
            )
            % {"levels": levels}
        )
    kinds = ", ".join(_channel_label(c.kind) for c in sheet.channels)
    if kinds:
        lines.append(gettext("Cách nộp: %(channels)s.") % {"channels": kinds})
    if sheet.online_level == OnlineLevel.FULL:
        lines.append(gettext("Có dịch vụ công trực tuyến toàn trình: nộp và nhận kết quả trực tuyến."))
    elif online_offered(sheet):
        lines.append(gettext("Có thể nộp hồ sơ trực tuyến trên Cổng dịch vụ công."))
    else:
        lines.append(gettext("Thủ tục này chưa cung cấp nộp trực tuyến."))
    return lines


def _steps(sheet: FactSheet) -> list[str]:
    if not sheet.steps_text:
        return [gettext("Danh mục không ghi trình tự thực hiện.")]
    return [gettext("Trình tự thực hiện (trích danh mục):"), _shorten(sheet.steps_text, MAX_STEPS)]


def _legal(sheet: FactSheet) -> list[str]:
    if not sheet.legal_bases:
        return [gettext("Danh mục không ghi căn cứ pháp lý.")]
    lines = [gettext("Căn cứ pháp lý:")]
    lines += [
        f"• {number}: {_shorten(title, 160)}" if number else f"• {_shorten(title, 160)}"
        for number, title in sheet.legal_bases[:8]
    ]
    return lines


SECTIONS = {
    I.DOCUMENTS: (_documents, "documents"),
    I.FEE: (_fee, "fee"),
    I.TIME: (_time, "time_limit"),
    I.WHERE: (_where, "channels"),
    I.STEPS: (_steps, "steps"),
    I.LEGAL: (_legal, "legal_bases"),
}
OVERVIEW_SECTIONS = (I.TIME, I.FEE, I.WHERE, I.DOCUMENTS)
# Stated in every answer about a procedure, after what was asked (`ask`).
KEY_FIGURES = (I.TIME, I.FEE)


def compose(sheet: FactSheet, asked: list[str]) -> tuple[str, list[str]]:
    """The answer's text for these intents, and the catalog parts it quotes."""
    header = gettext("Thủ tục: %(name)s (mã %(code)s), lĩnh vực %(field)s.") % {
        "name": sheet.name,
        "code": sheet.code,
        "field": sheet.field,
    }
    lines = [header]
    parts: list[str] = []
    for intent in asked:
        render, part = SECTIONS[intent]
        lines += render(sheet)
        parts.append(part)
    lines.append(gettext("Chi tiết: %(url)s") % {"url": _procedure_url(sheet.code)})
    return "\n".join(lines), parts


# ------------------------------------------------------------------ dossier status


def _when(value: dt.datetime | None) -> str:
    return date_format(timezone.localtime(value), "SHORT_DATETIME_FORMAT") if value else ""


def find_dossier(code: str, id_number: str, user: Any) -> Any:
    """The public lookup's rule: code + the applicant's ID number, or a signed-in user's own scope."""
    from motcua.dossiers.models import Dossier

    code = code.strip().upper() if code else ""
    if not code:
        return None
    if id_number and id_number.strip():
        # The public lookup itself, with its limit of wrong ID numbers per dossier code.
        found = public_lookup.find(None, code, id_number.replace(" ", ""))
        if found is not None:
            return found
    queryset = Dossier.objects.select_related("version__procedure", "applicant")
    if user is not None and getattr(user, "is_authenticated", False):
        return queryset.filter(pk__in=Dossier.objects.visible_to(user).filter(code=code).values("pk")).first()
    return None


def _status_answer(dossier: Any) -> Answer:
    from motcua.dossiers.models import Status

    lines = [
        gettext("Hồ sơ %(code)s — %(procedure)s.")
        % {"code": dossier.code, "procedure": dossier.version.procedure.name}
    ]
    lines.append(gettext("Trạng thái: %(status)s.") % {"status": Status(dossier.status).label})
    if dossier.received_at:
        lines.append(gettext("Tiếp nhận lúc: %(at)s.") % {"at": _when(dossier.received_at)})
    if dossier.new_appointment_at:
        lines.append(
            gettext("Hẹn trả kết quả (hẹn lại): %(at)s.") % {"at": _when(dossier.new_appointment_at)}
        )
    elif dossier.due_at and dossier.is_open:
        lines.append(gettext("Hẹn trả kết quả: %(at)s.") % {"at": _when(dossier.due_at)})
    if dossier.returned_at:
        lines.append(gettext("Đã trả kết quả lúc: %(at)s.") % {"at": _when(dossier.returned_at)})
    if dossier.status == Status.SUPPLEMENT_REQUESTED:
        request = dossier.supplement_requests.order_by("-number").first()
        if request is not None:
            lines.append(gettext("Cần bổ sung:"))
            lines += [f"• {item}" for item in request.items]
            lines.append(gettext("Lý do: %(reason)s") % {"reason": request.reason})
    procedure = dossier.version.procedure
    info = {
        "code": dossier.code,
        "status": dossier.status,
        "status_label": str(Status(dossier.status).label),
        "procedure_code": procedure.code,
        "procedure_name": procedure.name,
        "applicant_id_masked": dossier.applicant.masked_id,
        "received_at": dossier.received_at.isoformat() if dossier.received_at else None,
        "due_at": dossier.due_at.isoformat() if dossier.due_at else None,
        "new_appointment_at": dossier.new_appointment_at.isoformat() if dossier.new_appointment_at else None,
    }
    source = Source(
        procedure.code,
        procedure.name,
        procedure.field.name if hasattr(procedure, "field") else "",
        _procedure_url(procedure.code),
        ["dossier"],
    )
    return Answer("\n".join(lines), I.STATUS, True, sources=[source], intents=[I.STATUS], dossier=info)


def _status(analysis: I.Analysis, dossier_code: str, id_number: str, user: Any) -> Answer:
    code = dossier_code or analysis.dossier_code
    if code and (id_number or (user is not None and getattr(user, "is_authenticated", False))):
        try:
            dossier = find_dossier(code, id_number, user)
        except public_lookup.LookupLimited as limited:
            return Answer(str(limited), I.STATUS, True, intents=[I.STATUS])
        if dossier is not None:
            return _status_answer(dossier)
        # The same answer whether the code exists or the ID number is wrong (like the lookup).
        return Answer(
            gettext(
                "Không tìm thấy hồ sơ với mã hồ sơ và số định danh đã nhập. Hãy kiểm tra lại "
                "mã trên giấy tiếp nhận và số định danh của người nộp."
            ),
            I.STATUS,
            True,
            intents=[I.STATUS],
            needs=["dossier_code", "id_number"],
        )
    return Answer(
        gettext(
            "Để xem tình trạng hồ sơ, hãy cho tôi biết mã hồ sơ (in trên giấy tiếp nhận) và số "
            "định danh cá nhân hoặc mã số thuế của người nộp. Tôi không lưu số định danh."
        ),
        I.STATUS,
        True,
        intents=[I.STATUS],
        needs=["dossier_code", "id_number"],
    )


# ------------------------------------------------------------------ the entry point


def ask(
    question: str,
    *,
    conversation: str | None = None,
    dossier_code: str = "",
    id_number: str = "",
    user: Any = None,
    on: dt.date | None = None,
    officer: bool = False,
) -> Answer:
    """Answer one question (see the module docstring); `officer` adds the desk's questions."""
    question = (question or "").strip()
    if not question and not dossier_code:
        raise AssistantError("empty_question", gettext("Hãy nhập câu hỏi."))
    if len(question) > MAX_QUESTION:
        raise AssistantError(
            "question_too_long", gettext("Câu hỏi quá dài (tối đa %(max)s ký tự).") % {"max": MAX_QUESTION}
        )
    analysis = I.analyse(respell(question))
    if dossier_code or I.STATUS in analysis.intents:
        answer = _status(analysis, dossier_code, id_number, user)
        answer.conversation = conversation or ""
        return answer
    if officer:
        from .officer import officer_answer

        found = officer_answer(question, analysis.intents, user)
        if found is not None:
            return found
    asked = [i for i in analysis.intents if i in SECTIONS]
    candidates = retrieve(analysis.topic)
    context_code = _load_conversation(conversation)
    sheet: FactSheet | None = None
    # An opinion, a contact, a how-to-use: asked in a procedure's words, answered by none.
    refused = analysis.judgement or analysis.beyond
    if candidates and candidates[0].confident and not refused:
        sheet = fact_sheet(candidates[0].hit.procedure_id, on)
    elif context_code and asked and not refused and _is_follow_up(analysis, candidates):
        from motcua.catalog.models import Procedure

        procedure_id = Procedure.objects.filter(code=context_code).values_list("id", flat=True).first()
        sheet = fact_sheet(procedure_id, on) if procedure_id is not None else None
    if sheet is None:
        answer = _not_sure(analysis.topic, candidates)
        answer.conversation = conversation or ""
        return answer
    # "… thì phải làm sao / làm gì" asks what to do: the overview, then how it is done.
    shown = list(asked) or list(OVERVIEW_SECTIONS) + ([I.STEPS] if analysis.what_to_do else [])
    # The time limit and the fee are the figures everyone needs and two short lines: an answer
    # about the steps, the place or the documents states them after what was asked ("… thì làm
    # thế nào" often means "what will it take"), copied from the catalog like the rest.
    shown += [intent for intent in KEY_FIGURES if intent not in shown]
    text, parts = compose(sheet, shown)
    source = Source(sheet.code, sheet.name, sheet.field, _procedure_url(sheet.code), parts)
    # Procedures with close names (a variant at another level, "có yếu tố nước ngoài"…).
    similar = [
        {"code": c.hit.code, "name": c.hit.name, "url": _procedure_url(c.hit.code)}
        for c in candidates
        if c.hit.code != sheet.code and c.shares_word
    ][:2]
    if similar:
        text += (
            "\n"
            + gettext("Thủ tục có tên gần giống:")
            + "\n"
            + "\n".join(f"• {s['name']} ({s['code']})" for s in similar)
        )
    intent = asked[0] if asked else I.OVERVIEW
    return Answer(
        text,
        intent,
        True,
        sources=[source],
        intents=asked or [I.OVERVIEW],
        suggestions=similar,
        conversation=_dump_conversation(sheet.code),
    )


def _is_follow_up(analysis: I.Analysis, candidates: list[Candidate]) -> bool:
    """A short question with nothing of its own ("còn lệ phí thì sao?") continues the conversation."""
    words = [w for w in analysis.topic.split() if w not in {"con", "the", "sao", "nua", "thi"}]
    return len(words) <= 2 or not any(c.shares_word for c in candidates)
