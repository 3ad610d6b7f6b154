# ruff: noqa: E501  (one question per line reads best)
"""Development questions of session 8 (issue #14), written on 2026-11-30 BEFORE any code change of
that session, in the voice of citizens of Lạng Sơn: with and without diacritics, phone typing
("ko", "dc", "bn", "j"), typos, a life situation told instead of the procedure's name, two
questions at once.

Chosen, as far as the catalog allows, on procedures and situations the earlier development sets
do not use: identity data and the chip card (integrating papers, an old 9-digit number, a wrong
birth date in the population database), social-insurance books and direct refunds of health
costs, certifying a contract and correcting it, mortgaging a land title, a co-operative group of
neighbours, people hurt or killed while helping (fire, disasters, village security, mediation),
civil status across the Chinese border (a child with a Chinese father, a marriage or a death on
the other side), nationality, court judgments, felling a tree, a wedding tent on the pavement,
planning information, a bored well, a pond, timber and medicinal plants in a planted forest,
artificial insemination of cattle, land tax relief after a disaster, a household business's data.
About a third return to procedures the earlier sets use, through situations they do not tell
(selling land to a neighbour, a funeral allowance, a second licence, …) — among them the two known
miss classes of session 7 (a land transfer whose name is a paragraph, a funeral allowance).

Expected codes were looked up in the real catalog (/work/shared/data/catalog), by name, before any
measurement; every code that answers the question is accepted (commune and province variants, the
same procedure announced twice). Nothing here was chosen by running the assistant or the search.

The questions are split in two halves with `random.Random(SEED)`: `dev8_tune` (tuned on) and
`dev8_check` (never read one by one while tuning, measured only as an aggregate). The split is
fixed here, before any measurement. `bench/assistant.py --build-dev8` writes
eval/assistant_dev8.jsonl with key facts copied from the catalog.
"""

SEED = 20261130_8

# (question, intents, difficulty, accepted codes)
QUESTIONS: list[tuple[str, list[str], str, list[str]]] = [
    # --- identity data, chip card, electronic identity
    ("muon tich hop bang lai xe voi the bhyt vao the can cuoc thi lam o dau", ["where"], "colloquial", ["1.014060"]),
    ("tích hợp thông tin giấy phép lái xe vào thẻ căn cước có mất tiền không", ["fee"], "plain", ["1.014060"]),
    ("ngay sinh tren vneid bi sai so voi giay khai sinh, xin sua thong tin trong co so du lieu dan cu", ["overview"], "colloquial", ["1.012564"]),
    ("thông tin quê quán trong cơ sở dữ liệu dân cư bị ghi sai, điều chỉnh cần giấy tờ gì", ["documents"], "plain", ["1.012564"]),
    ("ngan hang bat xac nhan so cmnd 9 so cu voi so can cuoc moi la cua 1 nguoi, xin o dau", ["where"], "colloquial", ["1.012566"]),
    ("giấy xác nhận số chứng minh nhân dân cũ mất mấy ngày", ["time"], "plain", ["1.012566"]),
    ("can xin thong tin cu tru cua ban than trong co so du lieu dan cu de nop toa", ["overview"], "colloquial", ["1.010101", "1.010097"]),
    ("mat dien thoai so bi ke gian vao tai khoan dinh danh, muon khoa can cuoc dien tu", ["overview"], "colloquial", ["3.000276"]),
    ("tìm lại được điện thoại rồi, mở khóa tài khoản căn cước điện tử thế nào", ["steps"], "plain", ["3.000277"]),
    ("the can cuoc bi mo het chu, muon doi the khac ho so gom gi", ["documents"], "colloquial", ["2.001195", "1.014064"]),
    ("con gái 14 tuổi làm căn cước lần đầu có phải mang giấy khai sinh không", ["documents"], "plain", ["1.014061", "2.000200"]),
    # --- social insurance and health insurance
    ("so bhxh ghi sai ten dem cua toi, xin dieu chinh lai so", ["overview"], "colloquial", ["1.002759"]),
    ("làm mất sổ bảo hiểm xã hội, xin cấp lại sổ thì nộp ở đâu", ["where"], "plain", ["1.002759"]),
    ("doi so bhxh bi rach nat mat bao lau", ["time"], "colloquial", ["1.002759"]),
    ("di cap cuu o trung quoc ve khong dung the bhyt, ve xin thanh toan lai tien vien phi", ["overview"], "colloquial", ["1.001656"]),
    ("quen mang the bao hiem y te khi nam vien, gio xin bao hiem tra lai tien can giay to gi", ["documents"], "colloquial", ["1.001656"]),
    ("dong cung chi tra kham benh vuot 6 thang luong co so, xin giay chung nhan khong cung chi tra", ["overview"], "colloquial", ["1.001656"]),
    ("bị tai nạn lao động đã giám định, nay vết thương tái phát thì được giám định lại và hưởng chế độ thế nào", ["steps"], "plain", ["1.001521"]),
    ("chong truoc lam can bo xa, nghi roi muon lam luong huu cho can bo xa", ["overview"], "colloquial", ["2.000605"]),
    ("bo dang an luong huu, sang uc dinh cu voi con, xin nhan tro cap mot lan", ["overview"], "colloquial", ["2.000755"]),
    ("quyết định hưởng bảo hiểm xã hội tính sai số năm đóng, xin điều chỉnh lại quyết định", ["overview"], "plain", ["1.001710"]),
    ("vo toi di lam cong ty nghi sinh con thu 2 thi lanh tien thai san o dau", ["where"], "colloquial", ["2.000693"]),
    ("ông bà đã mất thì con cháu lĩnh tiền mai táng phí bảo hiểm xã hội cần những giấy gì", ["documents"], "plain", ["2.000821"]),
    ("ba noi dang huong luong huu thi mat, con chau xin tro cap mai tang bao lau thi co", ["time"], "colloquial", ["2.000821"]),
    ("chong mat vi tai nan, vo con co dc huong tuat hang thang ko", ["overview"], "colloquial", ["2.000821"]),
    ("me toi dang lanh tro cap bhxh hang thang thi mat, lam sao nhan tien mai tang", ["steps"], "colloquial", ["2.000821"]),
    # --- certification, contracts, mortgages
    ("ban xe may cho nguoi quen, ra xa chung thuc hop dong mua ban xe", ["overview"], "colloquial", ["2.001035"]),
    ("chứng thực hợp đồng tặng cho nhà ở tại ủy ban xã lệ phí bao nhiêu", ["fee"], "plain", ["2.001035"]),
    ("hop dong chung thuc o xa bi go sai dien tich dat, sua lai the nao", ["steps"], "colloquial", ["2.000927"]),
    ("lam mat ban hop dong mua ban dat da chung thuc nam ngoai, xin ban sao o xa", ["overview"], "colloquial", ["2.000942"]),
    ("bằng tốt nghiệp cấp 3 bị cháy mất, xin cấp bản sao từ sổ gốc ở đâu", ["where"], "plain", ["2.000908"]),
    ("chứng thực chữ ký trên giấy ủy quyền cho con đi nhận lương hưu", ["overview"], "plain", ["2.000884"]),
    ("vay ngan hang nong nghiep the chap so do thi dang ky the chap o dau", ["where"], "colloquial", ["1.011441"]),
    ("đăng ký thế chấp quyền sử dụng đất mất phí bao nhiêu", ["fee"], "plain", ["1.011441"]),
    ("tra het no ngan hang roi, lam sao xoa the chap tren so do", ["steps"], "colloquial", ["1.011443"]),
    ("vay them tien ngan hang, muon thay doi noi dung the chap so do da dang ky", ["overview"], "colloquial", ["1.011442"]),
    # --- co-operative groups and household business
    ("may ho trong ban chung nhau nuoi ca, muon lap to hop tac thi dang ky o dau", ["where"], "colloquial", ["2.002637", "2.002226"]),
    ("thành lập tổ hợp tác trồng hồi cần chuẩn bị hồ sơ gì", ["documents"], "plain", ["2.002637"]),
    ("to hop tac lam mien dong giai tan roi, bao cham dut hoat dong the nao", ["steps"], "colloquial", ["2.002642", "2.002228"]),
    ("giấy đăng ký hộ kinh doanh ghi sai số điện thoại, muốn hiệu đính thông tin", ["overview"], "plain", ["1.014034"]),
    ("cap nhat so can cuoc moi vao ho so dang ky ho kinh doanh co mat phi ko", ["fee"], "colloquial", ["1.014034"]),
    ("ho kinh doanh tap hoa muon mo them chi nhanh ban hang o cho khac thi dang ky sao", ["overview"], "colloquial", ["2.000720", "1.001612"]),
    # --- people hurt or killed while helping the commune
    ("chong toi di chua chay rung bi bong nang, chua co bhyt, xin che do o xa", ["overview"], "colloquial", ["3.000509"]),
    ("người được huy động chữa cháy bị chết, gia đình được hưởng chế độ gì và hồ sơ gồm những gì", ["documents"], "plain", ["3.000510"]),
    ("anh trong doi xung kich phong chong lu bi nuoc cuon gay chan, xin ho tro kham chua benh", ["overview"], "colloquial", ["1.010091", "1.010092"]),
    ("em trai o doi xung kich phong chong thien tai chet khi cuu lu, gia dinh xin tro cap tien tuat", ["overview"], "colloquial", ["1.010092"]),
    ("bố là tổ viên tổ bảo vệ an ninh trật tự thôn, đi tuần bị đánh bị thương, xin chế độ ở đâu", ["where"], "plain", ["1.012537", "1.012538"]),
    ("muon dang ky lam to vien to bao ve an ninh trat tu o thon can giay gi", ["documents"], "colloquial", ["1.012533"]),
    ("me toi la hoa giai vien thon, di hoa giai bi nguoi ta danh, co dc ho tro gi ko", ["overview"], "colloquial", ["2.000424"]),
    ("hòa giải viên được thanh toán thù lao vụ việc thì làm thủ tục gì", ["overview"], "plain", ["2.002080"]),
    # --- civil status across the border, foreigners, nationality
    ("vo toi nguoi trung quoc sinh chau o nha, khai sinh cho chau o xa bien gioi the nao", ["steps"], "colloquial", ["1.000110", "2.000528"]),
    ("con co bo la nguoi trung quoc ben kia bien gioi, lam giay khai sinh can giay gi", ["documents"], "colloquial", ["1.000110", "2.000528"]),
    ("anh nguoi trung quoc muon nhan con voi chi ho o ben nay bien gioi, lam o uy ban xa dc ko", ["overview"], "colloquial", ["1.000080", "2.000779"]),
    ("bố vợ người Trung Quốc mất ở nhà tôi gần cửa khẩu, đăng ký khai tử ở đâu", ["where"], "plain", ["1.004827", "1.001766"]),
    ("cuoi vo ben trung quoc co giay ket hon cua ho roi, ve viet nam ghi vao so ho tich the nao", ["steps"], "colloquial", ["2.002189"]),
    ("chau sinh ben trung quoc da co giay khai sinh cua ho, ve que ghi chu khai sinh can gi", ["documents"], "colloquial", ["2.000547"]),
    ("ly hon o toa trung quoc roi, ve xa ghi vao so ho tich viec ly hon", ["overview"], "colloquial", ["2.000554"]),
    ("ngay xua dang ky ket hon voi nguoi trung quoc nhung so goc bi mat, xin dang ky lai ket hon", ["overview"], "colloquial", ["2.000513"]),
    ("giay khai sinh co yeu to nuoc ngoai cua con bi mat ca ban chinh lan so goc, dang ky lai khai sinh", ["overview"], "colloquial", ["2.000522"]),
    ("vo nguoi trung quoc song o day 10 nam, muon nhap quoc tich viet nam thi lam sao", ["steps"], "colloquial", ["2.002039"]),
    ("trước đi lấy chồng Đài Loan đã thôi quốc tịch, giờ về quê muốn trở lại quốc tịch Việt Nam", ["overview"], "plain", ["2.002038"]),
    ("xin giấy xác nhận có quốc tịch việt nam thì mất bao lâu", ["time"], "plain", ["1.005136"]),
    ("nha co nguoi trung quoc sang choi o qua dem, bao tam tru cho nguoi nuoc ngoai o xa the nao", ["steps"], "colloquial", ["1.000253"]),
    ("cho người nước ngoài thuê nhà thì khai báo tạm trú cho họ qua mạng được không", ["overview"], "plain", ["1.001437", "1.000253"]),
    ("giay thong hanh qua trung quoc bi roi mat khi di cho, trinh bao mat o xa", ["overview"], "colloquial", ["1.010055", "1.010049"]),
    ("can giay xac nhan thong tin xuat nhap canh cua minh de nop cong ty", ["overview"], "colloquial", ["1.014363"]),
    ("gia dinh o bien gioi muon nhan chau be ben trung quoc lam con nuoi, xin giay xac nhan du dieu kien", ["overview"], "colloquial", ["2.002349"]),
    # --- justice, courts, complaints
    ("xin ban sao ban an ly hon cua toa de lam thu tuc", ["overview"], "colloquial", ["3.000165"]),
    ("nộp đơn khởi kiện lên tòa qua mạng được không", ["overview"], "plain", ["3.000163"]),
    ("bi cong an xa phat sai, muon khieu nai quyet dinh thi lam don o dau", ["where"], "colloquial", ["1.004335"]),
    ("can bo xa lam sai gay thiet hai cho nha toi, doi boi thuong nha nuoc the nao", ["steps"], "colloquial", ["2.002165", "2.002192"]),
    ("nha ngheo bi cuong che thi hanh an, xin mien giam chi phi cuong che", ["overview"], "colloquial", ["1.002520"]),
    # --- building, streets, trees, planning
    ("cay xa cu truoc nha sap do, xin phep chat ha cay xanh o dau", ["where"], "colloquial", ["1.002693"]),
    ("xin giấy phép chặt cây xanh trên vỉa hè cần giấy tờ gì", ["documents"], "plain", ["1.002693"]),
    ("nha co dam cuoi muon dung rap tren via he 2 ngay, xin phep o dau", ["where"], "colloquial", ["1.013274"]),
    ("sử dụng tạm thời lòng đường để tập kết vật liệu xây nhà có mất phí không", ["fee"], "plain", ["1.013274"]),
    ("mua dat muon biet dat co nam trong quy hoach ko thi xin thong tin quy hoach o dau", ["where"], "colloquial", ["1.014159"]),
    ("cung cấp thông tin quy hoạch mất mấy ngày", ["time"], "plain", ["1.014159"]),
    ("da co giay phep xay nha roi nhung muon doi thiet ke them 1 tang, xin dieu chinh giay phep", ["overview"], "colloquial", ["1.013226"]),
    ("chung cu moi bau ban quan tri, xin xa cong nhan the nao", ["steps"], "colloquial", ["1.012888"]),
    ("xay nha cap 4 o nong thon co phai xin giay phep xay dung ko", ["overview"], "colloquial", ["1.013225"]),
    ("nha bi sat lo phai di cho khac, xin giay phep xay nha moi can gi", ["documents"], "colloquial", ["1.013225"]),
    # --- land
    ("ban manh dat cho hang xom, sang ten so do ben mua can giay to gi", ["documents"], "colloquial", ["1.013831"]),
    ("anh em góp tiền mua chung mảnh đất, đăng ký sang tên sổ đỏ hết bao nhiêu tiền", ["fee"], "plain", ["1.013831"]),
    ("bo cho dat con gai lam nha, lam so tang cho mat bao lau", ["time"], "colloquial", ["1.013831"]),
    ("doi dat ruong cho nha ben canh cho gan nha, dang ky bien dong the nao", ["steps"], "colloquial", ["1.013831"]),
    ("so do cap nam 1998, dien tich dat o ghi it hon thuc te, xin xac dinh lai dien tich dat o", ["overview"], "colloquial", ["1.012817"]),
    ("quyết định giao đất ghi sai vị trí thửa, xin điều chỉnh quyết định", ["overview"], "plain", ["1.013953"]),
    ("so do cu bi ban tay, rach mep, xin doi so moi mat bao nhieu tien", ["fee"], "colloquial", ["1.012783"]),
    ("bão làm sập nhà cháy mất sổ đỏ, xin cấp lại ở đâu", ["where"], "plain", ["1.012786"]),
    ("nha duoc giao dat rung tu lau, gio muon xa giao rung luon cho ho gia dinh", ["overview"], "colloquial", ["1.014832", "1.014839"]),
    ("lu cuon troi het lua, xin mien thue su dung dat nong nghiep nam nay", ["overview"], "colloquial", ["1.008584"]),
    ("thue dat cua xa lam trang trai, khai tien thue dat hang nam o dau", ["where"], "colloquial", ["1.011006"]),
    ("muon dao ao nuoi ca tren dat nha thi co phai dang ky ko", ["overview"], "colloquial", ["2.002835"]),
    ("khoan gieng lay nuoc sinh hoat cho ca xom, dang ky khai thac nuoc duoi dat o xa", ["overview"], "colloquial", ["1.001662"]),
    ("đăng ký khai thác nước dưới đất cần nộp những gì", ["documents"], "plain", ["1.001662"]),
    # --- forestry and farming
    ("rung keo nha trong den tuoi khai thac, xin phe duyet phuong an khai thac go o xa", ["overview"], "colloquial", ["1.011471"]),
    ("khai thác gỗ rừng trồng của hộ gia đình có phải xin phép không, thủ tục thế nào", ["steps"], "plain", ["1.011471"]),
    ("trong sa nhan duoi tan rung, xin phe duyet phuong an trong cay duoc lieu", ["overview"], "colloquial", ["3.000502"]),
    ("muon phoi giong bo bang thu tinh nhan tao dc nha nuoc ho tro tien tinh ko", ["overview"], "colloquial", ["1.012836"]),
    ("ho tro vat tu phoi giong nhan tao cho trau bo nop ho so o dau", ["where"], "colloquial", ["1.012836"]),
    ("hop tac xa lien ket voi ba con trong na, xin ho tro du an lien ket cap xa", ["overview"], "colloquial", ["1.003434"]),
    ("vuon cay na giong tot, muon dc cong nhan cay dau dong de ban giong", ["overview"], "colloquial", ["1.008003"]),
    ("lon bi chet vi dich, xin tieu huy va ho tro thiet hai", ["overview"], "colloquial", ["1.013997"]),
    # --- vehicles and driving
    ("bang lai bi tru het 12 diem, dang ky kiem tra lai kien thuc phap luat giao thong the nao", ["steps"], "colloquial", ["1.013211"]),
    ("xe tai cua nha nam xuong sua hon 1 thang, xin xac nhan tam dung de khong dong phi duong bo", ["overview"], "colloquial", ["3.000252"]),
    ("xe máy mua của người ta đã qua 3 đời chủ, giờ sang tên chính chủ cần giấy gì", ["documents"], "plain", ["1.013076"]),
    ("bien so xe may bi mo het so, xin cap lai bien", ["overview"], "colloquial", ["1.013080"]),
    ("bằng lái xe máy bị rách nát, đổi bằng mới mất bao nhiêu tiền", ["fee"], "plain", ["3.000348"]),
    ("ban o to cho nguoi o tinh khac, chu cu phai lam thu tuc thu hoi dang ky va bien so truoc", ["overview"], "colloquial", ["1.013065", "1.013123"]),
    # --- residence and civil status (new situations)
    ("bo me gia ve o han voi vo chong toi, dang ky thuong tru cho bo me vao nha toi can giay gi", ["documents"], "colloquial", ["1.004222"]),
    ("nha cho sinh vien thue tro, chu nha phai bao luu tru cho cac chau o dau", ["where"], "colloquial", ["2.001159"]),
    ("het han tam tru o thanh pho roi ma van o tiep, xin gia han", ["overview"], "colloquial", ["1.002755"]),
    ("mẹ đi làm ở Bắc Ninh về hẳn, xóa tạm trú ở đó có cần về tận nơi không", ["overview"], "plain", ["1.010028"]),
    ("ong ba ket hon tu thoi bao cap ko co giay, gio dang ky ket hon lai dc ko", ["overview"], "colloquial", ["1.000894"]),
    ("khai sinh cua bo mat ca ban chinh va so goc o xa, xin dang ky lai khai sinh", ["overview"], "colloquial", ["1.004884"]),
    ("giay chung tu cua ong bi mat, so o xa cung mat, dang ky lai khai tu", ["overview"], "colloquial", ["1.005461"]),
    ("con riêng của vợ muốn nhận tôi làm cha nuôi, đăng ký con nuôi ở xã cần gì", ["documents"], "plain", ["2.001263"]),
    ("xin trich luc khai tu ban sao de lam thu tuc thua ke", ["overview"], "colloquial", ["2.000635"]),
    ("chị tôi lấy chồng, giấy xác nhận tình trạng hôn nhân xin ở đâu, mất bao lâu", ["where", "time"], "multi", ["1.004873"]),
    # --- two questions at once
    ("tich hop bang lai vao can cuoc lam o dau, mat may ngay", ["where", "time"], "multi", ["1.014060"]),
    ("dieu chinh so bhxh can giay gi va bao lau xong", ["documents", "time"], "multi", ["1.002759"]),
    ("đăng ký thế chấp sổ đỏ cần giấy tờ gì, mất bao nhiêu tiền", ["documents", "fee"], "multi", ["1.011441"]),
    ("chung thuc hop dong mua ban dat nop o dau, het bn tien", ["where", "fee"], "multi", ["2.001035"]),
    ("xin chat cay xanh mat bao lau, co mat phi ko", ["time", "fee"], "multi", ["1.002693"]),
    ("lap to hop tac can giay to gi va nop o dau", ["documents", "where"], "multi", ["2.002637"]),
    ("sang ten so do khi mua dat can giay gi, bao lau thi xong", ["documents", "time"], "multi", ["1.013831"]),
    ("xin tien mai tang phi cho bo can giay to gi, nop o dau", ["documents", "where"], "multi", ["2.000821"]),
    ("khai sinh cho con lai trung quoc o xa bien gioi mat bao lau, co mat tien ko", ["time", "fee"], "multi", ["1.000110", "2.000528"]),
    ("khai thac go rung trong can ho so gi va bao lau duoc duyet", ["documents", "time"], "multi", ["1.011471"]),
]

# Off-topic: advice and judgement, private services, chit-chat, other provinces' affairs, general
# knowledge, health and schools (the catalog has none), prices, technology help.
OFF_TOPIC: list[str] = [
    "co nen dau tu dat nen o khu do thi moi ko",
    "vay tin chap ngan hang nao lai thap nhat",
    "mua bao hiem xe may o dau re nhat",
    "dich vu lam so do tron goi het bao nhieu",
    "thue luat su ly hon o lang son gia bao nhieu",
    "sửa mái tôn bị dột gọi thợ nào",
    "chup anh the lam can cuoc o dau dep",
    "in anh mau gan ubnd xa o dau",
    "nap tien dien thoai bi loi thi lam sao",
    "cai vneid tren dien thoai bi treo thi go ra cai lai the nao",
    "quen mat khau facebook lay lai the nao",
    "tai zalo ve may tinh nhu the nao",
    "tối nay ăn gì ngon",
    "em oi cho anh hoi may gio roi",
    "ban la nguoi that hay may",
    "hat cho anh mot bai di",
    "nha tho da lang son cach ha noi bao xa",
    "cho ky lua mo cua may gio",
    "xe khach lang son di mong cai co chuyen nao",
    "tỉnh cao bằng có bao nhiêu huyện",
    "giai bai toan lop 5 tim x biet x cong 5 bang 12",
    "tre bi sot 39 do cho uong gi",
    "kham thai o benh vien nao tot",
    "bao gio thi cong bo diem thi vao lop 10",
    "dang ky hoc mam non cho con o truong nao gan",
    "gia phan ure hom nay bao nhieu",
    "gia lon hoi o lang son tuan nay",
    "mua ban dat o huu lung gia the nao",
    "cho thue nha nguyen can o thanh pho lang son",
    "con toi nghien game phai lam sao",
    "vo chong hay cai nhau thi lam the nao",
    "ly hon thi chia tai san the nao cho cong bang",
    "tu vi nam nay tuoi dan co tot ko",
    "xem ngay tot de lam nha",
    "lam giay phep lai xe gia o dau",
]
