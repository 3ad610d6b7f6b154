"""A second held-out set for the assistant (eval/assistant_heldout2.jsonl), written by hand.

Written and committed on 2026-11-29 *before* any change made to improve generalisation from
the first held-out part's figures, and never used to tune the assistant. It uses procedures
that neither the tuning part nor the first held-out part uses (several of them close variants
of a tuning procedure: "có yếu tố nước ngoài", "tạm vắng" next to "tạm trú"), and intent
phrasings that neither uses. `bench/assistant.py --build-heldout2` adds the key facts, copied
from the real catalog's version in force, and writes the JSONL file.

Difficulties: plain (the catalog's words, with diacritics), colloquial (everyday words, no
diacritics, typos), multi (two things asked at once).
"""

from __future__ import annotations

# code(s) accepted → (plain names, colloquial names: everyday words, no diacritics, typos)
PROCEDURES: list[tuple[list[str], list[str], list[str]]] = [
    (["1.010038"], ["tách hộ"], ["tach ho khau ra rieng", "tách khẩu ra ở riêg"]),
    (
        ["2.001159"],
        ["thông báo lưu trú"],
        ["bao luu tru cho khach o qua dem", "báo lưu trú cho người nhà về chơi"],
    ),
    (["1.003677"], ["khai báo tạm vắng"], ["khai bao tam vang", "đi làm xa khai tạm vắg"]),
    (["1.010041"], ["xác nhận thông tin về cư trú"], ["xin giay xac nhan cu tru", "giấy xác nhận cư trú"]),
    (
        ["2.000806"],
        ["đăng ký kết hôn có yếu tố nước ngoài"],
        ["dang ky ket hon voi nguoi nuoc ngoai", "lấy chồng nước ngoài đăng kí kết hôn"],
    ),
    (
        ["2.000528"],
        ["đăng ký khai sinh có yếu tố nước ngoài"],
        ["khai sinh cho con co bo la nguoi nuoc ngoai", "làm khai sinh có yếu tố nước ngòai"],
    ),
    (
        ["1.001766"],
        ["đăng ký khai tử có yếu tố nước ngoài"],
        ["khai tu cho nguoi nuoc ngoai mat o viet nam", "báo tử cho người nước ngoài"],
    ),
    (["2.001019"], ["chứng thực di chúc"], ["chung thuc di chuc", "xác nhận tờ di chúc của bố"]),
    (
        ["2.001406"],
        ["chứng thực văn bản phân chia di sản"],
        ["chung thuc van ban chia thua ke", "chứng thực giấy chia di sản nhà đất"],
    ),
    (
        ["2.001016"],
        ["chứng thực văn bản từ chối nhận di sản"],
        ["tu choi nhan di san", "làm giấy từ chối nhận thừa kế"],
    ),
    (
        ["2.001610"],
        ["đăng ký thành lập doanh nghiệp tư nhân"],
        ["mo doanh nghiep tu nhan", "thành lập dn tư nhân"],
    ),
    (
        ["2.001583"],
        ["đăng ký thành lập công ty TNHH một thành viên"],
        ["mo cong ty tnhh 1 thanh vien", "lập công ty trách nhiệm hữu hạn một thành viên"],
    ),
    (
        ["1.013225"],
        ["cấp giấy phép xây dựng mới đối với công trình cấp III, cấp IV"],
        ["xin giay phep xay dung moi cong trinh cap 4", "xin phép xây mới công trình cấp IV"],
    ),
    (
        ["2.000554"],
        ["ghi vào sổ hộ tịch việc ly hôn đã giải quyết ở nước ngoài"],
        ["ghi chu ly hon o nuoc ngoai", "ly hôn bên nước ngoài rồi về ghi sổ hộ tịch"],
    ),
    (
        ["1.010039"],
        ["điều chỉnh thông tin về cư trú"],
        ["sua thong tin cu tru", "điều chỉnh thông tin cư trú bị sai"],
    ),
    (
        ["2.000693"],
        ["giải quyết hưởng chế độ thai sản"],
        ["xin che do thai san", "hưởng thai sản khi sinh con"],
    ),
    (
        ["1.010386", "1.001445", "2.000539"],
        ["trình báo mất hộ chiếu phổ thông"],
        ["bao mat ho chieu", "làm mất hộ chiếu thì trình báo"],
    ),
]

# Phrasings neither the tuning part nor the first held-out part uses.
INTENTS: dict[str, list[str]] = {
    "documents": [
        "Làm {need} thì phải nộp những giấy tờ gì?",
        "{need} can chuan bi giay to gi a",
        "Hồ sơ để {need} có những gì?",
    ],
    "fee": ["{need} tốn bao nhiêu tiền?", "le phi {need} la bao nhieu", "{need} có phải đóng phí không?"],
    "time": [
        "{need} thì bao lâu có kết quả?",
        "{need} mat may ngay",
        "Làm {need} mất thời gian bao lâu?",
    ],
    "where": [
        "{need} thì nộp ở chỗ nào?",
        "co the {need} qua mang khong",
        "{need} nộp hồ sơ tại đâu?",
    ],
    "steps": [
        "Thủ tục {need} làm như thế nào?",
        "{need} gom nhung buoc nao",
        "Các bước để {need} là gì?",
    ],
    "overview": [
        "Tôi muốn {need} thì phải làm sao?",
        "minh can {need}",
        "Tư vấn giúp em về {need}",
    ],
}

MULTI: list[tuple[str, list[str]]] = [
    ("{need} hết bao nhiêu tiền và nộp ở đâu?", ["fee", "where"]),
    ("cho em hỏi {need} cần giấy gì, mấy ngày thì xong", ["documents", "time"]),
    ("{need}: trình tự ra sao, lệ phí bao nhiêu?", ["steps", "fee"]),
]

STATUS = [
    "Cho tôi xem hồ sơ đã nộp tới bước nào rồi",
    "hs cua em bao gio co ket qua",
    "Tôi muốn tra cứu hồ sơ đã nộp",
    "Hồ sơ của mình đang ở khâu nào?",
]

OFF_TOPIC = [
    "Cách đăng ký tài khoản Facebook",
    "giá xe máy Honda Vision bao nhiêu",
    "Làm sao để giảm cân nhanh?",
    "Hôm nay có mưa không",
    "Quán cà phê nào gần trung tâm hành chính?",
    "dat ve tau tet o dau",
    "Thủ đô của Pháp là gì?",
    "hướng dẫn chơi cờ tướng",
    "Con tôi bị sốt phải làm sao?",
    "cách trồng rau sạch tại nhà",
    "Bài hát nào đang hot nhất?",
    "Tính giúp tôi 25 nhân 4",
]
