"""HMAC-SHA256 over canonical fields, with a timestamp and a nonce."""

from __future__ import annotations

import time

import pytest

from motcua.payments import signing

SECRET = "bí-mật-chung"


def test_a_signed_message_verifies() -> None:
    message = signing.signed({"order_id": "MC1", "amount": "8000", "return_url": "http://x/?a=1&b=2"}, SECRET)
    signing.verify(message, SECRET, max_age=300)
    assert len(message["nonce"]) == 32 and message["timestamp"].isdigit()


@pytest.mark.parametrize("field,value", [("amount", "80000"), ("order_id", "MC2"), ("nonce", "0" * 32)])
def test_changing_any_field_breaks_the_signature(field: str, value: str) -> None:
    message = signing.signed({"order_id": "MC1", "amount": "8000"}, SECRET)
    message[field] = value
    with pytest.raises(signing.BadSignature) as caught:
        signing.verify(message, SECRET, max_age=300)
    assert caught.value.reason == "invalid_signature"


def test_a_signature_with_non_ascii_characters_does_not_verify() -> None:
    message = signing.signed({"order_id": "MC1"}, SECRET)
    message["signature"] = "đ" + message["signature"][1:]
    with pytest.raises(signing.BadSignature) as caught:
        signing.verify(message, SECRET, max_age=300)
    assert caught.value.reason == "invalid_signature"


def test_a_field_with_a_lone_surrogate_does_not_verify() -> None:
    # JSON may escape one ("\\ud800"); it cannot be encoded, so it cannot have been signed.
    message = signing.signed({"order_id": "MC1"}, SECRET)
    message["order_id"] = "\ud800"
    with pytest.raises(signing.BadSignature) as caught:
        signing.verify(message, SECRET, max_age=300)
    assert caught.value.reason == "invalid_signature"


def test_another_secret_does_not_verify() -> None:
    message = signing.signed({"order_id": "MC1"}, "khác")
    with pytest.raises(signing.BadSignature):
        signing.verify(message, SECRET, max_age=300)


def test_values_cannot_be_shifted_between_fields() -> None:
    # "a=1&b=2" in one field must not sign the same string as two fields a and b.
    assert signing.canonical({"x": "1&b=2"}) != signing.canonical({"x": "1", "b": "2"})


def test_an_old_message_is_stale_and_a_future_one_too() -> None:
    old = signing.signed({"order_id": "MC1"}, SECRET, now=time.time() - 301)
    future = signing.signed({"order_id": "MC1"}, SECRET, now=time.time() + 301)
    for message in (old, future):
        with pytest.raises(signing.BadSignature) as caught:
            signing.verify(message, SECRET, max_age=300)
        assert caught.value.reason == "stale"


def test_without_a_secret_nothing_is_signed_or_trusted() -> None:
    message = signing.signed({"order_id": "MC1"}, SECRET)
    message["signature"] = signing.signature(message, "")
    with pytest.raises(signing.BadSignature) as caught:
        signing.verify(message, "", max_age=300)
    assert caught.value.reason == "not_configured"
    with pytest.raises(ValueError):
        signing.signed({"order_id": "MC1"}, "")
