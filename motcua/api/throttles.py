"""Rate limits on the three doors worth guessing at: login, public lookup and submission."""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest
from ninja.throttling import SimpleRateThrottle

from motcua.core.clients import client_address

# Per client address (login, lookup) or per user (submission); override with MOTCUA_API_THROTTLE_RATES.
DEFAULT_RATES = {
    "login": "10/min",
    "lookup": "20/min",
    "submission": "30/hour",
    "assistant": "60/min",
}


class ScopedThrottle(SimpleRateThrottle):
    """Reads its rate from settings at each request, so tests and operators can change it."""

    scope = "scoped"
    by_user = False

    def __init__(self) -> None:
        super().__init__(rate=DEFAULT_RATES.get(self.scope, "60/min"))

    def allow_request(self, request: HttpRequest) -> bool:
        rates = {**DEFAULT_RATES, **getattr(settings, "MOTCUA_API_THROTTLE_RATES", {})}
        self.rate = rates[self.scope]
        self.num_requests, self.duration = self.parse_rate(self.rate)
        return super().allow_request(request)

    def get_ident(self, request: HttpRequest) -> str | None:
        # The client behind the trusted proxies, never a header the client wrote itself.
        return client_address(request)

    def get_cache_key(self, request: HttpRequest) -> str | None:
        ident: object = None
        if self.by_user:
            auth = getattr(request, "auth", None)
            ident = getattr(auth, "pk", None)
        if ident is None:
            ident = self.get_ident(request)
        return self.cache_format % {"scope": self.scope, "ident": ident}


class LoginThrottle(ScopedThrottle):
    scope = "login"


class LookupThrottle(ScopedThrottle):
    scope = "lookup"


class SubmissionThrottle(ScopedThrottle):
    scope = "submission"
    by_user = True
