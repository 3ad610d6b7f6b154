"""Session 16 (typo16): ordinary words are not "corrected" into catalog words. The typo fixes take
a word the catalog and the synonyms do not know for a misspelling of a close catalog word; everyday
words no name uses ("luôn", "chắc", "trưa", "giàu", "ad") are no typos, and the commonest words of
a question ("thì", "bao nhiêu", "tôi") get no neighbour-supported alternative. Real misspellings of
catalog words are still corrected. Questions here are in no eval file."""

from __future__ import annotations

from typing import Any

from motcua.assistant.retrieval import _words
from motcua.catalog import search
from motcua.catalog.search import build_index, synonyms


def _row(i: int, name: str) -> dict[str, Any]:
    return {"id": i, "code": f"X{i}", "name": name, "field_name": "",
            "at_commune": True, "at_province": False, "at_ministry": False, "at_other": False}


def _index() -> search.Index:
    return build_index(
        [
            _row(1, "Giải quyết hưởng lương hưu"),
            _row(2, "Cấp giấy phép nuôi động vật lớn"),
            _row(3, "Đăng ký khai sinh"),
            _row(4, "Cấp Giấy chứng nhận chức danh"),
            _row(5, "Thẩm định phí bảo hiểm"),
            _row(6, "Cấp giấy phép lái xe"),
            _row(7, "Cấp lại thẻ bảo hiểm"),
            _row(8, "Đăng ký kết hôn"),
            _row(9, "Lắp đặt trạm báo hiệu"),
        ],
        fingerprint=("session 16 typo16",),
    )


def _read(question: str, index: search.Index) -> list[list[str]]:
    tokens = question.split()
    known = set(index.vocabulary) | synonyms().words
    return [[" ".join(alt) for alt, _ in seg] for seg in search._correct(tokens, index, known)]


def test_everyday_words_are_not_corrected_into_catalog_words() -> None:
    index = _index()
    # before: "luôn" read as "lương" / "lớn", "chắc" as "chức", "giàu" as "giấy"
    assert _read("dang ky khai sinh luon", index)[-1] == [""]
    assert _read("chac phai dang ky khai sinh", index)[0] == [""]
    assert _read("giau ngheo", index)[0] == [""]
    # a misspelling of a catalog word is still corrected
    assert _read("dang ky khai sihn", index)[-1] == ["sinh"]
    assert _read("giay phep lai xee", index)[-1] == ["xe"]
    assert _read("cap lai the bao hiemm", index)[-1] == ["hiem"]


def test_common_question_words_get_no_neighbour_alternative() -> None:
    index = _index()
    # before: "thì" also read as "phí" ("thẩm định phí"), "nhiêu" of "bao nhiêu" as "hiệu" ("báo hiệu")
    assert _read("tham dinh thi bao", index)[2] == ["thi"]
    assert _read("le phi bao nhieu", index)[3] == ["nhieu"]
    # a known word that is a typo of another still gets its neighbour's reading
    assert "hon" in _read("dang ky ket hong", index)[3]


def test_particles_do_not_count_among_the_question_words() -> None:
    index = _index()
    words = _words("dang ky khai sinh luon nhe ad", index)
    luon, ad = words[4], words[6]
    assert not luon.counts and not ad.counts
    assert "luong" not in luon.meanings
