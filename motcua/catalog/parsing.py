"""Parse the national catalog's flattened tables (no Django here).

The National Public Service Portal renders channels, required documents and legal
bases as HTML tables; the crawl flattened each table into one string without
separators, e.g. ``Hình thức nộpThời gianPhí, lệ phíMô tảTrực tuyến5 Ngày làm
việcMiễn phí…``. These functions cut such strings back into rows, using the
shapes the cells take (a time, a fee, a count) as the boundaries.

Every parser returns plain dataclasses; the importer turns them into models and
counts what did not parse, so that nothing is silently dropped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal

NO_INFO = "Không có thông tin"

# Mirrors motcua.catalog.models.TimeLimitUnit (and motcua.worktime's LimitUnit).
WORKING_DAYS = "working_days"
WORKING_HOURS = "working_hours"
CALENDAR_DAYS = "calendar_days"
SAME_DAY_15H = "same_day_15h"

CHANNEL_KINDS = {"Trực tiếp": "counter", "Trực tuyến": "online", "Dịch vụ bưu chính": "postal"}
CHANNEL_HEADER = "Hình thức nộpThời gianPhí, lệ phíMô tả"

_UNIT_WORDS = r"Ngày làm việc|Ngày|Giờ làm việc|Giờ|Tháng|Tuần|Năm"
_CURRENCY = r"Việt Nam Đồng|VNĐ|VND|Đồng|đồng|USD"
_TIME_CELL = re.compile(rf"(?P<num>\d+(?:[.,]\d+)?)(?:\s*(?P<unit>{_UNIT_WORDS}))?")
_FEE_CELL = re.compile(rf"(?P<amount>\d[\d.,]*)\s*(?P<currency>{_CURRENCY})")
_NO_LIMIT_CELLS = ("Không có thông tin", "Không quy định", "Không phải trả kết quả")
# A channel name starts a row only when a time or fee cell follows at once; the
# same words inside a description ("Trực tiếp tại Bộ phận Một cửa") are followed
# by a space or a colon.
_ROW_START = re.compile(
    r"(Trực tiếp|Trực tuyến|Dịch vụ bưu chính)(?=\d|Không|Miễn phí|Trong ngày|Ngay trong ngày)"
)
_SAME_DAY_15H_TEXT = re.compile(r"(sau|trước)\s*15\s*(giờ|h\b)", re.IGNORECASE)
_SAME_DAY_CELL = re.compile(r"^(ngay\s+)?trong\s+ngày", re.IGNORECASE)
_AMOUNT_IN_TEXT = re.compile(r"(\d{1,3}(?:[.,]\d{3})+|\d+)\s*(?:đồng|Đồng|đ\b|VNĐ|vnđ|VND)")


@dataclass
class TimeLimit:
    value: Decimal | None
    unit: str  # "" when none
    text: str
    stated: bool  # the record gave something other than "no information"
    inferred: str = ""  # why a unit was assumed (bare number, month → days, law)

    @property
    def parsed(self) -> bool:
        return self.value is not None and bool(self.unit)


@dataclass
class Fee:
    amount: int | None  # in đồng; 0 = free; None = not a single stated amount
    text: str
    stated: bool

    @property
    def parsed(self) -> bool:
        return self.amount is not None


@dataclass
class ChannelRow:
    kind: str
    time_limit: TimeLimit
    fee: Fee
    description: str
    raw: str


@dataclass
class RequirementRow:
    order: int
    case: str
    name: str
    originals: int
    certified_copies: int
    photocopies: int
    form_name: str


@dataclass
class LegalBasisRow:
    order: int
    number: str
    title: str
    issued: str = ""
    issuer: str = ""


@dataclass
class ParsedTable:
    """Rows plus what was left over: `ok` is False when some text could not be placed."""

    rows: list = field(default_factory=list)
    ok: bool = True
    problems: list[str] = field(default_factory=list)


# ---------------------------------------------------------------- levels

_LEVELS = {"Cấp bộ": "ministry", "Cấp tỉnh": "province", "Cấp xã": "commune",
           "Cơ quan khác": "other", "Cấp huyện": "commune"}


def parse_levels(text: str) -> set[str]:
    """`Cấp bộ, Cấp tỉnh` → {"ministry", "province"}.

    District-level procedures moved to the commune level on 1 July 2025
    (two-level local government), so an old "Cấp huyện" counts as commune.
    """
    found = set()
    for part in re.split(r"[,;]", text or ""):
        level = _LEVELS.get(" ".join(part.split()).capitalize() if part.strip() else "")
        if level is None:
            level = next((v for k, v in _LEVELS.items() if k.lower() == part.strip().lower()), None)
        if level:
            found.add(level)
    return found


# ---------------------------------------------------------------- time limits

def _number(text: str) -> Decimal:
    return Decimal(text.replace(",", "."))


def parse_time_cell(cell: str) -> TimeLimit:
    """One "Thời gian" cell: `5 Ngày làm việc`, `30 Ngày`, `4 Tháng`, `8 Giờ`, a bare `1`,
    `Không có thông tin`, `Trong ngày`.

    Units: Ngày làm việc → working days; Ngày → calendar days; Giờ → working hours;
    Tuần/Tháng/Năm → calendar days (7/30/365 per unit, since the worktime module
    counts days, not months); a bare number → working days, the portal's default unit.
    """
    text = " ".join(cell.split())
    if not text or text.startswith(_NO_LIMIT_CELLS) or text in ("Không", "0"):
        return TimeLimit(None, "", text, stated=False)
    if _SAME_DAY_CELL.match(text):
        return TimeLimit(Decimal(1), SAME_DAY_15H, text, stated=True)
    match = _TIME_CELL.fullmatch(text)
    if not match:
        return TimeLimit(None, "", text, stated=True)
    value = _number(match["num"])
    unit_word = (match["unit"] or "").lower()
    if value <= 0:
        return TimeLimit(None, "", text, stated=True)
    if unit_word == "ngày làm việc":
        return TimeLimit(value, WORKING_DAYS, text, stated=True)
    if unit_word == "ngày":
        return TimeLimit(value, CALENDAR_DAYS, text, stated=True)
    if unit_word in ("giờ", "giờ làm việc"):
        return TimeLimit(value, WORKING_HOURS, text, stated=True)
    if unit_word in ("tuần", "tháng", "năm"):
        days = {"tuần": 7, "tháng": 30, "năm": 365}[unit_word]
        return TimeLimit(value * days, CALENDAR_DAYS, text, stated=True, inferred="calendar_conversion")
    return TimeLimit(value, WORKING_DAYS, text, stated=True, inferred="bare_number")


def mentions_15h_rule(text: str) -> bool:
    """True when a text states the same-day rule with the 15:00 cut-off."""
    return bool(_SAME_DAY_15H_TEXT.search(text or "")) and "ngày" in (text or "")


def apply_same_day_rule(limit: TimeLimit, context: str, law_says_same_day: bool = False) -> TimeLimit:
    """Turn a missing or one-day limit into the same-day/15:00 rule where the text says so.

    The rule (e.g. Decree 23/2015 art. 21 for certification, Law on Civil Status for
    birth registration) belongs to certain procedures only: it applies when the
    record's own text mentions the 15:00 cut-off, or when the caller knows the law
    prescribes it, and the stated limit is absent or a single day.
    """
    one_day = limit.value == 1 and limit.unit in (WORKING_DAYS, CALENDAR_DAYS)
    if limit.unit == SAME_DAY_15H:
        return limit
    if (limit.value is None and not limit.stated) or one_day:
        if mentions_15h_rule(context) or law_says_same_day:
            return TimeLimit(Decimal(1), SAME_DAY_15H, limit.text, stated=limit.stated,
                             inferred="same_day_text" if mentions_15h_rule(context) else "law")
    return limit


# ---------------------------------------------------------------- fees

def _amount(text: str) -> int:
    return int(re.sub(r"[.,]", "", text))


def _amounts_in(text: str) -> set[int]:
    return {_amount(m[1]) for m in _AMOUNT_IN_TEXT.finditer(text or "")}


def _balanced_parenthesis(text: str, start: int) -> int:
    """Index just after the parenthesis group opening at `start` (or len(text) if unbalanced)."""
    depth = 0
    for i in range(start, len(text)):
        if text[i] == "(":
            depth += 1
        elif text[i] == ")":
            depth -= 1
            if depth == 0:
                return i + 1
    return len(text)


# Notes that confirm a free cell: "(Không)", "(Không có)", "(Không thu lệ phí)", "(Miễn phí.)".
_NOTHING_TO_PAY = re.compile(r"(?i)không( có| quy định| thu( phí| lệ phí| phí, lệ phí)?)?\.?|miễn phí\.?|")


def parse_fee_cell(cell: str, note: str = "") -> Fee:
    """One "Phí, lệ phí" cell plus its parenthesised note.

    `Miễn phí` alone is free (0). `2,000 Việt Nam Đồng` is 2 000 đồng; amounts below
    1 000 đồng do not exist in the fee schedules, so the portal's `20 VNĐ` next to
    a note "20.000 đồng" is read in thousands. USD fees keep the text only. A note
    stating exactly one amount (`Lệ phí : 135.000 Đồng`) gives that amount.
    """
    text = " ".join(f"{cell}{note}".split())
    cell = cell.strip()
    if not cell or cell == NO_INFO:
        amounts = _amounts_in(note)
        if len(amounts) == 1:
            return Fee(amounts.pop(), text, stated=True)
        return Fee(None, text, stated=bool(note.strip("() ")))
    match = _FEE_CELL.fullmatch(cell)
    if match:
        if match["currency"] == "USD":
            return Fee(None, text, stated=True)
        amount = _amount(match["amount"])
        if 0 < amount < 1000:
            amount *= 1000
        return Fee(amount, text, stated=True)
    if cell.startswith("Miễn phí"):
        inner = note.strip("() ").strip()
        if not inner or _NOTHING_TO_PAY.fullmatch(inner):
            return Fee(0, text, stated=True)
        amounts = _amounts_in(inner)
        if len(amounts) == 1:
            return Fee(amounts.pop(), text, stated=True)
        if not amounts and inner.lower().startswith("miễn"):
            return Fee(0, text, stated=True)  # "Miễn lệ phí …": an exemption, still free
        return Fee(None, text, stated=True)
    amounts = _amounts_in(text)
    if len(amounts) == 1:
        return Fee(amounts.pop(), text, stated=True)
    return Fee(None, text, stated=True)


# ---------------------------------------------------------------- channels

# A fee cell: "Miễn phí", "135,000 Việt Nam Đồng", or written out ("Lệ phí : 135.000 Đồng").
_FEE_START = re.compile(
    rf"Miễn phí|{NO_INFO}|(?:(?:Lệ phí|Phí)\s*:\s*)?\d[\d.,]*\s*(?:{_CURRENCY})"
)
_TIME_START = re.compile(
    rf"(?P<time>{NO_INFO}|Không quy định|Không phải trả kết quả[^A-ZĐ]*?(?=Miễn phí|{NO_INFO}|\d)"
    rf"|Không(?={NO_INFO}|Miễn phí)|(?:Ngay )?[Tt]rong ngày(?: làm việc)?"
    rf"|\d+(?:[.,]\d+)?(?: ?(?:{_UNIT_WORDS}))?)"
)


def _split_glued_time_and_fee(digits: str, note: str) -> tuple[str, str]:
    """`1100,000 VNĐ` has no time unit: the time `1` and the fee `100,000` were glued.

    Prefer the split whose fee (as is, or in thousands) appears in the note; otherwise
    the time is the first digit (bare times are almost always one digit).
    """
    known = _amounts_in(note)
    for i in range(1, len(digits)):
        head, tail = digits[:i], digits[i:]
        if tail[0] in ",." or not head.isdigit():
            continue
        fee = _amount(tail)
        if fee and (fee in known or fee * 1000 in known):
            return head, tail
    return digits[:1], digits[1:]


def _parse_row(kind: str, body: str, raw: str) -> ChannelRow:
    time_text = ""
    rest = body
    glued = re.match(rf"(\d[\d.,]*)\s*({_CURRENCY})", body)
    if glued and not re.match(rf"\d+(?:[.,]\d+)? ?(?:{_UNIT_WORDS})", body):
        # No time unit and digits run straight into a currency: a bare time glued to the fee.
        after = body[glued.end():]
        note = after[: _balanced_parenthesis(after, 0)] if after.startswith("(") else ""
        time_text, fee_digits = _split_glued_time_and_fee(glued[1], note)
        rest = f"{fee_digits} {glued[2]}{after}"
    else:
        match = _TIME_START.match(body)
        if match:
            time_text = match["time"]
            rest = body[match.end():]
    fee_cell, note, description = "", "", rest
    fee_match = _FEE_START.match(rest)
    if fee_match:
        fee_cell = fee_match.group(0)
        after = rest[fee_match.end():]
        if after.startswith("("):
            end = _balanced_parenthesis(after, 0)
            note, description = after[:end], after[end:]
        else:
            description = after
    limit = parse_time_cell(time_text)
    fee = parse_fee_cell(fee_cell, note)
    return ChannelRow(kind, limit, fee, description.strip(), raw)


def parse_channels(text: str) -> ParsedTable:
    """Cut `cach_thuc_thuc_hien` into channel rows (kind, time limit, fee, description)."""
    table = ParsedTable()
    body = (text or "").strip()
    if body.startswith(CHANNEL_HEADER):
        body = body[len(CHANNEL_HEADER):]
    if not body or body == NO_INFO:
        return table
    starts = list(_ROW_START.finditer(body))
    if not starts:
        table.ok = False
        table.problems.append("no channel row")
        return table
    if starts[0].start() > 0:
        table.problems.append("text before the first channel")
    for i, start in enumerate(starts):
        end = starts[i + 1].start() if i + 1 < len(starts) else len(body)
        raw = body[start.start():end]
        table.rows.append(_parse_row(CHANNEL_KINDS[start[1]], body[start.end():end], raw))
    return table


# ---------------------------------------------------------------- required documents

_DOC_HEADER = "Tên giấy tờMẫu đơn, tờ khaiSố lượng"
# Count cells are never zero-padded ("01 bản chính" inside a name is prose, not a cell).
_COUNT = re.compile(r"(?<!\d)(?:(0|[1-9]\d*) bản chính(?:,(0|[1-9]\d*) bản sao)?|(0|[1-9]\d*) bản sao)")
_BULLET_AFTER = re.compile(r"\s*(?:$|[-+*•])")
# A list marker glued to the count: "…1 bản chínhb) Đối với…", "…1 bản saođ) …".
_CASE_MARKER = re.compile(r"[^\W\d_]{1,2}\)")


def _ends_a_cell(text: str, end: int) -> bool:
    """True when the count that ends at `end` is a table cell, not prose ("nộp 1 bản chính của…").

    A cell is glued to what follows: the next document's name (a capital, including Đ, Ả, Ủ…,
    a digit, a quote), a note in parentheses, a list marker ("b)"), a bullet, or the end; a
    lower-case word, a space or a full stop after it mean prose.
    """
    if _BULLET_AFTER.match(text, end):
        return True
    following = text[end:end + 1]
    if following.isupper() or (following and not following.isalpha() and following not in " \t\n,;.)"):
        return True
    return bool(_CASE_MARKER.match(text, end))
_FORM_FILE = re.compile(r"\.(?:docx?|pdf|xlsx?|rtf|odt|zip)$", re.IGNORECASE)
_FORM_START = re.compile(
    r"(?<![\s(/])"
    r"(?=(?:Mẫu|Mau|Phụ lục|Phu luc|PL|Ms|TK|Biểu mẫu|Bieu mau|Tờ khai|Don|Đơn|Mẫu số)[\s\d._\-A-Z])"
)
_CERTIFIED_HINT = re.compile(r"chứng thực|công chứng|sao y|cấp từ sổ gốc", re.IGNORECASE)


def _split_form(name: str) -> tuple[str, str]:
    """`…luật nước ngoàiMẫu TP-LS-26-sđ.docx` → (`…luật nước ngoài`, `Mẫu TP-LS-26-sđ.docx`)."""
    if not _FORM_FILE.search(name):
        return name, ""
    starts = [m.start() for m in _FORM_START.finditer(name)]
    if starts:
        cut = starts[-1]
    else:
        # Fall back to the last place where a word is glued to the previous one
        # ("…theo mẫuTK1.docx"), else the last space-free token.
        camel = [m.end() - 1 for m in re.finditer(r"[a-zà-ỹ.;:)”][A-ZĐÀ-Ỹ0-9]", name)]
        cut = camel[-1] if camel else name.rfind(" ") + 1
    return name[:cut].strip(), name[cut:].strip()


def parse_requirements(text: str) -> ParsedTable:
    """Cut `thanh_phan_ho_so` into documents with their counts and form file names.

    Sections start with a case title followed by the header `Tên giấy tờMẫu đơn, tờ
    khaiSố lượng` (`--` means no case). Each document ends with its count cell,
    `1 bản chính`, `0 bản chính,1 bản sao` or `1 bản sao`. The portal has one copy
    column; a copy is counted as certified when the document's name asks for
    certification (chứng thực, sao y, cấp từ sổ gốc), otherwise as a photocopy.
    """
    table = ParsedTable()
    body = (text or "").strip()
    if not body or body == NO_INFO:
        return table
    sections = body.split(_DOC_HEADER)
    if len(sections) == 1:
        table.ok = False
        table.problems.append("no document table")
        return table
    order = 0
    case = sections[0]
    for index, section in enumerate(sections[1:], start=1):
        case_title = " ".join(case.strip().strip("-").split())
        pos = 0
        counts = [m for m in _COUNT.finditer(section) if _ends_a_cell(section, m.end())]
        for match in counts:
            raw_name = section[pos:match.start()]
            pos = match.end()
            name, form = _split_form(" ".join(raw_name.split()).strip(" -+;"))
            if not name and not form:
                continue
            originals = int(match[1] or 0)
            copies = int(match[2] or match[3] or 0)
            certified = copies if _CERTIFIED_HINT.search(name) else 0
            order += 1
            table.rows.append(RequirementRow(order, case_title[:1000], name or form, originals,
                                             certified, copies - certified, form[:500]))
        leftover = section[pos:]
        if index < len(sections) - 1:
            # What follows the last count is the next section's case title.
            case = leftover if counts else f"{case_title} {leftover}"
        elif leftover.strip().startswith("(") and table.rows:
            # A note in parentheses after the last count belongs to the last document.
            table.rows[-1].name = f"{table.rows[-1].name} {' '.join(leftover.split())}"
        elif leftover.strip(" -\t\n"):
            table.ok = False
            table.problems.append(f"text after the last count: {leftover.strip()[:80]}")
    return table


# ---------------------------------------------------------------- legal bases

_LEGAL_HEADER = "Tên văn bản pháp lýMã văn bản"
# A number cell (85/2019/TT-BTC, 60/2014/QH13, 290/2005/QĐ-TTg, 66.7/2025/NQ-CP, 24/2024),
# taken greedily; where it ends is decided by `_number_end`.
_NUMBER_TOKEN = re.compile(r"(?<![\d/])(?<!\d\.)\d+[a-z]?(?:\.\d+)?/\d{4}(?:/(?:[A-ZĐ0-9_]|-\s?|(?<=T)g)+)?")


def _number_end(body: str, start: int, token: str) -> tuple[str, int] | None:
    """Where a number cell ends, or None when the number is only mentioned inside a title.

    The cell is glued to what follows: the same number again (the title was the number
    itself), the next title (`…TT-BTCNghị định…`: give back the capital that starts it),
    or the end of the text.
    """
    for k in range(len(token) - 1, token.index("/") + 5, -1):
        if body.startswith(token[:k], start + k) and token[k - 1] not in "-/":
            return token[:k], start + 2 * k
    end = start + len(token)
    after = body[end:end + 1]
    if not after or not body[end:].strip(" \t\n;.,"):
        return token.rstrip("- "), len(body)
    if after.isalpha() and after.islower() and token[-1].isupper() and len(token) > 1:
        return token[:-1].rstrip("- "), end - 1
    if after.isalpha() and after.isupper():
        return token.rstrip("- "), end
    return None


_DATE = r"ngày\s*(\d{1,2})\s*(?:/|tháng\s*)(\d{1,2})\s*(?:/|năm\s*)(\d{4})"
_ISSUERS = [
    ("QH", "Quốc hội"), ("UBTVQH", "Ủy ban Thường vụ Quốc hội"), ("NĐ-CP", "Chính phủ"),
    ("NQ-CP", "Chính phủ"), ("QĐ-TTg", "Thủ tướng Chính phủ"), ("TT-BTC", "Bộ Tài chính"),
    ("TT-BTP", "Bộ Tư pháp"), ("TT-BCA", "Bộ Công an"), ("TT-NHNN", "Ngân hàng Nhà nước Việt Nam"),
    ("TT-BXD", "Bộ Xây dựng"), ("TT-BNNMT", "Bộ Nông nghiệp và Môi trường"),
    ("TT-BTNMT", "Bộ Tài nguyên và Môi trường"), ("TT-BGTVT", "Bộ Giao thông vận tải"),
    ("TT-BYT", "Bộ Y tế"), ("TT-BGDĐT", "Bộ Giáo dục và Đào tạo"), ("TT-BCT", "Bộ Công Thương"),
    ("TT-BNV", "Bộ Nội vụ"), ("TT-BLĐTBXH", "Bộ Lao động - Thương binh và Xã hội"),
    ("TT-BVHTTDL", "Bộ Văn hóa, Thể thao và Du lịch"), ("TT-BQP", "Bộ Quốc phòng"),
    ("TT-VPCP", "Văn phòng Chính phủ"), ("TT-BKHCN", "Bộ Khoa học và Công nghệ"),
    ("TT-BNG", "Bộ Ngoại giao"), ("TTLT", "Liên tịch"),
]


def _issued(title: str, number: str) -> str:
    """The date written right after the document's own number ("123/2015/NĐ-CP ngày 15/11/2015")."""
    match = re.search(re.escape(number) + r"\s*,?\s*" + _DATE, title)
    return f"{int(match[1]):02d}/{int(match[2]):02d}/{match[3]}" if match else ""


def issuer_from_number(number: str) -> str:
    suffix = number.split("/")[-1]
    for code, issuer in _ISSUERS:
        if suffix.startswith(code) or (code == "QH" and re.fullmatch(r"QH\d+", suffix)):
            return issuer
    return ""


def parse_legal_bases(text: str) -> ParsedTable:
    """Cut `can_cu_phap_ly` into (title, number) pairs: `<title><number><title><number>…`."""
    table = ParsedTable()
    body = (text or "").strip()
    if body.startswith(_LEGAL_HEADER):
        body = body[len(_LEGAL_HEADER):]
    if not body or body == NO_INFO:
        return table
    pos = 0
    order = 0
    for match in _NUMBER_TOKEN.finditer(body):
        if match.start() < pos:
            continue
        found = _number_end(body, match.start(), match.group(0))
        if found is None:
            continue
        number, end = found
        title = " ".join(body[pos:match.start()].split()).strip(" ;,.")
        if end == match.start() + 2 * len(number):
            # "Thông tư 12/2016/TT-NHNN12/2016/TT-NHNN": the title ends with its own number.
            title = f"{title} {number}".strip()
        pos = end
        if not title:
            continue
        order += 1
        table.rows.append(LegalBasisRow(order, number[:200], title, issued=_issued(title, number),
                                        issuer=issuer_from_number(number)))
    leftover = " ".join(body[pos:].split()).strip(" ;,.")
    if leftover:
        # A last title without a number cell: keep it, but say it was incomplete.
        order += 1
        table.rows.append(LegalBasisRow(order, "", leftover))
        table.ok = False
        table.problems.append(f"title without number: {leftover[:80]}")
    if not table.rows:
        table.ok = False
    return table


# ---------------------------------------------------------------- results

# The page's "Kết quả" table: `<name>Mã: <code>` per result, then `Từ khóa…Mô tả…`, then the
# portal's own widgets ("Chọn cơ quan thực hiện… Nộp hồ sơ"), which the crawl kept as text.
_RESULT_CODE_LABEL = re.compile(r"Mã:\s*")
_CODE_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_.-")
_PORTAL_WIDGETS = "Chọn cơ quan thực hiện"


@dataclass
class ResultRow:
    name: str
    code: str


@dataclass
class Results:
    """What the applicant receives, with the national result codes, plus the page's description."""

    rows: list[ResultRow] = field(default_factory=list)
    keywords: str = ""
    description: str = ""
    ok: bool = True

    def as_text(self) -> str:
        """One result per line (`Giấy khai sinh (KQ.G15.000031)`), then the description if any."""
        lines = [f"{row.name} ({row.code})" if row.code else row.name for row in self.rows]
        if self.description:
            lines.append(self.description)
        return "\n".join(lines)


def _info(text: str) -> str:
    value = " ".join(text.split()).strip(" -;,")
    return "" if value.rstrip(".") in ("", NO_INFO) else value


def _result_code_end(text: str, start: int) -> int | None:
    """End of the code token at `start` (KQ.G15.000031, 000.00.00.G12-KQ0001, VBTT, or a test code
    the portal left in, like "dsfas"): the next name is glued to it, so the code stops at a
    capitalised word ("…000031Từ khóa"), at a letter after its digits ("…000031văn", "…246...văn"), at
    anything that is not a letter ("+ Văn bản…", a space, the end). None if it is prose."""
    i = start
    while i < len(text):
        char = text[i]
        if i > start and char.isalpha() and (
            (char.isupper() and i + 1 < len(text) and text[i + 1].islower())
            or text[i - 1].isdigit()
            or (char.islower() and text[start:i].rstrip(".-")[-1:].isdigit())  # "…000246...văn bản"
        ):
            return i
        if char not in _CODE_CHARS:
            return i if i > start and not char.isalpha() else None
        i += 1
    return i if i > start else None


def parse_results(text: str) -> Results:
    """Cut `ket_qua_xu_ly` into results (name, code), keywords and description; drop the widgets."""
    body = (text or "").strip()
    widgets = body.find(_PORTAL_WIDGETS)
    if widgets >= 0:
        body = body[:widgets]
    found = Results()
    keywords_at = body.rfind("Từ khóa")
    if keywords_at >= 0:
        tail = body[keywords_at + len("Từ khóa"):]
        keywords, _, description = tail.partition("Mô tả")
        found.keywords, found.description = _info(keywords), _info(description)
        body = body[:keywords_at]
    pos = 0
    for label in _RESULT_CODE_LABEL.finditer(body):
        if label.start() < pos:
            continue
        code_end = _result_code_end(body, label.end())
        if code_end is None:
            continue  # "Mã: Chưa xác định": not a code, the words stay in the text
        name = " ".join(body[pos:label.start()].split()).strip(" -+;,")
        code = body[label.end():code_end].strip(".-")
        pos = code_end
        if name:
            found.rows.append(ResultRow(name, code))
        elif found.rows:  # a second code for the same result
            found.rows[-1].code = f"{found.rows[-1].code}, {code}"
    leftover = _info(body[pos:])
    if leftover and leftover != NO_INFO:
        # A result without a code (or a text the portal did not structure): keep it as written.
        found.rows.append(ResultRow(leftover, ""))
    found.ok = all(row.code for row in found.rows)
    return found


# ---------------------------------------------------------------- the rest

def online_level(channels: list[ChannelRow], text: str) -> str:
    """full / partial / none (Decree 42/2022): online offered, and "toàn trình" stated or not."""
    if not any(row.kind == "online" for row in channels):
        return "none"
    return "full" if re.search(r"toàn trình", text or "", re.IGNORECASE) else "partial"


def clean_text(text: str | None) -> str:
    """A free-text field, with `Không có thông tin` meaning empty."""
    value = (text or "").strip()
    return "" if value == NO_INFO else value
