"""Signed messages between motcua and a payment platform: HMAC-SHA256 over canonical fields.

Every message (the checkout redirect, the notification, a query and its answer, the daily
transaction list) is a flat set of fields with a `timestamp` (Unix seconds) and a random
`nonce`; `signature` is the hex HMAC-SHA256, under the merchant's shared secret, of the
canonical string: the fields other than `signature`, sorted by name, as
`name=percent-encoded value` joined by `&` (a value that is not text is its compact JSON).
Percent-encoding keeps the string unambiguous when a value holds `&` or `=` (a URL).
"""

from __future__ import annotations

import hashlib
import hmac
import json
import secrets
import time
from collections.abc import Mapping
from typing import Any
from urllib.parse import quote


def _text(value: Any) -> str:
    if isinstance(value, str):
        return value
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def canonical(fields: Mapping[str, Any]) -> str:
    return "&".join(
        f"{name}={quote(_text(fields[name]), safe='')}" for name in sorted(fields) if name != "signature"
    )


def signature(fields: Mapping[str, Any], secret: str) -> str:
    return hmac.new(secret.encode(), canonical(fields).encode(), hashlib.sha256).hexdigest()


def signed(fields: Mapping[str, Any], secret: str, now: float | None = None) -> dict[str, Any]:
    """`fields` with a fresh timestamp and nonce, and their signature."""
    if not secret:
        raise ValueError("no payment secret configured (MOTCUA_PAYMENT_SECRET)")
    out = dict(fields)
    out["timestamp"] = str(int(now if now is not None else time.time()))
    out["nonce"] = secrets.token_hex(16)
    out["signature"] = signature(out, secret)
    return out


class BadSignature(Exception):
    """The message is not from the holder of the secret, or is too old or too new to trust."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def verify(fields: Mapping[str, Any], secret: str, max_age: int, now: float | None = None) -> None:
    """Raise `BadSignature` unless `fields` carry a valid signature, a nonce and a fresh timestamp.

    The signature is compared in constant time. The timestamp bounds how long a captured
    message can be replayed; the nonce (stored by the receiver) refuses it within that window.
    """
    if not secret:
        # No secret configured: nothing can be trusted (an empty HMAC key would be forgeable).
        raise BadSignature("not_configured")
    given = fields.get("signature")
    try:
        expected = signature(fields, secret)
    except UnicodeEncodeError:  # a lone surrogate ("\ud800" in the JSON) cannot have been signed
        raise BadSignature("invalid_signature") from None
    # Bytes: compare_digest refuses a str with non-ASCII characters (TypeError, a 500).
    if not isinstance(given, str) or not hmac.compare_digest(
        given.encode("utf-8", "surrogatepass"), expected.encode()
    ):
        raise BadSignature("invalid_signature")
    nonce = fields.get("nonce")
    if not isinstance(nonce, str) or not 8 <= len(nonce) <= 64:
        raise BadSignature("invalid_signature")
    try:
        stamp = int(str(fields.get("timestamp")))
    except ValueError:
        raise BadSignature("invalid_signature") from None
    current = now if now is not None else time.time()
    if abs(current - stamp) > max_age:
        raise BadSignature("stale")
