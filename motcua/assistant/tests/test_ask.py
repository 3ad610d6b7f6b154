"""`services.ask`: grounded answers, follow-ups, refusals and the dossier status rules."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from motcua.api.tests.conftest import Dossiers, Province
from motcua.assistant.services import AssistantError, ask
from motcua.catalog.models import Channel


def numbers(text: str) -> set[str]:
    return {n.strip(".,") for n in re.findall(r"\d+(?:[.,]\d+)*", text)}


def test_documents_question_lists_the_catalog_documents_and_names_the_procedure(province: Province) -> None:
    answer = ask("Làm giấy khai sinh cho con cần những giấy tờ gì?")
    assert answer.confident is True
    assert answer.intent == "documents"
    assert [s.code for s in answer.sources] == ["1.001193"]
    assert answer.sources[0].url == "/catalog/1.001193/"
    assert "Tờ khai theo mẫu — 1 bản chính" in answer.answer
    assert "1.001193" in answer.answer


def test_fee_is_copied_per_channel_word_for_word(province: Province) -> None:
    answer = ask("le phi dang ki ket hon bao nhieu")
    assert answer.intent == "fee"
    assert "Trực tiếp: 30.000 Đồng" in answer.answer
    assert "Trực tuyến: 15.000 Đồng (giảm 50% khi nộp trực tuyến)" in answer.answer


def test_every_number_of_an_answer_is_in_the_catalog_or_the_procedure_code(province: Province) -> None:
    answer = ask("đăng ký kết hôn cần giấy tờ gì, mất bao lâu, lệ phí bao nhiêu?")
    catalog = "30.000 15.000 50 5 1 123/2015/NĐ-CP 163"
    body = answer.answer
    for code in [s.code for s in answer.sources] + [s["code"] for s in answer.suggestions]:
        body = body.replace(code, " ")  # procedure codes name sources, they are not facts
    assert set(answer.intents) == {"documents", "time", "fee"}
    assert numbers(body) <= numbers(catalog)


def test_answer_uses_the_version_in_force_on_the_day(province: Province) -> None:
    Channel.objects.filter(version=province.birth_version).update(time_limit_text="2 Ngày làm việc")
    today = ask("đăng ký khai sinh mất bao lâu")
    before_reform = ask("đăng ký khai sinh mất bao lâu", on=dt.date(2025, 1, 15))
    assert "2 Ngày làm việc" in today.answer
    assert "3 Ngày làm việc" in before_reform.answer


def test_a_catalog_change_is_seen_by_the_next_answer(province: Province) -> None:
    assert "Miễn phí" in ask("lệ phí khai sinh").answer
    channel = Channel.objects.filter(version=province.birth_version).first()
    assert channel is not None
    channel.fee_text = "8.000 Đồng"
    channel.save()
    assert "8.000 Đồng" in ask("lệ phí khai sinh").answer


def test_follow_up_question_keeps_the_procedure_of_the_conversation(province: Province) -> None:
    first = ask("thủ tục đăng ký kết hôn cần giấy tờ gì")
    follow_up = ask("còn lệ phí thì sao?", conversation=first.conversation)
    assert follow_up.confident is True
    assert [s.code for s in follow_up.sources] == ["1.000894"]
    assert "30.000 Đồng" in follow_up.answer


def test_follow_up_without_a_conversation_is_not_answered_confidently(province: Province) -> None:
    answer = ask("còn lệ phí thì sao?")
    assert answer.confident is False
    assert answer.sources == []


def test_a_tampered_conversation_is_ignored(province: Province) -> None:
    first = ask("thủ tục đăng ký kết hôn cần giấy tờ gì")
    answer = ask("còn lệ phí thì sao?", conversation=first.conversation[:-2] + "xx")
    assert answer.confident is False


@pytest.mark.parametrize(
    "question", ["Thời tiết Lạng Sơn hôm nay thế nào?", "cach nau pho bo ngon", "Ai vô địch World Cup 2022?"]
)
def test_off_topic_question_is_refused_with_the_catalog_search(province: Province, question: str) -> None:
    answer = ask(question)
    assert answer.confident is False
    assert answer.intent == "off_topic"
    assert answer.sources == []
    assert "/catalog/" in answer.answer


def test_not_sure_answer_gives_the_hotline_when_configured(province: Province, settings: object) -> None:
    settings.ASSISTANT_HOTLINE = "0205 3 812 345"  # type: ignore[attr-defined]
    assert "0205 3 812 345" in ask("giá vàng hôm nay").answer


def test_status_question_asks_for_the_code_and_id_number(province: Province) -> None:
    answer = ask("Hồ sơ của tôi đến đâu rồi?")
    assert answer.intent == "status"
    assert answer.needs == ["dossier_code", "id_number"]
    assert answer.dossier is None


def test_status_with_code_and_id_number_shows_the_dossier_with_the_id_masked(dossiers: Dossiers) -> None:
    answer = ask("hồ sơ của tôi", dossier_code=dossiers.mine.code, id_number="001203004567")
    assert answer.dossier is not None
    assert answer.dossier["code"] == dossiers.mine.code
    assert answer.dossier["applicant_id_masked"] == "********4567"
    assert "001203004567" not in str(answer.as_dict())
    assert "Mới đăng ký" in answer.answer


def test_status_with_another_persons_id_number_reveals_nothing(dossiers: Dossiers) -> None:
    wrong = ask("hồ sơ của tôi", dossier_code=dossiers.mine.code, id_number="002204005678")
    unknown = ask("hồ sơ của tôi", dossier_code="000.61.01.H37-250101-9999", id_number="001203004567")
    assert wrong.dossier is None and unknown.dossier is None
    assert wrong.answer == unknown.answer
    assert dossiers.mine.code not in wrong.answer


def test_signed_in_owner_sees_the_status_without_the_id_number(
    province: Province, dossiers: Dossiers
) -> None:
    answer = ask("hồ sơ của tôi", dossier_code=dossiers.mine.code, user=province.citizen)
    assert answer.dossier is not None and answer.dossier["code"] == dossiers.mine.code


def test_signed_in_citizen_cannot_see_another_citizens_dossier(
    province: Province, dossiers: Dossiers
) -> None:
    answer = ask("hồ sơ của tôi", dossier_code=dossiers.other_centre.code, user=province.citizen)
    assert answer.dossier is None


def test_empty_question_is_refused(province: Province) -> None:
    with pytest.raises(AssistantError) as caught:
        ask("   ")
    assert caught.value.code == "empty_question"


def test_status_during_a_supplement_request_lists_what_is_missing(
    province: Province, dossiers: Dossiers
) -> None:
    from motcua.dossiers import services as dossier_services

    dossier_services.request_supplement(
        province.receptionist_a, dossiers.counter, ["Giấy chứng sinh bản chính"], "Bản chụp không rõ"
    )
    answer = ask("hồ sơ của tôi", dossier_code=dossiers.counter.code, id_number="003205006789")
    assert "Cần bổ sung:\n• Giấy chứng sinh bản chính\nLý do: Bản chụp không rõ" in answer.answer


def test_documents_everybody_brings_come_before_the_ones_only_some_cases_need(province: Province) -> None:
    from django.utils import translation

    from motcua.catalog.models import Requirement

    form = Requirement.objects.get(name="Tờ khai đăng ký kết hôn theo mẫu")
    version = form.version
    Requirement.objects.filter(version=version).exclude(pk=form.pk).update(order=9)
    Requirement.objects.filter(pk=form.pk).update(order=3)
    # In the catalog's order: a case first, then a document for everybody whose alternative
    # (after ";") and remark (in brackets) are no case of their own, then the form, then a case
    # worded mid-sentence.
    for order, name in (
        (1, "Trường hợp một bên đã ly hôn thì phải có bản án ly hôn."),
        (2, "Giấy tờ tùy thân (nếu nộp trực tiếp); trường hợp không có thì nộp giấy xác nhận."),
        (4, "Văn bản ủy quyền trong trường hợp ủy quyền nộp hồ sơ."),
    ):
        Requirement.objects.create(version=version, order=order, name=name, originals=1)

    for language, heading in (("vi", "Chỉ trong một số trường hợp:"), ("en", "Only in some cases:")):
        with translation.override(language):
            body = ask("đăng ký kết hôn cần giấy tờ gì").answer
        lines = [line for line in body.splitlines() if " — " in line or line == heading]
        assert [line.split(" — ")[0][:22] for line in lines] == [
            "• Giấy tờ tùy thân (nế",
            "• Tờ khai đăng ký kết ",
            heading[:22],
            "• Trường hợp một bên đ",
            "• Văn bản ủy quyền tro",
        ]


def test_a_document_for_everybody_without_a_count_is_not_listed_under_the_cases(province: Province) -> None:
    from motcua.catalog.models import Requirement

    form = Requirement.objects.get(name="Tờ khai đăng ký kết hôn theo mẫu")
    Requirement.objects.create(
        version=form.version, order=7, photocopies=1,
        name="Văn bản ủy quyền trong trường hợp ủy quyền nộp hồ sơ.",
    )
    Requirement.objects.create(version=form.version, order=8, name="Giấy tờ chứng minh nơi cư trú")
    body = ask("đăng ký kết hôn cần giấy tờ gì").answer
    assert body.index("• Giấy tờ chứng minh nơi cư trú") < body.index("Chỉ trong một số trường hợp:")
    assert body.index("Chỉ trong một số trường hợp:") < body.index("• Văn bản ủy quyền")


def test_when_every_document_is_for_some_cases_the_heading_still_says_so(province: Province) -> None:
    from motcua.catalog.models import Requirement

    form = Requirement.objects.get(name="Tờ khai đăng ký kết hôn theo mẫu")
    Requirement.objects.filter(pk=form.pk).update(name="Trường hợp nộp trực tiếp thì có tờ khai theo mẫu")
    body = ask("đăng ký kết hôn cần giấy tờ gì").answer
    assert body.index("Chỉ trong một số trường hợp:") < body.index("• Trường hợp nộp trực tiếp")
