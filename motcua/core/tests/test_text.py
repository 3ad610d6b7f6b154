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
