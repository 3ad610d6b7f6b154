"""Session 13 (docs/assistant.md): everyday words of the police, exit-entry and home-affairs
procedures a commune's citizens and small businesses deal with (fire safety files, support
tools and weapons handed in, explosives, seals, a business's security-and-order certificate,
passports, border passes, visas, the police schools, the village security team, a driving
licence's points), read as the catalog names them (`motcua/catalog/synonyms.txt`, section
"everyday vocabulary by field (session 13): police, military, home affairs"). Questions written
from the catalog and from how people talk, in no eval file; each one was answered wrongly or not
confidently before it."""

from __future__ import annotations

from motcua.catalog.search import synonyms


def test_police_and_home_affairs_readings_are_parsed() -> None:
    rules = synonyms().rules
    assert rules[("pccc",)] == (("phong", "chay", "chua", "chay"),)
    assert rules[("visa",)] == (("thi", "thuc"),)
    assert ("cong", "cu", "ho", "tro") in rules[("dui", "cui", "dien")]
    # Folded, "chùa" is "chưa", "đình" is "định", "súng" is "sung" (bổ sung): never a rule alone.
    for word in ("chua", "dinh", "den", "sung", "no", "phao"):
        assert (word,) not in rules, word


def test_police_and_home_affairs_readings_on_the_real_catalog(real_catalog: None) -> None:
    from motcua.assistant.services import ask
    for question, codes in (
        # fire prevention and fighting
        ("mở quán karaoke có phải thẩm duyệt phòng cháy chữa cháy không", {"3.000489"}),
        ("lam ho so pccc cho nha tro 5 tang o dau", {"3.000489"}),
        ("nghiem thu pccc mat bao lau", {"3.000493", "3.000490"}),
        # (right before this section too: kept so that "pccc" read alone never sends it to acceptance)
        ("đang xây thì đổi thiết kế, có phải thẩm duyệt lại pccc không", {"3.000492"}),
        ("kiem dinh binh cuu hoa o dau", {"3.000495"}),
        ("quan karaoke bi tam dinh chi pccc xin hoat dong lai the nao", {"3.000494"}),
        ("anh tôi đi chữa cháy giúp hàng xóm bị bỏng, có được hỗ trợ không", {"3.000509", "3.000510"}),
        # weapons, support tools, explosives
        ("cong ty bao ve muon trang bi dui cui dien, binh xit cay", {"1.013432", "1.013434"}),
        ("nhà có khẩu súng kíp cũ muốn nộp lại cho công an", {"3.000389", "1.013438"}),
        ("súng săn hỏng muốn mang đi sửa có phải xin phép không", {"3.000409"}),
        ("xin phép chở thuốc nổ đi mỏ đá", {"1.013425"}),
        # seals, security and order conditions of a business
        ("khac lai con dau cho hop tac xa", {"2.001410", "1.003173"}),
        ("xin giấy phép khắc dấu cho công ty", {"2.001403", "2.001410"}),
        ("mo quan karaoke can giay anh ninh trat tu khong", {"2.001478"}),
        ("lam giay du dieu kien antt cho tiem massage", {"2.001478"}),
        ("xin giay phep kinh doanh karaoke o dau", {"2.001478"}),
        # passports, border passes, visas
        ("tim lai duoc ho chieu da bao mat", {"1.010384"}),
        ("ho chieu bi hong rach thi lam lai", {"1.001456"}),
        ("xin so thong hanh di bang tuong", {"1.003133", "1.003494"}),
        ("xin giấy xác nhận đã xuất cảnh những lần nào", {"1.014363", "1.010048"}),
        ("gia hạn visa cho người nước ngoài đang ở Lạng Sơn", {"1.001146", "1.001194"}),
        # police schools, the village security team, a licence's points
        ("thi truong canh sat so tuyen o dau", {"1.004045"}),
        ("muốn vào tổ bảo vệ an ninh trật tự ở thôn", {"1.012533"}),
        ("bằng lái bị trừ hết điểm, muốn thi lại để phục hồi điểm", {"1.013211"}),
        ("bang lai bi tru het 12 diem thi kiem tra lai o dau", {"1.013211"}),
        # a citizen who caught a thief: rewarded if the question says so, cared for if hurt
        ("nguoi dan bat duoc ke trom xe may co duoc khen thuong khong", {"2.000511"}),
        ("dan phong bi thuong khi bat trom duoc ho tro gi", {"1.012537", "1.012538"}),
    ):
        answer = ask(question)
        assert answer.confident and answer.sources[0].code in codes, (question, answer.sources[:3])
    # A household business resuming trade is still its own procedure, not a fire-safety one.
    answer = ask("ho kinh doanh tam nghi giờ muốn hoạt động lại")
    assert answer.confident and answer.sources[0].code == "1.001570", answer.sources[:3]
    # Military service is not in this catalog: still refused rather than read as a tax "obligation".
    assert not ask("con trai đủ 17 tuổi đăng ký nghĩa vụ quân sự ở đâu").confident
