"""Session 17 (o17): off-topic questions that shared words with a procedure name and were answered
confidently — an opinion on which option to pick or buy, where to take a course, a market's price,
a journey's length, how to treat an illness, a lottery prize, a grievance told with nothing
asked. Each is refused (`judgement` or `beyond`), and the procedure questions that look like them
still are not. Questions here are in no eval file."""

from __future__ import annotations

import pytest

from motcua.assistant import intents
from motcua.assistant.services import ask


@pytest.mark.parametrize("question", [
    # which option one should pick, buy, grow, study
    "mở cửa hàng tạp hóa thì nên chọn mặt bằng nào",
    "nên mua máy cày loại nào cho ruộng bậc thang",
    "vườn đồi nhà tôi nên trồng cây gì cho có lãi",
    # how a business draws customers
    "bán bún chả làm sao cho đông khách",
    "shop online làm thế nào tăng đơn",
    # where to take a course
    "học nghề sửa xe máy ở đâu",
    "hoc tieng han o dau",
    # whether to trust a person or a claim
    "thầy bói bảo năm nay tôi phát tài, có tin được không",
    # a market's price
    "tỷ giá nhân dân tệ ở cửa khẩu",
    "giá gà ri hôm nay thế nào",
    "đất mặt đường ở Cao Lộc giá bao nhiêu một mét",
    "vàng nhẫn bao nhiêu 1 chỉ",
    "làm bánh chưng bán tết nên bán bao nhiêu",
    # cheap, safe; a tradesman's price; which tour company
    "mua điện thoại xách tay có rẻ không",
    "rau bên kia biên giới chở sang có an toàn không",
    "thợ sơn nhà ở Đồng Đăng lấy công bao nhiêu một mét",
    "đi Nam Ninh chơi thì chọn công ty du lịch nào",
])
def test_opinions_and_market_prices_are_judgements(db: None, question: str) -> None:
    assert intents.analyse(question).judgement


@pytest.mark.parametrize("question", [
    "mất sổ đỏ nên làm gì",  # what to do: the procedure's steps
    "tôi nên nộp hồ sơ ở đâu",
    "đăng ký khám chữa bệnh ban đầu được chọn bệnh viện nào",  # what a rule allows, no "nên"
    "con đi du học cần lý lịch tư pháp thì xin ở đâu",  # a student's papers
    "chuyển trường cho học sinh lớp 6 nộp ở đâu",
    "sửa thông tin được không",  # not "tin được không"
    "chứng thực bản sao bao nhiêu một bản",  # a fee per copy
    "lệ phí cấp sổ đỏ bao nhiêu",
    "bàn giao công trình điện cho nhà nước thế nào",  # "bàn giao" is no "bán giá"
    "đất thổ cư chuyển mục đích hết bao nhiêu tiền",  # "thổ cư" is no "thợ"
])
def test_procedure_questions_are_no_judgement(db: None, question: str) -> None:
    assert not intents.analyse(question).judgement


@pytest.mark.parametrize("question", [
    # a journey's length
    "đi xe khách từ Lạng Sơn lên Cao Bằng mất mấy tiếng",
    "tu lang son sang bang tuong bang taxi het bao lau",
    # treatment of a person, an animal, a crop
    "lợn bị tụ huyết trùng thì chữa thế nào",
    "cây na bị rệp sáp phun thuốc gì",
    "ông tôi bị tiểu đường nên uống thuốc gì",
    # a lottery prize
    "trúng vé số 2 tỷ thì lĩnh ở đâu",
    # a grievance told, nothing asked
    "quán nhậu đầu ngõ mở nhạc to đến khuya, bực mình quá",
    "cái cống trước nhà tắc cả tháng nay, ức chế",
    # a day's traffic; what the work itself costs
    "mỗi ngày có bao nhiêu xe hàng qua cửa khẩu Tân Thanh",
    "sửa mái nhà bị dột hết bao nhiêu tiền",
    "xây lại nhà bếp hết khoảng bao nhiêu triệu",
])
def test_questions_no_procedure_answers_are_beyond(db: None, question: str) -> None:
    assert intents.analyse(question).beyond


@pytest.mark.parametrize("question", [
    "thi bằng ô tô mất bao lâu",  # "bằng" is a licence here
    "bang lai xe bi mat, cap lai mat bao lau",
    "đăng ký xe khách mới mua mất bao lâu",  # a vehicle to register, no trip
    "nhà cấp 4 muốn cải tạo thì xin phép sửa chữa thế nào",  # a repair, no treatment
    "thành lập đội phòng cháy chữa cháy thế nào",
    "biển số xe bị trùng số thì làm sao",  # a duplicate, no lottery
    "hàng xóm xây lấn đất, tức quá, muốn khiếu nại thì làm sao",  # a grievance with a question
    "tôi bực quá, hồ sơ nộp hai tháng chưa có kết quả",
    "cấp giấy phép xây dựng nhà ở riêng lẻ hết bao nhiêu tiền",  # the permit's fee
    "xây nhà cấp 4 xin phép hết bao nhiêu",
    "đăng ký thành lập công ty TNHH một thành viên tốn bao nhiêu tiền",  # "lập công" no "lắp cổng"
])
def test_procedure_questions_are_not_beyond(db: None, question: str) -> None:
    assert not intents.analyse(question).beyond


@pytest.mark.parametrize("question", [
    "Mở quán bún ở thị trấn thì nên chọn vị trí nào cho đông khách?",
    "đi xe buýt từ thành phố lên Đồng Đăng mất bao lâu",
    "Hàng xóm xây chuồng lợn sát tường nhà tôi, bực mình quá",
    "trâu bị chướng hơi thì chữa thế nào",
])
def test_off_topic_questions_are_not_answered_confidently(real_catalog: None, question: str) -> None:
    assert not ask(question).confident


@pytest.mark.parametrize(("question", "codes"), [
    ("muốn mở quán cà phê thì đăng ký hộ kinh doanh ở đâu", {"1.001612"}),
    ("nhà bên cạnh xây lấn sang đất nhà tôi, muốn nhờ xã hòa giải", {"1.012812"}),
    ("cấp lại giấy phép lái xe bị mất mất bao lâu", {"3.000348"}),
])
def test_procedure_questions_near_them_are_still_answered(
    real_catalog: None, question: str, codes: set[str]
) -> None:
    answer = ask(question)
    assert answer.confident
    assert answer.sources[0].code in codes
