"""What a question asks for: documents, fee, time, where, steps, status, overview (and, for
officers, legal basis, due today, rules).

Rules over the folded question (no accents, lower case, see `motcua.core.text.fold`): each
intent has cue phrases matched on word boundaries. A question can ask for several things
("cần giấy tờ gì và mất bao lâu"); the cues are also removed from the text that goes to
retrieval, so "lệ phí khai sinh bao nhiêu" searches for "khai sinh".
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from motcua.catalog.search import synonyms
from motcua.core.text import fold

DOCUMENTS = "documents"
FEE = "fee"
TIME = "time"
WHERE = "where"
STEPS = "steps"
STATUS = "status"
OVERVIEW = "overview"
OFF_TOPIC = "off_topic"
LEGAL = "legal"
DUE_TODAY = "due_today"
RULES = "rules"

CITIZEN_INTENTS = (DOCUMENTS, FEE, TIME, WHERE, STEPS, STATUS, OVERVIEW, OFF_TOPIC)
ALL_INTENTS = CITIZEN_INTENTS + (LEGAL, DUE_TODAY, RULES)

# Cue phrases, written folded. Longer phrases first within an intent does not matter: every
# cue is removed wherever it occurs.
CUES: dict[str, tuple[str, ...]] = {
    DOCUMENTS: (
        "can nhung giay to gi",
        "nhung giay to gi",
        "giay to gi",
        "giay to nao",
        "nhung giay to",
        "can giay to",
        "can giay gi",
        "giay gi",
        "ho so gom",
        "thanh phan ho so",
        "can nhung gi",
        "can mang",
        "can mang theo",
        "dem theo",
        "can dem",
        "mang theo",
        "chuan bi",
        "can gi",
        "gom nhung gi",
        "gom nhung",
        "ho so gi",
        "nop nhung gi",
        "nop nhung giay",
        "can co gi",
        "co nhung gi",
        "nhung gi",
        "mang gi",
        "giay gi",
        "ho so de",
        "ho so can",
        # "which kinds of paper", "what things" ("phải có những loại giấy nào", "cần cái gì")
        "loai giay nao",
        "loai giay to nao",
        "nhung loai giay",
        "giay nao",
        "can cai gi",
        "mang cai gi",
        "nop cai gi",
        "nhung cai gi",
        "nhung thu gi",
        "can nhung thu",
        "nop gi",
        "giay to can co",
        "gom gi",
        "gom cac giay",
        # how many sets ("nộp mấy bộ hồ sơ")
        "may bo",
        "bao nhieu bo",
        # the papers needed, said as a noun ("các giấy tờ cần thiết để …", "hồ sơ cần thiết")
        "giay to can thiet",
        "ho so can thiet",
        # the forms to fill in ("có phải điền mẫu đơn, tờ khai nào không", "mẫu đơn nào"); not a
        # bare "mẫu đơn" ("mẫu đơn xin nghỉ phép viết sao" asks how to write a letter)
        "mau don nao",
        "mau don gi",
        "mau to khai",
        "to khai nao",
        "dien to khai",
        "dien mau",
        # which copies to bring ("có cần bản sao chứng thực không hay chỉ cần bản photo", "mang
        # bản chính"): what the dossier holds. Only asked ("có cần", "chỉ cần", "mang", "nộp bản
        # chính"): "cần bản sao giấy khai sinh để …" wants a copy issued, "chứng thực bản sao"
        # names a procedure.
        "co can ban sao",
        "co can ban chinh",
        "co can ban photo",
        "co can ban chup",
        "chi can ban",
        "mang ban chinh",
        "nop ban chinh",
        # what goes with the application ("phải nộp kèm gì", "kèm theo những gì") and the
        # everyday "giấy má" (papers: "cần giấy má gì")
        "nop kem",
        "kem gi",
        "kem theo gi",
        "kem nhung gi",
        "kem theo nhung gi",
        "giay ma gi",
        "can giay ma",
        "nhung giay ma",
        "giay ma nao",
        # "đem gì theo" (like "mang gì"), the list of papers ("danh sách / danh mục giấy tờ")
        "dem gi",
        "danh sach giay to",
        "danh muc giay to",
        "danh sach ho so",
        "danh muc ho so",
    ),
    FEE: (
        "la bao nhieu",
        "le phi",
        "bao nhieu tien",
        "het bao nhieu",
        "mat bao nhieu",
        "ton bao nhieu",
        "chi phi",
        "mat phi",
        "mien phi",
        "dong phi",
        "nop phi",
        "thu phi",
        "ton phi",
        "tra tien",
        "dong tien",
        "ton bao nhieu",
        "phi",
        "tien",
        "bao nhieu",
        "gia bao nhieu",
        "ton kem",
        # how the fee is worked out ("phí thế nào", "tính phí ra sao"): a fee, not the steps
        "tinh phi",
        "phi the nao",
        "phi nhu the nao",
        "phi ra sao",
        # how an amount is worked out ("phí trước bạ tính thế nào", "tiền sử dụng đất tính ra sao")
        "tinh the nao",
        "tinh nhu the nao",
        "tinh ra sao",
        # whether it costs anything ("có mất tiền không", "tốn tiền không", "mất đồng nào không"):
        # the verb goes with the money, or "mất" is left in the topic as a loss or a death
        "mat tien khong",
        "mat tien gi",
        "co mat tien",
        "phai mat tien",
        "ton tien",
        "het tien",
        "mat nhieu tien",
        "mat dong nao",
        "ton dong nao",
        "mat xu nao",
        # the sums to pay ("phải nộp những khoản phí nào", "có phải mất khoản nào không")
        "khoan phi",
        "khoan le phi",
        "khoan tien",
        "mat khoan",
        "nop khoan",
        # the price asked how ("giá cả thế nào", "giá ra sao"): a fee, not the steps
        "gia ca the nao",
        "gia ca ra sao",
    ),
    TIME: (
        "thoi han giai quyet",
        "mat thoi gian",
        "mat bao lau",
        "mat may ngay",
        "trong bao lau",
        "may hom",
        "la may ngay",
        "bao lau",
        "may ngay",
        "bao nhieu ngay",
        "thoi han",
        "thoi gian",
        "bao gio",
        "khi nao",
        "chung nao",  # the south's "khi nào"
        "lau khong",
        "lau the",
        "xong",
        "co ket qua",
        # a wait in weeks or months ("phải chờ mấy tuần", "mất mấy tháng", "mấy bữa")
        "mat may tuan",
        "mat may thang",
        "het may tuan",
        "het may thang",
        "cho may tuan",
        "cho may thang",
        "cho may ngay",
        "trong may tuan",
        "trong may thang",
        "may bua",
        # whether it is done the same day ("có giải quyết ngay trong ngày không", "lấy trong ngày
        # được không", "làm trong ngày không")
        "ngay trong ngay",
        "giai quyet trong ngay",
        "tra trong ngay",
        "lay trong ngay",
        "lam trong ngay",
        "trong ngay khong",
        "trong ngay duoc khong",
        # "lúc nào" asks when, like "khi nào"; "hôm nào", "ngày nào" only with the result ("hôm
        # nào lấy", "ngày nào trả"): "chợ họp vào ngày nào" asks no procedure's time
        "luc nao",
        "hom nao nhan",
        "hom nao duoc",
        "ngay nao nhan",
        "ngay nao duoc",
        # "bao nhiêu" before a span of time ("bao nhiêu lâu", "bao nhiêu hôm / tuần / tháng"): the
        # time, not the fee
        "bao nhieu lau",
        "bao nhieu hom",
        "bao nhieu bua",
        "bao nhieu tuan",
        "bao nhieu thang",
        # whether it is quick or long ("nhanh không", "có lâu lắm không")
        "nhanh khong",
        "lau lam khong",
        "lau lam",
        "hom nao lay",
        "hom nao co",
        "hom nao tra",
        "ngay nao lay",
        "ngay nao co",
        "ngay nao tra",
        # whether it can be had at once or in time ("lấy liền được không", "lấy ngay được không",
        # "lấy luôn được không", "làm gấp được không", "có kịp không"), or within hours ("mấy tiếng")
        "lay lien",
        "co lien",
        "lay ngay duoc",
        "lay ngay khong",
        "lay luon",
        "lam gap",
        "lay gap",
        "gap duoc khong",
        "co kip khong",
        "kip khong",
        "may tieng",
        "bao nhieu tieng",
        # whether it is quick ("có nhanh không")
        "co nhanh khong",
        "lam nhanh khong",
        "xong nhanh khong",
    ),
    WHERE: (
        "o dau",
        "nop o dau",
        "nop tai dau",
        "nop o cho nao",
        "nop dau",
        "di dau",
        "noi nop",
        "co quan nao",
        "online",
        "truc tuyen",
        "qua mang",
        "buu dien",
        "buu chinh",
        # the result brought home ("có trả kết quả tận nhà không", "gửi kết quả về nhà"): how it is
        # received, like "bưu điện" (an officer coming "xuống tận nhà" to do it is no such question)
        "tra tan nha",
        "tra ket qua tan nha",
        "gui tan nha",
        "gui ket qua tan nha",
        "giao tan nha",
        "giao ket qua tan nha",
        "nhan tan nha",
        "nhan ket qua tan nha",
        "gui ve nha",
        "gui ket qua ve nha",
        "tra ket qua ve nha",
        "tai dau",
        "cho nao",
        "noi nao",
        "nop tai",
        "tren mang",
        "dich vu cong",
        "len xa",
        "len phuong",
        "len huyen",
        "len tinh",
        "o xa hay",
        "cap nao",
        # who to see ("nộp cho ai", "gặp ai"), where to go up to ("lên đâu nộp")
        "nop cho ai",
        "gap ai",
        "lien he ai",
        "len dau",
        "ra dau",
        "nop o",
        "gui ai",
        "gui cho ai",
        # a choice between two offices ("tới ủy ban xã hay tới thôn", "xã hay huyện")
        "uy ban xa hay",
        "ubnd xa hay",
        "ra xa hay",
        "len xa hay",
        "toi xa hay",
        "den xa hay",
        "xa hay huyen",
        "xa hay tinh",
        "xa hay thon",
        "thon hay xa",
        "huyen hay tinh",
        "huyen hay xa",
        "o thon hay",
        "hay o xa",
        "hay ra xa",
        "hay o huyen",
        "hay len huyen",
        "hay o tinh",
        "hay len tinh",
        # who deals with it ("ai giải quyết", "ai cấp"), police or people's committee
        "ai giai quyet",
        "ai xu ly",
        "ai cap giay",
        "ai cap phep",
        "ai cap so",
        "ai cap the",
        "ai cap cho",
        "cong an hay",
        "hay cong an",
        "uy ban hay",
        "hay uy ban",
        "ubnd hay",
        "hay ubnd",
        # session 17 (i17b): the level named as such ("cấp xã hay cấp tỉnh", "hay cấp tỉnh") and
        # filing in person ("nộp trực tiếp", "đến trực tiếp"): which office, which way to file
        "cap xa hay cap tinh",
        "cap tinh hay cap xa",
        "cap xa hay",
        "cap tinh hay",
        "cap huyen hay",
        "hay cap xa",
        "hay cap tinh",
        "hay cap huyen",
        "nop truc tiep",
        "den truc tiep",
        "truc tiep ra",
        "lam truc tiep",
        # the office asked after a verb of going ("đến cơ quan nào"): no "đến" left in the topic
        "den co quan nao",
        "toi co quan nao",
        "ra co quan nao",
        "len co quan nao",
        # the office that receives the dossier ("được tiếp nhận tại …", "nơi tiếp nhận")
        "duoc tiep nhan tai",
        "tiep nhan tai",
        "tiep nhan o dau",
        "noi tiep nhan",
        "co quan tiep nhan",
        "co quan nao tiep nhan",
        # the one-stop desk named ("trung tâm phục vụ hành chính công", "bộ phận một cửa")
        "hanh chinh cong",
        "bo phan mot cua",
        # who issues it ("do ai cấp", "do cơ quan nào cấp"), anywhere at all ("xã nào cũng được")
        "do ai cap",
        "do co quan nao",
        "o dau cung",
        "xa nao cung",
        "phuong nao cung",
        "noi nao cung",
    ),
    STEPS: (
        "trinh tu",
        "cac buoc",
        "buoc nao",
        "nhung buoc",
        "quy trinh",
        "nhu the nao",
        "the nao",
        "ra sao",
        "lam sao",
        "cach lam",
        "cach thuc",
        "buoc",
        "lam nhu the nao",
        "lam the nao",
        "thuc hien ra sao",
        # session 17 (i17b): Northern "làm kiểu gì / kiểu nào" is "làm thế nào"; the order asked
        # ("làm cái gì trước cái gì sau") is the steps (`_ORDER_ASKED` writes the shorter forms)
        "lam kieu gi",
        "lam kieu nao",
        "lam theo kieu gi",
        "cai gi truoc cai gi sau",
        "gi truoc gi sau",
        # the order asked of how it is done ("thực hiện theo trình tự nào") and how a procedure
        # "diễn ra" (unfolds): no "thực hiện", "diễn ra" left in the topic; "trình tự thực hiện",
        # "trình tự giải quyết" are not cues: names begin with "Thực hiện", "Giải quyết"
        "thuc hien theo trinh tu nao",
        "theo trinh tu nao",
        "dien ra nhu the nao",
        "dien ra the nao",
        "dien ra ra sao",
        # Northern "như nào" (như thế nào), steps counted or one by one ("mấy bước", "từng bước"),
        # the stages ("phải qua những khâu nào": the procedure's, not a dossier's "khâu nào"); how
        # it is carried out ("tiến hành ra sao") is `_CARRIED_OUT`
        "nhu nao",
        "tung buoc",
        "may buoc",
        "bao nhieu buoc",
        "nhung khau nao",
        "nhung khau",
        "cac khau",
    ),
    LEGAL: ("can cu phap ly", "can cu", "phap ly", "luat nao", "van ban nao", "quy dinh nao"),
    # Asks about a dossier on their own; saying whose dossier it is ("hồ sơ của tôi") or that it
    # was filed ("đã nộp hồ sơ") is `_FILED`, and the longer ways of asking are `_STATUS_ASKS`.
    STATUS: (
        "dang o khau nao",
        "khau nao",
        "tinh trang ho so",
        "tien do",
        # "tiến trình" (progress) of a dossier, like "tiến độ" — not "tiền" (a fee)
        "tien trinh giai quyet ho so",
        "tien trinh xu ly ho so",
        "tien trinh ho so",
        "den dau",
        "toi dau",
        "xong chua",
        "xong roi chua",
        "van chua co ket qua",
        "chua thay ket qua",
        "van chua xong",
        "co ket qua chua",
        "ket qua chua",
        "tra cuu ho so",
        "xem ho so",
        "kiem tra ho so",
        "giai quyet chua",
        "sao roi",
    ),
    DUE_TODAY: ("den han hom nay", "han hom nay", "het han hom nay", "den han", "qua han", "sap den han"),
}

# Filler that says nothing about the procedure (kept out of retrieval, never an intent).
# Only phrases that never belong to a procedure's name ("có" is also "cơ quan", "căn" is "căn cước").
FILLER = (
    "cho hoi",
    "cho em hoi",
    "cho toi hoi",
    "xin hoi",
    "toi muon",
    "toi can",
    "em muon",
    "minh muon",
    "phai lam gi",
    "can lam gi",
    "phai lam",
    "huong dan",
    "nhe",
    "duoc khong",
    "co duoc khong",
    "co khong",
    "nop ho so",
    "thu tuc",
    "lam thu tuc",
    "cua toi",
    # not "rồi": folded it is also "rơi" ("đánh rơi sổ đỏ"); the single word is dropped with the
    # other question words (WORD_FILLER) unless it belongs to one of the search's everyday phrases
    # when it happened says nothing about the procedure ("ông nội mất tuần trước")
    "hom qua",
    "hom kia",
    "hom truoc",
    "tuan truoc",
    "thang truoc",
    "nam ngoai",
    "nam truoc",
    "moi day",
    "gan day",
    "bay gio",
    "hien nay",
    "hien tai",
)

# "What should I do": an overview, not the steps ("tôi muốn tách hộ thì phải làm sao?"). Removed
# before the other cues are looked for, so "làm sao" inside them is not read as a steps question.
# "… thì làm sao" without "phải" asks how a thing is done ("muốn trả lại giấy phép thì làm sao"),
# like "làm thế nào": a steps question, not one of these.
OVERVIEW_CUES = (
    "phai lam sao",
    "lam sao de",
    "lam sao bay gio",
    "phai lam gi",
    "phai lam nhung gi",
    "can lam gi",
    "can lam nhung gi",
    "lam gi",
    "tu van",
    "thong tin ve",
    "muon biet ve",
    "hoi ve",
    "giup toi",
    "giup em",
    "giup minh",
    "giup",
)

# Everyday abbreviations, written out before anything else is read ("hs" is "hồ sơ").
ABBREVIATIONS = {
    "hs": "ho so",
    "tt": "thu tuc",
    "tthc": "thu tuc",
    "gt": "giay to",
    "dk": "dang ky",
    "dky": "dang ky",
    "dki": "dang ky",
    "ko": "khong",
    "k": "khong",
    "kg": "khong",
    "hok": "khong",
    "bn": "bao nhieu",
    "j": "gi",
    "ntn": "nhu the nao",
    "dc": "duoc",
    "ng": "nguoi",
    "tg": "thoi gian",
    "onl": "online",
    "dn": "doanh nghiep",
    # phone typing and teencode
    "lm": "lam",
    "kh": "khong",
    "hk": "khong",
    "khum": "khong",
    "ck": "chong",
    "vk": "vo",
    "mk": "minh",
    "r": "roi",
    "ms": "moi",
    "vs": "voi",
    "cx": "cung",
    "trc": "truoc",
    "dag": "dang",
    "nhiu": "nhieu",
    "bnhieu": "bao nhieu",
    "fai": "phai",
    "pai": "phai",
    "bnh": "bao nhieu",
    "bgio": "bao gio",
    "bjo": "bao gio",
    "tnao": "the nao",
    "lsao": "lam sao",
    "sdt": "so dien thoai",
}

# "bn" is "bao nhiêu" ("hết bn tiền") and "bạn" ("bn ơi", "ở đâu vậy bn"): the friend at the
# start, before a call word, or after the question's last particle.
_BN_FRIEND_AFTER = frozenset("oi a nhe nha ah ak".split())
# What an amount counts ("bn ngày", "bn tiền"): "bao nhiêu" whatever comes before; "bn lâu" is "bao lâu".
_BN_AMOUNT_AFTER = frozenset("tien ngay lau thang tuan nam lan ban bo trieu nghin ngan dong k".split())
_BN_FRIEND_BEFORE = frozenset("vay ha nhi nhe nha a ak ah khong ko k kg hok chua the oi roi r v z".split())

# Words of the centre (and of people who moved north from there) typed without a second thought:
# "mần" (làm), "chi" (gì), "răng" (sao), "mô" (đâu), "rứa" (thế), read on the folded question
# with its punctuation, only at the end of a clause after the word they follow there, so "chi
# phí", "chi trả", "quy mô", "mô tô" stay what they are.
# "hè", "hỉ" (folded "he", "hi") are the centre's closing particles too ("làm răng hè", "ở mô hỉ").
_CLAUSE_END = r"(?=\s*(?:[,.?!;:]|$)|\s+(?:a|ha|nhe|nha|vay|rua|ri|he|hi|khong|ko|k|the)\s*(?:[,.?!;:]|$))"
_REGIONAL = (
    (re.compile(r"\b(can|mang|nop|dem|chuan bi|giay to|giay|cai|nhung thu|cac thu|la|lam|man|gom|co) chi"
                + _CLAUSE_END), r"\1 gi"),
    (re.compile(r"\b(lam|man|the|ra|thi) rang" + _CLAUSE_END), r"\1 sao"),
    # not after "đi" ("đi mổ") or "tại" ("tại mỏ")
    (re.compile(r"\b(o|nop|len|ra|den|toi) mo" + _CLAUSE_END), r"\1 dau"),
    # "ở mô" opening a question or a clause asks where too ("ở mô nhận hồ sơ tách hộ rứa"); not
    # "ở mô hình", "ở mô tô" (session 17, i17b)
    (re.compile(r"(^|[,.?!;:]\s*)(o|ra|len) mo (?!(?:hinh|to|ta|phong|dun)\b)"), r"\1\2 dau "),
    (re.compile(r"\bman (?=(?:giay|so|ho so|thu tuc|the|cccd|can cuoc|khai|lai|dang ky|sao|gi)\b)"), "lam "),
    # "rứa" after a question word only: "nuôi rùa" keeps its turtle
    (re.compile(r"\b(gi|sao|dau|the|khong|ko|chua|nao|vay) rua(?=\s*(?:[,.?!;:]|$))"), r"\1"),
    # ... and so do "hè", "hỉ" after one ("làm răng hè": the particle is no topic word)
    (re.compile(r"\b(gi|sao|dau|the|nao|vay) (?:he|hi)(?=\s*(?:[,.?!;:]|$))"), r"\1"),
)

# Single question words that say nothing about the procedure: dropped from the topic, except
# where the catalog uses them ("có yếu tố nước ngoài", "căn cước", "đề nghị", "làm việc").
WORD_FILLER = frozenset(
    "co khong thi lam gi nao sao xin muon toi em minh a oi nhe vay hoi ha nhi chu ve de duoc phai "
    "can biet di roi nua ak ah xong gio".split()
)
_KEEP_BEFORE = {
    "co": {"yeu", "tham"},
    "can": {"cuoc", "cu", "ho", "ngheo"},
    "de": {"nghi", "an", "xuat"},
    "lam": {"viec", "nha"},
    "ve": {"viec", "nuoc", "que"},
    "di": {"chuyen", "san", "vat"},
    "roi": {"khoi", "cang", "ben"},
    "nao": set(),
}
_KEEP_AFTER = {
    "can": {"ho", "thon"},  # "hộ cận nghèo"
    "ngheo": set(),
}
# Words whose pairs with a neighbour the catalog uses are another word folded alike: "rồi" is
# "rời" only before what one leaves ("rời cảng", "rời bến", "rời khỏi"), never in "nhập cảnh rồi
# vào cảng" ("rơi vào" is a catalog pair), so only `_KEEP_BEFORE` keeps it.
_LISTED_ONLY = frozenset({"roi"})

# An aspect word between a person and what happened to them ("bố tôi vừa mất", "mẹ đã mất",
# "vợ tôi sắp sinh"): the event is the same, and the everyday phrases know it without the word
# ("bố tôi mất", "vợ sinh"). "mới" stays before a birth: "con mới sinh" is a phrase of its own.
_PERSON = r"(?:con|be|ong|ba|bo|me|cha|chau|vo|chong|anh|chi|em)(?: (?:toi|em|minh|noi|ngoai))*"
# What a person loses ("mẹ tôi vừa mất sổ đỏ", "chồng tôi mất bằng lái", "bố mất tích"): after
# "mất" these words make it a lost thing or another event, not a death.
LOST_AFTER_MAT = re.compile(
    r"(?:giay|so|the|bang|can cuoc|cmnd|cccd|ho chieu|ho so|dang ky|viec|suc|tien|xe|dien thoai|vi|"
    r"hoa don|chung chi|chung nhan|chung minh|hop dong|quyet dinh|con dau|ket qua|tai san|tai lieu|"
    r"nha|dat|trom|cap|lien lac|tich|ngu|tri|nang luc|kha nang|quyen|phieu|bien so|ban|hang)\b"
)
_ASPECT_EVENT = re.compile(
    rf"(?<!cua )\b({_PERSON}) (?:vua moi|moi vua|vua|moi|da|dot ngot|dot nhien) "
    rf"(?=(?:mat(?! {LOST_AFTER_MAT.pattern})|qua doi|chet|tu tran)\b)"
    rf"|\b({_PERSON}) (?:vua|da|sap|sap sua|dang|chuan bi) (?=(?:sinh|de)\b)"
)
# Where the citizen goes, said last ("… cần giấy tờ gì ở xã", "nộp tại phường"): the commune
# level, as the catalog names it ("cấp xã"), not the words "ở xã" of "nhà ở xã hội".
# Without diacritics "ở xa" (far away: "đang ở xa", "sống ở xa", "nhà ở xa") folds alike: not after those.
_AT_COMMUNE = re.compile(
    r"(?<!dang )(?<!song )(?<!nha )(?<!viec )(?<!qua )\b(?:o|tai|len|ra|den) (?:ubnd |uy ban )?(?:xa|phuong)$"
)
# A paper told first and lost after ("sổ đỏ nhà tôi bị mất", "thẻ bhyt của con bị thất lạc"):
# read in the order the everyday phrases use ("mất sổ đỏ nhà tôi"), so it is a lost paper to
# issue again whoever it belongs to.
_PAPERS = (
    "so do", "so hong", "giay do", "bia do", "so dat", "giay chung nhan quyen su dung dat",
    "so bao hiem xa hoi", "so bao hiem", "so bhxh", "the bhyt", "the bao hiem y te", "the bao hiem",
    "bang lai xe", "bang lai",
    "giay phep lai xe", "can cuoc cong dan", "the can cuoc", "can cuoc", "cccd", "cmnd", "giay khai sinh",
    "giay dang ky xe", "dang ky xe", "ca vet", "cavet", "ho chieu", "giay to xe",
)
_LOST_PAPER = re.compile(
    r"\b(" + "|".join(sorted(_PAPERS, key=len, reverse=True)) + r")"
    r"((?: (?:cua )?(?:nha|con|be|ong|ba|bo|me|cha|chau|vo|chong|anh|chi|em)(?: (?:toi|em|minh|noi|ngoai))?"
    r"| (?:cua )?(?:toi|em|minh))?) (?:bi |da bi |bi danh )?(?:mat|that lac)\b"
    # Only a loss: "mất bao lâu / mấy ngày / phí / khoảng 3 ngày" is what it takes ("làm giấy
    # khai sinh mất bao lâu"); "mất tích", "mất ngủ" are no loss of a paper.
    r"(?! (?:tich|ngu|tri|bao|may|het|thoi|tien|phi|nhieu|khoang|tam|chung|gan|tong|cong"
    r"|mot|hai|ba|bon|nam|\d+)\b)"
)
# Where a paper is sent ("gửi đơn tới đâu", "nộp hồ sơ đến đâu"): a place to file, not how far a
# dossier has got ("hồ sơ tới đâu rồi", a status question: "rồi", "chưa" after it keep that).
_SEND_TO = re.compile(
    r"\b((?:gui|nop|mang|dem|dua|chuyen|bao|trinh bao)(?: \w+){0,3}?) (?:toi|den) dau\b"
    r"(?! (?:roi|chua|thang|nam|tuan|quy|ky|gio)\b)"
)
# Where to go to do it ("thì đến đâu làm", "phải tới đâu"): a place, not how far a dossier has got,
# nor the beginning of a month or a year ("đến đầu tháng", which folds alike).
_GO_TO = re.compile(
    r"\b(thi|phai|can|nen|se|di) (?:den|toi) dau\b(?! (?:roi|chua|thang|nam|tuan|quy|ky|gio)\b)"
    r"|\b(?:den|toi) dau (?=(?:lam|nop|xin|hoi|dang ky|de)\b)"
)
# A bare "hồ sơ" / "giấy tờ" in a list of what is asked ("cấp sổ đỏ: hồ sơ, lệ phí, thời gian?",
# "kết hôn - giấy tờ - phí"): the documents, like "giấy tờ gì". Read with the punctuation.
_LISTED_PAPERS = re.compile(
    r"(?:(?<=[,;:+/-])|^)\s*(?:ho so|giay to|thanh phan ho so)\s*(?=[,;:+/?.-]|$)"
)
# "hồ sơ thế nào", "giấy tờ ra sao" (what the dossier looks like) ask the documents, not how it is
# done; not "nộp hồ sơ thế nào" (how to file), nor "hồ sơ thế nào rồi" (a dossier's progress).
_DOSSIER_HOW = re.compile(
    r"(?<!nop )(?<!lam )(?<!gui )(?<!ly )(?<!quyet )(?<!tra cuu )(?<!theo doi )(?<!rut )(?<!kiem tra )"
    r"\b(?:ho so|giay to) (?:nhu )?(?:the nao|ra sao)\b(?! roi\b)"
)
# "hồ sơ" / "giấy tờ" ending the question after another ask and "và" ("các bước và giấy tờ",
# "lệ phí với hồ sơ?"): one more ask, the documents.
_PAPERS_ADDED = re.compile(
    r"\b(buoc|trinh tu|phi|tien|gian|han|dau) (va|voi) (?:ho so|giay to)\b(?=\s*(?:[,;:+/?.!]|$))"
)
# A bare "phí" / "tiền" in such a list or alone after the name ("đăng ký thường trú: phí?",
# "kết hôn - phí"): the fee, like "lệ phí", even where the catalog pairs "phí" with the word
# before it ("trú phí"). Read with the punctuation.
_LISTED_FEE = re.compile(r"(?:(?<=[,;:+/-])|^)\s*(?:phi|tien|le phi)\s*(?=[,;:+/?.-]|$)")
# A dossier already filed, or the citizen's own ("tôi đã nộp hồ sơ …", "nộp rồi", "hồ sơ nộp tháng
# trước", "hồ sơ của mẹ tôi", "hồ sơ sổ đỏ nhà tôi", "đã bổ sung rồi"): a status question when
# nothing else is asked, or only when ("…, bao giờ có kết quả"); when something else about the
# procedure is asked ("…, cần bổ sung giấy tờ gì", "…, lệ phí bao nhiêu", "hồ sơ của con tôi
# nhập học cần gì") that wins, unless it is how to follow the dossier (`_FOLLOWING`). Not after
# "sau khi", "nếu", "khi" ("sau khi nộp hồ sơ thì bao lâu có kết quả" asks a procedure's time).
_OWNER = r"(?:toi|tui|tao|minh|em|chung toi|chung em|con toi|nha toi|nha minh|nha em|cong ty toi|ben toi)"
_RELATIVE = r"(?:con|be|ong|ba|bo|me|cha|chau|vo|chong|anh|chi|em|co|chu|bac|di|cau|mo|thim)"
_FILED = re.compile(
    r"(?<!sau khi )(?<!neu )(?<!khi )(?<!truoc khi )(?<!muon )(?<!se )(?<!sap )"
    r"\b(?:"
    # filed: "đã nộp (hồ sơ / đơn / online)", "vừa nộp", "nộp rồi", "nộp xong rồi", "gửi hồ sơ rồi";
    # not money named as paid ("số thuế đã nộp", "tiền đã nộp", "phí đường bộ đã nộp", "khoản thu
    # ngân sách đã nộp") nor tax paid abroad ("đã nộp thuế ở Trung Quốc"): what a credit, a refund
    # or a certificate is about, no dossier (session 15)
    r"(?<!thue )(?<!tien )(?<!phi )(?<!ngan sach )(?<!duong bo )"
    r"(?:da|vua|moi|vua moi|da gui|da lam) (?:nop|gui)\b"
    r"(?! (?:thue|tien thue|phi|le phi) (?:o|tai|ben) (?:nuoc ngoai|trung quoc|han quoc|nhat ban|nhat"
    r"|dai loan|lao|my|uc|campuchia|thai lan|singapore)\b)"
    r"|(?:nop|gui)(?: \w+){0,8}? (?:roi|xong roi)\b(?! thi\b)"
    r"|ho so (?:da nop|nop roi|da gui|gui roi)"
    # filed some time ago ("hồ sơ nộp tháng trước", "nộp từ đầu tháng", "nộp ở xã tuần trước")
    r"|lam(?: \w+){0,4}? tu (?:hom|tuan|thang) (?:truoc|roi|kia)"
    r"|da (?:duoc )?tiep nhan"
    r"|(?:nop|dong) (?:thue|tien|phi|le phi)(?: \w+){0,4}? (?:roi|xong roi)\b(?! thi\b)"
    r"|(?:nop|gui|dang ky)(?: \w+){0,8}? (?:hom qua|hom kia|hom truoc|tuan truoc|thang truoc|nam ngoai"
    r"|nam truoc|tu (?:hom|tuan|thang|nam|dau|cuoi) (?:truoc|qua|kia|thang|nam|tuan)"
    r"|tu thang \d+ (?:roi|den nay|toi nay|ma)"
    r"|(?:\d+|mot|hai|ba|may|ca|nua|hon|gan) (?:ngay|hom|tuan|thang|nam) (?:roi|nay))"
    # supplemented already ("đã bổ sung hồ sơ rồi", "bổ sung xong rồi")
    r"|da bo sung|bo sung (?:xong|roi)"
    # the citizen's own dossier: "hồ sơ của tôi / của mẹ tôi / sổ đỏ nhà tôi / tôi nộp"
    # ("hồ sơ cấp đổi sổ đỏ cho bố mình" is one being made for someone: no "cho" on the way)
    rf"|ho so(?! nao\b)(?: (?!cho\b)\w+){{0,5}}? (?:cua )?(?:{_RELATIVE} )?(?<!tre ){_OWNER}\b"
    rf"|ho so cua (?:{_RELATIVE}|minh|em|toi|tui)\b"
    r")"
)
# Following a dossier filed: knowing, seeing, looking up its result or state, a wait overrun.
_FOLLOWING = re.compile(
    r"\b(?:biet|xem|tra cuu|kiem tra|theo doi|hoi|nhan)\b(?: \w+){0,6}"
    r" (?:ket qua|tinh trang|duyet|tiep nhan)\b"
    r"|\b(?:tra cuu|kiem tra|theo doi)\b|\bhoi (?:o dau|ai)\b"
    r"|\bxem (?:o dau|the nao|sao|bang cach nao|cho nao)\b"
    r"|\bchua (?:co|thay|nhan duoc) ket qua\b|\bqua hen\b|\btre hen\b"
)
# Ways of asking about one's dossier that need no "hồ sơ của tôi" (session 14). Each family says
# something only a dossier already filed can be: how far it has got, whether a step is done, a
# wait that has gone on, an appointment, a dossier sent back, a supplement asked for, a code.
# A hypothesis ("nếu hồ sơ bị trả về", "trường hợp hồ sơ thiếu") asks how the procedure goes:
# not these (`_HYPOTHESIS`).
# Papers one may lack when filing ("mà không có giấy khai sinh", "chưa có bản sao").
_LACKING = (
    r"(?:giay|ban|so ho khau|the|bang|chung|xac nhan|hop dong|ho chieu|can cuoc|cccd|cmnd|du|ho khau"
    r"|anh|chu ky|nguoi|dia chi|noi)"
)
_DONE_YET = r"(?=(?: (?:a|vay|nhi|ha|ad|ak|ah|the|nhe|ban|anh|chi|em|ko|khong|roi))*[\s.\-]*$)"
_STATUS_ASKS = re.compile(
    r"\b(?:"
    # a step done yet, at the end ("đã được duyệt chưa", "sổ đã ký chưa", "đã có sổ chưa", "hồ sơ
    # đã chuyển sang thuế chưa", "lấy kết quả được chưa", "gửi bưu điện đã tới chưa")
    r"(?:duyet|ky|cap|xu ly|giai quyet|tiep nhan|nhan|nhan duoc|lay|lay duoc|toi|den|tham dinh|tra"
    r"|chuyen(?: \w+){0,3}|lay ket qua|co ket qua|(?<!duoc )co|ve"
    r"|co (?:so|so do|so hong|giay|giay phep|the|can cuoc|cccd|ho chieu|quyet dinh|thong bao(?: \w+)?|ket qua"
    r"|tien))(?: duoc)? chua" + _DONE_YET +
    r"|ho so(?: \w+){0,8}?(?<! du)(?<! day du) chua" + _DONE_YET +
    # how far it has got ("đến bước nào rồi", "đang ở giai đoạn nào", "nằm ở đâu", "thế nào rồi")
    r"|(?:den|toi|o|dang o) (?:buoc|khau|giai doan|cong doan|phong|bo phan) nao|(?:buoc|khau) nao roi"
    r"|ho so(?: \w+){0,5}? (?:dang nam|nam|dang|hien dang|hien nam) o (?:dau|phong nao|cho nao|bo phan nao)"
    r"|(?:the nao|ra sao) roi"
    r"|tinh hinh ho so|trang thai(?: \w+){0,2} ho so|(?:xem|tra cuu|kiem tra) trang thai|theo doi ho so"
    r"|(?:check|coi|ktra)(?: giup| dum| ho)?(?! mau\b)(?: \w+)? ho so"
    r"|(?:xem|tra cuu|tra|kiem tra|biet) ket qua(?: giai quyet)? ho so"
    # ("kết quả hồ sơ của tôi thế nào": whose it is, then how it stands; not the steps)
    r"|ket qua(?: giai quyet)? ho so(?: \w+){0,3}? (?:cua(?: \w+){1,2}? (?:nhu the nao|the nao|ra sao)"
    r"|cua|the nao|ra sao|sao roi|den dau|toi dau|chua)"
    # one's own dossier accepted or not ("hồ sơ của tôi có được duyệt không"), no rule of the procedure
    rf"|ho so (?:cua )?(?:{_RELATIVE} )?{_OWNER} (?:co )?(?:duoc )?(?:duyet|phe duyet|chap nhan|chap thuan)"
    r" (?:khong|chua|hay chua|hay khong)"
    r"|hoi tham ho so|hoi ho so (?:da nop|cua)"
    # asked about, nothing else said ("em muốn hỏi kết quả hồ sơ", "mình hỏi hồ sơ với"); sent on and
    # asked where it is now ("hồ sơ được chuyển đi đâu rồi": "rồi" makes it no place to file)
    r"|hoi(?: ve)?(?: ket qua| tinh hinh| tinh trang)? ho so"
    r"(?=(?: (?:voi|a|nhe|ad|ak|ah|chut|giup|dum|ho|cai))*[\s.\-?!]*$)"
    r"|(?:chuyen|gui|dua)(?: di)? (?:dau|den dau|toi dau) roi"
    # sent back by the desk, said actively ("cán bộ trả hồ sơ về cho tôi"), a code forgotten
    rf"|tra (?:lai |ve )?ho so (?:ve |lai )?(?:cho )?{_OWNER}"
    r"|ho so(?: \w+){0,4}? quen(?: mat)? ma\b(?! so thue| thue)"
    r"|xu ly (?:den|toi) dau|giai quyet (?:den|toi) dau"
    # a state it is in ("hồ sơ bị trả về / từ chối / treo", "hồ sơ vẫn đang chờ", "chưa được xử lý");
    # the procedure may be named in between, with whose it is ("hồ sơ hưởng thai sản khi sinh con
    # của nhà em bị trả lại"), and "đang được xử lý thế nào" asks how far it has got, no steps
    r"|ho so(?: \w+){0,12}? (?:bi (?:tra ve|tra lai|tra|tu choi|treo|ngam|cham|bac|loai|tre|qua han|huy"
    r"|thieu|ket|ach|tac|giam)"
    r"(?! thi\b| phat\b| tien\b| noi\b)"
    r"|(?:van |dang |van dang |cu )(?:cho|xu ly|giai quyet|tham dinh)"
    r"|(?:khong|chua|van chua) (?:duoc )?(?:duyet|xu ly|giai quyet|tiep nhan|chap nhan|xong))"
    # a dossier being processed, however far back it is named ("hồ sơ … mà tôi gửi qua dịch vụ công
    # trực tuyến đang được xử lý thế nào"): the passive "đang được" is said of a dossier filed, and
    # its "thế nào" asks how far it has got, not the steps
    r"|ho so\b.{0,120}? (?:dang|hien dang|van dang) duoc (?:xu ly|giai quyet|tham dinh)"
    r"(?: (?:nhu the nao|the nao|ra sao|den dau|toi dau))?"
    # a supplement asked for ("cán bộ bảo bổ sung", "email báo hồ sơ cần bổ sung", "bị yêu cầu bổ
    # sung"), not the procedure "thông báo bổ sung …" nor a report ("báo cáo bổ sung"), nor the desk's
    # rule ("yêu cầu bổ sung hồ sơ lần thứ hai được không": asked to, "bị yêu cầu", it is one's own)
    r"|(?<!thong )(?:bao|bi yeu cau|keu|nhan tin)(?: lai)?(?: la| rang)?(?: (?:ho so|minh|toi|em))?"
    r"(?: (?:can|phai|con|di|them|cho))? (?:bo sung|thieu)"
    # a wait gone on ("mà chưa thấy", "vẫn chưa có kết quả", "sao mãi chưa có", "chờ mãi",
    # "sao lâu thế", "chờ sổ đỏ lâu quá", "còn bao lâu nữa")
    r"|tre (?:hen |han )?(?:\d+|mot|hai|ba|may|ca|hon|gan) (?:ngay|hom|tuan|thang)"
    r"|con cho (?:gi|cai gi) nua"
    r"|chua thay (?:gi|ket qua|tra loi|goi|tin|dau|bao|thong bao|tam hoi|phan hoi|ai)|khong thay ket qua"
    r"|chua (?:co|nhan duoc|lay duoc) ket qua"
    r"|(?<!ban )sao(?: \w+){0,4}? (?:chua|mai chua|van chua) (?:co|thay|xong|duoc|nhan|lay|tra|duyet|ve|xu ly"
    r"|giai quyet)"
    r"|(?<!ban )sao(?: \w+){0,4}? lau (?:the|vay|qua|ghe|the nhi|vay nhi)"
    r"|(?:cho|doi) (?:mai|hoai)|(?:cho|doi)(?: \w+){1,3} lau (?:qua|the|vay)"
    r"|(?:cho|doi) ket qua ho so(?: \w+){0,3}? lau (?:qua|the|vay)"
    r"|(?:con )?(?:bao lau|may ngay|may hom|may tuan|may thang|bao nhieu ngay) nua"
    r"(?:(?: thi| moi| la)? (?:co|xong|nhan|lay|tra)\b|" + _DONE_YET + ")"
    # (without "rồi", "mà không có / chưa có" + a paper is a paper lacking: "nộp hồ sơ mà không có
    # giấy khai sinh thì sao" asks how the procedure goes)
    r"|(?:qua han|tre han|qua hen|tre hen|den hen|qua ngay hen|hen|nop|bo sung|lay)(?: \w+){0,6}?"
    r" (?:roi (?:ma|nhung|gio|van)(?: \w+){0,2}? (?:chua|khong|chang) (?:co|thay|nhan|lay|xong|duoc"
    r"|xu ly|duyet|tra loi|goi|giai quyet|ve)"
    r"|(?:ma|nhung|gio|van)(?: \w+){0,2}? (?:chua|khong|chang) (?:co(?! " + _LACKING + r"\b)|thay|nhan|lay"
    r"|xong|duoc|xu ly|duyet|tra loi|goi|giai quyet|ve))"
    r"|(?:nop|lam|xin|dang ky|gui|cho|doi)(?: \w+){0,6}? (?:tu (?:hom|tuan|thang|nam|dau|cuoi|ngay) ?\w*"
    r"|(?:\d+|mot|hai|ba|bon|nam|sau|may|ca|nua|hon|gan) (?:ngay|hom|tuan|thang|nam)(?! tuoi)|lau)"
    r"(?: roi| nay| qua| gio| ma| van| nhung)+ (?:chua|khong thay|chang thay|mai chua)"
    r"(?: (?:co|thay|xong|nhan|lay|duoc|tra|duyet|xu ly|giai quyet|ve)\b|" + _DONE_YET + ")"
    # an appointment against the time gone ("hẹn 5 ngày mà nay đã 10 ngày", "hẹn 1 tuần mà giờ gần 1 tháng")
    r"|hen(?: tra)?(?: \w+){0,2}? (?:ngay|tuan|thang|hom)(?: \w+){0,2}? (?:ma|nhung)"
    r" (?:nay|gio|den nay|toi nay|hom nay)(?: (?:da|la|gan|hon|ca))*"
    r" (?:\d+|mot|hai|ba|bon|nam|sau|bay|tam|chin|muoi|may|nua)"
    r" (?:ngay|tuan|thang|hom)"
    # an appointment overrun ("trễ hẹn", "quá ngày hẹn"; not a bare "giấy hẹn", "phiếu hẹn": the slip itself)
    r"|tre hen|qua hen|den hen|sai hen|lo hen"
    # when "I" get it ("bao giờ tôi lấy được sổ", "khi nào em nhận được kết quả")
    rf"|(?:bao gio|khi nao|chung nao|ngay nao|hom nao|luc nao)(?: thi)? {_OWNER}(?: (?:moi|se|duoc|co the))*"
    r" (?:lay|nhan|co(?! the\b))(?: duoc)?"
    # ("kết quả" followed by a procedure's name, "khi nào tôi có thể nhận kết quả đăng ký kết hôn",
    # asks how long that procedure takes: only "kết quả" alone, "kết quả hồ sơ / của tôi" is one's own)
    r"(?: ket qua(?! (?!(?:ho so|cua|a|vay|nhi|ha|ad|ak|ah|the|nhe|ban|anh|chi|em|ko|khong|roi|chua|nua"
    r"|duoc|nhe|z|v|r)\b)\w+ \w+)\b"
    r"| (?:so|so do|giay|giay phep|the|can cuoc|cccd|ho chieu|bang|quyet dinh|tien|ho so)\b|"
    + _DONE_YET + ")"
    # "tôi" knowing it is done ("làm sao biết hồ sơ đã được duyệt"), one's paper awaited ("giấy
    # đăng ký kết hôn của tụi em bao giờ có")
    r"|biet(?: \w+){0,4} (?:da duoc|da) (?:duyet|xong|tiep nhan|giai quyet|xu ly|cap)"
    rf"|(?:giay|so|can cuoc|cccd|ho chieu|the|bang)(?: \w+){{0,4}}? (?:cua )?{_OWNER}(?: \w+){{0,3}}?"
    r" (?:bao gio|khi nao|chung nao|luc nao|ngay nao|hom nao) (?:thi )?(?:moi )?(?:duoc )?"
    r"(?:co|xong|lay|nhan|ve|gui)"
    r"|(?:bao gio|khi nao|chung nao)(?: \w+){0,2}? (?:giay|so|can cuoc|cccd|ho chieu|the|bang)"
    rf"(?: \w+){{0,4}}? cua {_OWNER}(?: \w+){{0,2}}? (?:co|xong|ve|duoc cap|lam xong)\b"
    # a code ("mã hồ sơ H37…", "quên mã hồ sơ"), written whole or not
    r"|ma ho so(?! (?:thu tuc|la gi|gom)\b)|[a-z]\d{2}(?:\.\d+)*-\d{6}-\d{3,4}"
    r")\b"
)
_STATUS_WHERE = re.compile(_STATUS_ASKS.pattern + r"(?: (?:dang )?(?:o|toi|den) (?:dau|cho nao))?")
# What the citizen wants to do to a dossier filed ("nộp hồ sơ rồi có được rút lại không", "đã nộp
# hồ sơ rồi muốn thay đổi thông tin"): a question about the procedure, not its status.
_ACTION_ON_FILED = re.compile(r"\b(?:rut|sua|huy|thay doi|dieu chinh|doi ten|chuyen nhuong)\b")
# A rule asked after telling what was done ("đóng thuế ở nước ngoài rồi có phải đóng ở Việt Nam
# không", "nộp rồi có cần lên xã nữa không", "nộp muộn rồi có bị phạt không"): the procedure's rule.
_RULE_ASKED = re.compile(r"\b(?:co phai|co can|co duoc|co bi|phai khong|can khong|duoc khong)\b")
# How it was filed, told ("nộp trên cổng dịch vụ công, báo đã tiếp nhận"): no question where to file.
_CHANNEL = re.compile(
    r"\b(?:online|truc tuyen|qua mang|tren mang|(?:qua |tren )?(?:cong )?dich vu cong"
    r"|(?:qua )?buu (?:dien|chinh))\b"
)
_HYPOTHESIS = re.compile(r"\b(?:neu|truong hop|gia su|gia nhu|lo nhu|phong khi)\b")
# When the dossier's result comes, nothing else named ("bao giờ lấy được kết quả", "khi nào lấy
# được sổ", "nộp rồi bao giờ có"): a procedure's time needs a procedure; with none named, the
# wait is the citizen's own. The words such a topic may hold (`analyse`).
_WHEN = re.compile(r"\b(?:bao gio|khi nao|chung nao|ngay nao|hom nao|luc nao)\b")
_RESULT_TOPIC = frozenset(
    "ho so ket qua lay nhan duoc co nop so do hong giay phep the can cuoc cccd ho chieu toi em minh tui "
    "chung nha con moi se thi vay a roi chua ma sao ngay hom luc".split()
)

# What one's own dossier lacks ("hồ sơ của tôi còn phải bổ sung giấy tờ nào nữa", "nhận được tin
# nhắn yêu cầu bổ sung hồ sơ, cần bổ sung những gì", "nộp tháng trước sao chưa xong, còn thiếu giấy
# tờ gì"): only the dossier tells it, so with no procedure named it is a status question, like
# the wait above (`_RESULT_TOPIC`); with one named ("tôi đã nộp hồ sơ xin cấp sổ đỏ, cần bổ sung
# giấy tờ gì") the procedure's list of papers answers. A dossier is the citizen's when `_FILED`,
# a status ask, or the desk's request ("tin nhắn / thông báo / cán bộ … yêu cầu bổ sung") says so.
_SUPPLEMENT = re.compile(r"\b(?:bo sung|thieu)\b")
# ("bổ sung gì", "bổ sung cái gì", "thiếu những gì": asked without a documents cue)
_SUPPLEMENT_WHAT = re.compile(r"\b(?:bo sung|thieu)\b(?: \w+){0,3}? (?:gi|nao|khong)\b")
_DESK_ASKED = re.compile(
    r"\b(?:tin nhan|thong bao|email|mail|cuoc goi|dien thoai|phieu|cong van|van ban|can bo|xa|phuong)"
    r"(?: \w+){0,3}? (?:yeu cau|de nghi|bao|keu|nhan) (?:\w+ )?(?:bo sung|hoan thien|thieu)\b"
)
_SUPPLEMENT_TOPIC = _RESULT_TOPIC | frozenset(
    "bo sung them thieu con nua phai can tin yeu cau thong bao email mail cuoc goi phieu cho gi nao khong "
    "giay to cua la duoc hs ho so nhung gi cai goi dien xa phuong bi co".split()
)


# "(được) quy định (như) thế nào / ra sao" asks what the rule says about the thing named: beside
# another ask ("thành phần hồ sơ … được quy định như thế nào", "mức lệ phí … quy định thế nào",
# "thời hạn giải quyết quy định ra sao") it is that ask, not the steps (`analyse`).
_RULE_SAYS = re.compile(r"\bquy dinh (?:nhu )?(?:the nao|ra sao)\b")

_HOW_WORDS = frozenset({"the nao", "nhu the nao", "ra sao"})

_PROCEDURE_NOW = re.compile(r"\bthu tuc\b")
_DOSSIER_WORD = re.compile(rf"\b(?:ho so|don|cua (?:{_RELATIVE} )?{_OWNER})\b")
_HOW_NOW = re.compile(r"(?:the nao|ra sao) roi")


def _status_asked(text: str, intents: list[str]) -> bool:
    """Whether the text asks about a dossier of the citizen's (a cue or `_STATUS_ASKS`).

    Beside something the procedure answers — a rule ("trẻ 6 tháng tuổi có được cấp thẻ không",
    "chưa có giấy xác nhận độc thân được không"), what to do ("làm nhà từ năm 1995 rồi mà chưa có
    sổ, giờ làm thế nào"), its papers, fee or place — the same words describe a situation, not a
    dossier: the procedure's question wins unless it is how to follow the dossier (`_FOLLOWING`)."""
    if STATUS in intents:
        return True
    if not _STATUS_ASKS.search(text) or _HYPOTHESIS.search(text):
        return False
    if _FOLLOWING.search(text):
        return True
    # "thủ tục tách thửa bây giờ thế nào rồi": how the procedure goes now, no dossier named
    if (
        _PROCEDURE_NOW.search(text)
        and not _DOSSIER_WORD.search(text)
        and all(_HOW_NOW.fullmatch(m.group(0)) for m in _STATUS_ASKS.finditer(text))
    ):
        return False
    # What is asked besides the status words and how the dossier was filed ("đến bước nào rồi",
    # "đã chuyển lên huyện chưa", "nộp qua dịch vụ công") — those words are no question of their own.
    # Where it is stuck ("bị kẹt ở đâu") belongs to the status words; money awaited ("tiền trợ cấp
    # sao chưa về") asks no fee.
    rest = _CHANNEL.sub(" ", _STATUS_WHERE.sub(" ", text))
    other = set(_asked(rest)[0]) - {TIME, DUE_TODAY, FEE}
    return not (other or _RULE_ASKED.search(rest) or _OVERVIEW.search(rest))


# Words of the topic that read like a cue: upper-cased like the catalog's own words, so no cue
# matches them and the topic keeps them.
_NOT_A_CUE = re.compile(
    # selling online ("bán hàng online", "buôn bán qua mạng") is what the business does, not a
    # way to file
    r"\b(?:ban hang|mua hang|mua ban|buon ban|ban) (?:online|qua mang|tren mang)\b"
    # a computer ("máy tính") is no amount worked out ("tính thế nào"); nor is the province
    # (`_PROVINCE_HOW`)
    r"|\bmay tinh\b"
    # a walkie-talkie ("máy bộ đàm") is no "mấy bộ"
    r"|\bmay bo (?:dam|dem)\b"
    # a branch ("mở chi nhánh không") is no "nhanh không"
    r"|\bchi nhanh\b"
    # a project's schedule ("tiến độ dự án", "điều chỉnh tiến độ") is no dossier's progress
    r"|\btien do (?=(?:du an|thuc hien|giai ngan|thi cong|cong trinh|xay dung|dau tu|gop von)\b)"
    r"|\b(?:dieu chinh|gian|dang ky|cham|dam bao|bao cao) tien do\b"
)
# The province before "thế nào" ("chuyển hộ khẩu về tỉnh thế nào", "phải lên tỉnh thế nào") is
# no amount worked out ("tính thế nào"): a stop after it keeps "lên tỉnh" a place asked and
# "thế nào" the steps.
_PROVINCE_HOW = re.compile(r"\b(ve|ngoai|sang|len|ubnd|khac|tai|den|toi|cung) tinh (?=(?:the|nhu|ra)\b)")
# "trợ giúp" (legal aid, "trợ giúp pháp lý") and "giúp việc" (a domestic worker) name what the
# question is about: no call for help (`OVERVIEW_CUES`), so "giúp" stays in the topic.
_HELP_NOUN = re.compile(r"\btro giup\b|\bgiup (?=viec\b)")
# "tư vấn" after what offers or pays for it ("trung tâm tư vấn pháp luật", "chi phí tư vấn", "công ty
# tư vấn") names a thing the catalog has a procedure about, not a request for advice (`OVERVIEW_CUES`).
_ADVICE_NOUN = re.compile(
    r"\b(trung tam|chi phi|dich vu|cong ty|to chuc|van phong|don vi|hop dong|hoat dong) tu van\b"
)
# "có đóng bảo hiểm" (has paid contributions) folds like "cổ đông" (a shareholder).
_HAS_PAID = re.compile(r"\bco dong\b(?= (?:bhxh|bhyt|bhtn|bao hiem|tien|thue|phi)\b)")

DOSSIER_CODE = re.compile(r"\b\d{3}\.\d{2}\.\d{2}\.[a-z]\d{2}-\d{6}-\d{4}\b", re.IGNORECASE)


def _pattern(phrases: tuple[str, ...]) -> re.Pattern[str]:
    ordered = sorted(phrases, key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(p) for p in ordered) + r")\b")


def _overlapping(phrases: tuple[str, ...]) -> re.Pattern[str]:
    """The longest phrase starting at every word, overlapping ones included."""
    ordered = sorted(phrases, key=len, reverse=True)
    return re.compile(r"\b(?=(" + "|".join(re.escape(p) for p in ordered) + r")\b)")


_CUE_PATTERNS = {intent: _overlapping(cues) for intent, cues in CUES.items()}
_FILLER = _pattern(FILLER)
_OVERVIEW = _pattern(OVERVIEW_CUES)
# Overview cues that ask for information or help rather than what to do ("tư vấn", "thông tin
# về", "giúp tôi"): no steps added.
_ADVICE = _pattern(
    ("tu van", "thong tin ve", "muon biet ve", "hoi ve", "giup toi", "giup em", "giup minh", "giup")
)
_OWN_MONEY = _pattern(
    ("moi co tien", "co tien", "du tien", "nhan tien", "linh tien", "lanh tien", "nhan duoc tien")
)
# What the citizen has no money to pay ("không đủ tiền đóng tiền đất", "không có tiền nộp phí"):
# a hardship, not a question about the fee; taken out with the money it follows.
_CANNOT_PAY = re.compile(
    r"\b(?:khong|chua) (?:co|du) tien(?: de)? (?:dong|nop|tra)(?: (?:tien|phi|le phi))?\b"
)

# Money the citizen receives or gets back ("được nhà nước hỗ trợ tiền", "bảo hiểm trả lại tiền",
# "thanh toán lại tiền viện phí") and a hospital bill ("viện phí"): what the question is about,
# not what a procedure costs. Upper-cased like the catalog's own words (`_protect_catalog_words`),
# so no fee cue matches them; they stay topic words.
_RECEIVED_MONEY = re.compile(
    r"\b(?:ho tro|tra lai|hoan lai|hoan|thanh toan lai|boi thuong|den bu) (?:tien|chi phi)\b|\bvien phi\b"
)
# A question that asks for a judgement the catalog cannot give: whether one should do
# something ("có nên", "nên … hay …", "nên … không", "lời khuyên"), or which option or provider
# is better, good, cheap or reputable ("… nào tốt", "ở đâu rẻ", "có tốt không", "… hay … lời
# hơn"; not "tốt hơn": "nộp ở xã hay ở tỉnh thì tốt hơn" asks where; not "lời": it folds like
# "lỗi"). The catalog states
# facts about procedures (documents, fees, time limits, places, steps), never opinions: such a
# question is not answered confidently, whatever words it shares with a procedure name (its
# close procedures are still listed). Folded; "nên" alone is no opinion ("tôi nên nộp ở đâu"
# asks where), nor is a price ("chứng thực chữ ký giá bao nhiêu" asks the fee).
# A choice one may be asked to make that is the procedure's own: a channel, an office, a level
# ("nên chọn cách nào", "nên chọn nộp ở cơ quan nào"), a business's name asked with its papers.
_OWN_CHOICE = r"(?! (?:cach|hinh thuc|phuong thuc|kenh|noi|co quan|cap|nop|ten)\b)"
_JUDGEMENT = re.compile(
    r"\b(?:co nen|nen \w+(?: \w+){0,6} hay|hay \w+(?: \w+){0,6} (?:thi )?(?:loi|re) hon"
    r"|(?:co )?(?:tot|uy tin|ngon|hop ly) (?:khong|ko)"
    r"|nao (?:tot|re|uy tin|ngon|chat luong|dep)|o dau (?:tot|re|uy tin|ngon|dep)"
    r"|(?:tot|re|uy tin|ngon|dep) nhat|uy tin|gi (?:tot|ngon|re)|loi khuyen|khuyen (?:toi|em|minh)"
    # A package sold by a private service ("dịch vụ làm sổ đỏ trọn gói"): its price is a
    # business's, not the catalog's fee.
    r"|tron goi"
    # Fortune-telling: whether a year suits the asker's age ("xem tuổi mở công ty", "hợp tuổi"),
    # a lucky day ("ngày đẹp", "ngày tốt": not "ngày tốt nghiệp"). Not the age of retirement
    # ("xem tuổi nghỉ hưu", "xem tuổi được hưởng lương hưu", "xem tuổi của con có đủ đi học"),
    # which a procedure states; not "xem ngay" ("see at once").
    r"|hop tuoi|xem tuoi(?! (?:nghi huu|ve huu|huu|huong|duoc|du|di hoc|vao lop|cua|toi thieu|toi da"
    r"|theo quy dinh|bao nhieu|la))|ngay (?:dep|tot(?! nghiep))"
    # Which private provider ("văn phòng dịch vụ nào nhanh", "bảo hiểm của hãng nào"): a choice
    # among businesses, which the catalog does not rank. Not "hạng nào" (a licence class),
    # "ngân hàng nào", "văn phòng nào" (where to file), "cách nào nhanh": they fold alike.
    r"|(?:cua hang|tiem|cong ty|van phong dich vu|hang (?:xe|bao hiem)) nao"
    # Where the pay is good ("khu công nghiệp nào lương cao", "làm ở đâu trả lương cao"): a choice
    # among employers, which the catalog does not rank either.
    r"|(?:nao|o dau) (?:tra )?luong cao"
    # How much the asker will get ("lương hưu của tôi được bao nhiêu"): a personal amount, which
    # only the paying office computes; the catalog's fee is what a procedure costs, not this.
    # Not a count or a length ("được bao nhiêu bản", "được hưởng bao nhiêu tháng").
    r"|duoc (?:huong |nhan |linh |tra )?bao nhieu(?! (?:ngay|thang|nam|tuan|gio|ban|lan|bo|trang)\b))\b"
    # "nên … không" at the end: whether to ("nên mua nhà không?").
    r"|\bnen \w+(?: \w+){0,6} (?:khong|ko)$"
    # Session 17: which option one should pick ("nên chọn vị trí nào", "nên chọn ngành nào"): an
    # opinion, like "nên … hay …" (not "được chọn bệnh viện nào": what a rule allows, no "nên").
    # Not the procedure's own choices (`_OWN_CHOICE`).
    r"|\bnen (?:lua )?chon\b" + _OWN_CHOICE + r"(?: \w+){0,5} nao\b"
    # How a business draws customers ("chọn chỗ nào cho đông khách", "làm sao tăng đơn"): a
    # trader's know-how, which no procedure states.
    r"|\b(?:dong|hut) khach\b|\btang don\b"
    # Where to learn a trade, a language or a skill ("học nghề hàn ở đâu", "học tiếng Trung ở
    # đâu", "học bơi ở đâu"): a choice among schools and courses, which the catalog does not
    # list. Only "học" followed by what is learnt, at most three words before "ở đâu" — a trade
    # only when named ("học nghề sửa xe máy ở đâu") or after "nên": a student's or a pupil's
    # papers ("đi du học … xin ở đâu", "học sinh chuyển trường nộp ở đâu") and the state's
    # vocational training ("hỗ trợ học nghề đăng ký ở đâu", "xuất ngũ muốn học nghề thì đăng ký ở
    # đâu", "học nghề may ở đâu được hỗ trợ") are procedures.
    r"|\bnen hoc nghe\b(?: \w+){0,3} o dau\b"
    r"|\bhoc nghe (?!(?:thi|de|duoc|dang ky|o)\b)\w+(?: \w+){0,2} o dau\b(?! (?:duoc )?ho tro)"
    r"|(?<!tro )\bhoc (?:tieng|ngoai ngu|boi|nau an|lam banh|lam toc|lam nail|trang diem"
    r"|may vi tinh|tin hoc|lap trinh|dan|hat|ve|vo)(?: \w+){0,3} o dau\b"
    # What one should buy, eat, grow, breed or study ("nên mua xe gì", "nên trồng cây gì", "nên
    # học ngành nào"): a choice the catalog does not make. Not "nên làm gì", "nên nộp ở đâu"
    # (what to do, where to file: the procedure's steps and place).
    r"|\bnen (?:mua|chon|lua chon|an|uong|trong|nuoi|hoc|dau tu)\b"
    + _OWN_CHOICE
    + r"(?: \w+){0,4} (?:gi|nao)\b"
    # Whether a person or a claim can be trusted ("có tin được không", "có đáng tin không"): an
    # opinion. Not "thông tin được không" (is the information …), "đăng tin" (to post).
    r"|(?<!thong )(?<!nhan )(?<!gui )(?<!dang )\btin duoc (?:khong|ko)\b|\bdang tin cay\b"
    # A market's price: the exchange rate, a price "today" ("giá lợn hơi hôm nay"), a price per
    # unit of goods ("bao nhiêu một cân / một mét / một chỉ"), the price one should sell at ("nên
    # bán giá bao nhiêu"). A procedure's fee is set by law, neither daily nor by weight; a fee per
    # copy ("bao nhiêu một bản", "một trang") is not among these units.
    # Not "gia đình", "gia hạn", "tham gia"… (folded alike); a land price per metre, m² or sào
    # only with "giá" ("giá bao nhiêu một mét"): "nộp bao nhiêu tiền 1 m2" asks the land-use fee.
    r"|\bty gia\b|(?<!tham )\bgia\b(?! (?:dinh|han|tri|tang|nhap|su|cong|lai|hoa|giam|dung)\b)"
    r"(?: \w+){0,4} hom nay\b"
    r"|\bbao nhieu (?:tien )?(?:1|mot) (?:can|kg|ky|chi|cay|lit|yen|ta|tan)\b"
    r"|\bgia(?: ban| mua)? bao nhieu (?:1|mot) (?:met|m2|sao)\b"
    r"|\bban (?:voi )?gia bao nhieu\b|\bnen ban(?: \w+){0,2} bao nhieu\b"
    # Whether a thing is cheap or safe ("mua xe cũ có rẻ không", "thịt nhập qua biên giới có an
    # toàn không"), like "có tốt không"; a tradesman's price ("thợ xây tính công bao nhiêu một
    # ngày"), a business's, not a fee ("thổ cư" is no "thợ"); which tour company or shop to pick
    # ("chọn công ty tour nào").
    r"|\bco (?:re|an toan) (?:khong|ko)\b"
    r"|(?<!dat )(?<!o )\btho (?:xay|sua|dien|nuoc|han|moc|son|lam)\b(?: \w+){0,8} bao nhieu\b"
    r"|\bchon (?:cong ty|hang|tiem|cua hang|nha xe|tour)(?: \w+){0,2} nao\b"
)


# Questions in a field's words that no procedure answers (`Analysis.beyond`): how to contact an
# office ("số điện thoại Chi cục Hải quan", "hotline bảo hiểm xã hội") — unless a number is
# changed, registered or wrong ("đổi số điện thoại trên sổ BHXH") —, how to use a thing ("cách
# dùng bình chữa cháy"; "cách làm hộ chiếu" is a procedure's steps, not this), and looking up
# one's tax code ("tra cứu mã số thuế": a public web page, not a dossier to file). Folded.
_CONTACT = re.compile(  # not "tổng đại lý" (a general agent), not "bằng số điện thoại" (a key)
    r"(?<!bang )\b(?:so dien thoai|hotline|duong day nong|tong dai(?! ly)|so fax|dia chi email"
    r"|email lien he)\b"
)
_CHANGED = re.compile(
    r"\b(?:doi|thay|cap nhat|sua|bo sung|dang ky|khai bao|sai|nhap|dien|ghi|them|xoa|tich hop)\b"
)
_HOW_TO_USE = re.compile(r"\b(?:cach|huong dan) (?:su dung|xai)\b(?! (?:dat|von|lao dong)\b)")
# "dùng" (use) folds like "dừng" (stop: "cách dừng hoạt động hộ kinh doanh" is a procedure): read
# with its accent only, before folding; a question without accents is not refused on it.
_HOW_TO_USE_ACCENTED = re.compile(r"\b(?:cách|hướng dẫn) dùng\b", re.IGNORECASE)
_LOOK_UP = re.compile(r"\b(?:tra cuu|tra|kiem tra|xem|tim|tim lai|quen|biet) (?:ma so thue|mst)\b")


# Session 17: a journey's length ("từ Lạng Sơn đi Nam Ninh bằng xe khách mất bao lâu", "đi xe
# khách về Hà Nội mấy tiếng"): a means of travel with a duration asks how long the trip takes,
# not a procedure's time limit. The vehicle only after "đi" or "bằng" (by): "bằng lái xe", "thi
# bằng ô tô" (a licence) are no trip, so cars and motorbikes count only after "đi".
_TRAVEL_MEANS = re.compile(
    r"\b(?:di|bang) (?:xe khach|xe buyt|xe bus|xe limousine|tau hoa|tau|may bay|taxi|xe om)\b"
    r"|\bdi (?:xe may|o to|oto)\b"
)
_TRIP_LENGTH = re.compile(
    r"\b(?:mat|het|di) (?:bao lau|may tieng|bao nhieu tieng|bao nhieu gio)\b|\bbao xa\b|\bmay tieng\b"
)
# Session 17: venting with nothing asked ("nhà bên cạnh xây tường lấn sang nhà tôi, tức quá",
# "hàng xóm hát karaoke to quá, bực mình"): a feeling told, no question, no request. The
# assistant answers questions about procedures; a grievance with no "muốn", "làm sao", "?" … is
# not answered with one (a citizen who asks — "tức quá, muốn khiếu nại thì làm sao" — is).
_VENTING = re.compile(
    r"\b(?:tuc (?:qua|that|minh|chet)|buc (?:qua|minh|boi|xuc)|ghet|chan (?:qua|doi)|uc che"
    r"|kho chiu qua)\b"
)
# What asks or requests, folded. Words that fold like another are left out ("đầu ngõ" is no "đâu",
# "máy" no "mấy"): a question word counts in its phrase ("ở đâu", "bao nhiêu", "mấy ngày").
_ASKING = re.compile(
    r"\b(?:gi|sao|nao|o dau|di dau|den dau|toi dau|bao nhieu|bao lau|bao gio|may (?:ngay|gio|thang|tuan)"
    r"|muon|can|xin|hoi|giup|thu tuc|phai|duoc|the nao|lam the|nhu the|co the|de nghi|yeu cau"
    r"|khieu nai|to cao|bao cao|trinh bao|phan anh)\b|\b(?:khong|ko|chua|a|nhi|nhe|ha)\s*$"
)


# A result handed over: not "kiểm tra / xác nhận / công nhận / thừa nhận / ghi nhận kết quả",
# which name procedures.
_RESULT_HANDED = re.compile(
    r"(?<=\s)(?:(?<!kiem )tra|(?<!xac )(?<!cong )(?<!thua )(?<!ghi )nhan(?: duoc)?|lay(?: duoc)?)"
    r" ket qua(?=\s)"
)


def _venting(folded: str, spoken: str) -> bool:
    """A feeling told with nothing asked (`_VENTING`, no `_ASKING`, no "?"); read only when no
    intent was found either ("bực quá, hồ sơ nộp hai tháng chưa có kết quả" asks a status)."""
    return bool(_VENTING.search(folded)) and "?" not in spoken and not _ASKING.search(folded)


# Session 17: how to treat an illness of a person, an animal or a crop ("trâu bị sốt thì chữa thế
# nào", "bà bị huyết áp nên uống thuốc gì", "cây hồi bị sâu thì phun thuốc gì"): a doctor's, a
# vet's or a grower's advice, not a procedure. Not "sửa chữa thế nào" (a repair), "chữa cháy"
# (fire fighting, a field of the catalog).
_TREATMENT = re.compile(
    r"(?<!sua )\bchua (?:the nao|ra sao|bang gi|nhu the nao)\b"
    r"|\bdieu tri (?:the nao|ra sao|bang gi|nhu the nao|o dau)\b"
    r"|\b(?:uong|phun|boi|tiem|cho uong|dung) thuoc gi\b"
)
# Session 17: a lottery prize ("trúng xổ số thì nhận thưởng ở đâu", "trúng Vietlott"): the
# lottery company pays it; no procedure does. Not "trùng số" (a duplicate number), which folds
# like "trúng số".
# Session 17: a count of the day's traffic or trade ("xe container qua cửa khẩu mỗi ngày bao
# nhiêu chiếc"): a statistic, not a procedure's figure.
_DAILY_COUNT = re.compile(
    r"\bmoi ngay\b(?: \w+){0,6} bao nhieu (?:chiec|xe|luot|tan|container|nguoi|khach)\b"
)
# Session 17: what building or repair work itself costs ("xây nhà 3 tầng hết khoảng bao nhiêu
# tỷ", "sửa nhà vệ sinh bị thấm hết bao nhiêu tiền"): a builder's price, not the permit's fee.
# Only physical work on a house, a vehicle or a fitting, and only when no permit, dossier or fee
# is named ("cấp giấy phép xây dựng … hết bao nhiêu tiền" asks the fee). Not "lắp cổng", which
# folds like "lập công ty".
_WORK_COST = re.compile(
    r"\b(?:xay|sua|thay|son|op|lat) (?:lai )?(?:nha|tuong|mai|tang|phong|bep|san|dieu hoa"
    r"|xe|may|dien|nuoc|ong)\b(?: \w+){0,6} (?:het|mat|ton)(?: khoang| tam)? bao nhieu\b"
)
_PERMIT = re.compile(r"\b(?:giay phep|xin phep|cap phep|ho so|thu tuc|le phi|phi)\b")
_LOTTERY_WIN = re.compile(r"\btrung (?:xo so|ve so|vietlott|jackpot|giai (?:xo so|vietlott|doc dac))\b")


def _beyond(folded: str, spoken: str) -> bool:
    """Whether the question asks what no procedure answers (`_CONTACT`, `_HOW_TO_USE`, `_LOOK_UP`,
    `_TRAVEL_MEANS` with `_TRIP_LENGTH`, `_TREATMENT`, `_LOTTERY_WIN`, `_DAILY_COUNT`,
    `_WORK_COST` without `_PERMIT`; `_venting` is read in
    `analyse`, where the intents are known)."""
    contact = bool(_CONTACT.search(folded)) and not _CHANGED.search(_CONTACT.sub(" ", folded))
    how_to_use = bool(_HOW_TO_USE.search(folded)) or bool(_HOW_TO_USE_ACCENTED.search(spoken))
    trip = bool(_TRAVEL_MEANS.search(folded)) and bool(_TRIP_LENGTH.search(folded))
    advice = any(p.search(folded) for p in (_TREATMENT, _LOTTERY_WIN, _DAILY_COUNT))
    advice = advice or (bool(_WORK_COST.search(folded)) and not _PERMIT.search(folded))
    return contact or how_to_use or trip or advice or bool(_LOOK_UP.search(folded))


@dataclass(frozen=True)
class Analysis:
    intents: tuple[str, ...]  # in the order they are asked; empty when nothing was asked for
    topic: str  # the question without its cues: what retrieval searches for
    dossier_code: str
    judgement: bool = False  # asks for an opinion or a market price (`_JUDGEMENT`): not answered
    what_to_do: bool = False  # "… thì phải làm sao / làm gì" (`OVERVIEW_CUES`): the steps belong too
    beyond: bool = False  # a contact, a how-to-use, a tax-code look-up (`_beyond`): not answered


def _clean(text: str) -> str:
    return re.sub(r"[^a-z0-9.\-\s]", " ", text)


def _regional(folded: str) -> str:
    """The centre's question words written the common way (`_REGIONAL`)."""
    for pattern, replacement in _REGIONAL:
        folded = pattern.sub(replacement, folded)
    return folded


# "mã HS" of goods is the customs tariff code (Harmonized System), not "mã hồ sơ": "hs" after
# "mã" is kept when the question speaks of goods, customs or duty ("mã hs của máy xúc", "áp mã
# hs cho hàng nhập khẩu"); "mã hs của tôi" is still a dossier's code, and so is "mấy ngày".
_GOODS_CONTEXT = re.compile(
    r"\b(?:hang|hai quan|nhap khau|xuat khau|bieu thue|thue suat|phan loai|san pham|thiet bi"
    r"|linh kien|nong san|thuc pham|vat tu|nguyen lieu|container|tariff|code"
    r"|may (?!ngay|hom|thang|tuan|nam|lan|gio|buoi|ban|bo|tieng|phut|to|trang|cai)\w+)\b"
)
_OWN_CODE = re.compile(r"\bma hs (?:cua|ben) (?:toi|em|minh|chau|con|anh|chi|ba|me|bo)\b")


def _expand(folded: str) -> str:
    tokens = folded.split()
    out = []
    goods = bool(_GOODS_CONTEXT.search(folded)) and not _OWN_CODE.search(folded)
    for i, token in enumerate(tokens):
        if token == "hs" and i and tokens[i - 1] == "ma" and goods:
            out.append(token)
            continue
        if token == "bn":
            after = tokens[i + 1] if i + 1 < len(tokens) else ""
            before = tokens[i - 1] if i else ""
            friend = not before or after in _BN_FRIEND_AFTER or before in _BN_FRIEND_BEFORE
            if after in _BN_AMOUNT_AFTER:
                out.append("bao" if after == "lau" else "bao nhieu")
            elif not friend:  # the friend addressed ("bn ơi") is no topic word ("ban" is also "bán")
                out.append("bao nhieu")
            continue
        out.append(ABBREVIATIONS.get(token, token))
    return " ".join(out)


def _rule_length(words: list[str], shortest: int = 1) -> int:
    """How many of the words the longest of the search's everyday phrases that reads as something
    and begins with them holds (at least `shortest`), or 0."""
    syn = synonyms()
    for size in range(min(syn.longest, len(words)), shortest - 1, -1):
        key = syn.rule_key(tuple(words[:size]))
        if key is not None and any(syn.rules[key]):
            return size
    return 0


def _starts_rule(words: list[str]) -> bool:
    """Whether "thủ tục" + the words begin an everyday phrase ("thủ tục thuế khi sáp nhập", "thủ
    tục giải chấp") reaching at least as far as any phrase that begins right after "thủ tục": else
    the longer reading wins (were "thủ tục nhập khẩu" customs, "thủ tục nhập khẩu cho con" would
    still be a residence's "nhập khẩu cho con")."""
    with_it = _rule_length(words, shortest=3)
    return with_it > 0 and with_it - 2 >= _rule_length(words[2:])


def _filler_unless_rule(match: re.Match[str]) -> str:
    """A filler phrase dropped from the topic (`FILLER`), except "thủ tục" that begins one of the
    search's everyday phrases ("thủ tục thuế khi sáp nhập" is a tax registration, "thủ tục giải
    chấp" striking a mortgage out): it is kept for the search to read (and to drop there when no
    phrase holds it)."""
    phrase = match.group(0)
    if phrase.endswith("thu tuc"):
        rest = match.string[match.end():].split()
        if _starts_rule(["thu", "tuc", *rest]):
            return " thu tuc "
    return " "


def _in_phrase(tokens: list[str], i: int, phrases: frozenset[tuple[str, ...]]) -> bool:
    """Whether tokens[i] is part of one of the search's everyday phrases ("làm cccd", "xin phép")."""
    for phrase in phrases:
        for j, word in enumerate(phrase):
            if word == tokens[i] and tuple(tokens[i - j : i - j + len(phrase)]) == phrase:
                return True
    return False


def _negated(tokens: list[str], i: int) -> bool:
    """Whether tokens[i] is part of "không có" before a word of the topic ("không có con cháu
    thừa kế", "không có người nuôi dưỡng"): a lack is what the question is about, and the catalog
    names it ("tài sản không có người thừa kế")."""
    start = i if tokens[i] == "khong" else i - 1
    return (
        0 <= start
        and tokens[start : start + 2] == ["khong", "co"]
        and start + 2 < len(tokens)
        and tokens[start + 2] not in WORD_FILLER
    )


def _drop_word_filler(topic: str) -> str:
    from motcua.catalog.search import get_index

    tokens = topic.split()
    phrases = _phrases()
    index = None
    kept = []
    for i, token in enumerate(tokens):
        if _negated(tokens, i):
            kept.append(token)
            continue
        if token in WORD_FILLER and not _in_phrase(tokens, i, phrases):
            after = tokens[i + 1] if i + 1 < len(tokens) else ""
            before = tokens[i - 1] if i else ""
            if after not in _KEEP_BEFORE.get(token, set()) and before not in _KEEP_AFTER.get(token, set()):
                if token in _LISTED_ONLY:
                    continue
                index = index or get_index()
                if not any(
                    word and word not in WORD_FILLER and index.df(pair)
                    for word, pair in ((after, f"{token} {after}"), (before, f"{before} {token}"))
                ):
                    continue
        kept.append(token)
    return " ".join(kept)


_phrase_cache: tuple[object, frozenset[tuple[str, ...]]] | None = None


def _phrases() -> frozenset[tuple[str, ...]]:
    """The search's everyday phrases that contain a question word and mean something."""
    global _phrase_cache
    rules = synonyms().rules
    if _phrase_cache is None or _phrase_cache[0] is not rules:
        # Longer phrases, and single words the search reads as something ("xin", "làm": "cấp").
        found = frozenset(
            key
            for key, targets in rules.items()
            if WORD_FILLER.intersection(key) and (len(key) > 1 or any(targets))
        )
        _phrase_cache = (rules, found)
    return _phrase_cache[1]


# Single cue words that are also part of what a procedure is about: "tiền sử dụng đất", "kinh
# phí", "tiền thuế nợ" name a payment the procedure is for, "trợ giúp pháp lý" a field, "sinh
# xong đi làm lại" an event. Next to a word with which the catalog uses them they ask nothing.
_AMBIGUOUS_CUES = {"tien": FEE, "phi": FEE, "ly": LEGAL}
# Words before "tiền"/"phí" that make a fee question ("mất tiền", "lệ phí", "bao nhiêu tiền").
_FEE_BEFORE = frozenset("mat het ton dong nop tra thu le chi mien bao nhieu co phai duoc".split())
# Words after them that keep the question a fee question ("mất tiền không", "phí bao nhiêu").
_FEE_AFTER = frozenset("khong ko gi bao nhieu the a ha nhi chua la het thi va hay o nop dong ra".split())
# Words after "xong" that keep it a question ("xong chưa", "xong không"). "xong rồi" is a thing
# done ("xây xong rồi", "thỏa thuận xong rồi"), unless a question word follows ("xong rồi chưa").
_XONG_AFTER = frozenset("chua khong nhi a chu ha het ko".split())
_XONG_ROI_ASKS = frozenset("chua a ha nhi ak ah khong ko".split())
_XONG_BEFORE = frozenset("thi moi se lau nao gio khi".split())
# Every cue phrase, to tell "tiền" of "tiến độ" (a status cue) from "tiền" of "tiền thuế".
_CUE_TEXT = " " + " | ".join(c for cues in CUES.values() for c in cues) + " "


# Two-word cues that are also nouns of what a procedure is about: "quy trình vận hành" (of a
# dam), "thời hạn sử dụng đất", "đình chỉ … có thời hạn", "chi phí cưỡng chế". Followed by a
# word with which the catalog uses them (or after "có"), they ask nothing.
_NOUN_CUES = frozenset({("quy", "trinh"), ("thoi", "han"), ("thoi", "gian"), ("chi", "phi")})
# Words after such a cue that keep it a question ("thời gian bao lâu", "chi phí hết bao nhiêu").
_NOUN_CUE_AFTER = _FEE_AFTER | frozenset("bao may lau mat giai nhu ra".split())


# Last words of an ask ("lệ phí", "hồ sơ", "giấy tờ", "thời gian", "ở đâu") before "và".
_ASK_ENDS = frozenset("phi tien so to gian han dau".split())


def _protect_noun_cues(tokens: list[str]) -> None:
    """Upper-case, in place, the two-word cues (`_NOUN_CUES`) that name a catalog phrase here."""
    from motcua.catalog.search import get_index

    index = None
    for i in range(len(tokens) - 1):
        if (tokens[i], tokens[i + 1]) not in _NOUN_CUES:
            continue
        after = tokens[i + 2] if i + 2 < len(tokens) else ""
        before = tokens[i - 1] if i else ""
        index = index or get_index()
        # "thời gian sử dụng đất" is the catalog's "thời hạn sử dụng đất" in everyday words.
        seconds = {tokens[i + 1], "han"} if tokens[i] == "thoi" else {tokens[i + 1]}
        named = bool(after) and after not in _NOUN_CUE_AFTER and any(
            index.df(f"{word} {after}") > 0 for word in seconds
        )
        # after another ask and "và" ("lệ phí và thời gian đăng ký kết hôn") it is one more ask
        listed = before in {"va", "voi"} and i > 1 and tokens[i - 2] in _ASK_ENDS
        if listed:
            continue
        if named or (before == "co" and index.df(f"co {tokens[i]}") > 0):
            tokens[i], tokens[i + 1] = tokens[i].upper(), tokens[i + 1].upper()


def _protect_catalog_words(text: str) -> str:
    """Upper-case the cue words that belong to a catalog phrase here, so no cue matches them
    (the topic is lower-cased again: they stay topic words)."""
    from motcua.catalog.search import get_index

    tokens = text.split()
    _protect_noun_cues(tokens)
    index = None
    for i, token in enumerate(tokens):
        before = tokens[i - 1] if i else ""
        after = tokens[i + 1] if i + 1 < len(tokens) else ""
        if token == "xong":
            if after == "roi":
                asks = i + 2 < len(tokens) and tokens[i + 2] in _XONG_ROI_ASKS
                if not asks and before not in _XONG_BEFORE:
                    tokens[i] = token.upper()
            elif after and after not in _XONG_AFTER and before not in _XONG_BEFORE:
                tokens[i] = token.upper()
            continue
        if token not in _AMBIGUOUS_CUES:
            continue
        if token == "ly":
            # "trợ giúp pháp lý" (a field), not "căn cứ pháp lý" (the officer's legal cue)
            if before == "phap" and i > 1 and tokens[i - 2] not in {"cu", "can"}:
                index = index or get_index()
                if index.df(f"{tokens[i - 2].lower()} phap"):
                    tokens[i - 1], tokens[i] = "PHAP", "LY"
            continue
        if f" {token} {after} " in _CUE_TEXT or f" {before} {token} " in _CUE_TEXT:
            continue  # a cue of its own ("lệ phí", "tiến độ")
        index = index or get_index()
        pairs = _phrase_pairs()
        with_after = bool(after) and (index.df(f"{token} {after}") > 0 or (token, after) in pairs)
        with_before = bool(before) and (index.df(f"{before} {token}") > 0 or (before, token) in pairs)
        # "bao" asks only in "bao nhiêu": "phí bảo trì", "phí bảo vệ môi trường" name a payment.
        after_asks = after in _FEE_AFTER and (after != "bao" or tokens[i + 2 : i + 3] == ["nhieu"])
        if (with_after and not after_asks) or (with_before and before not in _FEE_BEFORE):
            tokens[i] = token.upper()
    return " ".join(tokens)


_pair_cache: tuple[object, frozenset[tuple[str, str]]] | None = None


def _phrase_pairs() -> frozenset[tuple[str, str]]:
    """Two words in a row of one of the search's everyday phrases that mean something ("dịch tả
    châu phi", "mai táng phí"): a cue word among them names what the question is about."""
    global _pair_cache
    rules = synonyms().rules
    if _pair_cache is None or _pair_cache[0] is not rules:
        found = frozenset(
            pair for key, targets in rules.items() if len(key) > 1 and any(targets)
            for pair in zip(key, key[1:], strict=False)
        )
        _pair_cache = (rules, found)
    return _pair_cache[1]


def _asked(text: str) -> tuple[list[str], list[tuple[int, int, str]]]:
    """The intents whose cues the text holds, in the order of the question, and every cue's span.

    Overlapping cues of different intents are one question phrase, read as the intent whose cues
    cover more of it: "gồm những bước nào" asks for the steps ("những bước", "bước nào"), not
    for the documents ("gồm những")."""
    spans: list[tuple[int, int, str]] = []
    for intent, pattern in _CUE_PATTERNS.items():
        spans += [(m.start(1), m.end(1), intent) for m in pattern.finditer(text)]
    spans.sort()
    firsts: dict[str, int] = {}
    i = 0
    while i < len(spans):
        # A group of cues that overlap one another (of any intent).
        end = spans[i][1]
        j = i + 1
        while j < len(spans) and spans[j][0] < end:
            end = max(end, spans[j][1])
            j += 1
        group = spans[i:j]
        covered: dict[str, set[int]] = {}
        for start, stop, intent in group:
            covered.setdefault(intent, set()).update(range(start, stop))
        widest = max(len(chars) for chars in covered.values())
        for start, _, intent in group:
            if len(covered[intent]) == widest:
                firsts[intent] = min(start, firsts.get(intent, start))
        i = j
    return sorted(firsts, key=lambda intent: firsts[intent]), spans


def _without(text: str, spans: list[tuple[int, int, str]]) -> str:
    """The text with every cue taken out, overlapping ones too ("nộp những giấy tờ gì" is
    "nộp những giấy" and "những giấy tờ gì": no "tờ" is left over as a topic word)."""
    chars = list(text)
    for start, stop, _ in spans:
        chars[start:stop] = " " * (stop - start)
    # One space where cues were, as between words ("có mất phí không": "có không" is filler).
    return " ".join("".join(chars).split())


# ---- Session 17 (i17b): where / steps phrasings read before the cues.
# "bắt buộc" holds "buộc", folded like "bước" (a steps cue): "có bắt buộc phải nộp trực tiếp không"
# asks whether a way of filing is required (the rule word is dropped, the rest is read), and
# elsewhere ("bảo hiểm bắt buộc") it stays a topic word, upper-cased like the catalog's words.
_MUST = re.compile(r"\b(?:co )?bat buoc(?: phai)?(?= (?:nop|den|toi|ra|len|lam|di|gui|truc tiep|co mat)\b)")
_MUST_NOUN = re.compile(r"\bbat buoc\b")
# "(thuộc) thẩm quyền (giải quyết) (của)" before the level or office asked ("… thuộc thẩm quyền giải
# quyết của cấp xã hay cấp tỉnh?", "thẩm quyền của cơ quan nào") asks where; the choice after it is
# the cue, the words themselves name no procedure. A name's "thuộc thẩm quyền của Bộ…" is kept.
_AUTHORITY = re.compile(
    r"\b(?:thuoc )?tham quyen(?: giai quyet| xu ly| cap)?(?: cua)? "
    r"(?=(?:cap (?:xa|tinh|huyen) hay|co quan nao|cap nao|xa hay|tinh hay|huyen hay"
    r"|ubnd xa hay|uy ban xa hay)\b)"
)
# The order asked: "làm gì trước, làm gì sau", "cái gì trước" — the steps, read before the
# overview's "làm gì" ("what should I do") takes its words; not "làm gì trước khi / trước đó".
_ORDER_ASKED = re.compile(
    r"\b(?:lam (?:cai )?|nop (?:cai )?|buoc |cai )gi (?:truoc|dau tien)\b(?! (?:khi|do|day|ngay|han|tet)\b)"
    r"(?:,? (?:lam |nop |buoc )?(?:cai )?gi (?:sau|tiep theo|tiep)\b)?"
)


# Polite openings that ask nothing and name nothing (session 17, i17b), read on the folded text
# without its commas: the addressee of a letter up to the request ("Kính gửi cán bộ một cửa, cho
# tôi hỏi …"), the office asked with "quý" ("kính nhờ quý cơ quan …"), "kính" before a request
# ("kính hỏi"), and "đề nghị" opening a request for information ("Đề nghị hướng dẫn …", "đề nghị
# cho biết …"), which is not the catalog's "đề nghị" (a request filed).
_SALUTATION = re.compile(
    r"^\s*kinh (?:gui|thua) (?:[^,.?!;:]*?"
    r"(?=\b(?:cho (?:toi|em|chau|minh|con) hoi|cho hoi|xin hoi|xin cho|toi|em|chau)\b)"
    # or, when no request word comes in the greeting's clause, the greeting up to its end
    # ("Kính gửi cán bộ một cửa, đăng ký kết hôn … cần giấy tờ gì ạ, em cảm ơn")
    r"|[^,.?!;:]*[,.?!;:])"
)
_POLITE = re.compile(
    r"\b(?:kinh )?(?:nho|mong|de nghi|xin) quy (?:co quan|can bo|vi|ban|so|uy ban)\b"
    r"|\bkinh (?=(?:hoi|nho|mong|xin|de nghi|chao)\b)"
    r"|(?:^|(?<=\. ))(?:kinh )?de nghi (?=(?:huong dan|cho biet|tu van|giai dap|chi dan)\b)"
)
# "tôi có nhu cầu …" and "em (dự) định …" say what the citizen wants, like "tôi muốn …" (an
# overview unless something is asked); said by the citizen only, so a name's "chủ đầu tư dự án có
# nhu cầu", "không có nhu cầu khai thác" stay what they are.
_WANT = re.compile(r"\b(?:toi|tui|em|minh|e|chung toi|chung em) (?:dang |cung )?co nhu cau\b")
# Hesitation told with the plan ("… nhưng còn phân vân quá", "đang băn khoăn") names nothing.
_HESITATE = re.compile(
    r"\b(?:nhung )?(?:con |dang |van |hoi )?(?:phan van|ban khoan|lan tan)(?: qua| lam)?\b"
)
# Doing as others did ("mình cũng muốn … như nhà hàng xóm", "như người ta") names nothing either.
_LIKE_OTHERS = re.compile(r"\bnhu (?:nha |ben |ong |ba )?(?:hang xom|nguoi ta|moi nguoi|ban be|nha ben)\b")
_PLAN = re.compile(r"\b(?:toi|tui|em|minh|e|chung toi) (?:dang |cung )?(?:du )?dinh\b(?! chinh)"
                   r"|\b(?:toi|tui|em|minh|e|chung toi) cung muon\b")


# The room or desk to go to ("thì đến bộ phận nào", "nộp ở phòng nào", "liên hệ phòng nào") asks
# where, like "đến đâu"; a dossier's "đang ở phòng nào", "đến bộ phận nào rồi" stays a status.
_OFFICE_ASKED = re.compile(
    r"\b(thi|phai|can|nen|se|di|nop|nop ho so|lien he|gap|hoi) (?:(?:o|tai|den|toi|len|ra) )?"
    r"(?:phong|bo phan) nao\b(?! (?:roi|chua)\b)"
)


# "tiến hành ra sao / thế nào" (how it is carried out) is "ra sao": "tiến hành" is no topic word
# there (and no cue: its "tiền" stays a catalog word in "cơ quan tiến hành tố tụng").
_CARRIED_OUT = re.compile(r"\btien hanh (?=(?:ra sao|the nao|nhu the nao|nhu nao)\b)")


def _where_steps_phrasings(folded: str) -> str:
    folded = _CARRIED_OUT.sub("", folded)
    # "liên hệ", "gặp", "hỏi" name no procedure: only the place asked is left
    folded = _OFFICE_ASKED.sub(
        lambda m: ("" if m.group(1) in ("lien he", "gap", "hoi") else m.group(1)) + " o dau", folded
    )
    folded = _POLITE.sub("", folded)
    folded = _WANT.sub(" muon ", folded)
    folded = _LIKE_OTHERS.sub(" ", _HESITATE.sub(" ", _PLAN.sub(" toi muon ", folded)))
    folded = _MUST.sub(" ", folded)
    folded = _MUST_NOUN.sub("BAT BUOC", folded)
    folded = _AUTHORITY.sub(" ", folded)
    return _ORDER_ASKED.sub(" cai gi truoc cai gi sau ", folded)


def analyse(question: str) -> Analysis:
    """Intents asked for, in the order of the question, and the remaining topic words."""
    # "mần" (làm) is told from "mận", "màn", "mặn" by its accent only: read before folding.
    spoken = re.sub(r"\bmần\b", "làm", question, flags=re.IGNORECASE)
    # The greeting read with its punctuation, which `_clean` drops (`_SALUTATION`).
    folded = _LISTED_PAPERS.sub(" giay to gi ", _SALUTATION.sub(" ", _regional(fold(spoken))))
    folded = _LISTED_FEE.sub(" le phi ", folded)
    folded = _DOSSIER_HOW.sub(" ho so gom nhung gi ", folded)
    folded = _PAPERS_ADDED.sub(r"\1 \2 giay to gi", folded)
    folded = _expand(" ".join(_clean(folded).split()))
    folded = _ASPECT_EVENT.sub(lambda m: (m.group(1) or m.group(2)) + " ", folded)
    folded = _HAS_PAID.sub("dong", folded)
    folded = _SEND_TO.sub(r"\1 o dau", folded)
    folded = _GO_TO.sub(lambda m: f"{m.group(1) or ''} o dau ".lstrip(), folded)
    folded = _LOST_PAPER.sub(r"mat \1\2", folded)
    folded = _PROVINCE_HOW.sub(r"\1 tinh . ", folded)
    folded = _where_steps_phrasings(folded)
    # "trợ giúp (pháp lý)", "giúp việc" name things: their "giúp" asks for no help (`OVERVIEW_CUES`).
    folded = _HELP_NOUN.sub(lambda m: m.group(0).upper(), folded)
    folded = _ADVICE_NOUN.sub(lambda m: f"{m.group(1)} TU VAN", folded)
    code_match = DOSSIER_CODE.search(question)
    dossier_code = code_match.group(0).upper() if code_match else ""
    what_to_do = bool(_OVERVIEW.search(folded)) and not _ADVICE.search(folded)
    without_code = _OVERVIEW.sub(" ", DOSSIER_CODE.sub(" ", folded))
    # The citizen's own money ("bao lâu mới có tiền", "chưa có tiền đóng") asks for no fee.
    without_code = _OWN_MONEY.sub(" ", _CANNOT_PAY.sub(" ", without_code))
    without_code = _RECEIVED_MONEY.sub(lambda m: m.group(0).upper(), without_code)
    without_code = _NOT_A_CUE.sub(lambda m: m.group(0).upper(), without_code)
    # "mấy ngày làm việc" asks for days like "mấy ngày": "làm việc" is no topic word.
    without_code = re.sub(r"\bngay lam viec\b", "ngay", without_code)
    without_code = _protect_catalog_words(without_code)
    intents, spans = _asked(without_code)
    asked_text = without_code
    filed = bool(_FILED.search(without_code)) and not _HYPOTHESIS.search(without_code)
    if _status_asked(without_code, intents):
        intents.append(STATUS)
    elif filed and not dossier_code:
        # "tôi đã nộp hồ sơ …", "hồ sơ của tôi …" say a dossier exists: a status question unless
        # something else about the procedure is asked ("…, cần bổ sung giấy tờ gì", "…, lệ phí bao
        # nhiêu") — not when ("…, bao giờ có kết quả"), nor how to follow it ("làm sao biết kết
        # quả", "tra cứu ở đâu"), nor "quá hạn" (one's own dossier is no desk question) — or
        # something to do to it ("… rồi có được rút lại không"), or a rule ("… rồi có phải … không").
        rest_text = _FILED.sub(" ", without_code)
        rest, rest_spans = _asked(rest_text)
        asks = set(_asked(_CHANNEL.sub(" ", rest_text))[0]) - {TIME, DUE_TODAY}
        if (asks and not _FOLLOWING.search(without_code)) or _ACTION_ON_FILED.search(rest_text):
            without_code, intents, spans = rest_text, rest, rest_spans
        elif not _RULE_ASKED.search(rest_text):  # a rule: what was done stays the topic
            intents.append(STATUS)
    if STATUS in intents or dossier_code:
        # "hồ sơ của tôi xong chưa / bao giờ có kết quả": one question about a dossier.
        intents = [STATUS]
    elif DUE_TODAY in intents and re.search(r"\b(?:ho so|viec|hom nay)\b", without_code):
        intents = [DUE_TODAY]  # an officer's question (the desk page); citizens get no list
    elif DUE_TODAY in intents:
        # Not about dossiers: "khai sinh quá hạn", "giấy phép đến hạn" name what the question is about.
        intents.remove(DUE_TODAY)
        spans = [span for span in spans if span[2] != DUE_TODAY]
    # "bao nhiêu" alone is a fee question only when no other cue explains it ("mấy ngày").
    # "hết / tốn / mất bao nhiêu" is the fee whatever follows ("hết bao nhiêu và bao lâu có").
    if FEE in intents and TIME in intents and not re.search(
        r"\b(?:le phi|phi|tien|chi phi)\b"
        r"|\b(?:het|ton|mat) bao nhieu\b"
        r"(?! (?:ngay|lau|thang|tuan|hom|nam|gio|lan|thoi gian|tieng|buoi|phut))",
        without_code,
    ):
        intents.remove(FEE)
    if STEPS in intents and len(intents) > 1:
        rule_says = [m.span() for m in _RULE_SAYS.finditer(without_code)]
        steps = [(a, b) for a, b, intent in spans if intent == STEPS]
        # "thế nào" / "ra sao" right after another ask ("lệ phí với thời gian thế nào", "giấy tờ
        # ra sao") asks about that thing, like "quy định thế nào"; not after a channel ("nộp
        # online thế nào" asks how it is done online)
        asks_end = {b for _, b, intent in spans if intent in (DOCUMENTS, FEE, TIME)}
        how_after = [
            (a, b) for a, b in steps
            if without_code[a:b] in _HOW_WORDS and a - 1 in asks_end
        ]
        if all(any(s <= a and b <= e for s, e in rule_says) or (a, b) in how_after for a, b in steps):
            intents.remove(STEPS)
    topic = _without(without_code, spans)
    topic = _FILLER.sub(_filler_unless_rule, topic)
    topic = _AT_COMMUNE.sub(" cap xa", " ".join(topic.split()))
    topic = " ".join(t for t in topic.replace(".", " ").split() if t != "-")
    topic = _drop_word_filler(topic.lower())
    if intents in ([TIME], []) and _WHEN.search(without_code) and set(topic.split()) <= _RESULT_TOPIC:
        intents = [STATUS]  # "bao giờ lấy được kết quả": no procedure named, the wait is one's own
    if (
        (intents == [DOCUMENTS] or (not intents and _SUPPLEMENT_WHAT.search(asked_text)))
        and _SUPPLEMENT.search(asked_text)
        and (filed or _STATUS_ASKS.search(asked_text) or _DESK_ASKED.search(asked_text))
        and not _HYPOTHESIS.search(asked_text)
        and set(topic.split()) <= _SUPPLEMENT_TOPIC
    ):
        intents = [STATUS]  # "hồ sơ của tôi còn thiếu gì": no procedure named, the lack is one's own
    if TIME in intents or WHERE in intents:
        # With a time or a place asked, "trả / nhận / lấy kết quả" is when or where the result is
        # handed over ("thời gian trả kết quả đăng ký thường trú", "nhận kết quả cấp sổ đỏ ở
        # đâu"): the procedure is what follows, not one about results ("kiểm tra kết quả tập
        # sự" had come first).
        handed = _RESULT_HANDED.sub(" ", f" {topic} ").split()
        topic = " ".join(handed) if handed else topic
    judgement = bool(_JUDGEMENT.search(folded))
    return Analysis(
        tuple(dict.fromkeys(intents)), topic, dossier_code, judgement, what_to_do,
        _beyond(folded, spoken) or (not intents and _venting(folded, spoken)),
    )
