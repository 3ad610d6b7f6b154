# ruff: noqa: E501  (one question per line reads best)
"""Fresh tuning questions written on 2026-11-30 (session 4b) BEFORE the field index they measure.

Procedures drawn at random (random.seed(20261130), 75 of the commune / province procedures of
/work/shared/data/catalog/procedures-2026-07.jsonl.gz that no held-out part and no held-out row of
eval/assistant.jsonl expects); the ones no citizen, household business or small organisation would
ask about (casino foreign exchange, bank rating methods, oil-and-gas interest…) were skipped, the
everyday ones got a second question. Phrased the way people type on phones: no diacritics, typos,
everyday names of papers, the situation told instead of the procedure's name.
`bench/assistant.py --build-tuning-extra3` appends them, with key facts copied from the catalog,
to eval/assistant_tuning_extra.jsonl (split "tuning_extra").
"""

# (question, intents, difficulty, accepted codes)
QUESTIONS: list[tuple[str, list[str], str, list[str]]] = [
    ("rung keo nha toi bi bao quat do het, muon xa xuong kiem tra thiet hai de xin ho tro thi lam sao", ["overview"], "colloquial", ["1.012922"]),
    ("ghe cua toi thay may moi va doi ten ghe thi dang ky lai o dau", ["where"], "colloquial", ["2.001711"]),
    ("mo tiem cat toc nho can lam giay phep kinh doanh o dau", ["where"], "colloquial", ["1.001612"]),
    ("mo quan tra sua thi xin giay phep kinh doanh ho ca the can giay to gi", ["documents"], "colloquial", ["1.001612"]),
    ("lam ben tam cho xe cho vat lieu qua song de thi cong cau thi phai xin thoa thuan gi", ["overview"], "colloquial", ["1.009453"]),
    ("3 anh em gop von mo cong ty tnhh thi can ho so gi", ["documents"], "colloquial", ["2.001199"]),
    ("lap cty tnhh 2 thanh vien mat bao lau thi co giay", ["time"], "colloquial", ["2.001199"]),
    ("ba me o vung sau ko di dc, can bo xa xuong tan nha lam giay khai sinh cho be dc ko", ["overview"], "colloquial", ["1.003583"]),
    ("khai sinh luu dong tai nha co mat phi ko", ["fee"], "colloquial", ["1.003583"]),
    ("ben xe khach sua xong muon cong bo lai de dua vao khai thac tiep thi lam the nao", ["steps"], "colloquial", ["1.000672"]),
    ("tu quyet toan thue tncn de lay lai tien thue bi tru vao luong thi lam nhu the nao", ["steps"], "colloquial", ["2.002233"]),
    ("hoan thue thu nhap ca nhan tu tien luong can giay to gi", ["documents"], "colloquial", ["2.002233"]),
    ("nha em kho khan qua muon xin vao dien ho ngheo thi lam the nao", ["overview"], "colloquial", ["1.011606"]),
    ("xin xet ho can ngheo hang nam nop o dau", ["where"], "colloquial", ["1.011606"]),
    ("bi thu hoi dat ve khu tai dinh cu ma ko du tien dong tien dat, xin ghi no dc ko", ["overview"], "colloquial", ["1.012995"]),
    ("dang ky su dung tem dien tu cho ruou san xuat thi lam sao", ["steps"], "colloquial", ["1.011046"]),
    ("xay nha xuong can tham duyet ban ve thiet ke pccc o dau", ["where"], "colloquial", ["3.000489"]),
    ("nguoi goc viet chua xac dinh quoc tich lam mat giay chung nhan can cuoc thi xin lai the nao", ["steps"], "colloquial", ["1.014068"]),
    ("hai van phong cong chung sap nhap thanh mot thi dang ky hoat dong can gi", ["documents"], "colloquial", ["1.013840"]),
    ("mo cua hang ban thuoc cho heo ga vit can giay chung nhan gi", ["overview"], "colloquial", ["1.001686"]),
    ("toa xu roi ma nguoi ta van ko tra tien cho toi thi lam don o dau", ["where"], "colloquial", ["1.003091"]),
    ("lam don yeu cau thi hanh an de doi no theo ban an can giay to gi", ["documents"], "colloquial", ["1.003091"]),
    ("dang o nha tap the cu cua nha nuoc muon mua lai thi can giay to gi", ["documents"], "colloquial", ["1.012893"]),
    ("nhan con nuoi ben my xong gio ve vn ghi vao so ho tich can gi", ["documents"], "colloquial", ["2.002363"]),
    ("mo cat ko khai thac nua muon tra lai giay phep thi lam sao", ["steps"], "colloquial", ["1.014269"]),
    ("muon lam thay day lai xe thuc hanh o trung tam thi can giay chung nhan gi", ["documents"], "colloquial", ["1.001765"]),
    ("da tra het tien boi thuong theo ban an roi, xin giay xac nhan da thi hanh xong", ["overview"], "colloquial", ["1.002270"]),
    ("mo van phong luat su rieng thi dang ky hoat dong o dau", ["where"], "colloquial", ["1.002010"]),
    ("doi cong nang nha o sang lam van phong cho thue co phai xin phep ko", ["overview"], "colloquial", ["1.013769"]),
    ("nguoi khong quoc tich song o vn lam mat giay phep xuat nhap canh thi cap lai sao", ["steps"], "colloquial", ["1.002359"]),
    ("hop tac xa moi lap xin ma so thue lan dau can gi", ["documents"], "colloquial", ["2.002225"]),
    ("nha ngheo ko co tien dong phi thi hanh an xin mien giam dc ko", ["overview"], "colloquial", ["1.002548"]),
    ("kho bi chay mat het tem thuoc la thi bao cao thue the nao", ["steps"], "colloquial", ["1.011049"]),
    ("giay phep gan coi hu cho xe cuu thuong bi mat thi xin lai o dau", ["where"], "colloquial", ["3.000401"]),
    ("nhan vien moi vao lam o san bay can lam the ra vao khu vuc han che dai han can gi", ["documents"], "colloquial", ["3.000368"]),
    ("giay phep su dung sung quan dung bi rach nat xin cap lai", ["overview"], "colloquial", ["3.000396"]),
    ("xe o to chi chay trong khu mo ko ra duong thi xac nhan de ko phai dong phi duong bo", ["overview"], "colloquial", ["3.000255"]),
    ("trai ca giong khao nghiem xong roi muon dc cong nhan giong moi thi lam sao", ["steps"], "colloquial", ["1.004943"]),
    ("muon ban lai van phong thua phat lai cho nguoi khac can ho so gi", ["documents"], "colloquial", ["1.008936"]),
    ("het hop dong thue lai dat trong khu cong nghiep muon xoa dang ky thue thi lam sao", ["steps"], "colloquial", ["1.012766"]),
    ("ky su xay dung muon dc bo nhiem lam giam dinh vien tu phap thi can gi", ["documents"], "colloquial", ["2.001116"]),
    ("hop tac xa lam mat giay chung nhan dang ky, xin cap lai mat may ngay", ["time"], "colloquial", ["2.002638"]),
    ("khoan gieng thu xem co nuoc ngam ko cho nha may thi xin phep gi", ["overview"], "colloquial", ["1.004232"]),
    ("thon vua bau to truong to hoa giai, xa ra quyet dinh cong nhan mat bao lau", ["time"], "colloquial", ["2.000950"]),
    ("nha xuong xay xong roi can nghiem thu phong chay chua chay thi can giay to gi", ["documents"], "colloquial", ["3.000493"]),
    ("cong ty muon tra cuu thong tin nguoi lao dong trong co so du lieu dan cu thi lam sao", ["overview"], "colloquial", ["1.010097"]),
    ("cau lac bo ban sung muon cho sung the thao di thi dau o tinh khac can giay phep gi", ["overview"], "colloquial", ["3.000408"]),
    ("xuong sang chai dong goi thuoc tru sau can giay chung nhan gi", ["documents"], "colloquial", ["2.001427"]),
    ("bo toi di tu ve roi, luong huu bi dung tu hoi do gio muon lanh tiep thi lam sao", ["overview"], "colloquial", ["2.000809"]),
    ("ra tu roi muon huong lai luong huu thi nop o dau", ["where"], "colloquial", ["2.000809"]),
    ("hop tac xa muon lap them cong ty thi thong bao o dau", ["where"], "colloquial", ["2.001958"]),
    ("giay phep lam duong ngang qua duong sat sap het han, xin gia han the nao", ["steps"], "colloquial", ["1.005058"]),
    ("xuat khau thanh long thi kiem tra an toan thuc pham o dau", ["where"], "colloquial", ["1.003395"]),
    ("co so cai nghien tu nguyen bi mat giay phep hoat dong thi xin lai sao", ["overview"], "colloquial", ["3.000522"]),
    ("to chuc dich vu cai nghien tai nha, tai cong dong muon cong bo lai thi can gi", ["documents"], "colloquial", ["3.000525"]),
    ("thay hang gia nhai nhan hieu cty minh sap nhap ve, de nghi hai quan tam dung thong quan dc ko", ["overview"], "colloquial", ["1.007846"]),
    ("nha may thuy dien xin giam tien dich vu moi truong rung", ["overview"], "colloquial", ["1.000058"]),
    ("khai thac cat tu xac dinh dc mien thue tai nguyen thi khai the nao", ["steps"], "colloquial", ["1.008583"]),
    ("van phong luat ko muon tham gia tro giup phap ly nua thi lam gi", ["overview"], "colloquial", ["2.000840"]),
    ("mo da het tru luong roi muon dong cua mo thi lam sao", ["steps"], "colloquial", ["1.014278"]),
]

OFF_TOPIC: list[str] = []
