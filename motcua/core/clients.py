"""Who is on the other end: the client address behind a configured number of trusted proxies.

Every rate limit keys on this (login lockout, lookup, API throttles). Reading the left-most
`X-Forwarded-For` entry, or the whole header, lets a client choose its own address with a
forged header; behind N trusted proxies, the client is the address the outermost of them saw:
the N-th entry from the right (`MOTCUA_TRUSTED_PROXIES`, 0 = no proxy: the socket's address).
"""

from __future__ import annotations

import ipaddress
from typing import Any

from django.conf import settings


def _valid(address: str) -> str | None:
    try:
        return str(ipaddress.ip_address(address.strip()))
    except ValueError:
        return None


def client_address(request: Any) -> str:
    remote = request.META.get("REMOTE_ADDR", "") or ""
    proxies = settings.MOTCUA_TRUSTED_PROXIES
    if proxies <= 0:
        return remote
    forwarded = [a for a in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if a.strip()]
    # The chain the trusted proxies appended, nearest last: [..., client, proxy 1, …] + REMOTE_ADDR.
    chain = [*forwarded, remote]
    if len(chain) <= proxies:
        return _valid(chain[0]) or remote
    return _valid(chain[-(proxies + 1)]) or remote
