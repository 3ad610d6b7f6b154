# ruff: noqa: E501  (one question per line reads best)
"""A development split for off-topic refusal (split "dev_offtopic"), written on 2026-11-30 (session 6)
BEFORE the refusal rule it measures, by the engineer who then wrote the rule.

OFF_TOPIC: 62 everyday questions that are no administrative procedure, of many kinds (advice and
opinion, private commerce and repairs, health, weather, cooking, entertainment, homework,
relationships, prices of goods, travel, technology help, greetings), about half of them sharing
words with procedure names ("làm lại", "đăng ký", "giấy phép", "gia hạn", "thẻ", "mất", "xin"),
with and without diacritics. QUESTIONS: 60 on-topic questions as a guard, each telling a
situation instead of naming its procedure, with every catalog code that answers it (looked up
by name in the catalog file; the sealed held-out files were not opened, so this split may share
procedures with them; it avoids the procedures the visible held-out parts expect).
`bench/assistant.py --build-dev-offtopic` writes eval/assistant_dev_offtopic.jsonl, key facts
copied from the catalog version in force as for the other parts.
"""

OFF_TOPIC: list[str] = [
    # advice and opinion
    "có nên mua xe ô tô cũ không hay mua xe mới",
    "nen mua dat o que hay mua chung cu tren thanh pho",
    "năm nay có nên đầu tư vàng không",
    "co nen cho con di hoc them tieng anh tu lop 1 khong",
    "nên chọn ngành công nghệ thông tin hay ngành kế toán",
    "có nên cưới vợ khi chưa có nhà riêng không",
    "mua bảo hiểm nhân thọ có tốt không",
    "gui tiet kiem hay mua dat thi loi hon",
    "nên làm công chức hay đi làm công ty tư nhân",
    # private commerce and repairs
    "xe may bi xit lop gan nha co tiem nao va khong",
    "thợ sửa điều hòa nào uy tín ở Lạng Sơn",
    "đăng ký học lái xe ở trung tâm nào tốt",
    "dang ky goi cuoc 4G Viettel the nao",
    "làm lại chìa khóa xe máy ở đâu",
    "thẻ ATM bị mất thì làm lại ở ngân hàng nào nhanh",
    "gia han goi netflix bang the nao",
    "chụp ảnh thẻ 3x4 ở đâu lấy ngay",
    "dịch vụ chuyển nhà trọn gói giá bao nhiêu",
    "thue xe cuoi hoi o dau re",
    "làm lại sim điện thoại bị mất cần mang gì",
    "thẻ thành viên siêu thị bị mất thì làm lại thế nào",
    "giấy bảo hành tủ lạnh bị mất có được sửa miễn phí không",
    # health
    "bị đau dạ dày nên ăn gì",
    "tre so mui chay nuoc mui co can di vien khong",
    "mất ngủ kéo dài phải làm sao",
    "bà tôi bị cao huyết áp nên uống thuốc gì",
    # weather
    "ngay mai o Mau Son co tuyet khong",
    "bão số 3 bao giờ vào đất liền",
    # cooking
    "cách làm vịt quay Lạng Sơn",
    "cach muoi dua cai khong bi khu",
    # entertainment
    "phim gì hay trên netflix tháng này",
    "ket qua bong da ngoai hang anh dem qua",
    "bài hát nào hợp hát karaoke đám cưới",
    # school homework
    "giải giúp em phương trình x bình phương trừ 4 bằng 0",
    "viet doan van ta con meo lop 3",
    "lập dàn ý bài văn tả cảnh quê hương",
    # relationships
    "làm sao để làm lành với bạn gái sau khi cãi nhau",
    "chong toi hay di nhau ve muon toi nen lam gi",
    "cách tỏ tình với crush",
    # prices of goods
    "giá lúa hôm nay bao nhiêu một cân",
    "gia iphone 16 pro max bao nhieu",
    "giá phân bón NPK bao nhiêu một bao",
    "gia xi mang xay nha bao nhieu mot tan",
    # travel
    "đi Sa Pa mùa nào đẹp nhất",
    "tu Lang Son di Ha Noi bang xe khach het bao lau",
    "khách sạn nào ở Đồng Đăng sạch sẽ",
    # technology help
    "điện thoại bị đơ không tắt được nguồn",
    "cach chuyen anh tu dien thoai sang may tinh",
    "quên mật khẩu wifi nhà thì xem lại ở đâu",
    "làm sao lấy lại tài khoản zalo bị khóa",
    "đổi tên facebook quá số lần cho phép thì làm sao",
    # greetings and chit-chat
    "chào bạn, hôm nay bạn khỏe không",
    "cam on ban nhieu nhe",
    "bạn là người hay là máy",
    "toi buon qua",
    # words of procedures, no procedure
    "đăng ký kết hôn với người yêu trong game Audition thế nào",
    "giấy phép lái xe trong game GTA lấy ở đâu",
    "viết giấy xin phép nghỉ học cho con gửi cô giáo thế nào",
    "mau don xin nghi phep o cong ty viet sao",
    "đăng ký thi IELTS ở đâu",
    "chứng chỉ tiếng Anh B1 học ở đâu nhanh",
    "xin viec lam cong nhan o khu cong nghiep nao luong cao",
]

# (question, intents, difficulty, accepted codes)
QUESTIONS: list[tuple[str, list[str], str, list[str]]] = [
    ("vợ tôi vừa sinh cháu ở bệnh viện huyện, giờ làm giấy tờ cho cháu cần những gì", ["documents"], "plain", ["1.001193", "2.000986", "2.001023"]),
    ("con gai toi 7 tuoi roi ma chua co giay khai sinh thi phai lam sao", ["overview"], "colloquial", ["1.001193"]),
    ("bố tôi vừa mất ở nhà, gia đình phải báo xã làm giấy gì", ["overview"], "plain", ["1.000656"]),
    ("ba toi mat hom qua, lam giay bao tu o dau", ["where"], "colloquial", ["1.000656"]),
    ("hai đứa định cưới cuối năm, cần ra xã làm giấy tờ gì", ["documents"], "plain", ["1.000894"]),
    ("em can giay chung minh minh chua co chong de lam ho so vay ngan hang", ["overview"], "colloquial", ["1.004873"]),
    ("tôi mới thuê phòng trọ để đi làm công nhân, phải báo công an ra sao", ["overview"], "plain", ["1.004194"]),
    ("cuoi xong muon chuyen ho khau ve nha chong thi lam the nao", ["steps"], "colloquial", ["1.004222"]),
    ("làm rơi thẻ căn cước ở chợ rồi, làm lại mất bao lâu", ["time"], "plain", ["1.014064", "2.001194", "1.000757"]),
    ("con toi vua du 14 tuoi, di lam the can cuoc can mang gi", ["documents"], "colloquial", ["1.014061", "2.000200"]),
    ("muốn đi du lịch Thái Lan thì làm hộ chiếu hết bao nhiêu tiền", ["fee"], "plain", ["1.001456", "1.001471"]),
    ("bang lai o to cua toi sap het han thi di doi o dau", ["where"], "colloquial", ["3.000347"]),
    ("đánh mất bằng lái xe máy thì xin cấp lại thế nào", ["steps"], "plain", ["3.000348"]),
    ("mới mua xe máy mới ở cửa hàng, đi làm biển số cần giấy tờ gì", ["documents"], "plain", ["1.013067", "1.012575", "1.013066"]),
    ("mua lai xe may cu cua hang xom, muon chuyen sang ten minh thi lam sao", ["overview"], "colloquial", ["1.013076"]),
    ("đất ông bà để lại ở quê chưa có sổ đỏ, giờ muốn làm sổ lần đầu", ["overview"], "plain", ["1.013978", "1.012753"]),
    ("cuốn sổ đỏ nhà tôi bị chuột cắn rách nát, muốn đổi sổ mới", ["overview"], "plain", ["1.012783"]),
    ("so do bi chay trong vu hoa hoan, lam lai mat bao lau", ["time"], "colloquial", ["1.012786"]),
    ("bán mảnh đất ở quê thì phải khai thuế thu nhập cá nhân thế nào", ["steps"], "plain", ["1.007674"]),
    ("giấy phép xây nhà sắp hết hạn mà nhà chưa khởi công được, xin thêm thời gian ở đâu", ["where"], "plain", ["1.013227"]),
    ("nha toi muon coi noi them 1 tang thi xin phep the nao", ["steps"], "colloquial", ["1.013229"]),
    ("mở quán phở nhỏ trước nhà thì đăng ký kinh doanh cần giấy tờ gì", ["documents"], "plain", ["1.001612"]),
    ("tiem tap hoa cua me toi muon dong cua han, bao voi nha nuoc sao", ["overview"], "colloquial", ["1.001266"]),
    ("cần sao y bằng tốt nghiệp để nộp hồ sơ xin việc thì làm ở đâu", ["where"], "plain", ["2.000815"]),
    ("cong ty doi giay chung nhan khong co tien an tien su, xin o dau", ["where"], "colloquial", ["3.000333"]),
    ("nghỉ làm công ty rồi muốn rút bảo hiểm xã hội một cục thì cần gì", ["documents"], "plain", ["1.001613"]),
    ("lam mat the bao hiem y te cua con roi, xin lai the nao", ["steps"], "colloquial", ["1.001294", "1.001327"]),
    ("muốn đổi tên cho con vì tên cũ khó đọc quá", ["overview"], "plain", ["1.004859"]),
    ("ngay sinh trong giay khai sinh bi ghi sai, muon sua lai can giay to gi", ["documents"], "colloquial", ["1.004859"]),
    ("anh ấy muốn nhận đứa bé là con ruột của mình vì hai người chưa cưới", ["overview"], "plain", ["1.001022", "1.000689"]),
    ("vo chong toi hiem muon, muon nhan nuoi mot chau be trong nuoc", ["overview"], "colloquial", ["2.001263"]),
    ("nhà khó khăn quá, muốn được xét vào diện hộ nghèo thì nộp ở đâu", ["where"], "plain", ["1.011606"]),
    ("ông ngoại lẫn rồi không tự lo được, tôi muốn làm người giám hộ cho ông", ["overview"], "plain", ["1.004837"]),
    ("bo toi gia yeu khong di nhan luong huu duoc, muon uy quyen cho toi nhan thay", ["overview"], "colloquial", ["1.001601"]),
    ("ký giấy ủy quyền bán xe thì cần xã xác nhận chữ ký của tôi, lệ phí bao nhiêu", ["fee"], "plain", ["2.000884"]),
    ("can ban sao giay khai sinh de nop ho so nhap hoc cho con", ["overview"], "colloquial", ["2.000635"]),
    ("giấy khai sinh gốc của tôi mất từ lâu, sổ hộ tịch ở xã cũng không còn, làm lại thế nào", ["steps"], "plain", ["1.004884"]),
    ("muốn mở tiệm cầm đồ thì phải xin giấy chứng nhận an ninh trật tự ở đâu", ["where"], "plain", ["2.001478", "1.003204"]),
    ("cua hang tap hoa nha toi khai thue hang nam the nao", ["steps"], "colloquial", ["1.011022"]),
    ("xe máy bị mất giấy đăng ký xe, xin cấp lại thì làm sao", ["overview"], "plain", ["1.013080"]),
    ("mẹ tôi nghỉ hưu ở Hà Nội giờ về quê sống, muốn nhận lương hưu ở quê", ["overview"], "plain", ["1.001742"]),
    ("bo toi dang huong luong huu thi mat, con tien chua nhan, gia dinh linh thay the nao", ["steps"], "colloquial", ["2.000717"]),
    ("tôi ốm phải nằm viện một tuần, công ty có đóng bảo hiểm, xin tiền nghỉ ốm thế nào", ["steps"], "plain", ["1.001667"]),
    ("sap cuoi vo nguoi Trung Quoc o ben kia bien gioi, dang ky o dau", ["where"], "colloquial", ["1.000094"]),
    ("hợp đồng thuê trọ còn 1 năm mà đăng ký tạm trú sắp hết hạn", ["overview"], "plain", ["1.002755"]),
    ("chuyen di noi khac o roi, muon xoa tam tru cho cu", ["overview"], "colloquial", ["1.010028"]),
    ("bị mất ví có cả thẻ căn cước, làm lại cần mang gì", ["documents"], "plain", ["1.014064", "2.001194", "1.000757"]),
    ("con tôi mới sinh, làm khai sinh có được làm luôn thẻ bảo hiểm y tế cho cháu không", ["overview"], "plain", ["2.001023", "2.000986"]),
    ("ba ngoai mat o nha, con chau can lam giay chung tu thi mat bao lau", ["time"], "colloquial", ["1.000656"]),
    ("tôi ly hôn rồi, giờ muốn kết hôn lần nữa thì cần giấy xác nhận độc thân không", ["overview"], "plain", ["1.004873"]),
    ("em ở nhờ nhà cô ruột để đi học, đăng ký ở tạm cần giấy tờ gì", ["documents"], "plain", ["1.004194"]),
    ("muon nhap khau cho con moi sinh vao nha ong ba noi", ["overview"], "colloquial", ["1.004222", "2.000986"]),
    ("bằng lái xe máy bị rách nát không đọc được số, đổi bằng mới ở đâu", ["where"], "plain", ["3.000347"]),
    ("lan dau di thi bang lai xe may thi nop ho so o dau", ["where"], "colloquial", ["3.000346"]),
    ("cô tôi sống ở Mỹ muốn xin phiếu lý lịch tư pháp ở Việt Nam thì mất bao lâu", ["time"], "plain", ["3.000333"]),
    ("nghi viec o cong ty, muon lay tien bao hiem xa hoi mot lan mat bao lau", ["time"], "colloquial", ["1.001613"]),
    ("mở tiệm bán quần áo nhỏ ở chợ có phải đăng ký kinh doanh không", ["overview"], "plain", ["1.001612"]),
    ("tiệm tạp hóa nhà tôi muốn đổi sang bán vật liệu xây dựng thì khai báo thế nào", ["steps"], "plain", ["2.000720"]),
    ("can chung thuc cac ban photo hoc ba de nop ho so, le phi bao nhieu", ["fee"], "colloquial", ["2.000815"]),
    ("nha toi bi doi so cu tu nam 1995, muon doi sang so moi", ["overview"], "colloquial", ["1.012783"]),
]
