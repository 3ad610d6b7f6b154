"""The account audit log: account, role, permission and token changes (issue #18, build 2).

Accounts change through many doors — the admin, the API, `createsuperuser`, `changepassword`,
the shell, the province set-up — so the log is kept at the model: signal receivers compare the
row before and after each save and write an `AccountEvent`. The actor is the signed-in user of
the request being served (`AccountAuditMiddleware`), or nobody for commands and jobs ("system").
Only field names are written for personal data (ID number, phone, e-mail), never the values.
"""

from __future__ import annotations

import contextvars
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from django.db.models.signals import m2m_changed, post_delete, post_save, pre_save
from django.http import HttpRequest, HttpResponse

from motcua.accounts.models import AccountEvent, User

# Role, agency and the flags that grant or withdraw access: old and new values are recorded.
ACCESS_FIELDS = ("role", "agency_id", "is_active", "is_staff", "is_superuser")
# Who the person is: only the names of the fields that changed are recorded.
PROFILE_FIELDS = ("username", "full_name", "first_name", "last_name", "email", "id_number", "phone")

_request: contextvars.ContextVar[HttpRequest | None] = contextvars.ContextVar("motcua_audit_request",
                                                                               default=None)
_actor_override: contextvars.ContextVar[User | None] = contextvars.ContextVar("motcua_audit_actor",
                                                                              default=None)


class AccountAuditMiddleware:
    """Makes the request's signed-in user the actor of the account changes it causes."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        token = _request.set(request)
        try:
            return self.get_response(request)
        finally:
            _request.reset(token)


@contextmanager
def acting_as(user: User | None) -> Iterator[None]:
    """Name the actor outside a request (a command run on someone's behalf, a test)."""
    token = _actor_override.set(user)
    try:
        yield
    finally:
        _actor_override.reset(token)


def _actor() -> tuple[int | None, str]:
    user: Any = _actor_override.get()
    if user is None:
        request = _request.get()
        user = getattr(request, "user", None) if request is not None else None
    if user is None or not getattr(user, "is_authenticated", False):
        return None, ""
    return user.pk, user.username


def record(action: str, *, subject_id: int | None, subject: str, data: dict[str, Any] | None = None
           ) -> AccountEvent:
    actor_id, actor = _actor()
    return AccountEvent.objects.create(action=action, actor_user_id=actor_id, actor=actor,
                                       subject_user_id=subject_id, subject=subject, data=data or {})


# ------------------------------------------------------------------------------ users

def _user_before_save(sender: type[User], instance: User, raw: bool = False,
                      update_fields: Any = None, **kwargs: Any) -> None:
    watched = (*ACCESS_FIELDS, *PROFILE_FIELDS, "password")
    if raw or instance._state.adding or instance.pk is None:
        instance._audit_before = None  # type: ignore[attr-defined]
        return
    names = {*watched, "agency"}  # update_fields may name the foreign key or its column
    if update_fields is not None and not names & set(update_fields):
        instance._audit_before = None  # type: ignore[attr-defined]  # e.g. last_login at sign-in
        return
    instance._audit_before = (  # type: ignore[attr-defined]
        User.objects.filter(pk=instance.pk).values(*watched).first())


def _user_after_save(sender: type[User], instance: User, created: bool, raw: bool = False,
                     **kwargs: Any) -> None:
    if raw:
        return
    if created:
        record(AccountEvent.Action.ACCOUNT_CREATED, subject_id=instance.pk, subject=instance.username,
               data={field: getattr(instance, field) for field in ACCESS_FIELDS})
        return
    before = getattr(instance, "_audit_before", None)
    instance._audit_before = None  # type: ignore[attr-defined]
    if before is None:
        return
    access = {field: [before[field], getattr(instance, field)] for field in ACCESS_FIELDS
              if before[field] != getattr(instance, field)}
    if access:
        record(AccountEvent.Action.ROLE_CHANGED, subject_id=instance.pk, subject=instance.username,
               data=access)
    if before["password"] != instance.password:
        record(AccountEvent.Action.PASSWORD_CHANGED, subject_id=instance.pk, subject=instance.username)
    profile = [field for field in PROFILE_FIELDS if before[field] != getattr(instance, field)]
    if profile:
        record(AccountEvent.Action.ACCOUNT_CHANGED, subject_id=instance.pk, subject=instance.username,
               data={"fields": profile})


def _user_deleted(sender: type[User], instance: User, **kwargs: Any) -> None:
    record(AccountEvent.Action.ACCOUNT_DELETED, subject_id=instance.pk, subject=instance.username,
           data={"role": instance.role})


def _permissions_changed(sender: Any, instance: Any, action: str, reverse: bool, model: Any,
                         pk_set: set[int] | None, **kwargs: Any) -> None:
    if action not in ("post_add", "post_remove", "post_clear") or not pk_set and action != "post_clear":
        return
    field = "groups" if sender is User.groups.through else "user_permissions"
    users = [instance] if not reverse else list(User.objects.filter(pk__in=pk_set or ()))
    if reverse:  # group.user_set.add(...): instance is the group or permission
        names = [str(instance)]
    else:
        names = sorted(str(item) for item in model.objects.filter(pk__in=pk_set or ()))
    change = {"post_add": "added", "post_remove": "removed", "post_clear": "cleared"}[action]
    for user in users:
        record(AccountEvent.Action.PERMISSIONS_CHANGED, subject_id=user.pk, subject=user.username,
               data={field: {change: names}})


def connect() -> None:
    pre_save.connect(_user_before_save, sender=User, dispatch_uid="motcua.accounts.audit.pre_save")
    post_save.connect(_user_after_save, sender=User, dispatch_uid="motcua.accounts.audit.post_save")
    post_delete.connect(_user_deleted, sender=User, dispatch_uid="motcua.accounts.audit.post_delete")
    for through in (User.groups.through, User.user_permissions.through):
        m2m_changed.connect(_permissions_changed, sender=through,
                            dispatch_uid=f"motcua.accounts.audit.m2m.{through.__name__}")
