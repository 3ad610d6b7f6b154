"""The search finds procedures the way citizens write: no accents, typos, everyday words."""

from __future__ import annotations

from typing import Any

import pytest

from motcua.catalog import search as search_module
from motcua.catalog.models import Field, Procedure
from motcua.catalog.search import SearchHit, parse_synonyms, search

# A small hand-made catalog: the general procedures and the narrow variants that
# compete with them in the real one (foreign element, mobile, re-registration…).
CATALOG = [
    ("1.001193", "Thủ tục đăng ký khai sinh", "Hộ tịch", "commune"),
    ("1.003583", "Thủ tục đăng ký khai sinh lưu động", "Hộ tịch", "commune"),
    ("2.000528", "Thủ tục đăng ký khai sinh có yếu tố nước ngoài", "Hộ tịch", "commune"),
    ("1.004884", "Thủ tục đăng ký lại khai sinh", "Hộ tịch", "commune"),
    ("1.000656", "Thủ tục đăng ký khai tử", "Hộ tịch", "commune"),
    ("1.000894", "Thủ tục đăng ký kết hôn", "Hộ tịch", "commune"),
    ("1.004873", "Thủ tục cấp Giấy xác nhận tình trạng hôn nhân", "Hộ tịch", "commune"),
    ("1.004222", "Đăng ký thường trú", "Đăng ký, quản lý cư trú", "commune"),
    ("2.000815", "Chứng thực bản sao từ bản chính giấy tờ, văn bản do cơ quan, tổ chức có thẩm quyền "
                 "của Việt Nam cấp hoặc chứng nhận", "Chứng thực", "commune"),
    ("1.013978", "Đăng ký đất đai, tài sản gắn liền với đất, cấp Giấy chứng nhận quyền sử dụng đất, "
                 "quyền sở hữu tài sản gắn liền với đất lần đầu đối với hộ gia đình, cá nhân", "Đất đai",
     "commune"),
    ("1.001456", "Cấp hộ chiếu phổ thông ở trong nước (thực hiện tại cấp tỉnh)",
     "Quản lý xuất nhập cảnh", "province"),
    ("1.001471", "Cấp hộ chiếu phổ thông ở trong nước (thực hiện tại cấp trung ương)",
     "Quản lý xuất nhập cảnh", "ministry"),
    ("3.000347", "Đổi giấy phép lái xe", "Sát hạch, cấp giấy phép lái xe", "province"),
    ("1.001612", "Đăng ký thành lập hộ kinh doanh", "Thành lập và hoạt động doanh nghiệp (hộ kinh doanh)",
     "commune"),
    ("1.009999", "Cấp giấy phép nhập khẩu thuốc thú y", "Thú y", "ministry"),
]


def make_procedure(code: str, name: str, field_name: str, level: str, applicants: str = "") -> Procedure:
    field, _ = Field.objects.get_or_create(name=field_name)
    return Procedure.objects.create(code=code, name=name, field=field, applicants=applicants,
                                    **{f"at_{level}": True})


@pytest.fixture(autouse=True)
def fresh_index() -> Any:
    # Each test has its own catalog in a rolled-back transaction: never reuse an index.
    search_module.invalidate()
    yield
    search_module.invalidate()


@pytest.fixture
def catalog(db: Any) -> None:
    for code, name, field_name, level in CATALOG:
        make_procedure(code, name, field_name, level)


def codes(query: str, **kwargs: Any) -> list[str]:
    return [hit.code for hit in search(query, **kwargs)]


def test_query_with_diacritics_finds_the_procedure(catalog: None) -> None:
    assert codes("đăng ký khai sinh")[0] == "1.001193"


def test_query_without_diacritics_finds_the_same_procedure(catalog: None) -> None:
    assert codes("dang ky khai sinh")[0] == "1.001193"
    assert codes("DANG KY KET HON")[0] == "1.000894"


def test_hits_carry_code_name_score_and_procedure_id(catalog: None) -> None:
    hit = search("đăng ký khai tử", limit=1)[0]
    procedure = Procedure.objects.get(code="1.000656")
    assert isinstance(hit, SearchHit)
    assert (hit.code, hit.name, hit.procedure_id) == ("1.000656", procedure.name, procedure.pk)
    assert hit.score > 0


def test_small_typos_are_tolerated(catalog: None) -> None:
    assert codes("dang ky khai sihn")[0] == "1.001193"  # swapped letters
    assert codes("dang ki ket hon")[0] == "1.000894"  # i for y
    assert codes("dang ky thuong chu")[0] == "1.004222"  # ch for tr


def test_a_typo_that_is_itself_a_word_is_read_from_its_neighbour(catalog: None) -> None:
    # "hong" is a real syllable (hỏng), but "kết hong" is no word while "kết hôn" is.
    assert codes("dang ky ket hong")[0] == "1.000894"


def test_words_typed_without_spaces_are_split(catalog: None) -> None:
    assert codes("dangky khaisinh")[0] == "1.001193"


def test_everyday_words_find_the_legal_procedure(catalog: None) -> None:
    assert codes("làm giấy khai sinh cho con")[0] == "1.001193"
    assert codes("làm giấy chứng tử")[0] == "1.000656"
    assert codes("xin giấy xác nhận độc thân")[0] == "1.004873"
    assert codes("nhập hộ khẩu")[0] == "1.004222"
    assert codes("lam so do")[0] == "1.013978"
    assert codes("công chứng giấy tờ")[0] == "2.000815"
    assert codes("đổi bằng lái")[0] == "3.000347"
    assert codes("đăng ký kinh doanh hộ cá thể")[0] == "1.001612"


def test_the_citizens_own_words_still_count_next_to_a_synonym(catalog: None) -> None:
    # "công chứng" usually means "chứng thực" to citizens, but notary offices exist too.
    make_procedure("1.013834", "Thành lập Văn phòng công chứng", "Công chứng", "province")
    assert codes("văn phòng công chứng")[0] == "1.013834"


def test_question_words_do_not_disturb_the_ranking(catalog: None) -> None:
    assert codes("thủ tục đăng ký kết hôn cần những gì, nộp ở đâu?")[0] == "1.000894"


def test_general_procedure_ranks_above_its_narrow_variants(catalog: None) -> None:
    ranked = codes("đăng ký khai sinh")
    assert ranked[0] == "1.001193"
    assert set(ranked[1:4]) == {"1.003583", "2.000528", "1.004884"}


def test_the_query_can_ask_for_the_narrow_variant(catalog: None) -> None:
    assert codes("khai sinh cho con có bố là người nước ngoài")[0] == "2.000528"
    assert codes("đăng ký lại khai sinh")[0] == "1.004884"


def test_level_filter_keeps_only_procedures_of_that_level(catalog: None) -> None:
    for level, first in (("province", "1.001456"), ("ministry", "1.001471")):
        hits = search("cấp hộ chiếu", level=level)
        assert hits[0].code == first
        assert all(getattr(Procedure.objects.get(code=h.code), f"at_{level}") for h in hits)
    assert "1.001456" not in codes("cấp hộ chiếu", level="commune")


def test_a_tie_goes_to_the_level_closer_to_citizens(catalog: None) -> None:
    # Same words, same length: the province-level passport office comes before the ministry.
    assert codes("làm hộ chiếu")[:2] == ["1.001456", "1.001471"]


def test_a_tie_goes_to_the_procedure_open_to_citizens(db: Any) -> None:
    make_procedure("9.000001", "Cấp giấy phép hoạt động", "Khác", "province", "Doanh nghiệp")
    make_procedure("9.000002", "Cấp giấy phép hoạt động", "Khác", "province", "Công dân Việt Nam")
    assert codes("giấy phép hoạt động") == ["9.000002", "9.000001"]


PRUNING_QUERIES = ["đăng ký khai sinh", "lam so do", "cấp hộ chiếu", "đăng ký", "giấy", "kết hôn nước ngoài",
                   "chứng thực bản sao giấy tờ", "đổi bằng lái xe", "xac nhan tinh trang hon nhan"]


@pytest.mark.parametrize("level", [None, "commune", "province"])
def test_pruned_ranking_equals_scoring_every_procedure(catalog: None, level: str | None,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(search_module, "COMMON_TERM_SHARE", 0.3)
    pruned = [search(q, level=level, limit=2) for q in PRUNING_QUERIES]
    monkeypatch.setattr(search_module, "COMMON_TERM_SHARE", 0.0)  # every term walks its postings
    search_module.get_index()._answers.clear()  # rank again, not the kept answers
    assert [search(q, level=level, limit=2) for q in PRUNING_QUERIES] == pruned


def test_pruning_skips_scoring_every_procedure_when_it_can(catalog: None,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    full_scorings = []
    real_score = search_module._score

    def spy(index: Any, term_sets: Any, selective: Any, only: Any) -> Any:
        if only is None:
            full_scorings.append(1)
        return real_score(index, term_sets, selective, only)

    monkeypatch.setattr(search_module, "_score", spy)
    monkeypatch.setattr(search_module, "COMMON_TERM_SHARE", 0.3)
    for query in PRUNING_QUERIES:
        search(query, limit=2)
    assert len(full_scorings) < len(PRUNING_QUERIES)


def test_a_repeated_query_is_answered_from_the_index_without_ranking_again(
        catalog: None, monkeypatch: pytest.MonkeyPatch) -> None:
    first = search("đăng ký khai sinh")
    rankings: list[int] = []
    real_rank = search_module._rank

    def counted(*args: Any) -> Any:
        rankings.append(1)
        return real_rank(*args)

    monkeypatch.setattr(search_module, "_rank", counted)
    assert search("đăng ký khai sinh") == first and rankings == []
    assert search("đăng ký khai sinh", limit=3) == first[:3] and rankings == [1]  # another question
    monkeypatch.setattr(search_module, "ANSWERS_KEPT", 1)
    search("kết hôn")  # the oldest answer is dropped
    assert list(search_module.get_index()._answers) == [("kết hôn", None, 10)]


def test_a_changed_catalog_is_searched_afresh(catalog: None) -> None:
    assert "9.999999" not in codes("giấy phép nuôi ong")
    make_procedure("9.999999", "Cấp giấy phép nuôi ong", "Nông nghiệp", "commune")
    assert codes("giấy phép nuôi ong")[0] == "9.999999"


def test_unknown_level_is_refused(catalog: None) -> None:
    with pytest.raises(ValueError):
        search("khai sinh", level="district")


def test_limit_caps_the_number_of_hits(catalog: None) -> None:
    assert len(search("đăng ký", limit=2)) == 2


def test_nothing_matching_gives_no_hits(catalog: None) -> None:
    assert search("xyzzy qwerty") == []
    assert search("") == []


def test_empty_catalog_gives_no_hits(db: Any) -> None:
    assert search("đăng ký khai sinh") == []


def test_index_sees_a_procedure_added_after_it_was_built(catalog: None) -> None:
    assert "2.001263" not in codes("đăng ký nuôi con nuôi")
    make_procedure("2.001263", "Đăng ký việc nuôi con nuôi trong nước", "Nuôi con nuôi", "commune")
    assert codes("đăng ký nuôi con nuôi")[0] == "2.001263"


def test_index_sees_a_renamed_procedure(catalog: None) -> None:
    search("đăng ký kết hôn")
    procedure = Procedure.objects.get(code="1.000894")
    procedure.name = "Thủ tục đăng ký kết hôn lưu động"
    procedure.save()
    assert search("đăng ký kết hôn lưu động")[0].name == "Thủ tục đăng ký kết hôn lưu động"


def test_index_sees_rows_written_without_signals(catalog: None, settings: Any) -> None:
    # Another process (the importer uses bulk_create) changes the table: the
    # fingerprint check notices it on the next search.
    settings.CATALOG_SEARCH_CHECK_SECONDS = 0
    search("đăng ký khai sinh")
    field = Field.objects.get(name="Hộ tịch")
    Procedure.objects.bulk_create([Procedure(code="3.000323", name="Đăng ký giám sát việc giám hộ",
                                             name_folded="dang ky giam sat viec giam ho", field=field,
                                             at_commune=True)])
    assert codes("giám sát việc giám hộ")[0] == "3.000323"


def test_index_is_reused_while_the_catalog_is_unchanged(catalog: None, settings: Any,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    settings.CATALOG_SEARCH_CHECK_SECONDS = 0
    builds = []
    real_build = search_module.build_index

    def counting_build(*args: Any, **kwargs: Any) -> search_module.Index:
        builds.append(1)
        return real_build(*args, **kwargs)

    monkeypatch.setattr(search_module, "build_index", counting_build)
    for query in ("khai sinh", "kết hôn", "hộ chiếu"):
        search(query)
    assert len(builds) == 1


def test_index_is_not_rechecked_within_the_interval(catalog: None, settings: Any,
                                                    django_assert_num_queries: Any) -> None:
    settings.CATALOG_SEARCH_CHECK_SECONDS = 3600
    search("khai sinh")
    with django_assert_num_queries(0):
        search("kết hôn")


def test_synonym_lines_give_alternatives_and_fold_both_sides() -> None:
    synonyms = parse_synonyms([
        "# a comment",
        "làm sổ đỏ, Làm Sổ Hồng => cấp giấy chứng nhận | đăng ký đất đai  # why",
        "như thế nào =>",
    ])
    expected = (("cap", "giay", "chung", "nhan"), ("dang", "ky", "dat", "dai"))
    assert synonyms.rules[("lam", "so", "do")] == expected
    assert synonyms.rules[("lam", "so", "hong")] == expected
    assert synonyms.rules[("nhu", "the", "nao")] == ((),)
    assert synonyms.longest == 3


def test_numbers_in_synonym_lines_are_written_one_way_like_the_names_they_must_match() -> None:
    # A name's "mức độ 02" and a question's "cmnd 09 số" are read as 2 and 9 (`chunks`): a rule
    # written with the leading zero, or with a Roman numeral after a rank word, must read the same.
    synonyms = parse_synonyms(
        ["định danh mức 02, cmnd 09 số => tài khoản định danh điện tử mức độ 02 | công trình cấp IV"])
    assert synonyms.rules[("dinh", "danh", "muc", "2")] == (
        ("tai", "khoan", "dinh", "danh", "dien", "tu", "muc", "do", "2"), ("cong", "trinh", "cap", "4"))
    assert ("cmnd", "9", "so") in synonyms.rules


def test_other_names_read_like_the_name_in_every_written_rule_combined_but_never_nested() -> None:
    """Twelve border gates are each a "cửa khẩu": every rule holding "cửa khẩu" reads each gate
    (and "tq" with it), once — not each gate inside another gate's name, which made the shipped
    file 16 million phrases (2¹² of every such rule) and the assistant minutes per question."""
    gates = [f"cửa khẩu số {n}" for n in range(1, 13)]
    synonyms = parse_synonyms([
        "hàng trung quốc qua cửa khẩu => thông quan hàng hóa",
        "mở kho => kho ngoại quan",
        ", ".join(gates) + " == cửa khẩu",
        "tq == trung quốc",
    ])
    target = (("thong", "quan", "hang", "hoa"),)
    assert synonyms.rules[("hang", "tq", "qua", "cua", "khau", "so", "7")] == target
    assert synonyms.rules[("hang", "trung", "quoc", "qua", "cua", "khau", "so", "12")] == target
    # the written rule, "tq" or not (2) × "cửa khẩu" or one of 12 gates (13), plus "mở kho"
    assert len(synonyms.rules) == 2 * 13 + 1
    assert not any(key.count("khau") > 1 for key in synonyms.rules)


def test_a_name_inside_a_longer_name_reads_its_other_names_too() -> None:
    synonyms = parse_synonyms([
        "người nước ngoài mở công ty => đăng ký đầu tư",
        "khách tây == người nước ngoài",
        "hàn quốc == nước ngoài",
    ])
    assert synonyms.rules[("khach", "tay", "mo", "cong", "ty")] == (("dang", "ky", "dau", "tu"),)
    assert synonyms.rules[("nguoi", "han", "quoc", "mo", "cong", "ty")] == (("dang", "ky", "dau", "tu"),)


def test_the_shipped_synonym_list_stays_a_list_of_phrases_not_their_combinations() -> None:
    rules = search_module.synonyms().rules
    written = sum(line.split("#", 1)[0].count(",") + 1
                  for line in search_module.SYNONYMS_PATH.read_text(encoding="utf-8").splitlines()
                  if "=>" in line.split("#", 1)[0])
    assert len(rules) < 3 * written


def test_a_synonym_line_without_arrow_is_an_error() -> None:
    with pytest.raises(ValueError, match="=>"):
        parse_synonyms(["làm sổ đỏ = cấp giấy chứng nhận"])


def test_the_shipped_synonym_list_parses() -> None:
    rules = search_module.synonyms().rules
    assert ("lam", "so", "do") in rules
    assert len(rules) > 100
