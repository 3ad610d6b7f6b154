"""Session 13, field by field: everyday words for social insurance benefits
(maternity told by a miscarriage or a husband whose wife gave birth, a sick child, the funeral
allowance, a pension drawn by someone else, elsewhere, into a bank account or left undrawn), the
social insurance book, health insurance a household buys, people with merits, a motorbike bought
new or second hand, a household business closed, moved or taxed, and cooperatives. The catalog
writes several of these with abbreviations ("TNLĐ, BNN", "DSPHSK", "sổ BHXH") that a citizen never
types. Questions here are in no eval file."""

from __future__ import annotations

from motcua.catalog.search import synonyms


def test_everyday_readings_of_session_13() -> None:
    rules = synonyms().rules
    # The index spells "BHXH" out: a reading of the social insurance book says it in words,
    # and "sổ bhxh" reads like "sổ bảo hiểm xã hội" in every rule that names it.
    book = tuple("cap lai doi dieu chinh thong tin tren so bao hiem xa hoi the bao hiem y te".split())
    assert book in rules[("gop", "so", "bao", "hiem", "xa", "hoi")]
    assert rules[("mat", "so", "bhxh")] == rules[("mat", "so", "bao", "hiem", "xa", "hoi")]
    # The catalog spells "liệt sỹ" with y.
    assert rules[("liet", "si")] == (("liet", "sy"),)
    assert ("tro", "cap", "nghi", "dsphsk") in rules[("duong", "suc", "sau", "sinh")]


def test_session_13_readings_on_the_real_catalog(real_catalog: None) -> None:
    from motcua.assistant.services import ask
    for question, codes in (
        # Maternity: the benefit named by what happened, a husband whose wife gave birth.
        ("làm tiền sinh con của bảo hiểm cần những gì", {"2.000693"}),
        ("sảy thai có được hưởng bảo hiểm không làm thế nào", {"2.000693"}),
        ("chong co duoc tien bao hiem khi vo sinh khong", {"2.000693"}),
        # Sick pay: a sick child, sick pay of social insurance.
        ("con ốm phải nghỉ trông con thì xin tiền bảo hiểm thế nào", {"1.001667"}),
        # The funeral allowance, for a pensioner or a contributor who died.
        ("tien tro cap mai tang phi cua bhxh lam the nao", {"2.000821"}),
        # "DSPHSK": rest to recover after a birth.
        ("nghỉ dưỡng sức sau sinh có được tiền không", {"1.001598"}),
        # Twelve months without contributions: the lump sum.
        ("đủ 12 tháng không đóng bảo hiểm rồi thì rút được chưa", {"1.001613"}),
        # A pension drawn elsewhere, by a child, into a bank account, left undrawn at death.
        ("chuyển chỗ nhận lương hưu từ hà nội về lạng sơn", {"1.001742"}),
        ("bố già yếu không đi lĩnh lương hưu được, con lĩnh hộ thế nào", {"1.001601"}),
        ("doi sang nhan luong huu qua the atm", {"2.000740"}),
        # A pension decided wrong is the decision adjusted.
        ("quyết định hưởng lương hưu bị tính sai muốn điều chỉnh lại", {"1.001710"}),
        ("bố mất còn mấy tháng lương hưu chưa lĩnh thì làm sao nhận", {"2.000717"}),
        # "TNLĐ, BNN": an occupational disease.
        ("bị bệnh nghề nghiệp do làm ở mỏ đá được hưởng chế độ gì", {"1.001632"}),
        ("vết thương do tai nạn lao động cũ bị tái phát giờ giám định lại", {"1.001521"}),
        # Contributions for one's workers; the book written wrong or held twice.
        ("công ty mới mở đăng ký đóng bảo hiểm cho công nhân thế nào", {"1.002051"}),
        ("sổ bảo hiểm xã hội ghi sai ngày sinh sửa ở đâu", {"1.002759"}),
        # Health insurance a household buys; the place of first care.
        ("mua bảo hiểm y tế tự nguyện cho cả nhà ở đâu", {"1.001939"}),
        ("doi noi kham chua benh ban dau bhyt", {"1.002438", "1.001294", "1.002759"}),
        # People with merits.
        ("xin hưởng chế độ thương binh của công an", {"1.004089"}),
        ("ông tôi tham gia cách mạng trước năm 1945 xin hưởng chế độ lão thành cách mạng", {"1.004151"}),
        # A motorbike bought new or second hand.
        ("xe may moi mua lam cavet mat bao lau", {"1.013067", "1.012575"}),
        ("mua lại chiếc xe máy cũ của hàng xóm thì sang tên thế nào", {"1.013076"}),
        # A household business closed, moved, taxed, hit by a fire.
        ("không bán nữa muốn đóng giấy phép kinh doanh hộ cá thể", {"1.001266"}),
        ("chuyển quán sang địa chỉ khác thì sửa giấy phép kinh doanh thế nào", {"2.000720"}),
        # A shop's name is the business's registration, not a person's civil status.
        ("đổi tên cửa hàng trên giấy phép kinh doanh", {"2.000720"}),
        ("hộ kinh doanh nộp thuế thế nào", {"1.011022"}),
        ("cửa hàng bị cháy xin giảm thuế", {"3.000083"}),
        ("cửa hàng nghỉ tết một tháng có phải báo tạm ngừng không", {"1.001570"}),
        # Quitting drugs at home is registered at the commune (not a provider's licence).
        ("nghiện ma túy muốn tự cai nghiện tại gia đình phải đăng ký ở xã", {"3.000527"}),
        # Cooperatives.
        ("hợp tác xã đổi tên thì đăng ký thế nào", {"1.005277"}),
        ("tổ hợp tác giải tán thì báo ở đâu", {"2.002228", "2.002642"}),
        ("hợp tác xã liên kết với dân trồng rau xin hỗ trợ", {"1.003434", "1.003397"}),
    ):
        answer = ask(question)
        assert answer.confident and answer.sources[0].code in codes, (question, answer.sources)
    # A sick child without leave from work asks no procedure; renting a house out without tax
    # asks none either.
    assert not ask("con bị sốt cao thì uống thuốc gì").confident
    assert not ask("cho thuê nhà nên lấy giá bao nhiêu một tháng").confident
