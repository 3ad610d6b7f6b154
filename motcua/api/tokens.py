"""Issue, authenticate and revoke API tokens (the only code that touches ApiToken.key_hash)."""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets

from django.conf import settings
from django.utils import timezone

from motcua.accounts.models import User
from motcua.api.models import ApiToken

TOKEN_PREFIX = "mc_"
# Writing last_used_at on every request would turn each read into a write; once a minute is enough.
LAST_USED_RESOLUTION = dt.timedelta(minutes=1)


def hash_token(raw: str) -> str:
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()


def default_expiry() -> dt.datetime:
    return timezone.now() + dt.timedelta(days=settings.MOTCUA_TOKEN_DAYS)


def issue_token(user: User, name: str, *, purpose: str = ApiToken.Purpose.SYSTEM,
                scope: str = ApiToken.Scope.READ, expires_at: dt.datetime | None = None,
                created_by: User | None = None) -> tuple[ApiToken, str]:
    """Create a token for `user`; return it with the raw value, which is never stored or shown again."""
    raw = TOKEN_PREFIX + secrets.token_urlsafe(32)
    token = ApiToken.objects.create(
        name=name, purpose=purpose, user=user, prefix=raw[:10], key_hash=hash_token(raw),
        scope=scope, expires_at=expires_at or default_expiry(), created_by=created_by,
    )
    return token, raw


def fill_new_token(token: ApiToken) -> str:
    """Give an unsaved token (from the admin form) a fresh secret and its expiry; return the raw value."""
    raw = TOKEN_PREFIX + secrets.token_urlsafe(32)
    token.prefix = raw[:10]
    token.key_hash = hash_token(raw)
    if token.expires_at is None:
        token.expires_at = default_expiry()
    return raw


def revoke_token(token: ApiToken) -> bool:
    """Revoke once; return False if it was already revoked (compare-and-set, rule 3)."""
    now = timezone.now()
    changed = ApiToken.objects.filter(pk=token.pk, revoked_at__isnull=True).update(revoked_at=now)
    if changed:
        token.revoked_at = now
        from motcua.api.audit import token_revoked

        token_revoked(token)
    return bool(changed)


def live_token(raw: str) -> ApiToken | None:
    """The token, if known, not revoked, not expired, and its officer active; else None."""
    if not raw.startswith(TOKEN_PREFIX) or len(raw) > 100:
        return None
    token = (ApiToken.objects.select_related("user", "user__agency")
             .filter(key_hash=hash_token(raw), revoked_at__isnull=True).first())
    if token is None or not token.user.is_active or not token.user.is_officer:
        return None
    if token.expires_at is not None and token.expires_at <= timezone.now():
        return None
    return token


def record_use(token: ApiToken) -> None:
    now = timezone.now()
    if token.last_used_at is None or now - token.last_used_at >= LAST_USED_RESOLUTION:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)


def authenticate_token(raw: str) -> User | None:
    """The active officer a live token acts as, or None (unknown, revoked, expired, inactive, citizen)."""
    token = live_token(raw)
    if token is None:
        return None
    record_use(token)
    return token.user
