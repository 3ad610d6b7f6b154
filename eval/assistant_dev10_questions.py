# ruff: noqa: E501  (one question per line reads best)
"""Development questions of session 10 (issue #14), written on 2026-12-01 BEFORE any code change of
that session, in the voice of citizens, farmers and commune officers of Lạng Sơn: mostly without
diacritics, phone typing ("ko", "dc", "j", "bn"), typos, a situation told instead of the
procedure's name, some two questions at once.

Four parts, each written in the order given:
- A. DRAWN among the commune-level procedures (`cap_thuc_hien` naming "Cấp xã") of the fields in
  `FIELDS` that no earlier VISIBLE set accepts (eval/assistant.jsonl, assistant_tuning_extra,
  assistant_dev_offtopic, assistant_dev7, assistant_dev8, assistant_dev9, assistant_heldout2 — the
  sealed sets were not opened), sorted by code and shuffled with `random.Random(DRAW_SEED)`; all of
  the draw was written, skipping only what is no procedure for Lạng Sơn (the Hà Tĩnh province's
  "Công bố Danh mục…" announcements, the Việt Nam–Lào border pass, the ABTC report "at district
  level" — there are no districts since 2025, a sea fishing port, a Ministry-only emergency order).
- B. The same draw among the province-level procedures (without "Cấp xã"), the first 52 of its
  order, with the same skips (a Việt Nam–Lào bus line, announcements).
- C. Because part A shows that the unused commune-level pool holds almost no everyday procedure
  any more, a seeded draw (`EVERYDAY_SEED`) among ALL commune-level procedures of the everyday
  fields `EVERYDAY_FIELDS` (civil status, certification, residence, land, social insurance,
  people with merits, vehicles, household businesses, building, poverty, mediation...), used by
  earlier sets or not: the procedure may be known, the phrasing is new. The first 70 of the draw,
  skipping the ones already asked in parts A/B and a few near-duplicates.
- D. Everyday situations session 10's brief names (a death in the family, "sang tên sổ đỏ", a bare
  "sang tên", a birth with the child's health insurance, marriage, a house to build, elderly and
  funeral allowance), CHOSEN, not drawn, written before any measurement.

Expected codes were looked up in the real catalog (/work/shared/data/catalog) by name before any
measurement; every code that answers the question is accepted (commune and province variants,
the online and counter variants of one procedure, the same-named copies). Nothing here was chosen
by running the assistant or the search.

The questions are split in two halves by `eval/assistant_dev_halves.halves` with `SEED`:
`dev10_tune` (tuned on) and `dev10_check` (measured only as an aggregate). `bench/assistant.py
--build-dev10` writes eval/assistant_dev10.jsonl with key facts copied from the catalog.
"""

SEED = 20261201_10
DRAW_SEED = 20261201_10
EVERYDAY_SEED = 20261201_102

FIELDS = (
    "Hộ tịch", "Cấp, quản lý căn cước", "Người có công", "Chính sách", "Thực hiện chính sách BHXH",
    "Thực hiện chính sách BHYT", "Đất đai", "Tài chính đất đai", "Thủy lợi", "Lâm nghiệp", "Kiểm lâm",
    "Trồng trọt", "Trồng trọt và Bảo vệ thực vật", "Chăn nuôi", "Thú y", "Nông nghiệp",
    "Kinh tế hợp tác và Phát triển nông thôn",
    "Thành lập và hoạt động của tổ hợp tác, hợp tác xã, liên hiệp hợp tác xã",
    "Hỗ trợ tổ hợp tác, hợp tác xã, liên hiệp hợp tác xã", "Nhà ở và công sở", "Hoạt động xây dựng",
    "Quy hoạch đô thị và nông thôn", "Hạ tầng kỹ thuật", "Nuôi con nuôi", "Quốc tịch", "Lý lịch tư pháp",
    "Trợ giúp pháp lý", "Thi hành án dân sự", "Bồi thường nhà nước", "Khiếu nại, tố cáo", "Tòa án",
    "Quản lý xuất nhập cảnh", "Sát hạch, cấp giấy phép lái xe", "Đăng kiểm", "Tài nguyên nước", "Môi trường",
    "Phòng cháy, chữa cháy", "Tổ chức cai nghiên ma túy và quản lý sau cai nghiện", "Quản lý công sản",
    "Quản lý chương trình mục tiêu quốc gia", "Quản lý Đê điều và Phòng, chống thiên tai",
    "Đăng ký biện pháp bảo đảm", "Bảo đảm trật tự, an toàn giao thông đường bộ",
    # added in session 10: fields a citizen, a farm or a small business of the province deals with
    "Công chứng", "Đường bộ", "Thủy sản", "Kinh doanh bất động sản", "Đấu giá tài sản",
    "Quản lý chất lượng nông lâm sản và thủy sản", "Địa chất và khoáng sản",
    "Thành lập và hoạt động của doanh nghiệp", "Quản lý vũ khí, vật liệu nổ, công cụ hỗ trợ và pháo",
    "Bảo tồn thiên nhiên và Đa dạng sinh học",
)

EVERYDAY_FIELDS = (
    "Hộ tịch", "Chứng thực", "Đăng ký, quản lý cư trú", "Đất đai", "Tài chính đất đai",
    "Thực hiện chính sách BHXH", "Chi trả các chế độ BHXH", "Cấp sổ BHXH, thẻ BHYT",
    "Thu BHXH, BHYT, BHTN, BH tai nạn lao động, BNN", "Thực hiện chính sách BHYT", "Người có công",
    "Chính sách", "Đăng ký, quản lý phương tiện giao thông cơ giới, xe máy chuyên dùng",
    "Thành lập và hoạt động doanh nghiệp (hộ kinh doanh)", "Hoạt động xây dựng", "Nhà ở và công sở",
    "Nông nghiệp", "Chăn nuôi", "Thú y", "Trồng trọt", "Lâm nghiệp", "Giảm nghèo", "Hòa giải ở cơ sở",
    "Cấp, quản lý căn cước", "Sát hạch, cấp giấy phép lái xe", "Nuôi con nuôi", "Bồi thường nhà nước",
    "Khiếu nại, tố cáo", "Đăng ký biện pháp bảo đảm",
)

_COMMUNITY = ["3.000286", "1.014208", "3.000272", "3.000224", "3.000332", "3.000274", "2.001709", "3.000284", "3.000285"]

# (question, intents, difficulty, accepted codes)
QUESTIONS: list[tuple[str, list[str], str, list[str]]] = [
    # ---- A: commune-level draw
    ("nha dau tu tu lap quy hoach chi tiet khu dan cu moi o xa, xin phe duyet quy hoach do thi lam the nao", ["steps"], "colloquial", ["1.014158"]),
    ("so do cap lan dau bi ghi sai dien tich, chinh toi phat hien ra, gio thu hoi roi cap lai so the nao", ["steps"], "colloquial", ["1.012818", "1.012791"]),
    ("giay phep trong cay an qua lau nam tren bo kenh thuy loi cua xa sap het han, xin gia han o dau", ["where"], "colloquial", ["1.014864"]),
    ("xa lam duong phai no min pha da gan dap thuy loi thi xin giay phep no min o dau", ["where"], "colloquial", ["1.014852"]),
    ("chau toi bo me mat het, nguoi nhan giam ho la bac ruot ben trung quoc, dang ky giam ho can giay to gi", ["documents"], "colloquial", ["1.001669"]),
    ("muon trong keo trong hanh lang bao ve ho thuy loi cua xa thi co phai xin giay phep ko", ["overview"], "colloquial", ["1.014860"]),
    ("to cong dong quan ly khu bao ve ca tren suoi muon sua doi quyet dinh giao quyen quan ly thi lam sao", ["steps"], "colloquial", ["1.004498"]),
    ("htx dong cua diem ban hang o xa ben, cham dut hoat dong dia diem kinh doanh can giay to gi", ["documents"], "colloquial", ["1.005010"]),
    ("nha toi bi thu hoi dat lam duong, tien boi thuong co duoc tru vao tien su dung dat o khu tai dinh cu ko", ["overview"], "colloquial", ["1.012994"]),
    ("xa quyet toan tien cap quyen khai thac khoang san cat soi thi thu tuc nhu the nao", ["steps"], "colloquial", ["1.014259"]),
    ("mua lu lam sat bo dap, xa lap phuong an ung pho tinh huong khan cap thi phe duyet ra sao", ["steps"], "colloquial", ["1.003440"]),
    ("quán karaoke bị đình chỉ vì không đảm bảo phòng cháy, sửa xong rồi muốn phục hồi hoạt động thì nộp ở đâu", ["where"], "plain", ["3.000494"]),
    ("tính lại tiền sử dụng đất theo Nghị định 50/2026 thì cần hồ sơ gì", ["documents"], "plain", ["1.115148"]),
    ("htx khai gian thong tin luc dang ky, xa de nghi thu hoi giay chung nhan dang ky htx the nao", ["steps"], "colloquial", ["2.002636"]),
    ("htx muon bo sung so dien thoai email vao ho so dang ky thi thong bao o dau", ["where"], "colloquial", ["2.002649"]),
    ("doanh nhan o xa bi mat the ABTC khi di cong tac thi trinh bao o dau", ["where"], "colloquial", ["1.011728", "1.011727", "1.011726"]),
    ("dao ao nuoi ca thu duoc nhieu cat, muon dang ky thu hoi cat de ban thi xa xac nhan the nao", ["steps"], "colloquial", ["1.014258"]),
    ("con toi co bo nguoi trung quoc, giay khai sinh ghi sai dan toc, muon xac dinh lai dan toc thi lam o dau", ["where"], "colloquial", ["2.000748", "1.004859"]),
    ("dap dang thi cong ma sap vao mua lu, phuong an ung pho thien tai cho vung ha du xa phe duyet can gi", ["documents"], "colloquial", ["1.003446"]),
    ("nhà đầu tư lập nhiệm vụ quy hoạch chi tiết dự án, xã thẩm định nhiệm vụ quy hoạch mất bao lâu", ["time"], "plain", ["1.014155"]),
    ("chau da du 18 tuoi, nguoi giam ho la chu o nuoc ngoai, muon cham dut giam ho thi lam the nao", ["steps"], "colloquial", ["2.000756", "1.004845"]),
    ("trai nuoi ca tam cua toi can xac nhan nguon goc loai thuy san cites tu nuoi trong de ban, lam o dau", ["where"], "colloquial", ["1.004680"]),
    ("gia dinh toi thue nha cong cu cua nha nuoc het han hop dong, muon ky lai hop dong thue can gi", ["documents"], "colloquial", ["1.012898"]),
    ("nha toi o nha tap the cu cua nha nuoc tu thoi bao cap ma chua co hop dong thue, gio lam hop dong the nao", ["steps"], "colloquial", ["1.012892"]),
    ("htx muon mo them cua hang ban nong san o xa khac thi thong bao dia diem kinh doanh the nao", ["steps"], "colloquial", ["2.002123"]),
    ("xa xay truong hoc, tham dinh thiet ke ban ve thi cong sau thiet ke co so o dau", ["where"], "colloquial", ["1.013234", "1.013218"]),
    ("toi bi tai nan lao dong lan hai, lan truoc da huong che do roi, gio giai quyet the nao", ["steps"], "colloquial", ["1.001643"]),
    ("muon dung bien quang cao canh quoc lo doan qua xa thi xin chap thuan o dau", ["where"], "colloquial", ["2.001921"]),
    ("to hop tac trong hoi muon lam du an lien ket chuoi gia tri voi cong ty de xin ho tro thi nop o dau", ["where"], "colloquial", ["1.014736"]),
    ("vo toi nguoi trung quoc, con sinh o benh vien huyen co giay chung sinh roi, dang ky khai sinh can gi", ["documents"], "colloquial", ["1.000893", "1.000110", "2.000528"]),
    ("bo toi dung ten thue nha cong cu, bo mat roi toi muon dung ten thue tiep thi lam sao", ["steps"], "colloquial", ["1.012897"]),
    ("xa muon cho doanh nghiep nhan chuyen nhuong co thoi han quyen khai thac cong vien, phe duyet de an can gi", ["documents"], "colloquial", ["6.006597"]),
    ("thon muon lap to cong dong quan ly doan suoi bao ve ca, xin cong nhan va giao quyen quan ly", ["overview"], "colloquial", ["1.003956"]),
    ("nha toi mo cua hang vat lieu canh duong, muon lam loi ra tam vao duong thi xin dau noi tam o dau", ["where"], "colloquial", ["1.000314"]),
    ("htx dang ky nhu cau ho tro cua nha nuoc ve dao tao, xuc tien thuong mai thi lam the nao", ["steps"], "colloquial", ["2.002668"]),
    ("quy hoach chi tiet do nha dau tu lap xong roi thi tham dinh quy hoach mat bao lau", ["time"], "colloquial", ["1.014157"]),
    ("ho chua nuoc nho cua xa can phe duyet quy trinh van hanh va cong bo cong khai thi can gi", ["documents"], "colloquial", ["1.003347"]),
    ("xa co nhieu ho ngheo nha dot nat, de an ho tro nha o cho ho ngheo duoc phe duyet the nao", ["steps"], "colloquial", ["6.001435"]),
    ("bat duoc con rua quy ngoai tu nhien, muon xac nhan nguon goc loai thuy san quy hiem thi nop ho so o dau", ["where"], "colloquial", ["1.004656"]),
    ("du an nha may canh xa gui van ban xin y kien tham van danh gia tac dong moi truong, xa lam the nao", ["steps"], "colloquial", ["1.010736"]),
    ("muon tha ca long trong ho thuy loi cua xa thi xin giay phep nuoi trong thuy san can gi", ["documents"], "colloquial", ["1.014862"]),
    ("cong ty muon nhan chuyen nhuong dat cua dan de lam du an trang trai thi thu tuc o xa the nao", ["steps"], "colloquial", ["1.014275", "1.013945"]),
    ("cay xanh cong vien cua xa bi bao do, xu ly tai san ket cau ha tang cong vien the nao", ["steps"], "colloquial", ["6.006595"]),
    ("giay phep to chuc du lich cheo thuyen tren ho thuy loi sap het han, gia han can giay to gi", ["documents"], "colloquial", ["1.014863"]),
    ("phuong an bao ve cong trinh thuy loi nho cua xa thi chu tich xa phe duyet mat bao lau", ["time"], "colloquial", ["1.014848"]),
    ("giay dang ky htx ghi sai ten giam doc so voi ho so, muon hieu dinh thong tin thi lam the nao", ["steps"], "colloquial", ["2.002648"]),
    ("me toi truoc huong tro cap mat suc lao dong roi bi dung, nghe noi dc huong lai theo quyet dinh 613, ho so gom gi", ["documents"], "colloquial", ["2.000762"]),
    ("phong kham tu nhan cua toi muon ky hop dong kham chua benh bhyt thi lam o dau", ["where"], "colloquial", ["1.001798"]),
    ("thon lam duong ong nuoc di ngang qua duong tinh, xin giay phep thi cong tren duong dang khai thac the nao", ["overview"], "colloquial", ["1.013061"]),
    # ---- B: province-level draw
    ("thuyen phuc vu nuoi ca long cua toi bi mat giay chung nhan dang ky, xin cap lai o dau", ["where"], "colloquial", ["1.003634"]),
    ("ben xe khach moi xay xong muon dua vao khai thac thi cong bo o dau", ["where"], "colloquial", ["1.000660"]),
    ("bo toi la cong an chong my duoi 20 nam cong tac, da thoi viec ve dia phuong, xin huong che do can gi", ["documents"], "colloquial", ["1.003777"]),
    ("muon mo cty chay xe taxi thi xin giay phep kinh doanh van tai bang o to het bao nhieu tien", ["fee"], "colloquial", ["1.000703"]),
    ("ho chua lon do tinh quan ly den ky kiem dinh an toan dap, phe duyet ket qua kiem dinh o dau", ["where"], "colloquial", ["1.003221"]),
    ("toi muon to cao mot chien si cong an tinh nhan tien cua dan thi nop don o dau", ["where"], "colloquial", ["1.003482", "1.004327"]),
    ("muon khai thac lon rung, nhim thong thuong ngoai tu nhien de ban thi xin phe duyet phuong an the nao", ["steps"], "colloquial", ["1.000047"]),
    ("rung keo nha toi trong bang von ho tro cua nha nuoc, muon khai thac go thi xin phe duyet phuong an o dau", ["where"], "colloquial", ["1.011470"]),
    ("muon lam duong nhanh noi vao quoc lo 1A thi xin chap thuan thiet ke nut giao can gi", ["documents"], "colloquial", ["1.001046"]),
    ("cty xuat go sang trung quoc can xac nhan nguon goc go truoc khi xuat khau thi lam the nao", ["steps"], "colloquial", ["3.000159"]),
    ("doanh nghiep tu nhan cua bo toi muon chuyen thanh cong ty tnhh thi can giay to gi", ["documents"], "colloquial", ["2.002032"]),
    ("cắm mốc chỉ giới phạm vi bảo vệ công trình thủy lợi do tỉnh quản lý thì phê duyệt phương án thế nào", ["steps"], "plain", ["2.001804"]),
    ("thay giao day lai xe bi mat giay chung nhan giao vien day thuc hanh, xin cap lai o dau", ["where"], "colloquial", ["1.004993"]),
    ("toi hoc trung cap thu y ra, muon mo quay ban thuoc thu y thi xin chung chi hanh nghe thu y can gi", ["documents"], "colloquial", ["1.004756"]),
    ("nhap thuoc thu y tu trung quoc ve thi kiem tra nha nuoc ve chat luong o dau", ["where"], "colloquial", ["1.003703"]),
    ("giay dang ky kinh doanh cu cua cong ty tu nam 2005, muon doi sang giay chung nhan dang ky doanh nghiep moi", ["steps"], "colloquial", ["2.002017"]),
    ("cty muon lay nuoc suoi lam thuy dien nho thi xin giay phep khai thac nuoc mat o dau", ["where"], "colloquial", ["1.004179", "2.002835"]),
    ("nha thau nuoc ngoai dang thi cong o tinh muon dieu chinh giay phep hoat dong xay dung thi lam sao", ["steps"], "colloquial", ["1.013224"]),
    ("cty khoan gieng lay nuoc ngam cho nha may duoi 5000 m3 ngay dem thi xin giay phep het bao lau", ["time"], "colloquial", ["1.004223"]),
    ("chung chi hanh nghe thu y cua toi bi mat, cap lai het bao nhieu tien", ["fee"], "colloquial", ["1.005319"]),
    ("co so cai nghien tu nguyen cua cty bi thu hoi giay phep hoat dong cai nghien thi theo thu tuc nao", ["overview"], "colloquial", ["3.000523", "3.000366"]),
    ("muon mo van phong cong chung o lang son thi thanh lap the nao", ["steps"], "colloquial", ["1.013834"]),
    ("nguoi tro giup phap ly cho me toi khong nhiet tinh, muon doi nguoi khac thi lam the nao", ["steps"], "colloquial", ["2.001687"]),
    ("công ty TNHH hai thành viên đổi người đại diện theo pháp luật thì đăng ký thay đổi cần gì", ["documents"], "plain", ["2.002011"]),
    ("cty van tai doi dia chi tru so, phai xin cap lai giay phep kinh doanh van tai khong", ["overview"], "colloquial", ["2.002286"]),
    ("bao ve cua cong ty co dui cui dien, khai bao cong cu ho tro o dau", ["where"], "colloquial", ["3.000390"]),
    ("chung chi hanh nghe thu y sap het han, gia han can giay gi", ["documents"], "colloquial", ["2.001064"]),
    ("vợ chồng người nước ngoài nhận con nuôi Việt Nam từ lâu nhưng giấy tờ mất hết, đăng ký lại việc nuôi con nuôi thế nào", ["steps"], "plain", ["1.003179"]),
    ("chong toi nguoi trung quoc lam viec o lang son, xin the tam tru o cong an tinh can gi", ["documents"], "colloquial", ["1.003460"]),
    ("muon mo xuong san xuat thuc an nuoi ca thi xin giay chung nhan du dieu kien o dau", ["where"], "colloquial", ["1.004915"]),
    # ---- C: everyday commune-level draw (known procedures, new phrasing)
    ("toi ly hon ben trung quoc roi, ve viet nam muon ghi viec ly hon vao so ho tich thi lam o dau", ["where"], "colloquial", ["2.000554"]),
    ("nha toi muon xay nha 3 tang o thi tran, xin giay phep xay dung can giay to gi", ["documents"], "colloquial", ["1.013225"]),
    ("xay nha moi tren dat tho cu thi xin phep mat bao lau moi co", ["time"], "colloquial", ["1.013225"]),
    ("cong an xa quat nat dan, toi muon to cao thi gui don o dau", ["where"], "colloquial", ["1.004327", "1.003482"]),
    ("hop dong mua ban xe da chung thuc o xa nhung ghi sai so khung, sua loi sai sot the nao", ["steps"], "colloquial", ["2.000927"]),
    ("vo chong toi cong nhan luong thap chua co nha, muon dang ky mua nha o xa hoi thi lam o dau", ["where"], "colloquial", ["1.014632"]),
    ("ho ngheo muon vay von uu dai de tu sua lai nha thi dang ky o xa can giay gi", ["documents"], "colloquial", ["1.014632"]),
    ("can photo chung thuc bang tot nghiep de nop xin viec, lam o xa mat bao nhieu tien", ["fee"], "colloquial", ["2.000815"]),
    ("thon toi muon lam du an nuoi bo sinh san cong dong de dc nha nuoc ho tro thi lam the nao", ["steps"], "colloquial", _COMMUNITY),
    ("bhxh tinh sai luong huu cua bo toi, muon dieu chinh lai quyet dinh huong thi lam sao", ["steps"], "colloquial", ["1.001710"]),
    ("chong toi o to bao ve an ninh trat tu co so bi tai nan chet khi di tuan, chua dong bhxh, gia dinh dc huong gi", ["overview"], "colloquial", ["1.012538"]),
    ("con om phai nghi lam o nha cham con 1 tuan, cong ty co dong bhxh, lam che do the nao", ["steps"], "colloquial", ["1.001667"]),
    ("cong tac vien dich thuat cua xa dich giay to tieng trung, chung thuc chu ky nguoi dich mat bao nhieu tien", ["fee"], "colloquial", ["2.000992", "2.001008"]),
    ("ba ngoai nguoi trung quoc mat o nha toi ben nay bien gioi, khai tu cho ba o xa can gi", ["documents"], "colloquial", ["1.004827", "1.001766"]),
    ("mua o to moi can chay tam ve nha truoc khi dang ky chinh thuc, xin bien so tam o dau", ["where"], "colloquial", ["1.013083", "1.013086"]),
    ("toi nghi viec o cong ty roi, muon rut bao hiem xa hoi 1 lan thi lam the nao", ["steps"], "colloquial", ["1.001613"]),
    ("can giay xac nhan thong tin ho tich cua minh de lam ho so di xuat khau lao dong, xin o dau", ["where"], "colloquial", ["2.002516"]),
    ("nha co chau ho duoi que len choi ngu lai vai dem thi co phai bao cong an xa ko", ["overview"], "colloquial", ["2.001159"]),
    ("nha cap 4 muon sua lai cai tao nang cap thi xin phep sua chua the nao", ["steps"], "colloquial", ["1.013229"]),
    ("moi mua xe may o dai ly, dang ky xe lan dau qua mang thi lam o dau", ["where"], "colloquial", ["1.012575", "1.013067"]),
    ("thon bau toi lam hoa giai vien, xa cong nhan the nao", ["steps"], "colloquial", ["1.002211"]),
    ("vo toi sinh xong di lam lai ma suc khoe yeu, co dc nghi duong suc phuc hoi suc khoe ko", ["overview"], "colloquial", ["1.001598"]),
    ("ban manh dat cho hang xom, lam hop dong chung thuc o xa can mang gi", ["documents"], "colloquial", ["2.001035"]),
    ("xin chuyen dat vuon sang dat o de xay nha thi lam o dau", ["where"], "colloquial", ["1.013949", "1.013823"]),
    ("bo toi huong luong huu o ha noi, gio ve que lang son song, chuyen noi nhan luong huu the nao", ["steps"], "colloquial", ["1.001742"]),
    ("xe may cu nat muon bo, nop lai dang ky va bien so o dau", ["where"], "colloquial", ["1.013123", "1.013065"]),
    ("toi di lam an ben trung quoc vai thang, co phai khai bao tam vang ko", ["overview"], "colloquial", ["1.003677"]),
    ("hop dong cho thue nha da chung thuc, nay hai ben muon huy bo thi lam sao", ["steps"], "colloquial", ["2.000913"]),
    ("giay khai sinh cua toi bi chay mat, so goc o xa cung ko con, dang ky lai khai sinh can gi", ["documents"], "colloquial", ["1.004884"]),
    ("anh nguoi trung quoc muon nhan dua con toi sinh ra la con anh ay, lam o xa bien gioi the nao", ["steps"], "colloquial", ["1.000080", "2.000779"]),
    ("toi ko muon nuoi lon nua vi gan khu dan cu, muon dc ho tro hoc nghe khac", ["overview"], "colloquial", ["1.012837"]),
    ("vo toi sap sinh, cong ty co dong bhxh, lam che do thai san o dau", ["where"], "colloquial", ["2.000693"]),
    ("bo me mat, anh em toi muon chia manh dat bo me de lai, chung thuc van ban phan chia di san o xa can gi", ["documents"], "colloquial", ["2.001406"]),
    ("xin ban sao giay khai sinh de lam ho so cho con di hoc het bao nhieu tien", ["fee"], "colloquial", ["2.000635"]),
    ("quan tap hoa nha toi ko ban nua, muon dong cua han ho kinh doanh thi lam gi", ["steps"], "colloquial", ["1.001266"]),
    ("toi lam thue thu nhap thap, xin xa xac nhan nguoi lao dong co thu nhap thap de mua nha o xa hoi", ["where"], "colloquial", ["3.000412"]),
    ("cong ty moi nhan toi vao lam, dang ky dong bhxh va cap the bhyt cho toi the nao", ["steps"], "colloquial", ["1.002051"]),
    ("tam tru cua toi o phuong sap het han, gia han tam tru o dau", ["where"], "colloquial", ["1.002755"]),
    ("toi khong dong y quyet dinh xu phat cua cong an xa, khieu nai o dau", ["where"], "colloquial", ["1.004335", "1.003504"]),
    ("quyet dinh giao dat ghi sai dien tich so voi ban do, xin dieu chinh quyet dinh thi lam the nao", ["steps"], "colloquial", ["1.013953"]),
    ("bo mat de lai nha, toi ko muon nhan phan thua ke, lam van ban tu choi nhan di san o xa can gi", ["documents"], "colloquial", ["2.001016"]),
    ("co dau chu re o ban xa khong ra xa duoc, can bo xa co den tan noi dang ky ket hon ko", ["overview"], "colloquial", ["1.000593"]),
    ("em trai toi het benh tam than roi, ko can giam ho nua thi cham dut giam ho o xa the nao", ["steps"], "colloquial", ["1.004845"]),
    ("con trai di hoc xa ve han, xoa dang ky tam tru o nha tro cu the nao", ["steps"], "colloquial", ["1.010028"]),
    ("vo vua sinh em be, lam khai sinh kem the bhyt cho be luon thi can gi", ["documents"], "colloquial", ["2.001023", "2.000986", "1.001193"]),
    ("nam nay nha toi lam an kha len, muon xin ra khoi ho ngheo thi lam sao", ["steps"], "colloquial", ["1.011608", "1.011606"]),
    ("nha bi thu hoi dat, duoc bo tri tai dinh cu nhung ko du tien nop tien su dung dat, xin ghi no dc ko", ["overview"], "colloquial", ["1.012995"]),
    ("giay phep xay dung nha toi bi chuot gam rach, xin cap lai o dau", ["where"], "colloquial", ["1.013228"]),
    ("mat cavet xe may, xin cap lai dang ky xe tren mang the nao", ["steps"], "colloquial", ["1.013080"]),
    ("thang sau con gai toi cuoi, hai dua phai dang ky ket hon o xa can mang gi", ["documents"], "colloquial", ["1.000894"]),
    ("bo me chau deu mat, toi la bac ruot muon lam nguoi giam ho cho chau thi lam the nao", ["steps"], "colloquial", ["1.004837"]),
    ("nha toi da tra du tien su dung dat duoc ghi no, xoa no thi lam the nao", ["steps"], "colloquial", ["1.012996", "1.013988"]),
    ("chung cu moi hop bau ban quan tri xong, de nghi xa cong nhan can giay to gi", ["documents"], "colloquial", ["1.012888"]),
    ("ho lam ruong co muc song trung binh, xin cong nhan de dc ho tro mua bhyt thi lam o dau", ["where"], "colloquial", ["1.011609"]),
    ("bo toi dang huong luong huu, sang my dinh cu thi xin huong tro cap mot lan the nao", ["overview"], "colloquial", ["2.000755"]),
    # ---- D: everyday situations the brief names (chosen)
    ("bo toi vua mat hom qua, gio phai lam giay to gi o xa", ["documents"], "colloquial", ["1.000656"]),
    ("ông nội mất ở nhà, gia đình cần khai tử trong bao lâu, có mất tiền không", ["time", "fee"], "multi", ["1.000656"]),
    ("chong toi dang dong bhxh thi mat, toi xin tien mai tang va tro cap tuat o dau", ["where"], "colloquial", ["2.000821"]),
    ("mua manh dat cua ong hang xom roi, gio sang ten so do thi lam o dau", ["where"], "colloquial", ["1.013831"]),
    ("bo me cho toi manh dat, sang ten so do can giay to gi, mat bao lau", ["documents", "time"], "multi", ["1.013831"]),
    ("mua lai xe may cu cua nguoi quen, sang ten thi lam the nao", ["steps"], "colloquial", ["1.013076"]),
    ("toi muon sang ten xe o to cho con trai thi nop o dau", ["where"], "colloquial", ["1.013076"]),
    ("con toi moi sinh duoc 1 thang, lam giay khai sinh o xa het bao lau", ["time"], "colloquial", ["1.001193", "2.000986", "2.001023"]),
    ("hai dua chua co con, muon dang ky ket hon thi co mat phi ko", ["fee"], "colloquial", ["1.000894"]),
    ("nha toi o nong thon muon xay nha cap 4 moi thi co phai xin giay phep xay dung ko", ["overview"], "colloquial", ["1.013225"]),
    ("dat cua toi co so do roi, gio chia cho 2 dua con thi tach thua sang ten the nao", ["steps"], "colloquial", ["1.013831"]),
    ("mẹ tôi được thừa kế mảnh đất của ông bà, đăng ký sang tên sổ đỏ cần giấy tờ gì", ["documents"], "plain", ["1.013831"]),
    ("me toi nghi huu dang huong luong huu thi mat, con cai xin tro cap tuat can gi", ["documents"], "colloquial", ["2.000821"]),
    ("bo toi huong luong huu thi mat, con thang luong chua linh thi gia dinh linh thay o dau", ["where"], "colloquial", ["2.000717"]),
]

# Off-topic: what no procedure of the catalog answers (advice, private services, chit-chat, other
# provinces' facts, general knowledge), in the same voice.
OFF_TOPIC: list[str] = [
    "cho toi hoi cach muoi dua cai chua",
    "gia vang hom nay o lang son bao nhieu",
    "lon bi sot bo an thi tiem thuoc gi",
    "trau bi chuong bung thi chua the nao",
    "cay hoi bi vang la la benh gi",
    "bon phan gi cho lua dang thi con gai",
    "o dau ban may cat co cu re",
    "tuyen xe lang son di cao bang luc may gio",
    "cho ky lua hop vao ngay nao",
    "dau da day thi an gi cho nhanh khoi",
    "con toi sot 39 do thi cho uong gi",
    "cach lam vit quay lang son",
    "mai troi co mua da o dinh lap khong",
    "mua dien thoai tra gop o dau lai thap",
    "dien thoai bi mat mang thi sua sao",
    "hoc nghe han o dau nhanh co viec",
    "xin viec o khu cong nghiep thi can ky nang gi",
    "lam sao de giam can nhanh",
    "chong toi uong ruou nhieu thi khuyen the nao",
    "nen mua xe may hang nao ben",
    "cach bao quan hat de lau",
    "trong na rung may nam thi co qua",
    "lai suat gui tiet kiem ngan hang nao cao",
    "tro choi nao hay cho tre con",
    "cho toi bai tho ve que huong xu lang",
    "ai la nguoi giau nhat viet nam",
    "may gio roi ban oi",
    "ke cho toi nghe chuyen cuoi di",
    "đi Mẫu Sơn mùa này có băng tuyết không",
    "nấu phở chua Lạng Sơn thế nào",
    "cach trong nam linh chi tai nha",
    "cho toi so dien thoai taxi o thanh pho lang son",
]
