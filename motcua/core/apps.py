from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "motcua.core"
    label = "core"
    verbose_name = _("Lõi")

    def ready(self) -> None:
        from django.contrib.auth.signals import user_logged_in

        from motcua.core import checks  # noqa: F401  (registers motcua's system checks)
        from motcua.core.middleware import start_idle_clock

        user_logged_in.connect(start_idle_clock, dispatch_uid="motcua-idle-clock")
