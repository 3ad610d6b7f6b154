"""Session 14: a longer everyday phrase that starts inside the one read first is read too.

The synonyms are matched longest first from the left; "bị mất" (lost) used to swallow the "mất"
of a longer phrase one word later ("mất giấy kết hôn"), which then never applied."""

from __future__ import annotations

from typing import Any

import pytest

from motcua.catalog import search as search_module
from motcua.catalog.search import _apply_synonyms, parse_synonyms

RULES = [
    "bị mất, mất => cấp lại | mất",
    "mất giấy kết hôn => cấp bản sao trích lục hộ tịch",
    "giấy kết hôn => đăng ký kết hôn",
    "xin => cấp | đăng ký",
    "xin cấp => cấp",
    "cấp lại do mất => cấp lại giấy chứng nhận do bị mất",
    "tai nạn khi đi làm => tai nạn lao động",
    "đi làm xa => tạm trú",
    "nổ mìn => vật liệu nổ công nghiệp",
    "mìn phá đá => vật liệu nổ công nghiệp",
]


class _Index:
    def df(self, term: str) -> int:
        return 0


@pytest.fixture(autouse=True)
def rules(monkeypatch: pytest.MonkeyPatch) -> Any:
    monkeypatch.setattr(search_module, "_synonyms", parse_synonyms(RULES))
    yield


def read(text: str) -> list[list[str]]:
    segments = [[((word,), 1.0)] for word in text.split()]
    return [[" ".join(alt) for alt, _ in segment] for segment in _apply_synonyms(segments, _Index())]  # type: ignore[arg-type]


def test_a_longer_phrase_starting_inside_the_first_match_is_read_too() -> None:
    assert read("bi mat giay ket hon") == [
        ["bi cap ban sao trich luc ho tich", "cap lai giay ket hon", "mat giay ket hon",
         "bi mat giay ket hon"],
    ]


def test_the_words_before_it_stay_in_its_reading() -> None:
    assert read("xin cap lai do mat") == [
        ["xin cap lai giay chung nhan do bi mat", "cap lai do mat", "xin cap lai do mat"],
    ]


def test_a_phrase_read_as_something_else_keeps_its_words() -> None:
    # "nổ mìn" is read as explosives: its "mìn" is no start of another phrase.
    assert read("no min pha da") == [["vat lieu no cong nghiep", "no min"], ["pha"], ["da"]]


def test_a_shorter_phrase_starting_inside_does_not_break_a_longer_match() -> None:
    assert read("tai nan khi di lam xa") == [["tai nan lao dong", "tai nan khi di lam"], ["xa"]]


def test_without_overlap_the_reading_is_unchanged() -> None:
    assert read("bi mat so do") == [["cap lai", "mat", "bi mat"], ["so"], ["do"]]
