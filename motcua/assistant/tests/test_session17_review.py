"""Session 17 review (a read-only reviewer on the merge): readings added this session that had
turned ordinary procedure questions into refusals, status replies or other questions. Each case
here was answered right before the session's changes. Questions here are in no eval file."""

from __future__ import annotations

import pytest


@pytest.mark.django_db
def test_reviewed_questions_are_answered_as_before(real_catalog: None) -> None:
    from motcua.assistant.services import ask

    for question, code, intents in (
        # a greeting ending at its comma, the request after it (the greeting had eaten the question)
        ("Kính gửi cán bộ một cửa, đăng ký kết hôn với người nước ngoài cần giấy tờ gì ạ, em cảm ơn",
         "2.000806", ["documents"]),
        ("Kính gửi anh chị, đăng ký khai sinh cho con em cần gì", "1.001193", ["documents"]),
        # "gia đình … hôm nay" is no market price
        ("Gia đình tôi hôm nay muốn đăng ký tạm trú cần giấy tờ gì", "1.004194", ["documents"]),
        # which way to file, and a business name asked with its papers, are no opinions to refuse
        ("Nộp hồ sơ cấp hộ chiếu nên chọn cách nào", "1.001456", ["overview"]),
        ("Đăng ký hộ kinh doanh bán thuốc thú y cần giấy tờ gì, nên chọn tên nào", "1.001612", ["documents"]),
        # "đính chính" is no plan ("dự định")
        ("Em đính chính sai sót trên giấy chứng nhận quyền sử dụng đất thế nào", "1.012796", ["steps"]),
        # "tham gia thế nào" asks how, not a price
        ("Muốn tham gia BHXH tự nguyện thì tham gia thế nào", None, ["steps"]),
    ):
        answer = ask(question)
        assert answer.confident, question
        assert answer.intents == intents, question
        if code:
            assert answer.sources[0].code == code, question
    # a land-use fee per m² is a fee question, not a market price
    answer = ask("Chuyển mục đích sử dụng đất sang đất ở phải nộp bao nhiêu tiền 1 m2")
    assert answer.confident and answer.intents == ["fee"]
    # shorthand is no slip: "ktra" (kiểm tra) keeps its status reading
    assert ask("ktra hồ sơ giúp em với").intent == "status"
    # "tra cứu hồ sơ như thế nào" asks about one's dossier, not the documents of nothing
    assert ask("Tra cứu hồ sơ như thế nào").intent == "status"
    # a rule about dossiers filed by post is no status of one's own
    assert ask("Hồ sơ nộp qua bưu điện có vẫn được giải quyết bình thường không").intent != "status"


@pytest.mark.django_db
def test_reviewed_words_are_topic_words(real_catalog: None) -> None:
    from motcua.assistant.intents import analyse

    # "có luôn" (includes as well) asks no time; "đồng khoán" is no fee; "thổ" is no "thợ"
    assert "time" not in analyse("Làm sổ đỏ có luôn tên vợ không").intents
    assert "dong khoan" in analyse("Đất đồng khoán có được cấp sổ đỏ không").topic
    assert not analyse("Mua đất thổ xây nhà thì xin giấy phép xây dựng mất bao nhiêu tiền").judgement
    # vocational training is supported by procedures: asking where to register is no opinion
    assert not analyse("Bộ đội xuất ngũ muốn học nghề thì đăng ký ở đâu").judgement
    # "nhắn tin được không" is no question of trust; the market's prices still are judgements
    assert not analyse("nhắn tin được không").judgement
    assert analyse("giá lợn hơi hôm nay bao nhiêu").judgement
    assert analyse("nên chọn vị trí nào mở quán").judgement
