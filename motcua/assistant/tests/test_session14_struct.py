"""Session 14: a restrictive qualifier of a name ("… có yếu tố nước ngoài") is asked when one of
the question's readings says it: "chồng người Úc", "quốc tịch Mỹ" read as "người nước ngoài" in
`synonyms.txt`, and the foreign-element variant is no longer held back as unasked."""

from __future__ import annotations

from motcua.assistant.retrieval import _unasked_qualifiers


def test_a_qualifier_a_reading_says_is_asked() -> None:
    name = "Thủ tục đăng ký kết hôn có yếu tố nước ngoài"
    topic = "ket hon voi nguoi uc"
    assert _unasked_qualifiers(topic, name) == 1
    said = (" ket hon voi nguoi uc ", " ket hon voi nguoi nuoc ngoai ", " ket hon voi co yeu to nuoc ngoai ")
    assert _unasked_qualifiers(topic, name, said=said) == 0
    # a reading that does not say it leaves it unasked
    assert _unasked_qualifiers(topic, name, said=(" ket hon voi nguoi uc ",)) == 1
