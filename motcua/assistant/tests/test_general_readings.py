"""General readings added to make the assistant generalise (docs/assistant.md, session 5): one
question phrase is one intent, every cue leaves the topic, numbers are written one way, and the
catalog's own abbreviations are read written out."""

from __future__ import annotations

from motcua.api.tests.conftest import Province
from motcua.assistant import intents
from motcua.assistant.retrieval import LONG_NAME, _length_normalised, retrieve
from motcua.catalog import search as catalog_search
from motcua.catalog.models import Field, Procedure
from motcua.catalog.search import chunks, find_acronyms


def test_overlapping_cues_are_read_as_the_intent_that_covers_more_of_the_phrase(province: Province) -> None:
    # "gồm những" alone is a documents cue, "những bước" / "bước nào" a steps one.
    assert intents.analyse("tách hộ khẩu gồm những bước nào").intents == ("steps",)
    assert intents.analyse("Quy trình đăng ký khai tử gồm những bước nào?").intents == ("steps",)
    assert intents.analyse("hồ sơ đăng ký khai tử gồm những gì").intents == ("documents",)
    # Cues that do not overlap are still separate questions.
    assert intents.analyse("đăng ký khai sinh cần giấy tờ gì và mất bao lâu?").intents == (
        "documents",
        "time",
    )


def test_every_cue_leaves_the_topic_even_when_cues_overlap(province: Province) -> None:
    # "nộp những giấy" and "những giấy tờ gì" overlap: no "tờ" is left as a topic word.
    assert intents.analyse("Làm tách hộ thì phải nộp những giấy tờ gì?").topic.split()[-2:] == ["tach", "ho"]
    # "làm thế nào" asks for the steps; its "làm" is no topic word.
    analysis = intents.analyse("gia hạn tạm trú thì làm thế nào")
    assert analysis.intents == ("steps",)
    assert analysis.topic == "gia han tam tru"


def test_numbers_are_written_one_way_in_names_and_questions() -> None:
    assert chunks("mức độ 02") == chunks("mức độ 2") == [["muc", "do", "2"]]
    assert chunks("công trình cấp IV") == chunks("cong trinh cap 4")
    assert chunks("cấp III, cấp I") == [["cap", "3"], ["cap", "1"]]
    # A syllable is no numeral: "vi" (vi phạm), "i" and "v" away from a ranking word.
    assert chunks("xử lý vi phạm") == [["xu", "ly", "vi", "pham"]]
    assert chunks("vitamin v") == [["vitamin", "v"]]
    assert chunks("năm 2025, số 0") == [["nam", "2025"], ["so", "0"]]


def test_an_abbreviation_means_the_phrase_the_other_names_write_out() -> None:
    names = ["Đăng ký thành lập công ty TNHH một thành viên"] + [
        f"Thủ tục {n} của công ty trách nhiệm hữu hạn" for n in ("một", "hai", "ba", "bốn", "năm")
    ]
    assert find_acronyms(names) == {"tnhh": "trach nhiem huu han"}
    # Too few uses, or a rival phrase with the same initials nearly as often: no reading.
    assert find_acronyms(names[:5]) == {}
    rivals = names + [f"Cấp thẻ tạm nhập hàng hóa {n}" for n in ("một", "hai")]
    assert find_acronyms(rivals) == {}
    # Roman numerals and phrases with a function word are never abbreviations' meanings.
    assert find_acronyms(["Cấp III"] + [f"Việc của ngân hàng {n}" for n in "abcdef"]) == {}


def _companies() -> Procedure:
    field = Field.objects.create(name="Thành lập và hoạt động của doanh nghiệp")
    kinds = ("hai thành viên trở lên", "có vốn nhà nước", "được chia", "được tách", "được hợp nhất")
    for number, kind in enumerate(kinds):
        Procedure.objects.create(
            code=f"9.{number:06d}",
            name=f"Đăng ký thay đổi thành viên công ty trách nhiệm hữu hạn {kind}",
            field=field,
            at_province=True,
        )
    return Procedure.objects.create(
        code="2.001583", name="Đăng ký thành lập công ty TNHH một thành viên", field=field, at_province=True
    )


def test_a_question_spelling_out_an_abbreviation_finds_the_name_abbreviating_it(province: Province) -> None:
    one_member = _companies()
    catalog_search.invalidate()
    assert catalog_search.get_index().acronyms["tnhh"] == "trach nhiem huu han"
    question = "lập công ty trách nhiệm hữu hạn một thành viên"
    assert catalog_search.search(question)[0].code == one_member.code
    assert retrieve(intents.analyse(question).topic)[0].hit.code == one_member.code
    # …and the other way round: the abbreviation typed finds names that write it out.
    assert {h.code for h in catalog_search.search("thay đổi thành viên công ty tnhh")} >= {
        p.code for p in Procedure.objects.filter(name__contains="trách nhiệm hữu hạn")
    }


def test_a_question_word_is_kept_where_names_use_it_with_its_neighbour(province: Province) -> None:
    question = "xác nhận tờ di chúc của bố thì bao lâu có kết quả?"
    # Folded, "di" (đi) is a question word ("đi đâu")…
    assert "di" not in intents.analyse(question).topic.split()
    assert intents.analyse("đi đâu để đăng ký kết hôn").topic == "dang ky ket hon"
    # …until a name uses "di chúc": then it is a syllable of that word.
    civil_status = Field.objects.get(name="Hộ tịch")
    Procedure.objects.create(code="2.001019", name="Chứng thực di chúc", field=civil_status)
    catalog_search.invalidate()
    assert "di chuc" in intents.analyse(question).topic
    assert intents.analyse("đi đâu để đăng ký kết hôn").topic == "dang ky ket hon"
    # Filler phrases on either side of a removed cue still go ("có mất phí không").
    assert intents.analyse("đăng ký kết hôn có mất phí không").topic == "dang ky ket hon"


def test_a_paragraph_long_name_counts_its_share_of_the_question_divided_by_its_length() -> None:
    # The longest names are paragraphs listing who may apply: they hold some words of any
    # situation ("công nhân", "thuê", "nhà ở"), so their share counts less.
    who = ", ".join(["cán bộ, công nhân chưa có nhà ở"] * 14)
    paragraph = f"Giao đất ở cho {who} và những người khác"
    assert len(paragraph.split()) == 2 * LONG_NAME
    assert _length_normalised(0.8, paragraph) == 0.4
    assert _length_normalised(0.8, "Đăng ký tạm trú") == 0.8
