"""Session 16 (r4): a procedure a person asks for themselves ("… theo đề nghị của người nước
ngoài") is not the one a company or an agency asks for on their behalf. Questions here are in no
eval file."""

from __future__ import annotations

from motcua.assistant.retrieval import _unasked_qualifiers

OWN = "Cấp thị thực điện tử theo đề nghị của người nước ngoài"
ORGANISATION = "Cấp thị thực điện tử theo đề nghị của cơ quan, tổ chức"


def test_a_company_asking_is_no_personal_request() -> None:
    assert _unasked_qualifiers("cong ty bao lanh thi thuc dien tu cho nguoi nuoc ngoai", OWN) == 1
    assert _unasked_qualifiers("co quan de nghi cap thi thuc dien tu cho khach nuoc ngoai", OWN) == 1
    assert _unasked_qualifiers("cong ty bao lanh thi thuc dien tu cho nguoi nuoc ngoai", ORGANISATION) == 0


def test_a_person_asking_keeps_the_personal_request() -> None:
    assert _unasked_qualifiers("nguoi nuoc ngoai xin thi thuc dien tu", OWN) == 0
    # a bare "cơ quan" asks a place, not who files
    assert _unasked_qualifiers("nguoi nuoc ngoai xin thi thuc dien tu o co quan nao", OWN) == 0
