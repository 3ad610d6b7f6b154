from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "motcua.accounts"
    label = "accounts"
    verbose_name = _("Tài khoản")

    def ready(self) -> None:
        from django.db.models.signals import post_migrate

        from motcua.accounts import audit
        from motcua.accounts.roles import after_migrate

        audit.connect()

        post_migrate.connect(after_migrate, sender=self, dispatch_uid="motcua.accounts.role_groups")
