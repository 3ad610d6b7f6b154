"""The submission rules of required documents (catalog/requirements.py), shared by every door."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from motcua.catalog.requirements import is_always_required, is_document


def requirement(name: str, originals: int = 1, copies: int = 0, case: str = "") -> SimpleNamespace:
    return SimpleNamespace(name=name, originals=originals, certified_copies=copies, photocopies=0, case=case)


CASES = [
    (requirement("Tờ khai đăng ký khai sinh"), True, True),
    (requirement("Lưu ý: mang theo bản chính để đối chiếu", originals=0), False, False),
    (requirement("Trường hợp ủy quyền: văn bản ủy quyền"), True, False),
    (requirement("Giấy chứng sinh (nếu có)"), True, False),
    (requirement("Bản sao giấy tờ", originals=0, copies=1, case="Đối với người nước ngoài"), True, False),
]


@pytest.mark.parametrize(("item", "document", "required"), CASES)
def test_only_unconditional_documents_are_always_required(item: SimpleNamespace, document: bool,
                                                          required: bool) -> None:
    assert is_document(item) is document
    assert is_always_required(item) is required

