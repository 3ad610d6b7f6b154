"""System checks of motcua's own settings (run by `check`, `migrate`, `runserver` and `motcua serve`).

Slips carry links built from MOTCUA_PUBLIC_URL (the QR code of the receipt opens the public
lookup). Left at its development default, every printed slip of a production server points at
127.0.0.1 (issue #19): the server refuses to start instead.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from django.conf import settings
from django.core.checks import Error, Tags, register

DEVELOPMENT_HOSTS = {"127.0.0.1", "localhost", "0.0.0.0", "::1", ""}
PUBLIC_URL_TAG = "motcua"


@register(PUBLIC_URL_TAG, Tags.security, deploy=False)
def check_public_url(app_configs: Any = None, **kwargs: Any) -> list[Error]:
    """With DEBUG off, MOTCUA_PUBLIC_URL must be an https address of a real host."""
    if settings.DEBUG or getattr(settings, "TESTING", False):
        return []
    value = str(getattr(settings, "MOTCUA_PUBLIC_URL", "") or "")
    parts = urlsplit(value)
    if parts.hostname is None or parts.hostname in DEVELOPMENT_HOSTS:
        return [Error(
            f"MOTCUA_PUBLIC_URL is {value!r}: slips would link to a development address.",
            hint="Set MOTCUA_PUBLIC_URL to the public address of the portal, "
                 "e.g. https://dichvucong.langson.gov.vn",
            id="motcua.E001",
        )]
    if parts.scheme != "https":
        return [Error(
            f"MOTCUA_PUBLIC_URL is {value!r}: links printed on slips must use https.",
            hint="Use the https:// address of the portal.",
            id="motcua.E002",
        )]
    return []
