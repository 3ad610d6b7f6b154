"""What each role may do in the Django admin: staff status and one permission group per role.

A catalog manager edits the procedure catalog (procedures, versions with their channels,
documents, legal bases and process templates, fields and the field → department table) in
/admin/; a system administrator is a superuser. Other officers work in the desk, not the
admin. The role is the single source: saving a user with an admin role gives staff status
and puts the user in the role's group (motcua.accounts.models.User.save), and taking the role
away takes both back. The groups are (re)built after every `migrate`, so a new catalog model
is covered as soon as its migration runs.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.apps import apps as global_apps
from django.db import DEFAULT_DB_ALIAS

if TYPE_CHECKING:
    from motcua.accounts.models import User

# Role -> (app label, model names or "*" for every model of the app, actions).
ROLE_PERMISSIONS: dict[str, list[tuple[str, tuple[str, ...] | str, tuple[str, ...]]]] = {
    "catalog_manager": [
        ("catalog", "*", ("view", "add", "change", "delete")),
        # To pick a department in the field → department table (read only).
        ("agencies", ("agency",), ("view",)),
    ],
}
ADMIN_ROLES = frozenset(ROLE_PERMISSIONS) | {"system_admin"}


def group_name(role: str) -> str:
    """The permission group of a role: the role's code, stable across languages."""
    return role


def _permissions(role: str, using: str) -> list[Any]:
    from django.contrib.auth.models import Permission

    wanted = []
    for app_label, models, actions in ROLE_PERMISSIONS[role]:
        app = global_apps.get_app_config(app_label)
        names = [m._meta.model_name for m in app.get_models()] if models == "*" else list(models)
        wanted += [(app_label, f"{action}_{name}") for name in names for action in actions]
    found = Permission.objects.using(using).filter(
        content_type__app_label__in={app for app, _ in wanted}
    ).select_related("content_type")
    by_key = {(p.content_type.app_label, p.codename): p for p in found}
    return [by_key[key] for key in wanted if key in by_key]


def ensure_role_groups(using: str = DEFAULT_DB_ALIAS) -> None:
    """Create or refresh the group of every admin role with exactly its permissions."""
    from django.contrib.auth.management import create_permissions
    from django.contrib.auth.models import Group

    # post_migrate reaches this app before the later apps have their permissions: make them now.
    for app_label in {app for rules in ROLE_PERMISSIONS.values() for app, _, _ in rules}:
        create_permissions(global_apps.get_app_config(app_label), verbosity=0, using=using)
    for role in ROLE_PERMISSIONS:
        group, _created = Group.objects.using(using).get_or_create(name=group_name(role))
        group.permissions.set(_permissions(role, using))


def after_migrate(sender: Any, using: str = DEFAULT_DB_ALIAS, **kwargs: Any) -> None:
    ensure_role_groups(using)


def apply_role(user: User, previous_role: str | None) -> None:
    """Staff status follows the role (before the user row is saved)."""
    if user.role in ADMIN_ROLES:
        user.is_staff = True
    elif previous_role in ADMIN_ROLES and not user.is_superuser:
        user.is_staff = False


def sync_role_groups(user: User) -> None:
    """Membership of the role groups follows the role (after the user row is saved)."""
    from django.contrib.auth.models import Group

    names = {group_name(role) for role in ROLE_PERMISSIONS}
    wanted = group_name(user.role) if user.role in ROLE_PERMISSIONS else None
    current = list(user.groups.filter(name__in=names))
    stale = [group for group in current if group.name != wanted]
    if stale:
        user.groups.remove(*stale)
    if wanted is not None and not any(group.name == wanted for group in current):
        group = Group.objects.filter(name=wanted).first()
        if group is None:  # a database migrated before this module existed
            ensure_role_groups(user._state.db or DEFAULT_DB_ALIAS)
            group = Group.objects.get(name=wanted)
        user.groups.add(group)
