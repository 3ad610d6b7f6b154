from __future__ import annotations

from motcua.accounts.privacy import mask_id_number, mask_phone


def test_an_id_number_keeps_only_its_last_four_digits() -> None:
    assert mask_id_number("020090001234") == "********1234"
    assert mask_id_number("") == ""
    assert mask_id_number("12345") == "****5"


def test_a_phone_keeps_two_digits_at_each_end() -> None:
    assert mask_phone("0912345678") == "09******78"
    assert mask_phone("123") == "***"
    assert mask_phone(None) == ""
