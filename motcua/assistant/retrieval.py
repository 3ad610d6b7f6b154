"""Which procedure a question is about, and how sure we are.

Ranking is the catalog search (`motcua.catalog.search`: diacritics folding, typo correction,
the everyday-phrase synonyms, BM25 over names), called on the question's topic words (the
intent cues removed, see `intents.analyse`). Confidence is the assistant's own: a question is
answered only when the best procedure's name covers most of the topic words of one of the
query's readings *and* shares a whole word (two syllables in a row) with it; a question about
the weather shares at most a stray syllable with any procedure name.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass

from motcua.catalog import search as catalog_search
from motcua.catalog.search import FUNCTION_WORDS, SearchHit, chunks

# Share of the topic's words the best name must contain to answer without asking back…
MIN_COVERAGE = 0.65
# …or, for a strong match (a BM25 score only long shared phrases reach; off-topic questions
# stay under 25 on the real catalog), this smaller share.
STRONG_SCORE = 28.0
STRONG_COVERAGE = 0.25
CANDIDATES = 5


@dataclass(frozen=True)
class Candidate:
    hit: SearchHit
    coverage: float
    shares_word: bool

    @property
    def confident(self) -> bool:
        if not self.shares_word:
            return False
        return self.coverage >= MIN_COVERAGE or (
            self.hit.score >= STRONG_SCORE and self.coverage >= STRONG_COVERAGE
        )


def _name_terms(name: str) -> tuple[set[str], set[str]]:
    tokens: set[str] = set()
    bigrams: set[str] = set()
    for run in chunks(name):
        tokens.update(run)
        bigrams.update(f"{a} {b}" for a, b in itertools.pairwise(run))
    return tokens, bigrams


@dataclass(frozen=True)
class _Word:
    """One word of the question: what it may mean (itself, typo fixes, a synonym's legal words)."""

    meanings: frozenset[str]
    counts: bool  # False for function words and dropped question words


def _words(topic: str, index: catalog_search.Index) -> list[_Word]:
    """The question's words with their possible meanings, read the way the search reads them."""
    tokens = [t for part in chunks(topic) for t in part]
    known = set(index.vocabulary) | catalog_search.synonyms().words
    # The search's own typo handling (split, close words, neighbour-supported alternatives).
    segments = catalog_search._correct(tokens, index, known)
    # A word the catalog knows means itself; only an unknown word may mean its corrections
    # (else "giá vàng" would pass for "giá đang" through a neighbour-supported alternative).
    meanings = [
        {tokens[i]} if tokens[i] in known else {t for alt, _ in seg for t in alt} | {tokens[i]}
        for i, seg in enumerate(segments)
    ]
    counts = [t not in FUNCTION_WORDS for t in tokens]
    heads = [seg[0][0] for seg in segments]
    rules = catalog_search.synonyms().rules
    longest = catalog_search.synonyms().longest
    i = 0
    while i < len(tokens):
        matched = 0
        for size in range(min(longest, len(tokens) - i), 0, -1):
            key = tuple(t for head in heads[i : i + size] for t in head)
            if key in rules:
                targets = {t for target in rules[key] for t in target}
                for j in range(i, i + size):
                    if targets:
                        meanings[j] |= targets
                    else:
                        counts[j] = False  # a question word ("như thế nào")
                matched = size
                break
        i += matched or 1
    return [_Word(frozenset(m), c) for m, c in zip(meanings, counts, strict=True)]


def _explained(words: list[_Word], name_tokens: set[str]) -> float:
    """Share of the question's meaningful words that the name accounts for."""
    counted = [w for w in words if w.counts]
    if not counted:
        return 0.0
    return sum(1 for w in counted if w.meanings & name_tokens) / len(counted)


def _coverage(readings: list[catalog_search.Reading], words: list[_Word], name: str) -> tuple[float, bool]:
    tokens, bigrams = _name_terms(name)
    shares = False
    for reading in readings:
        kept = [t for t, _ in reading if t not in FUNCTION_WORDS]
        if any(f"{a} {b}" in bigrams for a, b in itertools.pairwise(kept)):
            shares = True
            break
    return _explained(words, tokens), shares


def retrieve(topic: str, *, level: str | None = None, limit: int = CANDIDATES) -> list[Candidate]:
    """Procedures for the topic words, best first, each with its coverage of the question."""
    if not topic.strip():
        return []
    hits = catalog_search.search(topic, level=level, limit=limit)
    if not hits:
        return []
    index = catalog_search.get_index()
    readings = catalog_search.analyse(topic, index)
    words = _words(topic, index)
    return [Candidate(hit, *_coverage(readings, words, hit.name)) for hit in hits]
