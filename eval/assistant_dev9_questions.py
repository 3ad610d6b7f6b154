# ruff: noqa: E501  (one question per line reads best)
"""Development questions of session 9 (issue #14), written on 2026-11-30 BEFORE any code change of
that session, in the voice of citizens, farm owners and commune officers of Lạng Sơn: mostly without
diacritics, phone typing ("ko", "dc", "bn", "j"), typos, a situation told instead of the
procedure's name, some two questions at once.

The procedures were DRAWN, not chosen: the catalog's procedures at commune or province level
(`cap_thuc_hien` naming "Cấp xã" or "Cấp tỉnh") in the fields listed in `FIELDS` (those a citizen,
a farm, a co-operative or a commune office of an inland border province deals with; no customs,
banking, sea, securities, tax-declaration or profession-licensing fields), minus every code that an
earlier visible set accepts (eval/assistant.jsonl, assistant_tuning_extra, assistant_dev_offtopic,
assistant_dev7, assistant_dev8, assistant_heldout2 — the sealed sets were not opened), sorted by
code and shuffled with `random.Random(DRAW_SEED)`; questions were written for the first 110 of the
draw in its order, skipping only what is no procedure for Lạng Sơn (the Hà Tĩnh province's "Công bố
Danh mục…" announcements, a forest-use decision reserved to three named provinces). Procedures for
businesses are asked as their owner or a commune officer would ask them.

Expected codes were looked up in the real catalog (/work/shared/data/catalog) by name before any
measurement; every code that answers the question is accepted (commune and province variants, the
same procedure at another level). Nothing here was chosen by running the assistant or the search.

The questions are split in two halves by `eval/assistant_dev_halves.halves` with `SEED`:
`dev9_tune` (tuned on) and `dev9_check` (measured only as an aggregate). `bench/assistant.py
--build-dev9` writes eval/assistant_dev9.jsonl with key facts copied from the catalog.
"""

SEED = 20261130_9
DRAW_SEED = 20261130_9

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
)

# (question, intents, difficulty, accepted codes)
QUESTIONS: list[tuple[str, list[str], str, list[str]]] = [
    # draw 0-9
    ("co so cai nghien tu nguyen cua chung toi bi mat giay phep hoat dong, xin cap lai o dau", ["where"], "colloquial", ["3.000365"]),
    ("ông ngoại mất ở Trung Quốc từ lâu, giờ cần đăng ký lại khai tử thì cần giấy tờ gì", ["documents"], "plain", ["2.000497"]),
    ("bo toi mat ben tq nam 2010 chua lam giay bao tu, gio lam lai khai tu co yeu to nuoc ngoai mat bao lau", ["time"], "colloquial", ["2.000497"]),
    ("cty em san xuat thuoc thu y co tien chat, muon sua giay chung nhan du dieu kien thi nop ho so gi", ["documents"], "colloquial", ["1.013813"]),
    ("chu dau tu muon huy dong von gop de xay nha o thi phai thong bao du dieu kien huy dong von o dau", ["where"], "colloquial", ["1.012882"]),
    ("đất đã có sổ đỏ, giờ xây thêm nhà kho muốn đăng ký bổ sung tài sản gắn liền với đất vào sổ", ["overview"], "plain", ["1.013995"]),
    ("nha moi xay xong tren dat da co so, muon ghi them cai nha vao so do thi lam the nao", ["steps"], "colloquial", ["1.013995"]),
    ("hop tac xa lam du an trong rung muon xin ho tro tien tu quy bao ve va phat trien rung tinh", ["overview"], "colloquial", ["1.000071"]),
    ("nguoi trung quoc o ben kia bien gioi muon nhan chau be vn o xa lam con nuoi thi lam o dau", ["where"], "colloquial", ["1.003005"]),
    ("trai nuoi ran cua toi muon dang ky ma so co so nuoi dong vat cites, ho so gom nhung gi", ["documents"], "colloquial", ["1.004819"]),
    ("dieu chinh ke hoach phat trien nha o cap tinh thi trinh tu the nao", ["steps"], "colloquial", ["6.003655"]),
    # draw 10-19
    ("toi muon lam dich vu dai dien quyen giong cay trong, xin chung chi hanh nghe het bao nhieu tien", ["fee"], "colloquial", ["1.012072"]),
    ("cấp lại giấy phép nhập khẩu thuốc thú y có chứa tiền chất thì mất mấy ngày", ["time"], "plain", ["1.011325"]),
    ("tinh muon dat hang mua nha o thuong mai de bo tri tai dinh cu thi can ho so gi", ["documents"], "colloquial", ["6.003631"]),
    ("giay phep xay nha kho trong pham vi bao ve kenh thuy loi sap het han, xin gia han o dau", ["where"], "colloquial", ["2.001426", "1.014851"]),
    ("chung cu cu xuong cap, chi co 1 nha dau tu quan tam cai tao thi xin chap thuan nha dau tu the nao", ["steps"], "colloquial", ["6.003636"]),
    ("cty xin nhap khau che pham xu ly chat thai chan nuoi co chat moi de khao nghiem, nop o dau", ["where"], "colloquial", ["1.011033"]),
    ("doanh nghiep muon chuyen rung sang lam nha may thi xin quyet dinh chuyen muc dich su dung rung can gi", ["documents"], "colloquial", ["1.012689"]),
    ("thẩm định thiết kế xây dựng triển khai sau thiết kế cơ sở có mất phí không", ["fee"], "plain", ["1.013218"]),
    ("tinh mua nha o thuong mai lam nha cong vu thi quyet dinh dau tu du an the nao", ["steps"], "colloquial", ["6.003629"]),
    ("xa lam cong trinh trong rung bang von dau tu cong, tham dinh thiet ke du toan cong trinh lam sinh mat bao lau", ["time"], "colloquial", ["1.007919"]),
    # draw 20-29
    ("giay chung nhan du dieu kien nhap khau thuoc thu y cua cty sap het han, gia han can giay to gi", ["documents"], "colloquial", ["1.014778"]),
    ("nhap thuc an chan nuoi ve thi kiem tra xac nhan chat luong o dau", ["where"], "colloquial", ["1.008124"]),
    ("ông người Trung Quốc lấy vợ Việt, muốn nhận con riêng của vợ làm con nuôi thì cần giấy tờ gì", ["documents"], "plain", ["1.004878"]),
    ("chu ruot o nuoc ngoai ve muon nhan chau ruot lam con nuoi thi bao lau xong", ["time"], "colloquial", ["1.004878"]),
    ("cu gia trong xom mat khong co con chau ai thua ke, tai san do thi xa xu ly the nao", ["overview"], "colloquial", ["3.000410"]),
    ("can bo xa bien gioi muon lam giay thong hanh sang trung quoc cong tac thi xin o dau", ["where"], "colloquial", ["1.014364"]),
    ("tinh quyet dinh dau tu du an xay nha o cong vu thi can ho so gi", ["documents"], "colloquial", ["6.003625"]),
    ("htx chung toi doi dia chi tru so va thay giam doc thi dang ky thay doi noi dung the nao", ["steps"], "colloquial", ["1.005277"]),
    ("hợp tác xã bị tách một phần, đăng ký thay đổi nội dung mất bao nhiêu ngày", ["time"], "plain", ["1.005277"]),
    ("trai ga loi cua toi da co ma so cites, nay them loai moi thi xin sua doi bo sung ma so o dau", ["where"], "colloquial", ["3.000496"]),
    ("me toi la giao vien nghi huu roi ma chua duoc tinh phu cap tham nien vao luong huu, xin tro cap the nao", ["overview"], "colloquial", ["1.001646"]),
    # draw 30-39
    ("toa an yeu cau cap phieu ly lich tu phap cua mot bi can thi co quan nao cap, mat bao lau", ["where", "time"], "multi", ["3.000335"]),
    ("dieu chinh chu truong chuyen muc dich su dung rung thuoc hdnd tinh thi lam nhung buoc nao", ["steps"], "colloquial", ["1.012692"]),
    ("lang toi lam mien dong tu lau doi, muon duoc cong nhan lang nghe can ho so gi", ["documents"], "colloquial", ["1.003695", "1.003727"]),
    ("thanh vien ho gia dinh lap doanh nghiep tu nhan dung dat cua ho de san xuat thi dang ky bien dong dat the nao", ["steps"], "colloquial", ["1.012793"]),
    ("con trai toi mo doanh nghiep tu nhan, muon dung manh dat cua gia dinh lam xuong thi co phai dang ky gi khong", ["overview"], "colloquial", ["1.012793"]),
    ("doanh nghiep trong rung keo muon duoc phan loai doanh nghiep trong khai thac go rung trong, nop ho so o dau", ["where"], "colloquial", ["3.000160"]),
    ("nha thau nuoc ngoai thi cong o lang son xin giay phep hoat dong xay dung het bao nhieu tien", ["fee"], "colloquial", ["1.013222"]),
    ("tham dinh ke hoach quan ly khai thac nha dat cong cua co quan thi can gi", ["documents"], "colloquial", ["3.000291"]),
    ("xa co dap chua nuoc nho, phe duyet ket qua kiem dinh an toan dap thi chu tich xa lam the nao", ["steps"], "colloquial", ["1.003471"]),
    ("hồ chứa thủy lợi của xã đến kỳ kiểm định an toàn đập, phê duyệt đề cương kiểm định cần hồ sơ gì", ["documents"], "plain", ["1.003471"]),
    ("cty muon lam du lich sinh thai nghi duong trong rung phong ho, xin phe duyet de an o dau", ["where"], "colloquial", ["1.000081"]),
    # draw 40-49
    ("giao dat cho thue dat cho du an roi nhung nay doi can cu, xin dieu chinh quyet dinh giao dat", ["overview"], "colloquial", ["1.013826", "1.013952"]),
    ("doanh nghiep nong nghiep cong nghe cao bi mat giay chung nhan, xin cap lai het bao lau", ["time"], "colloquial", ["1.003371"]),
    ("bo toi la thuong binh cong an, xin xet huong tro cap thuong binh thi nop o cong an tinh a", ["where"], "colloquial", ["1.004089"]),
    ("dat nong nghiep muon lam them dich vu trai nghiem ket hop, xin su dung dat da muc dich the nao", ["steps"], "colloquial", ["1.013946"]),
    ("phương án sử dụng đất kết hợp đa mục đích sắp hết hạn thì gia hạn cần giấy tờ gì", ["documents"], "plain", ["1.013946"]),
    ("muon lam duong ong di qua de song thi xin phep hoat dong lien quan den de dieu o dau", ["where"], "colloquial", ["1.013644"]),
    ("em la giao vien duoc xa xet giao dat o khong qua dau gia, ho so can nhung gi", ["documents"], "colloquial", ["1.013962"]),
    ("toi la quan nhan chuyen nghiep chua co dat o, xin giao dat co thu tien su dung dat khong dau gia duoc khong", ["overview"], "colloquial", ["1.013962"]),
    ("muon di du lich nam ninh bang giay thong hanh thi lam o cong an tinh het bao nhieu tien", ["fee"], "colloquial", ["1.003494"]),
    ("cơ sở cai nghiện tự nguyện vi phạm thì bị thu hồi giấy phép hoạt động theo trình tự nào", ["steps"], "plain", ["3.000366"]),
    ("cong trinh thuy loi lon do tinh phan cap cho xa, tham dinh quy trinh van hanh can gi", ["documents"], "colloquial", ["2.001627"]),
    # draw 50-59
    ("muon nhan van ban to tung cua toa an qua email thay vi nhan giay thi dang ky o dau", ["where"], "colloquial", ["3.000164"]),
    ("đăng ký nhận thông báo của tòa án bằng phương tiện điện tử có mất phí không", ["fee"], "plain", ["3.000164"]),
    ("quy trinh van hanh cong trinh thuy loi vua thuoc tinh phe duyet thi tham dinh mat bao lau", ["time"], "colloquial", ["1.003867"]),
    ("xây dựng chương trình phát triển nhà ở cấp tỉnh gồm những bước nào", ["steps"], "plain", ["6.001430"]),
    ("chi nhanh cua htx doi dia chi kinh doanh thi dang ky thay doi noi dung hoat dong can gi", ["documents"], "colloquial", ["1.005378"]),
    ("du an nha o xa hoi da co chap thuan chu truong, giao chu dau tu khong qua dau thau thi lam sao", ["steps"], "colloquial", ["3.000506"]),
    ("san tap lai xe may bi thu hoi chap thuan hoat dong thi theo thu tuc nao", ["overview"], "colloquial", ["3.000360"]),
    ("muon mo xuong san xuat phan bon huu co thi xin giay chung nhan du dieu kien san xuat phan bon can gi", ["documents"], "colloquial", ["1.007927"]),
    ("giay phep nuoi ca trong long ho thuy loi cua toi sap het han, gia han o xa hay o dau", ["where"], "colloquial", ["1.014853", "1.003870"]),
    ("muon duoc cong bo du dieu kien cung cap dich vu cai nghien ma tuy tu nguyen tai gia dinh thi nop gi", ["documents"], "colloquial", ["3.000524"]),
    ("nhà đầu tư dự án tự lập quy hoạch, phê duyệt nhiệm vụ quy hoạch thì nộp ở đâu", ["where"], "plain", ["1.014156"]),
    ("trai lon cua toi muon lay giay chung nhan co so an toan dich benh dong vat, het bao nhieu tien", ["fee"], "colloquial", ["1.011475"]),
    # draw 60-69
    ("chong toi nguoi trung quoc song o lang son lau nam, xin the thuong tru cho chong can gi", ["documents"], "colloquial", ["1.001010", "1.003290"]),
    ("gia hạn giấy phép xây dựng công trình cấp II thì nộp ở đâu, bao lâu có", ["where", "time"], "multi", ["1.013233"]),
    ("muon to chuc giai dua thuyen tren ho thuy loi, xin giay phep o xa thi lam the nao", ["steps"], "colloquial", ["1.014850"]),
    ("cty muon mo tram dang kiem xe co gioi, xin giay chung nhan du dieu kien kiem dinh can gi", ["documents"], "colloquial", ["1.001322"]),
    ("con toi co bo nguoi trung quoc, gio lam giay khai sinh va nhan cha luon cho chau thi lam o dau", ["where"], "colloquial", ["1.001695"]),
    ("đăng ký khai sinh kết hợp nhận cha cho con có yếu tố nước ngoài mất bao nhiêu tiền, bao lâu", ["fee", "time"], "multi", ["1.001695"]),
    ("ho ngheo muon thue nha o xa hoi do nha nuoc xay bang von cong thi dang ky o dau", ["where"], "colloquial", ["1.012896"]),
    ("xa muon phe duyet ke hoach khuyen nong nam sau thi lam nhung buoc nao", ["steps"], "colloquial", ["1.003596"]),
    ("muon sang trung quoc bang ho chieu thi xin tem AB o cong an tinh can giay to gi", ["documents"], "colloquial", ["1.014903"]),
    ("cap giay phep cho xe o to cho hang di qua dap kenh thuy loi thuoc tinh het bao lau", ["time"], "colloquial", ["2.001793"]),
    ("hop tac xa doi ten nguoi dai dien thi chi can thong bao thay doi noi dung dang ky, nop o dau", ["where"], "colloquial", ["1.004979"]),
    # draw 70-79
    ("mo co so kiem dinh khi thai xe may can giay chung nhan gi, het bao nhieu tien", ["overview", "fee"], "multi", ["1.013105"]),
    ("ke hoach khuyen nong dia phuong cua tinh phe duyet trong bao lau", ["time"], "colloquial", ["1.003618"]),
    ("nhap thuc an chan nuoi chua cong bo tren cong thong tin cua bo thi xin giay phep nhap khau o dau", ["where"], "colloquial", ["1.008122"]),
    ("lay y kien ve ket qua van hanh thu nghiem bo sung nhan tao nuoc duoi dat thi thu tuc the nao", ["steps"], "colloquial", ["1.012504"]),
    ("khu dan cu xay xong, chu dau tu ban giao duong dien cho nha nuoc thi chuyen giao cong trinh dien the nao", ["steps"], "colloquial", ["3.000256"]),
    ("du an trang trai lon cua cty phai lam bao cao danh gia tac dong moi truong, tham dinh o tinh mat bao lau", ["time"], "colloquial", ["1.010733"]),
    ("cty muon san xuat thuoc thu y dang vien thi can giay chung nhan du dieu kien, ho so the nao", ["documents"], "colloquial", ["1.002549"]),
    ("ong noi toi tham gia chien truong K roi ve lam can bo huong luong, xin tro cap mot lan o dau", ["where"], "colloquial", ["1.003220"]),
    ("bác tôi là công an tham gia chiến tranh bảo vệ biên giới phía Bắc năm 1979, xét hưởng trợ cấp cần giấy tờ gì", ["documents"], "plain", ["1.015027"]),
    ("cong ty khoan gieng cua toi nghi lam, muon tra lai giay phep hanh nghe khoan nuoc duoi dat", ["overview"], "colloquial", ["1.012501"]),
    # draw 80-89
    ("ho chieu bi khai mat roi lai tim thay, muon khoi phuc gia tri su dung ho chieu thi lam o dau", ["where"], "colloquial", ["1.010384", "1.010382"]),
    ("khôi phục giá trị sử dụng hộ chiếu phổ thông có mất lệ phí không", ["fee"], "plain", ["1.010384", "1.010382"]),
    ("sua chua cai tao cong trinh cap I trong thanh pho thi xin giay phep xay dung can ho so gi", ["documents"], "colloquial", ["1.013238"]),
    ("htx nop ho so dang ky roi nhung muon dung lai khong lam nua thi xin dung thuc hien thu tuc the nao", ["steps"], "colloquial", ["2.002643"]),
    ("du an nha o xa hoi chua co chap thuan chu truong dau tu thi xin chap thuan dong thoi giao chu dau tu the nao", ["steps"], "colloquial", ["3.000507"]),
    ("me toi la nguoi co cong duoc cap the bao hiem y te, lam the o dau", ["where"], "colloquial", ["2.000639", "1.003116"]),
    ("cấp thẻ bảo hiểm y tế cho người có công thì mất bao nhiêu ngày", ["time"], "plain", ["2.000639", "1.003116"]),
    ("thua dat nha toi truoc 2004 moi duoc cap so mot phan dat o, phan con lai chua co so thi lam the nao", ["steps"], "colloquial", ["1.012782"]),
    ("cty san xuat thuoc bao ve thuc vat bi hong giay chung nhan du dieu kien, xin cap lai nop o dau", ["where"], "colloquial", ["1.002560"]),
    ("cty chuyen doi loai hinh doanh nghiep thi quyen su dung dat phai dang ky bien dong khong, can gi", ["documents"], "colloquial", ["1.013977"]),
    ("giay chung nhan dang ky hop tac xa cu qua rach, xin cap doi giay moi het bao nhieu tien", ["fee"], "colloquial", ["1.004901"]),
    # draw 90-99
    ("xin lai giay phep xay dung cong trinh cap II vi ban goc bi mat thi lam the nao", ["steps"], "colloquial", ["1.013235"]),
    ("xe cong nong cua htx muon di tren bo kenh thuy loi cua xa, xin giay phep hoat dong can gi", ["documents"], "colloquial", ["1.014859"]),
    ("ong toi hoat dong cach mang tu truoc nam 1945, xin cong nhan nguoi hoat dong cach mang o cong an tinh", ["overview"], "colloquial", ["1.004151"]),
    ("xa co cong vien muon cho doanh nghiep thue quyen khai thac, phe duyet de an cho thue the nao", ["steps"], "colloquial", ["6.006596"]),
    ("hop tac xa lam an thua lo muon giai the, dang ky giai the o dau", ["where"], "colloquial", ["1.004982"]),
    ("giải thể hợp tác xã thì hồ sơ gồm những gì và mất bao lâu", ["documents", "time"], "multi", ["1.004982"]),
    ("luat su muon tham gia tro giup phap ly bi mat giay dang ky tham gia, xin cap lai the nao", ["steps"], "colloquial", ["2.000954"]),
    ("cong trinh dien tu nguon von dan gop xay muon chuyen giao cho nha nuoc thi xac lap so huu toan dan the nao", ["steps"], "colloquial", ["3.000257"]),
    ("ngan hang muon phat mai manh dat the chap, dang ky thong bao xu ly tai san bao dam o dau", ["where"], "colloquial", ["1.011444"]),
    ("xóa đăng ký thông báo xử lý tài sản bảo đảm là quyền sử dụng đất có mất phí không", ["fee"], "plain", ["1.011444"]),
    ("dieu chinh chuong trinh phat trien nha o cua tinh can ho so gi", ["documents"], "colloquial", ["6.001434"]),
    ("cơ sở làm chế phẩm xử lý chất thải chăn nuôi cần giấy chứng nhận đủ điều kiện sản xuất gì", ["overview"], "plain", ["1.011031"]),
    # draw 100-109
    ("xa muon lap quy ho tro phat trien hop tac xa theo mo hinh htx, cap giay chung nhan dang ky o dau", ["where"], "colloquial", ["1.014371"]),
    ("giao quan ly tai san ket cau ha tang cong vien cay xanh cho don vi nao thi thu tuc ra sao", ["steps"], "colloquial", ["6.006594"]),
    ("quyet dinh chu truong dau tu du an mua nha o thuong mai lam nha o cong vu can gi", ["documents"], "colloquial", ["6.003628"]),
    ("xe cuu thuong cua benh vien tu nhan muon lap coi uu tien, xin giay phep su dung thiet bi phat tin hieu o dau", ["where"], "colloquial", ["3.000400"]),
    ("muon xay nha kho sat bo kenh thuy loi cua xa thi co phai xin giay phep trong pham vi bao ve cong trinh thuy loi khong", ["overview"], "colloquial", ["1.014849"]),
    ("dieu chinh quyet dinh giao chu dau tu du an nha o xa hoi mat bao lau", ["time"], "colloquial", ["3.000508"]),
    ("co so cai nghien tu nguyen bi dinh chi hoat dong co thoi han thi trinh tu ra sao", ["steps"], "colloquial", ["3.000367"]),
    ("dat ruong nha toi het thoi han su dung, muon xac nhan tiep tuc su dung dat nong nghiep thi lam o dau", ["where"], "colloquial", ["1.013947"]),
    ("xác nhận tiếp tục sử dụng đất nông nghiệp cần mang giấy tờ gì, có mất tiền không", ["documents", "fee"], "multi", ["1.013947"]),
    ("giay chung nhan du dieu kien san xuat thuoc thu y co tien chat bi hu hong, cap lai bao lau", ["time"], "colloquial", ["1.013811"]),
]

# Off-topic: what no procedure of the catalog answers (advice, private services, chit-chat, other
# provinces' facts, general knowledge), in the same voice.
OFF_TOPIC: list[str] = [
    "ban cho toi hoi mai lang son co mua ret khong",
    "cach nau thang co ngon nhat",
    "chi toi cach lam banh khao",
    "mua phan bon o dau re nhat lang son",
    "gia na rung hom nay bao nhieu mot can",
    "thuoc tru sau nao diet sau duc than tot",
    "ga bi ru mo thi cho uong thuoc gi",
    "ca trong ao bi noi dau thi xu ly sao",
    "ong toi bi dau khop goi kham o dau tot",
    "con hoc lop 3 luoi hoc thi day the nao",
    "xe may bi chet may giua duong thi sua sao",
    "tien dien thang nay tang gap doi la sao",
    "wifi nha bi cham thi reset modem the nao",
    "cach chuyen tien qua the atm",
    "vay tien ngan hang nao lai suat thap nhat",
    "di cho dong dang mua gi lam qua",
    "nha nghi o mau son gia bao nhieu",
    "hoc tieng trung o dau tai lang son",
    "chong toi nhau suot ngay thi phai lam sao",
    "bai hat nao hay ve lang son",
    "chuyen xe khach lang son ha noi luc may gio",
    "o dau ban cay giong hoi tot",
    "xem boi tinh duyen nam nay",
    "toi nen trong keo hay trong thong",
    "cach lam chuong lon cho sach",
    "hoc lai xe o trung tam nao do nhanh",
    "thu mua hoa hoi o dau gia cao",
    "máy cày cũ bán ở đâu được giá",
    "cách làm hồ sơ xin việc vào công ty may",
    "đội bóng nào vô địch V-League năm nay",
    "muon lam youtuber thi bat dau the nao",
    "cho toi xin so dien thoai bac si thu y gioi",
]
