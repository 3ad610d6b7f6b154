"""Session 14: the channel a question asks for, and a qualifier one of its readings says.

- "online", "qua mạng", "trên dịch vụ công" ask where and how to file (a WHERE cue, out of the
  topic), and are remembered (`Analysis.online`): a few procedures come as an online variant and a
  counter one (`retrieval.channel_variants`), and the question chooses between them.
- A restrictive qualifier of a name ("… có yếu tố nước ngoài") is asked when one of the question's
  readings says it ("chồng người Úc" reads as "người nước ngoài" in `synonyms.txt`)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from motcua.assistant import intents
from motcua.assistant.retrieval import channel_variants


def test_online_words_ask_where_and_are_remembered(db: Any) -> None:
    asked = intents.analyse("đăng ký xe tạm thời qua mạng được không")
    assert asked.online and "where" in asked.intents
    assert "mang" not in asked.topic.split()
    assert intents.analyse("dang ky xe tam thoi truc tuyen").online
    assert intents.analyse("thu hồi biển số xe trên dịch vụ công").online
    assert not intents.analyse("đăng ký xe tạm thời ở đâu").online
    # selling online is what the business does, not a way to file
    assert not intents.analyse("bán hàng online có phải đăng ký hộ kinh doanh không").online


@dataclass(frozen=True)
class _Doc:
    code: str
    name: str
    field_name: str


@dataclass(frozen=True)
class _Index:
    docs: tuple[_Doc, ...]
    fingerprint: tuple[Any, ...] = ("session14",)


def test_channel_variants_pair_an_online_name_with_its_counter_name() -> None:
    index = _Index((
        _Doc("A", "Đăng ký xe tạm thời thực hiện bằng dịch vụ công trực tuyến toàn trình", "Xe"),
        _Doc("B", "Đăng ký xe tạm thời thực hiện bằng dịch vụ công trực tuyến một phần hoặc trực tiếp", "Xe"),
        _Doc("C", "Cấp lại chứng nhận đăng ký xe thực hiện bằng dịch vụ công trực tuyến toàn trình", "Xe"),
        _Doc("D", "Khai báo tạm trú cho người nước ngoài tại Việt Nam qua Trang thông tin điện tử", "XNC"),
        _Doc("E", "Khai báo tạm trú cho người nước ngoài tại Việt Nam bằng Phiếu khai báo tạm trú", "XNC"),
        _Doc("F", "Đăng ký thường trú", "Cư trú"),
    ))
    variants = channel_variants(index)  # type: ignore[arg-type]
    assert variants == {
        "A": (True, frozenset({"B"})),
        "B": (False, frozenset({"A"})),
        "D": (True, frozenset({"E"})),
        "E": (False, frozenset({"D"})),
    }  # "C" has no counter variant: "online" there only asks where to file
