"""Sign-in with the national identity: OpenID Connect (the national portal's SSO with VNeID).

mozilla-django-oidc runs the authorization-code flow (state, nonce, PKCE, RS256 ID token
checked against the provider's keys); this module decides *who* signs in: the account whose
personal ID number is the provider's ID-number claim (MOTCUA_OIDC_ID_NUMBER_CLAIM), or a new
citizen account with it. There is one account per ID number (a database constraint), so a
first sign-in racing another creates one account, and the loser signs in to it.
"""

from __future__ import annotations

import logging
import secrets
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import SuspiciousOperation
from django.db import IntegrityError, transaction
from django.http import HttpRequest, HttpResponse, HttpResponseNotFound
from django.urls import reverse
from django.utils.translation import gettext as _
from mozilla_django_oidc.auth import OIDCAuthenticationBackend
from mozilla_django_oidc.views import OIDCAuthenticationCallbackView, OIDCAuthenticationRequestView

from motcua.accounts import audit
from motcua.accounts.models import AccountEvent, IdVerification, Role, User
from motcua.portal.forms import ID_NUMBER_RE

log = logging.getLogger(__name__)


def _id_number(claims: dict[str, Any]) -> str:
    value = claims.get(settings.MOTCUA_OIDC_ID_NUMBER_CLAIM)
    return "".join(str(value).split()) if value is not None else ""


class IdNumberBackend(OIDCAuthenticationBackend):
    """Links the provider's identity to the account with the same personal ID number."""

    def authenticate(self, request: Any, **kwargs: Any) -> Any:
        # Password logins pass through every backend too: only the callback's call is ours.
        if not settings.MOTCUA_OIDC_ENABLED or request is None or "nonce" not in kwargs:
            return None
        return super().authenticate(request, **kwargs)

    def describe_user_by_claims(self, claims: dict[str, Any]) -> str:
        return "an ID number"  # never the number itself: logs hold no personal data

    def verify_claims(self, claims: dict[str, Any]) -> bool:
        return bool(ID_NUMBER_RE.match(_id_number(claims)))

    def filter_users_by_claims(self, claims: dict[str, Any]) -> Any:
        return User.objects.filter(id_number=_id_number(claims))

    def create_user(self, claims: dict[str, Any]) -> User:
        try:
            with transaction.atomic():
                user = User(
                    username=f"vneid-{secrets.token_hex(6)}", email=claims.get("email") or "",
                    role=Role.CITIZEN, id_number=_id_number(claims), full_name=claims.get("name") or "",
                    phone=claims.get("phone_number") or "",
                )
                user.set_unusable_password()
                user.mark_id_verified(IdVerification.NATIONAL_IDENTITY)
                user.save()
                return user
        except IntegrityError:
            # Another first sign-in with this number created the account a moment ago.
            return User.objects.get(id_number=_id_number(claims))

    def update_user(self, user: User, claims: dict[str, Any]) -> User:
        if user.role != Role.CITIZEN:
            # Officers sign in with their work account; a citizen identity never opens the desk.
            raise SuspiciousOperation("national identity sign-in to a non-citizen account")
        changed: list[str] = []
        name = claims.get("name") or ""
        if name and name != user.full_name:  # the provider's name is the verified one
            user.full_name = name
            changed.append("full_name")
        if user.id_verified_at is None:
            take_over(user, claims)
            changed += ["password", "email", "phone", "id_verified_at", "id_verified_by"]
        if changed:
            with transaction.atomic():
                user.save(update_fields=changed)
                if "id_verified_at" in changed:
                    data = {"method": IdVerification.NATIONAL_IDENTITY, "credentials_revoked": True}
                    audit.record(AccountEvent.Action.ID_VERIFIED, subject_id=user.pk, subject=user.username,
                                 data=data)
        return user


def take_over(user: User, claims: dict[str, Any]) -> None:
    """The national identity proves the number of an account registered with a typed number.

    Whoever registered it may not be the number's owner (anyone can type a number), so what
    they set up stops working: the password (no password sign-in, no reset e-mail; sessions
    opened with it end, their hash no longer matches) and the e-mail and phone they gave,
    replaced by the provider's. The owner keeps the account, its dossiers and its history.
    """
    user.set_unusable_password()
    user.email = claims.get("email") or ""
    user.phone = claims.get("phone_number") or ""
    user.mark_id_verified(IdVerification.NATIONAL_IDENTITY)


def enabled_or_404(view: Any) -> Any:
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not settings.MOTCUA_OIDC_ENABLED:
            return HttpResponseNotFound()
        return view(request, *args, **kwargs)
    return wrapped


class StartView(OIDCAuthenticationRequestView):
    """Redirects to the provider (state, nonce and PKCE verifier kept in the session)."""


class CallbackView(OIDCAuthenticationCallbackView):
    """Back from the provider: signed in, to "Hồ sơ của tôi" (or where the person was going)."""

    @property
    def failure_url(self) -> str:
        messages.error(self.request, _("Không đăng nhập được bằng tài khoản định danh điện tử. "
                                       "Vui lòng thử lại hoặc đăng nhập bằng tài khoản của hệ thống."))
        return reverse("portal:login")

    @property
    def success_url(self) -> str:
        next_url = self.request.session.pop("oidc_login_next", None)
        if next_url:
            return str(next_url)
        return reverse("portal:my_dossiers")


start = enabled_or_404(StartView.as_view())
callback = enabled_or_404(CallbackView.as_view())
