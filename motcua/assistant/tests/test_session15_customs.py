"""Session 15, customs: the narrow customs variants are qualifiers or actions of their names."""

from motcua.assistant.retrieval import _unasked_qualifiers

IMPORT = "Thủ tục hải quan đối với hàng hóa nhập khẩu"
BUY_UP = "Thủ tục hải quan đối với hàng hóa nhập khẩu thương nhân mua gom của cư dân biên giới"
RESIDENTS = "Thủ tục hải quan đối với hàng hóa xuất khẩu, nhập khẩu của cư dân biên giới"
BORDER_GATE = "Thủ tục hải quan đối với hàng hóa xuất khẩu, nhập khẩu của thương nhân qua cửa khẩu biên giới"
FIXED_ASSETS = "Thủ tục hải quan đối với hàng hoá nhập khẩu tạo tài sản cố định của các dự án đầu tư."
OTHER_GATE = ("Thủ tục hải quan đối với hàng hoá xuất khẩu, nhập khẩu chuyển cửa khẩu thực hiện thủ tục "
              "theo hình thức vận chuyển độc lập")
ASEAN = "Thủ tục hải quan đối với hàng hóa xuất phát từ Việt Nam quá cảnh qua các nước thành viên ASEAN khác"
ENLARGE = "Thủ tục mở rộng, thu hẹp, di chuyển, chuyển quyền sở hữu kho ngoại quan, kho bảo thuế"
SUSPEND = "Thủ tục tạm dừng hoạt động/ hoạt động trở lại kho ngoại quan; kho bảo thuế"


def test_a_company_declaring_imports_asks_for_the_general_procedure():
    asked = "thu tuc hai quan hang nhap khau"
    assert _unasked_qualifiers(asked, IMPORT) == 0
    assert _unasked_qualifiers(asked, BUY_UP) == 2
    assert _unasked_qualifiers(asked, RESIDENTS) == 1
    assert _unasked_qualifiers(asked, BORDER_GATE) == 1
    assert _unasked_qualifiers(asked, FIXED_ASSETS) == 1
    assert _unasked_qualifiers(asked, OTHER_GATE) == 1


def test_border_trade_said_keeps_its_variants():
    assert _unasked_qualifiers("cu dan bien gioi mang hang sang cho", RESIDENTS) == 0
    assert _unasked_qualifiers("doanh nghiep thu gom hang cua cu dan bien gioi", BUY_UP) == 0
    assert _unasked_qualifiers("xuat hang qua cua khau huu nghi", BORDER_GATE) == 0
    assert _unasked_qualifiers("nhap may moc cho du an", FIXED_ASSETS) == 0
    assert _unasked_qualifiers("hang qua canh acts", ASEAN) == 0


def test_transit_through_vietnam_is_not_the_asean_system():
    assert _unasked_qualifiers("hang qua canh qua viet nam", ASEAN) == 1


def test_recognising_a_warehouse_is_not_enlarging_or_suspending_it():
    assert _unasked_qualifiers("mo kho ngoai quan", ENLARGE) == 1
    assert _unasked_qualifiers("mo rong kho ngoai quan", ENLARGE) == 0
    assert _unasked_qualifiers("cong nhan kho bao thue", SUSPEND) == 1
    assert _unasked_qualifiers("kho ngoai quan xin hoat dong tro lai", SUSPEND) == 0
    # review: "đề nghị", "sử dụng", "thêm" of an ordinary question ask for no suspension or enlargement
    assert _unasked_qualifiers("de nghi cong nhan kho bao thue", SUSPEND) == 1
    assert _unasked_qualifiers("cong nhan kho bao thue de su dung", SUSPEND) == 1
    assert _unasked_qualifiers("mo them kho ngoai quan", ENLARGE) == 1
