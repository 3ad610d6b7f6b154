"""Settings of the server that bench/http_load.py drives: production settings plus the reference views.

The throttles are lifted (the bench is one client address sending thousands of requests);
everything else is motcua.settings as in production.
"""

from motcua.settings import *  # noqa: F403

ROOT_URLCONF = "http_urls"
MOTCUA_API_THROTTLE_RATES = {scope: "1000000/min" for scope in ("login", "lookup", "submission", "assistant")}
MOTCUA_LOOKUP_PER_MINUTE = 1_000_000
