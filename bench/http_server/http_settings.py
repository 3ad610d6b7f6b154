"""Settings of the server that bench/http_load.py drives: production settings plus the reference views.

The throttles are lifted (the bench is one client address sending thousands of requests);
everything else is motcua.settings as in production.

Lifted to a per-second rate, not a per-minute one: a throttle keeps the time of each request
of its window (django-ninja's sliding log), so "1000000/min" made every throttled request read
and write the list of all requests of the last minute (thousands of entries, tens of KB) — a
cost no production client causes (20 lookups a minute per address, 30 submissions an hour per
account). A one-second window holds about as many entries as the bench sends in a second.
"""

from motcua.settings import *  # noqa: F403

ROOT_URLCONF = "http_urls"
MOTCUA_API_THROTTLE_RATES = {scope: "1000000/s" for scope in ("login", "lookup", "submission", "assistant")}
MOTCUA_LOOKUP_PER_MINUTE = 1_000_000
