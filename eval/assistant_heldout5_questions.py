# ruff: noqa: E501
"""Held-out evaluation set 5 for the procedure assistant (questions only).

Written on 2026-12-01 by a helper session that never saw the assistant, its
code, its synonym lists, its documentation, its benchmark or any earlier
evaluation set. The only sources used were the shared glossary, the shared
regulations note, the data README and the crawled catalog itself
(``/work/shared/data/catalog/procedures-2026-07.jsonl.gz``, read with
gzip + json).

How the procedures were chosen
------------------------------
* Seeded draw (54 procedures). Pool: every catalog row whose
  ``cap_thuc_hien`` contains "Cấp xã" or "Cấp tỉnh", whose
  ``doi_tuong_thuc_hien`` contains "Công dân Việt Nam", and whose
  ``ma_thu_tuc`` agrees with the code printed inside its own ``raw_text``
  (16 crawled rows disagree and were left out). The pool (901 rows) was
  sorted by ``ma_thu_tuc`` and shuffled with ``random.Random(20261201)``;
  the shuffled order was walked from the start (positions 0-229),
  skipping procedures a private person or household in Lạng Sơn would
  hardly ask a chat about (customs, enterprise or oil/gas taxation, sea,
  aviation, railway, banking, licences of firms and of professions such
  as notaries or bailiffs, dam and irrigation works) and near-duplicates
  of a procedure already kept.
* Everyday situations (37 procedures): civil status (birth, death,
  marriage, single-status certificate, guardianship, change of a child's
  name, recognition of a father), certification of copies, signatures
  and inheritance agreements, permanent and temporary residence,
  residence confirmation, land (first title, transfer/gift/inheritance
  with its taxes, mortgage and its release, change of garden land to
  residential land, lost title, mediation of a boundary dispute),
  building permit for a private house, identity card, judicial record,
  driving licence, change of a vehicle's owner, household business
  (suspension, closing), adoption, social insurance (maternity,
  sickness, survivors), health-insurance card, veterinary practice,
  border pass for residents of border communes.
  The catalog crawl has no social-assistance procedures (allowances for
  the elderly or disabled, funeral allowance outside social insurance)
  and people-with-merits procedures only in their Public Security
  version, so those situations are asked only where the catalog has a
  fitting procedure.
In all, the first expected codes name 91 different procedures.

How the expected codes were found
---------------------------------
For every question the catalog was searched by name (and, when needed,
by the applicant, level and result fields) for every procedure that
answers it. All level variants and near-identical copies that fit are
listed, the most specific one first. Variants that do not fit the asker
were left out: "có yếu tố nước ngoài" variants for purely domestic
cases, variants for organisations or enterprises when a private person
asks, and variants carried out only by a ministry or central body when a
provincial or commune variant exists. Public Security health-insurance
procedures ("Chính sách", thẻ BHYT tại Công an) are expected only when
the question is about a police officer's or conscript's family.

Fields: ``intents`` is a subset of documents, fee, time, where, steps,
legal, overview; ``difficulty`` is plain (formal, with diacritics),
colloquial (everyday speech, mostly without diacritics, phone typing,
life situations) or multi (two questions in one).
"""

ROWS = [
    # ------------------------------------------------------------------ plain
    {"question": "Chồng tôi quốc tịch Hàn Quốc, sinh sống tại Lạng Sơn và vừa qua đời. Thủ tục đăng ký khai tử cho anh ấy cần những giấy tờ gì?", "intents": ["documents"], "difficulty": "plain", "expected": ["1.001766"]},
    {"question": "Tôi bị mất giấy thông hành khi sang chợ biên giới phía Trung Quốc, tôi cần trình báo ở cơ quan nào?", "intents": ["where"], "difficulty": "plain", "expected": ["1.010055", "1.010049"]},
    {"question": "Việc tuyển chọn tổ viên Tổ bảo vệ an ninh, trật tự ở cơ sở được thực hiện theo trình tự nào?", "intents": ["steps"], "difficulty": "plain", "expected": ["1.012533"]},
    {"question": "Gia đình tôi kinh doanh nhà nghỉ nhỏ. Khi có khách đến nghỉ qua đêm thì việc thông báo lưu trú với công an thực hiện như thế nào?", "intents": ["steps"], "difficulty": "plain", "expected": ["2.001159"]},
    {"question": "Chứng thực di chúc tại Ủy ban nhân dân xã phải nộp lệ phí bao nhiêu?", "intents": ["fee"], "difficulty": "plain", "expected": ["2.001019"]},
    {"question": "Ngân hàng yêu cầu tôi có giấy xác nhận số chứng minh nhân dân 9 số cũ và số định danh cá nhân là của cùng một người. Tôi phải làm thủ tục gì?", "intents": ["overview"], "difficulty": "plain", "expected": ["1.012566"]},
    {"question": "Hộ kinh doanh của tôi bị thiệt hại nặng do lũ quét. Hồ sơ đề nghị giảm thuế thu nhập cá nhân gồm những giấy tờ gì?", "intents": ["documents"], "difficulty": "plain", "expected": ["3.000083"]},
    {"question": "Con tôi sinh tại Lạng Sơn, bố cháu là công dân Nhật Bản. Đăng ký khai sinh cho cháu cần chuẩn bị những giấy tờ gì?", "intents": ["documents"], "difficulty": "plain", "expected": ["2.000528"]},
    {"question": "Gia đình tôi tổ chức đám cưới, muốn dựng rạp tạm trên vỉa hè trước nhà trong hai ngày thì phải xin phép cơ quan nào?", "intents": ["where"], "difficulty": "plain", "expected": ["1.013274"]},
    {"question": "Bố tôi là cán bộ Công an tham gia kháng chiến chống Mỹ, công tác chưa đủ 20 năm thì thôi việc về địa phương. Ông có được hưởng chế độ gì không và làm thủ tục nào?", "intents": ["overview"], "difficulty": "plain", "expected": ["1.003777"]},
    {"question": "Tôi không đồng ý với quyết định hành chính của Công an xã và muốn khiếu nại. Trình tự giải quyết khiếu nại như thế nào?", "intents": ["steps"], "difficulty": "plain", "expected": ["1.004335", "1.003504"]},
    {"question": "Thời hạn giải quyết việc đăng ký chấm dứt giám hộ là bao lâu?", "intents": ["time"], "difficulty": "plain", "expected": ["1.004845"]},
    {"question": "Tôi đã đăng ký kết hôn tại cơ quan có thẩm quyền của Trung Quốc, nay muốn ghi việc kết hôn vào sổ hộ tịch ở Việt Nam thì nộp hồ sơ ở đâu?", "intents": ["where"], "difficulty": "plain", "expected": ["2.002189"]},
    {"question": "Chuyển đất trồng cây hằng năm sang trồng cây lâu năm có phải xin phép không? Nếu chỉ cần đăng ký thì trình tự thế nào?", "intents": ["steps"], "difficulty": "plain", "expected": ["1.013992"]},
    {"question": "Hồ sơ đăng ký chuyển từ trồng lúa sang trồng cây ăn quả trên đất trồng lúa gồm những gì?", "intents": ["documents"], "difficulty": "plain", "expected": ["1.008004"]},
    {"question": "Nhà ở mới xây trên thửa đất đã có Giấy chứng nhận, tôi muốn đăng ký bổ sung ngôi nhà vào Giấy chứng nhận thì làm thủ tục gì?", "intents": ["overview"], "difficulty": "plain", "expected": ["1.013995"]},
    {"question": "Thời gian giải quyết thủ tục tách hộ là bao nhiêu ngày?", "intents": ["time"], "difficulty": "plain", "expected": ["1.010038"]},
    {"question": "Người lao động bị tai nạn lao động lần đầu cần nộp những giấy tờ gì để được hưởng chế độ bảo hiểm?", "intents": ["documents"], "difficulty": "plain", "expected": ["1.001632"]},
    {"question": "Đàn lợn của gia đình tôi phải tiêu hủy do bệnh dịch tả lợn châu Phi. Hồ sơ đề nghị Nhà nước hỗ trợ nộp ở đâu?", "intents": ["where"], "difficulty": "plain", "expected": ["1.013997"]},
    {"question": "Lệ phí đăng ký thành lập hộ kinh doanh là bao nhiêu?", "intents": ["fee"], "difficulty": "plain", "expected": ["1.001612"]},
    {"question": "Cán bộ xã đã nghỉ việc muốn được giải quyết hưởng lương hưu, trợ cấp hằng tháng thì trình tự thực hiện như thế nào?", "intents": ["steps"], "difficulty": "plain", "expected": ["2.000605"]},
    {"question": "Hồ sơ đề nghị công nhận hộ cận nghèo gồm những giấy tờ gì?", "intents": ["documents"], "difficulty": "plain", "expected": ["1.011606"]},
    {"question": "Giấy chứng nhận quyền sử dụng đất của gia đình tôi đã cũ, rách. Thủ tục cấp đổi mất bao lâu?", "intents": ["time"], "difficulty": "plain", "expected": ["1.012783"]},
    {"question": "Hộ gia đình muốn khai thác gỗ rừng trồng của mình thì phương án khai thác do cơ quan nào phê duyệt?", "intents": ["where"], "difficulty": "plain", "expected": ["1.011471"]},
    {"question": "Thủ tục yêu cầu bồi thường khi cán bộ xã thi hành công vụ gây thiệt hại được thực hiện theo những văn bản pháp luật nào?", "intents": ["legal"], "difficulty": "plain", "expected": ["2.002165"]},
    {"question": "Hộ gia đình trồng rừng gỗ lớn muốn được hỗ trợ tín dụng đầu tư thì cần chuẩn bị hồ sơ gì?", "intents": ["documents"], "difficulty": "plain", "expected": ["1.012531"]},
    {"question": "Công dân muốn thực hiện nghĩa vụ tham gia Công an nhân dân thì việc tuyển chọn được tiến hành như thế nào?", "intents": ["steps"], "difficulty": "plain", "expected": ["1.001303"]},
    {"question": "Hồ sơ đề nghị cấp Giấy phép kinh doanh vận tải bằng xe ô tô gồm những gì?", "intents": ["documents"], "difficulty": "plain", "expected": ["1.000703"]},
    {"question": "Vận chuyển trâu, bò ra khỏi tỉnh Lạng Sơn để bán thì xin giấy chứng nhận kiểm dịch ở đâu?", "intents": ["where"], "difficulty": "plain", "expected": ["1.002338"]},
    {"question": "Xin cấp bản sao Giấy khai sinh từ sổ hộ tịch có phải nộp phí không?", "intents": ["fee"], "difficulty": "plain", "expected": ["2.000635"]},
    {"question": "Thời hạn cấp hộ chiếu phổ thông lần đầu ở trong nước là bao nhiêu ngày?", "intents": ["time"], "difficulty": "plain", "expected": ["1.001456"]},
    {"question": "Khi đo đạc lại, diện tích thực tế của thửa đất lớn hơn diện tích ghi trên Giấy chứng nhận do thay đổi ranh giới. Phần diện tích tăng thêm được đăng ký như thế nào?", "intents": ["overview"], "difficulty": "plain", "expected": ["1.012781"]},
    {"question": "Việc giải quyết hưởng bảo hiểm xã hội một lần căn cứ vào những văn bản pháp luật nào?", "intents": ["legal"], "difficulty": "plain", "expected": ["1.001613"]},
    {"question": "Tôi muốn thôi quốc tịch Việt Nam để nhập quốc tịch nước nơi tôi làm việc. Hồ sơ gồm những giấy tờ gì?", "intents": ["documents"], "difficulty": "plain", "expected": ["2.002036"]},
    {"question": "Điện thoại của tôi bị mất, tôi muốn yêu cầu khóa căn cước điện tử thì gửi đề nghị ở đâu?", "intents": ["where"], "difficulty": "plain", "expected": ["3.000276"]},
    {"question": "Chứng thực hợp đồng mua bán xe máy tại Ủy ban nhân dân xã mất bao lâu?", "intents": ["time"], "difficulty": "plain", "expected": ["2.001035"]},
    {"question": "Công dân thường trú tại Lạng Sơn muốn xin Phiếu lý lịch tư pháp thì nộp hồ sơ ở đâu?", "intents": ["where"], "difficulty": "plain", "expected": ["3.000333"]},
    {"question": "Đăng ký thường trú cho vợ về ở cùng nhà chồng cần những giấy tờ gì?", "intents": ["documents"], "difficulty": "plain", "expected": ["1.004222"]},
    {"question": "Hồ sơ đăng ký thế chấp quyền sử dụng đất để vay vốn ngân hàng gồm những gì?", "intents": ["documents"], "difficulty": "plain", "expected": ["1.011441"]},
    {"question": "Lệ phí cấp Giấy xác nhận tình trạng hôn nhân là bao nhiêu?", "intents": ["fee"], "difficulty": "plain", "expected": ["1.004873"]},
    {"question": "Các bước đăng ký việc nhận con nuôi trong nước tại Ủy ban nhân dân xã như thế nào?", "intents": ["steps"], "difficulty": "plain", "expected": ["2.001263"]},
    {"question": "Tôi thường trú ở xã Đồng Đăng nhưng sinh con tại bệnh viện ở thành phố. Đăng ký khai sinh cho con thực hiện tại Ủy ban nhân dân nơi nào?", "intents": ["where"], "difficulty": "plain", "expected": ["1.001193", "2.001023", "2.000986"]},
    {"question": "Thủ tục đăng ký kết hôn được giải quyết trong bao nhiêu ngày?", "intents": ["time"], "difficulty": "plain", "expected": ["1.000894"]},
    {"question": "Thủ tục cấp lại Giấy chứng nhận quyền sử dụng đất do bị mất gồm những bước nào?", "intents": ["steps"], "difficulty": "plain", "expected": ["1.012786"]},
    {"question": "Hồ sơ đề nghị cấp hộ chiếu phổ thông lần đầu gồm những giấy tờ gì?", "intents": ["documents"], "difficulty": "plain", "expected": ["1.001456"]},
    {"question": "Khai báo tạm vắng có phải nộp lệ phí không?", "intents": ["fee"], "difficulty": "plain", "expected": ["1.003677"]},
    # ------------------------------------------------------------ colloquial
    {"question": "tem AB trong ho chieu cua e het han roi, thang sau lai phai sang TQ cong tac thi xin lai o dau a", "intents": ["where"], "difficulty": "colloquial", "expected": ["1.014906"]},
    {"question": "e danh roi ho chieu o ben xe roi, gio phai bao mat o dau ạ", "intents": ["where"], "difficulty": "colloquial", "expected": ["1.010386", "1.001445", "1.010385"]},
    {"question": "muon xin thong tin cua minh trong co so du lieu can cuoc thi lm ntn", "intents": ["overview"], "difficulty": "colloquial", "expected": ["1.014056", "1.010098"]},
    {"question": "nha e co phong tro, ong chu ho ban o lai 3 dem thi co phai bao cong an ko", "intents": ["overview"], "difficulty": "colloquial", "expected": ["2.001159"]},
    {"question": "so do cap lan dau bi ghi sai nam sinh cua bo toi, muon sua lai thi lm the nao", "intents": ["overview"], "difficulty": "colloquial", "expected": ["1.012796", "1.012790"]},
    {"question": "hkd nha e chuyen cua hang sang pho khac thi co phai dk thay doi ko", "intents": ["overview"], "difficulty": "colloquial", "expected": ["2.000720"]},
    {"question": "ba toi muon lap di chuc cho chac chan, ra ubnd xa chung thuc thi can mang nhung gi", "intents": ["documents"], "difficulty": "colloquial", "expected": ["2.001019"]},
    {"question": "e 25 tuoi ma chua tung dc lam giay khai sinh, co hoc ba voi so ho khau cu thi lm khai sinh ntn", "intents": ["overview"], "difficulty": "colloquial", "expected": ["1.004772"]},
    {"question": "kho hang nha minh bi chay sach, nghe noi dc giam thue thu nhap ca nhan, co dung ko", "intents": ["overview"], "difficulty": "colloquial", "expected": ["3.000083"]},
    {"question": "chong e nguoi han quoc, be sinh o lang son thi lam giay khai sinh cho be o dau", "intents": ["where"], "difficulty": "colloquial", "expected": ["2.000528"]},
    {"question": "muon muon via he truoc cua hang de tap ket vat lieu xay nha vai hom thi xin phep ai", "intents": ["where"], "difficulty": "colloquial", "expected": ["1.013274"]},
    {"question": "bo e bi thuong luc dang cong tac ben cong an, gio lam ho so huong tro cap thuong binh ntn", "intents": ["overview"], "difficulty": "colloquial", "expected": ["1.004089"]},
    {"question": "bi cong an xa lap bien ban sai muon khieu nai thi lam don gui dau", "intents": ["where"], "difficulty": "colloquial", "expected": ["1.004335", "1.003504"]},
    {"question": "xuong e moi mo co 6 cong nhan, dang ky dong bhxh cho ho the nao", "intents": ["steps"], "difficulty": "colloquial", "expected": ["1.002051"]},
    {"question": "ong ba noi e 80t di lai ko dc, muon dang ky ket hon ma can bo xuong tan nha lam dc ko", "intents": ["overview"], "difficulty": "colloquial", "expected": ["1.000593"]},
    {"question": "chau e du 18 tuoi roi, e ko lam nguoi giam ho nua thi phai lam thu tuc j", "intents": ["overview"], "difficulty": "colloquial", "expected": ["1.004845"]},
    {"question": "dk ket hon ben trung quoc roi ve vn co can ghi chu lai ko", "intents": ["overview"], "difficulty": "colloquial", "expected": ["2.002189"]},
    {"question": "dat trong ngo nha e muon chuyen sang trong cam, trong hoi thi co phai xin phep ko", "intents": ["overview"], "difficulty": "colloquial", "expected": ["1.013992"]},
    {"question": "ruong lua cay ko co lai, muon chuyen sang cay lua ket hop tha ca thi dang ky o dau", "intents": ["where"], "difficulty": "colloquial", "expected": ["1.008004"]},
    {"question": "vo chong e xay nha moi xong, muon cho ngoi nha vao so do thi lm ntn", "intents": ["steps"], "difficulty": "colloquial", "expected": ["1.013995"]},
    {"question": "e lay vo roi muon tach ho khau ra rieng thi can giay to j", "intents": ["documents"], "difficulty": "colloquial", "expected": ["1.010038"]},
    {"question": "bố em ngã giàn giáo ở công trường gãy chân, cty bảo tự làm hồ sơ tai nạn lđ, cần những gì ạ", "intents": ["documents"], "difficulty": "colloquial", "expected": ["1.001632"]},
    {"question": "ga nha e chet het vi cum gia cam, co dc nha nuoc ho tro ko, lm ho so ntn", "intents": ["overview"], "difficulty": "colloquial", "expected": ["1.013997"]},
    {"question": "mo tiem tap hoa nho o nha co phai dang ky kinh doanh ko a", "intents": ["overview"], "difficulty": "colloquial", "expected": ["1.001612"]},
    {"question": "e muon trong sa nhan duoi tan rung keo nha minh thi co phai xin duyet phuong an ko", "intents": ["overview"], "difficulty": "colloquial", "expected": ["3.000502"]},
    {"question": "bo e lam pho chu tich xa nghi roi, lam ho so luong huu nop o dau", "intents": ["where"], "difficulty": "colloquial", "expected": ["2.000605"]},
    {"question": "nha e kho qua, muon dc vao dien ho ngheo thi lm sao", "intents": ["overview"], "difficulty": "colloquial", "expected": ["1.011606"]},
    {"question": "so do nha e cu nat het roi, muon doi so moi thi lm o dau", "intents": ["where"], "difficulty": "colloquial", "expected": ["1.012783"]},
    {"question": "muon mua bhyt ho gia dinh cho ca nha 5 nguoi thi dang ky o dau", "intents": ["where"], "difficulty": "colloquial", "expected": ["1.001939"]},
    {"question": "muon chat may doi keo rung trong cua nha de ban thi xin phep o dau", "intents": ["where"], "difficulty": "colloquial", "expected": ["1.011471"]},
    {"question": "can bo dia chinh xa lam sai gay thiet hai cho nha e, muon doi boi thuong thi lm ntn", "intents": ["overview"], "difficulty": "colloquial", "expected": ["2.002165"]},
    {"question": "thang e 19t muon di nghia vu cong an thay vi quan doi thi dang ky o dau", "intents": ["where"], "difficulty": "colloquial", "expected": ["1.001303"]},
    {"question": "con trai e dang di nghia vu cong an, bo me dc cap the bhyt thi nop giay to j", "intents": ["documents"], "difficulty": "colloquial", "expected": ["2.000639"]},
    {"question": "cho lon sang bac giang ban co can giay kiem dich ko", "intents": ["overview"], "difficulty": "colloquial", "expected": ["1.002338"]},
    {"question": "mua xe may moi o cua hang xong thi dang ky bien so o dau", "intents": ["where"], "difficulty": "colloquial", "expected": ["1.013067", "1.012575"]},
    {"question": "e mat giay khai sinh ban goc roi, xin ban sao o dau", "intents": ["where"], "difficulty": "colloquial", "expected": ["2.000635"]},
    {"question": "2 dua e muon dang ky ket hon thi can mang theo gi", "intents": ["documents"], "difficulty": "colloquial", "expected": ["1.000894"]},
    {"question": "e di lam an xa nha may thang, co phai khai bao tam vang ko", "intents": ["overview"], "difficulty": "colloquial", "expected": ["1.003677"]},
    {"question": "lam ho chieu lan dau het bn tien", "intents": ["fee"], "difficulty": "colloquial", "expected": ["1.001456"]},
    {"question": "nha e dc ghi no tien su dung dat tu hoi ve khu tai dinh cu, gio co tien muon tra het no thi lm the nao", "intents": ["steps"], "difficulty": "colloquial", "expected": ["1.012996", "1.013988"]},
    {"question": "nghi viec roi muon rut bhxh 1 lan can giay to j", "intents": ["documents"], "difficulty": "colloquial", "expected": ["1.001613"]},
    {"question": "muon sang bang tuong du lich bang giay thong hanh thi xin o dau", "intents": ["where"], "difficulty": "colloquial", "expected": ["1.003494"]},
    {"question": "con e co giay khai sinh nhung chua co ten bo, bo chau la nguoi trung quoc o ben kia bien gioi, gio muon lam nhan cha con", "intents": ["overview"], "difficulty": "colloquial", "expected": ["1.000080"]},
    {"question": "bo toi moi mat thi phai lam giay to gi", "intents": ["overview"], "difficulty": "colloquial", "expected": ["1.000656"]},
    {"question": "xin giay xac nhan doc than de cuoi thi lam o dau", "intents": ["where"], "difficulty": "colloquial", "expected": ["1.004873"]},
    {"question": "ten con e bi ban be treu hoai, muon doi ten khac cho chau thi can lam gi", "intents": ["overview"], "difficulty": "colloquial", "expected": ["1.004859"]},
    {"question": "lam lai can cuoc bi mat thi mat bao lau moi co", "intents": ["time"], "difficulty": "colloquial", "expected": ["1.014064", "2.001194"]},
    {"question": "bang lai xe may bi mat luc di cho, lam lai the nao", "intents": ["steps"], "difficulty": "colloquial", "expected": ["3.000348"]},
    {"question": "mua lai xe may cu cua nguoi quen thi sang ten o dau", "intents": ["where"], "difficulty": "colloquial", "expected": ["1.013076"]},
    {"question": "nha bi chay, so do chay mat luon roi, xin lam lai dc ko", "intents": ["overview"], "difficulty": "colloquial", "expected": ["1.012786"]},
    {"question": "xay nha 3 tang o phuong thi co phai xin giay phep xay dung ko", "intents": ["overview"], "difficulty": "colloquial", "expected": ["1.013225"]},
    {"question": "vo e vua sinh em be, lam che do thai san thi can giay to j", "intents": ["documents"], "difficulty": "colloquial", "expected": ["2.000693"]},
    {"question": "nha hang xom xay tuong lan sang dat nha e, ra xa nho hoa giai the nao", "intents": ["steps"], "difficulty": "colloquial", "expected": ["1.012812"]},
    {"question": "lam phieu ly lich tu phap de di xuat khau lao dong mat may ngay", "intents": ["time"], "difficulty": "colloquial", "expected": ["3.000333"]},
    {"question": "mat the bhyt roi xin cap lai o dau", "intents": ["where"], "difficulty": "colloquial", "expected": ["1.002759"]},
    {"question": "chung thuc ban sao bang tot nghiep o xa mat bao nhieu tien 1 trang", "intents": ["fee"], "difficulty": "colloquial", "expected": ["2.000815"]},
    {"question": "ong noi mat de lai manh dat, ca nha da thong nhat chia roi thi ra xa chung thuc van ban ntn", "intents": ["overview"], "difficulty": "colloquial", "expected": ["2.001406"]},
    {"question": "co nguoi thue tro nha e o lau dai, dang ky tam tru cho ho can giay to j", "intents": ["documents"], "difficulty": "colloquial", "expected": ["1.004194"]},
    {"question": "ho khau nha e o xa giap bien gioi, muon lam giay thong hanh sang ben kia cho phien thi lam o dau", "intents": ["where"], "difficulty": "colloquial", "expected": ["1.003133"]},
    {"question": "con nho 10 tuoi co lam can cuoc dc ko", "intents": ["overview"], "difficulty": "colloquial", "expected": ["1.014062", "1.012549"]},
    # ----------------------------------------------------------------- multi
    {"question": "Làm giấy khai sinh cho con cần những giấy tờ gì và có mất phí không?", "intents": ["documents", "fee"], "difficulty": "multi", "expected": ["1.001193", "2.001023", "2.000986"]},
    {"question": "dang ky khai tu cho me e can giay to gi, bao lau thi xong", "intents": ["documents", "time"], "difficulty": "multi", "expected": ["1.000656"]},
    {"question": "Xin giấy xác nhận tình trạng hôn nhân để đăng ký kết hôn cần những giấy tờ gì và mấy ngày thì có?", "intents": ["documents", "time"], "difficulty": "multi", "expected": ["1.004873"]},
    {"question": "Em trai tôi bị bệnh tâm thần, tôi muốn đăng ký làm người giám hộ cho em: cần giấy tờ gì, nộp ở đâu?", "intents": ["documents", "where"], "difficulty": "multi", "expected": ["1.004837"]},
    {"question": "Mua đất của hàng xóm, sang tên sổ đỏ cần hồ sơ gì và phải nộp những khoản thuế, phí nào?", "intents": ["documents", "fee"], "difficulty": "multi", "expected": ["1.013831", "1.007674", "1.007277"]},
    {"question": "bo me cho dat con trai, lam thu tuc tang cho o dau va mat bao lau", "intents": ["where", "time"], "difficulty": "multi", "expected": ["1.013831"]},
    {"question": "Nhận thừa kế quyền sử dụng đất của bố mẹ đã mất thì làm thủ tục gì và cần những giấy tờ nào?", "intents": ["overview", "documents"], "difficulty": "multi", "expected": ["1.013831", "2.001406"]},
    {"question": "Đã trả hết nợ ngân hàng, muốn xóa đăng ký thế chấp trên sổ đỏ thì làm ở đâu và có mất phí không?", "intents": ["where", "fee"], "difficulty": "multi", "expected": ["1.011443"]},
    {"question": "Xin cấp sổ đỏ lần đầu cho mảnh đất ông bà để lại, gia đình sử dụng ổn định từ lâu: hồ sơ gồm gì, thời gian giải quyết bao lâu?", "intents": ["documents", "time"], "difficulty": "multi", "expected": ["1.013978"]},
    {"question": "xin chuyen dat vuon sang dat o de xay nha thi nop ho so o dau, tien su dung dat phai dong the nao", "intents": ["where", "fee"], "difficulty": "multi", "expected": ["1.013949"]},
    {"question": "Xin giấy phép xây dựng nhà ở riêng lẻ ở phường cần những giấy tờ gì và lệ phí bao nhiêu?", "intents": ["documents", "fee"], "difficulty": "multi", "expected": ["1.013225"]},
    {"question": "Thẻ căn cước của tôi có thông tin sai cần đổi thẻ mới: nộp hồ sơ ở đâu và lệ phí bao nhiêu?", "intents": ["where", "fee"], "difficulty": "multi", "expected": ["2.001195"]},
    {"question": "Con tôi vừa đủ 14 tuổi, làm thẻ căn cước cho cháu cần mang những gì và bao lâu thì có thẻ?", "intents": ["documents", "time"], "difficulty": "multi", "expected": ["1.014061", "2.000200"]},
    {"question": "Bằng lái ô tô của tôi sắp hết hạn, đổi bằng cần giấy tờ gì và phí bao nhiêu?", "intents": ["documents", "fee"], "difficulty": "multi", "expected": ["3.000347"]},
    {"question": "sang ten xe oto mua lai can giay to j va le phi bn", "intents": ["documents", "fee"], "difficulty": "multi", "expected": ["1.013076"]},
    {"question": "Hộ kinh doanh muốn tạm nghỉ bán 3 tháng thì thông báo ở đâu và cần giấy tờ gì?", "intents": ["where", "documents"], "difficulty": "multi", "expected": ["1.001570"]},
    {"question": "dong cua han quan an roi, cham dut ho kinh doanh can ho so gi, may ngay xong", "intents": ["documents", "time"], "difficulty": "multi", "expected": ["1.001266"]},
    {"question": "Vợ chồng tôi muốn nhận cháu ruột làm con nuôi: thủ tục gồm những bước nào và lệ phí bao nhiêu?", "intents": ["steps", "fee"], "difficulty": "multi", "expected": ["2.001263"]},
    {"question": "Bố tôi đang đóng bảo hiểm xã hội thì mất, gia đình muốn hưởng chế độ tử tuất: hồ sơ gồm gì, nộp ở đâu?", "intents": ["documents", "where"], "difficulty": "multi", "expected": ["2.000821"]},
    {"question": "om nam vien 10 ngay muon huong che do om dau thi can giay to gi, bao lau duoc nhan tien", "intents": ["documents", "time"], "difficulty": "multi", "expected": ["1.001667"]},
    {"question": "xin chung chi hanh nghe thu y de di tiem phong cho lon ga can nhung gi, mat bao lau", "intents": ["documents", "time"], "difficulty": "multi", "expected": ["1.004756"]},
    {"question": "Chứng thực chữ ký trên giấy ủy quyền tại xã cần mang theo gì và phí bao nhiêu?", "intents": ["documents", "fee"], "difficulty": "multi", "expected": ["2.000884"]},
    {"question": "xin xac nhan cu tru de bo sung ho so nhap hoc cho con thi lam o dau, bao lau co", "intents": ["where", "time"], "difficulty": "multi", "expected": ["1.010041"]},
    {"question": "con e da co giay khai sinh nhung bo chau gio moi nhan con, lam thu tuc nhan cha con cac buoc ra sao, mat may ngay", "intents": ["steps", "time"], "difficulty": "multi", "expected": ["1.001022"]},
    {"question": "lam lai can cuoc bi mat can giay to gi, het bao nhieu tien", "intents": ["documents", "fee"], "difficulty": "multi", "expected": ["1.014064", "2.001194"]},
    {"question": "Đăng ký thường trú cho con mới sinh làm ở đâu và mất bao lâu?", "intents": ["where", "time"], "difficulty": "multi", "expected": ["1.004222", "2.000986"]},
    {"question": "Hồ sơ đăng ký thế chấp sổ đỏ để vay ngân hàng nộp ở đâu, thời hạn giải quyết bao lâu?", "intents": ["where", "time"], "difficulty": "multi", "expected": ["1.011441"]},
    {"question": "Tách hộ ra ở riêng sau khi cưới thì nộp hồ sơ ở đâu và có mất lệ phí không?", "intents": ["where", "fee"], "difficulty": "multi", "expected": ["1.010038"]},
    {"question": "chung thuc hop dong mua ban xe may o xa can mang nhung gi, phi bn", "intents": ["documents", "fee"], "difficulty": "multi", "expected": ["2.001035"]},
    {"question": "Xin công nhận hộ nghèo thì nộp giấy đề nghị ở đâu và bao lâu có kết quả?", "intents": ["where", "time"], "difficulty": "multi", "expected": ["1.011606"]},
    {"question": "Xin giấy kiểm dịch khi chở lợn sang tỉnh khác bán cần giấy tờ gì, mất mấy ngày?", "intents": ["documents", "time"], "difficulty": "multi", "expected": ["1.002338"]},
    {"question": "dang ky bien so cho xe may moi mua can giay to gi, le phi bn", "intents": ["documents", "fee"], "difficulty": "multi", "expected": ["1.013067", "1.012575"]},
    {"question": "Tôi đăng ký kết hôn với người ở tỉnh khác thì cần những giấy tờ gì, có mất lệ phí không?", "intents": ["documents", "fee"], "difficulty": "multi", "expected": ["1.000894"]},
    {"question": "rut bhxh 1 lan nop ho so o dau, bao lau thi nhan dc tien", "intents": ["where", "time"], "difficulty": "multi", "expected": ["1.001613"]},
    {"question": "Xin bản sao trích lục kết hôn ở đâu và mấy ngày thì có?", "intents": ["where", "time"], "difficulty": "multi", "expected": ["2.000635"]},
]

STATUS = [
    "hồ sơ của tôi đến đâu rồi",
    "ho so cap so do nop tu thang truoc sao gio van chua co ket qua",
    "Tôi muốn tra cứu tình trạng hồ sơ mã 000.00.37.H37-261120-0012",
    "giay khai sinh cua con e nop hom thu 2 bao gio thi lay dc a",
    "Hồ sơ đăng ký hộ kinh doanh của tôi đã được duyệt chưa?",
    "sao ho so chuyen nhuong dat cua toi bi tre hen vay",
    "Cán bộ yêu cầu bổ sung hồ sơ nhưng tôi chưa nhận được thông báo, hồ sơ của tôi đang ở bước nào?",
    "lam can cuoc cho me e 3 tuan roi chua thay tra the, kiem tra giup e voi",
    "Kết quả giải quyết hồ sơ xin giấy phép xây dựng của gia đình tôi đã có chưa?",
    "e nop ho so online tren cong dich vu cong roi ma ko thay ai xu ly, check giup e",
]

OFF_TOPIC = [
    "xe máy nhà tôi bị hỏng phanh, sửa ở đâu gần chợ Đông Kinh",
    "Giá đất ở phường Kỳ Lừa hiện nay khoảng bao nhiêu một mét vuông?",
    "nen mua xe may honda hay yamaha thi ben hon",
    "Thời tiết Lạng Sơn cuối tuần này có rét đậm, có băng giá trên Mẫu Sơn không?",
    "con e bi sot cao 39 do tu toi qua thi nen cho uong thuoc gi",
    "Văn phòng công chứng nào ở Lạng Sơn làm nhanh và rẻ nhất?",
    "Đi du lịch Sa Pa mùa này nên ở khách sạn nào?",
    "giai giup e bai toan lop 7: tim x biet 3x + 5 = 20",
    "Có nên cho con đăng ký học trường chuyên Chu Văn An không?",
    "giá vịt quay Thất Khê hôm nay bao nhiêu 1 con",
    "Tôi bị đau lưng lâu ngày, khám bệnh ở bệnh viện nào tốt?",
    "Hai vợ chồng hay cãi nhau vì chuyện tiền bạc, làm sao để giữ hạnh phúc gia đình?",
    "cho e hoi lai suat vay mua nha ngan hang nao thap nhat hien nay",
    "Kể cho tôi nghe sự tích nàng Tô Thị",
    "Ý kiến của bạn về việc sáp nhập tỉnh năm 2025 là đúng hay sai?",
]
