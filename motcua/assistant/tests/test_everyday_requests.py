"""Session 8 (docs/assistant.md): a name judged by the case the question is about, actions a name
lists side by side, more variants and actions, the field's words in the ranking, money received
is no fee, and everyday requests read through the search's synonyms."""

from __future__ import annotations

from motcua.api.tests.conftest import Province
from motcua.assistant import intents
from motcua.assistant.retrieval import _unasked_qualifiers, field_words
from motcua.catalog import search as catalog_search
from motcua.catalog.search import build_index, synonyms

# The shapes of the national catalog's long land names (1.013831, 1.013980), shortened.
TRANSFER = (
    "Đăng ký biến động quyền sử dụng đất trong các trường hợp chuyển đổi quyền sử dụng đất nông "
    "nghiệp; chuyển nhượng, thừa kế, tặng cho quyền sử dụng đất; cho thuê, cho thuê lại quyền sử "
    "dụng đất trong dự án xây dựng kinh doanh kết cấu hạ tầng"
)
AGREED = (
    "Đăng ký biến động đối với trường hợp thay đổi quyền sử dụng đất theo thỏa thuận của các thành "
    "viên hộ gia đình hoặc của vợ và chồng; bán tài sản, điều chuyển, chuyển nhượng quyền sử dụng "
    "đất là tài sản công"
)


def test_a_name_listing_cases_is_judged_by_the_case_the_question_is_about() -> None:
    # A sale to a neighbour is the general case; the project's qualifier belongs to renting.
    assert _unasked_qualifiers("chuyen nhuong dat cho hang xom", TRANSFER) == 0
    assert _unasked_qualifiers("cho thue lai quyen su dung dat", TRANSFER) == 1
    assert _unasked_qualifiers("cho thue lai quyen su dung dat trong du an", TRANSFER) == 0
    # A sale is this name's public-property case; adding a spouse is its household case.
    assert _unasked_qualifiers("ban dat cho hang xom", AGREED) == 1
    assert _unasked_qualifiers("them ten vo vao so do", AGREED) == 0
    # A name with one case keeps its qualifiers wherever they stand.
    lltp = "Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam mà không xác định được nơi thường trú"
    assert _unasked_qualifiers("ly lich tu phap", lltp) == 1


def test_actions_a_name_lists_side_by_side_serve_a_question_asking_one_of_them() -> None:
    book = "Cấp lại, đổi, điều chỉnh thông tin trên sổ BHXH, thẻ BHYT"
    assert _unasked_qualifiers("cap lai so bao hiem xa hoi bi mat", book) == 0
    card = "Tích hợp, cập nhật, điều chỉnh thông tin trên thẻ căn cước"
    assert _unasked_qualifiers("tich hop bang lai vao the can cuoc", card) == 0
    # Asking none of the listed actions: the correction it also lists is not what is asked.
    assert _unasked_qualifiers("lam the can cuoc lan dau", card) == 1
    # A single action is not a list.
    assert _unasked_qualifiers("dang ky tam tru", "Xóa đăng ký tạm trú") == 1


def test_arrears_a_proxy_training_recruiting_renaming_and_translators_are_variants() -> None:
    arrears = ("Truy lĩnh lương hưu, trợ cấp bảo hiểm xã hội của người hưởng đã chết nhưng còn chế độ "
               "chưa lĩnh")
    assert _unasked_qualifiers("tien mai tang bao hiem xa hoi", arrears) == 1
    assert _unasked_qualifiers("me mat con thang luong huu chua linh", arrears) == 0
    proxy = "Ủy quyền lĩnh thay các chế độ bảo hiểm xã hội, trợ cấp thất nghiệp"
    assert _unasked_qualifiers("tien mai tang bao hiem xa hoi", proxy) == 1
    assert _unasked_qualifiers("me gia yeu nho con linh thay luong huu", proxy) == 0
    recruit = "Tuyển chọn Tổ viên Tổ bảo vệ an ninh, trật tự"
    assert _unasked_qualifiers("to vien to bao ve an ninh bi thuong xin che do", recruit) == 1
    assert _unasked_qualifiers("xin lam to vien to bao ve an ninh", recruit) == 0
    training = "Phê duyệt hỗ trợ kinh phí đào tạo, tập huấn để chuyển đổi từ chăn nuôi sang các nghề khác"
    assert _unasked_qualifiers("ho tro phoi giong nhan tao cho bo", training) == 1
    assert _unasked_qualifiers("hoc nghe khac thay chan nuoi", training) == 0
    rename = "Đăng ký biến động đối với trường hợp đổi tên hoặc thay đổi thông tin về người sử dụng đất"
    assert _unasked_qualifiers("sang ten so do khi mua dat", rename) == 1
    assert _unasked_qualifiers("so do ghi sai thong tin can cuoc", rename) == 0
    translator = "Chứng thực chữ ký người dịch mà người dịch là cộng tác viên dịch thuật"
    assert _unasked_qualifiers("chung thuc chu ky giay uy quyen", translator) == 1
    assert _unasked_qualifiers("chung thuc chu ky ban dich tieng trung", translator) == 0


def test_field_words_are_the_procedures_field() -> None:
    rows = [
        {"id": 1, "code": "A", "name": "Giải quyết hưởng chế độ tử tuất",
         "field_name": "Thực hiện chính sách bảo hiểm xã hội",
         "at_commune": True, "at_province": False, "at_ministry": False, "at_other": False},
        {"id": 2, "code": "B", "name": "Cấp lại sổ bảo hiểm xã hội", "field_name": "",
         "at_commune": True, "at_province": False, "at_ministry": False, "at_other": False},
    ]
    words = field_words(build_index(rows, fingerprint=("session 8",)))
    assert words["A"] == frozenset("thuc hien chinh sach bao hiem xa hoi".split())
    assert words["B"] == frozenset()


def test_money_received_or_a_hospital_bill_asks_no_fee(province: Province) -> None:
    for question in (
        "muon phoi giong bo dc nha nuoc ho tro tien ko",
        "di vien khong dung the bhyt, xin thanh toan lai tien vien phi",
    ):
        analysis = intents.analyse(question)
        assert "fee" not in analysis.intents, question
        assert "tien" in analysis.topic.split() or "vien" in analysis.topic.split(), analysis
    assert intents.analyse("tích hợp bằng lái vào căn cước mất bao nhiêu tiền").intents == ("fee",)
    assert intents.analyse("lệ phí khám bệnh bao nhiêu").intents == ("fee",)


def test_a_beauty_judgement_or_a_package_deal_is_no_catalog_fact(province: Province) -> None:
    for question in ("chup anh the lam can cuoc o dau dep", "dich vu lam so do tron goi het bao nhieu"):
        assert intents.analyse(question).judgement, question
    for question in ("chụp ảnh thẻ căn cước ở đâu", "làm sổ đỏ hết bao nhiêu tiền"):
        assert not intents.analyse(question).judgement, question


def test_everyday_requests_read_as_their_procedure_family() -> None:
    rules = synonyms().rules
    # the rule says "09 số"; numbers are read one way ("09" is 9), as in names and questions
    assert ("so", "chung", "minh", "nhan", "dan", "9", "so") in rules[("so", "cmnd", "cu")]
    assert ("khoa", "can", "cuoc", "dien", "tu") in rules[("khoa", "vneid")]
    assert ("phoi", "giong", "nhan", "tao", "gia", "suc") in rules[("thu", "tinh", "nhan", "tao")]
    assert ("phuong", "an", "khai", "thac", "go") in rules[("khai", "thac", "go", "rung", "trong")]
    # Whole phrases only: "tinh" alone (a province, "tính") and "khóa" alone (a course, a lock).
    for word in (("tinh",), ("khoa",), ("go",), ("sai",)):
        assert word not in rules, word


def test_everyday_requests_find_their_procedure_on_the_real_catalog(real_catalog: None) -> None:
    from motcua.assistant.services import ask
    # The field's abbreviation is written out as the names spell it ("Thực hiện chính sách BHXH").
    assert {"bao", "hiem", "xa", "hoi"} <= field_words(catalog_search.get_index())["2.000821"]
    for question, code in (
        ("ông bà đã mất thì con cháu lĩnh tiền mai táng phí bảo hiểm xã hội cần những giấy gì", "2.000821"),
        ("làm mất sổ bảo hiểm xã hội, xin cấp lại sổ thì nộp ở đâu", "1.002759"),
        ("quen mang the bao hiem y te khi nam vien, xin bao hiem tra lai tien can giay to gi", "1.001656"),
        ("chứng thực chữ ký trên giấy ủy quyền cho con đi nhận lương hưu", "2.000884"),
        ("bo cho dat con gai lam nha, lam so tang cho mat bao lau", "1.013831"),
    ):
        answer = ask(question)
        assert answer.confident and answer.sources[0].code == code, (question, answer.sources)
