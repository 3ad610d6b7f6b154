"""The ways a person can log in, shown as choices on the login page.

Local accounts (username + password, Django's ModelBackend) are always offered. Other
methods plug in here without touching the views: the national electronic identity
(VNeID) would be an OpenID Connect client that

1. adds its authentication backend to ``settings.AUTHENTICATION_BACKENDS``
   (it maps the verified personal ID number to ``accounts.User.id_number``), and
2. lists itself in ``settings.MOTCUA_LOGIN_METHODS`` with the URL that starts its
   authorization-code flow, e.g.::

       MOTCUA_LOGIN_METHODS = [
           {"key": "vneid", "label": "Đăng nhập bằng VNeID", "url_name": "vneid:start"},
       ]

The login page renders one button per extra method, above the password form.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.urls import NoReverseMatch, reverse


@dataclass(frozen=True)
class LoginMethod:
    key: str
    label: str
    url: str


def extra_login_methods() -> list[LoginMethod]:
    """The configured non-password login methods whose start URL exists."""
    methods: list[LoginMethod] = []
    for entry in getattr(settings, "MOTCUA_LOGIN_METHODS", []):
        try:
            url = reverse(entry["url_name"])
        except NoReverseMatch:
            # A method configured without its app installed is hidden rather than breaking login.
            continue
        methods.append(LoginMethod(key=entry["key"], label=entry["label"], url=url))
    return methods
