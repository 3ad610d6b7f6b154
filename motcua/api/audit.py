"""API tokens in the account audit log (motcua.accounts.audit): issued, changed, revoked, deleted.

Never the secret: a token is named by its prefix, its name, scope and expiry.
"""

from __future__ import annotations

from typing import Any

from django.db.models.signals import post_delete, post_save, pre_save

from motcua.accounts.audit import record
from motcua.accounts.models import AccountEvent
from motcua.api.models import ApiToken

CHANGEABLE = ("name", "purpose", "scope", "expires_at")


def _describe(token: ApiToken) -> dict[str, Any]:
    return {"token": token.prefix, "name": token.name, "scope": token.scope, "purpose": token.purpose,
            "expires_at": token.expires_at.isoformat() if token.expires_at else None}


def token_revoked(token: ApiToken) -> None:
    """Called by tokens.revoke_token: a revocation is a queryset update, which sends no signal."""
    record(AccountEvent.Action.TOKEN_REVOKED, subject_id=token.user_id, subject=token.user.username,
           data=_describe(token))


def _before_save(sender: type[ApiToken], instance: ApiToken, raw: bool = False, **kwargs: Any) -> None:
    before = None
    if not raw and not instance._state.adding and instance.pk is not None:
        before = ApiToken.objects.filter(pk=instance.pk).values(*CHANGEABLE).first()
    instance._audit_before = before  # type: ignore[attr-defined]


def _after_save(sender: type[ApiToken], instance: ApiToken, created: bool, raw: bool = False,
                **kwargs: Any) -> None:
    if raw:
        return
    if created:
        record(AccountEvent.Action.TOKEN_ISSUED, subject_id=instance.user_id,
               subject=instance.user.username, data=_describe(instance))
        return
    before = getattr(instance, "_audit_before", None)
    if before is None:
        return
    changed = {field: [str(before[field]), str(getattr(instance, field))] for field in CHANGEABLE
               if before[field] != getattr(instance, field)}
    if changed:
        record(AccountEvent.Action.TOKEN_CHANGED, subject_id=instance.user_id,
               subject=instance.user.username, data={"token": instance.prefix, **changed})


def _deleted(sender: type[ApiToken], instance: ApiToken, **kwargs: Any) -> None:
    from motcua.accounts.models import User

    owner = User.objects.filter(pk=instance.user_id).values_list("username", flat=True).first()
    record(AccountEvent.Action.TOKEN_DELETED, subject_id=instance.user_id, subject=owner or "",
           data=_describe(instance))


def connect() -> None:
    pre_save.connect(_before_save, sender=ApiToken, dispatch_uid="motcua.api.audit.pre_save")
    post_save.connect(_after_save, sender=ApiToken, dispatch_uid="motcua.api.audit.post_save")
    post_delete.connect(_deleted, sender=ApiToken, dispatch_uid="motcua.api.audit.post_delete")
