"""The questions of eval/assistant.jsonl, written by hand; `bench/assistant.py --build-eval` adds
the key facts, copied from the real catalog's version in force, and writes the JSONL file.

Each procedure has the ways citizens name it (plain, then colloquial / without diacritics /
with typos); each intent has the ways people ask for it. A question is one need phrase with
one intent phrase (or two for a multi-part question). The held-out part (HELDOUT_*) uses
other procedures *and* other intent phrasings; it was written and committed before the
assistant existed and is never used to tune it.
"""

from __future__ import annotations

# code(s) → (plain names, colloquial names)
TUNING_PROCEDURES: list[tuple[list[str], list[str], list[str]]] = [
    (
        ["1.001193"],
        ["đăng ký khai sinh", "làm giấy khai sinh cho con"],
        ["lam giay khai sinh cho be", "khai sanh cho con moi de"],
    ),
    (
        ["1.000656"],
        ["đăng ký khai tử", "khai tử cho người thân"],
        ["bo toi mat roi", "lam giấy chứng tử cho ông"],
    ),
    (
        ["1.000894"],
        ["đăng ký kết hôn", "thủ tục kết hôn"],
        ["dang ki ket hon", "cưới vợ thì đăng kí kết hôn"],
    ),
    (
        ["1.004873"],
        ["cấp giấy xác nhận tình trạng hôn nhân", "xin xác nhận tình trạng hôn nhân"],
        ["xin giay xac nhan doc than", "giấy xác nhận độc thân"],
    ),
    (
        ["1.004222"],
        ["đăng ký thường trú", "nhập hộ khẩu thường trú"],
        ["nhap khau cho con", "dang ky thuong tru"],
    ),
    (
        ["1.004194"],
        ["đăng ký tạm trú", "khai báo tạm trú cho người thuê trọ"],
        ["dang ky tam tru", "đăng kí tạm chú"],
    ),
    (
        ["2.000815"],
        ["chứng thực bản sao từ bản chính", "sao y bản chính giấy tờ"],
        ["cong chung ban sao giay to", "sao y ban chinh"],
    ),
    (
        ["1.001612"],
        ["đăng ký thành lập hộ kinh doanh", "đăng ký hộ kinh doanh"],
        ["mo ho kinh doanh", "đăng ký kinh doanh hộ cá thể"],
    ),
    (["1.004837"], ["đăng ký giám hộ", "đăng ký việc giám hộ"], ["dang ky giam ho", "làm giám hộ cho cháu"]),
    (
        ["1.001022"],
        ["đăng ký nhận cha, mẹ, con", "đăng ký nhận con"],
        ["dang ky nhan cha con", "nhận con ngoài giá thú"],
    ),
    (
        ["1.004884"],
        ["đăng ký lại khai sinh", "làm lại khai sinh"],
        ["dang ky lai khai sinh", "đăng ký lại giấy khai sinh bị mất sổ gốc"],
    ),
    (
        ["2.000635"],
        ["cấp bản sao giấy khai sinh", "cấp bản sao trích lục hộ tịch"],
        ["xin ban sao giay khai sinh", "xin bản sao khai sinh"],
    ),
    (
        ["1.004859"],
        ["thay đổi, cải chính thông tin hộ tịch", "cải chính hộ tịch"],
        ["sua ten trong giay khai sinh", "cai chinh ho tich"],
    ),
    (
        ["1.002755"],
        ["gia hạn tạm trú", "xin gia hạn tạm trú"],
        ["gia han tam tru", "gia hạn đăng kí tạm trú"],
    ),
    (["1.010028"], ["xóa đăng ký tạm trú", "xoá tạm trú"], ["xoa tam tru", "huy dang ky tam tru"]),
    (
        ["2.001263"],
        ["đăng ký việc nuôi con nuôi trong nước", "nhận con nuôi"],
        ["nhan con nuoi", "xin con nuôi"],
    ),
    (
        ["1.014061", "2.000200"],
        ["cấp thẻ căn cước cho người từ đủ 14 tuổi", "làm thẻ căn cước"],
        ["lam the can cuoc", "làm cccd"],
    ),
    (
        ["1.014064", "2.001194"],
        ["cấp lại thẻ căn cước", "làm lại thẻ căn cước bị mất"],
        ["mat can cuoc lam lai", "cap lai cccd"],
    ),
    (
        ["3.000333"],
        ["cấp phiếu lý lịch tư pháp", "xin phiếu lý lịch tư pháp"],
        ["xin ly lich tu phap", "lý lịch tư pháp"],
    ),
    (["1.001456"], ["cấp hộ chiếu phổ thông", "làm hộ chiếu"], ["lam ho chieu", "lam passport"]),
    (
        ["2.000720"],
        ["đăng ký thay đổi nội dung đăng ký hộ kinh doanh", "thay đổi đăng ký hộ kinh doanh"],
        ["thay doi ho kinh doanh", "doi ten ho kinh doanh"],
    ),
    (
        ["1.001266"],
        ["chấm dứt hoạt động hộ kinh doanh", "giải thể hộ kinh doanh"],
        ["dong cua ho kinh doanh", "cham dut ho kinh doanh"],
    ),
    (
        ["1.011606"],
        ["công nhận hộ nghèo, hộ cận nghèo", "xét hộ nghèo"],
        ["xin ho ngheo", "cong nhan ho can ngheo"],
    ),
    (
        ["1.000689"],
        ["đăng ký khai sinh kết hợp đăng ký nhận cha, mẹ, con", "khai sinh và nhận cha cho con"],
        ["khai sinh ket hop nhan cha me con", "làm khai sinh kèm nhận cha"],
    ),
    (
        ["2.000884"],
        ["chứng thực chữ ký trong giấy tờ, văn bản", "chứng thực chữ ký"],
        ["chung thuc chu ky", "xac nhan chu ky"],
    ),
]

TUNING_INTENTS: dict[str, list[str]] = {
    "documents": ["{need} cần những giấy tờ gì?", "Hồ sơ {need} gồm những gì?", "{need} can giay to gi"],
    "fee": ["Lệ phí {need} là bao nhiêu?", "{need} mất bao nhiêu tiền?", "{need} co mat phi khong"],
    "time": ["{need} mất bao lâu?", "Thời hạn giải quyết {need} là mấy ngày?", "{need} bao lau thi xong"],
    "where": ["{need} nộp hồ sơ ở đâu?", "{need} có làm online được không?", "{need} lam o dau"],
    "steps": ["Trình tự {need} như thế nào?", "Các bước {need} ra sao?", "{need} thi lam the nao"],
    "overview": ["Tôi muốn {need}", "Hướng dẫn {need}", "{need}"],
}

TUNING_MULTI: list[tuple[str, list[str]]] = [
    ("{need} cần giấy tờ gì và mất bao lâu?", ["documents", "time"]),
    ("{need} hết bao nhiêu tiền, bao lâu thì có?", ["fee", "time"]),
    ("cho hỏi {need} nộp ở đâu và cần mang theo gì", ["where", "documents"]),
]

STATUS_TUNING = [
    "Hồ sơ của tôi đến đâu rồi?",
    "ho so cua toi da xong chua",
    "Tra cứu tình trạng hồ sơ",
    "Kiểm tra hồ sơ của tôi đã giải quyết chưa",
    "hồ sơ tôi nộp hôm trước xử lý tới đâu rồi",
    "khi nao thi co ket qua ho so cua toi",
]

OFF_TOPIC_TUNING = [
    "Thời tiết Lạng Sơn hôm nay thế nào?",
    "cach nau pho bo ngon",
    "Ai vô địch World Cup 2022?",
    "Cho tôi xin số điện thoại của bạn gái",
    "giá vàng hôm nay bao nhiêu",
    "Viết giúp tôi một bài thơ về mùa thu",
    "Kết quả xổ số miền Bắc",
    "mua iphone o dau re",
    "bạn có thích ăn kem không",
    "Tỷ giá đô la hôm nay",
    "cách chữa đau đầu",
    "dịch sang tiếng Anh: tôi yêu em",
]

HELDOUT_PROCEDURES: list[tuple[list[str], list[str], list[str]]] = [
    (["1.005461"], ["đăng ký lại khai tử"], ["dang ky lai khai tu", "làm lại giấy khai tử cho bà"]),
    (
        ["3.000228"],
        ["cấp tài khoản định danh điện tử mức độ 2"],
        ["lam vneid muc 2", "tai khoan dinh danh dien tu"],
    ),
    (
        ["1.014062", "1.012549"],
        ["cấp thẻ căn cước cho người dưới 14 tuổi"],
        ["lam can cuoc cho tre em", "làm căn cước cho bé 10 tuổi"],
    ),
    (
        ["1.001570"],
        ["tạm ngừng kinh doanh của hộ kinh doanh"],
        ["tam ngung ho kinh doanh", "tạm nghỉ bán hàng hộ kinh doanh"],
    ),
    (["1.004845"], ["đăng ký chấm dứt giám hộ"], ["cham dut giam ho", "thôi làm giám hộ"]),
    (["2.001255"], ["đăng ký lại việc nuôi con nuôi trong nước"], ["dang ky lai nuoi con nuoi"]),
    (["1.014067"], ["cấp đổi giấy chứng nhận căn cước"], ["doi giay chung nhan can cuoc"]),
    (
        ["1.012812"],
        ["hòa giải tranh chấp đất đai"],
        ["hoa giai tranh chap dat", "hàng xóm lấn đất muốn hòa giải"],
    ),
    (
        ["2.000992", "2.001008"],
        ["chứng thực chữ ký người dịch"],
        ["chung thuc chu ky nguoi dich", "xác nhận chữ ký bản dịch"],
    ),
    (
        ["1.004772"],
        ["đăng ký khai sinh cho người đã có hồ sơ, giấy tờ cá nhân"],
        ["khai sinh cho nguoi lon da co giay to"],
    ),
    (["1.002211"], ["công nhận hòa giải viên"], ["cong nhan hoa giai vien"]),
]

HELDOUT_INTENTS: dict[str, list[str]] = {
    "documents": ["Muốn {need} thì phải chuẩn bị hồ sơ gì?", "{need} can mang theo nhung gi"],
    "fee": ["Phí {need} bao nhiêu vậy?", "{need} het bao nhieu tien"],
    "time": ["Bao nhiêu ngày thì {need} xong?", "{need} may ngay co ket qua"],
    "where": ["Đi đâu để {need}?", "{need} nop truc tuyen duoc khong"],
    "steps": ["Quy trình {need} gồm những bước nào?", "{need} trinh tu ra sao"],
    "overview": ["Tôi cần {need}, phải làm sao?"],
}

HELDOUT_MULTI: list[tuple[str, list[str]]] = [
    ("{need}: phí bao nhiêu và cần giấy tờ gì?", ["fee", "documents"]),
]

STATUS_HELDOUT = [
    "Hồ sơ mã 000.00.00.H37-251123-0001 của tôi sao rồi?",
    "xem tien do ho so",
    "Hồ sơ tôi đã có kết quả chưa vậy?",
]

OFF_TOPIC_HELDOUT = [
    "Đội tuyển Việt Nam đá trận tiếp theo khi nào?",
    "công thức làm bánh chưng",
    "Hôm nay là thứ mấy?",
    "kể chuyện cười đi",
    "Mua vé máy bay đi Đà Nẵng ở đâu?",
    "bệnh viện nào khám răng tốt",
]
