"""Read the Government's conversion table of commune-level units (1 July 2025) into a plan.

No database access here: `read_conversion_table` turns the CSV into a `Plan` (the units and
successions the file describes, plus every problem found), and `motcua.geography.importer`
writes a plan to the database. The built-in demo dataset builds the same `Plan` from JSON.

The file's layout and quirks (see docs/geography.md):

* two header rows, then one row per (new unit, old unit) pair; rows of one new province are
  preceded by a section row holding only the province name in capitals;
* names with stray spaces, new lines, decomposed Unicode (NFD), lower-case or misspelt
  prefixes ("xã", "Xa", "Thi trấn", "Thị Xã");
* notes with typos and qualifiers ("Nhâp một phần diện tích", "Nhập một phần diện tích,
  toàn bộ dân số"), renames ("Đổi tên"), changes of type ("Đổi loại hình") and special zones
  made from a whole district ("Sắp xếp toàn bộ huyện Côn Đảo thành đặc khu Côn Đảo", with no
  old commune at all);
* an old commune split between several new units appears on several rows ("Nhập một phần");
* codes are reused across the date: a new unit often takes the code of one of its old units,
  and new provinces take the code of one of their old provinces (Đồng Tháp 82 was Tiền Giang 82);
* a few contradictions: one old code given to two different communes, a district listed under
  two provinces, a province code given with another province's name. The majority (or the
  first row) wins and the others are reported, never silently merged.
"""

from __future__ import annotations

import csv
import datetime as dt
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from django.utils.translation import gettext as _

from motcua.core.text import clean, fold

REFORM_DATE = dt.date(2025, 7, 1)
LAST_DAY_BEFORE_REFORM = REFORM_DATE - dt.timedelta(days=1)

PROVINCE = "province"
DISTRICT = "district"
TOWNSHIP = "township"
COMMUNE = "commune"
WARD = "ward"
SPECIAL_ZONE = "special_zone"

WHOLE = "whole"
PARTIAL = "partial"
UNCHANGED = "unchanged"

# (code, level, valid_from): codes are reused over time, so a unit is named by all three.
Key = tuple[str, str, dt.date | None]

# Name prefixes, longest first; matched on the folded name so that "xã", "Xa" and "XÃ" agree.
# (folded prefix, canonical spelling, level)
PREFIXES: tuple[tuple[str, str, str], ...] = (
    ("thanh pho", "Thành phố", DISTRICT),
    ("thi tran", "Thị trấn", TOWNSHIP),
    ("thi xa", "Thị xã", DISTRICT),
    ("dac khu", "Đặc khu", SPECIAL_ZONE),
    ("phuong", "Phường", WARD),
    ("huyen", "Huyện", DISTRICT),
    ("quan", "Quận", DISTRICT),
    ("tinh", "Tỉnh", PROVINCE),
    ("xa", "Xã", COMMUNE),
)
NEW_UNIT_LEVELS = (COMMUNE, WARD, SPECIAL_ZONE)
OLD_UNIT_LEVELS = (COMMUNE, WARD, TOWNSHIP)

# The second header row, folded; the ninth column is always empty.
EXPECTED_HEADER = (
    "tinh, thanh pho", "ten xa moi", "ma xa moi", "ten xa cu", "ma xa cu", "ghi chu",
    "quan/huyen", "tinh cu",
)
COLUMNS = len(EXPECTED_HEADER)

_QUALIFIERS = r"(?:\s*,?\s*(?:toan bo |mot phan )?(?:dien tich|dan so))*"
_RENAME = r"(?:doi ten|doi loai hinh)(?:\s*,\s*(?:doi ten|doi loai hinh))*"
# Folded note -> kind. "Nhâp" folds to "nhap", so that typo needs no rule of its own.
NOTE_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(rf"nhap toan bo{_QUALIFIERS}"), WHOLE),
    (re.compile(rf"nhap mot phan{_QUALIFIERS}"), PARTIAL),
    (re.compile(r"giu nguyen"), UNCHANGED),
    (re.compile(_RENAME), WHOLE),
    (re.compile(rf"{_RENAME} tu mot phan .+"), PARTIAL),
    (re.compile(r"phan con lai sau khi tach mot phan .+"), PARTIAL),
    (re.compile(r"sap xep toan bo (?:huyen|xa) .+ thanh dac khu .+"), WHOLE),
)
# A special zone made of a whole district has no old commune: the district is the predecessor.
_WHOLE_DISTRICT_NOTE = re.compile(r"sap xep toan bo huyen .+ thanh dac khu .+")
_NAME_AND_CODE = re.compile(r"^(.*?)\s*\(\s*(\d+)\s*\)$")
_COMMUNE_CODE = re.compile(r"^\d{5}$")


@dataclass
class UnitSpec:
    code: str
    name: str
    level: str
    valid_from: dt.date | None
    valid_to: dt.date | None
    parent: Key | None

    @property
    def key(self) -> Key:
        return (self.code, self.level, self.valid_from)


@dataclass(frozen=True)
class SuccessionSpec:
    predecessor: Key
    successor: Key
    kind: str
    note: str = ""
    effective: dt.date = REFORM_DATE


@dataclass(frozen=True)
class Problem:
    line: int
    message: str

    def __str__(self) -> str:
        return _("dòng %(line)s: %(message)s") % {"line": self.line, "message": self.message}


@dataclass
class Plan:
    """What a conversion table (or the demo fixture) says the geography is."""

    units: dict[Key, UnitSpec] = field(default_factory=dict)
    successions: dict[tuple[Key, Key], SuccessionSpec] = field(default_factory=dict)
    errors: list[Problem] = field(default_factory=list)
    skipped: list[Problem] = field(default_factory=list)
    corrections: list[Problem] = field(default_factory=list)
    rows: int = 0
    tidied_names: int = 0

    def add_unit(self, spec: UnitSpec) -> None:
        self.units.setdefault(spec.key, spec)

    def add_succession(self, spec: SuccessionSpec) -> None:
        self.successions.setdefault((spec.predecessor, spec.successor), spec)

    def count(self, level: str, valid_from: dt.date | None | str = "any") -> int:
        return sum(
            1 for u in self.units.values()
            if u.level == level and (valid_from == "any" or u.valid_from == valid_from)
        )


# --- names -------------------------------------------------------------------------------------

def tidy(text: str | None) -> str:
    """NFC, one space between words, no spaces at the ends."""
    return clean(unicodedata.normalize("NFC", text or ""))


def split_prefix(name: str) -> tuple[str, str, str] | None:
    """("Xa Ea Kly") -> ("Xã", "Ea Kly", "commune"); None when the name has no known prefix."""
    folded = fold(name)
    for folded_prefix, canonical, level in PREFIXES:
        if folded == folded_prefix or folded.startswith(folded_prefix + " "):
            words = len(folded_prefix.split())
            rest = " ".join(name.split(" ")[words:])
            return canonical, rest, level
    return None


def canonical_name(name: str) -> str:
    """Fix the prefix's spelling and case: "xã Vạn Phú" -> "Xã Vạn Phú", "Thi trấn X" -> "Thị trấn X"."""
    parts = split_prefix(name)
    if parts is None or not parts[1]:
        return name
    return f"{parts[0]} {parts[1]}"


def bare_name(name: str) -> str:
    """Folded name without its prefix, to compare "Quảng Trị" with "Tỉnh Quảng Trị"."""
    parts = split_prefix(name)
    return fold(parts[1] if parts and parts[1] else name)


# Notes that only repeat the kind are not kept on the succession; the others carry information.
PLAIN_NOTES = frozenset({"nhap toan bo", "nhap mot phan", "giu nguyen"})


def succession_note(note: str) -> str:
    return "" if fold(note) in PLAIN_NOTES else note


def note_kind(note: str) -> str | None:
    folded = fold(note)
    for pattern, kind in NOTE_PATTERNS:
        if pattern.fullmatch(folded):
            return kind
    return None


# --- rows --------------------------------------------------------------------------------------

@dataclass
class Row:
    line: int
    province_name: str
    province_code: str
    new_name: str
    new_code: str
    new_level: str
    old_name: str
    old_code: str
    old_level: str
    kind: str
    note: str
    whole_district: bool
    district_name: str
    district_code: str
    old_province_name: str
    old_province_code: str


class _RowReader:
    """Parses one data row; appends problems to `errors` and returns None when it is unusable."""

    def __init__(self, plan: Plan) -> None:
        self.plan = plan

    def name(self, raw: str) -> str:
        tidy_text = tidy(raw)
        name = canonical_name(tidy_text)
        if name != raw:
            self.plan.tidied_names += 1
        return name

    def name_and_code(
        self, line: int, raw: str, digits: int, what: str, errors: list[Problem]
    ) -> tuple[str, str]:
        text = tidy(raw)
        match = _NAME_AND_CODE.match(text)
        if not text:
            errors.append(Problem(line, _("thiếu %(what)s.") % {"what": what}))
            return "", ""
        if not match or len(match.group(2)) != digits or not match.group(1):
            errors.append(Problem(line, _(
                "%(what)s phải có dạng “Tên (mã)” với mã %(digits)s chữ số, nhận được “%(text)s”."
            ) % {"what": what, "digits": digits, "text": text}))
            return "", ""
        return self.name(match.group(1)), match.group(2)

    def parse(self, line: int, cells: list[str]) -> Row | None:
        errors: list[Problem] = []
        province_name, province_code = self.name_and_code(
            line, cells[0], 2, _("tỉnh, thành phố mới"), errors)
        district_name, district_code = self.name_and_code(
            line, cells[6], 3, _("quận, huyện cũ"), errors)
        old_province_name, old_province_code = self.name_and_code(
            line, cells[7], 2, _("tỉnh cũ"), errors)

        new_name = self.name(cells[1])
        new_code = tidy(cells[2])
        new_level = ""
        if not new_name:
            errors.append(Problem(line, _("thiếu tên xã mới.")))
        else:
            parts = split_prefix(new_name)
            if parts is None or parts[2] not in NEW_UNIT_LEVELS:
                errors.append(Problem(line, _(
                    "không xác định được cấp của “%(name)s” (tên phải bắt đầu bằng Xã, Phường hoặc Đặc khu)."
                ) % {"name": new_name}))
            else:
                new_level = parts[2]
        if not _COMMUNE_CODE.match(new_code):
            errors.append(Problem(line, _("mã xã mới “%(code)s” không phải 5 chữ số.") % {"code": new_code}))

        old_name = self.name(cells[3])
        old_code = tidy(cells[4])
        if old_code and not _COMMUNE_CODE.match(old_code):
            errors.append(Problem(line, _("mã xã cũ “%(code)s” không phải 5 chữ số.") % {"code": old_code}))
        if old_code and not old_name:
            errors.append(Problem(line, _("thiếu tên xã cũ có mã %(code)s.") % {"code": old_code}))
        parts = split_prefix(old_name) if old_name else None
        # A few old names lack their prefix ("Xuân Phước"): the old unit was then a commune.
        old_level = parts[2] if parts and parts[2] in OLD_UNIT_LEVELS else COMMUNE

        note = tidy(cells[5])
        kind = note_kind(note) if note else None
        if not note:
            errors.append(Problem(line, _("thiếu ghi chú (nhập toàn bộ, nhập một phần hay giữ nguyên).")))
        elif kind is None:
            errors.append(Problem(line, _("ghi chú không hiểu được: “%(note)s”.") % {"note": note}))
        whole_district = bool(_WHOLE_DISTRICT_NOTE.fullmatch(fold(note)))
        if not old_name and not old_code and not whole_district and note:
            errors.append(Problem(line, _("thiếu tên và mã xã cũ.")))

        if errors:
            self.plan.errors.extend(errors)
            return None
        assert kind is not None
        return Row(
            line=line, province_name=province_name, province_code=province_code,
            new_name=new_name, new_code=new_code, new_level=new_level,
            old_name=old_name, old_code=old_code, old_level=old_level,
            kind=kind, note=note, whole_district=whole_district,
            district_name=district_name, district_code=district_code,
            old_province_name=old_province_name, old_province_code=old_province_code,
        )


def _records(lines: Iterable[str]) -> Iterator[tuple[int, list[str]]]:
    """CSV records with the file line each one starts on (a quoted note may span lines)."""
    reader = csv.reader(lines)
    start = 1
    for cells in reader:
        yield start, cells
        start = reader.line_num + 1


def parse_rows(
    lines: Iterable[str], plan: Plan, progress: Callable[[int], None] | None = None
) -> list[Row]:
    """Check the header, drop section rows, parse the data rows (problems go to `plan.errors`)."""
    rows: list[Row] = []
    reader = _RowReader(plan)
    records = _records(lines)
    # Two header rows: "Đơn vị hành chính từ ngày 01/7/2025, …", then the column names.
    next(records, None)
    line, header = next(records, (2, []))
    got = tuple(fold(c) for c in header[:COLUMNS])
    if got != EXPECTED_HEADER:
        plan.errors.append(Problem(line, _(
            "tiêu đề cột không đúng mẫu bảng chuyển đổi: cần “%(expected)s”, nhận được “%(got)s”."
        ) % {"expected": ", ".join(EXPECTED_HEADER), "got": ", ".join(got)}))
        return rows
    for line, cells in records:
        if progress:
            progress(line)
        if not any(c.strip() for c in cells):
            continue
        if len(cells) < COLUMNS:
            plan.errors.append(Problem(line, _("có %(got)s cột, cần %(need)s.") % {
                "got": len(cells), "need": COLUMNS}))
            continue
        if any(c.strip() for c in cells[COLUMNS + 1:]):
            plan.errors.append(Problem(line, _("có %(got)s cột, cần %(need)s.") % {
                "got": len(cells), "need": COLUMNS}))
            continue
        if cells[0].strip() and not any(c.strip() for c in cells[1:]):
            continue  # section row: a province name in capitals
        plan.rows += 1
        row = reader.parse(line, cells)
        if row is not None:
            rows.append(row)
    return rows


# --- from rows to units ------------------------------------------------------------------------

def _majority(values: Iterable[tuple[int, str]]) -> str:
    """The most frequent value; ties go to the earliest line."""
    values = list(values)
    counts = Counter(v for _line, v in values)
    first_line: dict[str, int] = {}
    for line, v in values:
        first_line.setdefault(v, line)
    return max(counts, key=lambda v: (counts[v], -first_line[v]))


@dataclass
class _Named:
    """A code and the names rows give it (line, name)."""

    code: str
    names: list[tuple[int, str]] = field(default_factory=list)

    def canonical(self) -> str:
        by_fold: dict[str, str] = {}
        for _line, name in self.names:
            by_fold.setdefault(bare_name(name), name)
        winner = _majority((line, bare_name(name)) for line, name in self.names)
        return by_fold[winner]


def _resolve_old_provinces(rows: list[Row], plan: Plan) -> tuple[dict[int, str], dict[str, str]]:
    """Old province code per row, correcting a code written with another province's name."""
    provinces: dict[str, _Named] = {}
    for row in rows:
        provinces.setdefault(row.old_province_code, _Named(row.old_province_code)).names.append(
            (row.line, row.old_province_name))
    canonical = {code: named.canonical() for code, named in provinces.items()}
    code_by_bare = {bare_name(name): code for code, name in canonical.items()}
    resolved: dict[int, str] = {}
    for row in rows:
        code = row.old_province_code
        bare = bare_name(row.old_province_name)
        if bare != bare_name(canonical[code]):
            other = code_by_bare.get(bare)
            if other is not None:
                plan.corrections.append(Problem(row.line, _(
                    "tỉnh cũ “%(given)s”: mã %(code)s là %(owner)s, dùng %(name)s (%(other)s) theo tên."
                ) % {"given": f"{row.old_province_name} ({code})", "code": code,
                     "owner": canonical[code], "name": canonical[other], "other": other}))
                code = other
            else:
                plan.corrections.append(Problem(row.line, _(
                    "tỉnh cũ mã %(code)s được ghi là “%(given)s”, dùng tên “%(name)s”."
                ) % {"code": code, "given": row.old_province_name, "name": canonical[code]}))
        resolved[row.line] = code
    return resolved, canonical


def build_plan(rows: list[Row], plan: Plan) -> Plan:
    """Turn parsed rows into units and successions, reporting contradictions."""
    old_province_of_row, old_province_names = _resolve_old_provinces(rows, plan)

    # Old districts: the name most rows give; the province most rows give.
    districts: dict[str, _Named] = {}
    district_provinces: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for row in rows:
        districts.setdefault(row.district_code, _Named(row.district_code)).names.append(
            (row.line, row.district_name))
        district_provinces[row.district_code].append((row.line, old_province_of_row[row.line]))
    district_province = {code: _majority(refs) for code, refs in district_provinces.items()}
    for code, refs in district_provinces.items():
        for line, province in refs:
            if province != district_province[code]:
                plan.corrections.append(Problem(line, _(
                    "%(district)s (%(code)s) thuộc %(province)s theo đa số các dòng, dòng này ghi %(given)s."
                ) % {"district": districts[code].canonical(), "code": code,
                     "province": old_province_names[district_province[code]],
                     "given": old_province_names[province]}))

    # New units: one name per code (spelling variants such as Thuỵ/Thụy are the same name).
    new_units: dict[str, Row] = {}
    for row in rows:
        first = new_units.setdefault(row.new_code, row)
        if first is row:
            continue
        if bare_name(first.new_name) != bare_name(row.new_name) or first.new_level != row.new_level:
            plan.errors.append(Problem(row.line, _(
                "mã xã mới %(code)s đã dùng cho “%(name)s” ở dòng %(first)s, dòng này ghi “%(given)s”."
            ) % {"code": row.new_code, "name": first.new_name, "first": first.line, "given": row.new_name}))
        elif first.province_code != row.province_code:
            plan.errors.append(Problem(row.line, _(
                "%(name)s (%(code)s) thuộc tỉnh mã %(first_province)s ở dòng %(first)s, "
                "dòng này ghi %(given)s."
            ) % {"name": first.new_name, "code": row.new_code, "first_province": first.province_code,
                 "first": first.line, "given": row.province_code}))
    if plan.errors:
        return plan

    # New provinces, and which old provinces fed each of them.
    new_provinces: dict[str, _Named] = {}
    fed_by: dict[str, set[str]] = defaultdict(set)
    feeds: dict[str, set[str]] = defaultdict(set)
    for row in rows:
        new_provinces.setdefault(row.province_code, _Named(row.province_code)).names.append(
            (row.line, row.province_name))
        old = district_province[row.district_code]
        fed_by[row.province_code].add(old)
        feeds[old].add(row.province_code)
    # A province that kept its code, its name and its territory is ONE unit across the date
    # (no validity bounds), so `units show 20` answers Lạng Sơn on both sides of 1 July 2025.
    continuing = {
        code for code, named in new_provinces.items()
        if fed_by[code] == {code} and feeds[code] == {code}
        and bare_name(named.canonical()) == bare_name(old_province_names[code])
    }

    def province_key(code: str, new: bool) -> Key:
        if code in continuing:
            return (code, PROVINCE, None)
        return (code, PROVINCE, REFORM_DATE if new else None)

    for code in sorted(set(old_province_names) | set(new_provinces)):
        if code in continuing:
            plan.add_unit(UnitSpec(code, new_provinces[code].canonical(), PROVINCE, None, None, None))
            continue
        if code in old_province_names and code in feeds:
            plan.add_unit(UnitSpec(
                code, old_province_names[code], PROVINCE, None, LAST_DAY_BEFORE_REFORM, None))
        if code in new_provinces:
            plan.add_unit(UnitSpec(code, new_provinces[code].canonical(), PROVINCE, REFORM_DATE, None, None))
    for new_code, olds in sorted(fed_by.items()):
        if new_code in continuing:
            continue
        for old in sorted(olds):
            kind = WHOLE if feeds[old] == {new_code} else PARTIAL
            plan.add_succession(SuccessionSpec(province_key(old, False), province_key(new_code, True), kind))

    for code, named in sorted(districts.items()):
        plan.add_unit(UnitSpec(
            code, named.canonical(), DISTRICT, None, LAST_DAY_BEFORE_REFORM,
            province_key(district_province[code], False)))

    for code, row in sorted(new_units.items()):
        plan.add_unit(UnitSpec(
            code, row.new_name, row.new_level, REFORM_DATE, None, province_key(row.province_code, True)))

    # Old communes: the first row names the code; a later row naming another commune with the
    # same code is a contradiction in the source, reported and skipped rather than merged.
    old_units: dict[str, Row] = {}
    for row in rows:
        new_key: Key = (row.new_code, row.new_level, REFORM_DATE)
        if row.whole_district and not row.old_code:
            plan.add_succession(SuccessionSpec(
                (row.district_code, DISTRICT, None), new_key, row.kind, succession_note(row.note)))
            continue
        if not row.old_code:
            plan.skipped.append(Problem(row.line, _(
                "“%(name)s” không có mã đơn vị hành chính, không phải một xã cũ: bỏ qua."
            ) % {"name": row.old_name}))
            continue
        first = old_units.setdefault(row.old_code, row)
        if first is not row and (bare_name(first.old_name) != bare_name(row.old_name)
                                 or first.old_level != row.old_level):
            plan.skipped.append(Problem(row.line, _(
                "mã xã cũ %(code)s đã dùng cho “%(name)s” ở dòng %(first)s, "
                "dòng này ghi “%(given)s”: bỏ qua dòng."
            ) % {"code": row.old_code, "name": first.old_name, "first": first.line, "given": row.old_name}))
            continue
        old_key: Key = (row.old_code, first.old_level, None)
        if (old_key, new_key) in plan.successions:
            plan.skipped.append(Problem(row.line, _(
                "dòng lặp lại: %(old)s → %(new)s đã có: bỏ qua."
            ) % {"old": row.old_name, "new": row.new_name}))
            continue
        plan.add_succession(SuccessionSpec(old_key, new_key, row.kind, succession_note(row.note)))
    for code, row in sorted(old_units.items()):
        plan.add_unit(UnitSpec(
            code, row.old_name, row.old_level, None, LAST_DAY_BEFORE_REFORM,
            (row.district_code, DISTRICT, None)))
    return plan


def read_conversion_table(
    path: Path, progress: Callable[[int], None] | None = None
) -> Plan:
    """Parse the conversion table at `path`; check `plan.errors` before using the plan."""
    plan = Plan()
    try:
        with open(path, encoding="utf-8-sig", newline="") as handle:
            rows = parse_rows(handle, plan, progress)
    except UnicodeDecodeError as exc:
        plan.errors.append(Problem(0, _("tệp không phải UTF-8 (%(error)s).") % {"error": exc}))
        return plan
    except csv.Error as exc:
        plan.errors.append(Problem(0, _("không đọc được CSV (%(error)s).") % {"error": exc}))
        return plan
    if plan.errors:
        return plan
    if not rows:
        plan.errors.append(Problem(0, _("tệp không có dòng dữ liệu nào.")))
        return plan
    return build_plan(rows, plan)
