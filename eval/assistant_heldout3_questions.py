"""Third held-out evaluation set for the motcua virtual assistant (issue #14).

Written on 2026-11-30 (UTC) by a helper session acting as an independent question
writer, who has never read, run or tuned the assistant (no access to its code,
its retrieval/search module, its benchmark or its documentation).

How: procedures were chosen from the national catalog crawl
(data/catalog/procedures-2026-07.jsonl.gz) only — commune- or province-level
procedures ("Cấp xã" / "Cấp tỉnh" in cap_thuc_hien) that a citizen or a small
business in Lạng Sơn asks about, excluding every procedure code used by the
earlier evaluation files (assistant.jsonl, assistant_heldout2.jsonl,
assistant_tuning_extra.jsonl; only their "expected" codes were read). For each
question the matching catalog record was checked to contain the information the
intent asks for (a time limit, a fee, the documents, the channels/place, the
steps). The set was written before any tuning on it and must stay held out:
do not tune the assistant on these rows.

Row format: {"question", "intents", "difficulty", "expected"}; "expected" lists
every catalog code that legitimately answers the question.
"""

from __future__ import annotations

# Codes, grouped by topic, for readability.
SO_DO_LAN_DAU = ["1.013978"]  # first land-use certificate, households (commune)
SANG_TEN_DAT = ["1.013831"]  # transfer / inheritance / gift of land-use rights
MAT_SO_DO = ["1.012786"]  # re-issue of a lost certificate
CAP_DOI_SO = ["1.012783"]  # exchange of a certificate
CHUYEN_MUC_DICH = ["1.013949"]  # change of land-use purpose (commune)
DOI_THONG_TIN_SO = ["1.013833"]  # change of holder information / parcel address
DINH_CHINH_SO = ["1.012796", "1.012790"]  # correction of a certificate
THE_CHAP = ["1.011441"]  # registration of a mortgage on land
XOA_THE_CHAP = ["1.011443"]  # deletion of a mortgage on land
GPXD_SUA_CHUA = ["1.013229"]  # building permit for repair/renovation, grade III-IV
GIA_HAN_GPXD = ["1.013227"]  # extension of a building permit, grade III-IV
SANG_TEN_XE = ["1.013076"]  # vehicle registration on change of owner
CAP_LAI_DKX = ["1.013080"]  # re-issue of vehicle registration / plate
DKX_LAN_DAU = ["1.013067", "1.012575", "1.013066"]  # first registration of a vehicle
CAP_LAI_GPLX = ["3.000348"]  # re-issue of a driving licence
BHXH_MOT_LAN = ["1.001613"]  # one-off social insurance payment
BHYT_HO_GD = ["1.001939"]  # health insurance for people joining health insurance only
CAP_LAI_THE_BHYT = ["1.002759"]  # re-issue / correction of social insurance book, health card
TU_TUAT = ["2.000821"]  # survivors' allowance (funeral, survivor pension)
NHA_O_XA_HOI = ["1.014632"]  # social housing application / housing condition check
THU_NHAP_THAP = ["3.000412"]  # recognition as a low-income worker
XAC_NHAN_HO_TICH = ["2.002516"]  # confirmation of civil-status information
CHUNG_THUC_HD = ["2.001035"]  # authentication of contracts on movables, land, houses
LPTB_NHA_DAT = ["1.007277"]  # registration fee declaration for houses and land
THUE_HKD = ["1.011022"]  # tax declaration of household businesses
MST_CA_NHAN = ["1.008498"]  # first tax registration of individuals, dependants
CHUYEN_DOI_LUA = ["1.008004"]  # change of crops/livestock on rice land
KIEM_DICH = ["1.002338"]  # animal quarantine for transport out of the province
ATTP = ["2.001827"]  # food-safety certificate, agro-forestry-fishery food
LONG_DUONG = ["1.013274"]  # temporary use of roadway / pavement
PHU_HIEU = ["2.002288"]  # badge for commercial transport vehicles
CAI_NGHIEN = ["3.000527"]  # voluntary drug rehabilitation registration


def _row(question: str, intents: list[str], difficulty: str, expected: list[str]) -> dict:
    return {"question": question, "intents": intents, "difficulty": difficulty,
            "expected": list(expected)}


ROWS: list[dict] = [
    # --- first land-use certificate, households (commune)
    _row("Hồ sơ đăng ký đất đai, cấp Giấy chứng nhận quyền sử dụng đất lần đầu cho hộ gia đình gồm"
         " những giấy tờ gì?",
         ["documents"], "plain", SO_DO_LAN_DAU),
    _row("dat nha toi o tu nam 1990 den gio chua co so do, gio di lam so lan dau mat bao lau vay",
         ["time"], "colloquial", SO_DO_LAN_DAU),
    _row("lam so do lan dau thi nop o dau a, nop qua mang dc ko hay phai len tan noi",
         ["where"], "colloquial", SO_DO_LAN_DAU),
    _row("Nhà tôi ở trên mảnh đất ông bà để lại, chưa từng được cấp sổ. Muốn xin cấp giấy chứng "
         "nhận lần đầu thì các bước thế nào và phải chuẩn bị giấy tờ gì?",
         ["steps", "documents"], "multi", SO_DO_LAN_DAU),

    # --- transfer / inheritance / gift of land-use rights
    _row("Thủ tục đăng ký biến động khi nhận chuyển nhượng quyền sử dụng đất được thực hiện như thế nào?",
         ["overview"], "plain", SANG_TEN_DAT),
    _row("em mua manh dat cua nha hang xom, hop dong cong chung xong roi, gio sang ten so do can "
         "mang nhung gi di",
         ["documents"], "colloquial", SANG_TEN_DAT),
    _row("bố mẹ cho con trai mảnh đất, làm sang tên sổ đỏ tặng cho mất mấy ngày",
         ["time"], "colloquial", SANG_TEN_DAT),
    _row("bo me mat de lai dat, anh em da thoa thuan phan chia xong, gio dang ky sang ten thua ke "
         "thi nop ho so o cho nao",
         ["where"], "colloquial", SANG_TEN_DAT),
    _row("Đăng ký biến động do thừa kế quyền sử dụng đất nộp ở đâu và bao lâu thì giải quyết xong?",
         ["where", "time"], "multi", SANG_TEN_DAT),

    # --- re-issue of a lost certificate
    _row("nha bi chay mat ca so do roi, gio xin lam lai the nao",
         ["overview"], "colloquial", MAT_SO_DO),
    _row("Bị mất Giấy chứng nhận quyền sử dụng đất thì hồ sơ đề nghị cấp lại gồm những gì?",
         ["documents"], "plain", MAT_SO_DO),
    _row("làm lại sổ đỏ bị mất thì bao lâu mới có sổ mới hả chị",
         ["time"], "colloquial", MAT_SO_DO),
    _row("Cấp lại Giấy chứng nhận do bị mất có phải nộp phí không và nộp hồ sơ ở đâu?",
         ["fee", "where"], "multi", MAT_SO_DO),

    # --- exchange of a certificate
    _row("so do nha toi cap tu nam 1995 gio rach nat mo het chu, muon doi sang so moi thi lam sao",
         ["overview"], "colloquial", CAP_DOI_SO),
    _row("Cấp đổi Giấy chứng nhận quyền sử dụng đất cần nộp những giấy tờ gì?",
         ["documents"], "plain", CAP_DOI_SO),
    _row("doi so do cu sang mau moi nop ho so truc tuyen dc khong hay phai ra van phong dang ky dat dai",
         ["where"], "colloquial", CAP_DOI_SO),
    _row("Thời hạn giải quyết thủ tục cấp đổi Giấy chứng nhận quyền sử dụng đất là bao nhiêu ngày?",
         ["time"], "plain", CAP_DOI_SO),

    # --- change of land-use purpose (commune)
    _row("muon chuyen dat vuon sang dat o (tho cu) de xay nha cho con thi phai lam thu tuc gi",
         ["overview"], "colloquial", CHUYEN_MUC_DICH),
    _row("Hộ gia đình xin chuyển mục đích sử dụng đất nông nghiệp sang đất ở thì thời hạn giải "
         "quyết là bao lâu?",
         ["time"], "plain", CHUYEN_MUC_DICH),
    _row("cac buoc xin len tho cu mieng dat trong cay lau nam cua nha minh",
         ["steps"], "colloquial", CHUYEN_MUC_DICH),
    _row("Xin phép chuyển mục đích sử dụng đất thì cần những giấy tờ gì, nộp ở đâu?",
         ["documents", "where"], "multi", CHUYEN_MUC_DICH),

    # --- change of holder information / parcel address
    _row("sổ đỏ nhà tôi vẫn ghi số CMND 9 số cũ, giờ đổi sang căn cước rồi thì có phải đăng ký "
         "thay đổi thông tin trên sổ không, làm như nào",
         ["overview"], "colloquial", DOI_THONG_TIN_SO),
    _row("Hồ sơ đăng ký biến động do thay đổi thông tin về người sử dụng đất gồm những giấy tờ gì?",
         ["documents"], "plain", DOI_THONG_TIN_SO),
    _row("sau sap nhap xa thi dia chi thua dat tren so do khac roi, dang ky thay doi dia chi mat bao lau",
         ["time"], "colloquial", DOI_THONG_TIN_SO),
    _row("Đăng ký thay đổi thông tin người sử dụng đất trên Giấy chứng nhận có nộp trực tuyến được không?",
         ["where"], "plain", DOI_THONG_TIN_SO),

    # --- correction of a certificate
    _row("so do in sai ten toi, Huong thanh Hường, bay gio phai lam gi de sua",
         ["overview"], "colloquial", DINH_CHINH_SO),
    _row("Đề nghị đính chính Giấy chứng nhận đã cấp có sai sót cần chuẩn bị hồ sơ gì?",
         ["documents"], "plain", DINH_CHINH_SO),
    _row("sổ hồng ghi nhầm diện tích, xin sửa lại thì mấy ngày xong",
         ["time"], "colloquial", DINH_CHINH_SO),
    _row("Đính chính sổ đỏ bị ghi sai thông tin có mất lệ phí không, bao lâu thì xong?",
         ["fee", "time"], "multi", DINH_CHINH_SO),

    # --- registration of a mortgage on land
    _row("vay ngan hang the chap so do thi dang ky the chap o dau vay",
         ["where"], "colloquial", THE_CHAP),
    _row("Hồ sơ đăng ký thế chấp quyền sử dụng đất, tài sản gắn liền với đất gồm những gì?",
         ["documents"], "plain", THE_CHAP),
    _row("dang ky the chap dat de vay von lam an thi bao lau xong a",
         ["time"], "colloquial", THE_CHAP),
    _row("Tôi thế chấp nhà đất để vay vốn ngân hàng: đăng ký biện pháp bảo đảm cần giấy tờ gì và "
         "mất bao lâu?",
         ["documents", "time"], "multi", THE_CHAP),

    # --- deletion of a mortgage on land
    _row("tra het no ngan hang roi, muon xoa the chap tren so do de lay so ve thi lam the nao",
         ["overview"], "colloquial", XOA_THE_CHAP),
    _row("Xóa đăng ký thế chấp quyền sử dụng đất cần những giấy tờ gì?",
         ["documents"], "plain", XOA_THE_CHAP),
    _row("giải chấp sổ đỏ xong thì đi xoá đăng ký ở đâu, làm online được ko",
         ["where"], "colloquial", XOA_THE_CHAP),
    _row("Thời hạn giải quyết hồ sơ xóa đăng ký biện pháp bảo đảm bằng quyền sử dụng đất là bao lâu?",
         ["time"], "plain", XOA_THE_CHAP),

    # --- building permit for repair/renovation, grade III-IV
    _row("nhà ống 2 tầng muốn cải tạo lại, phá tường đổi kết cấu thì có phải xin giấy phép không, "
         "thủ tục ra sao",
         ["overview"], "colloquial", GPXD_SUA_CHUA),
    _row("Hồ sơ đề nghị cấp giấy phép sửa chữa, cải tạo nhà ở riêng lẻ gồm những gì?",
         ["documents"], "plain", GPXD_SUA_CHUA),
    _row("xin phep sua chua cai tao nha thi may ngay dc cap giay phep",
         ["time"], "colloquial", GPXD_SUA_CHUA),
    _row("Giấy phép xây dựng sửa chữa, cải tạo nhà ở nộp hồ sơ ở đâu và thời hạn giải quyết bao lâu?",
         ["where", "time"], "multi", GPXD_SUA_CHUA),

    # --- extension of a building permit, grade III-IV
    _row("giay phep xay dung nha toi sap het han ma chua khoi cong duoc, co gia han dc ko",
         ["overview"], "colloquial", GIA_HAN_GPXD),
    _row("Gia hạn giấy phép xây dựng nhà ở riêng lẻ cần nộp những giấy tờ gì?",
         ["documents"], "plain", GIA_HAN_GPXD),
    _row("gia hạn gpxd mất mấy ngày vậy",
         ["time"], "colloquial", GIA_HAN_GPXD),
    _row("Đề nghị gia hạn giấy phép xây dựng thì nộp hồ sơ ở đâu?",
         ["where"], "plain", GIA_HAN_GPXD),

    # --- vehicle registration on change of owner
    _row("mua lai xe may cu cua nguoi quen o xa ben, muon sang ten thi ai phai lam gi truoc",
         ["steps"], "colloquial", SANG_TEN_XE),
    _row("Đăng ký sang tên xe khi thay đổi chủ xe cần những giấy tờ gì?",
         ["documents"], "plain", SANG_TEN_XE),
    _row("sang tên xe máy bao lâu thì có cà vẹt mới",
         ["time"], "colloquial", SANG_TEN_XE),
    _row("sang ten xe o cong an xa duoc k hay phai len tinh",
         ["where"], "colloquial", SANG_TEN_XE),
    _row("Tôi vừa mua lại chiếc ô tô cũ, làm thủ tục sang tên thì cần mang giấy tờ gì và nộp ở đâu?",
         ["documents", "where"], "multi", SANG_TEN_XE),

    # --- re-issue of vehicle registration / plate
    _row("mat cavet xe roi, lam lai the nao",
         ["overview"], "colloquial", CAP_LAI_DKX),
    _row("Cấp lại chứng nhận đăng ký xe bị mất có làm trực tuyến toàn trình được không?",
         ["where"], "plain", CAP_LAI_DKX),
    _row("Cấp lại chứng nhận đăng ký xe, biển số xe thì bao lâu được cấp?",
         ["time"], "plain", CAP_LAI_DKX),
    _row("bien so xe bi roi mat dau mat, xin cap lai bien tren vneid lam tung buoc ra sao",
         ["steps"], "colloquial", CAP_LAI_DKX),
    _row("mat ca vet xe oto thi lam lai theo cac buoc nao, bao lau co cai moi",
         ["steps", "time"], "multi", CAP_LAI_DKX),

    # --- first registration of a vehicle
    _row("moi mua xe may moi o cua hang, gio di dang ky bien so the nao",
         ["overview"], "colloquial", DKX_LAN_DAU),
    _row("Đăng ký, cấp biển số xe lần đầu cần những giấy tờ gì?",
         ["documents"], "plain", DKX_LAN_DAU),
    _row("dang ky xe moi mua co lam online toan trinh dc ko hay phai dat xe ra cong an",
         ["where"], "colloquial", DKX_LAN_DAU),
    _row("Mua xe mới thì đăng ký biển số lần đầu gồm những bước nào và cần giấy tờ gì?",
         ["steps", "documents"], "multi", DKX_LAN_DAU),

    # --- re-issue of a driving licence
    _row("mat bang lai xe may, lam lai het bn tien",
         ["fee"], "colloquial", CAP_LAI_GPLX),
    _row("làm lại bằng lái ô tô bị mất thì cần những giấy gì, có phải khám sức khoẻ ko",
         ["documents"], "colloquial", CAP_LAI_GPLX),
    _row("Cấp lại giấy phép lái xe nộp hồ sơ ở đâu? Có nộp trực tuyến được không?",
         ["where"], "plain", CAP_LAI_GPLX),
    _row("Thời gian cấp lại giấy phép lái xe là bao lâu và lệ phí là bao nhiêu?",
         ["time", "fee"], "multi", CAP_LAI_GPLX),

    # --- one-off social insurance payment
    _row("nghi lam cong ty may duoc hon 1 nam roi, gio muon rut bhxh 1 lan thi lam sao",
         ["overview"], "colloquial", BHXH_MOT_LAN),
    _row("rut bao hiem xa hoi mot lan bao lau thi nhan dc tien",
         ["time"], "colloquial", BHXH_MOT_LAN),
    _row("Hồ sơ giải quyết hưởng bảo hiểm xã hội một lần gồm những giấy tờ gì?",
         ["documents"], "plain", BHXH_MOT_LAN),
    _row("Nộp hồ sơ hưởng BHXH một lần ở đâu, có nộp qua mạng hoặc bưu điện được không?",
         ["where"], "plain", BHXH_MOT_LAN),
    _row("muốn rút bảo hiểm 1 lần thì các bước làm thế nào, nộp online được không",
         ["steps", "where"], "multi", BHXH_MOT_LAN),

    # --- health insurance for people joining health insurance only
    _row("mua bao hiem y te ho gia dinh cho ca nha thi den dau mua",
         ["where"], "colloquial", BHYT_HO_GD),
    _row("Đăng ký đóng, cấp thẻ bảo hiểm y tế đối với người chỉ tham gia BHYT thì bao lâu có thẻ?",
         ["time"], "plain", BHYT_HO_GD),
    _row("bố mẹ tôi làm ruộng, ko có bảo hiểm gì, giờ muốn mua thẻ bhyt thì cần giấy tờ gì",
         ["documents"], "colloquial", BHYT_HO_GD),
    _row("Tham gia bảo hiểm y tế theo hộ gia đình thì nộp hồ sơ ở đâu và bao nhiêu ngày được cấp thẻ?",
         ["where", "time"], "multi", BHYT_HO_GD),

    # --- re-issue / correction of social insurance book, health card
    _row("the bhyt cua con toi bi mat roi, lam lai the nao",
         ["overview"], "colloquial", CAP_LAI_THE_BHYT),
    _row("Thẻ bảo hiểm y tế bị ghi sai ngày sinh thì đề nghị điều chỉnh ở đâu?",
         ["where"], "plain", CAP_LAI_THE_BHYT),
    _row("cap lai so bhxh bi mat co mat tien ko, bao lau thi co",
         ["fee", "time"], "multi", CAP_LAI_THE_BHYT),
    _row("Thời hạn giải quyết cấp lại, điều chỉnh thông tin trên sổ BHXH là bao lâu?",
         ["time"], "plain", CAP_LAI_THE_BHYT),

    # --- survivors' allowance (funeral, survivor pension)
    _row("bo toi dang huong luong huu thi mat, gia dinh lam tro cap mai tang voi tien tuat the nao",
         ["overview"], "colloquial", TU_TUAT),
    _row("Thân nhân của người đang hưởng lương hưu qua đời nộp hồ sơ hưởng chế độ tử tuất ở đâu?",
         ["where"], "plain", TU_TUAT),
    _row("nộp hồ sơ tử tuất xong thì mấy ngày bảo hiểm giải quyết",
         ["time"], "colloquial", TU_TUAT),
    _row("Hồ sơ hưởng chế độ tử tuất gồm những giấy tờ gì và có phải nộp phí không?",
         ["documents", "fee"], "multi", TU_TUAT),

    # --- social housing application / housing condition check
    _row("vo chong toi chua co nha, muon dang ky mua nha o xa hoi thi xin xac nhan dieu kien nha o the nao",
         ["overview"], "colloquial", NHA_O_XA_HOI),
    _row("Giấy tờ chứng minh điều kiện về nhà ở để được mua, thuê mua nhà ở xã hội gồm những gì?",
         ["documents"], "plain", NHA_O_XA_HOI),
    _row("xin xac nhan chua co nha de mua noxh mat may ngay",
         ["time"], "colloquial", NHA_O_XA_HOI),
    _row("Trình tự xác nhận điều kiện về nhà ở để mua nhà ở xã hội gồm những bước nào?",
         ["steps"], "plain", NHA_O_XA_HOI),
    _row("xac nhan dieu kien nha o de mua nha xa hoi nop o dau, may ngay xong",
         ["where", "time"], "multi", NHA_O_XA_HOI),

    # --- recognition as a low-income worker
    _row("em làm công nhân lương thấp, cần giấy xác nhận thu nhập thấp để hồ sơ mua nhà xã hội thì xin ở đâu",
         ["where"], "colloquial", THU_NHAP_THAP),
    _row("Hồ sơ đề nghị công nhận người lao động có thu nhập thấp gồm những gì?",
         ["documents"], "plain", THU_NHAP_THAP),
    _row("xac nhan nguoi thu nhap thap nop online dc ko, bao lau co ket qua",
         ["where", "time"], "multi", THU_NHAP_THAP),
    _row("Quy trình xét công nhận người lao động có thu nhập thấp tại xã diễn ra như thế nào?",
         ["steps"], "plain", THU_NHAP_THAP),

    # --- confirmation of civil-status information
    _row("Lệ phí xác nhận thông tin hộ tịch là bao nhiêu?",
         ["fee"], "plain", XAC_NHAN_HO_TICH),
    _row("can giay xac nhan thong tin ho tich de bo sung ho so, lam tren vneid dc ko",
         ["where"], "colloquial", XAC_NHAN_HO_TICH),
    _row("Đề nghị cấp văn bản xác nhận thông tin hộ tịch cần nộp và xuất trình những giấy tờ gì?",
         ["documents"], "plain", XAC_NHAN_HO_TICH),
    _row("toi xin xac nhan thong tin ho tich thay cho me (me uy quyen) thi can giay gi, mat bn tien",
         ["documents", "fee"], "multi", XAC_NHAN_HO_TICH),

    # --- authentication of contracts on movables, land, houses
    _row("chung thuc hop dong mua ban xe may o ubnd xa mat bao nhieu tien",
         ["fee"], "colloquial", CHUNG_THUC_HD),
    _row("Chứng thực hợp đồng tặng cho quyền sử dụng đất tại Ủy ban nhân dân cấp xã cần những giấy tờ gì?",
         ["documents"], "plain", CHUNG_THUC_HD),
    _row("hop dong chuyen nhuong dat co chung thuc o xa duoc ko hay bat buoc ra phong cong chung",
         ["where"], "colloquial", CHUNG_THUC_HD),
    _row("Chứng thực hợp đồng thế chấp nhà đất thì mang theo giấy tờ gì và phí bao nhiêu một hợp đồng?",
         ["documents", "fee"], "multi", CHUNG_THUC_HD),

    # --- registration fee declaration for houses and land
    _row("được bố mẹ cho đất, giờ khai lệ phí trước bạ thế nào, có được miễn không",
         ["overview"], "colloquial", LPTB_NHA_DAT),
    _row("Hồ sơ khai lệ phí trước bạ nhà, đất gồm những giấy tờ gì?",
         ["documents"], "plain", LPTB_NHA_DAT),
    _row("to khai le phi truoc ba nha dat nop cho ai, o dau",
         ["where"], "colloquial", LPTB_NHA_DAT),
    _row("Khai lệ phí trước bạ nhà đất thì mấy ngày cơ quan thuế giải quyết?",
         ["time"], "plain", LPTB_NHA_DAT),

    # --- tax declaration of household businesses
    _row("toi mo quan tap hoa nho o cho, nam nay phai khai thue ho kinh doanh the nao",
         ["overview"], "colloquial", THUE_HKD),
    _row("Hộ kinh doanh thuộc đối tượng không chịu thuế giá trị gia tăng, không phải nộp thuế thu "
         "nhập cá nhân thì khai thuế theo mẫu nào?",
         ["documents"], "plain", THUE_HKD),
    _row("khai thue ho kinh doanh lam tren app vneid duoc ko hay phai mang giay len thue",
         ["where"], "colloquial", THUE_HKD),
    _row("Hộ kinh doanh mới ra kinh doanh khai thuế lần đầu thì làm theo các bước nào và cần những"
         " mẫu tờ khai gì?",
         ["steps", "documents"], "multi", THUE_HKD),

    # --- first tax registration of individuals, dependants
    _row("lam ma so thue ca nhan thi nop ho so o dau",
         ["where"], "colloquial", MST_CA_NHAN),
    _row("đăng ký mst cá nhân mất mấy ngày",
         ["time"], "colloquial", MST_CA_NHAN),
    _row("Đăng ký thuế lần đầu cho người phụ thuộc cần những hồ sơ gì?",
         ["documents"], "plain", MST_CA_NHAN),
    _row("dang ky ma so thue lan dau cho ca nhan co mat phi ko, bao lau co ma",
         ["fee", "time"], "multi", MST_CA_NHAN),

    # --- change of crops/livestock on rice land
    _row("ruong lua nha toi cay ko hieu qua, muon chuyen sang trong cay an qua thi co phai dang ky voi xa ko",
         ["overview"], "colloquial", CHUYEN_DOI_LUA),
    _row("Hồ sơ đăng ký chuyển đổi cơ cấu cây trồng, vật nuôi trên đất trồng lúa gồm những gì?",
         ["documents"], "plain", CHUYEN_DOI_LUA),
    _row("đăng ký chuyển ruộng lúa sang trồng lúa kết hợp nuôi cá thì xã trả lời trong mấy ngày",
         ["time"], "colloquial", CHUYEN_DOI_LUA),
    _row("Đăng ký chuyển đổi cây trồng trên đất trồng lúa nộp ở đâu và có mất phí không?",
         ["where", "fee"], "multi", CHUYEN_DOI_LUA),

    # --- animal quarantine for transport out of the province
    _row("cho mot xe lon sang tinh khac ban thi co phai kiem dich ko, lam the nao",
         ["overview"], "colloquial", KIEM_DICH),
    _row("Hồ sơ đăng ký kiểm dịch động vật vận chuyển ra khỏi địa bàn cấp tỉnh gồm những gì?",
         ["documents"], "plain", KIEM_DICH),
    _row("dang ky kiem dich trau bo cho ra khoi tinh gui ho so cho ai, gui qua mang dc ko",
         ["where"], "colloquial", KIEM_DICH),
    _row("Trình tự cấp giấy chứng nhận kiểm dịch sản phẩm động vật trên cạn vận chuyển ra khỏi "
         "tỉnh gồm những bước nào?",
         ["steps"], "plain", KIEM_DICH),

    # --- food-safety certificate, agro-forestry-fishery food
    _row("co so lam mang kho voi hoi kho cua nha toi xin giay chung nhan du dieu kien attp het bao"
         " nhieu tien",
         ["fee"], "colloquial", ATTP),
    _row("Hồ sơ đề nghị cấp Giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm đối với cơ sở sản"
         " xuất thực phẩm nông, lâm, thủy sản gồm những gì?",
         ["documents"], "plain", ATTP),
    _row("xưởng sơ chế hạt dẻ với hoa hồi khô xin giấy attp thì bao lâu mới có",
         ["time"], "colloquial", ATTP),
    _row("Phí thẩm định và thời hạn cấp Giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm nông,"
         " lâm, thủy sản là bao nhiêu?",
         ["fee", "time"], "multi", ATTP),

    # --- temporary use of roadway / pavement
    _row("nha co dam cuoi muon dung rap lan ra duong ngo thi co phai xin phep ko, xin the nao",
         ["overview"], "colloquial", LONG_DUONG),
    _row("đám tang dựng rạp trên vỉa hè xin phép thì mấy ngày được cấp",
         ["time"], "colloquial", LONG_DUONG),
    _row("Hồ sơ xin cấp phép sử dụng tạm thời lòng đường, vỉa hè vào mục đích khác gồm những gì?",
         ["documents"], "plain", LONG_DUONG),
    _row("Xin phép sử dụng tạm thời vỉa hè trong đô thị thì nộp hồ sơ cho cơ quan nào?",
         ["where"], "plain", LONG_DUONG),
    _row("Xin phép dùng tạm lòng đường trong ngõ để làm đám cưới cần giấy tờ gì, nộp ở xã hay ở đâu?",
         ["documents", "where"], "multi", LONG_DUONG),

    # --- badge for commercial transport vehicles
    _row("cty nho chay xe tai cho thue hang, xin phu hieu cho xe thi nop o dau",
         ["where"], "colloquial", PHU_HIEU),
    _row("Hồ sơ đề nghị cấp phù hiệu cho xe ô tô kinh doanh vận tải gồm những gì?",
         ["documents"], "plain", PHU_HIEU),
    _row("cấp lại phù hiệu xe bị mất mấy ngày, có tốn phí ko",
         ["time", "fee"], "multi", PHU_HIEU),
    _row("xe khach hop dong cua toi can phu hieu, ho so gom nhung gi va nop o dau",
         ["documents", "where"], "multi", PHU_HIEU),

    # --- voluntary drug rehabilitation registration
    _row("con toi nghien, gia dinh muon cho chau di cai tu nguyen thi dang ky o dau",
         ["where"], "colloquial", CAI_NGHIEN),
    _row("Hồ sơ đăng ký cai nghiện ma túy tự nguyện gồm những giấy tờ gì?",
         ["documents"], "plain", CAI_NGHIEN),
    _row("nop don dang ky cai nghien tu nguyen xong thi bao lau xa tra loi",
         ["time"], "colloquial", CAI_NGHIEN),
    _row("Các bước đăng ký cai nghiện ma túy tự nguyện cho người từ 12 đến dưới 18 tuổi như thế nào?",
         ["steps"], "plain", CAI_NGHIEN),
    _row("dang ky cai nghien tu nguyen cho chong can giay to gi, co mat tien ko",
         ["documents", "fee"], "multi", CAI_NGHIEN),
]

STATUS: list[str] = [
    "hồ sơ của tôi đến đâu rồi",
    "ho so sang ten so do cua toi nop tuan truoc gio da xong chua",
    "Cho tôi tra cứu tình trạng hồ sơ mã số H37.23-251110-0042",
    "nộp hồ sơ cấp lại bằng lái trên mạng 5 hôm rồi chưa thấy gì, kiểm tra giúp với",
    "bao gio thi toi nhan duoc ket qua ho so da nop o trung tam hanh chinh cong",
]

OFF_TOPIC: list[str] = [
    "mai ở Lạng Sơn có mưa không",
    "toi nay MU da voi ai, may gio",
    "cách làm vịt quay Lạng Sơn giòn da",
    "người yêu giận không nhắn tin 3 ngày rồi phải làm sao",
    "co nen mua co phieu ngan hang luc nay khong",
    "có nên mua nhà lúc này không hay đợi giá giảm",
    "giải giúp em phương trình x^2 - 5x + 6 = 0",
    "đăng ký học bơi cho con ở đâu gần Đồng Đăng",
    "le phi vao cong cong vien Chi Lang bao nhieu",
    "làm sổ tiết kiệm ở ngân hàng nào lãi suất cao nhất",
    "mẹo học thuộc 600 câu lý thuyết lái xe nhanh nhất",
    "gia vang hom nay bao nhieu mot chi",
    "viết giúp tôi bài thơ tặng mẹ ngày 20/10",
    "đi chợ Kỳ Lừa mua gì làm quà",
    "sang ten tai khoan facebook cho nguoi khac the nao",
    "hồ sơ xin việc cần những giấy tờ gì để nộp vào công ty may",
    "cho con đi học thêm tiếng Trung ở đâu tốt",
]

__all__ = ["ROWS", "STATUS", "OFF_TOPIC"]
