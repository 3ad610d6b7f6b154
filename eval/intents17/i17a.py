# ruff: noqa: E501  (one template per line reads best)
"""Session 17, helper i17a: question templates about documents, fee and time (and several at once),
written on 2026-12-01 BEFORE any probe of the assistant and before reading the cue lists of
`motcua/assistant/intents.py`.

Each template holds `{need}` once; the expected intents are the citizen's (what a person asking
this would expect the answer to give). Voices: a careful writer or a civil servant ("plain"), a
farmer's wife, a student, a retired teacher, a small trader, Northern / Central / Southern
speakers, phone typing without diacritics and with typos ("colloquial"), and two or three things
asked at once ("multi").

`python eval/intents17/i17a.py` writes eval/intents17/i17a.tsv: each template with 6 of the 24
needs, drawn by `random.Random(<template index>)`; the plain name in plain templates, the
colloquial name in colloquial ones, alternating in multi ones. Columns: question, codes,
intents, half (`tune` for an even template index, `check` for an odd one).
"""

import random
from pathlib import Path

TEMPLATES = [
    # --- documents (20) ---
    ("Kính gửi Trung tâm Phục vụ hành chính công, cho tôi hỏi hồ sơ {need} bao gồm các loại giấy tờ nào?", ["documents"], "plain"),
    ("di {need} thi phai mang nhung giay gi theo vay ad", ["documents"], "colloquial"),
    ("Để {need}, tôi cần chuẩn bị sẵn những gì trước khi lên nộp?", ["documents"], "plain"),
    ("{need} thì chuẩn bị gì hả chị?", ["documents"], "colloquial"),
    ("Thành phần hồ sơ của thủ tục {need} được quy định như thế nào?", ["documents"], "plain"),
    ("e tinh {need}, can dem theo giay to j ko a", ["documents"], "colloquial"),
    ("Xin hỏi {need} thì phải nộp mấy bộ hồ sơ?", ["documents"], "plain"),
    ("{need} phải có mấy loại giấy vậy mấy anh?", ["documents"], "colloquial"),
    ("Tôi muốn {need}, vậy trong hồ sơ phải có những giấy tờ gì?", ["documents"], "plain"),
    ("cho hoi {need} thi can nhung thu gi", ["documents"], "colloquial"),
    ("Cho tôi hỏi hồ sơ {need} có cần bản sao chứng thực không hay chỉ cần bản photo?", ["documents"], "plain"),
    ("Bà con hỏi chút, {need} thì đem theo cái chi?", ["documents"], "colloquial"),
    ("Đề nghị hướng dẫn giúp tôi các giấy tờ cần thiết để {need}.", ["documents"], "plain"),
    ("{need} cần photo những giấy gì ạ, em sợ lên thiếu lại phải về", ["documents"], "colloquial"),
    ("Ngoài tờ khai ra, {need} còn phải kèm theo giấy tờ gì nữa không?", ["documents"], "plain"),
    ("minh di {need} ma ko biet can giay to gi, ai chi voi", ["documents"], "colloquial"),
    ("Khi {need} có phải điền mẫu đơn, tờ khai nào không?", ["documents"], "plain"),
    ("{need} - hs gom nhung gi", ["documents"], "colloquial"),
    ("{need}: cần giấy tờ gì?", ["documents"], "plain"),
    ("Con muốn hỏi là {need} thì cần sổ hộ khẩu với căn cước không hay còn cái gì nữa?", ["documents"], "colloquial"),
    # --- fee (18) ---
    ("Kính gửi quý cơ quan, cho tôi hỏi lệ phí {need} hiện nay là bao nhiêu tiền?", ["fee"], "plain"),
    ("{need} ton kem khong ban", ["fee"], "colloquial"),
    ("Thủ tục {need} có phải nộp phí không ạ?", ["fee"], "plain"),
    ("lam {need} het may tien vay", ["fee"], "colloquial"),
    ("Mức thu phí, lệ phí khi {need} được quy định thế nào?", ["fee"], "plain"),
    ("{need} mất mấy trăm vậy mọi người?", ["fee"], "colloquial"),
    ("Xin cho biết chi phí để {need}.", ["fee"], "plain"),
    ("{need} có mất đồng nào không hay miễn phí ạ", ["fee"], "colloquial"),
    ("Người thuộc hộ nghèo {need} có được miễn lệ phí không?", ["fee"], "plain"),
    ("e hoi {need} tốn bao nhiu tiền ạ", ["fee"], "colloquial"),
    ("Khi {need} tôi phải đóng những khoản tiền gì?", ["fee"], "plain"),
    ("{need} đóng tiền nhiêu vậy chú", ["fee"], "colloquial"),
    ("{need}: phí?", ["fee"], "plain"),
    ("{need} thi phai tra tien ko hay free", ["fee"], "colloquial"),
    ("Cho tôi hỏi bao nhiêu tiền thì {need} được?", ["fee"], "plain"),
    ("đi {need} thì cầm theo bao nhiêu tiền là đủ?", ["fee"], "colloquial"),
    ("Nhà nước thu bao nhiêu cho việc {need}?", ["fee"], "plain"),
    ("{need} phí nhiu z", ["fee"], "colloquial"),
    # --- time (18) ---
    ("Thời hạn giải quyết thủ tục {need} theo quy định là bao nhiêu ngày?", ["time"], "plain"),
    ("{need} chừng nào lấy được vậy?", ["time"], "colloquial"),
    ("Cho tôi hỏi {need} sau bao lâu thì có kết quả?", ["time"], "plain"),
    ("{need} co lau khong a", ["time"], "colloquial"),
    ("Kính gửi cán bộ, {need} mất khoảng bao nhiêu ngày làm việc ạ?", ["time"], "plain"),
    ("{need} mat may hom vay", ["time"], "colloquial"),
    ("{need} có được giải quyết ngay trong ngày không?", ["time"], "plain"),
    ("{need} chờ mấy bữa mới có hả anh", ["time"], "colloquial"),
    ("Khi nào thì tôi có thể nhận kết quả {need}?", ["time"], "plain"),
    ("{need} hẹn mấy ngày trả vậy ạ", ["time"], "colloquial"),
    ("{need}: thời gian?", ["time"], "plain"),
    ("{need} có nhanh không, tuần sau em cần rồi", ["time"], "colloquial"),
    ("Tôi cần {need} gấp, thủ tục này giải quyết nhanh nhất là mấy ngày?", ["time"], "plain"),
    ("nop {need} xong thi may tuan moi co", ["time"], "colloquial"),
    ("Xin hỏi mất bao lâu để {need}?", ["time"], "plain"),
    ("{need} trong bao lâu thì dc ạ", ["time"], "colloquial"),
    ("Thời gian trả kết quả {need} là trong bao nhiêu ngày kể từ khi nhận đủ hồ sơ?", ["time"], "plain"),
    ("bao gio thi {need} xong vay mn", ["time"], "colloquial"),
    # --- multi (14) ---
    ("Cho tôi hỏi {need} cần những giấy tờ gì và lệ phí là bao nhiêu?", ["documents", "fee"], "multi"),
    ("{need} nop o dau, mat bao lau", ["where", "time"], "multi"),
    ("Kính gửi Trung tâm, xin hướng dẫn {need}: hồ sơ gồm những gì, nộp tại đâu và thời hạn giải quyết bao lâu?", ["documents", "where", "time"], "multi"),
    ("{need} het bao nhieu tien, bao lau thi co", ["fee", "time"], "multi"),
    ("làm {need} cần giấy tờ gì, chờ mấy ngày?", ["documents", "time"], "multi"),
    ("{need} ton nhieu tien ko, nop online dc ko", ["fee", "where"], "multi"),
    ("Tôi muốn {need}, trình tự thực hiện ra sao và phải nộp những giấy tờ gì?", ["steps", "documents"], "multi"),
    ("{need} thi mang gi theo, len xa hay len huyen nop vay?", ["documents", "where"], "multi"),
    ("Cho hỏi thời gian giải quyết và mức lệ phí của thủ tục {need}.", ["time", "fee"], "multi"),
    ("{need} can chuan bi gi, phi bao nhieu, may ngay co ket qua", ["documents", "fee", "time"], "multi"),
    ("Các bước để {need} thế nào và mất bao lâu?", ["steps", "time"], "multi"),
    ("{need} co mat phi ko, can mang theo gi", ["fee", "documents"], "multi"),
    ("chị ơi {need} làm ở đâu, tốn kém không ạ", ["where", "fee"], "multi"),
    ("{need}: giấy tờ, lệ phí, thời hạn?", ["documents", "fee", "time"], "multi"),
]

NEEDS = [
    ("1.001193", "đăng ký khai sinh", "làm giấy khai sinh cho con"),
    ("1.000656", "đăng ký khai tử", "lam giay chung tu cho ong"),
    ("1.000894", "đăng ký kết hôn", "đăng kí kết hôn"),
    ("1.004873", "cấp giấy xác nhận tình trạng hôn nhân", "xin giay xac nhan doc than"),
    ("1.004222", "đăng ký thường trú", "dang ky thuong tru"),
    ("1.004194", "đăng ký tạm trú", "đăng kí tạm chú"),
    ("2.000815", "chứng thực bản sao từ bản chính", "sao y ban chinh"),
    ("1.001612", "đăng ký thành lập hộ kinh doanh", "mở hộ kinh doanh"),
    ("2.000635", "cấp bản sao giấy khai sinh", "xin bản sao khai sinh"),
    ("1.004859", "thay đổi, cải chính thông tin hộ tịch", "sua ten trong giay khai sinh"),
    ("1.014064", "cấp lại thẻ căn cước", "cap lai cccd"),
    ("3.000333", "cấp phiếu lý lịch tư pháp", "xin lý lịch tư pháp"),
    ("1.001456", "cấp hộ chiếu phổ thông", "lam ho chieu"),
    ("1.001266", "chấm dứt hoạt động hộ kinh doanh", "cham dut ho kinh doanh"),
    ("1.011606", "công nhận hộ nghèo, hộ cận nghèo", "công nhận hộ cận nghèo"),
    ("2.000884", "chứng thực chữ ký trong giấy tờ, văn bản", "xác nhận chữ ký"),
    ("1.014062", "cấp thẻ căn cước cho người dưới 14 tuổi", "làm căn cước cho bé 10 tuổi"),
    ("1.010038", "tách hộ", "tach khau ra o rieng"),
    ("1.003677", "khai báo tạm vắng", "đi làm xa khai tạm vắng"),
    ("2.000806", "đăng ký kết hôn có yếu tố nước ngoài", "lay chong nuoc ngoai dang ky ket hon"),
    ("2.001019", "chứng thực di chúc", "xác nhận tờ di chúc của bố"),
    ("2.001610", "đăng ký thành lập doanh nghiệp tư nhân", "mo doanh nghiep tu nhan"),
    ("1.013225", "cấp giấy phép xây dựng mới đối với công trình cấp III, cấp IV", "xin phép xây mới công trình cấp IV"),
    ("2.000693", "giải quyết hưởng chế độ thai sản", "xin che do thai san"),
]


def questions():
    """(question, code, intents, half) for each template × 6 needs, deterministic."""
    rows = []
    for index, (template, intents, difficulty) in enumerate(TEMPLATES):
        picked = random.Random(index).sample(NEEDS, 6)
        half = "tune" if index % 2 == 0 else "check"
        for k, (code, plain, colloquial) in enumerate(picked):
            if difficulty == "plain":
                name = plain
            elif difficulty == "colloquial":
                name = colloquial
            else:
                name = plain if k % 2 == 0 else colloquial
            rows.append((template.format(need=name), code, intents, half))
    return rows


def write_tsv(path=None):
    path = path or Path(__file__).with_suffix(".tsv")
    with open(path, "w", encoding="utf-8") as out:
        for question, code, intents, half in questions():
            out.write(f"{question}\t{code}\t{','.join(intents)}\t{half}\n")


if __name__ == "__main__":
    write_tsv()
