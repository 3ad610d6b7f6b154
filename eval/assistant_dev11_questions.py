# ruff: noqa: E501  (one question per line reads best)
"""Development questions of session 12 (issue #14, file dev11), written on 2026-12-01 BEFORE any code
change of that session, in the voice of Lạng Sơn citizens: mostly without diacritics, phone typing
("ko", "dc", "j", "bn", "k", "đc", "sđ", "lm"), typos, teencode, a life situation told instead of
the procedure's name, everyday and regional names of papers ("sổ hộ khẩu", "giấy đỏ", "bằng lái",
"cà vẹt", "giấy chứng tử", "lý lịch", "sổ bảo hiểm"), some two questions at once.

Two parts, each written in the order given:
- A. DRAWN: the commune- and province-level procedures (`cap_thuc_hien` naming "Cấp xã" or "Cấp
  tỉnh") of the everyday fields `EVERYDAY_FIELDS`, sorted by code and shuffled with
  `random.Random(DRAW_SEED)`, used by earlier sets or not (the procedure may be known, the phrasing
  is new). The draw was followed in order up to its 115th procedure, skipping only what a citizen
  does not ask: procedures whose applicant is an investor, a company, a state body or a
  professional body (housing projects, planning programmes, driving-test centres and ranges,
  legal-aid organisations, foreign contractors), works of the special grade / grades I–II, a
  foreigner's house ownership or adoption, the Hà Tĩnh province's "Công bố Danh mục…"
  announcements, an award, and a near duplicate of a procedure already drawn (the same name at
  another level).
- B. CHOSEN everyday situations, written before any measurement: the papers people name in their
  own words (the household book that no longer exists, "giấy đỏ", "bằng lái", "cà vẹt", "giấy
  chứng tử", "lý lịch", "sổ bảo hiểm", "giấy độc thân", photocopies "công chứng" at the commune),
  a death, a birth at home, a wedding with a Chinese bride, a plot shared among children, a
  mortgage, a shop opened and closed, a sick leave, a pension moved, an electronic ID locked.

Expected codes were looked up in the real catalog (/work/shared/data/catalog) by name before any
measurement; every code that answers the question is accepted (commune and province variants,
the online and counter variants of one procedure, the same-named copies). Nothing here was chosen
by running the assistant or the search.

The questions are split in two halves by `eval/assistant_dev_halves.halves` with `SEED`:
`dev11_tune` (tuned on) and `dev11_check` (measured only as an aggregate). `bench/assistant.py
--build-dev11` writes eval/assistant_dev11.jsonl with key facts copied from the catalog.
"""

SEED = 20261201_11
DRAW_SEED = 20261201_11

EVERYDAY_FIELDS = (
    "Hộ tịch", "Chứng thực", "Đăng ký, quản lý cư trú", "Đất đai", "Tài chính đất đai",
    "Thực hiện chính sách BHXH", "Chi trả các chế độ BHXH", "Cấp sổ BHXH, thẻ BHYT",
    "Thu BHXH, BHYT, BHTN, BH tai nạn lao động, BNN", "Thực hiện chính sách BHYT", "Người có công",
    "Chính sách", "Đăng ký, quản lý phương tiện giao thông cơ giới, xe máy chuyên dùng",
    "Thành lập và hoạt động doanh nghiệp (hộ kinh doanh)", "Hoạt động xây dựng", "Nhà ở và công sở",
    "Giảm nghèo", "Cấp, quản lý căn cước", "Sát hạch, cấp giấy phép lái xe", "Nuôi con nuôi",
    "Lý lịch tư pháp", "Khiếu nại, tố cáo", "Quốc tịch", "Trợ giúp pháp lý", "Bồi thường nhà nước",
    "Đăng ký biện pháp bảo đảm", "Định danh và xác thực điện tử", "Hòa giải ở cơ sở",
)

_BHYT_CARD = ["2.000639", "1.003116"]
_BHYT_REISSUE = ["1.001294", "1.001327", "1.002759"]
_BHYT_CHANGE = ["1.002438", "1.001321", "1.002759"]
_BIRTH = ["1.001193", "2.000986", "2.001023"]
_FOREIGN_BIRTH = ["2.000528", "1.000110"]
_FOREIGN_MARRIAGE = ["2.000806", "1.000094"]
_DENOUNCE_POLICE = ["1.003482", "1.003523", "1.004327"]
_COMPLAIN_POLICE = ["1.003504", "1.004335"]
_STATE_LIABILITY = ["2.002165", "2.002192", "2.002195"]
_LAND_DISPUTE = ["1.013967", "1.012805"]
_ID_LOST = ["1.014064", "2.001194"]
_ID_CHILD = ["1.014062", "1.012549"]
_ID_ADULT = ["1.014061", "2.000200"]
_VEHICLE_FIRST = ["1.013067", "1.012575", "1.013066"]
_VEHICLE_REISSUE = ["1.013080"]
_VEHICLE_REVOKE = ["1.013123", "1.013065"]
_TEMP_PLATE = ["1.013086", "1.013083"]
_LAND_RECORD = ["1.012796", "1.012790"]
_LAND_REVOKE = ["1.012791", "1.012818"]
_OLD_HOUSING = ["1.012898", "1.012892"]
_GUARD_INJURY = ["1.012538", "1.012537"]

# (question, intents, difficulty, accepted codes)
QUESTIONS: list[tuple[str, list[str], str, list[str]]] = [
    # ---- A: the seeded draw, in its order
    ("chung chi hanh nghe xay dung cua toi bi rach mat mot nua, xin cap lai o dau a", ["where"], "colloquial", ["1.013217"]),
    ("toi la lao dong tu do, muon mua the bhyt thi lam the bhyt o dau", ["where"], "colloquial", _BHYT_CARD + ["1.001939"]),
    ("em lay chong nguoi dai loan, dang ky ket hon can nhung giay to j", ["documents"], "colloquial", _FOREIGN_MARRIAGE),
    ("toi muon to cao mot can bo cong an xa co hanh vi sai trai thi gui don toi dau", ["where"], "colloquial", _DENOUNCE_POLICE),
    ("vo sinh em be o benh vien tinh, lam che do thai san can giay to gi", ["documents"], "colloquial", ["2.000693"]),
    ("so do cua nha toi ghi sai nam sinh cua bo, muon sua lai cho dung thi lam the nao", ["steps"], "colloquial", _LAND_RECORD),
    ("vet thuong do tai nan lao dong nam truoc gio tai phat, xin huong che do lai the nao", ["steps"], "colloquial", ["1.001521"]),
    ("nguoi thue tro nha toi da chuyen di, xoa tam tru cho ho can lam gi", ["steps"], "colloquial", ["1.010028"]),
    ("con toi de ben trung quoc co giay to ben do roi, ve day lam giay khai sinh the nao", ["steps"], "colloquial", ["1.000893"] + _FOREIGN_BIRTH),
    ("thue dat nam 2025 co duoc giam tien thue dat khong, thu tuc ra sao", ["steps"], "colloquial", ["3.000518"]),
    ("cua hang tap hoa nha em dong cua han roi, lam thu tuc cham dut ho kinh doanh o dau", ["where"], "colloquial", ["1.001266"]),
    ("xin giay xac nhan cu tru de bo sung ho so di lam thi bao lau co", ["time"], "colloquial", ["1.010041"]),
    ("chu em la nguoi giam ho cho chau, xa co can dang ky nguoi giam sat viec giam ho khong", ["overview"], "colloquial", ["3.000323"]),
    ("giay phep xay nha cua toi sap het han ma chua khoi cong duoc, gia han the nao", ["steps"], "colloquial", ["1.013227"]),
    ("dat nong nghiep nha toi lam nha o tu truoc 2014, gio xin cap so do co dc ko", ["overview"], "colloquial", ["1.013993"]),
    ("vay ngan hang the chap so do thi dang ky the chap o dau, mat phi bao nhieu", ["where", "fee"], "multi", ["1.011441"]),
    ("chong em bi tai nan o xuong may, lan dau bi, lam ho so huong tro cap tnld can gi", ["documents"], "colloquial", ["1.001632"]),
    ("thon em bau toi lam hoa giai vien, xa cong nhan the nao", ["steps"], "colloquial", ["1.002211"]),
    ("toi ko muon nhan phan tai san bo me de lai, lam van ban tu choi nhan di san o xa dc ko", ["overview"], "colloquial", ["2.001016"]),
    ("công nhân ở trọ nhà tôi cần đăng ký tạm trú thì nộp những gì", ["documents"], "plain", ["1.004194"]),
    ("bo toi dang lanh luong huu o ha noi, gio ve lang son o voi con thi chuyen noi lanh luong the nao", ["steps"], "colloquial", ["1.001742"]),
    ("nha o cua toi muon chuyen sang lam van phong cho thue thi xin chuyen doi cong nang o dau", ["where"], "colloquial", ["1.013769"]),
    ("bang lai xe may cua toi bi mat trong vi, xin cap lai bang lai mat bao nhieu tien", ["fee"], "colloquial", ["3.000348"]),
    ("nha tap the cu cua nha nuoc toi dang thue, het hop dong muon ky lai thi lam sao", ["steps"], "colloquial", _OLD_HOUSING),
    ("can bo dia chinh xa lam sai lam nha toi thiet hai, doi boi thuong thi lam the nao", ["steps"], "colloquial", _STATE_LIABILITY),
    ("toi mo doanh nghiep tu nhan va dua manh dat cua ho vao kinh doanh, dang ky bien dong the nao", ["steps"], "colloquial", ["1.012793"]),
    ("anh ay muon nhan thang be la con ruot de ghi ten bo vao giay khai sinh thi lam ntn", ["steps"], "colloquial", ["1.001022"]),
    ("ong toi la anh hung luc luong vu trang thoi khang chien, xin tro cap o cong an tinh can gi", ["documents"], "colloquial", ["1.004209"]),
    ("thong tin cu tru cua toi tren he thong bi sai que quan, dieu chinh lai o dau", ["where"], "colloquial", ["1.010039"]),
    ("cong ty moi nhan toi vao lam, dang ky dong bhxh va cap so bao hiem can nhung gi", ["documents"], "colloquial", ["1.002051"]),
    ("truoc bi tnld roi, nay lai bi benh nghe nghiep nua thi giai quyet che do the nao", ["steps"], "colloquial", ["1.001643"]),
    ("mua lai xe cub cu cua ong chu, sang ten mat bao nhieu ngay", ["time"], "colloquial", ["1.013076"]),
    ("tu phat hien so do cap sai dien tich, xin thu hoi de cap lai so moi can giay to gi", ["documents"], "colloquial", _LAND_REVOKE),
    ("xe moi mua chua co bien, xin dang ky tam thoi de chay tam duoc ko", ["overview"], "colloquial", _TEMP_PLATE),
    ("bo toi di bo doi bi nhiem chat doc da cam, cong an tinh xet tro cap the nao", ["steps"], "colloquial", ["1.004205"]),
    ("nha toi va nha ben canh tranh chap bo rao, nho xa hoa giai thi lam the nao", ["steps"], "colloquial", ["1.012812"]),
    ("me toi dang nhan luong huu tien mat, muon chuyen sang nhan qua the atm thi lam sao", ["steps"], "colloquial", ["2.000740"]),
    ("so bao hiem cua em bi chuot can rach het, xin cap lai so bhxh nhu the nao", ["steps"], "colloquial", ["1.002759"]),
    ("tài khoản VNeID của tôi bị khóa, muốn mở khóa thì đến đâu", ["where"], "plain", ["3.000275", "3.000277"]),
    ("con toi dang hoc dai hoc muon thue phong o nha o sinh vien cua nha nuoc thi nop gi", ["documents"], "colloquial", ["1.007765"]),
    ("mua xe may moi o cua hang, dang ky bien so lan dau het bn tien", ["fee"], "colloquial", _VEHICLE_FIRST),
    ("vo toi nguoi trung quoc, con sinh o xa bien gioi thi lam khai sinh cho chau the nao", ["steps"], "colloquial", _FOREIGN_BIRTH),
    ("xin phieu ly lich tu phap de di xuat khau lao dong thi nop o dau, mat may ngay", ["where", "time"], "multi", ["3.000333"]),
    ("toi ly hon o han quoc roi, ve que ghi vao so ho tich viec ly hon o dau", ["where"], "colloquial", ["2.000554"]),
    ("bo toi doi ten, gio so do van de ten cu thi sua the nao", ["steps"], "colloquial", ["1.013833"]),
    ("ho kinh doanh cua toi bi ghi sai so dien thoai tren giay dang ky, hieu dinh lai the nao", ["steps"], "colloquial", ["1.014034"]),
    ("toi ko dong y voi ket qua tro giup phap ly, muon khieu nai thi gui o dau", ["where"], "colloquial", ["2.000592"]),
    ("anh toi trong doi an ninh trat tu co so bi tai nan khi dang truc, chua co bhxh thi duoc ho tro gi", ["overview"], "colloquial", _GUARD_INJURY),
    ("gia dinh thu nhap thap muon thue nha o xa hoi cua nha nuoc xay thi lam don o dau", ["where"], "colloquial", ["1.012896", "1.014632"]),
    ("chau da du 18 tuoi, toi thoi lam giam ho thi cham dut giam ho o xa the nao", ["steps"], "colloquial", ["1.004845"]),
    ("hoa giai vien o thon lam xong vu viec thi xin thu lao o dau", ["where"], "colloquial", ["2.002080"]),
    ("bố tôi đang đóng bảo hiểm thì mất, mẹ tôi được hưởng trợ cấp tuất không, hồ sơ gồm gì", ["overview", "documents"], "multi", ["2.000821"]),
    ("hoa giai tranh chap dat ko thanh, gio de nghi chu tich xa giai quyet thi lam sao", ["steps"], "colloquial", _LAND_DISPUTE),
    ("hop dong chung thuc o xa ghi nham ten nguoi mua, sua loi sai sot the nao", ["steps"], "colloquial", ["2.000927"]),
    ("xe o to nhap khau moi mua, dang ky xe online toan trinh duoc ko", ["overview"], "colloquial", ["1.013066"] + _VEHICLE_FIRST),
    ("toi bi thuong khi di lam nhiem vu cong an, xet huong che do nhu thuong binh can gi", ["documents"], "colloquial", ["1.004089"]),
    ("chi toi lay chong nguoi nhat co con, gio nhan cha cho be o xa thi lam the nao", ["steps"], "colloquial", ["2.000779", "1.000080"]),
    ("co khach o xa den ngu lai nha may dem, co phai bao luu tru voi cong an xa ko", ["overview"], "colloquial", ["2.001159"]),
    ("xin giấy xác nhận có quốc tịch Việt Nam thì làm ở đâu, mất bao lâu", ["where", "time"], "multi", ["1.005136"]),
    ("giay khai sinh co yeu to nuoc ngoai cua toi bi mat so goc, dang ky lai khai sinh the nao", ["steps"], "colloquial", ["2.000522"]),
    ("the bhyt cua toi ghi sai ngay sinh, xin doi the moi thi lam sao", ["steps"], "colloquial", _BHYT_CHANGE),
    ("nguoi thue nha o cu cua nha nuoc chuyen nhuong lai cho toi, xin thue tiep thi lam gi", ["steps"], "colloquial", ["1.012897"]),
    ("nha em kho khan lam, xin vao danh sach ho can ngheo o dau", ["where"], "colloquial", ["1.011606"]),
    ("chong nguoi trung quoc, con de o viet nam, lam giay khai sinh can mang theo gi", ["documents"], "colloquial", _FOREIGN_BIRTH),
    ("bo toi nguyen la chu tich xa, nghi roi thi xin huong luong huu o dau", ["where"], "colloquial", ["2.000605"]),
    ("chau toi sinh ra o xa bien gioi, bo nguoi trung quoc muon nhan con thi lam gi", ["steps"], "colloquial", ["1.000080", "2.000779"]),
    ("con duoi 6 tuoi lam khai sinh lien thong voi the bhyt luon co dc ko", ["overview"], "colloquial", _BIRTH),
    ("nha toi song tren thuyen neo o ben song, xin xac nhan noi dau do de dang ky cu tru", ["steps"], "colloquial", ["1.013313"]),
    ("bac toi la cong an di chien dau bao ve bien gioi phia bac, xin che do tro cap the nao", ["steps"], "colloquial", ["1.015027"]),
    ("ban goc giay khai sinh mat roi, xin ban sao tu so goc o xa mat phi ko", ["fee"], "colloquial", ["2.000908", "2.000635"]),
    ("ong toi mat o trung quoc ma chua khai tu, gio dang ky lai khai tu the nao", ["steps"], "colloquial", ["2.000497"]),
    ("quan an cua toi muon nghi ban 3 thang roi mo lai, thong bao tam ngung o dau", ["where"], "colloquial", ["1.001570"]),
    ("toi vua ra tu, truoc dang huong luong huu thi xin huong tiep nhu the nao", ["steps"], "colloquial", ["2.000809"]),
    ("con moi sinh, lam khai sinh, nhap ho khau va the bhyt cung luc thi nop gi", ["documents"], "colloquial", ["2.000986"]),
    ("dang ky mua nha o xa hoi cho nguoi thu nhap thap o xa can giay to gi", ["documents"], "colloquial", ["1.014632"]),
    ("da tra het tien su dung dat con no, xin xoa no tren so thi lam the nao", ["steps"], "colloquial", ["1.012996"]),
    ("giấy phép xây dựng nhà đã cấp, giờ muốn đổi thiết kế thêm một tầng thì điều chỉnh ở đâu", ["where"], "plain", ["1.013226"]),
    ("lam hop dong mua ban dat o xa de chung thuc thi mat phi bao nhieu", ["fee"], "colloquial", ["2.001035"]),
    ("da tra xong no ngan hang, xoa the chap so do o dau", ["where"], "colloquial", ["1.011443"]),
    # ---- B: chosen everyday situations
    ("nha toi moi co chau, con dau de o nha chu ko o vien, lam giay khai sinh can gi", ["documents"], "colloquial", _BIRTH),
    ("be nha em 3 tuoi roi ma chua lam giay khai sinh, gio lam muon co bi phat ko, can gi", ["documents"], "colloquial", _BIRTH),
    ("giay khai sinh cua toi ghi sai ten dem, muon sua thi lam o dau", ["where"], "colloquial", ["1.004859"]),
    ("xin ban sao giay khai sinh de nop ho so cho con di hoc thi xin o dau", ["where"], "colloquial", ["2.000635"]),
    ("ong noi em mat o nha dem qua, lam giay chung tu can mang gi", ["documents"], "colloquial", ["1.000656"]),
    ("lam giay chung tu cho ba toi co mat tien ko, bao lau thi co", ["fee", "time"], "multi", ["1.000656"]),
    ("mat giay chung tu cua me roi, xin trich luc ban sao o dau", ["where"], "colloquial", ["2.000635"]),
    ("e sap cuoi, lam giay dang ky ket hon o xa can mang j", ["documents"], "colloquial", ["1.000894"]),
    ("lam giay xac nhan doc than de cuoi vo thi mat bao lau", ["time"], "colloquial", ["1.004873"]),
    ("toi o xa bien gioi, lay vo nguoi trung quoc ben kia cua khau thi dang ky ket hon o dau", ["where"], "colloquial", _FOREIGN_MARRIAGE),
    ("vo chong em muon nhan nuoi dua chau mo coi, lam thu tuc nhan con nuoi can gi", ["documents"], "colloquial", ["2.001263"]),
    ("so ho khau gio bo roi, muon nhap khau cho vo ve nha chong thi lam the nao", ["steps"], "colloquial", ["1.004222"]),
    ("con trai toi lay vo ra o rieng, muon tach ho khau thi lam sao", ["steps"], "colloquial", ["1.010038"]),
    ("di xin viec ho yeu cau giay xac nhan cu tru thay so ho khau, xin o dau", ["where"], "colloquial", ["1.010041"]),
    ("chong em di lam an xa o binh duong may nam, co phai khai bao tam vang ko", ["overview"], "colloquial", ["1.003677"]),
    ("con toi 10 tuoi lam can cuoc dc chua, lam o dau", ["overview", "where"], "multi", _ID_CHILD),
    ("mat can cuoc cong dan roi, lam lai mat bao nhieu tien", ["fee"], "colloquial", _ID_LOST),
    ("toi du 14 tuoi roi, lam can cuoc lan dau can mang gi", ["documents"], "colloquial", _ID_ADULT),
    ("lam the can cuoc lan dau cho con 15 tuoi het bao lau thi co the", ["time"], "colloquial", _ID_ADULT),
    ("kich hoat dinh danh dien tu muc 2 tren vneid thi ra cong an xa lam gi", ["steps"], "colloquial", ["3.000228"]),
    ("giay do nha toi bi chay mat trong vu hoa hoan, xin cap lai the nao", ["steps"], "colloquial", ["1.012786"]),
    ("mat so do roi, lam lai mat bao lau vay", ["time"], "colloquial", ["1.012786"]),
    ("so do cu qua rach nat, muon doi sang so moi thi can giay to gi", ["documents"], "colloquial", ["1.012783"]),
    ("bo me chia dat cho 3 anh em, sang ten giay do tung nguoi thi lam sao", ["steps"], "colloquial", ["1.013831"]),
    ("ông bà mất để lại mảnh vườn, anh em thỏa thuận xong rồi, đăng ký thừa kế sổ đỏ ở đâu", ["where"], "plain", ["1.013831"]),
    ("dat vuon nha toi muon chuyen len dat o de xay nha thi xin o dau", ["where"], "colloquial", ["1.013949", "1.013823"]),
    ("manh dat ong cha de lai chua co so, gio lam so do lan dau can gi", ["documents"], "colloquial", ["1.013978"]),
    ("nha hang xom lan sang dat nha toi may met, muon xa giai quyet thi lam sao", ["steps"], "colloquial", ["1.012812"] + _LAND_DISPUTE),
    ("xay nha 2 tang o thi tran co phai xin phep ko, xin o dau", ["overview", "where"], "multi", ["1.013225"]),
    ("nha xuong cap muon sua lai mai va noi them phong thi xin giay phep sua chua o dau", ["where"], "colloquial", ["1.013229"]),
    ("viết di chúc để lại nhà cho con, chứng thực ở xã được không", ["overview"], "plain", ["2.001019"]),
    ("photo giay to roi muon cong chung ban sao o xa thi mat bao nhieu 1 trang", ["fee"], "colloquial", ["2.000815"]),
    ("ky giay uy quyen cho con di lam thu tuc, xac nhan chu ky o xa can mang gi", ["documents"], "colloquial", ["2.000884"]),
    ("bằng lái xe máy hết hạn hoặc bị mất thì cấp lại cần những giấy tờ gì", ["documents"], "plain", ["3.000348"]),
    ("mat ca vet xe may roi, lam lai o dau, co mat tien ko", ["where", "fee"], "multi", _VEHICLE_REISSUE),
    ("ban xe may cho nguoi khac roi, nguoi ban co phai lam thu tuc thu hoi dang ky ko", ["overview"], "colloquial", _VEHICLE_REVOKE),
    ("xe o to cu hong nat muon thanh ly, nop lai bien so va ca vet o dau", ["where"], "colloquial", _VEHICLE_REVOKE),
    ("mo tiem tap hoa nho o nha, dang ky ho kinh doanh can giay to gi", ["documents"], "colloquial", ["1.001612"]),
    ("quan nuoc cua toi muon chuyen cho con gai dung ten, doi chu ho kinh doanh the nao", ["steps"], "colloquial", ["2.000720"]),
    ("ho kinh doanh nho thi khai thue o dau, bao lau khai 1 lan", ["where"], "colloquial", ["1.011022"]),
    ("so bao hiem xa hoi bi mat, lam lai so o dau", ["where"], "colloquial", ["1.002759"]),
    ("nghi viec 1 nam roi, rut bao hiem xa hoi mot lan can giay to gi", ["documents"], "colloquial", ["1.001613"]),
    ("om phai nam vien 1 tuan, cong ty bao lam che do om dau bhxh, ho so gom gi", ["documents"], "colloquial", ["1.001667"]),
    ("the bao hiem y te bi mat, xin cap lai o dau", ["where"], "colloquial", _BHYT_REISSUE),
    ("ca nha em muon mua bhyt theo ho gia dinh thi dang ky o dau", ["where"], "colloquial", ["1.001939"]),
    ("nha em thu nhap thap, xin giay xac nhan nguoi lao dong thu nhap thap o xa the nao", ["steps"], "colloquial", ["3.000412"]),
    ("con toi nghien ma tuy muon tu nguyen cai tai gia dinh thi dang ky o dau", ["where"], "colloquial", ["3.000527"]),
    ("cong an xa xu phat sai, toi muon khieu nai quyet dinh do thi gui don o dau", ["where"], "colloquial", _COMPLAIN_POLICE),
    ("bo minh mat, dang huong luong huu, gia dinh nhan tien mai tang can gi", ["documents"], "colloquial", ["2.000821"]),
    ("vo toi sinh mo, toi la chong dang dong bhxh co dc huong thai san ko", ["overview"], "colloquial", ["2.000693"]),
]

# Off-topic: what no procedure of the catalog answers (advice, private services, chit-chat, other
# provinces' facts, general knowledge), in the same voice.
OFF_TOPIC: list[str] = [
    "cach lam banh cuon lang son ngon",
    "nha nao ban ga doi o chi lang ngon",
    "tom tat truyen kieu giup em",
    "lop 9 thi vao lop 10 thi mon gi",
    "ban co biet hat then khong",
    "o lang son mua hoa dao o dau dep",
    "bi cam cum thi uong thuoc gi",
    "cach sua may bom nuoc bi yeu",
    "gia lon hoi hom nay bao nhieu 1 can",
    "trong khoai mon vao thang may",
    "dien thoai iphone bi treo logo lam sao",
    "wifi nha em cham qua phai lam sao",
    "xem bong da truc tiep o dau",
    "toi buon qua, noi chuyen voi toi di",
    "mua dat nen o dau sap len gia",
    "cho em xin cong thuc lam thit lon quay mac mat",
    "tu lang son di ha long bao nhieu km",
    "hoc tieng trung o dau tot",
    "ban ten la gi vay",
    "choi co tuong the nao cho gioi",
    "ga bi ru mo thi cho uong gi",
    "thue xe du lich 16 cho di mau son gia bao nhieu",
]
