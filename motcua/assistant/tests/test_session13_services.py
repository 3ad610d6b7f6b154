"""Session 13 (docs/assistant.md): everyday words of health, education, culture, labour and trade
as the catalog holds them (`motcua/catalog/synonyms.txt`, section "everyday vocabulary by field
(session 13): health, education, culture, labour, trade"). The catalog has few procedures of those
ministries; what a small business of these fields meets in it is the police's certificate of security
and order (karaoke, bars, guesthouses, pawnshops, massage, gas), fire safety, food safety of farm
produce, certified copies of diplomas, border tourism, foreign guests and medicinal plants under
forest. A translated diploma is certified at the commune, not at an embassy. Questions here are in
no eval file."""

from __future__ import annotations

from motcua.catalog.search import synonyms

SECURITY_AND_ORDER = ("giay", "chung", "nhan", "du", "dieu", "kien", "ve", "an", "ninh", "trat", "tu")


def test_session_13_service_readings_are_parsed() -> None:
    rules = synonyms().rules
    # Trades with conditions on security and order read as their certificate.
    trades = (("mo", "tiem", "cam", "do"), ("dai", "ly", "gas"), ("mo", "homestay"), ("quan", "massage"))
    for phrase in trades:
        assert SECURITY_AND_ORDER in rules[phrase], phrase
    # A bare "quán karaoke" is a place (noise, a fire check), not yet a licence.
    assert ("quan", "karaoke") not in rules
    # Folded, "bán ga" is "bán gà" (selling chicken); "dịch sang tiếng Anh" alone asks for a translation.
    assert ("ban", "gas") in rules and ("ban", "ga") not in rules
    assert ("dich", "sang", "tieng", "anh") not in rules
    # A lost diploma is a copy from the master register; a diploma's copy is certified.
    assert rules[("mat", "bang", "tot", "nghiep")] == (("cap", "ban", "sao", "tu", "so", "goc"),)
    certified_copy = ("chung", "thuc", "ban", "sao", "tu", "ban", "chinh")
    assert certified_copy in rules[("cong", "chung", "bang", "tot", "nghiep")]


def test_session_13_service_questions_on_the_real_catalog(real_catalog: None) -> None:
    from motcua.assistant.services import ask

    for question, codes in (
        # karaoke, bars, guesthouses, pawnshops, massage, gas: certificate of security and order
        ("mo quan karaoke can giay to gi", {"2.001478"}),
        ("kinh doanh nha nghi xin giay antt mat bao lau", {"2.001478"}),
        ("mở tiệm cầm đồ cần thủ tục gì", {"2.001478"}),
        ("mo tiem cam do xin giay phep o dau", {"2.001478"}),
        ("mở quán massage xin giấy gì", {"2.001478"}),
        ("mở cơ sở xoa bóp cần giấy an ninh trật tự", {"2.001478"}),
        ("mo dai ly ban gas can giay chung nhan an ninh trat tu khong", {"2.001478"}),
        ("mở homestay đón khách du lịch cần giấy phép gì", {"2.001478"}),
        ("mở khách sạn mini cần giấy tờ gì với công an", {"2.001478"}),
        ("mo quan bar vu truong xin phep o dau", {"2.001478"}),
        # fire safety of a shop
        ("quán karaoke bị đình chỉ vì phòng cháy giờ muốn hoạt động lại", {"3.000494"}),
        ("quan bi tam dinh chi pccc xin hoat dong tro lai", {"3.000494"}),
        ("xây nhà nghỉ 5 tầng thẩm duyệt phòng cháy chữa cháy ở đâu", {"3.000489"}),
        ("nghiệm thu pccc cho quán karaoke", {"3.000493"}),
        # star anise dried to sell: farm-produce food safety
        ("sấy hoa hồi để bán có phải xin giấy attp không", {"2.001827"}),
        ("chế biến măng khô để bán xin giấy attp", {"2.001827"}),
        ("mở lò mổ lợn có cần giấy an toàn thực phẩm không", {"2.001827"}),
        # diplomas and transcripts
        ("công chứng bằng tốt nghiệp ở xã được không", {"2.000815"}),
        ("chứng thực bảng điểm đại học mất bao lâu", {"2.000815"}),
        ("mất bằng tốt nghiệp cấp 3 làm lại thế nào", {"2.000908"}),
        # a translation certified at the commune (its translator's signature), not at an embassy
        ("dịch bằng đại học sang tiếng anh rồi chứng thực", {"2.000992", "2.001008"}),
        # a tour over the border; foreign guests staying
        ("di tour nam ninh bang giay thong hanh can gi", {"1.003494"}),
        ("homestay có khách tây ở lại phải khai báo gì", {"1.000253", "1.001437"}),
        ("khach nuoc ngoai ngu lai nha toi phai bao cong an khong", {"1.000253", "1.001437"}),
        # medicinal plants grown under forest cover
        ("trồng cây thuốc nam dưới tán rừng có phải xin phép không", {"3.000502"}),
        ("trong ba kich duoi tan rung xin phe duyet phuong an", {"3.000502"}),
    ):
        answer = ask(question)
        assert answer.confident and answer.sources[0].code in codes, (question, answer.sources[:3])
    # Licences the catalog does not hold (alcohol retail, a petrol station) are still refused.
    assert not ask("xin giấy phép bán lẻ rượu").confident
    assert not ask("mở cửa hàng xăng dầu cần giấy phép gì").confident
    # A pharmacist's practice is not some other trade's practising certificate (auction): refused.
    assert not ask("mo nha thuoc tay can chung chi hanh nghe duoc").confident
