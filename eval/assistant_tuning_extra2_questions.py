# ruff: noqa: E501  (one question per line reads best)
"""Tuning questions written on 2026-11-30 (session 4) before the general fixes they led to.

Procedures drawn at random (seeded) from the commune / province level of the real catalog,
across land, construction, household business, civil status, residence, identity, social
assistance, insurance, vehicles, justice, agriculture and tax; phrased the way people type on
phones (no diacritics, typos, "ko", "dc", "cccd", "bn tiền", situations instead of procedure
names, two questions at once). `bench/assistant.py --build-tuning-extra2` appends them, with key
facts copied from the catalog, to eval/assistant_tuning_extra.jsonl (split "tuning_extra").
These are tuning questions: they were looked at one by one. Nine more were written on procedures
that a held-out part also uses (the random draw met them); they were removed, so that the held-out
parts stay about procedures nobody tuned on (checked by
test_second_heldout_set_has_60_questions_on_procedures_no_other_part_uses for held-out 2).
"""

# (question, intents, difficulty, accepted codes)
QUESTIONS: list[tuple[str, list[str], str, list[str]]] = [
    # household business
    ("doi ten ho kinh doanh can giay to gi", ["documents"], "colloquial", ["2.000720"]),
    ("e muon dong cua tiem tap hoa luon ko ban nua thi phai lam gi", ["overview"], "colloquial", ["1.001266"]),
    ("mo quan com nho dang ky ho kinh doanh het bn tien", ["fee"], "colloquial", ["1.001612"]),
    ("ho kinh doanh mo them 1 diem ban hang nua thi thong bao o dau", ["where"], "colloquial", ["1.009824"]),
    ("muốn chuyển hộ kinh doanh lên thành công ty thì phải làm sao", ["overview"], "colloquial", ["2.001999"]),
    ("nop ho so dang ky ho kinh doanh roi gio muon huy ko dang ky nua", ["overview"], "colloquial", ["1.014035"]),
    ("thay đổi địa chỉ cửa hàng trên giấy đăng ký hộ kinh doanh cần những gì", ["documents"], "plain", ["2.000720"]),
    # civil status
    ("giay khai sinh ban goc bi chay mat roi, so cung ko con, lam lai the nao", ["steps"], "colloquial", ["1.004884"]),
    ("con sinh ra lúc chưa đăng ký kết hôn, bố muốn nhận con và làm khai sinh luôn thì cần giấy tờ gì", ["documents"], "colloquial", ["1.000689"]),
    ("ong noi em mat tuan truoc, khai tu mat may ngay", ["time"], "colloquial", ["1.000656"]),
    ("ten trong giay khai sinh bi viet sai dau, muon sua lai thi nop o dau", ["where"], "colloquial", ["1.004859"]),
    ("xin giấy xác nhận thông tin hộ tịch có mất tiền không", ["fee"], "plain", ["2.002516"]),
    ("ba em nam liet giuong ko di dc, dang ky ket hon luu dong tai nha thi lam sao", ["steps"], "colloquial", ["1.000593"]),
    ("minh da ket hon o han quoc roi gio ve vn ghi vao so ho tich can nhung gi", ["documents"], "colloquial", ["2.002189"]),
    ("bố mẹ cháu mất hết, tôi là bác ruột muốn làm người giám hộ cho cháu thì nộp ở đâu", ["where"], "colloquial", ["1.004837"]),
    ("vo chong em hiem muon muon nhan nuoi 1 be o chua thi can nhung giay to gi", ["documents"], "colloquial", ["2.001263"]),
    ("dang ky giam sat viec giam ho het bao lau", ["time"], "colloquial", ["3.000323"]),
    ("xin ban sao giay khai sinh de nop ho so nhap hoc mat bn tien", ["fee"], "colloquial", ["2.000635"]),
    ("muon doi ho cho con theo ho me thi lam the nao", ["steps"], "colloquial", ["1.004859"]),
    # residence
    ("sinh viên thuê trọ đăng ký tạm trú online được không", ["where"], "colloquial", ["1.004194"]),
    ("mua nha moi muon chuyen ho khau ve nha moi can gi", ["documents"], "colloquial", ["1.004222"]),
    ("tra phong tro ve que roi co can huy tam tru ko", ["overview"], "colloquial", ["1.010028"]),
    ("tam tru sap het han thi gia han o dau", ["where"], "colloquial", ["1.002755"]),
    ("nhà em sống trên ghe, xin xác nhận nơi thường xuyên đậu ghe để đăng ký cư trú ở đâu", ["where"], "colloquial", ["1.013313"]),
    ("nhà không có giấy tờ, không đủ điều kiện đăng ký thường trú thì khai báo cư trú thế nào", ["steps"], "colloquial", ["1.010040"]),
    # identity
    ("con em vua du 14 tuoi lam can cuoc lan dau mat bao lau", ["time"], "colloquial", ["1.014061"]),
    ("danh rot mat cccd roi lam lai het bn tien", ["fee"], "colloquial", ["1.014064"]),
    ("tai khoan dinh danh dien tu bi khoa, mo khoa lai lam sao", ["steps"], "colloquial", ["3.000275", "3.000277"]),
    # land
    ("nha bi chay mat so do roi xin cap lai can giay to gi", ["documents"], "colloquial", ["1.012786"]),
    ("sổ đỏ ghi sai tên chủ đất, đính chính lại mất bao lâu", ["time"], "colloquial", ["1.012796", "1.012790"]),
    ("hang xom lan sang dat nha toi 1 met, muon xa giai quyet tranh chap thi nop don o dau", ["where"], "colloquial", ["1.013967"]),
    ("doi sang cccd moi thi thay doi thong tin nguoi su dung dat tren so do the nao", ["steps"], "colloquial", ["1.013833"]),
    ("đo đạc lại thấy đất rộng hơn trong sổ, xin cấp giấy chứng nhận cho phần diện tích tăng thêm cần gì", ["documents"], "colloquial", ["1.012781"]),
    ("chuyển đất trồng lúa sang trồng cây lâu năm không phải xin phép thì đăng ký biến động thế nào", ["steps"], "plain", ["1.013992"]),
    ("duoc cap dat tai dinh cu nhung chua du tien, xin ghi no tien su dung dat dc ko", ["overview"], "colloquial", ["1.012995"]),
    ("tra het no ngan hang roi, xoa the chap so do o dau", ["where"], "colloquial", ["1.011443"]),
    # construction
    ("giay phep xay nha sap het han ma chua khoi cong, gia han the nao", ["steps"], "colloquial", ["1.013227"]),
    ("lam mat giay phep xay dung nha o xin cap lai mat phi bao nhieu", ["fee"], "colloquial", ["1.013228"]),
    ("chung chi hanh nghe xay dung bi mat, cap lai can gi", ["documents"], "colloquial", ["1.013217"]),
    # social assistance, housing
    ("nha em kho khan muon dc xet ho ngheo thi lam don o dau", ["where"], "colloquial", ["1.011606"]),
    ("xác nhận người có thu nhập thấp để mua nhà ở xã hội cần giấy tờ gì", ["documents"], "plain", ["3.000412"]),
    ("muon dang ky mua nha o xa hoi thi nop ho so o dau", ["where"], "colloquial", ["1.014632"]),
    ("em trong to bao ve an ninh trat tu o co so bi tai nan khi lam nhiem vu, chua co bhyt thi dc ho tro gi", ["overview"], "colloquial", ["1.012537"]),
    # insurance
    ("nghi viec 1 nam roi muon rut bhxh 1 lan mat bao lau moi co tien", ["time"], "colloquial", ["1.001613"]),
    ("sinh xong đi làm lại vẫn còn yếu, xin nghỉ dưỡng sức phục hồi sức khỏe sau thai sản thì làm gì", ["overview"], "colloquial", ["1.001598"]),
    ("mua bao hiem y te cho ca nha, nguoi chi tham gia bhyt dang ky o dau", ["where"], "colloquial", ["1.001939"]),
    ("the bhyt bi mat xin lai the moi co mat tien ko", ["fee"], "colloquial", ["1.001294"]),
    ("thẻ bảo hiểm y tế bị rách, đổi thẻ mới cần những gì", ["documents"], "plain", ["1.002438"]),
    ("me gia yeu ko di lanh luong huu dc, em lanh thay cho me thi lam giay uy quyen the nao", ["steps"], "colloquial", ["1.001601"]),
    ("ve que song muon chuyen noi nhan luong huu sang tinh khac", ["overview"], "colloquial", ["1.001742"]),
    ("công nhân bị tai nạn lao động lần đầu hưởng chế độ cần những gì", ["documents"], "plain", ["1.001632"]),
    ("cong ty moi thanh lap dang ky dong bhxh cho nhan vien, cap so bhxh nop o dau", ["where"], "colloquial", ["1.002051"]),
    # driving, vehicles
    ("bang lai xe bi mat, cap lai mat bao lau", ["time"], "colloquial", ["3.000348"]),
    ("mua lai xe may cu cua nguoi quen, sang ten chinh chu het bn tien", ["fee"], "colloquial", ["1.013076"]),
    ("xe hu nat ko dung nua muon nop lai giay dang ky va bien so", ["overview"], "colloquial", ["1.013123"]),
    ("xe mới mua chưa có biển, đăng ký xe tạm thời để chạy về quê thì làm ở đâu", ["where"], "colloquial", ["1.013086"]),
    ("mua xe may moi lap rap trong nuoc dang ky lan dau online toan trinh dc ko", ["where"], "colloquial", ["1.012575"]),
    # justice
    ("xin phieu ly lich tu phap de xin viec can nhung giay to gi", ["documents"], "colloquial", ["3.000333"]),
    ("photo cong chung bang tot nghiep o xa mat bao nhieu tien", ["fee"], "colloquial", ["2.000815"]),
    ("chung thuc chu ky tren giay uy quyen o dau", ["where"], "colloquial", ["2.000884"]),
    ("hop dong tang cho da chung thuc o xa gio hai ben muon huy bo thi lam the nao", ["steps"], "colloquial", ["2.000913"]),
    ("hoa giai vien xin thanh toan thu lao thi ho so gom gi", ["documents"], "colloquial", ["2.002080"]),
    ("không hài lòng với người trợ giúp pháp lý, muốn khiếu nại thì nộp đơn ở đâu", ["where"], "plain", ["2.000592"]),
    ("muon to cao can bo cong an xa nhan hoi lo thi nop don o dau", ["where"], "colloquial", ["1.004327"]),
    # agriculture, fisheries, tax
    ("nha nuoi heo trong khu dan cu phai chuyen nghe, dc ho tro kinh phi dao tao ko", ["overview"], "colloquial", ["1.012837"]),
    ("không nuôi cá lồng trên biển nữa, muốn trả lại khu vực biển thì làm sao", ["steps"], "colloquial", ["3.000441"]),
    ("ao nuoi tom xin giay chung nhan co so du dieu kien nuoi trong thuy san mat bao lau", ["time"], "colloquial", ["1.004913"]),
    ("to nhom nong dan xin ho tro phat trien san xuat cong dong can ho so gi", ["documents"], "colloquial", ["3.000285", "1.014208", "3.000284", "3.000224", "1.014023"]),
    ("no thue chua co tien dong 1 lan, xin nop dan tien thue no dc ko", ["overview"], "colloquial", ["1.008588"]),
    ("ho kinh doanh khai thue o dau, nop online dc ko", ["where"], "colloquial", ["1.011022"]),
    # two questions at once
    ("nhap khau ve nha chong can giay to gi va bao lau thi xong", ["documents", "time"], "multi", ["1.004222"]),
    ("dep tiem tap hoa roi, cham dut ho kinh doanh can gi, co mat phi ko", ["documents", "fee"], "multi", ["1.001266"]),
    ("bà ngoại mất ở nhà, làm giấy chứng tử cần mang gì, mấy ngày có", ["documents", "time"], "multi", ["1.000656"]),
    ("nhan con nuoi la chau ruot thi nop o dau va het bao nhieu tien", ["where", "fee"], "multi", ["2.001263"]),
    ("sổ đỏ bị mất xin cấp lại nộp ở đâu, bao lâu có", ["where", "time"], "multi", ["1.012786"]),
]

OFF_TOPIC: list[str] = [
    "gia xang hom nay bn",
    "cach lam banh chung",
    "doi nao vo dich world cup 2022",
    "tu vi tuoi dan nam nay",
    "shopee giao hang mat bao lau",
    "lai suat gui tiet kiem ngan hang nao cao nhat",
    "bệnh viện nào khám nhi tốt",
    "cach doi mat khau facebook",
    "xe may bi thung lop gan day co cho va ko",
    "hoc tieng anh o dau tot",
]
