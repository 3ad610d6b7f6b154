"""Fourth held-out evaluation set for the motcua virtual assistant (issue #14).

Written on 2026-11-30 (UTC), between 05:17 and 06:20, by a helper session (`heldout4`)
acting as an independent question writer. The writer never read, ran or measured the
assistant: no access to its code (motcua/assistant/), to the catalog search code, to
the scoring part of bench/assistant.py, to docs/assistant*, nor to the questions of the
earlier evaluation files. It saw no score, before or after writing.

How: the procedures were chosen from the national catalog crawl only
(data/catalog/procedures-2026-07.jsonl.gz), among commune- or province-level
procedures ("Cấp xã" / "Cấp tỉnh" in cap_thuc_hien) that a citizen, a farmer or a
small business in Lạng Sơn (a border province: marriages, births and deaths with a
neighbouring-country element, fruit exports needing a growing-area code, transport
firms) would really ask about. Every procedure code appearing in an earlier eval file
(eval/*.jsonl, eval/*_questions.py, extracted mechanically with a regular expression,
the questions themselves unread) was excluded. For each procedure: three questions —
one plain (correct diacritics, the procedure's own vocabulary), one colloquial (no
diacritics, phone-style typing, the life situation described without the procedure's
name) and one multi-part (two intents). Each question's intent was checked against
the catalog record (a time limit, a fee, the documents, the channels/place or the
steps are present in it); a fee or time question is not asked where the record says
"Không có thông tin". "expected" lists every catalog code that legitimately answers
the question (two codes where two procedures fit). Status questions are about "my
dossier"; off-topic questions include near-domain traps (a lawyer's opinion, a bank
loan, a court verdict's merits).

The set was written before any measurement on it and must stay held out: do not tune
the assistant on these rows.

Row format: {"question", "intents", "difficulty", "expected"}.
"""

from __future__ import annotations

# Codes, grouped by topic, for readability.
KET_HON_BIEN_GIOI = ["1.000094"]  # marriage with a neighbouring-country resident, border area
KHAI_SINH_BIEN_GIOI = ["1.000110"]  # birth with a foreign element, border area
KHAI_TU_BIEN_GIOI = ["1.004827"]  # death of a foreigner, border area
LIEN_THONG_KS_BHYT = ["2.001023", "2.000986"]  # birth + health card for a child under 6 (joint)
DIEU_CHINH_DAN_CU = ["1.012564"]  # correct one's data in the national population database
KHOA_CAN_CUOC_DT = ["3.000276"]  # lock one's electronic identity
BAN_SAO_GIAO_DICH = ["2.000942"]  # certified copy of an authenticated transaction
XAC_DINH_LAI_DAT_O = ["1.012817"]  # re-determine residential area (certificate before 1/7/2004)
XOA_NO_TIEN_DAT = ["1.013988", "1.012996"]  # clear land-use fee debt noted on the certificate
TAI_SAN_TREN_DAT = ["1.013995"]  # register a house/asset on an already certified parcel
THOA_THUAN_HO_GD = ["1.013980"]  # change of holders by agreement of household members/spouses
NUOC_DUOI_DAT = ["1.001662"]  # register groundwater extraction (well), commune
THONG_TIN_QUY_HOACH = ["1.014159"]  # planning information
TAM_NGUNG_DN = ["2.002029"]  # company suspends business
CAP_LAI_GCN_DN = ["2.002018"]  # re-issue a lost company registration certificate
GIAI_THE_DN = ["2.002023"]  # dissolve a company
CHI_NHANH_DN = ["2.002069"]  # register a branch / business location of a company
HKD_CAP_NHAT = ["1.014034"]  # update / correct household-business registration data
THANH_LAP_HTX = ["1.005280"]  # register a cooperative
TO_HOP_TAC = ["2.002637"]  # register a cooperative group
GPKD_VAN_TAI = ["1.000703"]  # road transport business licence
XE_QUA_TAI = ["1.000028"]  # circulation permit, oversize/overweight vehicle
BUON_BAN_BVTV = ["1.004363"]  # certificate to sell plant-protection chemicals
HANH_NGHE_THU_Y = ["1.004756"]  # veterinary practice certificate
MA_VUNG_TRONG = ["1.014776"]  # growing-area / packing-house code
PHOI_GIONG = ["1.012836"]  # support for artificial insemination of cattle/pigs
RUNG_CA_NHAN = ["1.012694"]  # change of forest use, individual
THOAT_NGHEO = ["1.011608"]  # recognition of leaving poverty (any time of the year)
# A household asking to leave (near-)poverty without saying when may also go through the
# annual review (1.011606), so both are accepted for those questions.
THOAT_NGHEO_CHUNG = ["1.011608", "1.011606"]
MUC_SONG_TB = ["1.011609"]  # farming household with average living standard
BHXH_TAI_KHOAN = ["2.000740"]  # pension paid in cash -> to a bank account
TRUY_LINH = ["2.000717"]  # arrears of a deceased pensioner
BHYT_THANH_TOAN = ["1.001656"]  # direct reimbursement of health-insurance costs
AN_NINH_TRAT_TU = ["2.001478"]  # security & order certificate (karaoke, hotel, …)
SAO_BAN_AN = ["3.000165"]  # copy of a court judgment
THOI_QUOC_TICH = ["2.002036"]  # renounce Vietnamese nationality


def _row(question: str, intents: list[str], difficulty: str, expected: list[str]) -> dict:
    return {"question": question, "intents": list(intents), "difficulty": difficulty,
            "expected": list(expected)}


ROWS: list[dict] = [
    # --- marriage with a neighbouring-country resident, border area
    _row("Đăng ký kết hôn với công dân Trung Quốc thường trú ở khu vực biên giới cần những giấy tờ gì?",
         ["documents"], "plain", KET_HON_BIEN_GIOI),
    _row("em o xa giap bien muon lay chong ben kia bien gioi nguoi trung quoc thi lam giay ket hon o dau",
         ["where"], "colloquial", KET_HON_BIEN_GIOI),
    _row("Kết hôn có yếu tố nước ngoài tại khu vực biên giới mất bao lâu và có phải nộp lệ phí không?",
         ["time", "fee"], "multi", KET_HON_BIEN_GIOI),
    # --- birth with a foreign element, border area
    _row("Thời hạn giải quyết đăng ký khai sinh có yếu tố nước ngoài tại khu vực biên giới là bao lâu?",
         ["time"], "plain", KHAI_SINH_BIEN_GIOI),
    _row("vo toi nguoi TQ ben kia bien gioi moi sinh chau, lam giay khai sinh cho chau can mang nhung gi",
         ["documents"], "colloquial", KHAI_SINH_BIEN_GIOI),
    _row("Khai sinh cho con có mẹ là công dân nước láng giềng ở khu vực biên giới: nộp ở đâu, lệ"
         " phí bao nhiêu?",
         ["where", "fee"], "multi", KHAI_SINH_BIEN_GIOI),
    # --- death of a foreigner, border area
    _row("Hồ sơ đăng ký khai tử có yếu tố nước ngoài tại khu vực biên giới gồm những gì?",
         ["documents"], "plain", KHAI_TU_BIEN_GIOI),
    _row("ong nguoi trung quoc o ben kia bien gioi sang choi roi mat o xa minh, gia dinh phai bao tu o dau",
         ["where"], "colloquial", KHAI_TU_BIEN_GIOI),
    _row("Khai tử cho người nước láng giềng chết ở xã biên giới thực hiện theo các bước nào và mất mấy ngày?",
         ["steps", "time"], "multi", KHAI_TU_BIEN_GIOI),
    # --- joint birth registration + health insurance card for a child under 6
    _row("Liên thông đăng ký khai sinh và cấp thẻ bảo hiểm y tế cho trẻ em dưới 6 tuổi mất bao lâu?",
         ["time"], "plain", LIEN_THONG_KS_BHYT),
    _row("be nha em moi de, lam giay khai sinh luon the bao hiem y te cho be mot lan duoc ko, can giay gi",
         ["documents"], "colloquial", LIEN_THONG_KS_BHYT),
    _row("Làm khai sinh kèm thẻ bảo hiểm y tế cho con dưới 6 tuổi thì nộp ở đâu và có mất phí không?",
         ["where", "fee"], "multi", LIEN_THONG_KS_BHYT),
    # --- correct one's data in the national population database
    _row("Thủ tục điều chỉnh thông tin trong Cơ sở dữ liệu quốc gia về dân cư cần những giấy tờ gì?",
         ["documents"], "plain", DIEU_CHINH_DAN_CU),
    _row("tren vneid ngay sinh cua toi bi sai so voi giay khai sinh, muon sua thi ra dau lam",
         ["where"], "colloquial", DIEU_CHINH_DAN_CU),
    _row("Đề nghị sửa thông tin sai trong Cơ sở dữ liệu dân cư bao lâu thì xong và có mất phí không?",
         ["time", "fee"], "multi", DIEU_CHINH_DAN_CU),
    # --- lock the electronic identity
    _row("Khóa căn cước điện tử thực hiện như thế nào?",
         ["steps"], "plain", KHOA_CAN_CUOC_DT),
    _row("dien thoai toi bi mat cap, so no dung tai khoan dinh danh cua toi, muon khoa lai thi lam sao",
         ["steps"], "colloquial", KHOA_CAN_CUOC_DT),
    _row("Muốn khóa căn cước điện tử thì cần giấy tờ gì và bao lâu thì được khóa?",
         ["documents", "time"], "multi", KHOA_CAN_CUOC_DT),
    # --- certified copy from the original of an authenticated transaction
    _row("Lệ phí cấp bản sao có chứng thực từ bản chính hợp đồng, giao dịch đã được chứng thực là bao nhiêu?",
         ["fee"], "plain", BAN_SAO_GIAO_DICH),
    _row("hop dong mua ban dat chung thuc o xa nam truoc toi lam mat ban cua minh roi, xin lai ban"
         " sao duoc khong",
         ["overview"], "colloquial", BAN_SAO_GIAO_DICH),
    _row("Xin bản sao hợp đồng đã chứng thực tại UBND xã thì phải mang giấy tờ gì và mất bao nhiêu tiền?",
         ["documents", "fee"], "multi", BAN_SAO_GIAO_DICH),
    # --- re-determine residential land area (certificate issued before 1 July 2004)
    _row("Xác định lại diện tích đất ở đối với Giấy chứng nhận đã cấp trước ngày 01/7/2004 mất bao lâu?",
         ["time"], "plain", XAC_DINH_LAI_DAT_O),
    _row("so do nha toi cap tu nam 2000, dat o ghi co 100m con lai la vuon, muon xac dinh lai dat o"
         " cho dung thi lam gi",
         ["overview"], "colloquial", XAC_DINH_LAI_DAT_O),
    _row("Hồ sơ xác định lại diện tích đất ở gồm những gì và nộp ở đâu?",
         ["documents", "where"], "multi", XAC_DINH_LAI_DAT_O),
    # --- clear the land-use fee debt noted on the certificate
    _row("Thủ tục xóa ghi nợ tiền sử dụng đất trên Giấy chứng nhận cần những giấy tờ gì?",
         ["documents"], "plain", XOA_NO_TIEN_DAT),
    _row("so do nha toi con ghi no tien su dung dat, gio tra het roi thi di dau de xoa dong ghi no",
         ["where"], "colloquial", XOA_NO_TIEN_DAT),
    _row("Xóa nợ tiền sử dụng đất đã ghi trên sổ đỏ mất mấy ngày và có tốn phí không?",
         ["time", "fee"], "multi", XOA_NO_TIEN_DAT),
    # --- register a house built on an already certified parcel
    _row("Đăng ký tài sản gắn liền với thửa đất đã được cấp Giấy chứng nhận cần hồ sơ gì?",
         ["documents"], "plain", TAI_SAN_TREN_DAT),
    _row("dat nha toi co so do roi, gio xay them nha 2 tang muon ghi nha vao so thi lam the nao",
         ["steps"], "colloquial", TAI_SAN_TREN_DAT),
    _row("Bổ sung nhà ở vào Giấy chứng nhận đã cấp mất bao lâu, nộp trực tuyến được không?",
         ["time", "where"], "multi", TAI_SAN_TREN_DAT),
    # --- change of holders by agreement of household members or spouses
    _row("Đăng ký biến động theo thỏa thuận của vợ và chồng về quyền sử dụng đất nộp hồ sơ ở đâu?",
         ["where"], "plain", THOA_THUAN_HO_GD),
    _row("so do dung ten mot minh chong, hai vo chong thoa thuan muon them ten vo vao thi mat bao lau",
         ["time"], "colloquial", THOA_THUAN_HO_GD),
    _row("Các thành viên hộ gia đình thỏa thuận đứng tên chung quyền sử dụng đất thì cần giấy tờ gì"
         " và có mất phí không?",
         ["documents", "fee"], "multi", THOA_THUAN_HO_GD),
    # --- register groundwater extraction
    _row("Đăng ký khai thác nước dưới đất tại UBND cấp xã cần những giấy tờ gì?",
         ["documents"], "plain", NUOC_DUOI_DAT),
    _row("nha toi mo quan an muon khoan gieng lay nuoc dung, nghe noi phai dang ky voi xa, mat may ngay",
         ["time"], "colloquial", NUOC_DUOI_DAT),
    _row("Khai thác nước giếng khoan phải đăng ký ở đâu và lệ phí bao nhiêu?",
         ["where", "fee"], "multi", NUOC_DUOI_DAT),
    # --- planning information
    _row("Thời hạn cung cấp thông tin quy hoạch đô thị và nông thôn là bao lâu?",
         ["time"], "plain", THONG_TIN_QUY_HOACH),
    _row("dinh mua manh dat o thanh pho, so dinh quy hoach lam duong thi hoi o dau de biet",
         ["where"], "colloquial", THONG_TIN_QUY_HOACH),
    _row("Xin thông tin quy hoạch của một lô đất cần nộp giấy tờ gì và có mất phí không?",
         ["documents", "fee"], "multi", THONG_TIN_QUY_HOACH),
    # --- company suspends business
    _row("Thông báo tạm ngừng kinh doanh của doanh nghiệp cần hồ sơ gì?",
         ["documents"], "plain", TAM_NGUNG_DN),
    _row("cong ty tnhh cua toi dang e am, muon nghi ban 1 nam roi quay lai thi phai bao cho ai",
         ["where"], "colloquial", TAM_NGUNG_DN),
    _row("Doanh nghiệp tạm ngừng kinh doanh thì làm theo các bước nào và có mất lệ phí không?",
         ["steps", "fee"], "multi", TAM_NGUNG_DN),
    # --- re-issue a lost company registration certificate
    _row("Cấp lại Giấy chứng nhận đăng ký doanh nghiệp bị mất thì lệ phí bao nhiêu?",
         ["fee"], "plain", CAP_LAI_GCN_DN),
    _row("nha bi chay, giay phep kinh doanh cua cong ty chay mat roi, xin cai moi thi mang theo gi",
         ["documents"], "colloquial", CAP_LAI_GCN_DN),
    _row("Giấy chứng nhận đăng ký doanh nghiệp bị rách nát, xin cấp lại ở đâu và bao lâu có?",
         ["where", "time"], "multi", CAP_LAI_GCN_DN),
    # --- dissolve a company
    _row("Hồ sơ giải thể doanh nghiệp gồm những giấy tờ gì?",
         ["documents"], "plain", GIAI_THE_DN),
    _row("cong ty lam an thua lo, anh em muon dong cua han cong ty luon cho xong thi lam the nao",
         ["steps"], "colloquial", GIAI_THE_DN),
    _row("Giải thể công ty nộp hồ sơ ở đâu và có phải đóng lệ phí không?",
         ["where", "fee"], "multi", GIAI_THE_DN),
    # --- branch / business location of a company
    _row("Đăng ký hoạt động chi nhánh, thông báo lập địa điểm kinh doanh của doanh nghiệp cần những"
         " giấy tờ gì?",
         ["documents"], "plain", CHI_NHANH_DN),
    _row("cong ty minh o ha noi gio muon mo them cua hang o lang son thi dang ky nhu nao",
         ["steps"], "colloquial", CHI_NHANH_DN),
    _row("Lập địa điểm kinh doanh cho công ty mất bao lâu và lệ phí bao nhiêu?",
         ["time", "fee"], "multi", CHI_NHANH_DN),
    # --- update / correct household-business registration data
    _row("Hiệu đính thông tin đăng ký hộ kinh doanh thực hiện ở đâu?",
         ["where"], "plain", HKD_CAP_NHAT),
    _row("giay dang ky ho kinh doanh cua toi ghi sai so dien thoai voi ten duong, muon sua lai can giay gi",
         ["documents"], "colloquial", HKD_CAP_NHAT),
    _row("Cập nhật, bổ sung thông tin trong hồ sơ đăng ký hộ kinh doanh mất bao lâu và có mất lệ phí không?",
         ["time", "fee"], "multi", HKD_CAP_NHAT),
    # --- register a cooperative
    _row("Thủ tục đăng ký thành lập hợp tác xã gồm các bước nào?",
         ["steps"], "plain", THANH_LAP_HTX),
    _row("ca thon muon gop von lap htx trong hoi voi na de ban chung thi dang ky o dau",
         ["where"], "colloquial", THANH_LAP_HTX),
    _row("Đăng ký thành lập hợp tác xã mất bao lâu và lệ phí thế nào?",
         ["time", "fee"], "multi", THANH_LAP_HTX),
    # --- register a cooperative group
    _row("Đăng ký thành lập tổ hợp tác có mất lệ phí không?",
         ["fee"], "plain", TO_HOP_TAC),
    _row("may ho trong thon lap to cung nuoi ong lay mat, co can dang ky voi xa khong, lam ra sao",
         ["overview"], "colloquial", TO_HOP_TAC),
    _row("Đăng ký tổ hợp tác cần những giấy tờ gì và bao lâu thì được cấp giấy chứng nhận?",
         ["documents", "time"], "multi", TO_HOP_TAC),
    # --- road transport business licence
    _row("Cấp Giấy phép kinh doanh vận tải bằng xe ô tô mất bao nhiêu ngày?",
         ["time"], "plain", GPKD_VAN_TAI),
    _row("cong ty toi co 3 xe tai muon cho hang thue len cua khau, can xin giay phep gi, o dau",
         ["where"], "colloquial", GPKD_VAN_TAI),
    _row("Xin giấy phép kinh doanh vận tải bằng ô tô cần hồ sơ gì và làm theo trình tự nào?",
         ["documents", "steps"], "multi", GPKD_VAN_TAI),
    # --- circulation permit for an oversize / overweight vehicle
    _row("Hồ sơ cấp Giấy phép lưu hành xe quá tải trọng, quá khổ giới hạn trên đường bộ gồm những gì?",
         ["documents"], "plain", XE_QUA_TAI),
    _row("cty em can cho mot cai may xuc to qua kho tren quoc lo 1, xin giay phep luu hanh o dau",
         ["where"], "colloquial", XE_QUA_TAI),
    _row("Giấy phép lưu hành xe bánh xích trên đường bộ bao lâu thì được cấp và nộp trực tuyến được không?",
         ["time", "where"], "multi", XE_QUA_TAI),
    # --- certificate to sell plant-protection chemicals
    _row("Lệ phí cấp Giấy chứng nhận đủ điều kiện buôn bán thuốc bảo vệ thực vật là bao nhiêu?",
         ["fee"], "plain", BUON_BAN_BVTV),
    _row("toi muon mo cua hang ban thuoc tru sau, thuoc co cho ba con trong xa thi can giay to gi",
         ["documents"], "colloquial", BUON_BAN_BVTV),
    _row("Giấy chứng nhận đủ điều kiện buôn bán thuốc bảo vệ thực vật nộp hồ sơ ở đâu và mất bao lâu?",
         ["where", "time"], "multi", BUON_BAN_BVTV),
    # --- veterinary practice certificate
    _row("Hồ sơ cấp Chứng chỉ hành nghề thú y gồm những gì?",
         ["documents"], "plain", HANH_NGHE_THU_Y),
    _row("toi hoc trung cap thu y ra, muon di tiem phong chua benh cho lon ga cua ba con thi phai"
         " co chung chi gi, phi bao nhieu",
         ["fee"], "colloquial", HANH_NGHE_THU_Y),
    _row("Cấp chứng chỉ hành nghề thú y mất bao lâu và các bước thực hiện thế nào?",
         ["time", "steps"], "multi", HANH_NGHE_THU_Y),
    # --- growing-area / packing-house code
    _row("Cấp mã số vùng trồng mất bao nhiêu ngày làm việc?",
         ["time"], "plain", MA_VUNG_TRONG),
    _row("vuon na voi vuon hoi nha toi muon xuat sang trung quoc, thuong lai doi phai co ma so vung"
         " trong, xin o dau",
         ["where"], "colloquial", MA_VUNG_TRONG),
    _row("Đề nghị cấp mã số cơ sở đóng gói cần những giấy tờ gì và có mất phí không?",
         ["documents", "fee"], "multi", MA_VUNG_TRONG),
    # --- support for artificial insemination of cattle and pigs
    _row("Thủ tục hỗ trợ chi phí vật tư phối giống nhân tạo cho trâu, bò cái thực hiện theo các bước nào?",
         ["steps"], "plain", PHOI_GIONG),
    _row("toi lam dich vu phoi giong bo cho ba con, nghe noi nha nuoc ho tro tien tinh dong lanh,"
         " nop ho so o dau",
         ["where"], "colloquial", PHOI_GIONG),
    _row("Hỗ trợ phối giống nhân tạo gia súc cần hồ sơ gì và bao lâu thì được giải quyết?",
         ["documents", "time"], "multi", PHOI_GIONG),
    # --- change of forest use by an individual
    _row("Chuyển mục đích sử dụng rừng sang mục đích khác đối với cá nhân mất bao lâu?",
         ["time"], "plain", RUNG_CA_NHAN),
    _row("nha toi co manh rung keo muon chuyen sang lam trang trai chan nuoi thi phai xin phep ai",
         ["where"], "colloquial", RUNG_CA_NHAN),
    _row("Cá nhân xin chuyển mục đích sử dụng rừng cần những giấy tờ gì và làm theo các bước nào?",
         ["documents", "steps"], "multi", RUNG_CA_NHAN),
    # --- recognition of leaving poverty
    _row("Thủ tục công nhận hộ thoát nghèo thường xuyên hằng năm cần giấy tờ gì?",
         ["documents"], "plain", THOAT_NGHEO),
    _row("nha toi nam nay lam an kha len roi, muon xin ra khoi ho ngheo thi lam don gui ai",
         ["where"], "colloquial", THOAT_NGHEO_CHUNG),
    _row("Công nhận hộ thoát cận nghèo mất bao lâu và trình tự thế nào?",
         ["time", "steps"], "multi", THOAT_NGHEO_CHUNG),
    # --- farming household with an average living standard
    _row("Công nhận hộ làm nông nghiệp, lâm nghiệp có mức sống trung bình mất bao nhiêu ngày?",
         ["time"], "plain", MUC_SONG_TB),
    _row("nha toi lam ruong, nghe noi ho muc song trung binh duoc ho tro mua bao hiem y te, xin xac"
         " nhan the nao",
         ["steps"], "colloquial", MUC_SONG_TB),
    _row("Xác định hộ có mức sống trung bình cần giấy tờ gì và nộp ở đâu?",
         ["documents", "where"], "multi", MUC_SONG_TB),
    # --- pension paid in cash switched to a personal account
    _row("Chuyển từ lĩnh lương hưu bằng tiền mặt sang lĩnh qua tài khoản cá nhân mất bao lâu?",
         ["time"], "plain", BHXH_TAI_KHOAN),
    _row("bo toi gia roi di buu dien linh luong huu bat tien, muon chuyen ve the atm thi lam o dau",
         ["where"], "colloquial", BHXH_TAI_KHOAN),
    _row("Người hưởng chế độ bảo hiểm xã hội muốn đổi sang nhận qua tài khoản ngân hàng thì làm thế"
         " nào và có mất phí không?",
         ["steps", "fee"], "multi", BHXH_TAI_KHOAN),
    # --- arrears of a deceased pensioner
    _row("Truy lĩnh lương hưu của người hưởng đã chết nhưng còn chế độ chưa nhận thực hiện ở đâu?",
         ["where"], "plain", TRUY_LINH),
    _row("me toi mat thang truoc, con 2 thang luong huu chua lanh, con cai co nhan thay duoc ko",
         ["overview"], "colloquial", TRUY_LINH),
    _row("Thân nhân truy lĩnh trợ cấp bảo hiểm xã hội của người đã mất làm theo các bước nào và mất"
         " mấy ngày?",
         ["steps", "time"], "multi", TRUY_LINH),
    # --- direct reimbursement of health-insurance costs
    _row("Thanh toán trực tiếp chi phí khám, chữa bệnh bảo hiểm y tế mất bao lâu?",
         ["time"], "plain", BHYT_THANH_TOAN),
    _row("di vien quen mang the bhyt phai tra het tien, gio muon bao hiem tra lai thi nop o dau",
         ["where"], "colloquial", BHYT_THANH_TOAN),
    _row("Đề nghị thanh toán trực tiếp chi phí khám chữa bệnh BHYT có mất phí không và các bước ra sao?",
         ["fee", "steps"], "multi", BHYT_THANH_TOAN),
    # --- security and order certificate for conditional businesses
    _row("Lệ phí cấp mới Giấy chứng nhận đủ điều kiện về an ninh, trật tự là bao nhiêu?",
         ["fee"], "plain", AN_NINH_TRAT_TU),
    _row("toi sap mo quan karaoke voi nha nghi o thanh pho, ben cong an bao phai co giay an ninh"
         " trat tu, can nhung gi",
         ["documents"], "colloquial", AN_NINH_TRAT_TU),
    _row("Giấy chứng nhận đủ điều kiện về an ninh, trật tự cấp ở đâu và mất mấy ngày làm việc?",
         ["where", "time"], "multi", AN_NINH_TRAT_TU),
    # --- copy of a court judgment
    _row("Đăng ký cấp sao bản án, tài liệu trong hồ sơ vụ án cần những giấy tờ gì?",
         ["documents"], "plain", SAO_BAN_AN),
    _row("vu ly hon cua toi xu xong lau roi, lam mat ban an, muon xin ban sao thi len dau",
         ["where"], "colloquial", SAO_BAN_AN),
    _row("Xin sao bản án có mất phí không và làm theo các bước nào?",
         ["fee", "steps"], "multi", SAO_BAN_AN),
    # --- renounce Vietnamese nationality
    _row("Hồ sơ xin thôi quốc tịch Việt Nam ở trong nước gồm những gì?",
         ["documents"], "plain", THOI_QUOC_TICH),
    _row("con gai toi lay chong nuoc ngoai, ben do bat bo quoc tich viet nam moi cho nhap quoc"
         " tich, thi lam don o dau",
         ["where"], "colloquial", THOI_QUOC_TICH),
    _row("Thôi quốc tịch Việt Nam mất bao lâu và có phải nộp lệ phí không?",
         ["time", "fee"], "multi", THOI_QUOC_TICH),
]

STATUS: list[str] = [
    "Hồ sơ xin giấy phép kinh doanh vận tải của công ty tôi đã được duyệt chưa?",
    "ho so xoa no tien dat cua toi nop tuan truoc gio den dau roi",
    "Tôi muốn tra cứu tình trạng hồ sơ đăng ký kết hôn đã nộp ở xã.",
    "bao gio thi co ket qua ho so cap ma so vung trong cua hop tac xa em",
    "Hồ sơ thanh toán bảo hiểm y tế của mẹ tôi có bị trả lại không?",
    "toi nop ho so giai the cong ty roi ma chua thay ai goi, kiem tra giup",
    "Mã hồ sơ của tôi là H37.xx, cho tôi biết đang xử lý ở bước nào.",
    "ho so cua toi bi yeu cau bo sung, con thieu giay gi vay",
]

OFF_TOPIC: list[str] = [
    "Cuối tuần này Lạng Sơn có rét đậm không, có băng giá trên Mẫu Sơn không?",
    "toi nay viet nam da voi thai lan may gio, kenh nao chieu",
    "Vay ngân hàng 500 triệu mua nhà thì lãi suất ngân hàng nào thấp nhất hiện nay?",
    "con toi sot 39 do tu hom qua, cho uong thuoc gi thi ha sot",
    "Bạn nghĩ đảng nào trên thế giới đang quản lý kinh tế giỏi nhất?",
    "di da lat 3 ngay 2 dem thi nen o khach san nao, an gi ngon",
    "Luật sư ơi, theo anh tôi kiện hàng xóm lấn đất thì có thắng không?",
    "Tôi bị tòa xử ly hôn chia tài sản như vậy có đúng không, có nên kháng cáo?",
    "gia vang hom nay bao nhieu mot chi",
    "Viết giúp tôi một bài thơ về hoa đào xứ Lạng.",
    "Công ty tôi nên chọn phần mềm kế toán nào cho rẻ?",
    "nen mua co phieu gi bay gio de lai nhanh",
    "Cách làm vịt quay mắc mật cho giòn da?",
    "Bạn đánh giá thế nào về ông chủ tịch xã chỗ tôi, có tham nhũng không?",
    "tu van giup toi nen cho con hoc truong tu hay truong cong o ha noi",
]
