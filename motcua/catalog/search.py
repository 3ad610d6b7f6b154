"""Find a procedure from a citizen's own words (docs/search.md).

Accent-insensitive (everything is compared through `motcua.core.text.fold`),
tolerant of small typos (rapidfuzz against the index vocabulary) and of everyday
words (the phrase list in synonyms.txt), ranked with BM25 over the folded
procedure name: syllables and syllable bigrams (Vietnamese words are mostly two
syllables, so a bigram is close to a word), plus the field name at a lower weight.

The index is built once per process from the Procedure table, kept in memory and
rebuilt when the catalog changes: immediately on a save/delete in this process
(signals), otherwise when a cheap fingerprint of the table changes (checked at
most every CATALOG_SEARCH_CHECK_SECONDS, default 5 s) so imports done by another
process are picked up too.

Public API: `search()`, `SearchHit`, `invalidate()`, and `add_arguments()` /
`cli()` for `motcua catalog search`.
"""

from __future__ import annotations

import heapq
import itertools
import math
import re
import threading
import time
from collections import OrderedDict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db.models import Count, Max, Q, QuerySet, Sum
from django.db.models.functions import Length
from django.db.models.signals import post_delete, post_save
from django.utils.translation import gettext

from motcua.core.cli import BadInput, to_json
from motcua.core.text import fold

from .models import Field, Level, Procedure, ProcedureVersion

SYNONYMS_PATH = Path(__file__).with_name("synonyms.txt")

# BM25 constants (the usual defaults): k1 bounds the effect of repeating a term,
# B is how much long names are penalised.
K1 = 1.2
B = 0.75
# Beyond this multiple of the average length a name is not "less about" its topic:
# long names list the cases they cover (building kinds, issuing agencies…), and
# without the cap the general procedure loses to its short, narrow variants.
LENGTH_CAP = 1.5
# A term in the field name counts this much of a term in the procedure name.
FIELD_WEIGHT = 0.3
# A bigram match says more than two separate syllables ("khai sinh" vs "khai" … "sinh").
BIGRAM_WEIGHT = 1.5
# Query variants: keeping the citizen's own words when a synonym matched, or a
# typo candidate instead of a known word, costs a little so the interpretation wins
# ties but the literal reading can still win when it matches much better.
LITERAL_PENALTY = 0.85
LITERAL_KNOWN_DF = 3
CORRECTION_PENALTY = 0.9
MAX_VARIANTS = 16
# A term found in more than this share of the procedures does not select
# candidates by itself (see _rank).
COMMON_TERM_SHARE = 0.1
# Text in parentheses is a scope note ("(thực hiện tại cấp tỉnh)", a list of
# building kinds…): it can match, at a lower weight, and barely lengthens the name.
PAREN_WEIGHT = 0.5
PAREN_LENGTH = 0.25
# Function words carry little meaning; in a query they and the bigrams they form
# weigh this much (in names they stay as they are). Only words whose folded form
# is rarely anything else: "tu" is từ but also tử (khai tử), "tai" is tại but
# also tài (tài sản), "ma" is mà but also mã (mã số thuế)…
FUNCTION_WEIGHT = 0.3
FUNCTION_WORDS = frozenset("cho cua va voi cac nhung hoac theo vao nay mot".split())
# Everyday words no procedure name uses, folded: the typo fixes take a word the catalog and the
# synonyms do not know for a misspelling of a close catalog word, but these are ordinary words of
# a question ("luôn" is no "lương" / "lớn", "chắc" no "chức", "trưa" no "trừ", "giàu" no
# "giấy"). They are never corrected and get no neighbour-supported alternative: like any word the
# catalog does not know and nothing corrects, they read as nothing in the search (so a phrase
# around them still matches: "làm luôn giấy khai sinh"). PARTICLES say nothing about a procedure
# (sentence particles, hedges, greetings to the desk, colloquial spellings): the assistant does
# not count them among a question's words either (`retrieval._words`).
PARTICLES = frozenset(
    "luon nhen nghen hen chac chang khum hem hok huhu haha hehe hihi hic thanks ok oke okie ad admin "
    "dzay zay um uh ua xiu".split()
)
# The commonest words of a question, which the catalog also uses: a typo of a catalog word less
# often than themselves, so no neighbour-supported alternative is offered for them ("thì" is no
# "phí" / "khi", "bao nhiêu" no "báo hiệu", "tôi" no "đội", "muốn nhập" no "muối nhập").
QUESTION_WORDS = frozenset("thi nhieu toi phai nhe vay roi nua nao chua khong duoc muon gio".split())
EVERYDAY_WORDS = PARTICLES | frozenset(
    "khuya trua suot giau nghin nhin phut thim thinh thoang chut rang kiet som rat deu bua".split()
)
# Close scores are settled towards what citizens usually need: procedures open to
# citizens (not only to companies or agencies), at the commune (the desk next
# door), then at the province.
CITIZEN_PRIOR = 0.05
COMMUNE_PRIOR = 0.05
PROVINCE_PRIOR = 0.02
MAX_PRIOR = CITIZEN_PRIOR + COMMUNE_PRIOR

_CHUNK = re.compile(r"[^a-z0-9\s]+")
_PARENS = re.compile(r"\(([^()]*)\)?")
_TOKEN = re.compile(r"[a-z0-9]+")
_LEADING_BOILERPLATE = ("thu", "tuc")  # "Thủ tục …" starts half the names and says nothing


@dataclass(frozen=True, slots=True)
class SearchHit:
    code: str
    name: str
    score: float
    procedure_id: int


# ---------------------------------------------------------------- text analysis


# Numbers are written several ways in names and questions: "mức độ 02" / "mức độ 2", "công trình
# cấp IV" / "cấp 4". Leading zeros go, and Roman numerals become digits: those that are never a
# Vietnamese syllable anywhere, the ones that can be ("vi" is vì, vi phạm) never, and single
# letters only after a word that ranks something ("cấp I", "loại V", "nhóm X").
_ROMAN = {"i": "1", "ii": "2", "iii": "3", "iv": "4", "v": "5", "vii": "7", "viii": "8", "ix": "9", "x": "10"}
_ROMAN_ALWAYS = frozenset({"ii", "iii", "iv", "vii", "viii", "ix"})
_RANK_WORDS = frozenset({"cap", "loai", "hang", "nhom", "muc", "do"})


def _numbers(tokens: list[str]) -> list[str]:
    out = []
    for i, token in enumerate(tokens):
        if token.isdigit():
            token = token.lstrip("0") or "0"
        elif token in _ROMAN_ALWAYS or (token in _ROMAN and i and tokens[i - 1] in _RANK_WORDS):
            token = _ROMAN[token]
        out.append(token)
    return out


def chunks(text: str) -> list[list[str]]:
    """Folded token runs, split at punctuation so bigrams never cross a comma; numbers written
    one way (see `_numbers`)."""
    return [_numbers(toks) for part in _CHUNK.split(fold(text)) if (toks := _TOKEN.findall(part))]


def terms_of(tokens: Sequence[str]) -> Iterator[str]:
    """Unigrams and bigrams ("khai", "sinh", "khai sinh") of one token run."""
    yield from tokens
    for a, b in itertools.pairwise(tokens):
        yield f"{a} {b}"


def _name_chunks(name: str) -> tuple[list[list[str]], list[list[str]]]:
    """Token runs of a procedure name: (main text, text in parentheses)."""
    notes = [c for note in _PARENS.findall(name) for c in chunks(note)]
    parts = chunks(_PARENS.sub(",", name))
    if parts and tuple(parts[0][:2]) == _LEADING_BOILERPLATE and len(parts[0]) > 2:
        parts[0] = parts[0][2:]
    return parts, notes


# ---------------------------------------------------------------- synonyms


# Noun classifiers of everyday speech ("cái nhà", "mảnh đất", "lô đất", "thửa đất", "chiếc xe",
# "ngôi nhà"), folded, with the nouns each counts: optional inside a synonym phrase, and only
# before one of those nouns (`Synonyms.rule_key`). Folded, "cãi" is "cai" and "lở" is "lo":
# "bố cãi nhau" must not read as "bỏ nhau".
CLASSIFIERS: dict[str, frozenset[str]] = {
    "cai": frozenset({"nha", "xe"}),
    "chiec": frozenset({"xe"}),
    "manh": frozenset({"dat"}),
    "lo": frozenset({"dat"}),
    "thua": frozenset({"dat"}),
    "ngoi": frozenset({"nha"}),
}


@dataclass(frozen=True)
class Synonyms:
    """Everyday phrase (folded tokens) → alternative legal phrases; () drops the phrase."""

    rules: dict[tuple[str, ...], tuple[tuple[str, ...], ...]]
    longest: int

    @cached_property
    def words(self) -> frozenset[str]:
        return frozenset(t for phrase in self.rules for t in phrase)

    def rule_key(self, key: tuple[str, ...]) -> tuple[str, ...] | None:
        """The rule `key` reads as: itself, or itself without the noun classifiers inside it
        ("bán lô đất", "ghi thêm cái nhà vào sổ đỏ" are "bán đất", "ghi thêm nhà vào sổ đỏ"):
        a classifier counts the noun after it and says nothing of its own. Only inside a phrase
        (never its first or last word), only before a noun it counts, and only when the phrase
        as typed is no rule: folded, "thửa" is "thừa", "cái" is "cai" and "cãi", "lô" is "lo"."""
        if key in self.rules:
            return key
        if len(key) < 3:
            return None
        inner = tuple(w for w, after in zip(key[1:-1], key[2:], strict=True)
                      if after not in CLASSIFIERS.get(w, ()))
        reduced = key[:1] + inner + key[-1:]
        return reduced if reduced != key and reduced in self.rules else None


def _phrase(text: str) -> tuple[str, ...]:
    """A phrase of the synonyms file read as questions and names are: folded, numbers written one
    way ("mức độ 02" is "mức độ 2", as a name's "02" is)."""
    return tuple(_numbers(_TOKEN.findall(fold(text))))


def parse_synonyms(lines: Iterable[str]) -> Synonyms:
    """Read `everyday phrase, other phrase => legal phrase | other legal phrase` lines, and
    `other name, … == everyday name` lines: another name of a thing ("giấy đỏ" for "sổ đỏ") reads
    like it in every rule whose phrase holds it ("mất giấy đỏ", "sang tên giấy đỏ")."""
    rules: dict[tuple[str, ...], list[tuple[str, ...]]] = {}
    aliases: list[tuple[tuple[str, ...], tuple[str, ...]]] = []
    for raw in lines:
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        if "=>" not in line and "==" in line:
            left, right = line.split("==", 1)
            named = _phrase(right)
            if not named or "==" in right:
                raise ValueError(f"alias line without one name after '==': {raw.strip()!r}")
            keys = (_phrase(phrase) for phrase in left.split(","))
            aliases += [(key, named) for key in keys if key]
            continue
        if "=>" not in line:
            raise ValueError(f"synonym line without '=>': {raw.strip()!r}")
        left, right = line.split("=>", 1)
        targets = [_phrase(alt) for alt in right.split("|")]
        for phrase in left.split(","):
            key = _phrase(phrase)
            if not key:
                continue
            known = rules.setdefault(key, [])
            known.extend(t for t in targets if t not in known)
    if aliases:
        others_of: dict[tuple[str, ...], list[tuple[str, ...]]] = {}
        for alias, named in dict.fromkeys(aliases):
            others_of.setdefault(named, []).append(alias)
        by_first: dict[str, list[tuple[tuple[str, ...], list[tuple[str, ...]]]]] = {}
        for named, others in others_of.items():
            by_first.setdefault(named[0], []).append((named, others))
        for choices in by_first.values():
            choices.sort(key=lambda item: -len(item[0]))  # the longest name first
        for key, targets in list(rules.items()):
            for variant in _alias_variants(key, by_first):
                rules.setdefault(variant, list(targets))
    frozen = {k: tuple(v) for k, v in rules.items()}
    return Synonyms(frozen, max((len(k) for k in frozen), default=0))


# Other names a written phrase may take at once ("hàng tq qua cửa khẩu tân thanh" for "hàng trung
# quốc qua cửa khẩu"); past this a phrase reads its first combinations only.
MAX_ALIAS_VARIANTS = 256


def _alias_variants(
    key: tuple[str, ...], by_first: Mapping[str, list[tuple[tuple[str, ...], list[tuple[str, ...]]]]]
) -> Iterator[tuple[str, ...]]:
    """The phrase `key` as written with each named thing in it read by its other names. Only the
    written words are replaced, never words another name brought in: an other name that holds
    the name ("cửa khẩu hữu nghị" for "cửa khẩu") must not be read again (a name with twelve
    other names would make 2¹² phrases of every rule that holds it)."""
    # Each name read by one other name, wherever it stands (inside a longer name too: "người hàn
    # quốc" for the "nước ngoài" of "người nước ngoài")…
    count = 0
    for start, word in enumerate(key):
        for named, others in by_first.get(word, ()):
            if key[start:start + len(named)] == named:
                for other in others:
                    if count < MAX_ALIAS_VARIANTS:
                        count += 1
                        yield key[:start] + other + key[start + len(named):]
    # … and several names of one phrase at once, each by the longest name that starts there.
    parts: list[list[tuple[str, ...]]] = []
    i = 0
    while i < len(key):
        for named, others in by_first.get(key[i], ()):
            if key[i:i + len(named)] == named:
                parts.append([named, *others])
                i += len(named)
                break
        else:
            parts.append([key[i:i + 1]])
            i += 1
    if sum(len(options) > 1 for options in parts) < 2:
        return  # one name at most: its readings are above
    for variant in itertools.islice(itertools.product(*parts), 1, MAX_ALIAS_VARIANTS + 1):
        yield tuple(word for piece in variant for word in piece)


_synonyms: Synonyms | None = None


def synonyms() -> Synonyms:
    global _synonyms
    if _synonyms is None:
        _synonyms = parse_synonyms(SYNONYMS_PATH.read_text(encoding="utf-8").splitlines())
    return _synonyms


def spelled_rules(syn: Synonyms, acronyms: Mapping[str, str]) -> Synonyms:
    """The rules as a question is read: a question's abbreviations are written out before its
    phrases are looked up ("hoàn thuế tncn" is searched as "hoàn thuế thu nhập cá nhân"), so a
    rule written with one ("sổ bhxh bị sai", "thẻ bhyt bị sai") also holds under the phrase
    written out. A phrase already written out keeps its own alternatives first."""
    if not acronyms or not any(word in acronyms for word in syn.words):
        return syn
    rules = {key: list(targets) for key, targets in syn.rules.items()}
    for key, targets in syn.rules.items():
        if not any(word in acronyms for word in key):
            continue
        spelled = tuple(part for word in key for part in acronyms.get(word, word).split())
        # "bhxh => bảo hiểm xã hội" says what the writing out already did.
        meant = [t for t in targets if t != spelled]
        if meant or not targets:
            known = rules.setdefault(spelled, [])
            known.extend(t for t in meant if t not in known)
    frozen = {k: tuple(v) for k, v in rules.items()}
    return Synonyms(frozen, max((len(k) for k in frozen), default=0))


_spelled_cache: tuple[Synonyms, tuple[tuple[str, str], ...], Synonyms] | None = None


def index_synonyms(index: Index) -> Synonyms:
    """The synonyms with the index's abbreviations written out in their phrases
    (`spelled_rules`), built once per rules and index abbreviations."""
    global _spelled_cache
    syn = synonyms()
    acronyms = tuple(sorted(index.acronyms.items()))
    if _spelled_cache is None or _spelled_cache[0] is not syn or _spelled_cache[1] != acronyms:
        _spelled_cache = (syn, acronyms, spelled_rules(syn, index.acronyms))
    return _spelled_cache[2]


# ---------------------------------------------------------------- the index


@dataclass(frozen=True, slots=True)
class _Doc:
    procedure_id: int
    code: str
    name: str
    at_commune: bool
    at_province: bool
    at_ministry: bool
    at_other: bool
    prior: float
    field_name: str = ""  # the field it belongs to ("Hộ tịch", "Thực hiện chính sách BHXH")

    def at(self, level: str) -> bool:
        return bool(getattr(self, f"at_{level}"))


@dataclass
class Index:
    fingerprint: tuple[Any, ...]
    docs: list[_Doc]
    # term → [(doc number, BM25 weight of the term in that doc)]
    postings: dict[str, list[tuple[int, float]]]
    vocabulary: list[str] = field(default_factory=list)
    # Abbreviations of the catalog's names written out ("tnhh" → "trach nhiem huu han"), folded.
    acronyms: dict[str, str] = field(default_factory=dict)

    _weights: dict[str, dict[int, float]] = field(default_factory=dict)
    _max_weights: dict[str, float] = field(default_factory=dict)
    # (query, level, limit) → hits: the answers of this index, most recent last (bounded).
    _answers: OrderedDict[tuple[str, str | None, int], list[SearchHit]] = field(
        default_factory=OrderedDict, compare=False, repr=False)

    def df(self, term: str) -> int:
        return len(self.postings.get(term, ()))

    def max_weight(self, term: str) -> float:
        found = self._max_weights.get(term)
        if found is None:
            found = self._max_weights[term] = max((w for _, w in self.postings.get(term, ())), default=0.0)
        return found

    def spell_out(self, text: str) -> str:
        """The folded text with the catalog's abbreviations written out (see `find_acronyms`)."""
        return spell_out(text, self.acronyms)

    def weights(self, term: str) -> dict[int, float]:
        """doc → weight of a term, built on first use (for the long posting lists)."""
        found = self._weights.get(term)
        if found is None:
            found = self._weights[term] = dict(self.postings.get(term, ()))
        return found


# An abbreviation in a name: 3 to 6 capitals ("TNHH", "UBND", "BHXH"), never a Roman numeral.
_ACRONYM = re.compile(r"\b[A-ZĐ]{3,6}\b")
_ROMAN_NUMERAL = re.compile(r"^[IVXLC]+$")
# A phrase is an abbreviation's meaning when the names use it at least this often, and this many
# times more often than any other phrase with the same initials ("trách nhiệm hữu hạn" 24 times
# for TNHH; "ngân hàng nước ngoài" 24 and "ngân hàng nhà nước" 8 for NHNN: no reading).
ACRONYM_MIN_USES = 5
ACRONYM_MARGIN = 4


def find_acronyms(names: Sequence[str]) -> dict[str, str]:
    """The abbreviations the catalog's names use, each with the phrase other names write out
    whose syllables it abbreviates (folded): "Đăng ký thành lập công ty TNHH một thành viên"
    and the 24 names with "trách nhiệm hữu hạn" give "tnhh" → "trach nhiem huu han". A phrase
    with a function word ("của ngân hàng thương…" for CNHT) is no abbreviation's meaning."""
    wanted = {
        fold(a) for name in names for a in _ACRONYM.findall(name) if not _ROMAN_NUMERAL.match(a)
    }
    if not wanted:
        return {}
    sizes = {len(a) for a in wanted}
    uses: dict[str, dict[str, int]] = {}
    for name in names:
        for run in chunks(name):
            for size in sizes:
                for i in range(len(run) - size + 1):
                    window = run[i : i + size]
                    initials = "".join(t[0] for t in window)
                    if initials in wanted and not FUNCTION_WORDS.intersection(window):
                        phrase = " ".join(window)
                        found = uses.setdefault(initials, {})
                        found[phrase] = found.get(phrase, 0) + 1
    acronyms: dict[str, str] = {}
    for acronym, phrases in uses.items():
        ranked = sorted(phrases.items(), key=lambda p: -p[1])
        best, count = ranked[0]
        runner_up = ranked[1][1] if len(ranked) > 1 else 0
        if count >= ACRONYM_MIN_USES and count >= ACRONYM_MARGIN * runner_up:
            acronyms[acronym] = best
    return acronyms


def spell_out(text: str, acronyms: Mapping[str, str]) -> str:
    """The folded text with the abbreviations written out."""
    folded = fold(text)
    if not acronyms:
        return folded
    return re.sub(r"[a-z0-9]+", lambda m: acronyms.get(m.group(0), m.group(0)), folded)


def build_index(rows: Iterable[Mapping[str, Any]], fingerprint: tuple[Any, ...] = ()) -> Index:
    """Build the BM25 index from procedure rows (id, code, name, field name, level flags); the
    names' abbreviations are indexed written out (see `find_acronyms`)."""
    rows = list(rows)
    acronyms = find_acronyms([row["name"] for row in rows])
    docs: list[_Doc] = []
    freqs: list[dict[str, float]] = []
    lengths: list[float] = []
    for row in rows:
        tf: dict[str, float] = {}
        main, notes = _name_chunks(spell_out(row["name"], acronyms))
        field_name = chunks(row.get("field_name") or "")
        for runs, weight in ((main, 1.0), (notes, PAREN_WEIGHT), (field_name, FIELD_WEIGHT)):
            # A term counts once per part: names that enumerate cases repeat their
            # key words ("quyền sử dụng đất" eight times) without being more about them.
            for term in {term for tokens in runs for term in terms_of(tokens)}:
                tf[term] = tf.get(term, 0.0) + weight
        commune, province = bool(row["at_commune"]), bool(row["at_province"])
        prior = COMMUNE_PRIOR if commune else PROVINCE_PRIOR if province else 0.0
        if "cong dan" in fold(row.get("applicants")):
            prior += CITIZEN_PRIOR
        docs.append(_Doc(row["id"], row["code"], row["name"], commune, province,
                         bool(row["at_ministry"]), bool(row["at_other"]), prior,
                         row.get("field_name") or ""))
        freqs.append(tf)
        lengths.append(sum(map(len, main)) + PAREN_LENGTH * sum(map(len, notes)) or 1.0)
    n = len(docs)
    avg = (sum(lengths) / n) if n else 1.0
    df: dict[str, int] = {}
    for tf in freqs:
        for term in tf:
            df[term] = df.get(term, 0) + 1
    idf = {t: math.log(1 + (n - d + 0.5) / (d + 0.5)) for t, d in df.items()}
    postings: dict[str, list[tuple[int, float]]] = {}
    for i, tf in enumerate(freqs):
        norm = K1 * (1 - B + B * min(lengths[i], LENGTH_CAP * avg) / avg)
        for term, f in tf.items():
            postings.setdefault(term, []).append((i, idf[term] * f * (K1 + 1) / (f + norm)))
    vocabulary = sorted(t for t in postings if " " not in t)
    return Index(fingerprint, docs, postings, vocabulary, acronyms)


def _rows() -> Iterator[dict[str, Any]]:
    fields = ("id", "code", "name", "applicants", "at_commune", "at_province", "at_ministry", "at_other")
    for values in Procedure.objects.values_list(*fields, "field__name").iterator(chunk_size=2000):
        row = dict(zip(fields, values, strict=False))
        row["field_name"] = values[-1]
        yield row


def fingerprint() -> tuple[Any, ...]:
    """Changes whenever procedures are added, removed, renamed or get a new version."""
    procedures = Procedure.objects.aggregate(
        n=Count("id"), last=Max("id"), letters=Sum(Length("name"))
    )
    versions = ProcedureVersion.objects.aggregate(last=Max("id"))
    fields = Field.objects.aggregate(n=Count("id"), last=Max("id"))
    return (procedures["n"], procedures["last"], procedures["letters"], versions["last"],
            fields["n"], fields["last"])


_lock = threading.Lock()
_answers_lock = threading.Lock()
ANSWERS_KEPT = 2000  # queries whose answers each process keeps (a few MB at most)
_index: Index | None = None
_checked_at = 0.0


def _check_interval() -> float:
    default = 0.0 if getattr(settings, "TESTING", False) else 5.0
    return float(getattr(settings, "CATALOG_SEARCH_CHECK_SECONDS", default))


def get_index() -> Index:
    """The current index: rebuilt only when the catalog's fingerprint changed."""
    global _index, _checked_at
    index, now = _index, time.monotonic()
    if index is not None and now - _checked_at < _check_interval():
        return index
    with _lock:
        current = fingerprint()
        if _index is None or _index.fingerprint != current:
            _index = build_index(_rows(), current)
        _checked_at = time.monotonic()
        return _index


def invalidate(**_: Any) -> None:
    """Forget the index; the next search rebuilds it (signal receiver, and for tests)."""
    global _index
    with _lock:
        _index = None


for _model in (Procedure, Field):
    post_save.connect(invalidate, sender=_model, dispatch_uid=f"catalog-search-{_model.__name__}-save")
    post_delete.connect(invalidate, sender=_model, dispatch_uid=f"catalog-search-{_model.__name__}-delete")


# ---------------------------------------------------------------- query analysis

# A segment of the query: alternative token sequences, each with a weight factor.
_Segment = list[tuple[tuple[str, ...], float]]


def _typo_candidates(token: str, index: Index, known: set[str]) -> list[str]:
    """Words of the index within one or two edits of an unknown token, most frequent first."""
    from rapidfuzz import process
    from rapidfuzz.distance import OSA

    if len(token) < 3 or token.isdigit():
        return []
    limit = 1 if len(token) <= 4 else 2
    found = process.extract(token, index.vocabulary, scorer=OSA.distance, score_cutoff=limit, limit=12)
    if not found:
        found = process.extract(token, sorted(known), scorer=OSA.distance, score_cutoff=1, limit=4)
    best = min((d for _, d, _ in found), default=None)
    candidates = [w for w, d, _ in found if d == best]
    return sorted(candidates, key=lambda w: -index.df(w))[:3]


def _split_candidate(token: str, index: Index) -> tuple[str, str] | None:
    """"dangky" → ("dang", "ky") when both halves and the bigram are in the index."""
    best: tuple[int, tuple[str, str]] | None = None
    for i in range(1, len(token)):
        a, b = token[:i], token[i:]
        df = index.df(f"{a} {b}")
        if df and (best is None or df > best[0]):
            best = (df, (a, b))
    return best[1] if best else None


def _correct(tokens: list[str], index: Index, known: set[str]) -> list[_Segment]:
    """One segment per token: itself, or its likely corrections when it is unknown."""
    segments: list[_Segment] = []
    for i, token in enumerate(tokens):
        if token in EVERYDAY_WORDS:
            segments.append([((), 1.0)])  # an ordinary word no name uses, not a typo: it reads as nothing
            continue
        if token in known or token.isdigit():
            # A known word can still be a typo of another ("ket hong" for "ket hon"):
            # offer the neighbour that forms a known bigram when this one forms none.
            segments.append([((token,), 1.0)] + _context_alternatives(tokens, i, index, known))
            continue
        split = _split_candidate(token, index)
        if split:
            segments.append([(split, 1.0)])
            continue
        candidates = _typo_candidates(token, index, known)
        if len(token) <= 3:
            # Too many short syllables are one edit apart: keep a correction only
            # when it forms a known word with a neighbour that means something.
            candidates = [c for c in candidates if _fits_context(tokens, i, c, index)]
        segments.append([((c,), CORRECTION_PENALTY) for c in candidates] or [((), 1.0)])
    return segments


def _fits_context(tokens: list[str], i: int, word: str, index: Index) -> bool:
    before = tokens[i - 1] if i > 0 else None
    after = tokens[i + 1] if i + 1 < len(tokens) else None
    return bool(
        (before and before not in FUNCTION_WORDS and index.df(f"{before} {word}"))
        or (after and after not in FUNCTION_WORDS and index.df(f"{word} {after}"))
    )


def _context_alternatives(tokens: list[str], i: int, index: Index, known: set[str]) -> _Segment:
    from rapidfuzz import process
    from rapidfuzz.distance import OSA

    token = tokens[i]
    if len(token) < 3 or token in FUNCTION_WORDS or token in QUESTION_WORDS:
        return []
    before = tokens[i - 1] if i > 0 else None
    after = tokens[i + 1] if i + 1 < len(tokens) else None
    if before is None and after is None:
        return []
    pairs = [p for p in ((before, token), (token, after)) if None not in p]
    if any(index.df(f"{a} {b}") or (a, b) in synonyms().rules for a, b in pairs):
        return []
    alternatives: _Segment = []
    for word, _, _ in process.extract(token, index.vocabulary, scorer=OSA.distance, score_cutoff=1, limit=12):
        if word == token:
            continue
        if _fits_context(tokens, i, word, index):
            alternatives.append(((word,), CORRECTION_PENALTY))
    return alternatives[:2]


def _literal_weight(words: tuple[str, ...], index: Index) -> float:
    """The citizen's own words next to a synonym: full weight when the catalog itself
    uses them ("nhập khẩu" is residence to a citizen but import to customs)."""
    phrase = " ".join(words)
    if len(words) <= 2 and index.df(phrase) >= LITERAL_KNOWN_DF:
        return 1.0
    return LITERAL_PENALTY


# "nhập khẩu" is a household registration in old speech ("nhập khẩu cho con") but an import next to
# goods ("xe nhập khẩu", "nhập khẩu máy móc", "hàng nhập khẩu"): there the everyday reading is not
# applied, and the words are searched as the catalog uses them.
_IMPORT_WORDS = ("nhap", "khau")
# Goods by a word of their own, or by two (a syllable alone is often something else: "từ" of "vật
# tư", "bị" of "thiết bị", "thuộc", "mấy", "hai", "lo" are ordinary words of a residence question).
_GOODS = frozenset("xe oto hang container laptop ruou bia thit xang".split())
_GOODS_PAIRS = frozenset(tuple(pair.split()) for pair in (
    "hang hoa", "may moc", "thiet bi", "thuoc la", "thuoc tay", "duoc pham", "phan bon", "cay giong",
    "con giong", "linh kien", "go tron", "go xe", "thuc pham", "vat tu", "nguyen lieu", "sua bot",
    "trai cay", "hoa qua", "nong san", "hai san", "thuy san", "phe lieu", "sat thep", "xang dau",
    "hoa chat", "my pham", "dien thoai", "o to", "may tinh",
))


def _imported_goods(key: tuple[str, ...], words: list[str], pos: int, size: int) -> bool:
    """Whether a phrase read as a household registration is "nhập khẩu" next to goods."""
    if tuple(words[pos:pos + size]) != _IMPORT_WORDS:
        return False
    before, after = words[max(0, pos - 3):pos], words[pos + size:pos + size + 3]
    if any(word in _GOODS for word in before[-2:] + after[:2]):
        return True
    return any(tuple(near[i:i + 2]) in _GOODS_PAIRS for near in (before, after) for i in range(len(near) - 1))


# Two folded syllables that are always one word, whose second syllable folds like another word
# ("hoạt động", "lao động", "hợp đồng": "động", "đồng" fold like "đóng"). No everyday phrase starts
# at that second syllable: "giấy phép hoạt động công ty" is no "đóng công ty" (dissolving it),
# "hợp đồng thuê nhà" no "đóng thuế", "đăng ký hoạt động chi nhánh" no "đóng chi nhánh".
_BOUND_SYLLABLES = frozenset({("hoat", "dong"), ("lao", "dong"), ("hop", "dong")})


def phrase_may_start(previous: str | None, word: str) -> bool:
    """Whether an everyday phrase may begin at `word` after the word `previous` (None at the
    start): not inside a word like "hoạt động"."""
    return previous is None or (previous, word) not in _BOUND_SYLLABLES


# Folded, "đổi số" (change a number) is "đổi sổ" (renew a book: the land certificate): a phrase
# ending on "đổi sổ" is not read where a thing with a number follows ("đổi số điện thoại",
# "đổi số khung"; not "nhà": "đổi sổ nhà" is the land certificate); shorter phrases ("đổi"),
# and longer ones naming the thing ("đổi số tài khoản"), still are.
_NUMBERED = frozenset(tuple(pair.split()) for pair in (
    "dien thoai", "khung", "may", "hieu", "cmnd", "cccd", "can cuoc", "dinh danh", "sim",
    "tai khoan", "ho chieu", "bao danh", "phong", "hop dong", "hoa don", "seri", "serial",
    "chung minh", "xe", "bien",
))


def _numbered(key: tuple[str, ...], words: list[str], pos: int, size: int) -> bool:
    """Whether a phrase ending on "đổi sổ" is followed by a thing that has a number (`_NUMBERED`)."""
    if key[-2:] != ("doi", "so"):
        return False
    after = tuple(words[pos + size:pos + size + 2])
    return after[:1] in _NUMBERED or after in _NUMBERED


def _apply_synonyms(segments: list[_Segment], index: Index) -> list[_Segment]:
    """Replace everyday phrases by their legal alternatives, keeping the literal reading.

    A phrase is matched on the first alternative of each segment (the token as
    typed, or its best correction), longest phrase first. A phrase with an empty
    alternative (a question word) is dropped altogether.
    """
    syn = index_synonyms(index)
    heads = [seg[0][0] for seg in segments]
    flat: list[tuple[str, int]] = [(t, i) for i, h in enumerate(heads) for t in h]
    words = [t for t, _ in flat]
    out: list[_Segment] = []
    pos = 0
    while pos < len(words):
        match = None
        starts = phrase_may_start(words[pos - 1] if pos else None, words[pos])
        for size in range(min(syn.longest, len(words) - pos) if starts else 0, 0, -1):
            key = syn.rule_key(tuple(words[pos:pos + size]))
            if key is not None and _imported_goods(key, words, pos, size):
                break  # "xe nhập khẩu": import, not the old word for a household registration
            if key is not None and _numbered(key, words, pos, size):
                continue  # "đổi số điện thoại": a number, not "đổi sổ"
            if key is not None:
                match = (size, syn.rules[key])
                break
        if match is None:
            seg_no = flat[pos][1]
            out.append(segments[seg_no] if len(heads[seg_no]) == 1 else [((words[pos],), 1.0)])
            pos += 1
            continue
        size, targets = match
        if any(not t for t in targets):
            pos += size
            continue
        literal = tuple(words[pos:pos + size])
        out.append([(t, 1.0) for t in targets if t != literal] + [(literal, _literal_weight(literal, index))])
        pos += size
    return out


# One reading of the query: tokens, each with the weight of the alternative it came from.
Reading = list[tuple[str, float]]


def _readings(segments: list[_Segment]) -> list[Reading]:
    """Whole-query readings (one alternative per segment), most plausible first.

    A beam over the segments keeps the MAX_VARIANTS readings with the highest
    product of alternative weights, so a long query cannot explode.
    """
    beam: list[tuple[float, Reading]] = [(1.0, [])]
    for segment in segments:
        if not segment:
            continue
        grown = [(p * f, reading + [(t, f) for t in alt]) for p, reading in beam for alt, f in segment]
        grown.sort(key=lambda r: -r[0])
        beam = grown[:MAX_VARIANTS]
    return [reading for _, reading in beam]


def analyse(query: str, index: Index) -> list[Reading]:
    """The query's readings: corrected, synonym-expanded tokens with their weights."""
    tokens = [t for part in chunks(index.spell_out(query)) for t in part]
    known = set(index.vocabulary) | index_synonyms(index).words
    return _readings(_apply_synonyms(_correct(tokens, index, known), index))


def reading_terms(reading: Reading) -> dict[str, float]:
    """Weighted terms of a reading: unigrams, and bigrams weighted by their weaker side."""
    weighted = [(t, f * FUNCTION_WEIGHT if t in FUNCTION_WORDS else f) for t, f in reading]
    terms: dict[str, float] = {}
    for token, f in weighted:
        terms[token] = max(terms.get(token, 0.0), f)
    for (a, fa), (b, fb) in itertools.pairwise(weighted):
        bigram = f"{a} {b}"
        terms[bigram] = max(terms.get(bigram, 0.0), BIGRAM_WEIGHT * min(fa, fb))
    return terms


# ---------------------------------------------------------------- search


def _add(acc: dict[int, float], index: Index, terms: Iterable[tuple[str, float]],
         only: set[int] | None = None) -> None:
    """Add the terms' weights to acc; with `only`, just for those documents."""
    for term, weight in terms:
        if only is None:
            for doc, w in index.postings.get(term, ()):
                acc[doc] = acc.get(doc, 0.0) + weight * w
            continue
        weights = index.weights(term)
        for doc in only:
            found = weights.get(doc)
            if found is not None:
                acc[doc] = acc.get(doc, 0.0) + weight * found


def _score(index: Index, term_sets: list[set[tuple[str, float]]], selective: set[tuple[str, float]],
           only: set[int] | None) -> dict[int, float]:
    """Per document, the BM25 score of its best reading of the query.

    With `only`, just those documents are scored: the selective terms walk their
    (short) posting lists, the common ones are looked up per document.
    """
    if only is None:
        selective = set().union(*term_sets)
    # Readings differ only where a synonym or a correction offered alternatives:
    # score the terms they share once, then each reading's own terms.
    shared = set.intersection(*term_sets)
    base: dict[int, float] = {}
    _add(base, index, shared & selective)
    _add(base, index, shared - selective, only)
    best = dict(base)
    for terms in term_sets:
        extra: dict[int, float] = {}
        own = terms - shared
        _add(extra, index, own & selective)
        _add(extra, index, own - selective, only)
        for doc, score in extra.items():
            total = base.get(doc, 0.0) + score
            if total > best.get(doc, 0.0):
                best[doc] = total
    return best


_Ranked = list[tuple[float, _Doc]]


def _top(index: Index, scores: dict[int, float], level: str | None, limit: int) -> _Ranked:
    docs = ((score, index.docs[number]) for number, score in scores.items() if score > 0)
    candidates = [(score * (1 + doc.prior), doc) for score, doc in docs if level is None or doc.at(level)]
    # Ties: higher score, then the shorter (more general) name, then the code.
    return heapq.nsmallest(limit, candidates, key=lambda c: (-c[0], len(c[1].name), c[1].code))


def _rank(index: Index, readings: list[Reading], level: str | None, limit: int) -> _Ranked:
    """The best `limit` documents, usually without walking the long posting lists.

    A document worth ranking almost always matches a selective term ("khai sinh",
    "hộ chiếu"), not only the common ones ("cấp", "đăng ký", "giấy"). So the
    documents of the selective terms are scored first; a document outside them
    can score at most the sum of the common terms' best weights, and when the
    last of the top `limit` already beats that bound the answer is exact.
    Otherwise every document is scored.
    """
    term_sets = [set(reading_terms(r).items()) for r in readings]
    if not term_sets:
        return []
    common_df = COMMON_TERM_SHARE * len(index.docs)
    selective = {t for t in set().union(*term_sets) if 0 < index.df(t[0]) <= common_df}
    if selective:
        only = {doc for term, _ in selective for doc, _ in index.postings[term]}
        top = _top(index, _score(index, term_sets, selective, only), level, limit)
        bound = max(sum(w * index.max_weight(t) for t, w in terms - selective) for terms in term_sets)
        if len(top) == limit and top[-1][0] > bound * (1 + MAX_PRIOR):
            return top
    return _top(index, _score(index, term_sets, set(), None), level, limit)


def search(query: str, *, level: str | None = None, limit: int = 10) -> list[SearchHit]:
    """Procedures matching a citizen's query, best first.

    `level` ("commune", "province", "ministry", "other") keeps only procedures
    carried out at that level.
    """
    if level is not None and level not in Level.values:
        raise ValueError(f"unknown level {level!r}")
    index = get_index()
    if not index.docs or limit <= 0:
        return []
    # Citizens ask the same few things again and again: a query's answer is kept with the index
    # that gave it (a rebuilt index starts empty), the least recently asked dropped first.
    key = (query, level, limit)
    answers = index._answers
    with _answers_lock:
        hits = answers.get(key)
        if hits is not None:
            answers.move_to_end(key)
            return list(hits)
    top = _rank(index, analyse(query, index), level, limit)
    hits = [SearchHit(doc.code, doc.name, round(score, 3), doc.procedure_id) for score, doc in top]
    with _answers_lock:
        answers[key] = hits
        while len(answers) > ANSWERS_KEPT:
            answers.popitem(last=False)
    return list(hits)


# ---------------------------------------------------------------- command line


def add_arguments(parser: Any) -> None:
    """Arguments of `motcua catalog search` (the catalog command adds this sub-parser)."""
    parser.add_argument("query", help=gettext("Câu tìm kiếm, có dấu hoặc không dấu."))
    parser.add_argument("--level", choices=[Level.COMMUNE, Level.PROVINCE, Level.MINISTRY, Level.OTHER],
                        help=gettext("Chỉ lấy thủ tục thực hiện ở cấp này."))
    parser.add_argument("--limit", type=int, default=10, help=gettext("Số kết quả tối đa."))
    parser.add_argument("--json", action="store_true", help=gettext("In kết quả dạng JSON."))


def cli(options: Mapping[str, Any], stdout: Any) -> None:
    """`motcua catalog search "QUERY" [--level commune] [--limit N] [--json]`."""
    query = (options.get("query") or "").strip()
    if not query:
        raise BadInput(gettext("Hãy nhập nội dung cần tìm."))
    limit = options.get("limit")
    limit = 10 if limit is None else limit
    if limit < 1:
        raise BadInput(gettext("Số kết quả tối đa phải lớn hơn 0."))
    hits = search(query, level=options.get("level"), limit=limit)
    if options.get("json"):
        stdout.write(to_json([{"code": h.code, "name": h.name, "score": h.score,
                               "procedure_id": h.procedure_id} for h in hits]))
        return
    if not hits:
        stdout.write(gettext("Không tìm thấy thủ tục nào phù hợp."))
        return
    width = max(len(h.code) for h in hits)
    for hit in hits:
        stdout.write(f"{hit.code:<{width}}  {hit.score:>7.2f}  {hit.name}")


# ---------------------------------------------------------------- the catalog's one search

# How many ranked hits a search page can page through (25 a page: 12 pages).
MAX_RESULTS = 300


@dataclass(frozen=True)
class CatalogQuery:
    """What a citizen asked on the home page, the catalog, the portal or the kiosk."""

    text: str = ""
    level: str = ""
    field_id: int | None = None
    agency: str = ""  # a department's code: procedures of the fields it decides
    online: str = ""  # an OnlineLevel value
    everywhere: bool = False  # also the procedures only central bodies handle

    @classmethod
    def from_params(cls, params: Mapping[str, str]) -> CatalogQuery:
        """Read a query string; values that mean nothing are ignored, never an error."""
        from .models import OnlineLevel

        def get(key: str) -> str:
            return str(params.get(key, "") or "").strip()[:200]

        field_text = get("field")
        return cls(
            text=get("q"),
            level=get("level") if get("level") in Level.values else "",
            field_id=int(field_text) if field_text.isascii() and field_text.isdigit()
            and len(field_text) < 10 else None,
            agency=get("agency"),
            online=get("online") if get("online") in OnlineLevel.values else "",
            everywhere=get("scope") == "all",
        )


_central_lock = threading.Lock()
_central: tuple[tuple[Any, ...], frozenset[int]] | None = None


def decided_centrally() -> frozenset[int]:
    """Ids of the commune/province procedures whose catalog names only central bodies.

    The province's centres do not receive them (catalog.services.reception_agencies, which asks
    the same question of one procedure); computed for the whole catalog at once and cached until
    the catalog or the competence rules change. Kept as the small set (a few dozen) so that a
    query can exclude it.
    """
    global _central
    from .competence import LOCAL_LEVELS, agency_texts, choose, matching_rules
    from .services import active_rules

    rules = active_rules()
    key = (get_index().fingerprint, tuple(rules))
    cached = _central
    if cached is not None and cached[0] == key:
        return cached[1]
    latest: dict[int, tuple[str, str]] = {}
    versions = (ProcedureVersion.objects.filter(procedure__at_commune=True)
                | ProcedureVersion.objects.filter(procedure__at_province=True))
    for procedure_id, competent, implementing in versions.order_by("procedure_id", "valid_from").values_list(
            "procedure_id", "competent_agency_text", "implementing_agency"):
        latest[procedure_id] = (competent, implementing)
    ids: set[int] = set()
    local = Procedure.objects.filter(pk__in=list(latest)).values_list(
        "pk", "field__name", "at_ministry", "at_province", "at_commune", "at_other")
    for pk, field_name, *flags in local:
        levels = [level for level, on in zip((Level.MINISTRY, Level.PROVINCE, Level.COMMUNE, Level.OTHER),
                                             flags, strict=True) if on]
        matches = matching_rules(rules, agency_texts(*latest[pk]), field_name, levels)
        if all((rule := choose(matches, desk)) is not None and rule.level not in LOCAL_LEVELS
               for desk in (True, False)):
            ids.add(pk)
    found = frozenset(ids)
    with _central_lock:
        _central = (key, found)
    return found


def find_procedures(query: CatalogQuery, today: Any) -> QuerySet[Procedure] | list[Procedure]:
    """The procedures in force that match, best first when there is text, else by name.

    Every page that searches the catalog (home, catalog, portal, kiosk) calls this. Each
    procedure carries `online_level` (of the version in force) for the list.
    """
    from django.db.models import OuterRef, Subquery

    from .models import FieldDepartment

    in_force = ProcedureVersion.objects.in_force_on(today).filter(procedure=OuterRef("pk"))
    procedures = (Procedure.objects.select_related("field")
                  .annotate(online_level=Subquery(in_force.values("online_level")[:1]),
                            valid_from=Subquery(in_force.values("valid_from")[:1]))
                  .filter(valid_from__isnull=False))
    if query.level:
        procedures = procedures.filter(**{f"at_{query.level}": True})
    if query.field_id is not None:
        procedures = procedures.filter(field_id=query.field_id)
    if query.agency:
        mapped = FieldDepartment.objects.filter(agency__code=query.agency, valid_from__lte=today)
        procedures = procedures.filter(at_province=True, field_id__in=mapped.values("field_id"))
    if query.online:
        procedures = procedures.filter(online_level=query.online)
    if not query.everywhere:
        procedures = (procedures.filter(Q(at_commune=True) | Q(at_province=True))
                      .exclude(pk__in=sorted(decided_centrally())))
    if not query.text:
        return procedures.order_by("name", "code")  # type: ignore[return-value]
    # Central-only procedures are dropped after ranking: ask for more so a page stays full.
    limit = MAX_RESULTS if query.everywhere else 3 * MAX_RESULTS
    hits = search(query.text, level=query.level or None, limit=limit)
    rank = {hit.procedure_id: i for i, hit in enumerate(hits)}
    found: list[Procedure] = list(procedures.filter(pk__in=list(rank)))
    found.sort(key=lambda p: rank[p.pk])
    return found[:MAX_RESULTS]
