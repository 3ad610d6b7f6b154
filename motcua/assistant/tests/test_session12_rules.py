"""Session 12 (docs/assistant.md): other names of a paper read through every rule of the name they
stand for ("giấy đỏ" == "sổ đỏ"), phone typing and teencode, "gửi đơn tới đâu" (where to send,
not a dossier's progress), a combined procedure and the commune security force's benefits as
variants, an action listed as one more case of a long name, the time limit and the fee stated in
every answer, and everyday readings (a parent recognised, a middle name written wrong, a renamed
holder on a land title, parents sharing out land, a fishing vessel sold…). Questions here are in no
eval file."""

from __future__ import annotations

from typing import Any

import pytest

from motcua.assistant import intents
from motcua.assistant.retrieval import _unasked_qualifiers
from motcua.catalog.search import parse_synonyms, synonyms


def test_an_alias_reads_like_the_name_it_stands_for_in_every_rule() -> None:
    parsed = parse_synonyms([
        "sổ đỏ, mất sổ đỏ => giấy chứng nhận",
        "sang tên sổ đỏ => đăng ký biến động",
        "giấy đỏ == sổ đỏ",
    ])
    assert ("mat", "giay", "do") in parsed.rules and ("sang", "ten", "giay", "do") in parsed.rules
    assert parsed.rules[("mat", "giay", "do")] == parsed.rules[("mat", "so", "do")]
    # The phrases it stands for are unchanged; an alias names one thing.
    assert parsed.rules[("sang", "ten", "so", "do")] == (("dang", "ky", "bien", "dong"),)
    with pytest.raises(ValueError):
        parse_synonyms(["giấy đỏ =="])
    rules = synonyms().rules
    assert rules[("the", "chap", "giay", "do")] == rules[("the", "chap", "so", "do")]
    assert ("mat", "the", "bao", "hiem") in rules


def test_phone_typing_and_teencode_are_written_out() -> None:
    assert intents._expand("ck toi lm mat bang lai r") == "chong toi lam mat bang lai roi"
    assert intents._expand("vk minh ms sinh kh biet lm giay j") == "vo minh moi sinh khong biet lam giay gi"


def test_where_a_paper_is_sent_is_a_place_not_a_dossiers_progress(db: Any) -> None:
    assert intents.analyse("muon khieu nai thi gui don toi dau").intents == ("where",)
    assert intents.analyse("nop don to cao den dau").intents == ("where",)
    # "tới đâu rồi / chưa" asks how far it has got.
    assert intents.analyse("don cua toi gui toi dau roi").intents == ("status",)
    assert intents.analyse("ho so den dau roi").intents == ("status",)


def test_a_combined_procedure_and_a_special_group_are_variants() -> None:
    combined = "Thủ tục đăng ký khai sinh kết hợp đăng ký nhận cha, mẹ, con"
    assert _unasked_qualifiers("ong ay nhan con rieng", combined) == 1
    assert _unasked_qualifiers("con chua co giay khai sinh nhan cha cung luc", combined) == 0
    guards = ("Giải quyết chế độ, chính sách cho người tham gia lực lượng tham gia bảo vệ an ninh, trật "
              "tự ở cơ sở chưa tham gia bảo hiểm y tế mà bị ốm đau")
    assert _unasked_qualifiers("nghi om bhxh", guards) == 1
    assert _unasked_qualifiers("to bao ve an ninh trat tu bi om", guards) == 0


def test_a_denunciation_is_not_a_complaint_and_back() -> None:
    complaint = ("Giải quyết khiếu nại về quyết định hành chính, hành vi hành chính của công dân đối với "
                 "lực lượng Công an nhân dân thực hiện tại cấp xã")
    denunciation = ("Giải quyết tố cáo không thuộc lĩnh vực tố tụng hình sự của công dân đối với lực lượng "
                    "Công an nhân dân thực hiện tại cấp xã")
    assert _unasked_qualifiers("to cao can bo cong an xa nhan hoi lo", complaint) == 2
    assert _unasked_qualifiers("to cao can bo cong an xa nhan hoi lo", denunciation) == 0
    assert _unasked_qualifiers("khieu nai quyet dinh xu phat cua cong an xa", denunciation) == 2
    assert _unasked_qualifiers("khieu nai quyet dinh xu phat cua cong an xa", complaint) == 0


def test_an_action_at_the_end_of_a_list_of_cases_is_one_more_case() -> None:
    name = ("Giao đất, cho thuê đất, chuyển mục đích sử dụng đất đối với trường hợp giao đất không đấu "
            "giá; giao đất và giao rừng; cho thuê đất và cho thuê rừng, gia hạn sử dụng đất khi hết "
            "thời hạn sử dụng đất")
    assert _unasked_qualifiers("chuyen muc dich su dung dat vuon", name) == 0
    # At the head of the name it applies to every case.
    assert _unasked_qualifiers("dang ky tam tru", "Xóa đăng ký tạm trú; xóa đăng ký thường trú") == 1


def test_everyday_readings_of_session_12() -> None:
    rules = synonyms().rules
    assert ("dang", "ky", "nhan", "cha", "me", "con") in rules[("nhan", "la", "con")]
    recognised = ("dang", "ky", "nhan", "cha", "me", "con")
    assert recognised in rules[("ghi", "ten", "bo", "vao", "giay", "khai", "sinh")]
    assert ("thay", "doi", "cai", "chinh", "bo", "sung", "thong", "tin", "ho", "tich") in rules[
        ("sai", "ten", "dem")
    ]
    gift = ("chuyen", "nhuong", "thua", "ke", "tang", "cho", "quyen", "su", "dung", "dat")
    assert gift in rules[("bo", "me", "chia", "dat")]
    vessel = rules[("sang", "ten", "tau", "ca")]
    assert ("xoa", "dang", "ky", "tau", "ca") in vessel and ("dang", "ky", "tau", "ca") in vessel
    assert rules[("o", "nho")] == (("dang", "ky", "tam", "tru"),)


def test_session_12_rules_on_the_real_catalog(real_catalog: None) -> None:
    from motcua.assistant.services import ask
    for question, codes in (
        # "giấy đỏ" is a land title wherever "sổ đỏ" is read.
        ("giay do nha toi bi mat khi chuyen nha, xin lai o dau", {"1.012786"}),
        ("the chap giay do o ngan hang can giay to gi", {"1.011441"}),
        # A paper told first and lost after is a lost paper, whoever it belongs to.
        ("the bhyt cua con toi bi that lac, lam lai o dau", {"1.001294", "1.001327", "1.002759"}),
        # A father's name added to the birth certificate is a recognition, not a combined
        # registration or a copy of the certificate.
        ("ong ay muon nhan chau be la con ruot, ghi ten bo vao giay khai sinh", {"1.001022"}),
        # A renamed holder on a land title, not a change of civil status.
        ("me toi doi ten roi ma so do van de ten cu, cap nhat lai the nao", {"1.013833"}),
        # Living parents sharing out their land give it (a change of holder).
        ("bo me chia dat cho hai con trai, lam giay sang ten o dau", {"1.013831"}),
        # A household's change of a plot's use: the commune's or the province's procedure, not
        # the one that needs no permit or the forest's.
        ("muon chuyen dat trong lua sang dat o de lam nha thi nop ho so o dau", {"1.013949", "1.013823"}),
        # The fishing vessel sold: its registrations, not an aircraft's or a ship's securities.
        ("ban tau ca cho nguoi khac thi sang ten the nao", {"1.003681", "1.003634"}),
        # Teencode.
        ("ck toi lm mat bang lai r, lm lai o dau", {"3.000348"}),
        # Being single; staying with a relative; a shop changing what it sells.
        ("xin giay xac nhan chua co vo de lam ho so", {"1.004873"}),
        ("chau toi o nho nha toi de di lam, co phai dang ky khong", {"1.004194"}),
        ("cua hang dien thoai nha toi doi mat hang sang ban quan ao thi khai bao the nao", {"2.000720"}),
    ):
        answer = ask(question)
        assert answer.confident and answer.sources[0].code in codes, (question, answer.sources)
    # A complaint sent somewhere is a "where" question, answered with the place.
    answer = ask("toi muon to cao can bo cong an xa thi gui don toi dau")
    assert answer.intent == "where" and "channels" in answer.sources[0].parts
    # The time limit and the fee follow what was asked; nothing is repeated.
    parts = ask("dang ky ket hon can giay to gi").sources[0].parts
    assert parts == ["documents", "time_limit", "fee"]
    assert ask("dang ky ket hon mat bao lau").sources[0].parts == ["time_limit", "fee"]
