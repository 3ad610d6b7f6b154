"""Session 13 (docs/assistant.md): what a question asks, typed on a phone in a commune — regional
question words ("cần chi", "ở mô", "mần răng"), "bn" as a friend or an amount, papers asked as
kinds or things, a fee asked as how it is worked out, waits in weeks or months, who to see, "thì
làm sao" as a steps question, "xong rồi" as a thing done, and words of the topic that look like
cues (selling online, money one cannot pay, "phí bảo trì"). Questions here are in no eval file."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.conf import settings

from motcua.assistant import intents
from motcua.catalog import search as catalog_search

CATALOG_FILE = Path(settings.DATA_DIR) / "catalog" / "procedures-2026-07.jsonl.gz"


def _asked(question: str) -> set[str]:
    return set(intents.analyse(question).intents)


def test_regional_question_words_read_as_the_common_ones(db: Any) -> None:
    assert _asked("mần giấy khai sinh cho cháu cần chi") == {"documents"}
    assert _asked("dang ky thuong tru can nhung giay to chi rua") == {"documents"}
    assert _asked("dang ky tam tru lam o mo") == {"where"}
    assert _asked("xin giay phep xay dung nop o mo rua") == {"where"}
    assert _asked("dang ky xe may lam rang") == {"steps"}
    assert _asked("mần giấy chứng tử cho ông cần chi, nộp ở mô") == {"documents", "where"}
    assert intents.analyse("mần giấy khai sinh cho cháu cần chi").topic == "lam giay khai sinh cho chau"
    # Only at the end of a clause: "chi trả", "quy mô" stay topic words.
    chi_tra = intents.analyse("chi tra tro cap that nghiep bao lau thi co")
    assert chi_tra.intents == ("time",) and chi_tra.topic.startswith("chi tra")
    scale = intents.analyse("mo tiem tap hoa can dang ky quy mo nhu the nao")
    assert scale.intents == ("steps",) and "quy mo" in scale.topic
    # "đi mổ" (surgery), "tại mỏ" (at the mine) are no "đi mô", "tại mô".
    surgery = intents.analyse("bo toi phai di mo, ho so huong che do om dau gom gi")
    assert surgery.intents == ("documents",) and "mo" in surgery.topic.split()
    assert _asked("cong nhan bi tai nan tai mo, xin tro cap tai nan lao dong o dau") == {"where"}


def test_bn_is_a_friend_at_the_ends_and_an_amount_after_a_verb(db: Any) -> None:
    assert _asked("lam so do o dau vay bn") == {"where"}
    assert _asked("bn oi lam cccd o dau") == {"where"}
    assert _asked("tach ho khau can nhung giay to j vay bn") == {"documents"}
    assert _asked("lam so do lan dau het bn tien") == {"fee"}
    assert _asked("lam lai ban sao giay khai sinh thi bn ngay") == {"time"}
    assert _asked("lam ho chieu het bnh tien") == {"fee"}


def test_papers_asked_as_kinds_or_things_are_a_documents_question(db: Any) -> None:
    assert _asked("cho em hoi xin cap lai so do bi mat thi phai co nhung loai giay nao a") == {"documents"}
    assert _asked("đăng ký kết hôn cần cái gì") == {"documents"}
    assert _asked("lam cccd can nhung thu gi") == {"documents"}
    assert _asked("xin cap so ho ngheo phai nop nhung cai gi") == {"documents"}
    assert _asked("can nop gi de xin tro cap hoc sinh ngheo") == {"documents"}
    assert _asked("lam lai giay khai sinh cho con thi giay to can co la gi") == {"documents"}


def test_how_a_fee_is_worked_out_is_a_fee_question_not_the_steps(db: Any) -> None:
    assert _asked("chung thuc ban sao thi tinh phi the nao") == {"fee"}
    assert _asked("cap giay phep kinh doanh thi phi ra sao") == {"fee"}
    assert _asked("so do bi sai ten sua thi ton kem ko") == {"fee"}
    assert _asked("so do bi sai ten sua o dau, ton kem ko") == {"where", "fee"}
    topic = intents.analyse("cap ban sao trich luc ket hon gia bao nhieu").topic
    assert "gia" not in topic.split()


def test_a_wait_in_weeks_or_months_is_a_time_question(db: Any) -> None:
    assert _asked("Đăng ký biến động đất đai phải chờ mấy tuần") == {"time"}
    assert _asked("lam cccd thi mat may thang") == {"time"}
    assert _asked("lam giay khai sinh mat may bua") == {"time"}
    # How long one is away is what the question is about, not a wait.
    assert "time" not in _asked("di lam cong trinh may thang o tinh khac co phai khai bao tam vang ko")


def test_who_to_see_and_where_to_go_up_to_are_a_where_question(db: Any) -> None:
    assert _asked("chuyen muc dich su dung dat thi nop cho ai") == {"where"}
    assert _asked("xin xac nhan noi cu tru thi gap ai") == {"where"}
    assert _asked("xin giay phep xay dung thi len dau nop") == {"where"}
    assert _asked("xin giay phep ban ruou thi nop o xa hay huyen") == {"where"}
    assert _asked("hồ sơ xin hỗ trợ nhà ở cho hộ nghèo nộp cho ai, mất bao lâu") == {"where", "time"}


def test_then_how_asks_the_steps_and_what_must_i_do_the_overview(db: Any) -> None:
    assert _asked("con toi 15 tuoi muon lam cccd thi lam sao") == {"steps"}
    assert _asked("mần giấy khai sinh cho cháu thì mần răng") == {"steps"}
    must = intents.analyse("muon tach ho ra o rieng thi phai lam sao")
    assert must.intents == () and must.what_to_do
    assert intents.analyse("muon dong cua ho kinh doanh thi lam gi").what_to_do


def test_done_already_is_a_thing_done_unless_asked(db: Any) -> None:
    assert _asked("nha xay xong roi muon hoan cong thi can giay to gi") == {"documents"}
    assert _asked("ho so so do cua toi xong roi chua") == {"status"}
    assert _asked("dang ky khai sinh thi bao gio xong") == {"time"}


def test_selling_online_and_money_one_cannot_pay_are_topic_words(db: Any) -> None:
    online = intents.analyse("ban hang online co phai dang ky kinh doanh ko")
    assert online.intents == () and "online" in online.topic
    assert _asked("co lam online dc ko, dang ky thuong tru") == {"where"}
    assert _asked("nha toi khong co tien nop phi thi hanh an, xin mien duoc ko") == set()
    assert _asked("ho ngheo ko du tien dong tien su dung dat thi xin ghi no o dau") == {"where"}


def test_session_13_intents_on_the_real_catalog(real_catalog: None) -> None:
    from motcua.assistant.services import ask
    # "phí bảo trì", "phí bảo vệ môi trường" name a payment: "bao" asks only in "bao nhiêu".
    assert _asked("phi bao tri nha chung cu") == set()
    assert _asked("phi bao ve moi truong voi nuoc thai nop o dau") == {"where"}
    assert _asked("lam so do het phi bao nhieu") == {"fee"}
    for question, code, asked in (
        ("mần giấy khai sinh cho cháu cần chi", "1.001193", ["documents"]),
        ("mần giấy chứng tử cho ông cần chi, nộp ở mô", "1.000656", ["documents", "where"]),
        ("dang ky tam tru lam o mo", "1.004194", ["where"]),
        ("nha toi khong co tien nop phi thi hanh an, xin mien duoc ko", "1.002548", ["overview"]),
        ("phi bao ve moi truong voi nuoc thai nop o dau", "1.008603", ["where"]),
        ("ban hang online co phai dang ky kinh doanh ko", "1.001612", ["overview"]),
        ("con toi 15 tuoi muon lam cccd thi lam sao", "1.014061", ["steps"]),
    ):
        answer = ask(question)
        assert answer.confident and answer.sources[0].code == code, (question, answer.sources)
        assert answer.intents == asked, (question, answer.intents)


def test_bn_before_what_it_counts_is_an_amount_and_bn_lau_how_long(db: Any) -> None:
    assert _asked("mat the bhyt lam lai mat bn lau") == {"time"}
    assert _asked("lam lai cccd het bn ngay vay bn") == {"time"}
    assert intents._expand("ko bn tien") == "khong bao nhieu tien"


def test_what_a_dossier_holds_and_how_many_sets_are_a_documents_question(db: Any) -> None:
    assert _asked("hs dang ky ho kinh doanh gom j") == {"documents"}
    assert _asked("ho so xin cap phep khai thac khoang san thi phai nop may bo") == {"documents"}


def test_how_an_amount_is_worked_out_is_a_fee_question_a_computer_is_not(db: Any) -> None:
    assert _asked("dang ky xe thi phi truoc ba tinh the nao") == {"fee"}
    assert _asked("tien su dung dat khi chuyen muc dich tinh ra sao") == {"fee"}
    assert "fee" not in _asked("cai phan mem ke toan vao may tinh nhu the nao")


def test_who_to_send_to_and_where_to_go_are_places_not_progress(db: Any) -> None:
    assert _asked("xin phép sửa nhà thì làm đơn gửi ai") == {"where"}
    assert _asked("cho hoi muon xin xac nhan ho ngheo thi toi uy ban xa hay toi thon") == {"where"}
    assert _asked("đổi bằng lái xe hết hạn thì đến đâu làm") == {"where"}
    assert _asked("muon dang ky nuoi con nuoi thi phai toi dau") == {"where"}
    # How far a dossier has got is still its status.
    assert _asked("ho so cua toi den dau roi") == {"status"}
    assert _asked("ho so nop thang truoc gio toi dau roi a") == {"status"}


def test_a_bare_paper_word_in_a_list_of_asks_is_the_documents(db: Any) -> None:
    assert _asked("cap so do lan dau: ho so, le phi, thoi gian?") == {"documents", "fee", "time"}
    assert _asked("thu tuc ket hon - giay to - phi - thoi gian") == {"documents", "fee", "time"}


def test_a_choice_between_a_hamlet_and_the_commune_is_a_where_question(db: Any) -> None:
    assert _asked("xin so ho ngheo o thon hay o xa") == {"where"}


def test_late_or_due_is_the_topic_unless_dossiers_are_asked_about(db: Any) -> None:
    late = intents.analyse("dang ky khai sinh qua han thi bi phat bao nhieu tien")
    assert late.intents == ("fee",) and "qua han" in late.topic
    assert _asked("giay phep kinh doanh ruou den han thi gia han o dau") == {"where"}
    # The desk's questions.
    assert _asked("ho so nao cua toi den han hom nay") == {"due_today"}
    assert _asked("co ho so nao qua han khong") == {"due_today"}


def test_a_dossier_already_filed_is_a_status_question(db: Any) -> None:
    assert _asked("toi da nop ho so tach thua, bao gio co ket qua") == {"status"}


def test_time_of_use_of_land_is_the_topic_on_the_real_catalog(db: Any) -> None:
    from motcua.catalog.importer import import_catalog

    import_catalog(CATALOG_FILE, progress=False)
    catalog_search.invalidate()
    # "thời gian sử dụng đất" is the catalog's "thời hạn sử dụng đất": no time question.
    use = intents.analyse("xin gia han thoi gian su dung dat o dau")
    assert use.intents == ("where",) and "thoi gian su dung dat" in use.topic
    assert _asked("gia han su dung dat mat thoi gian bao lau") == {"time"}


def test_a_dossier_already_filed_is_a_status_question_only_when_nothing_else_is_asked(db: Any) -> None:
    # "tôi đã nộp hồ sơ …" tells that a dossier exists; what the question asks after it wins.
    assert _asked("tôi đã nộp hồ sơ xin cấp sổ đỏ, cần bổ sung giấy tờ gì") == {"documents"}
    assert _asked("tôi đã nộp hồ sơ đăng ký kết hôn, lệ phí bao nhiêu") == {"fee"}
    assert _asked("tôi đã nộp hồ sơ tách thửa, nộp ở đâu để lấy kết quả") == {"where"}
    assert _asked("tôi đã nộp hồ sơ tách thửa, bao giờ có kết quả") == {"status"}
    assert _asked("da nop ho so cap doi can cuoc roi ma van chua xong") == {"status"}
    # How to follow it, what to do with it now, a wait overrun: still about the dossier.
    for question in ("đã nộp hồ sơ rồi giờ làm sao biết kết quả",
                     "mình đã nộp hồ sơ rồi làm sao xem tình trạng", "đã nộp hồ sơ rồi thì theo dõi thế nào",
                     "đã nộp hồ sơ online thì tra cứu ở đâu",
                     "đã nộp hồ sơ online thì hỏi ở đâu", "đã nộp hồ sơ rồi phải làm gì tiếp",
                     "tôi đã nộp hồ sơ tách thửa bị trả lại, phải làm sao",
                     "đã nộp hồ sơ qua mạng rồi làm sao biết đã được tiếp nhận",
                     "đã nộp hồ sơ nhưng quá hẹn chưa có kết quả thì làm sao"):
        assert _asked(question) == {"status"}, question


def test_words_that_fold_like_a_cue_stay_topic_words(db: Any) -> None:
    # "tỉnh" (the province) folds like "tính" (worked out); "đầu" (the beginning) like "đâu"
    # (where); "máy bộ đàm" like "mấy bộ"; "rùa" like "rứa"; "thu chi" (revenue and spending).
    province = intents.analyse("chuyển hộ khẩu về tỉnh thế nào")
    assert province.intents == ("steps",) and "tinh" in province.topic.split()
    assert intents.analyse("đăng ký thường trú ngoại tỉnh thế nào").intents == ("steps",)
    assert _asked("phí trước bạ tính thế nào") == {"fee"}
    assert _asked("thuế đất ở tính thế nào") == {"fee"}  # "đất ở" (a house plot) is no province
    assert _asked("tiền sử dụng đất ở tính như thế nào") == {"fee"}
    assert "where" not in _asked("nộp hồ sơ cấp sổ đỏ thì tới đầu tháng có kết quả không")
    assert "where" not in _asked("gửi đơn đến đầu năm mới xong à")
    radio = intents.analyse("xin giấy phép sử dụng máy bộ đàm")
    assert "documents" not in radio.intents and radio.topic.endswith("may bo dam")
    assert _asked("nộp mấy bộ hồ sơ") == {"documents"}
    assert intents.analyse("xin giấy phép nuôi rùa").topic.endswith("nuoi rua")
    assert intents.analyse("công khai thu chi ngân sách xã").topic.startswith("cong khai thu chi")
    assert _asked("can nhung thu chi") == {"documents"}


def test_the_friend_addressed_as_bn_is_not_read_into_the_topic(db: Any) -> None:
    # "bn ơi" is the friend the question calls; "ban" would also read "bán" (sell).
    analysis = intents.analyse("bn ơi làm sổ đỏ hết bn tiền")
    assert analysis.intents == ("fee",) and "ban" not in analysis.topic.split()
