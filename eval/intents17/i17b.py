# ruff: noqa: E501  (one template per line reads best)
"""Session 17, branch i17b: intent phrasings for where, steps and overview (and multi-part questions
combining them with documents / fee / time), written on 2026-12-01 BEFORE any probe of the assistant
and before reading the cue lists of `motcua/assistant/intents.py`.

Each template holds `{need}` once. Difficulty: "plain" (a careful writer, the catalog's words),
"colloquial" (everyday words, phone typing without diacritics, regional words), "multi" (two or three
things asked at once). The voices differ on purpose: a polite retired teacher, a terse businessman,
a farmer's wife, a student, Northern / Central / Southern speakers.

`NEEDS` are 24 procedures the assistant already finds on the visible sets (eval/assistant_questions.py,
eval/assistant_heldout2_questions.py), as (codes, plain name, colloquial name); the colloquial names
are half with diacritics, half without.

`build()` writes eval/intents17/i17b.tsv: each template x 6 needs picked by
`random.Random(template index)`; the plain name in plain templates, the colloquial name in colloquial
ones, alternating (plain first) in multi ones. Even template index -> `tune`, odd -> `check`.
"""

from __future__ import annotations

import random
from pathlib import Path

TEMPLATES: list[tuple[str, list[str], str]] = [
    # ---- where (18)
    ("Kính gửi cán bộ một cửa, cho tôi hỏi hồ sơ {need} được tiếp nhận tại cơ quan nào?", ["where"], "plain"),
    ("{need} thi ra xa hay phai len tinh a", ["where"], "colloquial"),
    ("{need} có thể gửi hồ sơ qua đường bưu điện không?", ["where"], "plain"),
    ("{need} nop qua mang dc ko ad", ["where"], "colloquial"),
    ("Tôi có thể {need} trên Cổng Dịch vụ công quốc gia không?", ["where"], "plain"),
    ("em di lam xa que, {need} co phai ve tan noi khong", ["where"], "colloquial"),
    ("{need} thuộc thẩm quyền giải quyết của cấp xã hay cấp tỉnh?", ["where"], "plain"),
    ("bác ơi {need} thì đến chỗ nào làm ạ", ["where"], "colloquial"),
    ("Cơ quan nào tiếp nhận hồ sơ {need}?", ["where"], "plain"),
    ("{need} lam tren dien thoai duoc khong hay phai ra uy ban", ["where"], "colloquial"),
    ("Nơi nộp hồ sơ {need}?", ["where"], "plain"),
    ("{need} nộp ở bộ phận một cửa phường mình được hông", ["where"], "colloquial"),
    ("Xin hỏi {need} có bắt buộc phải nộp trực tiếp không?", ["where"], "plain"),
    ("{need} - cho nao nhan ho so", ["where"], "colloquial"),
    ("Tôi muốn {need} theo hình thức trực tuyến, vào trang nào để nộp?", ["where"], "plain"),
    ("cho mình hỏi {need} thì lên trung tâm hành chính công tỉnh hay ở xã cũng được", ["where"], "colloquial"),
    ("ở mô nhận hồ sơ {need} rứa", ["where"], "colloquial"),
    ("{need} co gui buu dien duoc ko hay phai tu mang den", ["where"], "colloquial"),
    # ---- steps (18)
    ("Đề nghị hướng dẫn trình tự thực hiện {need}.", ["steps"], "plain"),
    ("{need} thi phai lam nhung buoc gi vay chi", ["steps"], "colloquial"),
    ("Quy trình giải quyết {need} diễn ra như thế nào?", ["steps"], "plain"),
    ("chỉ em cách {need} với", ["steps"], "colloquial"),
    ("Cách thức thực hiện thủ tục {need} ra sao?", ["steps"], "plain"),
    ("{need} lam tu dau truoc a", ["steps"], "colloquial"),
    ("Nhờ anh chị liệt kê giúp các bước {need} theo thứ tự.", ["steps"], "plain"),
    ("mun {need} thi bat dau tu khau nao", ["steps"], "colloquial"),
    ("Trình tự, thủ tục {need} gồm những bước gì?", ["steps"], "plain"),
    ("lần đầu {need} nên không rành, chỉ giùm em từng bước", ["steps"], "colloquial"),
    ("Thủ tục {need} được thực hiện theo trình tự nào?", ["steps"], "plain"),
    ("{need} cac buoc lam sao ad oi", ["steps"], "colloquial"),
    ("{need} thì mần răng hè", ["steps"], "colloquial"),
    ("Sau khi nộp hồ sơ {need} thì các bước tiếp theo là gì?", ["steps"], "plain"),
    ("{need} làm cái gì trước cái gì sau vậy", ["steps"], "colloquial"),
    ("Tôi cần được hướng dẫn cụ thể cách {need}.", ["steps"], "plain"),
    ("{need} thi lam kieu gi", ["steps"], "colloquial"),
    ("nhờ cán bộ chỉ dẫn quy trình {need} từ a đến z", ["steps"], "colloquial"),
    # ---- overview (18)
    ("Tôi có nhu cầu {need}.", ["overview"], "plain"),
    ("giup em {need} voi a", ["overview"], "colloquial"),
    ("Kính nhờ quý cơ quan tư vấn về việc {need}.", ["overview"], "plain"),
    ("nha em dang tinh {need}", ["overview"], "colloquial"),
    ("Thông tin về thủ tục {need}", ["overview"], "plain"),
    ("{need} ạ", ["overview"], "colloquial"),
    ("Tôi đang cần {need}, xin được hướng dẫn.", ["overview"], "plain"),
    ("chị ơi em muốn {need} mà không biết gì hết", ["overview"], "colloquial"),
    ("Xin tư vấn thủ tục {need}", ["overview"], "plain"),
    ("cho minh hoi ve {need}", ["overview"], "colloquial"),
    ("Ông bà tôi đã lớn tuổi, gia đình muốn {need}.", ["overview"], "plain"),
    ("toi can {need} gap", ["overview"], "colloquial"),
    ("{need} thi sao ta", ["overview"], "colloquial"),
    ("Hỏi về {need}", ["overview"], "plain"),
    ("e dinh {need} nhung con phan van qua", ["overview"], "colloquial"),
    ("Tìm hiểu quy định về {need}", ["overview"], "plain"),
    ("mình cũng muốn {need} như nhà hàng xóm", ["overview"], "colloquial"),
    ("ad oi cho e hoi {need}", ["overview"], "colloquial"),
    # ---- multi (16)
    ("{need} nop o cho nao, ton nhieu tien ko", ["where", "fee"], "multi"),
    ("Cho tôi hỏi trình tự {need} và hồ sơ cần chuẩn bị.", ["steps", "documents"], "multi"),
    ("{need} lam online dc ko, bao lau thi co", ["where", "time"], "multi"),
    ("tôi muốn {need}, các bước thế nào và mất mấy ngày", ["steps", "time"], "multi"),
    ("{need} o xa hay tinh, can mang giay gi", ["where", "documents"], "multi"),
    ("Quy trình {need} ra sao, có phải đóng lệ phí không?", ["steps", "fee"], "multi"),
    ("{need}: ở đâu, bao lâu, bao nhiêu tiền?", ["where", "time", "fee"], "multi"),
    ("chi giup e cach {need} va nop o dau luon", ["steps", "where"], "multi"),
    ("Kính hỏi: {need} thực hiện theo trình tự nào, nộp tại cơ quan nào?", ["steps", "where"], "multi"),
    ("{need} gửi bưu điện được không, hồ sơ gồm những gì", ["where", "documents"], "multi"),
    ("muon {need} thi lam the nao, het nhieu tien khong", ["steps", "fee"], "multi"),
    ("{need} nộp trực tuyến được không, nộp online lệ phí có được giảm không", ["where", "fee"], "multi"),
    ("các bước {need}, giấy tờ, thời gian giải quyết?", ["steps", "documents", "time"], "multi"),
    ("cho e hoi {need} lam o dau va lam nhu the nao", ["where", "steps"], "multi"),
    ("Tôi định {need}, phải mang những giấy gì, đến cơ quan nào?", ["documents", "where"], "multi"),
    ("{need} bao lau thi xong, xong roi nhan ket qua o dau", ["time", "where"], "multi"),
]

NEEDS: list[tuple[str, str, str]] = [
    ("1.001193", "đăng ký khai sinh", "lam giay khai sinh cho be"),
    ("1.000656", "đăng ký khai tử", "làm giấy chứng tử cho ông"),
    ("1.000894", "đăng ký kết hôn", "dang ki ket hon"),
    ("1.004873", "cấp giấy xác nhận tình trạng hôn nhân", "xin giấy xác nhận độc thân"),
    ("1.004222", "đăng ký thường trú", "nhap khau cho con"),
    ("1.004194", "đăng ký tạm trú", "đăng kí tạm chú"),
    ("2.000815", "chứng thực bản sao từ bản chính", "sao y ban chinh"),
    ("1.001612", "đăng ký thành lập hộ kinh doanh", "đăng ký kinh doanh hộ cá thể"),
    ("1.004837", "đăng ký giám hộ", "dang ky giam ho"),
    ("1.001022", "đăng ký nhận cha, mẹ, con", "nhận con ngoài giá thú"),
    ("2.000635", "cấp bản sao giấy khai sinh", "xin ban sao giay khai sinh"),
    ("1.004859", "thay đổi, cải chính thông tin hộ tịch", "sửa tên trong giấy khai sinh"),
    ("1.010028", "xóa đăng ký tạm trú", "xoa tam tru"),
    ("2.001263", "đăng ký việc nuôi con nuôi trong nước", "xin con nuôi"),
    ("1.014061,2.000200", "cấp thẻ căn cước cho người từ đủ 14 tuổi", "lam the can cuoc"),
    ("1.014064,2.001194", "cấp lại thẻ căn cước", "mất căn cước làm lại"),
    ("3.000333", "cấp phiếu lý lịch tư pháp", "xin ly lich tu phap"),
    ("1.001456", "cấp hộ chiếu phổ thông", "làm hộ chiếu"),
    ("1.001266", "chấm dứt hoạt động hộ kinh doanh", "dong cua ho kinh doanh"),
    ("1.011606", "công nhận hộ nghèo, hộ cận nghèo", "xin hộ nghèo"),
    ("2.000884", "chứng thực chữ ký trong giấy tờ, văn bản", "chung thuc chu ky"),
    ("1.010038", "tách hộ", "tách khẩu ra ở riêng"),
    ("2.001019", "chứng thực di chúc", "chung thuc di chuc"),
    ("2.000693", "giải quyết hưởng chế độ thai sản", "hưởng thai sản khi sinh con"),
]

TSV = Path(__file__).with_suffix(".tsv")


def rows() -> list[tuple[str, str, str, str]]:
    """(question, codes, intents, half) for every template x its 6 needs, deterministic."""
    out = []
    for index, (template, intents, difficulty) in enumerate(TEMPLATES):
        picked = random.Random(index).sample(NEEDS, 6)
        for n, (codes, plain, colloquial) in enumerate(picked):
            if difficulty == "plain":
                name = plain
            elif difficulty == "colloquial":
                name = colloquial
            else:
                name = plain if n % 2 == 0 else colloquial
            question = template.replace("{need}", name)
            out.append((question, codes, ",".join(intents), "tune" if index % 2 == 0 else "check"))
    return out


def build() -> None:
    TSV.write_text("".join("\t".join(r) + "\n" for r in rows()), encoding="utf-8")


if __name__ == "__main__":
    build()
