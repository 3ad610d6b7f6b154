"""Phone typos mended before a question is read.

A citizen typing on a phone doubles a letter ("giiay", "nggay"), drops one ("vag" for "vắng",
"sih" for "sinh"), or swaps two ("gaiy", "quyte"). The catalog search mends the words of the procedure's
name (`search._correct`), but the question's cue words ("cần giiay tờ gì", "triinh tự ra sao",
"mất mấy nggay") are read before the search runs: a misspelt cue is neither recognised as a
question nor removed from the topic, so the intent is missed and the stray word lowers the share
of the question a name explains.

A word is mended only when it **cannot be a Vietnamese syllable** (folded: an onset, one of the
language's vowel groups, a coda) and is no word the catalog, its synonyms or the question cues
use: "facebook", "zalo", "cccd" or shorthand ("ktra", "thpt") are left alone, and a real
syllable is never changed. Its replacement is the word a doubled letter hides or "ng" typed "g",
else the one known syllable one edit away (OSA distance), else, among several, the one that forms
a known two-word phrase with a neighbour.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from motcua.assistant import intents as I
from motcua.catalog import search as catalog_search
from motcua.core.text import fold

# Folded vowel groups of Vietnamese syllables (medial glide and nucleus, and the off-glide of an
# open syllable): "oai" of "ngoài", "uye" of "quyết", "uoi" of "người", "ieu" of "nhiều".
_VOWELS = (
    "a ai ao au ay e eo eu i ia ie ieu iu o oa oai oay oe oeo oi oo u ua uay ue ui uo uoi uou uu uy"
    " uya uye uyu y ye yeu"
).split()
_SYLLABLE = re.compile(
    r"(?:ngh|ng|gh|gi|kh|nh|ph|qu|th|tr|ch|[bcdghklmnprstvx])?"
    r"(?:" + "|".join(sorted(_VOWELS, key=len, reverse=True)) + r")"
    r"(?:ng|nh|ch|[cmnpt])?"
)
_WORD = re.compile(r"\w+")
# Letters Vietnamese does not write, or a final consonant it never ends on ("max", "web",
# "zalo"): a foreign word or a brand, not a slip ("sih" for "sinh" ends on the "h" of "nh").
_FOREIGN = re.compile(r"[fjwz]|[bdklqrsvx]$")


# What a slip leaves, its doubled letters read once ("nggay"): a Vietnamese onset before the
# vowels. A word with no vowel or with a cluster no syllable begins with is shorthand ("cmt",
# "thpt", "ktra", "tgian", "xnhan", "lquan"), which the cues and synonyms read, not a slip.
_SLIP = re.compile(r"(?:ngh|ng|gh|gi|kh|nh|ph|qu|th|tr|ch|[bcdghklmnprstvx])?[aeiouy]\w*")


def is_syllable(folded: str) -> bool:
    """Whether a folded word can be a Vietnamese syllable ("giay" can, "giiay" and "vag" cannot)."""
    return _SYLLABLE.fullmatch(folded) is not None


@dataclass(frozen=True)
class _Lexicon:
    targets: tuple[str, ...]  # the syllables a mended word may become: names, cues, synonyms
    target_set: frozenset[str]
    known: frozenset[str]  # every word left alone: the targets, the catalog's, abbreviations
    pairs: frozenset[tuple[str, str]]  # two-word phrases of the synonyms' rules and the cues


_lexicon_cache: tuple[object, _Lexicon] | None = None


def _lexicon(index: catalog_search.Index) -> _Lexicon:
    global _lexicon_cache
    if _lexicon_cache is None or _lexicon_cache[0] != index.fingerprint:
        from motcua.assistant.retrieval import catalog_words

        syn = catalog_search.index_synonyms(index)
        cues = [tuple(cue.split()) for phrases in I.CUES.values() for cue in phrases]
        words = set(index.vocabulary) | syn.words | catalog_search.EVERYDAY_WORDS
        words |= {w for cue in cues for w in cue}
        targets = tuple(sorted(w for w in words if w.isalpha() and is_syllable(w)))
        phrases = [tuple(key) for key in syn.rules] + cues
        lexicon = _Lexicon(
            targets,
            frozenset(targets),
            frozenset(words | catalog_words(index) | set(I.ABBREVIATIONS)),
            frozenset(pair for phrase in phrases for pair in itertools.pairwise(phrase)),
        )
        _lexicon_cache = (index.fingerprint, lexicon)
    return _lexicon_cache[1]


def _mend(words: list[str], i: int, index: catalog_search.Index, lexicon: _Lexicon) -> str | None:
    from rapidfuzz import process
    from rapidfuzz.distance import OSA

    word = words[i]
    # The commonest slips first: a doubled letter ("giiay", "nggay") and "ng" typed "g" ("vag",
    # "riêg", "mag").
    undoubled = [word[:k] + word[k + 1 :] for k in range(1, len(word)) if word[k] == word[k - 1]]
    for candidate in undoubled + ([word[:-1] + "ng"] if re.search(r"[aeiouy]g$", word) else []):
        if candidate in lexicon.target_set:
            return candidate
    found = [
        w for w, _, _ in process.extract(word, lexicon.targets, scorer=OSA.distance, score_cutoff=1, limit=20)
    ]
    # The one syllable one edit away; a word of two vowel groups is two syllables run together
    # or a foreign word ("momo"), mended only where a neighbour confirms it ("quyte dang ky").
    if len(found) == 1 and len(re.findall(r"[aeiouy]+", word)) == 1:
        return found[0]
    # Among several, the one that forms a phrase of the catalog, the synonyms or the cues with a
    # neighbour ("mat may nggay", "xac nhna chu ky").
    before = words[i - 1] if i else None
    after = words[i + 1] if i + 1 < len(words) else None
    in_phrase = [
        w
        for w in found
        if (before, w) in lexicon.pairs
        or (w, after) in lexicon.pairs
        or (before and index.df(f"{before} {w}"))
        or (after and index.df(f"{w} {after}"))
    ]
    return in_phrase[0] if len(in_phrase) == 1 else None


def respell(question: str, index: catalog_search.Index | None = None) -> str:
    """The question with each word that cannot be a syllable mended, when one mending is clear."""
    index = index or catalog_search.get_index()
    lexicon = _lexicon(index)
    spans = [(m.start(), m.end(), fold(m.group())) for m in _WORD.finditer(question)]
    words = [w for _, _, w in spans]
    out, last = [], 0
    for i, (start, end, word) in enumerate(spans):
        if len(word) < 3 or not word.isalpha() or word in lexicon.known:
            continue
        if is_syllable(word) or _FOREIGN.search(word) or not _SLIP.fullmatch(re.sub(r"(\w)\1", r"\1", word)):
            continue
        mended = _mend(words, i, index, lexicon)
        if mended:
            out += [question[last:start], mended]
            last = end
            words[i] = mended
    return "".join(out) + question[last:] if out else question
