"""The desk assistant: dossiers due today scoped like the inbox, rules with their source, legal basis."""

from __future__ import annotations

import datetime as dt

from django.test import Client
from django.utils import timezone

from motcua.api.tests.conftest import Dossiers, Province
from motcua.assistant.intents import analyse
from motcua.assistant.officer import due_today, find_rule, officer_answer, rules
from motcua.assistant.services import ask
from motcua.dossiers.models import Dossier

NOON = timezone.make_aware(dt.datetime(2026, 3, 10, 12, 0))


def _due_at_16h(dossier: Dossier) -> None:
    # Scenario set-up: the due time as the reception would have computed it for this day.
    Dossier.objects.filter(pk=dossier.pk).update(due_at=NOON + dt.timedelta(hours=4))


def test_due_today_lists_the_officers_dossier_due_today(province: Province, dossiers: Dossiers) -> None:
    _due_at_16h(dossiers.counter)
    assert [d.code for d in due_today(province.receptionist_a, NOON)] == [dossiers.counter.code]


def test_due_today_never_lists_another_agencys_dossier(province: Province, dossiers: Dossiers) -> None:
    _due_at_16h(dossiers.counter)
    assert due_today(province.receptionist_b, NOON) == []


def test_due_today_ignores_dossiers_due_another_day(province: Province, dossiers: Dossiers) -> None:
    Dossier.objects.filter(pk=dossiers.counter.pk).update(due_at=NOON + dt.timedelta(days=1))
    assert due_today(province.receptionist_a, NOON) == []


def test_due_today_question_is_answered_with_links_to_the_desk(
    province: Province, dossiers: Dossiers
) -> None:
    _due_at_16h(dossiers.counter)
    question = "hồ sơ nào của tôi đến hạn hôm nay"
    answer = officer_answer(question, analyse(question).intents, province.receptionist_a, NOON)
    assert answer.intent == "due_today"
    assert dossiers.counter.code in answer.answer
    assert "16:00" in answer.answer
    assert answer.suggestions[0]["url"] == f"/desk/dossiers/{dossiers.counter.code}/"


def test_every_rule_file_has_a_title_cues_a_source_and_a_text() -> None:
    assert len(rules()) >= 5
    for rule in rules():
        assert rule.title and rule.cues and rule.source and rule.text


def slug(question: str) -> str | None:
    rule = find_rule(question)
    return rule.slug if rule else None


def test_rule_questions_find_their_rule() -> None:
    assert slug("yêu cầu bổ sung hồ sơ lần thứ hai được không?") == "supplement-once"
    assert slug("chung thuc nhan sau 15 gio thi tra khi nao") == "certification-15h"
    assert slug("quá hạn thì làm gì") == "apology"
    assert find_rule("thủ tục đăng ký khai sinh") is None


def test_rule_answer_cites_its_source(province: Province) -> None:
    answer = ask("Chứng thực sau 15 giờ thì trả khi nào?", user=province.receptionist_a, officer=True)
    assert answer.intent == "rules"
    assert "Nghị định 23/2015/NĐ-CP, Điều 21" in answer.answer


def test_officer_gets_the_legal_basis_of_a_procedure(province: Province) -> None:
    answer = ask("căn cứ pháp lý của thủ tục đăng ký kết hôn", user=province.specialist_a, officer=True)
    assert answer.sources[0].code == "1.000894"
    assert "123/2015/NĐ-CP: Nghị định quy định chi tiết Luật Hộ tịch" in answer.answer


def test_desk_assistant_page_answers_an_officer(province: Province) -> None:
    client = Client()
    client.force_login(province.specialist_a)
    response = client.post("/desk/tro-ly/", {"question": "thời hạn giải quyết đăng ký kết hôn"})
    assert response.status_code == 200
    assert "5 Ngày làm việc" in response.content.decode()


def test_desk_assistant_page_is_refused_to_citizens(province: Province) -> None:
    client = Client()
    client.force_login(province.citizen)
    assert client.get("/desk/tro-ly/").status_code == 403


def test_desk_assistant_page_refuses_an_empty_question(province: Province) -> None:
    client = Client()
    client.force_login(province.specialist_a)
    assert client.post("/desk/tro-ly/", {"question": ""}).status_code == 422
