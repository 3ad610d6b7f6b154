"""Which procedure a question is about, and how sure we are.

Ranking is the catalog search (`motcua.catalog.search`: diacritics folding, typo correction,
the everyday-phrase synonyms, BM25 over names), called on the question's topic words (the
intent cues removed, see `intents.analyse`). Confidence is the assistant's own: a question is
answered only when the best procedure's name covers most of the topic words of one of the
query's readings *and* shares a whole word (two syllables in a row) with it; a question about
the weather shares at most a stray syllable with any procedure name.
"""

from __future__ import annotations

import functools
import itertools
import math
import re
from dataclasses import dataclass

from motcua.assistant.intents import LOST_AFTER_MAT
from motcua.catalog import search as catalog_search
from motcua.catalog.search import FUNCTION_WORDS, SearchHit, chunks
from motcua.core.text import fold

# Share of the topic's words the best name must contain to answer without asking back…
MIN_COVERAGE = 0.65
# …or, for a strong match, a smaller share: on the tuning part (eval/assistant.jsonl plus the
# off-topic questions of tests), off-topic questions score at most 32 with at most half their
# words explained; right answers with fewer explained words score 29 (60 %) or over 55.
STRONG_SCORE = 28.0
STRONG_COVERAGE = 0.55
VERY_STRONG_SCORE = 45.0
VERY_STRONG_COVERAGE = 0.25
# …and then still three explained words below a score of 70: two words of a long question ("giá
# thuê nhà trọ gần trường đại học", 47) are an everyday phrase the catalog happens to use, not a
# request; a two-word request the search reads through a synonym scores far higher ("sửa tên
# trong giấy khai sinh bao lâu thì xong", 91).
VERY_STRONG_EXPLAINED = 3
EXTREME_SCORE = 70.0
# …or, for a long question that tells a situation ("sinh xong đi làm lại vẫn còn yếu, xin nghỉ
# dưỡng sức…"), a strong match that explains several of its words: the situation's own words
# lower the share, not the match. Off-topic questions of the tuning sets explain at most 3.
SITUATION_SCORE = 38.0
SITUATION_EXPLAINED = 4
SITUATION_COVERAGE = 0.4
CANDIDATES = 5
# A name that leaves part of the question unexplained must explain its *informative* words: the
# BM25 score is the rarity-weighted sum of the words matched, so under this score the words the
# name explains are common ones ("làm lại", "mất", "cấp", "giấy") and the words it does not
# explain are what the question is about ("làm lại sim điện thoại bị mất", "thẻ thành viên siêu
# thị bị mất"). Under it, every meaningful word must be explained ("khai tử cho người thân",
# 21; "đăng kí tạm chú", 29.5). Measured on the tuning splits and the off-topic dev split: off-topic
# questions with part of them unexplained score up to 28.6, right answers of that kind from 31.7
# (one long tuning-extra situation at 25.3 is lost).
INFORMATIVE_SCORE = 30.0
# …and, under that score, the question must account for this share of the name's own words.
MIN_ABOUT = 0.15
# Below this BM25 score nothing is answered: on the tuning part, off-topic questions whose words
# happen to appear in a name score at most 20 with a coverage ≥ 0.65 only under 11; the lowest
# right answer scores 21.
MIN_SCORE = 12.0
CALIBRATED_SIZE = 1000
# Re-ranking: weighted coverage of the question + these shares of the name's precision, the
# search's own score (relative to its best) and sharing a whole word; a penalty per unasked
# restrictive qualifier.
PRECISION_WEIGHT = 0.15
COVERAGE_WEIGHT = 0.6
BIGRAM_WEIGHT = 0.5
SEARCH_WEIGHT = 0.6
SHARES_BONUS = 0.2
QUALIFIER_PENALTY = 0.3
# How many of the search's hits are re-ranked (close variants of a procedure sit close together).
POOL = 12
# A name longer than this many syllables (the longest 3 % of the national catalog: whole
# paragraphs listing who may apply, "Giao đất ở … cán bộ, công chức, … công nhân …") explains
# some words of any situation; its share of the question counts divided by its length over this,
# as BM25 normalises a long document (it came first for unrelated situations: "tôi mới thuê phòng
# trọ để đi làm công nhân").
LONG_NAME = 60

# Restrictive qualifiers of a procedure's name: a variant for a special case. A question that
# does not mention the case (none of the `mentions` words) is about the general procedure
# ("đăng ký khai tử" is not "… có yếu tố nước ngoài"). Folded.
FOREIGN = frozenset(
    {"nuoc ngoai", "ngoai quoc", "tay", "han quoc", "trung quoc", "nhat ban", "my", "viet kieu", "quoc tich"}
)
CHILD = frozenset({"duoi", "tuoi", "tre", "tre em", "be", "nho", "con nho"})
ORGANISATION = frozenset(
    {"cong ty", "cty", "doanh nghiep", "to chuc", "hop tac xa", "htx", "co quan", "don vi", "tnhh", "co phan"}
)
PROJECT = frozenset({"du an", "chung cu", "can ho", "khu do thi"})
ABROAD = frozenset(
    {"o nuoc ngoai", "ben nuoc ngoai", "dai su quan", "lanh su", "co quan dai dien", "xuat khau lao dong",
     "o my", "ben my", "o han", "ben han", "o han quoc", "ben han quoc", "o nhat", "ben nhat",
     "o dai loan", "ben dai loan", "o trung quoc", "ben trung quoc", "o uc", "ben uc", "o duc", "ben duc",
     "o nga", "ben nga", "o phap", "ben phap", "o anh", "ben anh", "o lao", "ben lao"}
)
BRANCH = frozenset({"chi nhanh", "van phong dai dien", "phong giao dich", "dia diem kinh doanh"})
QUALIFIERS: tuple[tuple[str, frozenset[str]], ...] = (
    ("yeu to nuoc ngoai", FOREIGN),
    ("nguoi nuoc ngoai", FOREIGN),
    ("khu vuc bien gioi", frozenset({"bien gioi"})),
    ("duoi 14 tuoi", CHILD),
    ("duoi 6 tuoi", CHILD),
    ("cap trung uong", frozenset({"trung uong", "bo"})),
    ("dang ky lai", frozenset({"lai", "mat", "hong"})),
    ("cap lai", frozenset({"lai", "mat", "hong", "rach"})),
    ("cap doi", frozenset({"doi", "hong", "het han"})),
    ("theo yeu cau cua co quan", frozenset({"toa an", "to tung", "kiem sat", "dieu tra"})),
    ("khong xac dinh duoc", frozenset({"xac dinh"})),
    # Filed abroad, at a Vietnamese mission ("Nhập quốc tịch Việt Nam ở nước ngoài", "… tại Cơ
    # quan đại diện Việt Nam ở nước ngoài"): a question that does not say the asker is abroad is
    # about the procedure at home; a foreigner living here ("vợ người Trung Quốc sống ở đây")
    # is not abroad. Not "định cư ở nước ngoài" (who may apply, in land names).
    ("viet nam o nuoc ngoai", ABROAD),
    ("bao mat", frozenset({"mat", "that lac"})),
    # Investing abroad ("… đăng ký đầu tư ra nước ngoài") and a non-resident's tax ("… cá nhân
    # không cư trú …"): a small investor or a seller at home asks for the domestic procedure.
    ("ra nuoc ngoai", frozenset({"ra nuoc ngoai", "nuoc ngoai", "o nuoc ngoai"})),
    ("khong cu tru", frozenset({"khong cu tru", "nuoc ngoai", "nguoi nuoc ngoai"})),
    # A variant for organisations, a real-estate project, the largest works or a case that needs
    # no permit: a citizen of a commune asks for the general one, unless the question says so.
    ("doanh nghiep", ORGANISATION),
    ("to chuc kinh te", ORGANISATION),
    ("doi voi to chuc", ORGANISATION),
    ("du an bat dong san", PROJECT),
    ("trong du an", PROJECT),
    ("cap dac biet", frozenset({"dac biet", "cap 1", "cap i", "cap 2", "cap ii"})),
    ("khong phai xin phep", frozenset({"khong phai xin phep", "khong can xin phep", "khong xin phep"})),
    # Members of the commune's security force ("… người tham gia lực lượng tham gia bảo vệ an
    # ninh, trật tự ở cơ sở … bị ốm đau / tai nạn"): a special group, not any worker off sick.
    ("bao ve an ninh trat tu o co so", frozenset(
        {"an ninh", "trat tu", "dan phong", "bao ve", "luc luong", "cong an", "tuan tra", "truc"}
    )),
    # Two procedures done at once ("đăng ký khai sinh kết hợp đăng ký nhận cha, mẹ, con"): for a
    # child whose birth is registered together with the recognition, not for either alone.
    ("ket hop", frozenset(
        {"ket hop", "cung luc", "dong thoi", "cung mot luc", "moi sinh", "vua sinh", "moi de", "vua de",
         "chua khai sinh", "chua lam khai sinh", "chua lam giay khai sinh", "chua co giay khai sinh",
         "chua dang ky khai sinh", "chua co khai sinh"}
    )),
    # A translator's signature ("Chứng thực chữ ký người dịch…") is a variant of certifying a
    # signature: "chứng thực chữ ký trên giấy ủy quyền" asks for the general one.
    ("nguoi dich", frozenset({"dich", "dich thuat", "phien dich", "ban dich"})),
    # Land or a house that is public property ("… chuyển nhượng quyền sử dụng đất là tài sản
    # công"): not a family's plot.
    ("tai san cong", frozenset({"tai san cong", "nha nuoc", "cong san", "cong vu"})),
    # Customs variants for border trade: goods of the residents of a border commune, goods a
    # trader buys up from them, goods of a trader through a border gate. A company asking how to
    # declare its imports or exports asks for the general procedure ("thủ tục hải quan đối với
    # hàng hóa nhập khẩu"), not for these, unless the question says so.
    ("cu dan bien gioi", frozenset({"cu dan", "bien gioi", "vung bien", "sat bien", "giap bien"})),
    ("mua gom", frozenset({"mua gom", "thu gom", "thu mua", "gom hang", "mua lai"})),
    ("qua cua khau bien gioi", frozenset({"cua khau", "bien gioi", "loi mo", "vung bien", "duong bo"})),
    # … and for goods that make a project's fixed assets, goods carried to another gate before
    # clearance, goods declared once for many shipments.
    ("tao tai san co dinh", frozenset({"tai san co dinh", "du an", "may moc", "thiet bi", "nha xuong"})),
    ("chuyen cua khau", frozenset({"chuyen cua khau", "cua khau khac", "cang can", "van chuyen"})),
    ("to khai hai quan mot lan", frozenset({"mot lan", "1 lan", "nhieu lan", "nhieu lo", "nhieu chuyen"})),
    # Goods in transit through the ASEAN system (ACTS): not any goods passing through Vietnam.
    ("asean", frozenset({"asean", "acts", "dong nam a"})),
    # A vessel ("… cho phương tiện vận tải thủy của Campuchia"): not a car or a lorry of the same
    # country ("xe Campuchia quá hạn lưu hành").
    ("phuong tien van tai thuy", frozenset(
        {"thuy", "tau", "thuyen", "ghe", "sa lan", "xa lan", "song", "bien", "ca no", "cano", "do"}
    )),
    # A change agreed within the household or between spouses ("… theo thỏa thuận của các thành
    # viên hộ gia đình hoặc của vợ và chồng"): not a sale or a gift to someone else.
    ("theo thoa thuan cua", frozenset(
        {"vo", "chong", "vo chong", "thanh vien", "ho gia dinh", "thoa thuan", "them ten", "dung ten chung"}
    )),
    # A branch's variant ("Đăng ký hoạt động của Chi nhánh Trung tâm hòa giải thương mại", "… cho
    # chi nhánh của Trung tâm tư vấn pháp luật"): a question about the centre or the firm itself
    # asks for its own procedure, unless it says branch (or an office the name lists beside it).
    ("cua chi nhanh", BRANCH),
    ("cho chi nhanh", BRANCH),
    ("lap chi nhanh", BRANCH),
)
# A procedure a person asks for themselves ("Cấp thị thực điện tử theo đề nghị của người nước
# ngoài") beside one an organisation asks for on their behalf ("… theo đề nghị của cơ quan, tổ
# chức"): a question saying a company or an agency asks or sponsors ("công ty tôi mời chuyên gia
# sang, xin e-visa cho họ", "cơ quan đề nghị cấp…", "bảo lãnh") is about the other one. Not a
# bare "cơ quan" ("xin ở cơ quan nào" asks a place). Folded.
ASKING_ORGANISATION = frozenset(
    {"cong ty", "cty", "doanh nghiep", "to chuc", "hop tac xa", "htx", "tnhh", "co phan", "bao lanh",
     "co quan de nghi", "co quan toi", "co quan minh", "co quan em", "co quan moi", "co quan bao lanh"}
)
PERSONAL_REQUESTS: tuple[tuple[str, frozenset[str]], ...] = (
    ("theo de nghi cua nguoi nuoc ngoai", ASKING_ORGANISATION),
    ("theo de nghi cua cong dan", ASKING_ORGANISATION),
)
# What a procedure does, when a name says it ("Gia hạn tạm trú", "Xóa đăng ký tạm trú", "Mở khóa
# căn cước điện tử"): (phrase of the name, words by which a question asks for it, words by which
# a question may mean it). A name whose action the question does not mean at all is another
# procedure ("xóa đăng ký tạm trú" for "đăng ký tạm trú"), and so is a name without the action
# the question asks for ("đăng ký tạm trú" for "gia hạn tạm trú"). Folded.
ACTIONS: tuple[tuple[str, frozenset[str], frozenset[str]], ...] = (
    ("gia han", frozenset({"gia han"}), frozenset({"gia han", "het han", "keo dai"})),
    # A mortgage released when the loan is paid off ("giải chấp", "tất toán", "rút sổ đỏ về") is
    # its registration struck out ("Xóa đăng ký biện pháp bảo đảm …"), as is a debt paid in full.
    ("xoa", frozenset({"xoa", "huy"}), frozenset(
        {"xoa", "huy", "cat", "bo", "tra phong", "giai chap", "tat toan", "tra het no", "tra xong no",
         "rut so do ve", "rut so ve", "lay so do ve", "lay so ve"}
    )),
    ("cham dut", frozenset({"cham dut"}), frozenset(
        {"cham dut", "dong cua", "giai the", "nghi", "thoi", "dep", "huy", "ket thuc", "dung", "bo", "du 18"}
    )),
    # A licence taken away ("bị rút giấy phép", "bị tước giấy phép") is one revoked.
    ("thu hoi", frozenset({"thu hoi", "nop lai", "rut giay phep", "tuoc giay phep"}), frozenset(
        {"thu hoi", "nop lai", "tra lai", "huy", "rut giay phep", "tuoc giay phep"}
    )),
    ("dinh chinh", frozenset({"dinh chinh"}), frozenset({"dinh chinh", "sai", "sua", "nham"})),
    ("mo khoa", frozenset({"mo khoa"}), frozenset({"mo khoa"})),
    ("tam ngung", frozenset({"tam ngung", "tam nghi", "tam dung", "tam dong"}), frozenset(
        {"tam ngung", "tam nghi", "tam dung", "tam dong", "nghi"}
    )),
    ("giam sat", frozenset({"giam sat"}), frozenset({"giam sat"})),
    # Collecting what a dead pensioner had not yet drawn ("Truy lĩnh lương hưu … của người hưởng
    # đã chết"), and letting someone draw for one ("Ủy quyền lĩnh thay"): not a funeral
    # allowance or a survivor's pension. Asked for by no word of their own (a question about a
    # power of attorney may want it certified).
    ("truy linh", frozenset(), frozenset({"truy linh", "chua linh", "chua nhan", "con lai", "linh not"})),
    # Training someone, recruiting someone: procedures for the trainee or the candidate, not for
    # what happens to them afterwards ("hỗ trợ kinh phí đào tạo … phối giống" is not the breeding
    # support; "tuyển chọn tổ viên" is not the benefit of a member hurt on duty).
    # Renaming a holder or changing their details ("Đăng ký biến động … đổi tên hoặc thay đổi
    # thông tin về người sử dụng đất"): not a sale ("sang tên" hands the land to someone else).
    ("doi ten", frozenset(), frozenset(
        {"doi ten", "thay ten", "sai ten", "ghi sai", "thong tin", "dia chi", "can cuoc", "cmnd",
         "chung minh"}
    )),
    ("dao tao", frozenset(), frozenset({"dao tao", "tap huan", "hoc", "boi duong", "huan luyen", "lop"})),
    # A complaint against a decision ("khiếu nại") and a denunciation of wrongdoing ("tố cáo") are
    # two procedures with otherwise the same words ("… đối với lực lượng Công an nhân dân …").
    ("khieu nai", frozenset({"khieu nai"}), frozenset(
        {"khieu nai", "kien", "khieu kien", "phan doi", "khong dong y", "khong dong tinh", "sai", "oan"}
    )),
    ("to cao", frozenset({"to cao", "to giac"}), frozenset(
        {"to cao", "to giac", "phan anh", "sai trai", "vi pham", "hoi lo", "tham nhung", "bao ke"}
    )),
    ("tuyen chon", frozenset(), frozenset(
        {"tuyen chon", "tuyen", "ung tuyen", "dang ky lam", "xin lam", "xin vao", "tham gia"}
    )),
    ("uy quyen linh thay", frozenset(), frozenset(
        {"uy quyen", "linh thay", "nhan thay", "lanh thay", "linh ho", "nhan ho", "lanh ho"}
    )),
    # "Điều chỉnh quyết định giao đất…" corrects an earlier decision; "chuyển đất vườn sang đất ở"
    # asks for the decision itself.
    # Enlarging, moving or selling a warehouse or yard ("Thủ tục mở rộng, thu hẹp, di chuyển,
    # chuyển quyền sở hữu kho ngoại quan …"), suspending one ("Thủ tục tạm dừng hoạt động/ hoạt
    # động trở lại kho ngoại quan …"): not its recognition. Asked for by no word of their own
    # ("tạm dừng kinh doanh" is also "tạm ngừng").
    ("mo rong", frozenset(), frozenset(
        {"mo rong", "thu hep", "di chuyen", "chuyen quyen", "chuyen dia diem", "chuyen nhuong", "ban lai",
         "cai tao", "sua chua", "nang cap", "rong them", "them dien tich"}
    )),
    ("tam dung", frozenset(), frozenset(
        {"tam dung", "tam ngung", "tam nghi", "tam dong", "hoat dong tro lai", "dung hoat dong",
         "ngung hoat dong", "nghi hoat dong"}
    )),
    ("dieu chinh", frozenset({"dieu chinh"}), frozenset(
        {"dieu chinh", "sua", "sai", "sai sot", "nham", "thay doi", "doi", "bo sung", "them"}
    )),
)
# Actions a name may list side by side with the ones above ("Cấp lại, đổi, điều chỉnh…",
# "Tích hợp, cập nhật, điều chỉnh…"): a question asking for one of them is served by the name
# whatever else it lists. Folded.
LISTED_ALTERNATIVES = ("cap lai", "doi", "cap doi", "tich hop", "cap nhat", "bo sung", "sua")
# The people a question is for ("khai tử cho người thân", "khai sinh cho con"): they count when
# a name names them, and do not count against a name that does not.
PEOPLE = frozenset("nguoi than con be ong ba bo me chau vo chong gia dinh khach nha".split())
# Family members are who a situation is about wherever they stand ("ông nội em mất", "mẹ già
# yếu"): they count only when a name names them. "nội", "ngoại" only after "ông", "bà".
KIN = frozenset("con be ong ba bo me cha chau vo chong".split())
KIN_AFTER = {"noi": KIN, "ngoai": frozenset({"ong", "ba"})}
# "tôi", "em", "mình": who asks, not what about ("bạn" folds like "bản", as in "bản sao").
PRONOUNS = frozenset("toi em minh".split())
# Words too small to make a shared whole word on their own account ("đã cấp", "được cấp"). "lên"
# says where a paper goes ("nộp đơn lên tòa", "chuyển hộ kinh doanh lên công ty"); the catalog
# uses it only in "trở lên" (or more).
WEAK = frozenset("da duoc la tai do den bi ve de co khong nay thi len".split())


@dataclass(frozen=True)
class Candidate:
    hit: SearchHit
    coverage: float
    shares_word: bool
    rank_score: float = 0.0
    explained: int = 0  # how many of the question's meaningful words the name accounts for
    counted: int = 0  # how many meaningful words the question has
    calibrated: bool = True  # the catalog is large enough for the absolute score thresholds
    meaningful: int = 0  # the question's meaningful words, the family members named included
    foreign: bool = False  # the question holds a word the catalog never uses (`_foreign`)
    about: float = 1.0  # share of the name's own words the question accounts for (`_about`)
    # share of the question's meaningful words that are not a person it is for (`_Word.soft`)
    # the name accounts for: what the question is about, whoever it is for
    firm: float = 1.0

    @property
    def confident(self) -> bool:
        if not self.shares_word or (self.calibrated and self.hit.score < MIN_SCORE):
            return False
        # A name that explains under MIN_COVERAGE of a question naming something the catalog
        # never mentions (an app, a game) is not what the question is about.
        # Who the question is for does not count here ("con tôi nghiện game": "con" read inside
        # "con nghiện" explains nothing of the game).
        if self.foreign and min(self.coverage, self.firm) < MIN_COVERAGE:
            return False
        # One word of a longer question is not a match, even when a synonym makes it a whole
        # phrase of the name (a folded "cười" read as "cưới", "đăng ký kết hôn").
        if max(self.counted, self.meaningful) > 1 and self.explained < 2:
            return False
        if self.calibrated and self.hit.score < INFORMATIVE_SCORE and self.coverage < 1.0:
            return False
        # A weak match whose name the question barely touches: a word or two of a long name
        # about something else ("đại học" in a loan programme's name).
        if self.calibrated and self.hit.score < INFORMATIVE_SCORE and self.about < MIN_ABOUT:
            return False
        return (
            self.coverage >= MIN_COVERAGE
            or (self.hit.score >= STRONG_SCORE and self.coverage >= STRONG_COVERAGE)
            or (
                self.hit.score >= VERY_STRONG_SCORE
                and self.coverage >= VERY_STRONG_COVERAGE
                and (self.explained >= VERY_STRONG_EXPLAINED or self.hit.score >= EXTREME_SCORE)
            )
            or (
                self.hit.score >= SITUATION_SCORE
                and self.explained >= SITUATION_EXPLAINED
                and self.coverage >= SITUATION_COVERAGE
            )
        )


# A name's words depend on the name alone: computed once per name, not once per reading.
@functools.lru_cache(maxsize=8192)
def _name_terms(name: str) -> tuple[frozenset[str], frozenset[str]]:
    tokens: set[str] = set()
    bigrams: set[str] = set()
    for run in chunks(name):
        tokens.update(run)
        bigrams.update(f"{a} {b}" for a, b in itertools.pairwise(run))
    return frozenset(tokens), frozenset(bigrams)


@functools.lru_cache(maxsize=8192)
def _own_words(name: str) -> tuple[str, ...]:
    """The name's meaningful words (its notes in brackets left out)."""
    parts, _notes = catalog_search._name_chunks(name)
    return tuple(t for part in parts for t in part if t not in FUNCTION_WORDS)


@dataclass(frozen=True)
class _Word:
    """One word of the question: what it may mean (itself, typo fixes, a synonym's legal words)."""

    meanings: frozenset[str]
    counts: bool  # False for function words and dropped question words
    soft: bool = False  # a person the question is for ("cho người thân"): counts only when named


def _words(topic: str, index: catalog_search.Index) -> list[_Word]:
    """The question's words with their possible meanings, read the way the search reads them."""
    tokens = [t for part in chunks(topic) for t in part]
    syn = catalog_search.index_synonyms(index)
    known = set(index.vocabulary) | syn.words
    # The search's own typo handling (split, close words, neighbour-supported alternatives).
    segments = catalog_search._correct(tokens, index, known)
    # A word the catalog knows means itself; only an unknown word may mean its corrections
    # (else "giá vàng" would pass for "giá đang" through a neighbour-supported alternative).
    meanings = [
        {tokens[i]} if tokens[i] in known else {t for alt, _ in seg for t in alt} | {tokens[i]}
        for i, seg in enumerate(segments)
    ]
    counts = [t not in FUNCTION_WORDS for t in tokens]
    heads = [seg[0][0] for seg in segments]
    rules = syn.rules
    longest = syn.longest
    i = 0
    while i < len(tokens):
        matched = 0
        # Not inside a word: "hoạt động công ty" holds no "đóng công ty" (`search.phrase_may_start`).
        may_start = not heads[i] or catalog_search.phrase_may_start(
            heads[i - 1][-1] if i and heads[i - 1] else None, heads[i][0])
        for size in range(min(longest, len(tokens) - i) if may_start else 0, 0, -1):
            # A word no reading knows (dropped by the typo fixes: "game", "facebook") reads as
            # nothing; a phrase does not begin or end on it, so it borrows no legal words from
            # its neighbours ("con nghiện game" is not "con nghiện" + a dropped word).
            if not heads[i] or not heads[i + size - 1]:
                continue
            key = syn.rule_key(tuple(t for head in heads[i : i + size] for t in head))
            if key is not None:
                targets = {t for target in rules[key] for t in target}
                for j in range(i, i + size):
                    if targets:
                        meanings[j] |= targets
                    else:
                        counts[j] = False  # a question word ("như thế nào")
                matched = size
                break
        i += matched or 1
    soft = [False] * len(tokens)
    for i, token in enumerate(tokens):
        if token in PRONOUNS or token in WEAK or token in catalog_search.PARTICLES:
            counts[i] = False
        elif token in PEOPLE and i and (tokens[i - 1] == "cho" or soft[i - 1]):
            soft[i] = True
        elif token in KIN or (i and token in KIN_AFTER and tokens[i - 1] in KIN_AFTER[token]):
            soft[i] = True
        elif token == "xa" and i == len(tokens) - 1 and tokens[i - 1] == "cap":
            # The level the citizen goes to, said last ("… ở xã" reads "cấp xã",
            # `intents._AT_COMMUNE`): it tells a commune variant apart, and counts against no
            # name that does not say it.
            soft[i] = soft[i - 1] = True
    return [_Word(frozenset(m), c, s) for m, c, s in zip(meanings, counts, soft, strict=True)]


def _explained(words: list[_Word], name_tokens: frozenset[str] | set[str]) -> tuple[int, int]:
    """How many of the question's meaningful words the name accounts for, and out of how many."""
    counted = [w for w in words if w.counts and (w.meanings & name_tokens or not w.soft)]
    return sum(1 for w in counted if w.meanings & name_tokens), len(counted)


def _firm(words: list[_Word], name_tokens: frozenset[str] | set[str]) -> float:
    """The share of the question's meaningful words, the people it is for left out, that the
    name accounts for."""
    firm = [w for w in words if w.counts and not w.soft]
    return sum(1 for w in firm if w.meanings & name_tokens) / len(firm) if firm else 1.0


def _meaningful(words: list[_Word]) -> int:
    return sum(1 for w in words if w.counts)


_TOKEN = re.compile(r"\w+")
_catalog_words_cache: tuple[tuple[object, ...], frozenset[str]] | None = None


def catalog_words(index: catalog_search.Index) -> frozenset[str]:
    """Every word (folded syllable) the catalog uses anywhere: names, who may apply, steps,
    conditions, results, documents. Built once per catalog (the search index's fingerprint)."""
    global _catalog_words_cache
    if _catalog_words_cache is None or _catalog_words_cache[0] != index.fingerprint:
        from motcua.catalog.models import ProcedureVersion, Requirement

        raw: set[str] = set()
        texts = ProcedureVersion.objects.values_list(
            "procedure__name", "procedure__applicants", "steps_text", "conditions", "results"
        )
        for row in texts:
            for text in row:
                if text:
                    raw.update(_TOKEN.findall(text.lower()))
        for name in Requirement.objects.values_list("name", flat=True):
            raw.update(_TOKEN.findall(name.lower()))
        _catalog_words_cache = (index.fingerprint, frozenset(fold(w) for w in raw))
    return _catalog_words_cache[1]


# A Vietnamese syllable, folded: onset, one to three vowels, coda.
_SYLLABLE = re.compile(
    r"(?:ngh|ng|gh|gi|kh|nh|ph|qu|th|tr|ch|[bcdghklmnprstvx])?[aeiouy]{1,3}(?:ng|nh|ch|[cmnpt])?"
)


# Abbreviations ("pccc", "bhyt", "cty") and numbers have no vowel but "y": they are no names.
_VOWEL = re.compile(r"[aeiou]")


def _foreign(topic: str, words: list[_Word], index: catalog_search.Index) -> bool:
    """Whether the question holds a meaningful word that is no Vietnamese syllable, that the
    catalog never uses anywhere (nor the search's synonyms) and that no typo fix reads: the name
    of something no procedure is about — an app, a game, a brand ("facebook", "game", "zalo").
    Everyday words a situation is told with are Vietnamese ("chuột", "quê") or in the catalog's
    texts ("email", "vneid"); abbreviations and numbers are not names."""
    tokens = [t for part in chunks(topic) for t in part]
    searched = set(index.vocabulary) | catalog_search.synonyms().words
    known = catalog_words(index) | searched
    return any(
        w.counts
        and _VOWEL.search(t)
        and not _SYLLABLE.fullmatch(t)
        and t not in known
        # The search's typo fixes find no reading ("dangky" is "đăng ký" typed without a space).
        and not any(alt for alt, _ in catalog_search._correct([t], index, searched)[0])
        for t, w in zip(tokens, words, strict=True)
    )


_field_cache: tuple[tuple[object, ...], dict[str, frozenset[str]]] | None = None


def field_words(index: catalog_search.Index) -> dict[str, frozenset[str]]:
    """Procedure code → the folded words of its field, abbreviations written out ("Thực hiện
    chính sách BHXH" → "bảo hiểm xã hội"). Built once per catalog."""
    global _field_cache
    if _field_cache is None or _field_cache[0] != index.fingerprint:
        by_field: dict[str, frozenset[str]] = {}
        words = {}
        for doc in index.docs:
            if doc.field_name not in by_field:
                by_field[doc.field_name] = frozenset(
                    t for run in chunks(index.spell_out(doc.field_name)) for t in run
                )
            words[doc.code] = by_field[doc.field_name]
        _field_cache = (index.fingerprint, words)
    return _field_cache[1]


def _calibrated(index: catalog_search.Index) -> bool:
    """The score thresholds were measured on the national catalog; a small test catalog's BM25
    scores and word frequencies are on another scale."""
    return len(index.docs) >= CALIBRATED_SIZE


def _idf(term: str, index: catalog_search.Index) -> float:
    df = index.df(term)
    return math.log(1 + len(index.docs) / df) if df else 1.0


def _reading_fit(reading: catalog_search.Reading, name: str, index: catalog_search.Index) -> float:
    """How well the name fits one reading of the question.

    Its rare words found in the name (weighted by rarity: "gia hạn" counts more than "đăng ký"),
    its two-word phrases found whole, and the share of the name's own words it accounts for (a
    name with much the question does not ask about is a narrower variant).
    """
    tokens, bigrams = _name_terms(name)
    kept = [t for t, _ in reading if t not in FUNCTION_WORDS]
    total = found = 0.0
    for token in kept:
        if token in tokens:
            weight = _idf(token, index)
            total += weight
            found += weight
        elif token not in PEOPLE:
            total += _idf(token, index)
    # Two-word phrases the catalog uses, weighted by rarity ("gia hạn" over "đăng ký").
    pairs = [f"{a} {b}" for a, b in itertools.pairwise(kept) if index.df(f"{a} {b}")]
    pair_total = sum(_idf(pair, index) for pair in pairs)
    whole = sum(_idf(pair, index) for pair in pairs if pair in bigrams) / pair_total if pair_total else 0.0
    own = _own_words(name)
    asked = set(kept)
    precision = sum(1 for t in own if t in asked) / len(own) if own else 0.0
    return (found / total if total else 0.0) + BIGRAM_WEIGHT * whole + PRECISION_WEIGHT * precision


def _about(readings: list[catalog_search.Reading], name: str) -> float:
    """The best share, over the readings, of the name's own meaningful words the question uses."""
    own = _own_words(name)
    if not own:
        return 0.0
    asked = [{w for w, _ in reading} for reading in readings]
    return max(sum(1 for t in own if t in words) for words in asked) / len(own)


def _length_normalised(coverage: float, name: str) -> float:
    """The name's share of the question, divided by its length over LONG_NAME syllables."""
    return coverage / max(1.0, len(name.split()) / LONG_NAME)


def _died(tokens: list[str]) -> list[str]:
    """"mất" after a family member ("ông nội em mất") is a death, not a lost paper: it does
    not ask for the "cấp lại / đăng ký lại" variant."""
    out = list(tokens)
    for i, token in enumerate(tokens):
        if token != "mat" or not i or LOST_AFTER_MAT.match(" ".join(tokens[i + 1 : i + 3])):
            continue  # "mẹ tôi mất sổ đỏ": a lost thing
        j = i - 1
        while j > 0 and tokens[j] in PRONOUNS | {"noi", "ngoai"}:
            j -= 1
        if tokens[j] in KIN and (j == 0 or tokens[j - 1] != "cua"):  # not "giấy tờ của bố tôi mất"
            out[i] = "chet"
    return out


@functools.lru_cache(maxsize=8192)
def _folded(text: str) -> str:
    return " " + " ".join(t for part in chunks(text) for t in part) + " "


def _case(name: str, asked: frozenset[str]) -> str:
    """The case of a name the question is about, folded. A name may list several cases after
    ";" ("Đăng ký biến động … chuyển đổi quyền sử dụng đất nông nghiệp …; chuyển nhượng, thừa
    kế, tặng cho …; cho thuê … trong dự án …"): the one holding most of the question's words
    (`asked`, every reading's), the first on a tie; the whole name when it lists none."""
    cases = [_folded(case) for case in name.split(";") if case.strip()]
    if len(cases) < 2:
        return _folded(name)
    return max(cases, key=lambda case: len(asked & set(case.split())))


@functools.lru_cache(maxsize=8192)
def _listed_actions(name: str) -> str:
    """The actions a name offers side by side at its head ("Cấp lại, đổi, điều chỉnh thông tin
    trên sổ BHXH", "Tích hợp, cập nhật, điều chỉnh thông tin…"), folded: each item of a leading
    comma list of at most three syllables, and the first words of the item that ends it. Empty
    when the name does not begin with such a list. A slash separates items as a comma does
    ("Sửa đổi, bổ sung/cấp lại Giấy chứng nhận …")."""
    items = re.split(r"[,/]", name.split(";")[0])
    head: list[str] = []
    for number, item in enumerate(items):
        words = _folded(item).split()
        if not number:
            # "Thủ tục cấp, cấp lại …", "Đề nghị cấp, …": the boilerplate is no action.
            while words[:2] in (["thu", "tuc"], ["de", "nghi"]):
                words = words[2:]
        if len(words) > 3:
            if head:
                head.append(" ".join(words[:2]))
            break
        head.append(" ".join(words))
    return " " + " | ".join(head) + " " if len(head) > 1 else ""


# The first item of a name's list of actions that makes it the procedure for a first application
# too ("Cấp, cấp lại, điều chỉnh, gia hạn Giấy chứng nhận …", "Mở, chấm dứt, thay đổi địa điểm
# chi nhánh …").
FIRST_ACTIONS = frozenset({"cap", "cap moi", "mo", "thanh lap"})
# What asks for a listed action besides its own words: an expired paper asks for its extension.
LISTED_CUES = {"gia han": ("het han", "keo dai")}
# Actions on a paper already held, besides those of `ACTIONS`.
RENEWALS = frozenset({"cap lai", "cap doi", "dang ky lai", "sua doi", "bo sung", *LISTED_ALTERNATIVES})


def _listed_excused(listed: str, asked: str) -> bool:
    """Whether the actions a name lists side by side (`_listed_actions`) do not count against a
    question that does not ask them: the list begins with the first application, or the question
    asks for another listed action that changes a paper already held ("điều chỉnh giấy chứng nhận
    …" of "Cấp lại, điều chỉnh, gia hạn …"). A question asking an approval ("phê duyệt") of
    "Thẩm định, phê duyệt, điều chỉnh …" still does not ask for the change."""
    items = [item.strip() for item in listed.split("|") if item.strip()]
    if not items:
        return False
    if items[0] in FIRST_ACTIONS:
        return True
    asks = {phrase: cues for phrase, cues, _ in ACTIONS}
    return any(
        f" {cue} " in asked
        for item in items
        if item in asks or item in RENEWALS
        for cue in (item, *asks.get(item, ()), *LISTED_CUES.get(item, ()))
    )


# An age limit of a name ("… cho trẻ em dưới 6 tuổi") and the ages a question states ("con gái
# 7 tuổi", "bé 8 tháng tuổi": months are under a year).
_AGE_LIMIT = re.compile(r" duoi (\d{1,2}) tuoi ")
_AGE = re.compile(r"\b(\d{1,3}) (thang )?tuoi\b")
# Words before an age that make it a bound from above ("dưới 6 tuổi", "chưa đủ 6 tuổi"): the
# question restates the limit. "đủ / trên / từ / hơn N tuổi" state an age of at least N: kept.
_LIMIT_WORD = re.compile(r"\b(?:duoi|chua du|chua toi|chua den|khong qua) $")


def _over_age(case: str, asked: str) -> bool:
    """Whether the question states an age and none of its ages is under the name's age limit:
    "con gái 7 tuổi" is no "trẻ em dưới 6 tuổi", however much "tuổi" is mentioned. A limit the
    question itself states ("trẻ dưới 6 tuổi", "chưa đủ 6 tuổi") is no age."""
    limit = _AGE_LIMIT.search(case)
    ages = [
        0 if m.group(2) else int(m.group(1))
        for m in _AGE.finditer(asked)
        if not _LIMIT_WORD.search(asked, 0, m.start())
    ]
    return bool(limit and ages and min(ages) >= int(limit.group(1)))


# What a name leaves out, in brackets ("Cấp lại Giấy chứng nhận cơ sở an toàn dịch bệnh động vật
# (trừ cơ sở an toàn dịch bệnh theo yêu cầu của nước nhập khẩu)"). Folded.
_EXCLUSION = re.compile(r"\(\s*tru\s([^)]*)\)")


@functools.lru_cache(maxsize=8192)
def _excluded_pairs(name: str) -> tuple[str, ...]:
    """The two-word phrases of what a name leaves out ("(trừ …)") that the rest of the name does
    not say, folded with a space either side: "nhap khau" of "(trừ … theo yêu cầu của nước nhập
    khẩu)", "mo to" of "(trừ xe mô tô, xe gắn máy)"."""
    folded = fold(name)
    excluded = _EXCLUSION.findall(folded)
    if not excluded:
        return ()
    rest = set(_folded(_EXCLUSION.sub(" , ", folded)).split())
    return tuple(
        f" {a} {b} "
        for text in excluded
        for run in chunks(text)
        for a, b in itertools.pairwise(run)
        if not {a, b} & rest and not {a, b} & FUNCTION_WORDS
    )


def _asks_excluded(name: str, asked: str, said: tuple[str, ...]) -> bool:
    """Whether the question is about the case the name leaves out: "cấp lại giấy chứng nhận an
    toàn dịch bệnh theo yêu cầu của nước nhập khẩu" is not the procedure "(trừ … theo yêu cầu của
    nước nhập khẩu)", however many of its words that name holds."""
    return any(pair in text for pair in _excluded_pairs(name) for text in (asked, *said))


# Neighbouring and partner countries that tell variants of a procedure apart ("… phương tiện của
# Campuchia", "… giữa Việt Nam và Trung Quốc", "… sang Cộng hòa Cuba, Cộng hòa nhân dân Trung
# Hoa"), folded, each with the country it names. Not "Lào": folded, it is the "lao" of "lao động".
COUNTRIES = {"campuchia": "campuchia", "trung quoc": "trung quoc", "trung hoa": "trung quoc", "cuba": "cuba"}


def _countries(text: str) -> set[str]:
    return {country for phrase, country in COUNTRIES.items() if f" {phrase} " in text}


def _other_country(case: str, asked: str) -> bool:
    """Whether the name is for another country than the one the question names: "xe Campuchia
    quá hạn lưu hành" is not "… phương tiện của Trung Quốc" nor "… giữa Việt Nam và Trung Quốc".
    Only the asker's words count (a reading may add a country of its own)."""
    named, asked_for = _countries(case), _countries(asked)
    return bool(named and asked_for and not named & asked_for)


# "do" (because of) before the reasons a name lists ("Điều chỉnh Giấy phép … do tăng, giảm vốn
# điều lệ, thay đổi tên công ty, …, ngân hàng lưu ký, giám sát, …"): unfolded, as folded "do" is
# also "dò" ("thăm dò"), "đỏ", "độ".
_BECAUSE = re.compile(r"\sdo\s")


@functools.lru_cache(maxsize=8192)
def _acting(name: str) -> str:
    """The part of a name that says what the procedure does, folded: the name before the reasons
    it lists after "do". A reason is a case, not the procedure's action: "thay đổi tên công ty",
    "giám sát" of a name correcting a licence "do …" are no renaming nor supervision."""
    return _folded(_BECAUSE.split(name, maxsplit=1)[0])


def _unasked_qualifiers(
    topic: str, name: str, read: frozenset[str] = frozenset(), said: tuple[str, ...] = ()
) -> int:
    """How many restrictive qualifiers the name has that the question does not mention.

    A qualifier counts only in the case of the name the question is about (`_case`): a name
    adding "…; cho thuê … trong dự án" after its general cases is the general procedure for a
    plot sold to a neighbour, not a project's variant; one whose case for a sale is "bán …
    quyền sử dụng đất là tài sản công" is the public-property variant. An action the question
    does not mean does not count when the name offers it beside one the question asks for
    ("Cấp lại, đổi, điều chỉnh … sổ BHXH" for a lost book). `read`: the words of the question's
    readings (`_read_words`), which tell the case too."""
    asked = " " + " ".join(_died([t for part in chunks(topic) for t in part])) + " "
    case = _case(name, (frozenset(asked.split()) | read) - FUNCTION_WORDS)
    over_age = _over_age(case, asked)
    listed = _listed_actions(name)
    excused = _listed_excused(listed, asked)
    # A name listing several procedures with "/" ("Đăng ký sử dụng hóa đơn điện tử/ …/Khai thác dữ
    # liệu của chi nhánh…") is a branch's variant only when its first one is.
    first = _folded(name.split("/", 1)[0])
    unasked = sum(
        1
        for phrase, mentions in QUALIFIERS
        if f" {phrase} " in case
        and (mentions is not BRANCH or f" {phrase} " in first)
        and not (excused and f" {phrase} " in listed)
        and (
            not (any(f" {m} " in asked for m in mentions) or any(f" {phrase} " in text for text in said))
            or (over_age and phrase.startswith("duoi "))
        )
    )
    unasked += sum(
        1
        for phrase, askers in PERSONAL_REQUESTS
        if f" {phrase} " in case and any(f" {m} " in asked for m in askers)
    )
    unasked += _asks_excluded(name, asked, said) + _other_country(case, asked)
    offered = [m for m in LISTED_ALTERNATIVES if f" {m} " in listed]
    # An action belongs to the name's head (it applies to every case listed after it) or to the
    # case the question is about: "…; gia hạn sử dụng đất khi hết thời hạn" at the end of a list of
    # cases is one more case, not what a question about changing a plot's use asks for.
    head = _folded(name.split(";", 1)[0])
    acting = _acting(name)
    for phrase, asks, means in ACTIONS:
        named = (f" {phrase} " in head or f" {phrase} " in case) and f" {phrase} " in acting
        if named and not any(f" {m} " in asked for m in means):
            if not (f" {phrase} " in listed and (excused or any(f" {m} " in asked for m in offered))):
                unasked += 1
        elif not named and any(f" {m} " in asked for m in asks):
            unasked += 1
    return unasked


def _coverage(
    readings: list[catalog_search.Reading], words: list[_Word], name: str, index: catalog_search.Index
) -> tuple[tuple[int, int], bool]:
    tokens, bigrams = _name_terms(name)
    common = catalog_search.COMMON_TERM_SHARE * len(index.docs) if _calibrated(index) else float("inf")
    shares = False
    for reading in readings:
        kept = [t for t, _ in reading if t not in FUNCTION_WORDS]
        # A whole word the two share, and not one half the catalog uses ("đăng ký", "giấy phép").
        if any(
            f"{a} {b}" in bigrams and index.df(f"{a} {b}") <= common and a not in WEAK and b not in WEAK
            for a, b in itertools.pairwise(kept)
        ):
            shares = True
            break
    return _explained(words, tokens), shares


_prior_cache: tuple[object, dict[str, float]] | None = None


def _priors(index: catalog_search.Index) -> dict[str, float]:
    """Procedure code → the search's bonus for its level and applicants (`search._top`)."""
    global _prior_cache
    if _prior_cache is None or _prior_cache[0] != index.fingerprint:
        _prior_cache = (index.fingerprint, {doc.code: doc.prior for doc in index.docs})
    return _prior_cache[1]


def _sibling_key(name: str) -> str:
    """A name without case, accents nor its leading "Thủ tục" ("Gia hạn nộp thuế" of the tax
    office and "Thủ tục gia hạn nộp thuế" of the customs are the same procedure in two fields)."""
    words = fold(name).replace(",", " ").split()
    return " ".join(words[2:] if words[:2] == ["thu", "tuc"] else words)


def _without_sibling_bonus(
    hits: list[SearchHit],
    topic_words: set[str],
    fields: dict[str, frozenset[str]],
    index: catalog_search.Index,
) -> tuple[list[SearchHit], dict[str, float]]:
    """Search scores where the level/applicant bonus does not decide between procedures of the
    same name in different fields (tax office and customs) that the question tells apart by
    no word of their fields: the same bonus for each, the shorter name first (the search's own
    tie rule). The hits come back in that order, with each one's score."""
    scores = {hit.code: hit.score for hit in hits}
    groups: dict[str, list[SearchHit]] = {}
    for hit in hits:
        groups.setdefault(_sibling_key(hit.name), []).append(hit)
    priors = _priors(index)
    order = list(hits)
    for members in groups.values():
        if len(members) < 2 or len({fields.get(m.code, frozenset()) for m in members}) < 2:
            continue
        named = [
            (fields.get(m.code, frozenset()) - set(_sibling_key(m.name).split())) & topic_words
            for m in members
        ]
        if any(named):
            continue  # "gia hạn nộp thuế hải quan": the question says which
        top = max(priors.get(m.code, 0.0) for m in members)
        for m in members:
            scores[m.code] = m.score / (1 + priors.get(m.code, 0.0)) * (1 + top)
        slots = sorted(order.index(m) for m in members)
        for slot, m in zip(slots, sorted(members, key=lambda m: (len(m.name), m.code)), strict=True):
            order[slot] = m
    return order, scores


def retrieve(topic: str, *, level: str | None = None, limit: int = CANDIDATES) -> list[Candidate]:
    """Procedures for the topic words, best first, each with its coverage of the question."""
    if not topic.strip():
        return []
    hits = catalog_search.search(topic, level=level, limit=max(limit, POOL))
    if not hits:
        return []
    index = catalog_search.get_index()
    # Abbreviations written out on both sides, as the search reads them ("TNHH", "tnhh").
    topic = index.spell_out(topic)
    readings = catalog_search.analyse(topic, index)
    words = _words(topic, index)
    foreign = _calibrated(index) and _foreign(topic, words, index)
    best = hits[0].score or 1.0
    fields = field_words(index)
    read = frozenset(t for reading in readings for t, _ in reading)
    said = tuple(" " + " ".join(t for t, _ in reading) + " " for reading in readings)
    hits, search_scores = _without_sibling_bonus(hits, set(fold(topic).split()), fields, index)
    candidates = []
    for hit in hits:
        name = index.spell_out(hit.name)
        (explained, counted), shares = _coverage(readings, words, name, index)
        coverage = explained / counted if counted else 0.0
        # In the ranking (not the confidence), the question's words the procedure's field
        # explains count too: a name seldom repeats its field ("Giải quyết hưởng chế độ tử tuất"
        # is social insurance), so "tiền mai táng bảo hiểm xã hội" is not less about it than
        # about a longer name that spells "bảo hiểm xã hội" out.
        field = fields.get(hit.code, frozenset())
        in_field = _explained(words, _name_terms(name)[0] | field)[0] if field else explained
        ranked = in_field / counted if counted else 0.0
        score = (
            COVERAGE_WEIGHT * _length_normalised(ranked, name)
            + max(_reading_fit(reading, name, index) for reading in readings)
            - QUALIFIER_PENALTY * _unasked_qualifiers(topic, name, read, said)
            + SEARCH_WEIGHT * search_scores[hit.code] / best
            + (SHARES_BONUS if shares else 0.0)
        )
        candidates.append(
            Candidate(
                hit,
                coverage,
                shares,
                score,
                explained,
                counted,
                _calibrated(index),
                _meaningful(words),
                foreign,
                _about(readings, name),
                _firm(words, _name_terms(name)[0]),
            )
        )
    # Stable: equal scores keep the search's order.
    candidates.sort(key=lambda c: -c.rank_score)
    return candidates[:limit]
