# ruff: noqa: E501  (one question per line reads best)
"""Development questions of session 7 (issue #14), written on 2026-11-30 BEFORE any code change of
that session, in the voice of citizens of Lạng Sơn: mostly without diacritics, phone typing ("ko",
"dc", "bn"), a life situation told instead of the procedure's name (a death in the family, a
wedding, a birth, buying a plot, opening a stall, a sick pig, a border pass…).

Expected codes were looked up in the real catalog (/work/shared/data/catalog), every code that
answers the question is accepted (commune and province variants of the same procedure, several
announcements of the same name). The catalog has no education or health procedures, so questions
of those fields are among the off-topic ones: the assistant cannot answer them from the catalog.

`OFF_TOPIC_TUNE_EXTRA` (30 off-topic questions written after the first measurement) belongs to
the tuned half only. The questions are split in two halves with `random.Random(SEED)`: `dev7_tune` (tuned on) and
`dev7_check` (never read one by one while tuning, measured only as an aggregate). The split is
fixed here, before any measurement. `bench/assistant.py --build-dev7` writes
eval/assistant_dev7.jsonl with key facts copied from the catalog.
"""

import random

SEED = 20261130_7

# (question, intents, difficulty, accepted codes)
QUESTIONS: list[tuple[str, list[str], str, list[str]]] = [
    # --- family events: death, marriage, birth, parentage, names, inheritance, guardianship
    ("bo em moi mat hom qua o nha, gia dinh can lam giay gi o xa", ["overview"], "colloquial", ["1.000656"]),
    ("ong noi mat roi thi lam giay chung tu can mang nhung giay to gi", ["documents"], "colloquial", ["1.000656"]),
    ("bà ngoại mất đã 3 năm mà chưa báo tử, giờ làm giấy chứng tử có được không", ["overview"], "plain", ["1.000656"]),
    ("con trai toi thang sau lay vo, dang ky ket hon o dau", ["where"], "colloquial", ["1.000894"]),
    ("cuoi nhau o que roi moi di dang ky ket hon thi can giay gi ko", ["documents"], "colloquial", ["1.000894"]),
    ("lay chong nguoi trung quoc ben kia cua khau thi lam giay ket hon o dau", ["where"], "colloquial", ["1.000094", "2.000806"]),
    ("vo moi de chau trai, lam giay khai sinh mat bao lau", ["time"], "colloquial", ["1.001193", "2.000986", "2.001023"]),
    ("đẻ ở nhà không có giấy chứng sinh thì làm khai sinh cho cháu thế nào", ["steps"], "plain", ["1.001193"]),
    ("de con xong lam khai sinh lam luon the bhyt cho chau dc ko", ["overview"], "colloquial", ["2.001023", "2.000986"]),
    ("chua cuoi ma co con, gio bo chau muon nhan con thi lam sao", ["overview"], "colloquial", ["1.001022", "1.000689"]),
    ("con sinh ra lau roi gio bo moi nhan con, ho so gom nhung gi", ["documents"], "colloquial", ["1.001022"]),
    ("ten trong giay khai sinh bi viet sai dau, sua lai o dau", ["where"], "colloquial", ["1.004859"]),
    ("muon doi ten cho con vi ten cu kho goi qua, thu tuc the nao", ["steps"], "colloquial", ["1.004859"]),
    ("giay khai sinh ghi dan toc kinh ma bo me deu la nguoi nung, muon sua lai dan toc cho con", ["overview"], "colloquial", ["1.004859"]),
    ("di xuat khau lao dong can giay xac nhan doc than thi xin o dau", ["where"], "colloquial", ["1.004873"]),
    ("xin giấy xác nhận tình trạng hôn nhân để vay ngân hàng có mất phí không", ["fee"], "plain", ["1.004873"]),
    ("mat ban chinh giay khai sinh, xin ban sao o dau", ["where"], "colloquial", ["2.000635"]),
    ("trich luc giay ket hon ban sao bn tien 1 ban", ["fee"], "colloquial", ["2.000635"]),
    ("bo me gia roi muon lam di chuc de lai dat cho con, ra xa chung thuc dc ko", ["overview"], "colloquial", ["2.001019"]),
    ("chứng thực di chúc ở xã cần mang giấy tờ gì", ["documents"], "plain", ["2.001019"]),
    ("bo mat ko de lai di chuc, anh em muon chia dat thi lam van ban o dau", ["where"], "colloquial", ["2.001406"]),
    ("em ko muon nhan phan dat bo me de lai, nhuong het cho anh ca thi lam giay gi", ["overview"], "colloquial", ["2.001016"]),
    ("nhan nuoi chau ruot bi mo coi thi dang ky o dau", ["where"], "colloquial", ["2.001263"]),
    ("vo chong hiem muon muon xin con nuoi trong nuoc can ho so gi", ["documents"], "colloquial", ["2.001263"]),
    ("ong ngoai bi lan roi, con cai muon dung ra lam nguoi giam ho cho ong", ["overview"], "colloquial", ["1.004837"]),
    ("me chau di lay chong khac, ba noi nuoi chau, muon lam giam ho thi ho so gom gi", ["documents"], "colloquial", ["1.004837"]),
    ("chau da du 18 tuoi roi, toi thoi lam giam ho thi lam the nao", ["steps"], "colloquial", ["1.004845"]),
    ("bo dang huong luong huu thi mat, gia dinh co duoc nhan tien tuat ko", ["overview"], "colloquial", ["2.000821"]),
    ("me em mat, con thang luong huu chua linh, lam sao nhan ve", ["steps"], "colloquial", ["2.000717", "2.000821"]),
    ("nguoi nha mat xin tien mai tang phi ben bao hiem xa hoi o dau", ["where"], "colloquial", ["2.000821"]),
    # --- residence, identity, border
    ("vo moi ve nha chong o, nhap khau vao so ho nha chong the nao", ["steps"], "colloquial", ["1.004222"]),
    ("chuyen ve que o han thi dang ky thuong tru can gi", ["documents"], "colloquial", ["1.004222"]),
    ("con trai lay vo ra o rieng, muon tach khau thanh ho moi", ["overview"], "colloquial", ["1.010038"]),
    ("tach ho khau co mat tien ko", ["fee"], "colloquial", ["1.010038"]),
    ("xuong thanh pho thue tro di lam thi bao tam tru o dau", ["where"], "colloquial", ["1.004194"]),
    ("đi làm ăn xa mấy tháng có phải khai báo vắng mặt ở địa phương không", ["overview"], "plain", ["1.003677"]),
    ("xin giay xac nhan cu tru de nop ho so cho con di hoc", ["overview"], "colloquial", ["1.010041"]),
    ("giay xac nhan noi o mat bao lau moi co", ["time"], "colloquial", ["1.010041"]),
    ("chau 15 tuoi lam can cuoc lan dau o dau", ["where"], "colloquial", ["1.014061", "2.000200"]),
    ("lam the can cuoc cho be 5 tuoi dc ko, can gi", ["documents"], "colloquial", ["1.014062", "1.012549"]),
    ("danh roi the cccd o cho, lam lai mat bn tien", ["fee"], "colloquial", ["1.014064", "2.001194"]),
    ("the cccd bi gay mat chip muon doi the moi thi lam the nao", ["steps"], "colloquial", ["2.001195", "1.000889", "1.014064"]),
    ("kich hoat vneid muc 2 ra dau lam", ["where"], "colloquial", ["3.000228"]),
    ("nha o xa bien gioi muon sang cho ben trung quoc buon ban can lam giay thong hanh", ["overview"], "colloquial", ["1.003133"]),
    ("lam giay thong hanh qua cua khau mat bao lau", ["time"], "colloquial", ["1.003133"]),
    ("lam ho chieu lan dau nop o dau", ["where"], "colloquial", ["1.001456"]),
    ("danh mat ho chieu o nha thi bao mat o dau", ["where"], "colloquial", ["1.010386", "1.010385", "1.001445"]),
    # --- land and house
    ("mua manh dat cua hang xom, sang ten so do can nhung giay to gi", ["documents"], "colloquial", ["1.013831"]),
    ("ban nha cho nguoi khac thi sang ten so do mat bao lau", ["time"], "colloquial", ["1.013831"]),
    ("bố mẹ cho con mảnh đất, làm thủ tục tặng cho quyền sử dụng đất thế nào", ["steps"], "plain", ["1.013831"]),
    ("bo mat de lai dat, cac con muon dung ten so do thi lam sao", ["overview"], "colloquial", ["1.013831", "2.001406"]),
    ("dat ong cha de lai tu xua chua co so do, muon lam so lan dau", ["overview"], "colloquial", ["1.013978"]),
    ("lam so do lan dau nop ho so o dau", ["where"], "colloquial", ["1.013978"]),
    ("so do cu bi chuot can rach het, xin doi so moi", ["overview"], "colloquial", ["1.012783"]),
    ("nha bi chay mat so do, xin cap lai mat bao lau", ["time"], "colloquial", ["1.012786"]),
    ("so do ghi sai ten vo toi, muon sua lai", ["overview"], "colloquial", ["1.012796", "1.012790"]),
    ("muon chuyen dat vuon sang dat o de xay nha", ["overview"], "colloquial", ["1.013949", "1.013823"]),
    ("hang xom lan sang dat nha toi, nho xa hoa giai thi lam don the nao", ["steps"], "colloquial", ["1.012812"]),
    ("tranh chap ranh gioi dat voi nha ben canh, hoa giai o xa ko xong thi giai quyet o dau", ["where"], "colloquial", ["1.013967", "1.012805"]),
    ("so do dung ten bo, gio muon ghi them ten ca hai vo chong", ["overview"], "colloquial", ["1.013980", "1.013833"]),
    ("xay nha 3 tang o thi tran co can xin giay phep ko", ["overview"], "colloquial", ["1.013225"]),
    ("xin giấy phép xây nhà mất mấy ngày", ["time"], "plain", ["1.013225"]),
    ("nha cu muon co noi them 1 tang thi xin phep sua chua the nao", ["steps"], "colloquial", ["1.013229"]),
    ("giay phep xay dung het han ma chua xay xong, xin gia han", ["overview"], "colloquial", ["1.013227"]),
    ("dang ky mua nha o xa hoi cho cong nhan can giay to gi", ["documents"], "colloquial", ["1.014632"]),
    ("nop le phi truoc ba khi lam so do nha dat bao nhieu", ["fee"], "colloquial", ["1.007277"]),
    ("duoc bo tri tai dinh cu nhung chua co tien nop tien dat, xin no lai", ["overview"], "colloquial", ["1.012995"]),
    ("no tien su dung dat tu hoi lam so, gio co tien muon tra het de xoa no", ["overview"], "colloquial", ["1.012996", "1.013988"]),
    # --- business and tax
    ("mo quan pho o cho ky lua co can dang ky kinh doanh ko", ["overview"], "colloquial", ["1.001612"]),
    ("mở tiệm tạp hóa nhỏ thì làm giấy phép kinh doanh hết bao nhiêu tiền", ["fee"], "plain", ["1.001612"]),
    ("nghi ban hang vai thang di lam xa, bao tam nghi kinh doanh o dau", ["where"], "colloquial", ["1.001570"]),
    ("dong cua han tiem sua xe ko lam nua thi bao the nao", ["steps"], "colloquial", ["1.001266"]),
    ("chuyen quan an sang cho khac thi sua dia chi tren giay phep kinh doanh the nao", ["steps"], "colloquial", ["2.000720"]),
    ("co so lam thach den muon xin giay chung nhan du dieu kien an toan thuc pham", ["overview"], "colloquial", ["2.001827"]),
    ("ho kinh doanh nop thue khoan hang nam thi khai o dau", ["where"], "colloquial", ["1.011022"]),
    ("bi lu cuon mat het hang hoa, ho kinh doanh xin giam thue dc ko", ["overview"], "colloquial", ["3.000083"]),
    ("may nguoi trong thon gop von lap hop tac xa trong hoi thi dang ky o dau", ["where"], "colloquial", ["1.005280"]),
    ("nop thua thue kinh doanh muon xin hoan lai", ["overview"], "colloquial", ["1.014979"]),
    ("ban hang online tai nha co phai bao dia diem kinh doanh voi thue ko", ["overview"], "colloquial", ["1.009824"]),
    # --- vehicles and driving
    ("mua xe may moi o dai ly, dang ky bien so o dau", ["where"], "colloquial", ["1.013067", "1.012575"]),
    ("mua lai xe may cu cua nguoi quen, lam sang ten the nao", ["steps"], "colloquial", ["1.013076"]),
    ("sang ten xe may het bao nhieu tien", ["fee"], "colloquial", ["1.013076"]),
    ("mat cavet xe may, xin lam lai", ["overview"], "colloquial", ["1.013080"]),
    ("bằng lái xe bị mất, làm lại ở đâu", ["where"], "plain", ["3.000348"]),
    ("xe hong ban phe lieu roi thi nop lai giay dang ky va bien so the nao", ["steps"], "colloquial", ["1.013065", "1.013123"]),
    ("mua o to cu chay tam ve nha chua co bien, xin dang ky tam thoi", ["overview"], "colloquial", ["1.013083", "1.013086"]),
    # --- social insurance and benefits
    ("nghi viec o cong ty ngoai bac giang, muon rut bhxh 1 lan", ["overview"], "colloquial", ["1.001613"]),
    ("rut bao hiem 1 lan can giay to gi", ["documents"], "colloquial", ["1.001613"]),
    ("vo sinh con, tien thai san lam o dau", ["where"], "colloquial", ["2.000693"]),
    ("chồng có được hưởng chế độ thai sản khi vợ đẻ không", ["overview"], "plain", ["2.000693"]),
    ("di lam bi tai nan gay chan, huong bao hiem tai nan lao dong the nao", ["steps"], "colloquial", ["1.001632"]),
    ("nghi om 10 ngay co giay ra vien, xin tien om dau", ["overview"], "colloquial", ["1.001667"]),
    ("om dai ngay xong di lam lai van met, xin nghi duong suc phuc hoi suc khoe", ["overview"], "colloquial", ["1.001598"]),
    ("thang truoc lam mat the bao hiem y te, cap lai o dau", ["where"], "colloquial", ["1.001294"]),
    ("the bhyt ghi sai ngay sinh muon doi the moi", ["overview"], "colloquial", ["1.002438", "1.001321"]),
    ("nha em ngheo qua, xin vao ho ngheo nam nay the nao", ["steps"], "colloquial", ["1.011606"]),
    ("nha da lam an kha hon, muon xin ra khoi ho can ngheo", ["overview"], "colloquial", ["1.011608", "1.011606"]),
    ("ho lam nong muon dc cong nhan ho muc song trung binh de dc ho tro bhyt", ["overview"], "colloquial", ["1.011609"]),
    ("bo nhan luong huu o ha noi, gio ve que muon nhan luong o day", ["overview"], "colloquial", ["1.001742"]),
    ("me gia yeu ko di linh luong huu dc, uy quyen cho con linh thay", ["overview"], "colloquial", ["1.001601"]),
    ("muốn chuyển nhận lương hưu từ tiền mặt sang thẻ ATM", ["overview"], "plain", ["2.000740"]),
    ("lam cong nhan luong thap muon dc xac nhan nguoi lao dong thu nhap thap", ["overview"], "colloquial", ["3.000412"]),
    ("bố đi tù về, lương hưu bị dừng, giờ muốn được hưởng tiếp", ["overview"], "plain", ["2.000809"]),
    # --- justice, records, certification
    ("xin ly lich tu phap de di xuat khau lao dong nhat ban", ["overview"], "colloquial", ["3.000333"]),
    ("lam phieu ly lich tu phap mat bao lau", ["time"], "colloquial", ["3.000333"]),
    ("photo bang cap roi ra xa cong chung ban sao thi can mang gi", ["documents"], "colloquial", ["2.000815"]),
    ("cong chung ban sao bang tot nghiep mat bao nhieu tien 1 trang", ["fee"], "colloquial", ["2.000815"]),
    ("ky giay uy quyen cho em trai, can xa xac nhan chu ky", ["overview"], "colloquial", ["2.000884"]),
    ("toa xu ly hon xong ma chong cu ko dua tien nuoi con, lam don thi hanh an o dau", ["where"], "colloquial", ["1.003091"]),
    ("con trai nghien, gia dinh muon cho cai tu nguyen thi dang ky o dau", ["where"], "colloquial", ["3.000527"]),
    ("thon vua bau hoa giai vien moi, xa ra quyet dinh cong nhan the nao", ["steps"], "colloquial", ["1.002211"]),
    # --- agriculture, forestry, ethnic-minority and mountain communes
    ("lon nha bi dich ta chau phi chet het, xin ho tro thiet hai", ["overview"], "colloquial", ["1.013997"]),
    ("ga bi cum chet nhieu, xin nha nuoc ho tro o dau", ["where"], "colloquial", ["1.013997"]),
    ("ruong lua bo hoang muon chuyen sang trong cay an qua", ["overview"], "colloquial", ["1.008004"]),
    ("muon trong rung go lon thi vay von uu dai the nao", ["steps"], "colloquial", ["1.012531"]),
    ("cho trau bo sang tinh khac ban can giay kiem dich o dau", ["where"], "colloquial", ["1.002338"]),
    ("thôn muốn xin hỗ trợ phát triển sản xuất cộng đồng để trồng hồi", ["overview"], "plain", ["3.000224", "3.000272", "3.000332", "3.000286", "3.000274", "2.001709", "3.000284", "3.000285", "1.014208"]),
    ("mua bao hiem cho trau bo dc nha nuoc ho tro phi thi dang ky o xa the nao", ["steps"], "colloquial", ["1.005412"]),
    ("lam muong be tong dan nuoc tuoi ruong, xin ho tro thuy loi nho", ["overview"], "colloquial", ["2.001621"]),
    ("chuyen mot manh rung sang trong cay khac cho ho gia dinh thi xin phep o dau", ["where"], "colloquial", ["1.012694"]),
    ("lang lam huong lau doi muon dc cong nhan lang nghe truyen thong", ["overview"], "colloquial", ["1.003727"]),
    ("trong rau theo huong thuc hanh tot muon dc xin ma so vung trong de xuat sang trung quoc", ["overview"], "colloquial", ["1.014776"]),
    # --- two questions at once
    ("lam giay khai tu cho bo can gi va mat bao lau", ["documents", "time"], "multi", ["1.000656"]),
    ("dang ky ket hon can giay gi, co mat tien ko", ["documents", "fee"], "multi", ["1.000894"]),
    ("sang ten so do het bao nhieu tien va bao lau thi xong", ["fee", "time"], "multi", ["1.013831"]),
    ("rut bhxh 1 lan nop o dau, bao lau co tien", ["where", "time"], "multi", ["1.001613"]),
    ("làm lại căn cước bị mất cần giấy gì, mất bao nhiêu tiền", ["documents", "fee"], "multi", ["1.014064", "2.001194"]),
    ("dang ky tam tru cho nguoi thue tro can giay gi va nop o dau", ["documents", "where"], "multi", ["1.004194"]),
    ("xin giay phep xay nha can ho so gi, bao lau thi co", ["documents", "time"], "multi", ["1.013225"]),
    ("dang ky ho kinh doanh nop o dau, mat may ngay", ["where", "time"], "multi", ["1.001612"]),
]

# Off-topic: advice and judgement, private services, chit-chat, other provinces' affairs, general
# knowledge, and fields the catalog does not hold (schools, hospitals).
OFF_TOPIC: list[str] = [
    "co nen mua dat o dong dang luc nay ko, gia co len nua ko",
    "gui tiet kiem ngan hang nao lai suat cao nhat",
    "mua xe vision hay air blade thi di duong doi tot hon",
    "co nen cho con hoc truong chuyen chu van an ko",
    "lam so do qua dich vu co bi lua ko",
    "cho thue xe 7 cho di cua khau huu nghi gia bao nhieu",
    "sua dien thoai bi vo man hinh o dau re",
    "quan nao ban vit quay ngon o thanh pho",
    "the atm bi cay rut tien nuot mat roi lam lai sao",
    "dat ve xe khach di ha noi chuyen som nhat may gio",
    "dang ky goi cuoc 4g thang re nhat",
    "gui hang chuyen phat nhanh vao sai gon mat may ngay",
    "doi nhan dan te o cho dong kinh ty gia hom nay",
    "chao em, em ten gi the",
    "hom nay troi lanh qua nhi",
    "em co nguoi yeu chua",
    "cam on em nhieu nhe",
    "ke chuyen cuoi cho anh nghe di",
    "ubnd quan 1 thanh pho ho chi minh o duong nao",
    "lich cat dien o ha noi ngay mai",
    "chu tich tinh quang ninh hien nay la ai",
    "bien so xe 29 la cua tinh nao",
    "nui mau son cao bao nhieu met",
    "thu do cua nuoc phap la gi",
    "cach nau thach den ngon",
    "trau bi ho keo dai cho uong thuoc gi",
    "dau da day uong thuoc gi cho nhanh khoi",
    "thi vao lop 10 nam nay thi may mon",
    "xin chuyen truong cho con tu ha noi ve que hoc",
    "benh vien da khoa tinh kham ngoai gio may gio mo cua",
    "gia hoi kho hom nay bao nhieu 1 can",
    "lich thi dau bong da toi nay",
    "tinh diem xet tot nghiep thpt the nao",
    "gia vang hom nay bao nhieu mot chi",
    "hoc lai xe may o trung tam nao de do nhat",
]


# Written after the first measurement, while tuning (all in "dev7_tune", never in the check half):
# 30 more off-topic questions of the same kinds, to tune the refusal on without reading the check
# half's off-topic misses.
OFF_TOPIC_TUNE_EXTRA: list[str] = [
    "co nen ban dat luc nay ko hay de them vai nam",
    "lam so do o van phong dich vu nao nhanh",
    "nen mua bao hiem nhan tho cua hang nao",
    "con hoc lop 12 nen thi truong nao",
    "sua xe may o dau uy tin gan cho",
    "mua thuoc tay o hieu thuoc nao re",
    "cat toc nam o dau dep",
    "thue xe cau di tra dinh gia bao nhieu",
    "dang ky hoc tieng trung o trung tam nao",
    "lam the tin dung ngan hang can gi",
    "mat sim dien thoai lam lai o cua hang nao",
    "chuyen tien qua ngan hang bi loi thi lam sao",
    "dat phong khach san o mau son",
    "em buon qua",
    "ban co biet hat khong",
    "hom nay la ngay bao nhieu am lich",
    "thoi tiet cuoi tuan co mua khong",
    "dang ky xe may o ha noi thi ra quan nao",
    "so dien thoai cong an tinh bac giang",
    "le hoi o hue thang may",
    "gia lon hoi hom nay bao nhieu",
    "trau bi sot thi chua the nao",
    "cay hoi bi sau thi phun thuoc gi",
    "cach chua ho cho tre em",
    "dau lung nen kham o dau",
    "nop ho so dai hoc online the nao",
    "hoc phi truong mam non bao nhieu",
    "tinh luong huu cua toi duoc bao nhieu",
    "ly hon thi ai duoc nuoi con",
    "hang xom hat karaoke to qua phan anh o dau",
]


def halves() -> dict[str, str]:
    """Question → "dev7_tune" or "dev7_check": a fixed shuffle, half of the procedure questions
    and half of the off-topic ones in each."""
    out: dict[str, str] = {}
    for pool in ([q for q, *_ in QUESTIONS], list(OFF_TOPIC)):
        order = list(pool)
        random.Random(SEED).shuffle(order)
        for i, question in enumerate(order):
            out[question] = "dev7_tune" if i % 2 == 0 else "dev7_check"
    out.update(dict.fromkeys(OFF_TOPIC_TUNE_EXTRA, "dev7_tune"))
    return out
