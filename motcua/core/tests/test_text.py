from motcua.core.text import clean, fold


def test_fold_removes_vietnamese_marks_and_case() -> None:
    assert fold("Thụy Hùng") == "thuy hung"
    assert fold("ĐĂNG KÝ KHAI SINH") == "dang ky khai sinh"
    assert fold("Đặc khu Phú Quốc") == "dac khu phu quoc"


def test_fold_treats_composed_and_decomposed_forms_alike() -> None:
    import unicodedata

    assert fold(unicodedata.normalize("NFD", "Lạng Sơn")) == fold("Lạng Sơn") == "lang son"


def test_clean_collapses_spaces_and_new_lines() -> None:
    assert clean("  Nhập \n toàn   bộ ") == "Nhập toàn bộ"
    assert clean(None) == ""


def _fold_per_character(text: str) -> str:
    """fold as it was written first: every character's category looked up (the definition)."""
    import unicodedata

    decomposed = unicodedata.normalize("NFD", clean(text).lower())
    return "".join(c for c in decomposed if unicodedata.category(c) != "Mn").replace("đ", "d")


def test_fold_drops_exactly_the_marks_the_per_character_definition_drops() -> None:
    from hypothesis import given, settings
    from hypothesis import strategies as st

    vietnamese = "ẠẢÃÀÁÂẬẦẤẨẪĂẮẰẶẲẴÓÒỌÕỎÔỘỔỖỒỐƠỜỚỢỞỠÉÈẸẼẺÊẾỀỆỂỄÚÙỤỦŨƯỰỮỬỪỨÍÌỊỈĨÝỲỶỴỸĐđ"
    alphabet = st.sampled_from(vietnamese + vietnamese.lower() + "abc xyz\t\n0-9(),.“”–…")
    # Beyond Latin too: Greek and Cyrillic marks, Hebrew points, CJK, emoji, combining marks alone.
    anything = st.characters(codec="utf-8")

    @settings(max_examples=400, deadline=None)
    @given(st.text(alphabet) | st.text(anything) | st.text(st.one_of(alphabet, anything)))
    def same(text: str) -> None:
        assert fold(text) == _fold_per_character(text)

    same()
    assert fold("Thụy Hùng ΆΈ ά") == _fold_per_character("Thụy Hùng ΆΈ ά") == "thuy hung αε α"
    assert fold("“Lạng” x\u20d7 y\u1dc0") == "“lang” x y"  # marks beyond the Latin block too
