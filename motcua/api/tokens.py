"""Issue, authenticate and revoke API tokens (the only code that touches ApiToken.key_hash)."""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets

from django.utils import timezone

from motcua.accounts.models import User
from motcua.api.models import ApiToken

TOKEN_PREFIX = "mc_"
# Writing last_used_at on every request would turn each read into a write; once a minute is enough.
LAST_USED_RESOLUTION = dt.timedelta(minutes=1)


def hash_token(raw: str) -> str:
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()


def issue_token(user: User, name: str, *, purpose: str = ApiToken.Purpose.SYSTEM,
                created_by: User | None = None) -> tuple[ApiToken, str]:
    """Create a token for `user`; return it with the raw value, which is never stored or shown again."""
    raw = TOKEN_PREFIX + secrets.token_urlsafe(32)
    token = ApiToken.objects.create(
        name=name, purpose=purpose, user=user, prefix=raw[:10], key_hash=hash_token(raw),
        created_by=created_by,
    )
    return token, raw


def fill_new_token(token: ApiToken) -> str:
    """Give an unsaved token (from the admin form) a fresh secret; return the raw value."""
    raw = TOKEN_PREFIX + secrets.token_urlsafe(32)
    token.prefix = raw[:10]
    token.key_hash = hash_token(raw)
    return raw


def revoke_token(token: ApiToken) -> bool:
    """Revoke once; return False if it was already revoked (compare-and-set, rule 3)."""
    now = timezone.now()
    changed = ApiToken.objects.filter(pk=token.pk, revoked_at__isnull=True).update(revoked_at=now)
    if changed:
        token.revoked_at = now
    return bool(changed)


def authenticate_token(raw: str) -> User | None:
    """The active officer a live token acts as, or None (unknown, revoked, inactive or not an officer)."""
    if not raw.startswith(TOKEN_PREFIX) or len(raw) > 100:
        return None
    token = (ApiToken.objects.select_related("user", "user__agency")
             .filter(key_hash=hash_token(raw), revoked_at__isnull=True).first())
    if token is None or not token.user.is_active or not token.user.is_officer:
        return None
    now = timezone.now()
    if token.last_used_at is None or now - token.last_used_at >= LAST_USED_RESOLUTION:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
    return token.user
